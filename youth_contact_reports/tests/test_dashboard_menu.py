# -*- coding: utf-8 -*-
"""Issue 13: one dashboard.  League users have the League dashboard (考核与报表 ›
仪表板), not Odoo's empty Dashboards app of the top bar."""
from odoo.addons.youth_contact.tests.common import LeagueTestCase


class TestDashboardMenu(LeagueTestCase):

    def app_ids(self, user):
        menus = self.env['ir.ui.menu'].sudo(user).load_menus(False)
        return set(menus['children'] and [child['id'] for child in menus['children']])

    def test_board_app_hidden_from_league_users(self):
        board = self.env.ref('base.menu_board_root')
        league = self.env.ref('youth_contact.menu_root')
        employee = self.env['res.users'].create({
            'name': 'Employee', 'login': 'yc_test_employee',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        self.assertIn(board.id, self.app_ids(employee))
        for user in (self.user_cadre_a, self.user_admin_a, self.user_city):
            apps = self.app_ids(user)
            self.assertIn(league.id, apps)
            self.assertNotIn(board.id, apps)
        dashboard = self.env.ref('youth_contact_reports.menu_league_dashboard')
        self.assertEqual(dashboard.sudo(self.user_cadre_a)._filter_visible_menus(), dashboard)

    def test_menu_search_offers_reachable_menus_only(self):
        """The app drawer's menu search (web_responsive: menus with an action)
        offers no menu under a folder the user cannot open, e.g. 设置."""
        settings = self.env.ref('base.menu_administration')
        under_settings = self.env['ir.ui.menu'].with_context(
            **{'ir.ui.menu.full_list': True}).search([('id', 'child_of', settings.id)])
        for user in (self.user_cadre_a, self.user_admin_a, self.user_city):
            found = self.env['ir.ui.menu'].sudo(user).search([('action', '!=', False)])
            self.assertIn(self.env.ref('youth_contact.menu_root'), self.env['ir.ui.menu'].sudo(
                user).search([('parent_id', '=', False)]))
            self.assertTrue(found)
            self.assertFalse(found & under_settings, user.login)
        self.assertTrue(self.env['ir.ui.menu'].search([('action', '!=', False)]) & under_settings)
