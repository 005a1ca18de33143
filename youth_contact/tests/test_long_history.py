# -*- coding: utf-8 -*-
"""Screens that must not read a cadre's whole history: the last face-to-face
date of the contacts on a page, the contact logs of the cadre's form."""
from .common import LeagueTestCase


class TestLongHistory(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestLongHistory, cls).setUpClass()
        cls.contact_a1 = cls.make_contact(cls.cadre_a, cls.youth_a1)
        cls.contact_a2 = cls.make_contact(cls.cadre_a, cls.youth_a2)
        cls.contact_a2_a1 = cls.make_contact(cls.cadre_a2, cls.youth_a1)
        cls.contact_b1 = cls.make_contact(cls.cadre_b, cls.youth_b1)

    def test_last_face_date_of_the_contacts_read(self):
        self.make_log(self.cadre_a, self.youth_a1, mode='face_to_face', date=self.days_ago(40))
        self.make_log(self.cadre_a, self.youth_a1 | self.youth_a2, mode='face_to_face',
                      date=self.days_ago(10))
        self.make_log(self.cadre_a, self.youth_a2, mode='wechat', date=self.days_ago(1))
        # another cadre's face-to-face exchange with the same youth does not count
        self.make_log(self.cadre_a2, self.youth_a1, mode='face_to_face', date=self.days_ago(2))
        self.make_log(self.cadre_a2, self.youth_a1, mode='activity', date=self.days_ago(1))
        Contact = self.env['league.contact'].sudo(self.user_admin_a)
        rows = Contact.search_read([('county_id', '=', self.county_a.id)],
                                   ['cadre_id', 'youth_id', 'last_face_date'])
        got = {(row['cadre_id'][0], row['youth_id'][0]): row['last_face_date'] for row in rows}
        self.assertEqual(got, {
            (self.cadre_a.id, self.youth_a1.id): self.days_ago(10),
            (self.cadre_a.id, self.youth_a2.id): self.days_ago(10),
            (self.cadre_a2.id, self.youth_a1.id): self.days_ago(2),
        })
        self.assertFalse(self.contact_b1.last_face_date)
        # one contact read alone: the same date
        self.assertEqual(Contact.browse(self.contact_a2_a1.id).last_face_date, self.days_ago(2))
        # a contact being created (not saved yet) has no date of its own
        new = Contact.new({'cadre_id': self.cadre_b.id, 'youth_id': self.youth_b1.id})
        self.assertFalse(new.last_face_date)

    def test_cadre_form_reads_recent_logs_only(self):
        """The form shows the 20 most recent logs, whatever the history."""
        for days in range(30):
            self.make_log(self.cadre_a, self.youth_a1, date=self.days_ago(days))
        self.make_log(self.cadre_b, self.youth_b1)
        Cadre = self.env['league.cadre'].sudo(self.user_cadre_a)
        view = Cadre.fields_view_get(view_type='form')
        self.assertNotIn('log_ids', view['fields'])
        values = Cadre.browse(self.cadre_a.id).read(list(view['fields']))[0]
        logs = self.env['league.contact.log'].search([('cadre_id', '=', self.cadre_a.id)])
        self.assertEqual(len(logs), 30)
        self.assertEqual(values['recent_log_ids'], logs.ids[:20])
        self.assertEqual(logs.browse(values['recent_log_ids']).mapped('date'),
                         sorted([self.days_ago(days) for days in range(20)], reverse=True))
        # the button of the form opens them all
        self.assertEqual(self.env['league.contact.log'].sudo(self.user_cadre_a).search_count(
            [('cadre_id', '=', self.cadre_a.id)]), 30)
