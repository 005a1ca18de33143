# -*- coding: utf-8 -*-
"""Issue 13, accounts and arrival: initial passwords issued by county
administrators, the change at first login, the League home actions."""
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from ..wizard.league_initial_password_wizard import PASSWORD_ALPHABET, new_initial_password
from .common import LeagueTestCase


class TestInitialPassword(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestInitialPassword, cls).setUpClass()
        # a county administrator who is also a cadre of county A
        cls.user_admin_a2 = cls.make_user('admin_a2', 'group_county_admin')
        cls.cadre_admin_a2 = cls.make_cadre('赵敏', cls.town_a, cls.user_admin_a2)

    def issue(self, user, cadres):
        wizard = self.env['league.initial.password.wizard'].sudo(user).create(
            {'cadre_ids': [(6, 0, cadres.ids)]})
        return wizard.action_issue()

    def assertPassword(self, user, password):
        """The user logs in with ``password`` (its hash only is stored)."""
        self.env['res.users'].sudo(user).check_credentials(password)
        self.env.cr.execute('SELECT password, password_crypt FROM res_users WHERE id = %s',
                            (user.id,))
        clear, crypt = self.env.cr.fetchone()
        self.assertFalse(clear)
        self.assertNotIn(password, crypt)

    def test_county_admin_issues_for_own_county(self):
        action = self.issue(self.user_admin_a, self.cadre_a | self.cadre_a2)
        self.assertEqual(action['tag'], 'league_initial_passwords')
        self.assertEqual(action['target'], 'new')
        rows = {row['login']: row for row in action['params']['rows']}
        self.assertEqual(set(rows), {self.user_cadre_a.login, self.user_cadre_a2.login})
        for user in self.user_cadre_a | self.user_cadre_a2:
            password = rows[user.login]['password']
            self.assertPassword(user, password)
            self.assertTrue(user.league_must_change_password)
        self.assertEqual(rows[self.user_cadre_a.login]['name'], '张伟')
        # nothing of the passwords stays on the wizard
        wizard_model = self.env['league.initial.password.wizard']
        self.assertFalse([name for name, field in wizard_model._fields.items()
                          if field.type in ('char', 'text', 'html')
                          and name not in ('display_name',)])

    def test_cadre_without_user_gets_a_login(self):
        cadre = self.make_cadre('孙丽', self.unit_a)
        action = self.issue(self.user_admin_a, cadre)
        [row] = action['params']['rows']
        self.assertTrue(cadre.user_id)
        self.assertEqual(row['login'], cadre.user_id.login)
        self.assertRegex(row['login'], r'^tg\d{5}$')
        self.assertTrue(cadre.user_id.has_group('youth_contact.group_cadre'))
        self.assertEqual(cadre.user_id.action_id.id,
                         self.env.ref('youth_contact.action_league_contact_my').id)
        self.assertPassword(cadre.user_id, row['password'])

    def test_other_county_refused(self):
        with self.assertRaises(AccessError):
            self.issue(self.user_admin_a, self.cadre_a | self.cadre_b)
        self.assertFalse(self.user_cadre_a.league_must_change_password)
        self.assertFalse(self.user_cadre_b.league_must_change_password)

    def test_privileged_users_refused(self):
        with self.assertRaisesRegex(AccessError, 'administrator'):
            self.issue(self.user_admin_a, self.cadre_admin_a2)
        # the system administrator is a League user too
        admin_cadre = self.make_cadre('管理员', self.town_a, self.env.ref('base.user_root'))
        with self.assertRaises(AccessError):
            self.issue(self.user_city, admin_cadre)
        settings_user = self.make_user('settings_a', 'group_cadre')
        settings_user.groups_id = [(4, self.env.ref('base.group_system').id)]
        cadre = self.make_cadre('周杰', self.unit_a, settings_user)
        with self.assertRaises(AccessError):
            self.issue(self.user_admin_a, cadre)
        self.assertFalse(self.user_admin_a2.league_must_change_password)

    def test_cadre_cannot_issue(self):
        with self.assertRaises(AccessError):
            self.issue(self.user_cadre_a, self.cadre_a2)
        with self.assertRaises(AccessError):
            self.issue(self.user_cadre_a, self.cadre_a)
        self.assertFalse(self.user_cadre_a2.league_must_change_password)

    def test_wizard_of_another_user_refused(self):
        wizard = self.env['league.initial.password.wizard'].sudo(self.user_city).create(
            {'cadre_ids': [(6, 0, self.cadre_a.ids)]})
        with self.assertRaises(AccessError):
            wizard.sudo(self.user_admin_a).action_issue()
        self.assertFalse(self.user_cadre_a.league_must_change_password)

    def test_city_issues_in_every_county(self):
        action = self.issue(self.user_city, self.cadre_a | self.cadre_b)
        self.assertEqual(len(action['params']['rows']), 2)
        self.assertTrue(self.user_cadre_b.league_must_change_password)

    def test_archived_cadre_refused(self):
        self.cadre_a2.active = False
        with self.assertRaisesRegex(UserError, 'archived'):
            self.issue(self.user_admin_a, self.cadre_a2)

    def test_readable_passwords(self):
        for _i in range(200):
            password = new_initial_password()
            self.assertEqual(len(password), 10)
            self.assertFalse(set(password) & set('0Oo1lIi'))
            self.assertTrue(set(password) <= set(PASSWORD_ALPHABET))

    def test_first_login_change(self):
        action = self.issue(self.user_admin_a, self.cadre_a)
        initial = action['params']['rows'][0]['password']
        Users = self.env['res.users'].sudo(self.user_cadre_a)
        # res.users.check opens a cursor of its own: check in the test's transaction
        env = self.env
        check = classmethod(lambda cls, db, uid, passwd:
                            env['res.users'].sudo(uid).check_credentials(passwd))
        patcher = patch.object(type(Users), 'check', check)
        patcher.start()
        self.addCleanup(patcher.stop)
        # the cadre cannot lift the obligation but by changing the password
        with self.assertRaises(AccessError):
            Users.browse(self.user_cadre_a.id).write({'league_must_change_password': False})
        with self.assertRaisesRegex(UserError, 'differ'):
            Users.change_password(initial, initial)
        with self.assertRaisesRegex(UserError, '8'):
            Users.change_password(initial, 'short')
        self.assertTrue(self.user_cadre_a.league_must_change_password)
        Users.change_password(initial, 'my own secret')
        self.assertFalse(self.user_cadre_a.league_must_change_password)
        self.assertPassword(self.user_cadre_a, 'my own secret')


