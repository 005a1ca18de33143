# -*- coding: utf-8 -*-
"""The evaluation computed by a background job (OCA queue_job, issue 14)."""
from odoo.exceptions import UserError

from odoo.addons.youth_contact.tests.job_common import (
    delayed, notifications, run_job, without_test_no_delay)

from .common import EvaluationTestCase


class TestEvaluationJob(EvaluationTestCase):

    def test_compute_in_a_job(self):
        """Computing enqueues a job: the evaluation shows it queued, nothing is
        computed nor can be published or computed again meanwhile; the job
        computes as the city administrator, who is notified on the record."""
        evaluation = self.make_evaluation().sudo(self.user_city)
        delayed(evaluation.action_compute)
        self.assertEqual((evaluation.state, evaluation.job_state), ('draft', 'queued'))
        self.assertFalse(evaluation.line_ids)
        with self.assertRaises(UserError):
            delayed(evaluation.action_compute)
        before = notifications(self.env, self.user_city)
        run_job(self.env, evaluation)
        evaluation.invalidate_cache()
        self.assertEqual(evaluation.state, 'computed')
        self.assertEqual(len(evaluation.line_ids), 11)
        new = notifications(self.env, self.user_city) - before
        self.assertEqual(len(new), 1)
        self.assertEqual((new.model, new.res_id), ('league.evaluation', evaluation.id))
        self.assertIn('11 cadres', new.body)
        self.assertTrue(new.sudo().needaction_partner_ids & self.user_city.partner_id
                        or self.user_city.notification_type == 'email')

    def test_small_evaluation_computed_at_once(self):
        """Up to youth_contact.job_inline_max cadres (500 by default) the
        button computes in its own request, no job: the external API's
        action_compute then action_publish work in a row; above, a job."""
        evaluation = self.make_evaluation().sudo(self.user_city)
        with without_test_no_delay():
            evaluation.action_compute()
            self.assertEqual(evaluation.state, 'computed')
            self.assertFalse(evaluation.job_id)
            self.assertEqual(len(evaluation.line_ids), 11)
            evaluation.action_publish()
            self.assertEqual(evaluation.state, 'published')
            other = self.make_evaluation().sudo(self.user_city)
            self.env['ir.config_parameter'].sudo().set_param(
                'youth_contact.job_inline_max', '10')     # 11 cadres: a job
            other.action_compute()
            self.assertEqual((other.state, other.job_state), ('draft', 'queued'))

    def test_busy_evaluation_refuses_the_buttons(self):
        """While its computation waits, an evaluation is neither published nor
        set back to draft."""
        evaluation = self.make_evaluation().sudo(self.user_city)
        evaluation.action_compute()   # at once (unit tests)
        delayed(evaluation.action_compute)
        for action in (evaluation.action_publish, evaluation.action_draft):
            with self.assertRaises(UserError):
                action()

    def test_job_checks_rights_again(self):
        """The job checks the group again when it runs: nothing is computed for
        a user who lost it, the failure is shown on the record and notified."""
        evaluation = self.make_evaluation().sudo(self.user_city)
        delayed(evaluation.action_compute)
        self.user_city.write({'groups_id': [
            (3, self.env.ref('youth_contact.group_city_admin').id)]})
        run_job(self.env, evaluation)
        evaluation = evaluation.sudo()   # no longer readable by that user
        evaluation.invalidate_cache()
        self.assertEqual(evaluation.state, 'draft')
        self.assertFalse(evaluation.line_ids)
        self.assertEqual(evaluation.job_state, 'failed')
        self.assertIn('city administrator', evaluation.job_error)
