# -*- coding: utf-8 -*-
"""Fixtures of the youth_contact_reports tests.

``EvaluationTestCase`` builds on the core fixtures (``SchemeTestCase``) a
half-year of hand-made activity, 2025-01-01 to 2025-06-30 (27 ISO weeks, 2
quarters), whose scores are known (see README.md for the rules):

- ``cadre_a2`` (other part-time, quota 10): 5 youth in 2 sectors, logs in 9
  weeks reaching 4 of them, activities in 1 quarter, ratings 4 and 5;
- ``cadre_a`` (full-time, quota 100): 7 youth, one per sector, nothing else;
- ``cadre_b``: nothing;
- county ``county_c`` with 8 established organ cadres ``cadres_c`` (the first
  two leaders): an approved 2025 rotation plan where the group of
  ``cadres_c[0]`` filed its summary, a closed open day in Q1, and grassroots
  days of ``cadres_c[0]`` in 13 weeks.

Every other cadre (demo data) is archived, so that the ranks are known.
"""
from datetime import date, timedelta

from odoo import fields

from odoo.addons.youth_contact.tests.scheme_common import SchemeTestCase

DATE_FROM, DATE_TO = '2025-01-01', '2025-06-30'
WEEKS, QUARTERS = 27, 2
LOG_DATES = ['2025-01-06', '2025-01-07', '2025-01-20', '2025-02-03', '2025-02-17',
             '2025-03-03', '2025-03-17', '2025-03-31', '2025-04-14', '2025-04-28']
SECTORS = ['enterprise', 'rural', 'organ', 'school', 'community', 'social_org', 'new_media']


class EvaluationTestCase(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(EvaluationTestCase, cls).setUpClass()
        env = cls.env
        fixture_cadres = cls.cadre_a | cls.cadre_a2 | cls.cadre_b
        # cadre_a2: 5 youth (3 enterprise, 2 rural)
        cls.youth_x = env['league.youth']
        for i, sector in enumerate(['enterprise'] * 3 + ['rural'] * 2):
            cls.youth_x |= cls.make_youth('青年X%d' % i, cls.unit_a, sector=sector)
        for youth in cls.youth_x:
            cls.make_contact(cls.cadre_a2, youth, date_start='2024-12-01')
        y = cls.youth_x
        for i, day in enumerate(LOG_DATES):
            cls.make_log(cls.cadre_a2, y[i % 4], date=day)
        cls.make_log(cls.cadre_a2, y[4], date='2025-07-07')          # after the period
        Activity = env['league.activity']
        for day in ('2025-02-10', '2025-03-15', '2024-12-20'):      # last one before
            Activity.create({'name': '志愿服务', 'cadre_id': cls.cadre_a2.id, 'date': day,
                             'kind': 'volunteer', 'youth_ids': [(6, 0, y[0].ids)]})
        Rating = env['league.satisfaction']
        for youth, day, rating in ((y[0], '2025-03-01', '4'), (y[1], '2025-04-01', '5'),
                                   (y[2], '2024-11-01', '1')):
            Rating.create({'cadre_id': cls.cadre_a2.id, 'youth_id': youth.id, 'date': day,
                           'rating': rating})
        # cadre_a: 7 youth, one per sector
        cls.youth_y = env['league.youth']
        for sector in SECTORS:
            cls.youth_y |= cls.make_youth('青年Y%s' % sector, cls.town_a, sector=sector)
        for youth in cls.youth_y:
            cls.make_contact(cls.cadre_a, youth, date_start='2024-12-01')
        # county C: rotation plan, open day, grassroots days
        cls.county_c, cls.cadres_c, _units = cls.make_county('测试县', 8)
        plan = cls.make_plan(cls.county_c, 2025)
        plan.action_propose()
        plan._set_state('approved')
        cls.group_c0 = plan.group_ids.filtered(lambda g: cls.cadres_c[0] in g.cadre_ids)
        cls.group_c0.write({'summary': '完成调查研究和政策宣讲'})
        open_day = env['league.open.day'].create({
            'county_id': cls.county_c.id, 'date': '2025-02-15', 'place': '团县委会议室'})
        open_day._set_state('closed')
        Day = env['league.grassroots.day']
        for week in range(13):
            Day.create({'cadre_id': cls.cadres_c[0].id, 'place_type': 'region',
                        'date': fields.Date.to_string(date(2025, 1, 6) + timedelta(weeks=week)),
                        'unit': '产业园区', 'work': '开展青年工作'})
        fixture_cadres |= cls.cadres_c
        env['league.cadre'].search([('id', 'not in', fixture_cadres.ids)]).write(
            {'active': False})

    @classmethod
    def make_evaluation(cls, **vals):
        values = {'name': '2025年上半年考核', 'date_from': DATE_FROM, 'date_to': DATE_TO}
        values.update(vals)
        return cls.env['league.evaluation'].create(values)

    def line_of(self, evaluation, cadre):
        return evaluation.line_ids.filtered(lambda rec: rec.cadre_id == cadre)

    def county_line_of(self, evaluation, county):
        return evaluation.county_line_ids.filtered(lambda rec: rec.county_id == county)

    def render_xlsx(self, user, kind, ids=None):
        """The .xlsx bytes of the Excel report ``kind`` (report_<kind>_xlsx) of
        ``ids`` (none: every record the user may read), rendered by its
        report action as ``user``, as /report/xlsx/... does."""
        action = self.env.ref('youth_contact_reports.report_%s_xlsx' % kind).sudo(user)
        content, file_type = action.render_xlsx(list(ids or []), {})
        self.assertEqual(file_type, 'xlsx')
        return content
