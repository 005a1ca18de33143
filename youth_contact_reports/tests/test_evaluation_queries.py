# -*- coding: utf-8 -*-
"""Computing an evaluation takes a number of queries that does not depend on the
number of cadres (issue 10): the results are inserted set-based."""
from .common import EvaluationTestCase


class TestEvaluationQueries(EvaluationTestCase):

    def compute(self):
        evaluation = self.make_evaluation().sudo(self.user_city)
        self.env['league.evaluation'].invalidate_cache()
        before = self.env.cr.sql_log_count
        evaluation.action_compute()
        return evaluation, self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_cadres(self):
        self.compute()   # warm the caches
        first, queries = self.compute()
        self.assertEqual(len(first.line_ids), 11)
        self.make_county('计数县', 12)
        second, more_queries = self.compute()
        self.assertEqual(len(second.line_ids), 23)
        self.assertEqual(len(second.county_line_ids), len(first.county_line_ids) + 1)
        self.assertEqual(queries, more_queries, '11 or 23 cadres, one or two more counties')

    def test_results_as_created_by_the_orm(self):
        evaluation, _queries = self.compute()
        for lines in (evaluation.line_ids, evaluation.county_line_ids):
            self.assertEqual(set(lines.mapped('evaluation_state')), {'computed'})
            self.assertEqual(set(lines.mapped('date_from')), {evaluation.date_from})
            self.assertEqual(set(lines.mapped('date_to')), {evaluation.date_to})
            self.assertEqual(lines.mapped('create_uid'), self.user_city)
            self.assertTrue(all(lines.mapped('create_date')))
        # the stored related fields follow the evaluation
        evaluation.action_draft()
        evaluation.action_compute()
        evaluation.action_publish()
        for lines in (evaluation.line_ids, evaluation.county_line_ids):
            self.assertEqual(set(lines.mapped('evaluation_state')), {'published'})
        # the values converted as the ORM does (floats rounded to their digits)
        self.env.cr.execute("SELECT frequency_score FROM league_evaluation_line "
                            "WHERE id = %s", (self.line_of(evaluation, self.cadre_a2).id,))
        self.assertEqual(self.env.cr.fetchone()[0], 33.33)
