# -*- coding: utf-8 -*-
"""Issue 9 "Integrity": nothing of a county leaks through the standard Odoo
models (activities, outgoing mails, messages), imported cadres' logins are
not their mobile numbers, and only the city administrator changes what
takes a county organization out of the evaluation (``is_special``)."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.youth_contact.models.league_common import schedule_activity

from .common import LeagueTestCase
from . import test_import

REMINDER = 'youth_contact.mail_activity_type_grassroots_reminder'


class TestActivityLeaks(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestActivityLeaks, cls).setUpClass()
        # an internal user without any League group
        cls.user_plain = cls.make_plain_user()
        Concern = cls.env['league.concern']
        cls.youth_a2_contact = cls.make_contact(cls.cadre_a2, cls.youth_a2)
        cls.concern_a = Concern.create({
            'name': '求职信息少', 'youth_id': cls.youth_a1.id, 'cadre_id': cls.cadre_a.id,
            'kind': 'difficulty', 'description': '希望多提供本地企业招聘信息'})
        cls.concern_a2 = Concern.create({
            'name': '租房困难', 'youth_id': cls.youth_a2.id, 'cadre_id': cls.cadre_a2.id,
            'kind': 'difficulty', 'description': '希望了解人才公寓'})
        cls.concern_b = Concern.create({
            'name': '兴宁机密诉求', 'youth_id': cls.youth_b1.id, 'cadre_id': cls.cadre_b.id,
            'kind': 'difficulty', 'description': '兴宁的青年诉求'})
        # a "4+1" reminder on cadre B's own record
        cls.reminder_b = schedule_activity(cls.cadre_b, REMINDER, cls.user_cadre_b,
                                           '兴宁 4+1 提醒', '2030-01-01')
        # an activity of a non-League record, assigned to the plain user
        cls.partner_activity = cls.env['mail.activity'].create({
            'res_model_id': cls.env['ir.model']._get('res.partner').id,
            'res_id': cls.user_plain.partner_id.id,
            'user_id': cls.user_plain.id,
            'summary': 'Call back',
        })

    def concern_activity(self, concern):
        return self.env['mail.activity'].search([('res_model', '=', 'league.concern'),
                                                 ('res_id', '=', concern.id)])

    def visible(self, user):
        """The test's League activities ``user`` finds by searching."""
        ours = (self.concern_activity(self.concern_a) | self.concern_activity(self.concern_a2)
                | self.concern_activity(self.concern_b) | self.reminder_b)
        return self.env['mail.activity'].sudo(user).search([('id', 'in', ours.ids)])

    def test_activities_exist(self):
        for concern in (self.concern_a, self.concern_a2, self.concern_b):
            self.assertEqual(len(self.concern_activity(concern)), 1)

    def test_plain_user_sees_no_league_activity(self):
        self.assertFalse(self.visible(self.user_plain))
        Activity = self.env['mail.activity'].sudo(self.user_plain)
        self.assertFalse(Activity.search([('res_model', '=like', 'league.%')]))
        self.assertFalse(Activity.search([('summary', 'ilike', '兴宁')]))
        self.assertEqual(Activity.search_count([('res_model', '=', 'league.concern')]), 0)
        groups = Activity.read_group([('res_model', '=like', 'league.%')], ['res_model'],
                                     ['res_model'])
        self.assertEqual(groups, [])
        with self.assertRaises(AccessError):
            self.concern_activity(self.concern_b).sudo(self.user_plain).read(['summary',
                                                                             'res_name'])
        with self.assertRaises(AccessError):
            self.reminder_b.sudo(self.user_plain).read(['summary'])

    def test_plain_user_keeps_activities_of_other_models(self):
        found = self.env['mail.activity'].sudo(self.user_plain).search(
            [('id', '=', self.partner_activity.id)])
        self.assertEqual(found, self.partner_activity)
        self.assertEqual(found.summary, 'Call back')

    def test_cadre_sees_the_activities_of_own_records_only(self):
        mine = self.concern_activity(self.concern_a)
        self.assertEqual(self.visible(self.user_cadre_a), mine)
        with self.assertRaises(AccessError):
            self.concern_activity(self.concern_a2).sudo(self.user_cadre_a).read(['summary'])
        with self.assertRaises(AccessError):
            self.reminder_b.sudo(self.user_cadre_a).read(['res_name'])
        self.assertEqual(self.visible(self.user_cadre_b),
                         self.concern_activity(self.concern_b) | self.reminder_b)

    def test_cadre_reads_the_activities_of_own_record_form(self):
        concern = self.concern_a.sudo(self.user_cadre_a)
        self.assertEqual(len(concern.activity_ids), 1)
        self.assertIn('求职信息少', concern.activity_ids.summary)
        self.assertEqual(self.cadre_b.sudo(self.user_cadre_b).activity_ids, self.reminder_b)

    def test_county_admin_sees_own_county(self):
        self.assertEqual(self.visible(self.user_admin_a),
                         self.concern_activity(self.concern_a)
                         | self.concern_activity(self.concern_a2))
        with self.assertRaises(AccessError):
            self.concern_activity(self.concern_b).sudo(self.user_admin_a).read(['summary'])

    def test_city_admin_sees_all(self):
        self.assertEqual(len(self.visible(self.user_city)), 4)

    def test_search_cost_does_not_grow_with_activities(self):
        Activity = self.env['mail.activity'].sudo(self.user_admin_a)

        def count_queries():
            self.env['mail.activity'].invalidate_cache()
            queries = self.env.cr.sql_log_count
            found = Activity.search([('res_model', '=', 'league.concern')])
            found.read(['summary', 'res_name'])
            return self.env.cr.sql_log_count - queries, len(found)

        count_queries()  # warm the caches
        few, found_few = count_queries()
        for _i in range(30):
            schedule_activity(self.concern_a, REMINDER, self.user_cadre_a, 'x', '2030-01-01')
        many, found_many = count_queries()
        self.assertEqual(found_many, found_few + 30)
        self.assertEqual(many, few)


