# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .league_common import league_today, schedule_activity

ANSWER_ACTIVITY = 'youth_contact.mail_activity_type_concern'
ANSWER_DAYS = 7

CONCERN_KINDS = [
    ('confusion', 'Ideological Confusion'),
    ('difficulty', 'Practical Difficulty'),
    ('suggestion', 'Suggestion'),
    ('opinion', 'Opinion'),
    ('idea', 'Idea'),
]
# 青年之声 (the voice of youth): what youth propose, not what troubles them;
# collected and answered as concerns, counted apart in the reports
VOICE_KINDS = ('suggestion', 'opinion', 'idea')
CONCERN_STATES = [
    ('new', 'New'),
    ('answered', 'Answered'),
    ('helped', 'Helped'),
    ('escalated', 'Escalated'),
    ('closed', 'Closed'),
]
ESCALATIONS = [
    ('proposal', 'Proposal to the Two Sessions'),
    ('research', 'Research and Exchange'),
    ('department', 'Reported to Party and Government Departments'),
]


class LeagueConcern(models.Model):
    """A concern raised by a youth; open concerns form the problem list (问题清单)."""
    _name = 'league.concern'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'league.workflow.mixin',
                'league.county.mixin']
    _description = 'Youth Concern'
    _league_readable_fields = ('cadre_id', 'youth_id')
    _order = 'date desc, id desc'
    _server_fields = ('date_closed', 'origin')

    name = fields.Char('Subject', required=True, track_visibility='onchange')
    youth_id = fields.Many2one('league.youth', 'Youth', required=True, index=True,
                               ondelete='restrict', track_visibility='onchange')
    cadre_id = fields.Many2one('league.cadre', 'Responsible Cadre', required=True, index=True,
                               ondelete='restrict', track_visibility='onchange',
                               default=lambda self: self.env['league.contact']._default_cadre())
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, compute_sudo=True, index=True, readonly=True)
    kind = fields.Selection(CONCERN_KINDS, required=True, default='difficulty',
                            track_visibility='onchange')
    state = fields.Selection(CONCERN_STATES, required=True, default='new', index=True,
                             readonly=True, copy=False, track_visibility='onchange')
    date = fields.Date('Raised On', required=True, default=league_today)
    description = fields.Text('Concern Details', required=True)
    answer = fields.Text('Answer / Action Taken', track_visibility='onchange')
    escalation = fields.Selection(ESCALATIONS, 'Escalation Route', track_visibility='onchange')
    escalation_note = fields.Text('Escalation Details')
    date_closed = fields.Date('Closed On', readonly=True, copy=False)
    origin = fields.Selection([
        ('cadre', 'Recorded by the Cadre'),
        ('youth_page', 'Raised on the Youth\'s Page'),
    ], 'Raised Through', required=True, default='cadre', readonly=True, copy=False,
        help='A concern raised by the youth on their page is recorded by the server only.')

    @api.constrains('date')
    def _check_date(self):
        today = league_today(self)
        for concern in self.sudo():
            if concern.date > today:
                raise ValidationError(_('The concern "%s" cannot be raised in the future.')
                                      % concern.name)

    @api.model
    def create(self, vals):
        concern = super(LeagueConcern, self).create(vals)
        if concern.cadre_id.user_id:
            deadline = fields.Date.from_string(league_today(self))
            schedule_activity(concern, ANSWER_ACTIVITY, concern.cadre_id.user_id,
                              _('Answer the concern: %s') % concern.name,
                              deadline + timedelta(days=ANSWER_DAYS))
        return concern

    @api.multi
    def _close_answer_activities(self):
        answer_type = self.env.ref(ANSWER_ACTIVITY)
        self.sudo().mapped('activity_ids').filtered(
            lambda a: a.activity_type_id == answer_type).action_feedback()

    @api.multi
    def action_answer(self):
        self._check_state(['new'], _('Answer'))
        if self.filtered(lambda c: not (c.answer or '').strip()):
            raise UserError(_('Write the answer given to the youth before marking the concern '
                              'as answered.'))
        self._close_answer_activities()
        return self._set_state('answered')

    @api.multi
    def action_help(self):
        self._check_state(['answered'], _('Helped'))
        return self._set_state('helped')

    @api.multi
    def action_escalate(self):
        self._check_state(['new', 'answered'], _('Escalate'))
        if self.filtered(lambda c: not c.escalation):
            raise UserError(_('Choose the escalation route (proposal to the Two Sessions, '
                              'research and exchange, or report to Party and government '
                              'departments) before escalating the concern.'))
        self._close_answer_activities()
        return self._set_state('escalated')

    @api.multi
    def action_close(self):
        self._check_state(['answered', 'helped', 'escalated'], _('Close'))
        return self._set_state('closed', date_closed=league_today(self))

    @api.multi
    def action_reopen(self):
        self._check_state(['closed'], _('Reopen'))
        return self._set_state('new', date_closed=False)
