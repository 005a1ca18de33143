# -*- coding: utf-8 -*-
"""One definition per figure: the cadre screen, the analyses (coverage,
dashboard) and the evaluation give the same numbers on the fixtures of the
evaluation tests (a half-year of hand-made activity, several counties), and
special units are ranked apart from the counties."""
from ..models.league_indicators import competition_ranks
from .common import SECTORS, EvaluationTestCase


class TestFiguresAgree(EvaluationTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestFiguresAgree, cls).setUpClass()
        # a youth of two cadres of county A: counted once for the county
        cls.make_contact(cls.cadre_a, cls.youth_x[0], date_start='2024-12-01')
        # a special unit with two cadres who do well, and a city cadre
        Org = cls.env['league.organization']
        cls.special = Org.create({'name': '测试学院团委', 'level': 'county', 'is_special': True,
                                  'parent_id': cls.city.id})
        cls.special_cadres = cls.env['league.cadre']
        for index in range(2):
            cadre = cls.make_cadre('学院干部%d' % index, cls.special,
                                   category='other_part_time')
            cls.special_cadres |= cadre
            for number, sector in enumerate(SECTORS[:3]):
                youth = cls.make_youth('学院青年%d%d' % (index, number), cls.special,
                                       sector=sector)
                cls.make_contact(cadre, youth, date_start='2024-12-01')
        cls.city_cadre = cls.make_cadre('市直干部', cls.city, category='other_part_time')
        cls.make_contact(cls.city_cadre, cls.youth_y[0], date_start='2024-12-01')
        cls.make_log(cls.city_cadre, cls.youth_y[0], date='2025-03-03')
        cls.evaluation = cls.make_evaluation()
        cls.evaluation.action_compute()

    def test_youth_contacted_per_cadre(self):
        coverage = {row.cadre_id: row for row in self.env['league.report.coverage'].search([])}
        lines = {line.cadre_id: line for line in self.evaluation.line_ids}
        cadres = self.env['league.cadre'].search([])
        self.assertIn(self.city_cadre, cadres)
        for cadre in cadres:
            self.assertEqual(coverage[cadre].youth_count, cadre.contact_count, cadre.name)
            self.assertEqual(lines[cadre].youth_count, cadre.contact_count, cadre.name)
            self.assertEqual(cadre.face_done_count + cadre.face_pending_count
                             + cadre.face_behind_count, cadre.contact_count, cadre.name)

    def test_youth_and_cadres_on_track_per_county(self):
        dashboard = {row.county_id: row for row in self.env['league.report.county'].search([])}
        results = {line.county_id: line for line in self.evaluation.county_line_ids}
        for county, row in dashboard.items():
            cadres = self.env['league.cadre'].search([('county_id', '=', county.id)])
            youth = cadres.mapped('contact_ids.youth_id')
            # the dashboard: each youth once; the evaluation's "Contacts of the
            # Cadres": the sum of the cadres' lists (two named figures)
            self.assertEqual(row.youth_count, len(youth), county.name)
            self.assertEqual(results[county].youth_count, sum(cadres.mapped('contact_count')),
                             county.name)
            on_track = cadres.filtered(lambda c: (c.online_state, c.offline_state,
                                                  c.face_state) == ('met',) * 3)
            self.assertEqual(row.on_track_count, len(on_track), county.name)
        # county A: 5 + 8 contacts, 12 distinct youth
        self.assertEqual(dashboard[self.county_a].youth_count, 12)
        self.assertEqual(results[self.county_a].youth_count, 13)

    def test_special_units_ranked_apart(self):
        lines = self.evaluation.county_line_ids
        special = lines.filtered('is_special')
        counties = lines - special
        self.assertIn(self.special, special.mapped('county_id'))
        for group in (counties, special):
            self.assertEqual(group.mapped('rank'),
                             competition_ranks(group.mapped('score')))
        self.assertEqual(min(counties.mapped('rank')), 1)
        self.assertEqual(min(special.mapped('rank')), 1)
        # the special unit's cadres keep their scores (ranked among all cadres)
        cadre_lines = self.evaluation.line_ids.filtered(
            lambda line: line.cadre_id in self.special_cadres)
        self.assertTrue(all(line.score > 0 for line in cadre_lines))
        self.evaluation.sudo(self.user_city).action_publish()
        bulletin = self.evaluation.bulletin_id
        self.assertIn('测试学院团委', bulletin.special_line_ids.mapped('county_name'))
        self.assertNotIn('测试学院团委', bulletin.county_line_ids.mapped('county_name'))

    def test_city_cadres_grouped_under_the_city(self):
        """The city committee's own cadres (no county) are grouped under the
        city committee in the analyses, not under an undefined row."""
        for model in ('league.report.coverage', 'league.report.contact'):
            Report = self.env[model]
            groups = Report.read_group([], ['county_id'], ['county_id'])
            self.assertNotIn(False, [group['county_id'] for group in groups], model)
        row = self.env['league.report.coverage'].search([('cadre_id', '=', self.city_cadre.id)])
        self.assertEqual(row.county_id, self.city)
