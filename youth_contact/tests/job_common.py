# -*- coding: utf-8 -*-
"""Helpers of the tests of the background jobs (OCA queue_job, issue 14)."""
import os
from contextlib import contextmanager
from unittest.mock import patch

from odoo.addons.queue_job.job import Job


@contextmanager
def without_test_no_delay():
    """The jobs really enqueued (unit tests otherwise run them at once, see
    the repository's conftest.py)."""
    with patch.dict(os.environ):
        os.environ.pop('TEST_QUEUE_JOB_NO_DELAY', None)
        yield


def delayed(func, *args):
    """Call ``func`` with the jobs really enqueued (the unit tests otherwise
    run them at once, see the repository's conftest.py), whatever the size of
    the work (``youth_contact.job_inline_max`` = -1)."""
    records = getattr(func, '__self__', None)    # a button of a recordset
    if records is not None:
        records.env['ir.config_parameter'].sudo().set_param(
            'youth_contact.job_inline_max', '-1')
    with without_test_no_delay():
        return func(*args)


def run_job(env, record):
    """Run the queued job of ``record`` as the job runner does: loaded by the
    superuser (``env``), performed as the user who enqueued it, then done."""
    job = Job.load(env, record.sudo().job_id.uuid)
    assert job.state == 'pending', job.state
    job.set_started()
    job.store()
    result = job.perform()
    job.set_done(result=result)
    job.store()
    return result


def notifications(env, user):
    """The messages sent to ``user``, newest first, as they can read them."""
    return env['mail.message'].sudo(user).search(
        [('partner_ids', 'in', user.partner_id.ids)], order='id desc')


def run_jobs(env, record, count=None):
    """Run the queued jobs of ``record`` one after the other as the job runner
    does (each job may enqueue the next one of a chain): ``count`` jobs, or
    until none is pending.  Returns the results of the jobs."""
    results = []
    while count is None or len(results) < count:
        record.invalidate_cache()
        job = record.sudo().job_id
        if not job or job.state != 'pending':
            break
        results.append(delayed(run_job, env, record))
    record.invalidate_cache()
    return results
