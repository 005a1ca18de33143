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
    ('suggestion', 'Opinion / Suggestion'),
]
#: the kind of the youth voice (青年之声): what youth propose, not what troubles
#: them; collected and answered as concerns of kind ``VOICE_KIND_OF``, told
#: apart by ``voice_kind`` (the kinds of the data contract stay three)
VOICE_KIND_OF = 'suggestion'
VOICE_KIND_SELECTION = [
    ('suggestion', 'Suggestion'),
    ('opinion', 'Opinion'),
    ('idea', 'Idea'),
]
VOICE_KINDS = tuple(key for key, _label in VOICE_KIND_SELECTION)
DEFAULT_VOICE_KIND = 'suggestion'
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
    voice_kind = fields.Selection(
        VOICE_KIND_SELECTION, 'Youth Voice Kind', default=DEFAULT_VOICE_KIND,
        track_visibility='onchange',
        help='What the youth voice (青年之声) is: a suggestion, an opinion or an idea. '
             'Only for opinions and suggestions; the half-year reports and the bulletins '
             'count them apart.')
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

    @api.constrains('kind', 'voice_kind')
    def _check_voice_kind(self):
        for concern in self.sudo():
            if concern.kind == VOICE_KIND_OF and not concern.voice_kind:
                raise ValidationError(_('Choose whether the opinion or suggestion "%s" is a '
                                        'suggestion, an opinion or an idea.') % concern.name)
            if concern.kind != VOICE_KIND_OF and concern.voice_kind:
                raise ValidationError(_('Only an opinion or suggestion has a youth voice kind '
                                        '(the concern "%s").') % concern.name)

    @api.onchange('kind')
    def _onchange_kind_voice(self):
        if self.kind != VOICE_KIND_OF:
            self.voice_kind = False
        elif not self.voice_kind:
            self.voice_kind = DEFAULT_VOICE_KIND

    @api.model
    def _voice_kind_vals(self, vals, voice_kind=None):
        """``vals`` with the youth voice kind that goes with its kind when
        ``vals`` gives a kind and no youth voice kind: none for the kinds other
        than opinions and suggestions, ``voice_kind`` (the record's, else the
        default) for them.  A youth voice kind given with a kind is checked by
        ``_check_voice_kind``."""
        if 'kind' not in vals or 'voice_kind' in vals:
            return vals
        if vals['kind'] != VOICE_KIND_OF:
            return dict(vals, voice_kind=False)
        return dict(vals, voice_kind=voice_kind or DEFAULT_VOICE_KIND)

    @api.model
    def create(self, vals):
        if 'kind' not in vals:
            vals = dict(vals, kind=self.default_get(['kind']).get('kind'))
        concern = super(LeagueConcern, self).create(self._voice_kind_vals(vals))
        if concern.cadre_id.user_id:
            deadline = fields.Date.from_string(league_today(self))
            schedule_activity(concern, ANSWER_ACTIVITY, concern.cadre_id.user_id,
                              _('Answer the concern: %s') % concern.name,
                              deadline + timedelta(days=ANSWER_DAYS))
        return concern

    @api.multi
    def write(self, vals):
        if 'kind' in vals and 'voice_kind' not in vals and vals['kind'] == VOICE_KIND_OF:
            # each keeps its youth voice kind, or gets the default
            for voice_kind in set(self.mapped('voice_kind')):
                records = self.filtered(lambda c: c.voice_kind == voice_kind)
                super(LeagueConcern, records).write(self._voice_kind_vals(vals, voice_kind))
            return True
        return super(LeagueConcern, self).write(self._voice_kind_vals(vals))

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
