# -*- coding: utf-8 -*-
"""The exports read their rows in a number of queries that does not grow with
the rows: each export is rendered as a real user with N rows and with 3N rows
(issue 17)."""
from .common import EvaluationTestCase

N = 4


class TestExportQueries(EvaluationTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestExportQueries, cls).setUpClass()
        # an evaluation of the 11 cadres of the fixture, then 3N-1 counties
        # (each with an administrator and a cadre) and the evaluation of all
        cls.small_evaluation = cls.make_evaluation()
        cls.small_evaluation.action_compute()
        Org = cls.env['league.organization']
        cls.counties = Org
        cls.scale_cadres = cls.env['league.cadre']
        Concern = cls.env['league.concern']
        cls.concerns = Concern
        for i in range(3 * N - 1):
            county = Org.create({'name': '规模县%02d' % i, 'level': 'county',
                                 'parent_id': cls.city.id, 'admin_mobile': cls.next_mobile()})
            admin = cls.make_user('scale_admin_%d' % i, 'group_county_admin',
                                  league_admin_county_id=county.id)
            county.admin_user_id = admin
            cls.counties |= county
            unit = Org.create({'name': '规模县%02d单位' % i, 'level': 'unit',
                               'sector': 'enterprise', 'parent_id': county.id})
            cadre = cls.make_cadre('规模干部%02d' % i, unit, established=True)
            cls.scale_cadres |= cadre
            youth = cls.make_youth('规模青年%02d' % i, unit)
            cls.make_contact(cadre, youth, date_start='2024-12-01')
            cls.concerns |= Concern.create({
                'cadre_id': cadre.id, 'youth_id': youth.id, 'kind': 'difficulty',
                'name': '困难%02d' % i, 'description': '详细情况', 'date': '2025-03-01'})
        cls.counties |= cls.county_a
        cls.scale_cadres |= cls.cadre_a
        cls.concerns |= Concern.create({
            'cadre_id': cls.cadre_a.id, 'youth_id': cls.youth_y[0].id, 'kind': 'difficulty',
            'name': '就业困难', 'description': '详细情况', 'date': '2025-03-01'})
        cls.large_evaluation = cls.make_evaluation()
        cls.large_evaluation.action_compute()

    def queries(self, user, kind, ids):
        """SQL queries of the export ``kind`` of ``ids`` as ``user``, with an
        empty record cache (as a request starts); the caches of the registry
        (rules, translations) are warmed by a first export."""
        self.render_xlsx(user, kind, ids)
        self.env.cache.invalidate()
        count = self.cr.sql_log_count
        self.render_xlsx(user, kind, ids)
        return self.cr.sql_log_count - count

    def assertQueriesIndependentOfRows(self, user, kind, few, many):
        self.assertEqual(len(many), 3 * len(few))
        self.assertEqual(self.queries(user, kind, few), self.queries(user, kind, many),
                         'the %s export queries per row' % kind)

    def test_ranking(self):
        small, large = self.small_evaluation, self.large_evaluation
        self.assertEqual(len(large.line_ids), len(small.line_ids) + 3 * N - 1)
        self.assertEqual(self.queries(self.user_city, 'ranking', small.ids),
                         self.queries(self.user_city, 'ranking', large.ids),
                         'the ranking export queries per line')

    def test_compliance(self):
        cadres = self.scale_cadres
        self.assertQueriesIndependentOfRows(self.user_city, 'compliance', cadres[:N].ids,
                                            cadres.ids)

    def test_problem_list(self):
        concerns = self.concerns
        self.assertQueriesIndependentOfRows(self.user_city, 'problems', concerns[:N].ids,
                                            concerns.ids)

    def test_problem_list_of_a_county(self):
        """A county administrator: the rows are those of his county."""
        Concern = self.env['league.concern']
        concerns = Concern
        for i in range(3 * N):
            youth = self.make_youth('本县青年%02d' % i, self.unit_a)
            self.make_contact(self.cadre_a2, youth, date_start='2024-12-01')
            concerns |= Concern.create({
                'cadre_id': (self.cadre_a, self.cadre_a2)[i % 2].id, 'youth_id': youth.id,
                'kind': ('difficulty', 'confusion')[i % 2], 'name': '问题%02d' % i,
                'description': '详细情况', 'date': '2025-03-01'})
        self.assertQueriesIndependentOfRows(self.user_admin_a, 'problems', concerns[:N].ids,
                                            concerns.ids)

    def test_halfyear_report(self):
        """One report: its figures are stored, whatever the size of the county."""
        Report = self.env['league.halfyear.report'].sudo(self.user_admin_a)
        report = Report.create({'year': '2025', 'half': '1'})
        report.action_refresh_figures()
        few = self.queries(self.user_admin_a, 'halfyear', report.ids)
        for i in range(3 * N):
            youth = self.make_youth('半年青年%02d' % i, self.unit_a)
            self.make_contact(self.cadre_a2, youth, date_start='2024-12-01')
            self.make_log(self.cadre_a2, youth, date='2025-03-0%d' % (1 + i % 9))
        report.action_refresh_figures()
        self.assertEqual(self.queries(self.user_admin_a, 'halfyear', report.ids), few)

    def test_administrator_form(self):
        counties = self.counties
        self.assertQueriesIndependentOfRows(self.user_city, 'admins', counties[:N].ids,
                                            counties.ids)
