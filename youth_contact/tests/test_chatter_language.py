# -*- coding: utf-8 -*-
"""Chatter, activities and week labels in Chinese for Chinese users, also when the
call carries no language (XML-RPC clients, data files, server jobs)."""
import re
from datetime import date

from odoo.tools import html2plaintext

from odoo.addons.youth_contact.models.league_common import week_label

from .scheme_common import SchemeTestCase

LATIN_WORD = re.compile(r'[A-Za-z]{2,}')


class TestChatterLanguage(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestChatterLanguage, cls).setUpClass()
        for user, name in [(cls.user_admin_a, '梅江管理员'), (cls.user_city, '团市委管理员')]:
            user.write({'lang': 'zh_CN', 'name': name})
        # no language, with chatter (the fixtures' context has English and no chatter)
        context = {key: value for key, value in cls.env.context.items()
                   if key not in ('lang', 'tracking_disable', 'mail_create_nolog')}
        cls.bare = cls.env(context=context)

    def texts(self, record):
        """The chatter's texts (bodies, tracked values) and the activities' summaries."""
        record = record.sudo()
        texts = [html2plaintext(m.body or '') for m in record.message_ids]
        texts += ['%s %s %s' % (v.field_desc, v.old_value_char or '', v.new_value_char or '')
                  for v in record.message_ids.mapped('tracking_value_ids')]
        return texts + record.activity_ids.mapped('summary')

    def test_approval_without_language_is_written_in_chinese(self):
        day = self.bare['league.open.day'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'date': '2026-05-04', 'place': '梅江区团委会议室'})
        day.action_submit()
        summaries = day.sudo().activity_ids.mapped('summary')
        self.assertTrue(summaries)
        self.assertIn('第二季度', summaries[0])
        day.sudo(self.user_city).action_approve()
        texts = self.texts(day)
        self.assertTrue(any('已通过' in text for text in texts), texts)
        self.assertTrue(any('创建' in text for text in texts), texts)
        english = [text for text in texts if LATIN_WORD.search(text)]
        self.assertFalse(english, 'English in the chatter: %s' % english)

    def test_week_label(self):
        self.assertEqual(week_label(date(2026, 12, 2)), '2026-11-30 ~ 12-06')
        self.assertEqual(week_label(date(2027, 1, 1)), '2026-12-28 ~ 2027-01-03')

    def test_groups_by_week_are_labelled_with_dates(self):
        self.make_contact(self.cadre_a, self.youth_a1, date_start='2026-01-05')
        self.make_log(self.cadre_a, self.youth_a1, date='2026-06-03')
        groups = self.env['league.contact.log'].with_context(lang='zh_CN').read_group(
            [('cadre_id', '=', self.cadre_a.id)], ['date'], ['date:week'])
        self.assertEqual([g['date:week'] for g in groups], ['2026-06-01 ~ 06-07'])
