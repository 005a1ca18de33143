# -*- coding: utf-8 -*-
from odoo import api, models

from odoo.addons.youth_contact.models.league_report_view import m2m_table


class LeagueYouth(models.Model):
    """Keeps the lines of the contact analysis exact when youth are deleted
    (their log links go with them: the logs' first youth may change)."""
    _inherit = 'league.youth'

    @api.multi
    def unlink(self):
        table, log_col, youth_col = m2m_table(self.env, 'league.contact.log', 'youth_ids')
        log_ids = []
        if self.ids:
            self.env.cr.execute('SELECT DISTINCT {log} FROM {table} WHERE {youth} IN %s'.format(
                log=log_col, table=table, youth=youth_col), (tuple(self.ids),))
            log_ids = [row[0] for row in self.env.cr.fetchall()]
        result = super(LeagueYouth, self).unlink()
        if log_ids:
            self.env.cr.execute('SELECT id FROM league_contact_log WHERE id IN %s',
                                (tuple(log_ids),))
            self.env['league.report.contact']._refresh_lines(
                [row[0] for row in self.env.cr.fetchall()])
        return result
