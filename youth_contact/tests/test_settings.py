# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from .common import LeagueTestCase

MAX_CADRES = 'youth_contact.max_cadres_per_youth'
MIN_ATTENDEES = 'youth_contact.open_day_min_attendees'


class TestSettings(LeagueTestCase):
    """The thresholds are set by the city administrator (league.settings), not
    only by system administrators (res.config.settings), with the same code."""

    def param(self, key):
        return self.env['ir.config_parameter'].sudo().get_param(key)

    def open_form(self, user):
        return self.env['league.settings'].sudo(user).create({})

    def test_city_admin_changes_the_thresholds(self):
        self.env['ir.config_parameter'].sudo().set_param(MAX_CADRES, '4')
        form = self.open_form(self.user_city)
        self.assertEqual(form.league_max_cadres_per_youth, 4)    # the stored values
        self.assertEqual(form.league_open_day_min_attendees, 50)  # the default
        form.write({'league_max_cadres_per_youth': 6, 'league_open_day_min_attendees': 30})
        action = form.execute()
        self.assertEqual(action['tag'], 'reload')
        self.assertEqual(self.param(MAX_CADRES), '6')
        self.assertEqual(self.param(MIN_ATTENDEES), '30')
        # the models and the system administrator's page see the new values
        self.assertEqual(self.env['league.youth']._max_cadres(), 6)
        self.assertEqual(self.env['league.open.day']._get_min_attendees(), 30)
        page = self.env['res.config.settings'].create({})
        self.assertEqual(page.league_max_cadres_per_youth, 6)
        self.assertEqual(page.league_open_day_min_attendees, 30)

    def test_county_admin_and_cadre_cannot(self):
        self.env['ir.config_parameter'].sudo().set_param(MAX_CADRES, '4')
        for user in (self.user_admin_a, self.user_cadre_a):
            form = self.open_form(user)
            form.write({'league_max_cadres_per_youth': 9})
            with self.assertRaisesRegex(AccessError, 'Only the city administrator'):
                form.execute()
            with self.assertRaises(AccessError):
                self.env['league.settings'].sudo(user)._league_set_values(
                    {'league_max_cadres_per_youth': 9})
            # nor through the settings page of the system administrators
            with self.assertRaises(AccessError):
                self.env['res.config.settings'].sudo(user).create(
                    {'league_max_cadres_per_youth': 9}).execute()
        self.assertEqual(self.param(MAX_CADRES), '4')

    def test_thresholds_must_be_at_least_one(self):
        before = self.param(MIN_ATTENDEES)
        form = self.open_form(self.user_city)
        with self.assertRejected('"Maximum Cadres per Youth" must be at least 1'):
            form.write({'league_max_cadres_per_youth': 0})
        with self.assertRejected('"Minimum Open Day Attendance" must be at least 1'):
            self.env['league.settings'].sudo(self.user_city).create(
                {'league_open_day_min_attendees': -3})
        with self.assertRejected('at least 1'):
            self.env['league.settings'].sudo(self.user_city)._league_set_values(
                {'league_open_day_min_attendees': 0})
        self.assertEqual(self.param(MIN_ATTENDEES), before)

    def test_message_in_chinese(self):
        if not self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            self.skipTest('Chinese is not installed')
        form = self.open_form(self.user_city).with_context(lang='zh_CN')
        with self.assertRejected('每名青年最多联系团干部数'):
            form.write({'league_max_cadres_per_youth': 0})

    def test_menu_only_for_the_city_administrator(self):
        menu = self.env.ref('youth_contact.menu_league_settings')
        Menu = self.env['ir.ui.menu']
        self.assertTrue(Menu.sudo(self.user_city).search([('id', '=', menu.id)]))
        for user in (self.user_admin_a, self.user_cadre_a):
            self.assertFalse(Menu.sudo(user).search([('id', '=', menu.id)]))
