# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..models.league_concern import ESCALATIONS


class LeagueConcernEscalateWizard(models.TransientModel):
    """Ask for the escalation route and what was reported, then escalate the
    concern (the "Escalate" button, without editing the form first)."""
    _name = 'league.concern.escalate.wizard'
    _description = 'Escalate a Concern'

    concern_id = fields.Many2one('league.concern', 'Concern', required=True,
                                 ondelete='cascade',
                                 default=lambda self: self._default_concern())
    escalation = fields.Selection(ESCALATIONS, 'Escalation Route', required=True,
                                  default=lambda self: self._default_concern().escalation)
    escalation_note = fields.Text('Escalation Details', required=True,
                                  default=lambda self: self._default_concern().escalation_note)

    @api.model
    def _default_concern(self):
        return self.env['league.concern.answer.wizard']._default_concern()

    @api.constrains('escalation_note')
    def _check_escalation_note(self):
        for wizard in self:
            if not (wizard.escalation_note or '').strip():
                raise ValidationError(_('Write to whom and how the problem is reported.'))

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.concern_id.write({'escalation': self.escalation,
                               'escalation_note': self.escalation_note.strip()})
        self.concern_id.action_escalate()
        return {'type': 'ir.actions.act_window_close'}
