# -*- coding: utf-8 -*-
"""Issue 15: the youth's confirmations in the evaluation.

The evaluation shows, per cadre and county, the contacts confirmed by the
youth on their pages (by the end of the period) and the confirmation rate
beside the coverage; a city setting (default off) makes new evaluations count
only the confirmed contacts in the coverage.  With the option off the scores
are those of before (tests/test_evaluation.py, unchanged)."""
from odoo.exceptions import UserError

from odoo.addons.youth_contact.models.league_guard import server_side

from .common import EvaluationTestCase


class TestYouthConfirmation(EvaluationTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestYouthConfirmation, cls).setUpClass()
        contacts = cls.env['league.contact'].search([('cadre_id', '=', cls.cadre_a2.id)],
                                                    order='id')
        # of the 5 contacts of cadre_a2: 2 confirmed in the period, 1 confirmed after
        # it (not counted), 1 disowned
        server_side(contacts[:2]).write({'confirm_state': 'confirmed',
                                         'confirm_date': '2025-03-01'})
        server_side(contacts[2]).write({'confirm_state': 'confirmed',
                                        'confirm_date': '2025-08-01'})
        server_side(contacts[3]).write({'confirm_state': 'disowned',
                                        'confirm_date': '2025-04-01'})

    def test_confirmation_figures_option_off(self):
        evaluation = self.make_evaluation()
        self.assertFalse(evaluation.coverage_confirmed_only)
        evaluation.sudo(self.user_city).action_compute()
        x = self.line_of(evaluation, self.cadre_a2)
        self.assertEqual((x.youth_count, x.confirmed_count, x.disowned_count), (5, 2, 1))
        self.assertEqual(x.confirmation_rate, 40.0)
        self.assertEqual(x.coverage_score, 50.0)             # every contact counts
        y = self.line_of(evaluation, self.cadre_a)
        self.assertEqual((y.confirmed_count, y.confirmation_rate), (0, 0.0))
        county = self.county_line_of(evaluation, self.county_a)
        self.assertEqual(county.confirmed_count, 2)
        self.assertAlmostEqual(county.confirmation_rate,
                               round(100.0 * 2 / county.youth_count, 2))

    def test_coverage_of_confirmed_contacts_only(self):
        off = self.make_evaluation()
        off.sudo(self.user_city).action_compute()
        form = self.env['league.settings'].sudo(self.user_city).create({})
        self.assertFalse(form.league_coverage_confirmed_only)
        form.write({'league_coverage_confirmed_only': True})
        form.execute()
        self.assertTrue(self.env['league.settings'].sudo(self.user_city).create(
            {}).league_coverage_confirmed_only)
        on = self.make_evaluation()
        self.assertTrue(on.coverage_confirmed_only)
        on.sudo(self.user_city).action_compute()
        x_on, x_off = self.line_of(on, self.cadre_a2), self.line_of(off, self.cadre_a2)
        self.assertEqual(x_on.coverage_score, 20.0)           # 2 confirmed / quota 10
        self.assertEqual(x_off.coverage_score, 50.0)
        self.assertLess(x_on.score, x_off.score)
        # the other indicators do not change
        self.assertEqual((x_on.frequency_score, x_on.interaction_score),
                         (x_off.frequency_score, x_off.interaction_score))
        # frozen once computed, as the weights
        with self.assertRejected('back to draft', UserError):
            on.sudo(self.user_city).write({'coverage_confirmed_only': False})
        # a county administrator cannot change the setting
        form = self.env['league.settings'].sudo(self.user_admin_a).create(
            {'league_coverage_confirmed_only': False})
        with self.assertRejected('', Exception):
            form.execute()
        self.assertTrue(self.env['res.config.settings']._league_confirmed_only_default())
