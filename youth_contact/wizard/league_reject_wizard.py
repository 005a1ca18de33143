# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# the models whose records the city committee approves or rejects with this
# wizard: those of league.approval.mixin ("8+4" plans, open days, half-year
# reports, which are returned for revision)
APPROVAL_MIXIN = 'league.approval.mixin'


class LeagueRejectWizard(models.TransientModel):
    """Ask the city administrator for the reason of a rejection."""
    _name = 'league.reject.wizard'
    _description = 'Reject with a Reason'

    res_model = fields.Char('Document Model', required=True,
                            default=lambda self: self.env.context.get('active_model'))
    res_ids = fields.Char('Documents', required=True,
                          default=lambda self: ','.join(
                              str(i) for i in self.env.context.get('active_ids') or []))
    reason = fields.Text('Rejection Reason', required=True)

    @api.multi
    def action_reject(self):
        self.ensure_one()
        if self.res_model not in self.env or not isinstance(
                self.env[self.res_model], self.pool[APPROVAL_MIXIN]):
            raise UserError(_('Nothing to reject here.'))
        if not (self.reason or '').strip():
            raise UserError(_('Give the reason for the rejection.'))
        ids = [int(i) for i in self.res_ids.split(',') if i.strip()]
        self.env[self.res_model].browse(ids).action_reject(reason=self.reason.strip())
        return {'type': 'ir.actions.act_window_close'}
