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
