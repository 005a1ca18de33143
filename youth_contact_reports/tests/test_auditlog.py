# -*- coding: utf-8 -*-
"""The change log (OCA auditlog) of the records that feed the evaluation: kept
for every create, write and unlink through the ORM, read by the city
administrator only."""
from odoo.exceptions import AccessError

from odoo.addons.youth_contact.tests.scheme_common import SchemeTestCase

AUDITED = ['league.contact.log', 'league.activity', 'league.satisfaction',
           'league.grassroots.day', 'league.contact']


class TestAuditLog(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestAuditLog, cls).setUpClass()
        cls.make_contact(cls.cadre_a, cls.youth_a1)

    def audit(self, user, model, res_id):
        return self.env['auditlog.log'].sudo(user).search(
            [('model_id.model', '=', model), ('res_id', '=', res_id)], order='id')

    def test_rules(self):
        rules = self.env['auditlog.rule'].search([('model_id.model', 'in', AUDITED)])
        self.assertEqual(sorted(rules.mapped('model_id.model')), sorted(AUDITED))
        self.assertEqual(set(rules.mapped('state')), {'subscribed'})
        for rule in rules:
            self.assertTrue(rule.log_create and rule.log_write and rule.log_unlink,
                            rule.name)
            self.assertFalse(rule.log_read, rule.name)

    def test_contact_log_changes_are_read_by_the_city_only(self):
        Log = self.env['league.contact.log'].sudo(self.user_cadre_a)
        log = Log.create({'cadre_id': self.cadre_a.id, 'youth_ids': [(6, 0, self.youth_a1.ids)],
                          'mode': 'wechat', 'topic': 'guidance', 'content': '交流学习情况'})
        log_id = log.id
        log.write({'content': '交流就业情况'})
        log.unlink()
        entries = self.audit(self.user_city, 'league.contact.log', log_id)
        self.assertEqual(entries.mapped('method'), ['create', 'write', 'unlink'])
        self.assertEqual(entries.mapped('league_operation'), ['create', 'write', 'unlink'])
        self.assertEqual(entries.mapped('user_id'), self.user_cadre_a)
        change = entries[1].line_ids.filtered(lambda line: line.field_name == 'content')
        self.assertEqual((change.old_value_text, change.new_value_text),
                         ('交流学习情况', '交流就业情况'))
        self.assertIn('content', entries[0].line_ids.mapped('field_name'))
        # what the city administrator's list and form show
        rows = entries.sudo(self.user_city).read(
            ['create_date', 'user_id', 'league_operation', 'model_id', 'name', 'res_id'])
        self.assertEqual([row['user_id'][0] for row in rows], [self.user_cadre_a.id] * 3)
        lines = entries[1].sudo(self.user_city).line_ids.read(
            ['field_description', 'old_value_text', 'new_value_text'])
        self.assertIn(('Content', '交流学习情况', '交流就业情况'),
                      [(line['field_description'], line['old_value_text'],
                        line['new_value_text']) for line in lines])
        # neither a county administrator nor the cadre reads the change log
        for user in (self.user_admin_a, self.user_cadre_a):
            with self.assertRaises(AccessError):
                self.audit(user, 'league.contact.log', log_id)
            with self.assertRaises(AccessError):
                entries.sudo(user).read(['user_id'])
            with self.assertRaises(AccessError):
                entries.mapped('line_ids').sudo(user).read(['new_value_text'])
        # the city reads, never changes nor deletes it
        with self.assertRaises(AccessError):
            entries.sudo(self.user_city).write({'name': 'x'})
        with self.assertRaises(AccessError):
            entries.sudo(self.user_city).unlink()

    def test_menu_of_the_city(self):
        menu = self.env.ref('youth_contact_reports.menu_auditlog_log_league')
        Menu = self.env['ir.ui.menu']
        self.assertIn(menu, Menu.sudo(self.user_city).search([('id', '=', menu.id)]))
        self.assertFalse(Menu.sudo(self.user_admin_a).search([('id', '=', menu.id)]))
