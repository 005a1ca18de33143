# -*- coding: utf-8 -*-
from odoo import api, models

from .league_common import in_user_lang


class MailActivity(models.Model):
    """Activities of League records follow the record rules of their record.

    Odoo 11 lets every internal user read every activity (summary, record
    name, assignee): the concern, approval and "4+1" / cadence reminders of
    every county.  The record rule ``rule_mail_activity_league`` (read) keeps
    the activities of League records whose record the user may read: a cadre
    sees those of their own records, a county administrator those of their
    county, the city administrator all of them, a user without League group
    none.  An activity assigned to a user on a record they may not read is
    not shown either: the activity menu of the systray counts the user's own
    activities in SQL and opens the League record lists, which follow the
    same rules.  Activities of other models keep Odoo's access rules.
    """
    _name = 'mail.activity'
    _inherit = ['mail.activity', 'league.readable.document.mixin']

    @api.multi
    def action_feedback(self, feedback=False):
        """The "done" message is rendered in the user's language also when the
        context has none (the activity type's name, the template's words)."""
        return super(MailActivity, in_user_lang(self)).action_feedback(feedback=feedback)
