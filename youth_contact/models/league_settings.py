# -*- coding: utf-8 -*-
from odoo import api, models


class LeagueSettings(models.TransientModel):
    """The settings form of the city administrator (团市委管理员), who is not a
    system administrator and so cannot use the general settings page."""
    _name = 'league.settings'
    _inherit = 'league.settings.mixin'
    _description = 'Youth Contact Settings'

    @api.model
    def default_get(self, fields_list):
        res = super(LeagueSettings, self).default_get(fields_list)
        res.update((name, value) for name, value in self._league_get_values().items()
                   if name in fields_list)
        return res

    @api.multi
    def execute(self):
        """Save: only city administrators (and system administrators) may."""
        self.ensure_one()
        self._league_set_values(self._league_values())
        return {'type': 'ir.actions.client', 'tag': 'reload'}
