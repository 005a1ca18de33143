# -*- coding: utf-8 -*-
from odoo import api, models

# fields of a log that the lines of the contact analysis copy or depend on
REPORTED_FIELDS = ('cadre_id', 'youth_ids', 'date', 'mode', 'topic')


class LeagueContactLog(models.Model):
    """Keeps the lines of the contact analysis (league.report.contact) exact
    when logs are created, changed or deleted."""
    _inherit = 'league.contact.log'

    @api.model
    def create(self, vals):
        log = super(LeagueContactLog, self).create(vals)
        self.env['league.report.contact']._refresh_lines(log.ids)
        return log

    @api.multi
    def write(self, vals):
        result = super(LeagueContactLog, self).write(vals)
        if any(name in vals for name in REPORTED_FIELDS):
            self.env['league.report.contact']._refresh_lines(self.ids)
        return result

    @api.multi
    def unlink(self):
        Report = self.env['league.report.contact']
        keys = Report._remove_lines(self.ids)
        result = super(LeagueContactLog, self).unlink()
        Report._refresh_lines([], keys)
        return result
