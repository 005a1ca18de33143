# -*- coding: utf-8 -*-
"""The import confirmation as a background job (OCA queue_job, issue 14)."""
from unittest.mock import patch

from odoo.addons.youth_contact.wizard.league_import_wizard import RowFailure

from .job_common import delayed, notifications, run_job
from .test_import import ImportTestCase


class TestImportJob(ImportTestCase):

    def run_job(self, record):
        return run_job(self.env, record)

    def notifications(self, user):
        return notifications(self.env, user)

    def test_confirm_enqueues_then_imports(self):
        """Confirming enqueues a job: nothing is imported before it runs; the
        job imports as the user, the wizard shows its state, the user is
        notified."""
        rows = [self.youth_row(name='队列青年%d' % i) for i in range(3)]
        wizard = self.preview('youth', rows)
        count = self.Youth.search_count([])
        before = self.notifications(self.user_admin_a)
        delayed(wizard.action_confirm)
        self.assertEqual(wizard.state, 'importing')
        self.assertEqual(wizard.job_state, 'queued')
        self.assertEqual(wizard.sudo().job_id.channel, 'root.league')
        self.assertEqual(wizard.sudo().job_id.user_id, self.user_admin_a)
        self.assertEqual(self.Youth.search_count([]), count)
        # clicking again, or going back, is refused while the job waits
        for action in (wizard.action_confirm, wizard.action_back):
            with self.assertRaises(Exception):
                action()
        self.run_job(wizard)
        wizard.invalidate_cache()
        self.assertEqual((wizard.state, wizard.created_count), ('done', 3))
        youth = self.Youth.search([('name', 'like', '队列青年')])
        self.assertEqual(len(youth), 3)
        self.assertEqual(youth.mapped('create_uid'), self.user_admin_a)
        new = self.notifications(self.user_admin_a) - before
        self.assertEqual(len(new), 1)
        self.assertIn('Imported: 3 created', new.body)
        self.assertIn('import.xlsx', new.body)

    def test_job_checks_rights_again(self):
        """The job checks the user's rights again when it runs: a user who lost
        the administrator group meanwhile imports nothing; the wizard goes
        back to the preview with the reason, and the user is notified."""
        wizard = self.preview('youth', [self.youth_row(name='失权青年')])
        delayed(wizard.action_confirm)
        self.user_admin_a.write({'groups_id': [
            (3, self.env.ref('youth_contact.group_county_admin').id)]})
        before = self.notifications(self.user_admin_a)
        result = self.run_job(wizard)
        self.assertIn('Excel', result)
        wizard.invalidate_cache()
        self.assertEqual(wizard.state, 'preview')
        self.assertEqual(wizard.job_state, 'failed')
        self.assertIn('administrators', wizard.job_error)
        self.assertEqual(wizard.note, wizard.job_error)
        self.assertFalse(self.Youth.search([('name', '=', '失权青年')]))
        new = self.notifications(self.user_admin_a) - before
        self.assertEqual(len(new), 1)
        self.assertIn('Nothing was imported', new.body)

    def test_refused_row_rolls_everything_back(self):
        """All or nothing inside the job: a row refused by the database when
        the job runs leaves no record of the file."""
        rows = [self.youth_row(name='回滚青年%d' % i) for i in range(3)]
        wizard = self.preview('youth', rows)
        delayed(wizard.action_confirm)
        Wizard = type(self.env['league.import.wizard'])
        original = Wizard._apply

        def apply_then_refuse(wizard_self, results):
            original(wizard_self, results)
            raise RowFailure('2-4', 'test')
        with patch.object(Wizard, '_apply', apply_then_refuse):
            self.run_job(wizard)
        wizard.invalidate_cache()
        self.assertEqual(wizard.job_state, 'failed')
        self.assertIn('2-4', wizard.job_error)
        self.assertFalse(self.Youth.search([('name', 'like', '回滚青年')]))

    def test_failed_job_is_recorded(self):
        """A job that fails outside its own handling (a bug, the worker's time
        limit) is recorded on the wizard and notified when queue_job marks it
        failed."""
        wizard = self.preview('youth', [self.youth_row(name='超时青年')])
        delayed(wizard.action_confirm)
        before = self.notifications(self.user_admin_a)
        wizard.sudo().job_id.write({'state': 'failed', 'exc_info': (
            'Traceback (most recent call last):\n  File "x.py", line 1\n'
            'Exception: CPU time limit exceeded.\n')})
        wizard.invalidate_cache()
        self.assertEqual(wizard.job_state, 'failed')
        self.assertEqual(wizard.job_error, 'Exception: CPU time limit exceeded.')
        self.assertEqual(wizard.state, 'preview')
        self.assertEqual(len(self.notifications(self.user_admin_a) - before), 1)

    def test_job_fields_are_server_side(self):
        """The job's fields and the wizard's state are written by the server
        only; the job method itself is private (not callable over RPC)."""
        wizard = self.preview('youth', [self.youth_row()])
        for vals in ({'job_error': 'x'}, {'state': 'importing'}):
            with self.assertRaises(Exception):
                wizard.write(vals)
        with self.assertRaises(ValueError):
            wizard._league_job('action_back')

    def test_no_delay_context_runs_as_the_caller(self):
        """A client may send queue_job's ``test_queue_job_no_delay``: the job
        then runs inside its request with the same checks and rights as the
        job (a cadre is refused, a county administrator imports into their
        county only, the records are theirs)."""
        ctx = {'test_queue_job_no_delay': True}
        wizard = self.preview('youth', [self.youth_row(name='直接青年'),
                                        self.youth_row(org='导入测试乙镇团委')])
        self.assertEqual(wizard.count_error, 1)
        with self.assertRaises(Exception):
            wizard.sudo(self.user_cadre_a).with_context(ctx).action_confirm()
        delayed(wizard.with_context(ctx).action_confirm)
        self.assertEqual((wizard.state, wizard.created_count), ('done', 1))
        self.assertFalse(wizard.sudo().job_id)
        youth = self.Youth.search([('name', '=', '直接青年')])
        self.assertEqual((youth.county_id, youth.create_uid), (self.county_a, self.user_admin_a))