class TestMailLeaks(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestMailLeaks, cls).setUpClass()
        cls.user_plain = cls.make_plain_user()
        cls.concern_b = cls.env['league.concern'].create({
            'name': '兴宁机密诉求', 'youth_id': cls.youth_b1.id, 'cadre_id': cls.cadre_b.id,
            'kind': 'difficulty', 'description': '兴宁的青年诉求'})
        Mail = cls.env['mail.mail']
        cls.mail_b = Mail.create({
            'model': 'league.concern', 'res_id': cls.concern_b.id,
            'subject': '兴宁诉求通知', 'body_html': '<p>兴宁的青年诉求</p>',
            'email_to': 'someone@example.com'})
        cls.other_mail = Mail.create({'subject': 'Newsletter', 'body_html': '<p>hi</p>',
                                      'email_to': 'someone@example.com'})
        cls.message_b = cls.concern_b.message_post(body='兴宁内部备注')

    def test_mail_of_other_county_hidden(self):
        for user in (self.user_plain, self.user_cadre_a, self.user_admin_a):
            Mail = self.env['mail.mail'].sudo(user)
            self.assertFalse(Mail.search([('id', '=', self.mail_b.id)]), user.login)
            self.assertFalse(Mail.search([('subject', 'ilike', '兴宁')]), user.login)
            with self.assertRaises(AccessError):
                self.mail_b.sudo(user).read(['subject', 'body_html'])

    def test_mail_readable_with_its_record(self):
        for user in (self.user_cadre_b, self.user_city):
            found = self.env['mail.mail'].sudo(user).search([('id', '=', self.mail_b.id)])
            self.assertEqual(found, self.mail_b, user.login)
            self.assertEqual(found.subject, '兴宁诉求通知')

    def test_other_mails_keep_odoo_rules(self):
        found = self.env['mail.mail'].sudo(self.user_plain).search(
            [('id', '=', self.other_mail.id)])
        self.assertEqual(found, self.other_mail)

    def test_messages_follow_their_record(self):
        # Odoo 11 already checks messages against their record: keep it so
        for user in (self.user_plain, self.user_cadre_a, self.user_admin_a):
            Message = self.env['mail.message'].sudo(user)
            self.assertFalse(Message.search([('id', '=', self.message_b.id)]), user.login)
            with self.assertRaises(AccessError):
                self.message_b.sudo(user).read(['body'])
        self.assertEqual(self.env['mail.message'].sudo(self.user_admin_a).search(
            [('model', '=', 'league.concern'), ('res_id', '=', self.concern_b.id)]),
            self.env['mail.message'])


