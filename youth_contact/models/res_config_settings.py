# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_youth import MAX_CADRES_DEFAULT, MAX_CADRES_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    league_max_cadres_per_youth = fields.Integer(
        'Maximum Cadres per Youth', default=MAX_CADRES_DEFAULT,
        help='A youth in contact with more cadres than this is flagged, to avoid the '
             'repeated contact of a few youth.')

    @api.constrains('league_max_cadres_per_youth')
    def _check_league_max_cadres(self):
        for settings in self:
            if settings.league_max_cadres_per_youth < 1:
                raise ValidationError(_('The maximum number of cadres per youth must be at '
                                        'least 1.'))

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        res['league_max_cadres_per_youth'] = self.env['league.youth']._max_cadres()
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        self.env['ir.config_parameter'].sudo().set_param(
            MAX_CADRES_PARAM, str(self.league_max_cadres_per_youth))
