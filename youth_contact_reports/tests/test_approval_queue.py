# -*- coding: utf-8 -*-
"""Issue 13: what waits for the city's decision whatever its year (the queue),
and what each county still owes (missing per county)."""
from datetime import timedelta

from odoo import fields

from odoo.addons.youth_contact.tests.scheme_common import SchemeTestCase


class TestApprovalQueue(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestApprovalQueue, cls).setUpClass()
        cls.today = cls.models_today()
        cls.next_year = cls.today.year + 1

    def new_open_day(self, date):
        return self.env['league.open.day'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'date': fields.Date.to_string(date),
            'place': '梅江区团委会议室'})

    def queue(self, user):
        return self.env['league.approval.queue'].sudo(user).search(
            [('county_id', 'in', (self.county_a | self.county_b).ids)])

    def test_next_year_and_reports_wait_for_the_city(self):
        day = self.new_open_day(self.today.replace(year=self.next_year, month=3, day=20))
        day.action_submit()
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'year': str(self.today.year), 'half': '1',
            'work_summary': '开展直接联系青年工作'})
        report.action_submit()
        self.assertEqual(day.date_submitted, fields.Date.to_string(self.today))

        rows = self.queue(self.user_city)
        self.assertEqual(sorted((r.kind, r.year, r.res_id) for r in rows), [
            ('halfyear', self.today.year, report.id), ('open_day', self.next_year, day.id)])
        row = rows.filtered(lambda r: r.kind == 'open_day')
        self.assertEqual(row.county_id, self.county_a)
        self.assertEqual(row.date_submitted, fields.Date.to_string(self.today))
        self.assertEqual(row.name, day.sudo(self.user_city).display_name)
        self.assertEqual(rows.filtered(lambda r: r.kind == 'halfyear').name, report.name)
        action = row.action_open_document()
        self.assertEqual((action['res_model'], action['res_id']), ('league.open.day', day.id))
        # the city administrator also finds it in his activities
        self.assertTrue(self.env['mail.activity'].search([
            ('res_model', '=', 'league.open.day'), ('res_id', '=', day.id),
            ('user_id', '=', self.user_city.id)]))

        # nothing waits for the decision of a county administrator or a cadre
        self.assertFalse(self.queue(self.user_admin_a))
        self.assertFalse(self.queue(self.user_cadre_a))

        # decided: out of the queue
        day.sudo(self.user_city).action_approve()
        report.sudo(self.user_city).action_acknowledge()
        self.assertFalse(self.queue(self.user_city))


class TestMissingPerCounty(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestMissingPerCounty, cls).setUpClass()
        cls.today = cls.models_today()
        cls.year = cls.today.year
        cls.quarter = (cls.today.month - 1) // 3 + 1

    def missing(self, county, user=None):
        rows = self.env['league.report.missing'].sudo(user or self.user_city).search(
            [('county_id', '=', county.id), ('year', '=', self.year)])
        return {(r.item, r.period): r.record_state for r in rows}

    def test_plan_open_days_and_reports_owed(self):
        halves = ['h%d' % h for h in (1, 2) if self.today.month > 6 * h]
        expected = {('plan', 'year'): 'none'}
        expected.update({('open_day', 'q%d' % q): 'none' for q in range(1, self.quarter + 1)})
        expected.update({('halfyear', h): 'none' for h in halves})
        self.assertEqual(self.missing(self.county_a), expected)

        # a draft plan is still missing, and says so
        self.make_plan(self.county_a, self.year)
        # an open day of the quarter waiting for approval is still missing
        day = self.env['league.open.day'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'date': fields.Date.to_string(self.today),
            'place': '梅江区团委会议室'})
        day.action_submit()
        current = ('open_day', 'q%d' % self.quarter)
        missing = self.missing(self.county_a)
        self.assertEqual(missing[('plan', 'year')], 'draft')
        self.assertEqual(missing[current], 'submitted')
        # approved: the quarter is done
        day.sudo(self.user_city).action_approve()
        self.assertNotIn(current, self.missing(self.county_a))
        if halves:
            report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
                'county_id': self.county_a.id, 'year': str(self.year), 'half': '1',
                'work_summary': '开展直接联系青年工作'})
            report.action_submit()
            self.assertNotIn(('halfyear', 'h1'), self.missing(self.county_a))

        # a county administrator sees his county only
        self.assertTrue(self.missing(self.county_a, self.user_admin_a))
        self.assertFalse(self.missing(self.county_b, self.user_admin_a))
        self.assertTrue(self.missing(self.county_b))

    def test_constant_queries(self):
        Missing = self.env['league.report.missing'].sudo(self.user_city)

        def queries():
            Missing.invalidate_cache()
            before = self.env.cr.sql_log_count
            Missing.search_read([], ['county_id', 'year', 'item', 'period', 'record_state'])
            return self.env.cr.sql_log_count - before

        queries()   # warm the caches (rules, translations)
        few = queries()
        for i in range(5):
            self.make_county('计数县%d' % i, 0, units=1)
        self.assertEqual(queries(), few)

    def test_past_quarter_open_day_held_counts(self):
        previous = self.today.replace(day=1) - timedelta(days=95)
        if previous.year != self.year:
            return  # first quarter: the previous quarter is last year's
        day = self.env['league.open.day'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'date': fields.Date.to_string(previous),
            'place': '梅江区团委会议室'})
        day.action_submit()
        day.sudo(self.user_city).action_approve()
        day.action_hold()
        quarter = 'q%d' % ((previous.month - 1) // 3 + 1)
        self.assertNotIn(('open_day', quarter), self.missing(self.county_a))
