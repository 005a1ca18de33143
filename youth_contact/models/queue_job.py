# -*- coding: utf-8 -*-
import logging

from odoo import api, models

from .league_job_mixin import job_failure_reason

_logger = logging.getLogger(__name__)


class QueueJob(models.Model):
    """A League job that failed outside its own handling (a bug, the worker's
    time limit: see ``league.job.mixin``) is recorded on its record and
    notified to its user when queue_job marks it failed."""
    _inherit = 'queue.job'

    @api.multi
    def write(self, vals):
        result = super(QueueJob, self).write(vals)
        if vals.get('state') == 'failed':
            for job in self.sudo():
                if job.model_name not in self.env or not hasattr(
                        self.env[job.model_name], '_league_job_failed'):
                    continue
                records = self.env[job.model_name]._league_job_user_env(job)
                try:
                    with self.env.cr.savepoint():
                        records._league_job_failed(job_failure_reason(job.exc_info))
                except Exception:  # never hide queue_job's own record of the failure
                    _logger.exception('League job %s: the failure could not be notified',
                                      job.uuid)
        return result
