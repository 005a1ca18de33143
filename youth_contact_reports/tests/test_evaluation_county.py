# -*- coding: utf-8 -*-
"""County self-evaluation (issue 16): a county administrator evaluates the
cadres of his own county, ranks them within it and publishes to his county
only; another county reads nothing of it, the city reads it all."""
from contextlib import contextmanager

from odoo.exceptions import UserError

from odoo.addons.youth_contact.tests.job_common import delayed, notifications, run_job

from .common import DATE_FROM, DATE_TO, EvaluationTestCase
from .test_evaluation import DEFAULT

RESULT_MODELS = ('league.evaluation.line', 'league.evaluation.county')


class TestCountyEvaluation(EvaluationTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestCountyEvaluation, cls).setUpClass()
        cls.user_admin_c = cls.make_user('admin_c', 'group_county_admin',
                                         league_admin_county_id=cls.county_c.id)

    def create_as(self, user, **vals):
        values = {'name': '2025年上半年本县自评', 'date_from': DATE_FROM, 'date_to': DATE_TO,
                  'scope': 'county'}
        values.update(vals)
        return self.env['league.evaluation'].sudo(user).create(values)

    @contextmanager
    def refused(self):
        """The block is refused (``AccessError``) and leaves nothing behind,
        as a refused RPC call whose transaction and environment are dropped:
        the recomputations it had scheduled (an unlink marks the activity
        fields of the record) are forgotten too."""
        try:
            with self.assertAccessDenied():
                yield
        finally:
            self.env.all.todo.clear()

    def visible(self, user, evaluation):
        """What ``user`` finds of ``evaluation``: the evaluation, its results and
        its bulletin (with its lines), as record sets of that user."""
        env = self.env(user=user)
        found = [env['league.evaluation'].search([('id', '=', evaluation.id)])]
        found += [env[model].search([('evaluation_id', '=', evaluation.id)])
                  for model in RESULT_MODELS]
        bulletin = env['league.bulletin'].search([('evaluation_id', '=', evaluation.id)])
        found += [bulletin, env['league.bulletin.line'].search(
            [('bulletin_id', '=', evaluation.sudo().bulletin_id.id)])]
        return found

    def test_county_admin_runs_his_county_evaluation(self):
        evaluation = self.create_as(self.user_admin_a)
        self.assertEqual((evaluation.scope, evaluation.county_id), ('county', self.county_a))
        self.assertEqual(evaluation.weights(), DEFAULT)   # the city's settings
        self.assertTrue(evaluation.can_manage)
        # the weights are his in draft, checked by the same rule as the city's
        with self.assertRejected('negative'):
            evaluation.write({'weight_coverage': -1})
        evaluation.write({'weight_coverage': 30, 'weight_open_day': 0})
        evaluation.action_compute()
        self.assertEqual(evaluation.state, 'computed')
        # his county's cadres only, ranked within the county; one county line
        self.assertEqual(evaluation.line_ids.mapped('cadre_id'), self.cadre_a | self.cadre_a2)
        self.assertEqual(evaluation.county_line_ids.mapped('county_id'), self.county_a)
        x, y = self.line_of(evaluation, self.cadre_a2), self.line_of(evaluation, self.cadre_a)
        self.assertEqual((x.rank, y.rank), (1, 2))
        self.assertEqual((x.county_rank, y.county_rank), (1, 2))
        # the same rules as the city's: only the weights he changed differ
        self.assertAlmostEqual(y.score, (30 * 7 + 10 * 100) / 90.0, delta=0.006)
        with self.assertRejected('back to draft', UserError):
            evaluation.write({'weight_coverage': 20})
        evaluation.action_draft()
        self.assertFalse(evaluation.line_ids)
        evaluation.write({'weight_coverage': 20, 'weight_open_day': 5})
        evaluation.action_compute()
        self.assertAlmostEqual(self.line_of(evaluation, self.cadre_a).score,
                               (20 * 7 + 10 * 100) / 80.0)
        evaluation.action_publish()
        self.assertEqual(evaluation.state, 'published')
        bulletin = evaluation.bulletin_id
        self.assertEqual(bulletin.county_id, self.county_a)
        # issued by the county, without a number of the city's sequence
        self.assertEqual(bulletin.issuer_name,
                         self.county_a.official_name or self.county_a.name)
        self.assertFalse(bulletin.document_number)
        self.assertEqual(bulletin.county_line_ids.mapped('county_name'), [self.county_a.name])
        self.assertEqual(bulletin.top_line_ids.mapped('cadre_name'), ['李娜'])
        # told to his county, not to the other counties nor the whole city
        followers = bulletin.sudo().message_partner_ids
        self.assertIn(self.user_admin_a.partner_id, followers)
        self.assertFalse(followers & (self.user_admin_b | self.user_city).mapped('partner_id'))
        with self.assertRejected('frozen', UserError):
            evaluation.write({'name': '改名'})

    def test_ranks_within_the_county(self):
        """County C's first cadre, third in the city, is first in his county."""
        city = self.make_evaluation()
        city.action_compute()
        evaluation = self.create_as(self.user_admin_c)
        evaluation.action_compute()
        self.assertEqual(evaluation.line_ids.mapped('cadre_id'), self.cadres_c)
        city_line, line = self.line_of(city, self.cadres_c[0]), self.line_of(evaluation,
                                                                             self.cadres_c[0])
        self.assertEqual((city_line.rank, line.rank, line.county_rank), (3, 1, 1))
        self.assertEqual(line.score, city_line.score)
        self.assertEqual(evaluation.line_ids.mapped('rank'),
                         self.env['league.evaluation.line'].search(
                             [('evaluation_id', '=', city.id), ('county_id', '=', self.county_c.id)],
                             order='county_rank, id').mapped('county_rank'))
        county = evaluation.county_line_ids
        self.assertEqual((county.county_id, county.rank, county.cadre_count),
                         (self.county_c, 1, 8))
        self.assertEqual(county.score, self.county_line_of(city, self.county_c).score)
        # the city's evaluation is untouched by the county's
        self.assertEqual(len(city.line_ids), 11)

    def test_other_county_reads_nothing_city_reads_all(self):
        evaluation = self.create_as(self.user_admin_a)
        evaluation.action_compute()
        # not published: his county's cadres do not see it yet, nor the other county
        for user in (self.user_cadre_a, self.user_admin_b, self.user_cadre_b):
            self.assertFalse(any(self.visible(user, evaluation)[:3]))
        evaluation.action_publish()
        for user in (self.user_admin_b, self.user_cadre_b, self.user_admin_c):
            self.assertFalse(any(self.visible(user, evaluation)), user.login)
            with self.assertAccessDenied():
                evaluation.sudo(user).read(['name'])
            with self.assertAccessDenied():
                evaluation.bulletin_id.sudo(user).read(['note'])
            with self.assertAccessDenied():
                evaluation.line_ids[:1].sudo(user).read(['score'])
        # his county: the administrator everything, a cadre the ranking and his own line
        found = self.visible(self.user_admin_a, evaluation)
        self.assertTrue(all(found))
        evaluation_, lines, counties, bulletin, bulletin_lines = self.visible(
            self.user_cadre_a, evaluation)
        self.assertEqual(evaluation_, evaluation)
        self.assertEqual(lines.mapped('cadre_id'), self.cadre_a)
        self.assertEqual(counties, evaluation.county_line_ids)
        self.assertEqual(bulletin, evaluation.bulletin_id)
        self.assertEqual(bulletin_lines, evaluation.bulletin_id.line_ids)
        # the city reads all of it, and finds it by level and county
        city_found = self.visible(self.user_city, evaluation)
        self.assertEqual(city_found[1], evaluation.line_ids)
        self.assertEqual(city_found[3], evaluation.bulletin_id)
        groups = self.env['league.evaluation'].sudo(self.user_city).read_group(
            [('id', '=', evaluation.id)], ['scope', 'county_id'], ['scope', 'county_id'],
            lazy=False)
        self.assertEqual([(g['scope'], g['county_id'][0]) for g in groups],
                         [('county', self.county_a.id)])
        self.assertFalse(evaluation.sudo(self.user_city).can_manage)
        # the city's published evaluation stays readable by every county
        city = self.make_evaluation()
        city.action_compute()
        city.action_publish()
        for user in (self.user_admin_b, self.user_cadre_b, self.user_cadre_a):
            self.assertTrue(all(self.visible(user, city)), user.login)

    def test_level_is_set_by_the_server(self):
        Evaluation = self.env['league.evaluation']
        before = Evaluation.search_count([])
        # no city evaluation by a county, no evaluation of another county
        for vals in ({'scope': 'city'}, {'scope': False}, {'county_id': self.county_b.id},
                     {'county_id': self.county_b.id, 'scope': 'city'}):
            with self.assertAccessDenied():
                self.create_as(self.user_admin_a, **vals)
        with self.assertAccessDenied():
            Evaluation.sudo(self.user_admin_a).create({'name': 'x'})
        # a cadre runs no evaluation; the city has no county to self-evaluate
        for user in (self.user_cadre_a, self.user_city):
            with self.assertAccessDenied():
                self.create_as(user)
        with self.assertRejected('no county', UserError):
            self.create_as(self.user_city, scope='city', county_id=self.county_a.id)
        self.assertEqual(Evaluation.search_count([]), before)
        # the county is his, whatever he sends
        evaluation = self.create_as(self.user_admin_a, county_id=self.county_a.id)
        self.assertEqual(evaluation.county_id, self.county_a)
        for vals in ({'scope': 'city'}, {'county_id': self.county_b.id}, {'county_id': False}):
            with self.assertRejected('cannot change', UserError):
                evaluation.write(vals)
        evaluation.write({'scope': 'county', 'county_id': self.county_a.id, 'note': '本县'})
        # the other county neither changes nor runs it; the city only reads it
        for user in (self.user_admin_b, self.user_city):
            as_user = evaluation.sudo(user)
            for action in (as_user.action_compute, lambda: as_user.write({'weight_sector': 50}),
                           as_user.unlink):
                with self.refused():
                    action()
        evaluation.action_compute()
        for user in (self.user_admin_b, self.user_city, self.user_cadre_a):
            for action in ('action_publish', 'action_draft'):
                with self.assertAccessDenied():
                    getattr(evaluation.sudo(user), action)()
        # nor does a county administrator run the city's evaluation
        city = self.make_evaluation()
        with self.assertAccessDenied():
            city.sudo(self.user_admin_a).action_compute()
        evaluation.invalidate_cache()
        self.assertEqual((evaluation.scope, evaluation.county_id, evaluation.state,
                          evaluation.weight_sector), ('county', self.county_a, 'computed', 10))

    def test_county_compute_job(self):
        """The county administrator's computation runs as a job, as him, and
        he is notified."""
        evaluation = self.create_as(self.user_admin_a)
        delayed(evaluation.action_compute)
        self.assertEqual(evaluation.job_state, 'queued')
        before = notifications(self.env, self.user_admin_a)
        run_job(self.env, evaluation)
        evaluation.invalidate_cache()
        self.assertEqual((evaluation.state, len(evaluation.line_ids)), ('computed', 2))
        new = notifications(self.env, self.user_admin_a) - before
        self.assertEqual(len(new), 1)
        self.assertIn('2 cadres', new.body)
