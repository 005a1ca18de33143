# -*- coding: utf-8 -*-
import unittest
from datetime import date

from .common import LeagueTestCase


class TestYouth(LeagueTestCase):

    def test_mobile_normalized_and_validated(self):
        youth = self.make_youth('黄晓明', self.unit_a, mobile=' 1３７-0000 1111 ')
        self.assertEqual(youth.mobile, '13700001111')
        youth.write({'mobile': '+86 137 0000 2222'})
        self.assertEqual(youth.mobile, '13700002222')
        count = self.env['league.youth'].search_count([])
        for bad in ('1370000111', '137000011112', '12700001111', '2267111', 'abcdefghijk'):
            with self.assertRejected('not a valid 11-digit mainland mobile'):
                self.make_youth('坏号码', self.unit_a, mobile=bad)
            with self.assertRejected('not a valid 11-digit mainland mobile'):
                youth.write({'mobile': bad})
        self.assertEqual(self.env['league.youth'].search_count([]), count)
        self.assertEqual(youth.mobile, '13700002222')

    def test_duplicate_mobile_names_the_owner(self):
        count = self.env['league.youth'].search_count([])
        # written with spaces and full-width digits: still the same number
        spaced = ' '.join([self.youth_a1.mobile[:3], self.youth_a1.mobile[3:7],
                           self.youth_a1.mobile[7:]])
        with self.assertRejected('already registered for 刘洋 \\(梅江区团委 / 西阳镇团委'):
            self.make_youth('刘洋二', self.town_a, mobile=spaced)
        with self.assertRejected('already registered for 刘洋'):
            self.youth_a2.write({'mobile': self.youth_a1.mobile})
        self.assertEqual(self.env['league.youth'].search_count([]), count)

    def test_duplicate_mobile_of_other_county_is_masked(self):
        Youth = self.env['league.youth'].sudo(self.user_cadre_a)
        with self.assertRejected('already registered for 杨\\* in 兴宁市团委'):
            Youth.create({'name': '杨帆', 'organization_id': self.unit_a.id,
                          'mobile': self.youth_b1.mobile})

    def test_messages_in_chinese(self):
        """Users work in Chinese: the errors are translated (zh_CN installed, as in CI)."""
        if not self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            raise unittest.SkipTest('zh_CN is not installed')
        Youth = self.env['league.youth'].with_context(lang='zh_CN')
        with self.assertRejected('手机号码 %s 已登记为 刘洋' % self.youth_a1.mobile):
            Youth.create({'name': '刘洋二', 'organization_id': self.unit_a.id,
                          'mobile': self.youth_a1.mobile})
        with self.assertRejected('不是有效的11位大陆手机号码'):
            Youth.create({'name': '坏号码', 'organization_id': self.unit_a.id,
                          'mobile': '12345'})

    def test_county_from_organization(self):
        self.assertEqual(self.youth_a1.county_id, self.county_a)
        self.youth_a1.write({'organization_id': self.unit_b.id})
        self.assertEqual(self.youth_a1.county_id, self.county_b)

    def test_birthdate_not_in_future(self):
        with self.assertRejected('Birth Date: 2999-01-01 is in the future'):
            self.make_youth('未来', self.unit_a, birthdate='2999-01-01')
        youth = self.make_youth('成年', self.unit_a, birthdate='2000-01-01')
        self.assertGreaterEqual(youth.age, 25)

    def test_birthdate_check_is_set_based(self):
        """The check of an import's thousands of youth: one query, no row read
        through the ORM (it prefetched every column of every row: 9 of 24 s of
        a 10,000-row import), the first youth in the future named."""
        youth = self.env['league.youth']
        for index in range(30):
            youth |= self.make_youth('检查青年%d' % index, self.unit_a, birthdate='2001-02-03')
        name = youth._fields['name']
        for records in (youth[:3], youth):
            records.invalidate_cache()
            before = self.env.cr.sql_log_count
            records._check_birthdate()
            self.assertEqual(self.env.cr.sql_log_count - before, 1)
            self.assertFalse([rec for rec in records.sudo()
                              if self.env.cache.contains(rec, name)], 'no row read')
        # a write is refused by the input rules before; the constraint guards
        # what reached the table (the import's bulk statements)
        with self.assertRejected('Birth Date: 2999-01-01 is in the future'):
            youth[7:12].write({'birthdate': '2999-01-01'})
        for day in ('2999-01-01', '1800-01-01'):
            with self.assertRejected('"检查青年7": Birth Date: %s is ' % day):
                self.env.cr.execute('UPDATE league_youth SET birthdate = %s WHERE id IN %s',
                                    [day, tuple(youth[7:12].ids)])
                youth._check_birthdate()

    def test_cadre_count_and_over_contacted(self):
        Youth = self.env['league.youth']
        cadres = [self.cadre_a, self.cadre_a2]
        for index in range(2):
            cadres.append(self.make_cadre('干部%d' % index, self.town_a))
        for cadre in cadres[:3]:
            cadre._add_youth(self.youth_a1)
        self.assertEqual(self.youth_a1.cadre_count, 3)
        self.assertFalse(self.youth_a1.over_contacted, '3 is the default maximum')
        self.assertNotIn(self.youth_a1, Youth.search([('over_contacted', '=', True)]))
        cadres[3]._add_youth(self.youth_a1)
        self.assertEqual(self.youth_a1.cadre_count, 4)
        self.assertTrue(self.youth_a1.over_contacted)
        self.assertIn(self.youth_a1, Youth.search([('over_contacted', '=', True)]))
        self.assertNotIn(self.youth_a1, Youth.search([('over_contacted', '=', False)]))
        self.assertIn(self.youth_a2, Youth.search([('over_contacted', '!=', True)]))
        # the maximum is a configuration parameter
        self.env['ir.config_parameter'].set_param('youth_contact.max_cadres_per_youth', '4')
        self.youth_a1.invalidate_cache()
        self.assertFalse(self.youth_a1.over_contacted)
        self.assertNotIn(self.youth_a1, Youth.search([('over_contacted', '=', True)]))
        # removing a contact (as the cadre) updates the count
        cadres[0].contact_ids.sudo(self.user_cadre_a).unlink()
        self.assertEqual(self.youth_a1.cadre_count, 3)

    def test_list_columns_cost_no_query(self):
        """The youth list of a county administrator: its computed columns (age,
        over_contacted) take no query beyond reading the rows, whatever their number."""
        for index in range(6):
            self.make_youth('列表青年%d' % index, self.unit_a,
                            birthdate='199%d-0%d-1%d' % (index, index + 1, index))
        Youth = self.env['league.youth'].sudo(self.user_admin_a)
        columns = list(Youth.fields_view_get(view_type='tree')['fields'])
        self.assertIn('age', columns)
        stored = [name for name in columns if Youth._fields[name].store]

        def read(names, limit):
            Youth.invalidate_cache()
            before = self.env.cr.sql_log_count
            rows = Youth.search_read([('name', '=like', '列表青年%')], names, limit=limit,
                                     order='name')
            return self.env.cr.sql_log_count - before, rows

        read(columns, 3)   # warm the caches
        list_queries, _rows = read(columns, 3)
        stored_queries, _rows = read(stored, 3)
        more_queries, rows = read(columns, 6)
        self.assertEqual(list_queries, stored_queries, 'the computed columns cost no query')
        self.assertEqual(list_queries, more_queries, '3 or 6 rows')
        today = date.today()
        for index, row in enumerate(rows):
            born = date(1990 + index, index + 1, 10 + index)
            self.assertEqual(row['age'], today.year - born.year - (
                (today.month, today.day) < (born.month, born.day)))
            self.assertFalse(row['over_contacted'])

    def test_settings_page(self):
        settings = self.env['res.config.settings'].create({'league_max_cadres_per_youth': 5})
        settings.execute()
        self.assertEqual(self.env['league.youth']._max_cadres(), 5)
        with self.assertRejected('at least 1'):
            self.env['res.config.settings'].create({'league_max_cadres_per_youth': 0}).execute()
