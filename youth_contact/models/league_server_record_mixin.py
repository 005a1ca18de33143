# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import UserError

from .league_guard import is_server_side
from .league_workflow_mixin import data_keys


class LeagueServerRecordMixin(models.AbstractModel):
    """Records that only the server writes: results of a computation and
    snapshots taken by a transition (sectors of a closed open day, evaluation
    results, bulletins).  Nobody creates, changes or deletes them by hand,
    administrators included, whatever the context; only the chatter fields of
    such a record stay writable.
    """
    _name = 'league.server.record.mixin'
    _description = 'Written by the server only'

    @api.model
    def _server_record_refusal(self):
        """The message of the refusal (override per model)."""
        return _('These records are produced by the workflow buttons and cannot be created, '
                 'changed or deleted by hand.')

    @api.model
    def _check_server_side(self, vals=None):
        if is_server_side(self) or (vals is not None and not data_keys(vals)):
            return
        raise UserError(self._server_record_refusal())

    @api.model
    def create(self, vals):
        self._check_server_side(vals)
        return super(LeagueServerRecordMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_server_side(vals)
        return super(LeagueServerRecordMixin, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_server_side()
        return super(LeagueServerRecordMixin, self).unlink()
