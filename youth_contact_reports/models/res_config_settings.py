# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_indicators import DEFAULT_WEIGHTS, INDICATOR_KEYS, WEIGHT_PARAM


class ResConfigSettings(models.TransientModel):
    """Default weights of the evaluation indicators (ir.config_parameter
    ``youth_contact_reports.weight_<indicator>``); each new evaluation starts
    with them."""
    _inherit = 'res.config.settings'

    league_weight_coverage = fields.Integer('Coverage of the Quota')
    league_weight_sector = fields.Integer('Sector Spread')
    league_weight_frequency = fields.Integer('Contact Frequency')
    league_weight_activity = fields.Integer('Activities Held')
    league_weight_interaction = fields.Integer('Interactions')
    league_weight_satisfaction = fields.Integer('Youth Satisfaction')
    league_weight_grassroots = fields.Integer('"4+1" Compliance')
    league_weight_rotation = fields.Integer('"8+4" Participation')
    league_weight_open_day = fields.Integer('Open Days Held')
    league_weight_total = fields.Integer('Total of the Weights',
                                         compute='_compute_league_weight_total')

    @api.depends(*['league_weight_%s' % key for key in INDICATOR_KEYS])
    def _compute_league_weight_total(self):
        for settings in self:
            settings.league_weight_total = sum(
                settings['league_weight_%s' % key] for key in INDICATOR_KEYS)

    @api.model
    def league_weights(self):
        """{indicator: weight} from the system parameters (defaults when unset
        or not a number)."""
        params = self.env['ir.config_parameter'].sudo()
        weights = {}
        for key in INDICATOR_KEYS:
            value = params.get_param(WEIGHT_PARAM % key)
            try:
                weights[key] = int(value) if value not in (None, False, '') else None
            except ValueError:
                weights[key] = None
            if weights[key] is None or weights[key] < 0:
                weights[key] = DEFAULT_WEIGHTS[key]
        return weights

    @api.model
    def league_check_weights(self, weights):
        """Refuse negative weights or weights that are all zero."""
        if any(value < 0 for value in weights.values()):
            raise ValidationError(_('The weights of the evaluation indicators cannot be '
                                    'negative.'))
        if not sum(weights.values()):
            raise ValidationError(_('At least one weight of the evaluation indicators must '
                                    'be positive.'))

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        res.update(('league_weight_%s' % key, value)
                   for key, value in self.league_weights().items())
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        weights = {key: self['league_weight_%s' % key] for key in INDICATOR_KEYS}
        self.league_check_weights(weights)
        params = self.env['ir.config_parameter'].sudo()
        for key, value in weights.items():
            params.set_param(WEIGHT_PARAM % key, str(value))
