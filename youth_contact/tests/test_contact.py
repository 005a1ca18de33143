# -*- coding: utf-8 -*-
from .common import LeagueTestCase


class TestContact(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestContact, cls).setUpClass()
        cls.contact = cls.make_contact(cls.cadre_a, cls.youth_a1, channel='wechat')

    def test_pair_unique(self):
        Contact = self.env['league.contact']
        with self.assertRejected('刘洋 is already in the contact list of 张伟'):
            self.make_contact(self.cadre_a, self.youth_a1, channel='qq')
        other = self.make_contact(self.cadre_a, self.youth_a2)
        with self.assertRejected('刘洋 is already in the contact list of 张伟'):
            other.write({'youth_id': self.youth_a1.id})
        self.assertEqual(other.youth_id, self.youth_a2)
        self.assertEqual(Contact.search_count([('cadre_id', '=', self.cadre_a.id)]), 2)
        # another cadre may contact the same youth
        self.make_contact(self.cadre_a2, self.youth_a1)
        self.assertEqual(self.youth_a1.cadre_count, 2)

    def test_contact_not_in_future(self):
        with self.assertRejected('In Contact Since: .* is in the future'):
            self.make_contact(self.cadre_a, self.youth_a2, date_start=self.days_ago(-30))

    def test_default_cadre_is_mine(self):
        contact = self.env['league.contact'].sudo(self.user_cadre_a).create(
            {'youth_id': self.youth_a2.id})
        self.assertEqual(contact.cadre_id, self.cadre_a)
        self.assertEqual(contact.county_id, self.county_a)
        self.assertEqual(contact.sector, 'rural')
        self.assertEqual(contact.display_name, '张伟 - 陈静')
        found = self.env['league.contact'].sudo(self.user_cadre_a).name_search('陈静')
        self.assertEqual([row[0] for row in found], contact.ids)

    def test_log_youth_must_be_listed(self):
        Log = self.env['league.contact.log']
        log = self.make_log(self.cadre_a, self.youth_a1, mode='qq', topic='concern')
        self.assertEqual(log.county_id, self.county_a)
        self.assertEqual(log.youth_count, 1)
        with self.assertRejected('not in the contact list of 张伟: 陈静'):
            self.make_log(self.cadre_a, self.youth_a1 | self.youth_a2)
        with self.assertRejected('not in the contact list of 张伟: 陈静'):
            log.write({'youth_ids': [(4, self.youth_a2.id)]})
        with self.assertRejected('not in the contact list of 李娜: 刘洋'):
            log.write({'cadre_id': self.cadre_a2.id})
        with self.assertRejected('at least one youth'):
            log.write({'youth_ids': [(5,)]})
        self.assertEqual(log.youth_ids, self.youth_a1)
        self.assertEqual(Log.search_count([('cadre_id.county_id', '=', self.county_a.id)]), 1)

    def test_log_not_in_future_and_content_required(self):
        with self.assertRejected('cannot be dated in the future'):
            self.make_log(self.cadre_a, self.youth_a1, date=self.days_ago(-30))
        with self.assertRejected('Describe the content'):
            self.make_log(self.cadre_a, self.youth_a1, content='  \n ')
        self.assertFalse(self.cadre_a.log_ids)

    def test_log_by_the_cadre_updates_progress(self):
        self.assertEqual(self.cadre_a.online_state, 'not_started')
        log = self.env['league.contact.log'].sudo(self.user_cadre_a).create({
            'youth_ids': [(6, 0, self.youth_a1.ids)], 'mode': 'wechat', 'topic': 'growth',
            'content': '微信交流求职情况'})
        self.assertEqual(log.cadre_id, self.cadre_a)
        self.assertEqual(self.cadre_a.online_state, 'met')
        self.assertEqual(self.cadre_a.last_log_date, log.date)
        self.assertEqual(self.cadre_a.online_days, 0)