class TestCadreLogins(LeagueTestCase):
    """Users created by the cadre import get a generated login, never the mobile."""

    # the helpers of the import tests (not their tests)
    cadre_row = test_import.TestImport.cadre_row
    wizard = test_import.TestImport.wizard
    preview = test_import.TestImport.preview
    results = test_import.TestImport.results

    @classmethod
    def setUpClass(cls):
        super(TestCadreLogins, cls).setUpClass()
        cls.login_town = cls.env['league.organization'].create({
            'name': '登录测试甲镇团委', 'level': 'town', 'parent_id': cls.county_a.id})

    def import_cadres(self, names):
        rows = [self.cadre_row(name, self.next_mobile(), org='登录测试甲镇团委') for name in names]
        wizard = self.preview('cadre', rows)
        self.assertEqual({status for status, _msg in self.results(wizard).values()}, {'new'})
        wizard.action_confirm()
        mobiles = [row[1] for row in rows]
        cadres = self.env['league.cadre'].search([('mobile', 'in', mobiles)])
        self.assertEqual(len(cadres), len(names))
        return cadres, mobiles

    def test_imported_cadres_get_generated_logins(self):
        cadres, mobiles = self.import_cadres(['登录甲', '登录乙', '登录丙'])
        logins = cadres.mapped('user_id.login')
        self.assertEqual(len(set(logins)), 3)
        for login in logins:
            self.assertRegex(login, r'^tg\d{5,}$')
        self.assertFalse(set(logins) & set(mobiles))
        self.assertFalse(self.env['res.users'].with_context(active_test=False).search(
            [('login', 'in', mobiles)]))

    def test_generated_login_skips_a_taken_login(self):
        self.env.ref('youth_contact.seq_cadre_login').write({'number_next': 90001})
        self.env['res.users'].create({'name': 'Taken', 'login': 'tg90001'})
        cadres, _mobiles = self.import_cadres(['登录丁'])
        self.assertEqual(cadres.user_id.login, 'tg90002')


class TestSpecialUnitMark(LeagueTestCase):
    """Only the city administrator sets or removes ``is_special`` (it takes a
    county-level organization out of the "4+1" and open-day indicators)."""

    def test_county_admin_cannot_mark_own_county_special(self):
        county = self.county_a.sudo(self.user_admin_a)
        with self.assertRejected('Only the city administrator', UserError):
            county.write({'is_special': True})
        self.assertFalse(self.county_a.is_special)
        # other fields, and the unchanged mark, can still be saved
        county.write({'note': '区团委', 'is_special': False})
        self.assertEqual(self.county_a.note, '区团委')

    def test_county_admin_cannot_remove_the_mark(self):
        self.county_a.write({'is_special': True})
        with self.assertRejected('Only the city administrator', UserError):
            self.county_a.sudo(self.user_admin_a).write({'is_special': False})
        self.assertTrue(self.county_a.is_special)

    def test_county_admin_cannot_create_a_special_organization(self):
        Org = self.env['league.organization'].sudo(self.user_admin_a)
        with self.assertRejected('Only the city administrator', UserError):
            Org.create({'name': '特殊单位', 'level': 'town', 'parent_id': self.county_a.id,
                        'is_special': True})
        town = Org.create({'name': '普通镇', 'level': 'town', 'parent_id': self.county_a.id})
        self.assertFalse(town.is_special)

    def test_city_admin_sets_the_mark(self):
        self.county_b.sudo(self.user_city).write({'is_special': True})
        self.assertTrue(self.county_b.is_special)
        self.county_b.sudo(self.user_city).write({'is_special': False})
        self.assertFalse(self.county_b.is_special)
