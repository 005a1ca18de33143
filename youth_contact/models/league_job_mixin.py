# -*- coding: utf-8 -*-
"""Long work of a record run as a background job (OCA ``queue_job``, issue 14).

A public button checks the user's rights and the record's state, then
enqueues a *private* job method (an underscore method: no RPC client can call
it, so no client can skip the button's checks).  The job runs later in an
Odoo worker, through the job runner's HTTP request ``/queue_job/runjob``, as
the user who clicked and in one database transaction: what the job writes is
committed when it ends, or nothing is.

The record shows the job (``job_state``: queued, running, done, failed, and
``job_error``: the reason of a failure) and the user is notified in Chinese
(a message in their Odoo inbox, or by e-mail if they chose so) when the job
ends or fails.  A refusal of the work itself (``UserError`` and the like) is
caught by :meth:`_league_job_run`: the job's writes are rolled back (the
savepoint), then the reason is recorded and notified in the job's
transaction.  Any other failure (a bug, the worker's time limit) fails the
job in queue_job, whose hook (``queue.job.write``, see ``queue_job.py``)
records and notifies it in a new transaction.

Small work runs at once: when :meth:`_league_job_size` of a record is at most
the system parameter ``youth_contact.job_inline_max`` (JOB_INLINE_MAX by
default), the button runs the job's body in its own request, as before the
jobs, and returns with the work done (e.g. an evaluation of a demo-sized city:
the external API's ``action_compute`` then ``action_publish`` work in a row).
Large work (a whole city of 1,000 cadres) goes to the job runner.

Running the job at once: ``with_delay()`` returns the record itself when the
context holds ``test_queue_job_no_delay`` (or the server's environment
``TEST_QUEUE_JOB_NO_DELAY``, which the unit tests set).  A client can send
that context key: the job method then runs inside its request, as the same
user, after the same checks, exactly as a job would (and within the request's
time limits): it opens nothing.
"""
from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import except_orm

from odoo.addons.queue_job.job import job

from .league_guard import server_side

JOB_STATES = [
    ('queued', 'Queued'),
    ('running', 'Running'),
    ('done', 'Done'),
    ('failed', 'Failed'),
]
#: queue.job state -> job_state shown on the record
QUEUE_STATES = {'pending': 'queued', 'enqueued': 'queued', 'started': 'running',
                'done': 'done', 'failed': 'failed'}
#: The channel of the League's jobs (capacity set in the configuration, see
#: tools/write_config.sh): one at a time, so that with two workers one always
#: serves the users.
JOB_CHANNEL = 'root.league'
#: Default of the system parameter ``youth_contact.job_inline_max``: work of
#: at most this size (see ``_league_job_size``) runs in the button's request.
JOB_INLINE_MAX = 500


