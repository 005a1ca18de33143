# -*- coding: utf-8 -*-
from odoo import api, models

from .league_common import week_label


class Base(models.AbstractModel):
    """Groups by week (pivots, graphs, grouped lists) are labelled "W49 2026" by
    Odoo, in any language; a League office reads the week as its dates, the
    label of the weeks of "4+1" records (``league_common.week_label``)."""
    _inherit = 'base'

    @api.model
    def _read_group_format_result(self, data, annotated_groupbys, groupby, domain):
        weeks = {gb['groupby']: data[gb['groupby']] for gb in annotated_groupbys
                 if gb['groupby'].endswith(':week') and data[gb['groupby']]}
        data = super(Base, self)._read_group_format_result(data, annotated_groupbys, groupby,
                                                           domain)
        for name, value in weeks.items():
            day = value.date() if hasattr(value, 'date') else value
            data[name] = (data[name][0], week_label(day))
        return data
