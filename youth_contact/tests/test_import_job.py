# -*- coding: utf-8 -*-
"""The import confirmation as a background job (OCA queue_job, issue 14)."""
from unittest.mock import patch

from odoo.exceptions import UserError

from odoo.addons.youth_contact.wizard import league_import_wizard
from odoo.addons.youth_contact.wizard.league_import_wizard import RowFailure

from .job_common import delayed, notifications, run_job, run_jobs
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


class TestImportJobChain(ImportTestCase):
    """The confirmation as a chain of jobs (read, check in parts, apply), each
    one committed: here 2 rows per part instead of 10,000."""

    def setUp(self):
        super(TestImportJobChain, self).setUp()
        chunk = patch.object(league_import_wizard, 'CHUNK_ROWS', 2)
        chunk.start()
        self.addCleanup(chunk.stop)

    def stage_count(self, wizard):
        self.env.cr.execute('SELECT count(*) FROM league_import_stage WHERE wizard_id = %s',
                            [wizard.id])
        return self.env.cr.fetchone()[0]

    def confirm(self, rows):
        wizard = self.preview('youth', rows)
        delayed(wizard.action_confirm)
        return wizard

    def test_chain_progress_and_import(self):
        """Each job checks a part of the rows, commits its progress (shown on
        the wizard) and enqueues the next; nothing is written before the last
        job, which imports every good row; a duplicate of a row checked by an
        earlier job is refused as in the preview; one notification."""
        first = self.next_mobile()
        rows = [self.youth_row(name='链青年1', mobile=first),
                self.youth_row(name='链青年2'),
                self.youth_row(name='链青年3', mobile=self.youth_a2.mobile),
                self.youth_row(name='链青年4'),
                self.youth_row(name='链青年5', mobile=first)]   # duplicate of row 3
        wizard = self.confirm(rows)
        self.assertEqual((wizard.count_new, wizard.count_update, wizard.count_error), (3, 1, 1))
        before = self.notifications(self.user_admin_a)
        count = self.Youth.search_count([])
        self.assertEqual((wizard.import_step, wizard.import_steps), (1, 5))
        self.assertEqual(wizard.import_progress, 'Reading the file (job 1 of 5)')
        progress = []
        for _i in range(4):
            run_jobs(self.env, wizard, 1)
            progress.append(wizard.import_progress)
            self.assertEqual(self.Youth.search_count([]), count)
            self.assertEqual(wizard.job_state, 'queued')
        self.assertEqual(progress, [
            '0 / 5 rows checked (job 2 of 5)', '2 / 5 rows checked (job 3 of 5)',
            '4 / 5 rows checked (job 4 of 5)',
            '5 / 5 rows checked, writing the records (job 5 of 5)'])
        self.assertFalse(self.notifications(self.user_admin_a) - before)
        self.assertEqual(self.stage_count(wizard), 5)
        results = run_jobs(self.env, wizard)
        self.assertEqual(len(results), 1)
        self.assertEqual((wizard.state, wizard.job_state, wizard.created_count,
                          wizard.updated_count), ('done', 'done', 3, 1))
        self.assertFalse(wizard.import_progress)
        self.assertEqual(self.stage_count(wizard), 0)
        self.assertEqual(self.Youth.search_count([]), count + 3)
        self.assertEqual(self.youth_a2.name, '链青年3')
        self.assertEqual(self.Youth.search([('mobile', '=', first)]).name, '链青年1')
        self.assertRowError(self.results(wizard), 7, 'already on row 3')
        new = self.notifications(self.user_admin_a) - before
        self.assertEqual(len(new), 1)
        self.assertIn('Imported: 3 created, 1 updated, 1 rows rejected', new.body)

    def test_failing_part_leaves_nothing(self):
        """A job of the chain refused (here the third part) cancels the whole
        import: nothing written, no next job, the staged rows dropped, the
        wizard back to the preview with the reason, the user notified."""
        rows = [self.youth_row(name='失败链青年%d' % i) for i in range(6)]
        wizard = self.confirm(rows)
        count = self.Youth.search_count([])
        run_jobs(self.env, wizard, 3)   # read, rows 3-4, rows 5-6
        self.assertEqual(wizard.import_checked, 4)
        before = self.notifications(self.user_admin_a)
        Wizard = type(wizard)
        original = Wizard._analyse

        def refuse(wizard_self, read, seen=None):
            if read[1][0][0] == 7:
                raise UserError('refused in a part')
            return original(wizard_self, read, seen)
        with patch.object(Wizard, '_analyse', refuse):
            run_jobs(self.env, wizard)
        self.assertEqual((wizard.state, wizard.job_state), ('preview', 'failed'))
        self.assertEqual(wizard.job_error, 'refused in a part')
        self.assertEqual(wizard.sudo().job_id.state, 'done')   # no next job
        self.assertEqual(self.stage_count(wizard), 0)
        self.assertEqual(self.Youth.search_count([]), count)
        new = self.notifications(self.user_admin_a) - before
        self.assertEqual(len(new), 1)
        self.assertIn('Nothing was imported. Reason: refused in a part', new.body)

    def test_killed_part_leaves_nothing(self):
        """A job of the chain killed (the worker's time limit: queue_job marks
        it failed) leaves nothing written either, requeued it does nothing; the
        import can be confirmed again."""
        rows = [self.youth_row(name='超时链青年%d' % i) for i in range(4)]
        wizard = self.confirm(rows)
        count = self.Youth.search_count([])
        run_jobs(self.env, wizard, 2)
        wizard.sudo().job_id.write({'state': 'failed', 'exc_info': (
            'Traceback (most recent call last):\n  File "x.py", line 1\n'
            'Exception: CPU time limit exceeded.\n')})
        wizard.invalidate_cache()
        self.assertEqual((wizard.state, wizard.job_state), ('preview', 'failed'))
        self.assertEqual(self.stage_count(wizard), 0)
        self.assertEqual(self.Youth.search_count([]), count)
        # the failed job requeued by an administrator does nothing: the chain ended
        wizard.sudo().job_id.write({'state': 'pending'})
        self.assertEqual(run_jobs(self.env, wizard, 1), [None])
        self.assertEqual((wizard.state, self.Youth.search_count([])), ('preview', count))
        delayed(wizard.action_confirm)
        run_jobs(self.env, wizard)
        self.assertEqual((wizard.state, wizard.created_count), ('done', 4))

    def test_record_written_between_check_and_apply(self):
        """A record matched for an update and written by another user after
        its check (another transaction: a later write date) fails the last
        job: nothing imported, preview again."""
        rows = [self.youth_row(name='并发链青年'), self.youth_row(name='并发链改',
                                                                mobile=self.youth_a2.mobile)]
        wizard = self.confirm(rows)
        run_jobs(self.env, wizard, 2)
        self.assertEqual(wizard.import_phase, 'apply')
        self.env.cr.execute("UPDATE league_youth SET name = '别人改的', "
                            "write_date = write_date + interval '1 second' WHERE id = %s",
                            [self.youth_a2.id])
        run_jobs(self.env, wizard)
        self.assertEqual((wizard.state, wizard.job_state), ('preview', 'failed'))
        self.assertIn('The data changed since the preview', wizard.job_error)
        self.assertFalse(self.Youth.search([('name', '=', '并发链青年')]))
        self.youth_a2.invalidate_cache()
        self.assertEqual(self.youth_a2.name, '别人改的')

    def test_rows_changed_since_preview(self):
        """A row whose result changed since the preview (its mobile saved by
        another user meanwhile) sends the wizard back to the preview, every
        row checked again; nothing imported."""
        mobile = self.next_mobile()
        rows = [self.youth_row(name='变链青年%d' % i) for i in range(3)] + [
            self.youth_row(name='变链青年3', mobile=mobile)]
        wizard = self.confirm(rows)
        run_jobs(self.env, wizard, 2)   # read, rows 3-4
        other = self.make_youth('已录入链', self.town_a, mobile=mobile)
        before = self.notifications(self.user_admin_a)
        run_jobs(self.env, wizard)
        self.assertEqual((wizard.state, wizard.count_new, wizard.count_update),
                         ('preview', 3, 1))
        self.assertIn('The data changed since the preview', wizard.note)
        self.assertEqual(self.stage_count(wizard), 0)
        self.assertFalse(self.Youth.search([('name', 'like', '变链青年')]))
        self.assertEqual(other.name, '已录入链')
        self.assertEqual(len(self.notifications(self.user_admin_a) - before), 1)

    def notifications(self, user):
        return notifications(self.env, user)