def job_failure_reason(exc_info):
    """The last line of a job's traceback (the exception and its message)."""
    lines = [line for line in (exc_info or '').strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ''


class LeagueJobMixin(models.AbstractModel):
    """State of the background job of a record (see the module's docstring)."""
    _name = 'league.job.mixin'
    _description = 'Background job of a record'

    job_id = fields.Many2one('queue.job', 'Job', readonly=True, copy=False)
    job_error = fields.Text('Failure Reason', readonly=True, copy=False)
    job_state = fields.Selection(JOB_STATES, 'Background Job', compute='_compute_job_state')
    job_date = fields.Datetime('Job Started On', compute='_compute_job_state')

    @api.depends('job_id', 'job_error')
    def _compute_job_state(self):
        for record in self:
            job = record.sudo().job_id
            if record.job_error:
                record.job_state = 'failed'
            else:
                record.job_state = QUEUE_STATES.get(job.state) if job else False
            record.job_date = job.date_started or job.date_created if job else False

    @api.multi
    def _league_job_busy(self):
        """The records whose job is queued or running."""
        return self.filtered(lambda r: r.job_state in ('queued', 'running'))

    @api.multi
    def _league_enqueue(self, method, description):
        """Enqueue a job running the private method ``method`` (the body of
        the work, see :meth:`_league_job`) for each record; return the records
        whose job ran at once (``with_delay`` without delay)."""
        assert method.startswith('_'), 'the body of a job is private'
        done_now = self.browse()
        inline_max = self._league_job_inline_max()
        for record in self:
            size = record._league_job_size()
            if size is not None and size <= inline_max:
                record._league_job(method)   # small: at once, in this request
                done_now |= record
                continue
            delayed = record.with_delay(description=description, channel=JOB_CHANNEL)
            result = delayed._league_job(method)
            if delayed is record:   # no delay: the method already ran
                done_now |= record
                continue
            server_side(record).write({'job_id': result.db_record().id, 'job_error': False})
        return done_now

    @api.model
    def _league_job_inline_max(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            'youth_contact.job_inline_max', '')
        try:
            return int(value) if value.strip() else JOB_INLINE_MAX
        except ValueError:
            return JOB_INLINE_MAX

    @api.multi
    def _league_job_size(self):
        """Hook: the size of the record's work (e.g. cadres evaluated), or
        None to always run it as a job."""
        return None

    @job(default_channel=JOB_CHANNEL)
    @api.multi
    def _league_job(self, method):
        """The job: run the private method ``method`` of the record (the
        name stored in the job by :meth:`_league_enqueue`, on the server)."""
        if not method.startswith('_'):
            raise ValueError(method)
        return self._league_job_run(lambda record: getattr(record, method)())

    @api.multi
    def _league_job_run(self, work):
        """Run ``work()`` (the body of a job method) in a savepoint, in the
        user's language; notify the outcome.  Inside a real job (queue_job sets
        ``job_uuid``), a refusal is rolled back, recorded and notified, and the
        job ends normally; run at once, the refusal is raised to the caller as
        before the jobs.  ``work`` returns the text of the notification, or
        None for a job that enqueued the next job of the same work (no
        notification)."""
        self.ensure_one()
        in_job = bool(self.env.context.get('job_uuid'))
        record = self
        if in_job:   # the job runner's request has no session: no language
            record = self.with_context(lang=self.env.user.lang or self.env.lang,
                                       tz=self.env.user.tz)
        try:
            with self.env.cr.savepoint():
                result = work(record)
        except except_orm as err:
            if not in_job:
                raise
            self.env.clear()
            reason = err.name or tools.ustr(err)
            record._league_job_failed(reason)
            return _('Refused: %s') % reason
        if in_job and result is not None:   # None: a job of a chain, the next one enqueued
            record._league_notify(record._league_job_message(True, result), self.env.user)
        return result

    @api.multi
    def _league_job_failed(self, reason):
        """Record the failure ``reason`` of the job and notify its user (as
        superuser: the failure may be the user's lost rights)."""
        user = self.env.user
        for record in self.sudo().with_context(lang=user.lang or self.env.lang):
            server_side(record).write({'job_error': reason or _('Unknown error')})
            record._league_job_rollback_state()
            record._league_notify(record._league_job_message(False, reason), user)

    @api.multi
    def _league_job_rollback_state(self):
        """Hook: put the record back in the state it had before its job."""

    @api.multi
    def _league_job_message(self, success, detail):
        """Hook: the notification's text (HTML escaped by the caller)."""
        raise NotImplementedError

    @api.multi
    def _league_notify_target(self, user):
        """Hook: the record whose chatter holds the notification to ``user``."""
        return self

    @api.multi
    def _league_notify(self, text, user):
        """Send ``text`` to ``user`` (the user of the job: their inbox, or an
        e-mail if they chose so), as a message from the system on
        ``_league_notify_target``."""
        self.ensure_one()
        target = self._league_notify_target(user).sudo().with_context(
            lang=user.lang or self.env.lang, mail_notify_author=True)
        target.message_post(
            body=tools.plaintext2html(text), subject=text.split('\n')[0],
            author_id=self.env.ref('base.partner_root').id,
            partner_ids=[user.partner_id.id], message_type='notification',
            subtype='mail.mt_note')

    @api.model
    def _league_job_user_env(self, job):
        """The records of the failed ``job`` as its user (for the language and
        the notification), from the superuser environment of the job runner."""
        records = self.browse(job.record_ids).exists()
        user_id = job.user_id.id or SUPERUSER_ID
        return records.sudo(user_id).with_context(lang=job.user_id.lang or 'en_US')
