# -*- coding: utf-8 -*-
"""Date helpers for evaluation periods, quarters and weeks (pure functions)."""
import datetime

from odoo import fields

from odoo.addons.youth_contact.models.league_common import quarter_index


def half_year_bounds(day):
    """Return (first day, last day) of the half-year containing ``day``."""
    if day.month <= 6:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30)
    return datetime.date(day.year, 7, 1), datetime.date(day.year, 12, 31)


def half_year_key(day):
    """'2024-H1' for a date of the first half of 2024."""
    return '%d-H%d' % (day.year, 1 if day.month <= 6 else 2)


def to_date(value):
    """A date from a date, a datetime or an ORM date string."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return fields.Date.from_string(value)


def week_count(date_from, date_to):
    """Number of ISO weeks (Monday to Sunday) overlapping [date_from, date_to]."""
    if date_to < date_from:
        return 0
    monday_from = date_from - datetime.timedelta(days=date_from.weekday())
    monday_to = date_to - datetime.timedelta(days=date_to.weekday())
    return (monday_to - monday_from).days // 7 + 1


def quarter_count(date_from, date_to):
    """Number of calendar quarters overlapping [date_from, date_to]."""
    if date_to < date_from:
        return 0
    return quarter_index(date_to) - quarter_index(date_from) + 1
