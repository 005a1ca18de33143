# -*- coding: utf-8 -*-
from odoo import api, models


class ResConfigSettings(models.TransientModel):
    """The youth contact settings on the system administrator's settings page;
    the fields and the code are those of ``league.settings.mixin``."""
    _name = 'res.config.settings'
    _inherit = ['res.config.settings', 'league.settings.mixin']

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        res.update(self._league_get_values())
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        self._league_set_values(self._league_values())
