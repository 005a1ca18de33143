# -*- coding: utf-8 -*-
"""Evaluations, bulletins and half-year reports cannot be faked (issue 9).

The results of an evaluation are written by "Compute" only; a published
evaluation is frozen with its cadre and county results and its bulletin; the
half-year report's state, dates and figures move through its buttons only.
Every attempt sends the context keys a client could send.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.youth_contact.tests.test_integrity_workflow import CLIENT_KEYS

from .common import EvaluationTestCase

REFUSED = (AccessError, UserError)


class TestEvaluationIntegrity(EvaluationTestCase):

    def callers(self, records):
        users = (self.user_cadre_a, self.user_admin_a, self.user_city)
        return [records.sudo(u).with_context(**CLIENT_KEYS) for u in users] + [
            records.with_context(**CLIENT_KEYS)]

    def assertAllRefused(self, records, call):
        for caller in self.callers(records):
            with self.assertRejected('', REFUSED):
                call(caller)

    def test_results_only_from_compute(self):
        evaluation = self.make_evaluation()
        evaluation.sudo(self.user_city).action_compute()
        line, county = evaluation.line_ids[0], evaluation.county_line_ids[0]
        self.assertAllRefused(line, lambda r: r.write({'score': 100, 'rank': 1}))
        self.assertAllRefused(county, lambda r: r.write({'score': 100}))
        self.assertAllRefused(line, lambda r: r.unlink())
        self.assertAllRefused(self.env['league.evaluation.line'], lambda r: r.create({
            'evaluation_id': evaluation.id, 'cadre_id': self.cadre_b.id, 'score': 99}))
        for field, value in (('state', 'published'), ('week_count', 1),
                             ('date_computed', '2020-01-01 00:00:00'),
                             ('line_ids', [(5,)])):
            self.assertAllRefused(evaluation, lambda r: r.write({field: value}))
        with self.assertRejected('back to draft', UserError):
            evaluation.sudo(self.user_city).with_context(**CLIENT_KEYS).write(
                {'weight_coverage': 90})

    def test_published_evaluation_frozen(self):
        evaluation = self.make_evaluation()
        evaluation.action_compute()
        evaluation.sudo(self.user_city).action_publish()
        bulletin = evaluation.bulletin_id
        line, county = evaluation.line_ids[0], evaluation.county_line_ids[0]
        before = (line.score, line.rank, county.score, len(evaluation.line_ids),
                  len(bulletin.line_ids), evaluation.date_from, evaluation.weight_coverage)
        for vals in ({'date_from': '2024-01-01'}, {'weight_coverage': 90}, {'note': 'x'},
                     {'name': 'x'}, {'line_ids': [(2, line.id)]}, {'state': 'draft'}):
            self.assertAllRefused(evaluation, lambda r: r.write(vals))
        self.assertAllRefused(evaluation, lambda r: r.unlink())
        self.assertAllRefused(evaluation, lambda r: r.action_compute())
        self.assertAllRefused(evaluation, lambda r: r.action_draft())
        self.assertAllRefused(line, lambda r: r.write({'score': 100}))
        self.assertAllRefused(county, lambda r: r.write({'rank': 1}))
        self.assertAllRefused(bulletin, lambda r: r.write({'note': '假的'}))
        self.assertAllRefused(bulletin, lambda r: r.unlink())
        self.assertAllRefused(bulletin.line_ids[0], lambda r: r.write({'score': 100}))
        self.assertAllRefused(bulletin.line_ids[0], lambda r: r.unlink())
        self.assertAllRefused(self.env['league.bulletin'], lambda r: r.create(
            {'evaluation_id': evaluation.id}))
        self.assertAllRefused(self.env['league.bulletin.line'], lambda r: r.create(
            {'bulletin_id': bulletin.id, 'kind': 'top', 'cadre_name': '假', 'score': 100}))
        self.env['base'].invalidate_cache()
        self.assertEqual(before, (line.score, line.rank, county.score,
                                  len(evaluation.line_ids), len(bulletin.line_ids),
                                  evaluation.date_from, evaluation.weight_coverage))
        self.assertEqual(evaluation.state, 'published')
        # the chatter stays open: a published evaluation can still be discussed
        evaluation.sudo(self.user_city).message_post(body='请各县对照排名查找差距')

    def test_halfyear_report_through_buttons_only(self):
        Report = self.env['league.halfyear.report']
        report = Report.sudo(self.user_admin_a).create(
            {'year': '2025', 'half': '1', 'work_summary': '全面开展联系青年工作'})
        admin = report.with_context(**CLIENT_KEYS)
        for vals in ({'state': 'acknowledged'}, {'state': 'submitted'},
                     {'youth_count': 5000}, {'date_submitted': '2025-07-01'},
                     {'figures_date': '2025-07-01 00:00:00'}):
            with self.assertRejected('', REFUSED):
                admin.write(vals)
        for caller in self.callers(Report):
            with self.assertRejected('', REFUSED):
                caller.create({'year': '2025', 'half': '2', 'county_id': self.county_a.id,
                               'state': 'acknowledged'})
        admin.action_submit()
        self.assertEqual(report.state, 'submitted')
        true_count = report.youth_count
        with self.assertRejected('', REFUSED):
            report.sudo(self.user_city).with_context(**CLIENT_KEYS).write(
                {'state': 'acknowledged'})
        report.sudo(self.user_city).action_acknowledge()
        self.assertAllRefused(report, lambda r: r.write({'city_feedback': '改'}))
        self.assertAllRefused(report, lambda r: r.write({'youth_count': 1}))
        self.assertAllRefused(report, lambda r: r.unlink())
        self.env['base'].invalidate_cache()
        self.assertEqual((report.state, report.youth_count), ('acknowledged', true_count))