class TestHomeAction(LeagueTestCase):

    def test_home_action_per_role(self):
        my_youth = self.env.ref('youth_contact.action_league_contact_my').id
        waiting = self.env.ref('youth_contact.action_league_home_admin').id
        self.assertEqual(self.user_cadre_a.action_id.id, my_youth)
        self.assertEqual(self.user_admin_a.action_id.id, waiting)
        self.assertEqual(self.user_city.action_id.id, waiting)
        # a cadre made county administrator lands on what waits for them
        self.user_cadre_b.groups_id = [(4, self.env.ref('youth_contact.group_county_admin').id)]
        self.assertEqual(self.user_cadre_b.action_id.id, waiting)
        # a home action chosen outside the League ones is kept
        other = self.env.ref('youth_contact.action_league_cadre').id
        self.user_cadre_a2.action_id = other
        self.user_cadre_a2.groups_id = [(4, self.env.ref('youth_contact.group_county_admin').id)]
        self.assertEqual(self.user_cadre_a2.action_id.id, other)

    def test_user_linked_to_cadre_gets_home(self):
        user = self.env['res.users'].create({'name': '新用户', 'login': 'yc_test_new_home'})
        self.assertFalse(user.action_id)
        self.make_cadre('钱进', self.unit_a, user)
        self.assertEqual(user.action_id.id,
                         self.env.ref('youth_contact.action_league_contact_my').id)

    def test_waiting_for_me_lists_own_league_activities(self):
        action = self.env.ref('youth_contact.action_league_home_admin')
        self.assertEqual(action.res_model, 'mail.activity')
        activity = self.env['mail.activity'].create({
            'res_model_id': self.env.ref('youth_contact.model_league_cadre').id,
            'res_id': self.cadre_a.id, 'user_id': self.user_admin_a.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'summary': '请审批'})
        domain = safe_eval(action.domain, {'uid': self.user_admin_a.id})
        found = self.env['mail.activity'].sudo(self.user_admin_a).search(domain)
        self.assertEqual(found, activity)
        domain_b = safe_eval(action.domain, {'uid': self.user_cadre_b.id})
        self.assertFalse(self.env['mail.activity'].sudo(self.user_cadre_b).search(domain_b))


class TestOdooMessages(LeagueTestCase):

    def test_no_english_message_of_odoo(self):
        """The welcome of #general and mail's demo discussions are removed."""
        self.env['mail.message']._league_unlink_odoo_messages()
        data = self.env['ir.model.data'].search([('module', '=', 'mail'),
                                                 ('model', '=', 'mail.message')])
        self.assertFalse(self.env['mail.message'].browse(data.mapped('res_id')).exists())
        general = self.env.ref('mail.channel_all_employees')
        self.assertFalse(self.env['mail.message'].search(
            [('model', '=', 'mail.channel'), ('res_id', '=', general.id),
             ('body', 'ilike', 'Welcome')]))
