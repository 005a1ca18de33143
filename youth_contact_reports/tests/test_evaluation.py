# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import QUARTERS, WEEKS, EvaluationTestCase

DEFAULT = {'coverage': 20, 'sector': 10, 'frequency': 15, 'activity': 10, 'interaction': 10,
           'satisfaction': 15, 'grassroots': 10, 'rotation': 5, 'open_day': 5}


class TestEvaluation(EvaluationTestCase):

    def test_indicators_of_hand_built_data(self):
        evaluation = self.make_evaluation()
        evaluation.sudo(self.user_city).action_compute()
        self.assertEqual(evaluation.state, 'computed')
        self.assertEqual((evaluation.week_count, evaluation.quarter_count), (WEEKS, QUARTERS))
        self.assertEqual(len(evaluation.line_ids), 11)

        x = self.line_of(evaluation, self.cadre_a2)
        self.assertEqual((x.quota, x.youth_count, x.sector_count), (10, 5, 2))
        self.assertEqual((x.log_count, x.log_weeks, x.reached_count), (10, 9, 4))
        self.assertEqual((x.activity_count, x.activity_quarters), (2, 1))
        self.assertEqual(x.rating_count, 2)
        self.assertAlmostEqual(x.rating_avg, 4.5)
        self.assertEqual(x.coverage_score, 50.0)
        self.assertAlmostEqual(x.frequency_score, 33.33)
        self.assertEqual(x.activity_score, 50.0)
        self.assertEqual(x.interaction_score, 80.0)
        self.assertEqual(x.satisfaction_score, 90.0)
        # other part-time cadre of a unit: sector spread, 4+1, 8+4, open days do not apply
        self.assertFalse(x.in_sector_scope or x.in_grassroots_scope or x.in_rotation_scope
                         or x.in_open_day_scope)
        expected = (20 * 50 + 15 * 33.33 + 10 * 50 + 10 * 80 + 15 * 90) / 70.0
        self.assertAlmostEqual(x.score, expected, delta=0.006)

        y = self.line_of(evaluation, self.cadre_a)
        self.assertEqual((y.youth_count, y.sector_count), (7, 7))
        self.assertEqual((y.coverage_score, y.sector_score), (7.0, 100.0))
        self.assertTrue(y.in_sector_scope)
        self.assertAlmostEqual(y.score, (20 * 7 + 10 * 100) / 80.0)

        self.assertEqual(self.line_of(evaluation, self.cadre_b).score, 0.0)

        # county organ cadre: every indicator applies
        c0 = self.line_of(evaluation, self.cadres_c[0])
        self.assertTrue(c0.in_grassroots_scope and c0.in_rotation_scope and c0.in_open_day_scope)
        self.assertEqual(c0.grassroots_weeks, 13)
        self.assertAlmostEqual(c0.grassroots_score, 48.15)
        self.assertEqual((c0.rotation_level, c0.rotation_score), ('2', 100.0))
        self.assertEqual((c0.open_day_quarters, c0.open_day_score), (1, 50.0))
        self.assertAlmostEqual(c0.score, (10 * 48.15 + 5 * 100 + 5 * 50) / 100.0, delta=0.006)
        self.assertTrue(c0.is_leader)
        for cadre in self.cadres_c[1:]:
            line = self.line_of(evaluation, cadre)
            in_group = cadre in self.group_c0.cadre_ids
            self.assertEqual(line.rotation_score, 100.0 if in_group else 50.0)
            self.assertAlmostEqual(line.score, 7.5 if in_group else 5.0)

    def test_ranks_in_city_and_county(self):
        evaluation = self.make_evaluation()
        evaluation.action_compute()
        x, y = self.line_of(evaluation, self.cadre_a2), self.line_of(evaluation, self.cadre_a)
        c0 = self.line_of(evaluation, self.cadres_c[0])
        self.assertEqual((x.rank, y.rank, c0.rank), (1, 2, 3))
        self.assertEqual((x.county_rank, y.county_rank, c0.county_rank), (1, 2, 1))
        self.assertEqual(self.line_of(evaluation, self.cadre_b).rank, 11)
        # equal scores share a rank ("1224")
        fives = evaluation.line_ids.filtered(lambda rec: rec.score == 5.0)
        self.assertTrue(fives)
        self.assertEqual(len(set(fives.mapped('rank'))), 1)
        self.assertEqual(len(set(fives.mapped('county_rank'))), 1)

    def test_county_results(self):
        evaluation = self.make_evaluation()
        evaluation.action_compute()
        c = self.county_line_of(evaluation, self.county_c)
        self.assertEqual((c.cadre_count, c.leader_count, c.open_day_quarters), (8, 2, 1))
        group_size = len(self.group_c0.cadre_ids)
        rotation = round((100.0 * group_size + 50.0 * (8 - group_size)) / 8, 2)
        self.assertAlmostEqual(c.rotation_score, rotation)
        self.assertAlmostEqual(c.grassroots_score, round(48.15 / 8, 2))
        self.assertEqual(c.open_day_score, 50.0)
        expected = (10 * round(48.15 / 8, 2) + 5 * rotation + 5 * 50) / 100.0
        self.assertAlmostEqual(c.score, expected, delta=0.006)
        # leaders (c0 and c1) score more than the average: they lead by example
        self.assertTrue(c.leaders_lead)
        self.assertTrue(c.in_grassroots_scope and c.in_rotation_scope and c.in_open_day_scope)
        a = self.county_line_of(evaluation, self.county_a)
        self.assertEqual(a.cadre_count, 2)
        # no organ cadre, no established cadre in county A: "4+1" and "8+4" do not apply
        self.assertFalse(a.in_grassroots_scope or a.in_rotation_scope)
        self.assertTrue(a.in_sector_scope and a.in_open_day_scope)
        # county A: sector spread only counts the full-time cadre; no organ cadre
        self.assertEqual(a.sector_score, 100.0)
        self.assertEqual(a.coverage_score, round((50 + 7) / 2.0, 2))
        self.assertLess(c.rank, self.county_line_of(evaluation, self.county_b).rank)
        self.assertLess(a.rank, c.rank)

    def test_weights_change_the_ranking(self):
        evaluation = self.make_evaluation()
        self.assertEqual(evaluation.weights(), DEFAULT)
        evaluation.action_compute()
        x, y = self.line_of(evaluation, self.cadre_a2), self.line_of(evaluation, self.cadre_a)
        self.assertLess(x.rank, y.rank)
        # only the sector spread counts: the full-time cadre covering 7 sectors wins
        settings = self.env['res.config.settings'].create(dict(
            {'league_weight_%s' % key: 0 for key in DEFAULT}, league_weight_sector=100))
        settings.set_values()      # what "Save" runs (execute() also reloads modules)
        self.assertEqual(self.env['res.config.settings'].league_weights()['sector'], 100)
        other = self.make_evaluation()
        self.assertEqual(other.weight_sector, 100)
        self.assertEqual(other.weight_coverage, 0)
        other.action_compute()
        x, y = self.line_of(other, self.cadre_a2), self.line_of(other, self.cadre_a)
        self.assertEqual((y.score, y.rank), (100.0, 1))
        self.assertEqual(x.score, 0.0)      # sector spread does not apply to x
        self.assertGreater(x.rank, y.rank)
        # satisfaction alone: x (90) before y (0)
        other.action_draft()
        other.write({'weight_sector': 0, 'weight_satisfaction': 1})
        other.action_compute()
        x, y = self.line_of(other, self.cadre_a2), self.line_of(other, self.cadre_a)
        self.assertEqual((x.score, x.rank), (90.0, 1))
        self.assertLess(x.rank, y.rank)

    def test_bad_weights_and_period(self):
        with self.assertRejected('negative'):
            self.make_evaluation(weight_coverage=-1)
        zero = {'weight_%s' % key: 0 for key in DEFAULT}
        with self.assertRejected('positive'):
            self.make_evaluation(**zero)
        with self.assertRejected('ends before'):
            self.make_evaluation(date_from='2025-07-01', date_to='2025-06-30')
        settings = self.env['res.config.settings'].create(
            {'league_weight_%s' % key: 0 for key in DEFAULT})
        with self.assertRejected('positive'):
            settings.set_values()
        future = self.make_evaluation(date_from='2099-01-01', date_to='2099-06-30')
        with self.assertRejected('not started', UserError):
            future.action_compute()

    def test_recompute_replaces_lines(self):
        evaluation = self.make_evaluation()
        evaluation.action_compute()
        old_lines = evaluation.line_ids
        old_counties = evaluation.county_line_ids
        self.make_cadre('新干部', self.town_b, category='other_part_time')
        evaluation.action_compute()
        self.assertEqual(len(evaluation.line_ids), len(old_lines) + 1)
        self.assertFalse(old_lines.exists())
        self.assertFalse(old_counties.exists())
        self.assertEqual(len(evaluation.county_line_ids), len(old_counties))
        # period and weights are frozen once computed, until set back to draft
        with self.assertRejected('back to draft', UserError):
            evaluation.write({'weight_coverage': 50})
        evaluation.action_draft()
        self.assertFalse(evaluation.line_ids)
        evaluation.write({'weight_coverage': 50})
        self.assertEqual(evaluation.state, 'draft')

    def test_published_evaluation_is_frozen(self):
        evaluation = self.make_evaluation()
        evaluation.action_compute()
        evaluation.sudo(self.user_city).action_publish()
        self.assertEqual(evaluation.state, 'published')
        lines = evaluation.line_ids
        scores = lines.mapped('score')
        with self.assertRejected('frozen', UserError):
            evaluation.sudo(self.user_city).write({'name': 'changed'})
        with self.assertRejected('frozen', UserError):
            evaluation.write({'weight_coverage': 1})
        with self.assertRejected('not possible', UserError):
            evaluation.action_compute()
        with self.assertRejected('not possible', UserError):
            evaluation.action_draft()
        with self.assertRejected('cannot be deleted', UserError):
            evaluation.sudo(self.user_city).unlink()
        with self.assertRejected('by hand', UserError):
            lines[0].sudo(self.user_city).write({'score': 100})
        with self.assertRejected('by hand', UserError):
            lines[0].sudo(self.user_city).unlink()
        with self.assertRejected('by hand', UserError):
            evaluation.county_line_ids[0].write({'score': 100})
        with self.assertRejected('frozen|buttons', UserError):
            evaluation.write({'state': 'draft'})
        self.assertEqual(evaluation.line_ids, lines)
        self.assertEqual(lines.mapped('score'), scores)
        # chatter still works on a published evaluation
        evaluation.sudo(self.user_city).message_post(body='已通报')

    def test_publish_creates_bulletin_for_all_counties(self):
        evaluation = self.make_evaluation(note='继续加强面对面交流')
        evaluation.action_compute()
        with self.assertRejected('', AccessError):
            evaluation.sudo(self.user_admin_a).action_publish()
        evaluation.sudo(self.user_city).action_publish()
        bulletin = evaluation.bulletin_id
        self.assertTrue(bulletin)
        self.assertEqual(bulletin.note, '继续加强面对面交流')
        # two rankings: the counties, the special units
        self.assertEqual(len(bulletin.county_line_ids) + len(bulletin.special_line_ids),
                         len(evaluation.county_line_ids))
        self.assertEqual(len(bulletin.special_line_ids),
                         len(evaluation.county_line_ids.filtered('is_special')))
        self.assertEqual(bulletin.top_line_ids.mapped('cadre_name')[:2], ['李娜', '张伟'])
        self.assertEqual(len(bulletin.top_line_ids), 6)
        self.assertEqual(len(bulletin.bottom_line_ids), 5)
        self.assertIn('王芳', bulletin.bottom_line_ids.mapped('cadre_name'))
        # a cadre of another county reads the whole bulletin
        as_b = bulletin.sudo(self.user_cadre_b)
        self.assertEqual(len(as_b.county_line_ids) + len(as_b.special_line_ids),
                         len(evaluation.county_line_ids))
        self.assertIn(self.county_c.name, as_b.county_line_ids.mapped('county_name'))
        # a bulletin is frozen for everybody, the city administrator included
        with self.assertRejected('', (AccessError, UserError)):
            as_b.write({'note': 'x'})
        with self.assertRejected('', (AccessError, UserError)):
            as_b.unlink()
        for model in (bulletin, bulletin.line_ids[:1]):
            with self.assertRejected('cannot be created, changed or deleted', UserError):
                model.sudo(self.user_city).write({'note' if model == bulletin else 'rank': 1})
            with self.assertRejected('cannot be created, changed or deleted', UserError):
                model.sudo(self.user_city).unlink()
        self.assertEqual(bulletin.note, '继续加强面对面交流')

    def test_access_by_role(self):
        evaluation = self.make_evaluation()
        Evaluation = self.env['league.evaluation']
        with self.assertRejected('', AccessError):
            evaluation.sudo(self.user_admin_a).action_compute()
        with self.assertRejected('', AccessError):
            Evaluation.sudo(self.user_admin_a).create({'name': 'x'})
        evaluation.sudo(self.user_city).action_compute()
        # not published: invisible to counties and cadres
        for user in (self.user_cadre_a, self.user_admin_a):
            self.assertFalse(Evaluation.sudo(user).search([('id', '=', evaluation.id)]))
            self.assertFalse(self.env['league.evaluation.line'].sudo(user).search(
                [('evaluation_id', '=', evaluation.id)]))
        evaluation.action_publish()
        Line = self.env['league.evaluation.line']
        own = Line.sudo(self.user_cadre_a).search([('evaluation_id', '=', evaluation.id)])
        self.assertEqual(own.mapped('cadre_id'), self.cadre_a)
        county = Line.sudo(self.user_admin_a).search([('evaluation_id', '=', evaluation.id)])
        self.assertEqual(county.mapped('cadre_id'), self.cadre_a | self.cadre_a2)
        groups = Line.sudo(self.user_admin_a).read_group(
            [('evaluation_id', '=', evaluation.id)], ['score', 'county_id'], ['county_id'])
        self.assertEqual([g['county_id'][0] for g in groups], [self.county_a.id])
        with self.assertRejected('', AccessError):
            self.line_of(evaluation, self.cadre_b).sudo(self.user_admin_a).read(['score'])
        # the county ranking is public once published
        counties = self.env['league.evaluation.county'].sudo(self.user_cadre_b).search(
            [('evaluation_id', '=', evaluation.id)])
        self.assertEqual(counties, evaluation.county_line_ids)
        # ... its form names every county (display_name of the result), while
        # the organizations of the other counties stay closed to the cadre
        other = self.county_line_of(evaluation, self.county_a).sudo(self.user_cadre_b)
        self.assertEqual(other.read(['display_name'])[0]['display_name'],
                         self.county_a.display_name)
        with self.assertRejected('', AccessError):
            self.county_a.sudo(self.user_cadre_b).read(['name'])

    def test_default_period_is_current_half_year(self):
        values = self.env['league.evaluation'].default_get(['date_from', 'date_to'])
        self.assertIn(values['date_from'][5:], ('01-01', '07-01'))
        self.assertIn(values['date_to'][5:], ('06-30', '12-31'))
        label = self.env['league.evaluation'].period_label_of('2025-01-01', '2025-06-30')
        self.assertIn('2025', label)

    def test_weights_must_be_valid_in_settings(self):
        with self.assertRaises(ValidationError):
            self.env['res.config.settings'].league_check_weights({'coverage': -5})


