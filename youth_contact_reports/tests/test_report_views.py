# -*- coding: utf-8 -*-
"""The SQL reporting views give the same figures as the ORM, on the whole
database (the demo data when installed with it) plus a few records made here."""
from collections import Counter, defaultdict
from datetime import date, timedelta

from odoo import fields

from odoo.addons.youth_contact.models.league_common import GRASSROOTS_START_PARAM
from odoo.addons.youth_contact.tests.scheme_common import SchemeTestCase


def grouped(model, measures, groupby):
    """{group key: {measure: value}} of a read_group on one field."""
    result = {}
    for group in model.read_group([], measures + [groupby], [groupby], lazy=False):
        key = group[groupby][0] if isinstance(group[groupby], tuple) else group[groupby]
        result[key] = {m: group[m] for m in measures}
    return result


class TestReportViews(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestReportViews, cls).setUpClass()
        today = date.today()
        cls.make_contact(cls.cadre_a, cls.youth_a1)
        cls.make_contact(cls.cadre_a, cls.youth_a2)
        cls.make_contact(cls.cadre_b, cls.youth_b1)
        cls.make_log(cls.cadre_a, cls.youth_a1 | cls.youth_a2, mode='face_to_face')
        cls.make_log(cls.cadre_a, cls.youth_a1, date=fields.Date.to_string(today))
        cls.make_log(cls.cadre_b, cls.youth_b1, mode='qq')
        cls.env['league.concern'].create({
            'cadre_id': cls.cadre_a.id, 'youth_id': cls.youth_a1.id, 'kind': 'confusion',
            'name': '职业方向', 'description': '不知道如何选择'})
        cls.organ_cadre = cls.make_cadre('县委干部', cls.county_a, established=True)
        cls.env['league.grassroots.day'].create({
            'cadre_id': cls.organ_cadre.id, 'place_type': 'park', 'unit': '高新园区',
            'work': '走访企业青年',
            'date': fields.Date.to_string(today - timedelta(days=today.weekday()))})
        # drop any cached view figure
        cls.env['league.report.contact'].invalidate_cache()

    def test_contact_activity(self):
        Report = self.env['league.report.contact']
        report = grouped(Report, ['log_count', 'interaction_count', 'face_to_face_count',
                                  'online_count', 'youth_reached_count'], 'cadre_id')
        logs = self.env['league.contact.log'].search([])
        expected = defaultdict(Counter)
        reached = defaultdict(set)
        for log in logs:
            per = expected[log.cadre_id.id]
            per['log_count'] += 1
            per['interaction_count'] += len(log.youth_ids)
            if log.mode == 'face_to_face':
                per['face_to_face_count'] += len(log.youth_ids)
            if log.mode in ('wechat', 'qq', 'weibo', 'phone'):
                per['online_count'] += len(log.youth_ids)
            for youth in log.youth_ids:
                reached[log.cadre_id.id].add((youth.id, log.date[:7]))
        self.assertEqual(set(report), set(expected))
        for cadre_id, values in report.items():
            for measure, value in values.items():
                if measure == 'youth_reached_count':
                    self.assertEqual(value, len(reached[cadre_id]))
                else:
                    self.assertEqual(value, expected[cadre_id][measure], measure)
        mine = report[self.cadre_a.id]
        self.assertEqual((mine['log_count'], mine['interaction_count'],
                          mine['face_to_face_count']), (2, 3, 2))

    def test_coverage(self):
        report = self.env['league.report.coverage'].search([])
        cadres = self.env['league.cadre'].search([])
        self.assertEqual(report.mapped('cadre_id'), cadres)
        sectors = ('enterprise', 'rural', 'organ', 'school', 'community', 'social_org',
                   'new_media')
        for row in report:
            cadre = row.cadre_id
            self.assertEqual((row.quota, row.youth_count, row.sector_count),
                             (cadre.quota, cadre.contact_count, cadre.sector_count))
            self.assertEqual(sum(row['%s_count' % s] for s in sectors),
                             len(cadre.contact_ids.filtered('youth_id.sector')))
            self.assertEqual(row.quota_met_count, int(cadre.quota_met))
            self.assertAlmostEqual(row.coverage, min(cadre.contact_rate, 100.0), places=1)

    def check_grassroots_weeks(self):
        """The weekly analysis adds up to the weekly compliance."""
        this_week = date.today() - timedelta(days=date.today().weekday())
        jan4 = date(date.today().isocalendar()[0], 1, 4)
        year_start = jan4 - timedelta(days=jan4.weekday())
        self.env['league.grassroots.compliance'].invalidate_cache()
        self.env['league.report.grassroots'].invalidate_cache()
        compliance = self.env['league.grassroots.compliance'].search([])
        self.assertIn(self.organ_cadre, compliance.mapped('cadre_id'))
        Report = self.env['league.report.grassroots']
        for line in compliance:
            rows = Report.search([('cadre_id', '=', line.cadre_id.id),
                                  ('iso_year', '=', line.year)])
            self.assertEqual(min(rows.mapped('week_start')), fields.Date.to_string(year_start))
            self.assertEqual(sum(rows.mapped('met_count')), line.weeks_met)
            self.assertEqual(sum(rows.mapped('missed_count')), line.weeks_missed)
            current = rows.filtered('current_week')
            self.assertEqual(current.week_start, fields.Date.to_string(this_week))
        organ = Report.search([('cadre_id', '=', self.organ_cadre.id), ('current_week', '=', True)])
        self.assertEqual((organ.met_count, organ.day_count), (1, 1))
        # only organ cadres of the county committees
        self.assertFalse(Report.search([('cadre_id', '=', self.cadre_a.id)]))

    def test_grassroots_weeks(self):
        self.env['ir.config_parameter'].sudo().set_param(GRASSROOTS_START_PARAM, False)
        self.check_grassroots_weeks()

    def test_grassroots_weeks_from_the_city_start(self):
        """Weeks before the city's "4+1" start are neither met nor missed, in
        the weekly analysis as in the compliance."""
        today = self.models_today()
        this_week = today - timedelta(days=today.weekday())
        start = this_week - timedelta(weeks=3)
        self.env['league.grassroots.day'].create({
            'cadre_id': self.organ_cadre.id, 'place_type': 'park', 'unit': '高新园区',
            'work': '走访企业青年', 'date': fields.Date.to_string(start - timedelta(days=3))})
        self.env['ir.config_parameter'].sudo().set_param(
            GRASSROOTS_START_PARAM, fields.Date.to_string(start + timedelta(days=2)))
        self.check_grassroots_weeks()
        line = self.env['league.grassroots.compliance'].search(
            [('cadre_id', '=', self.organ_cadre.id)])
        if start.isocalendar()[0] == today.isocalendar()[0]:
            self.assertEqual((line.date_from, line.weeks_elapsed, line.weeks_met),
                             (fields.Date.to_string(start), 4, 1))
        rows = self.env['league.report.grassroots'].search(
            [('cadre_id', '=', self.organ_cadre.id),
             ('week_start', '<', fields.Date.to_string(start))])
        self.assertEqual(sum(rows.mapped('day_count')), 1)   # shown, not counted
        self.assertEqual(sum(rows.mapped('met_count') + rows.mapped('missed_count')), 0)
        self.assertFalse(any(rows.mapped('counted')))
        counted = self.env['league.report.grassroots'].search(
            [('cadre_id', '=', self.organ_cadre.id), ('counted', '=', True)])
        self.assertEqual(min(counted.mapped('week_start')), fields.Date.to_string(start))
        self.assertEqual(sum(counted.mapped('missed_count')), 3)

    def test_rotation_participation(self):
        county, cadres, _units = self.make_county('报表县', 8)
        plan = self.make_plan(county)
        plan.action_propose()
        self.env['league.report.rotation'].invalidate_cache()
        rows = self.env['league.report.rotation'].search([('plan_id', '=', plan.id)])
        self.assertEqual(rows.mapped('cadre_id'), cadres)
        self.assertEqual(sum(rows.mapped('assigned_count')), 8)
        for plan in self.env['league.rotation.plan'].search([]):
            rows = self.env['league.report.rotation'].search([('plan_id', '=', plan.id)])
            members = plan.group_ids.mapped('cadre_ids').filtered(
                lambda c: c.established and c.active and c.county_id == plan.county_id)
            self.assertEqual(sum(rows.mapped('assigned_count')), len(members))
            filed = plan.group_ids.filtered('summary_filed').mapped('cadre_ids') & members
            self.assertEqual(sum(rows.mapped('summary_count')), len(filed))

    def test_open_days_and_concerns(self):
        report = grouped(self.env['league.report.open.day'],
                         ['closed_count', 'held_count', 'attendee_count'], 'county_id')
        OpenDay = self.env['league.open.day']
        for county_id, values in report.items():
            days = OpenDay.search([('county_id', '=', county_id)])
            self.assertEqual(values['closed_count'], len(days.filtered(lambda d: d.state == 'closed')))
            self.assertEqual(values['held_count'], len(days.filtered(
                lambda d: d.state in ('held', 'closed'))))
            self.assertEqual(values['attendee_count'], sum(days.mapped('attendee_count')))
        self.assertEqual(sum(v['closed_count'] for v in report.values()),
                         OpenDay.search_count([('state', '=', 'closed')]))

        Concern = self.env['league.concern']
        groups = self.env['league.report.concern'].read_group(
            [], ['open_count', 'concern_count', 'county_id', 'kind'], ['county_id', 'kind'],
            lazy=False)
        self.assertTrue(groups)
        for group in groups:
            domain = [('county_id', '=', group['county_id'] and group['county_id'][0]),
                      ('kind', '=', group['kind'])]
            self.assertEqual(group['concern_count'], Concern.search_count(domain))
            self.assertEqual(group['open_count'],
                             Concern.search_count(domain + [('state', '!=', 'closed')]))

    def test_county_dashboard(self):
        rows = self.env['league.report.county'].search([])
        self.assertIn(self.county_a, rows.mapped('county_id'))
        for row in rows:
            cadres = self.env['league.cadre'].search([('county_id', '=', row.county_id.id)])
            self.assertEqual(row.cadre_count, len(cadres))
            self.assertEqual(row.on_track_count,
                             len(cadres.filtered(lambda c: not c.behind_count)))
            self.assertEqual(row.youth_count, len(cadres.mapped('contact_ids.youth_id')))
            self.assertEqual(row.concern_open_count, self.env['league.concern'].search_count(
                [('county_id', '=', row.county_id.id), ('state', '!=', 'closed')]))
        mine = rows.filtered(lambda r: r.county_id == self.county_a)
        self.assertEqual((mine.youth_count, mine.concern_open_count), (2, 1))

    def test_views_follow_the_record_rules(self):
        for model in ('league.report.contact', 'league.report.coverage',
                      'league.report.concern', 'league.report.county',
                      'league.report.grassroots', 'league.report.open.day',
                      'league.report.rotation'):
            Report = self.env[model]
            as_admin_a = Report.sudo(self.user_admin_a).search([])
            self.assertEqual(set(as_admin_a.mapped('county_id').ids) - {self.county_a.id},
                             set(), model)
            as_cadre = Report.sudo(self.user_cadre_a).search([])
            if 'cadre_id' in Report._fields:
                self.assertEqual(set(as_cadre.mapped('cadre_id').ids) - {self.cadre_a.id},
                                 set(), model)
            groups = Report.sudo(self.user_admin_a).read_group([], ['county_id'], ['county_id'])
            self.assertEqual({g['county_id'][0] for g in groups if g['county_id']} -
                             {self.county_a.id}, set(), model)
        contact = self.env['league.report.contact']
        self.assertEqual(len(contact.sudo(self.user_cadre_a).search([])), 3)
        self.assertEqual(len(contact.sudo(self.user_admin_a).search([])), 3)
        self.assertEqual(len(contact.sudo(self.user_cadre_b).search([])), 1)
