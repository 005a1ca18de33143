# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_indicators import DEFAULT_WEIGHTS, INDICATOR_KEYS, WEIGHT_PARAM, indicator_fields

#: count only the contacts confirmed by the youth in the coverage (0 = off, 1 = on)
CONFIRMED_ONLY_PARAM = 'youth_contact_reports.coverage_confirmed_only'


class LeagueSettingsMixin(models.AbstractModel):
    """Default weights of the evaluation indicators (ir.config_parameter
    ``youth_contact_reports.weight_<indicator>``); each new evaluation starts
    with them.  Set by the city administrator (league.settings) or on the
    settings page (res.config.settings)."""
    _inherit = 'league.settings.mixin'

    vars().update(indicator_fields('league_weight_%s',
                                   lambda key, label: fields.Integer(label)))
    league_weight_total = fields.Integer('Total of the Weights',
                                         compute='_compute_league_weight_total')
    league_coverage_confirmed_only = fields.Boolean(
        'Coverage Counts Confirmed Contacts Only',
        help='New evaluations count in the coverage indicator only the contacts that the youth '
             'confirmed on their personal page (off: every contact in the lists counts).')

    @api.depends(*['league_weight_%s' % key for key in INDICATOR_KEYS])
    def _compute_league_weight_total(self):
        for settings in self:
            settings.league_weight_total = sum(
                settings['league_weight_%s' % key] for key in INDICATOR_KEYS)

    @api.model
    def _league_param_specs(self):
        return super(LeagueSettingsMixin, self)._league_param_specs() + [
            ('league_weight_%s' % key, WEIGHT_PARAM % key, DEFAULT_WEIGHTS[key], 0)
            for key in INDICATOR_KEYS] + [
            ('league_coverage_confirmed_only', CONFIRMED_ONLY_PARAM, 0, 0)]

    @api.model
    def _league_confirmed_only_default(self):
        """Whether new evaluations count only the confirmed contacts in the coverage."""
        return bool(self._league_get_values()['league_coverage_confirmed_only'])

    @api.model
    def league_weights(self):
        """{indicator: weight} from the system parameters (defaults when unset,
        not a number or negative)."""
        values = self._league_get_values()
        return {key: values['league_weight_%s' % key] for key in INDICATOR_KEYS}

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
    def _league_check_values(self, values):
        weights = {key: values['league_weight_%s' % key] for key in INDICATOR_KEYS
                   if 'league_weight_%s' % key in values}
        if weights:
            self.league_check_weights(weights)
        return super(LeagueSettingsMixin, self)._league_check_values(values)