class TestOneActivityRule(EvaluationTestCase):
    """"每季有活动" has one definition: an offline activity organized by the cadre
    (league.activity). The cadre's quarterly cadence and the evaluation's
    "activities" indicator agree; a contact log of mode "activity" counts for
    neither (it is a contact)."""

    def test_cadence_and_evaluation_agree(self):
        from datetime import date
        cadre = self.cadre_a      # no activity in the fixture
        youth = self.youth_y[:1]
        self.make_log(cadre, youth, date='2025-05-06', mode='activity')
        evaluation = self.make_evaluation()
        evaluation.action_compute()
        line = self.line_of(evaluation, cadre)
        cadence = cadre._cadence_values(date(2025, 6, 30))[cadre.id]
        self.assertEqual((line.activity_quarters, cadence['offline_count']), (0, 0))
        self.assertEqual(cadence['offline_state'], 'not_started')   # never organized one
        self.env['league.activity'].create({
            'name': '青年座谈会', 'cadre_id': cadre.id, 'date': '2025-05-07', 'kind': 'other',
            'youth_ids': [(6, 0, youth.ids)]})
        evaluation.action_compute()
        line = self.line_of(evaluation, cadre)
        cadence = cadre._cadence_values(date(2025, 6, 30))[cadre.id]
        self.assertEqual((line.activity_quarters, cadence['offline_count']), (1, 1))
        self.assertEqual(cadence['offline_state'], 'met')
