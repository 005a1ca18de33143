# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from odoo.addons.youth_contact.tests.common import LeagueTestCase
from odoo.addons.youth_contact_reports.models.league_indicators import (
    DEFAULT_WEIGHTS, INDICATOR_KEYS)


class TestSettingsWeights(LeagueTestCase):
    """The city administrator sets the default weights of the evaluation."""

    def weights_form(self, user, **weights):
        form = self.env['league.settings'].sudo(user).create({})
        form.write({'league_weight_%s' % key: value for key, value in weights.items()})
        return form

    def test_city_admin_sets_the_weights(self):
        form = self.weights_form(self.user_city)
        self.assertEqual(form.league_weight_coverage, DEFAULT_WEIGHTS['coverage'])
        self.assertEqual(form.league_weight_total, sum(DEFAULT_WEIGHTS.values()))
        form = self.weights_form(self.user_city,
                                 **dict(dict.fromkeys(INDICATOR_KEYS, 0), satisfaction=3))
        self.assertEqual(form.league_weight_total, 3)
        form.execute()
        weights = self.env['res.config.settings'].league_weights()
        self.assertEqual(weights['satisfaction'], 3)
        self.assertEqual(weights['coverage'], 0)
        defaults = self.env['league.evaluation'].default_get(
            ['weight_satisfaction', 'weight_coverage'])
        self.assertEqual(defaults, {'weight_satisfaction': 3, 'weight_coverage': 0})

    def test_county_admin_and_cadre_cannot(self):
        for user in (self.user_admin_a, self.user_cadre_a):
            form = self.weights_form(user, sector=80)
            with self.assertRaises(AccessError):
                form.execute()
        self.assertEqual(self.env['league.settings'].league_weights()['sector'],
                         DEFAULT_WEIGHTS['sector'])

    def test_weights_are_checked(self):
        form = self.weights_form(self.user_city, coverage=-1)
        with self.assertRejected('cannot be negative'):
            form.execute()
        form = self.weights_form(self.user_city, **dict.fromkeys(INDICATOR_KEYS, 0))
        with self.assertRejected('must be positive'):
            form.execute()
        self.assertEqual(self.env['league.settings'].league_weights(), DEFAULT_WEIGHTS)
