# -*- coding: utf-8 -*-
from odoo import api, fields, models


class LeagueCadre(models.Model):
    """The cadre's satisfaction figures (ratings recorded face to face or
    given by the youth on their pages)."""
    _inherit = 'league.cadre'

    satisfaction_ids = fields.One2many('league.satisfaction', 'cadre_id', 'Satisfaction Ratings')
    satisfaction_count = fields.Integer('Ratings', compute='_compute_satisfaction')
    satisfaction_avg = fields.Float('Average Rating (1-5)', digits=(3, 2),
                                    compute='_compute_satisfaction')

    @api.multi
    def _compute_satisfaction(self):
        groups = self.env['league.satisfaction'].read_group(
            [('cadre_id', 'in', self.ids)], ['cadre_id', 'rating_value'], ['cadre_id'])
        stats = {g['cadre_id'][0]: (g['cadre_id_count'], g['rating_value']) for g in groups}
        for cadre in self:
            cadre.satisfaction_count, cadre.satisfaction_avg = stats.get(cadre.id, (0, 0.0))

    @api.multi
    def action_view_satisfaction(self):
        self.ensure_one()
        action = self.env.ref('youth_contact_reports.action_league_satisfaction').read()[0]
        action['domain'] = [('cadre_id', '=', self.id)]
        action['context'] = {'default_cadre_id': self.id}
        return action
