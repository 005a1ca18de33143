# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LeagueConcernAnswerWizard(models.TransientModel):
    """Ask for the answer given to the youth, then mark the concern answered
    (the "Answer" button of a concern, without editing the form first)."""
    _name = 'league.concern.answer.wizard'
    _description = 'Answer a Concern'

    concern_id = fields.Many2one('league.concern', 'Concern', required=True,
                                 ondelete='cascade',
                                 default=lambda self: self._default_concern())
    answer = fields.Text('Answer / Action Taken', required=True,
                         default=lambda self: self._default_concern().answer)

    @api.model
    def _default_concern(self):
        if self.env.context.get('active_model') != 'league.concern':
            return self.env['league.concern']
        return self.env['league.concern'].browse(self.env.context.get('active_id'))

    @api.constrains('answer')
    def _check_answer(self):
        for wizard in self:
            if not (wizard.answer or '').strip():
                raise ValidationError(_('Write the answer given to the youth.'))

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.concern_id.write({'answer': self.answer.strip()})
        self.concern_id.action_answer()
        return {'type': 'ir.actions.act_window_close'}
