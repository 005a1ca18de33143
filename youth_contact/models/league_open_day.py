# -*- coding: utf-8 -*-
"""Quarterly thematic open day of a county committee (专题开放日制度).

Every quarter the county committee invites at least 50 ordinary youth of
different sectors into the committee, theme "学讲话 话改革 谋发展".
Workflow: draft → submitted → approved / rejected (→ draft) → held → closed.
Closing needs at least ``youth_contact.open_day_min_attendees`` attendees
(system parameter, default 50) and records the sectors covered.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .league_approval_mixin import DRAFT_EDITABLE, GROUP_COUNTY_ADMIN
from .league_common import league_today, quarter_of
from .league_guard import server_side

DEFAULT_THEME = '学讲话 话改革 谋发展'
MIN_ATTENDEES_PARAM = 'youth_contact.open_day_min_attendees'
DEFAULT_MIN_ATTENDEES = 50

OPEN_DAY_STATES = [
    ('draft', 'Draft'),
    ('submitted', 'Submitted'),
    ('approved', 'Approved'),
    ('rejected', 'Rejected'),
    ('held', 'Held'),
    ('closed', 'Closed'),
]

ATTENDANCE_EDITABLE = {'approved': [('readonly', False)], 'held': [('readonly', False)]}
CADRES_EDITABLE = dict(DRAFT_EDITABLE, **ATTENDANCE_EDITABLE)

QUARTERS = [('1', 'Q1'), ('2', 'Q2'), ('3', 'Q3'), ('4', 'Q4')]

# fields that may still change after approval (attendance, report)
ATTENDANCE_FIELDS = {'attendee_ids', 'cadre_ids', 'summary'}


class LeagueOpenDay(models.Model):
    _name = 'league.open.day'
    _inherit = ['league.approval.mixin']
    _description = 'Thematic Open Day'
    _order = 'date desc, id desc'
    _league_readable_fields = ('county_id', 'invitee_ids', 'attendee_ids', 'cadre_ids')
    _server_fields = ('sector_line_ids', 'sector_count', 'date_closed')

    date = fields.Date(required=True, index=True, track_visibility='onchange',
                       readonly=True, states=DRAFT_EDITABLE)
    year = fields.Integer(compute='_compute_period', store=True, index=True)
    quarter = fields.Selection(QUARTERS, compute='_compute_period', store=True, index=True)
    theme = fields.Char(required=True, default=DEFAULT_THEME, track_visibility='onchange',
                        readonly=True, states=DRAFT_EDITABLE)
    place = fields.Char(track_visibility='onchange', readonly=True, states=DRAFT_EDITABLE)
    programme = fields.Text(
        'Programme', readonly=True, states=DRAFT_EDITABLE,
        default=lambda self: _('Introduction to the history, organization, functions and main '
                               'work of the Communist Youth League; exchange between League '
                               'cadres and youth representatives on the reform and '
                               'development of the League; setting up daily contact.'))
    state = fields.Selection(OPEN_DAY_STATES, default='draft', required=True, readonly=True,
                             index=True, copy=False, track_visibility='onchange')
    invitee_ids = fields.Many2many('league.youth', 'league_open_day_invitee_rel',
                                   'open_day_id', 'youth_id', string='Invited Youth',
                                   readonly=True, states=DRAFT_EDITABLE)
    attendee_ids = fields.Many2many('league.youth', 'league_open_day_attendee_rel',
                                    'open_day_id', 'youth_id', string='Attendees', copy=False,
                                    readonly=True, states=ATTENDANCE_EDITABLE)
    cadre_ids = fields.Many2many('league.cadre', 'league_open_day_cadre_rel',
                                 'open_day_id', 'cadre_id', string='Participating Cadres',
                                 readonly=True, states=CADRES_EDITABLE,
                                 help='Cadres who talk with the youth; by default the '
                                      'attendees become their contacts.')
    invitee_count = fields.Integer('Invited', compute='_compute_counts', store=True)
    attendee_count = fields.Integer('Attendance', compute='_compute_counts', store=True,
                                    track_visibility='onchange')
    min_attendees = fields.Integer('Required Attendance', compute='_compute_min_attendees')
    summary = fields.Text('Summary', readonly=True, states=ATTENDANCE_EDITABLE)
    sector_line_ids = fields.One2many('league.open.day.sector', 'open_day_id',
                                      'Attendees by Sector', readonly=True, copy=False)
    sector_count = fields.Integer('Sectors', readonly=True, copy=False,
                                  help='Number of sectors covered by the attendees, recorded '
                                       'when the open day is closed.')
    sectors_covered = fields.Char('Covered Sectors', compute='_compute_sectors_covered')
    date_closed = fields.Date('Closed On', readonly=True, copy=False)

    @api.multi
    def name_get(self):
        quarters = dict(self._fields['quarter']._description_selection(self.env))
        template = _('%(county)s %(year)s %(quarter)s open day')  # not in the comprehension
        return [(day.id, template % {
            'county': day.county_id.name or '', 'year': day.year or '',
            'quarter': quarters.get(day.quarter, '')}) for day in self]

    @api.depends('date')
    def _compute_period(self):
        for day in self:
            if day.date:
                value = fields.Date.from_string(day.date)
                day.year = value.year
                day.quarter = str(quarter_of(value))
            else:
                day.year = 0
                day.quarter = False

    @api.depends('invitee_ids', 'attendee_ids')
    def _compute_counts(self):
        for day in self:
            day.invitee_count = len(day.invitee_ids)
            day.attendee_count = len(day.attendee_ids)

    @api.depends('sector_line_ids')
    def _compute_sectors_covered(self):
        labels = dict(self.env['league.open.day.sector']._fields['sector']
                      ._description_selection(self.env))
        separator = _('list separator|, ').split('|', 1)[-1]
        for day in self:
            day.sectors_covered = separator.join(
                labels[line.sector] for line in day.sector_line_ids if line.sector) or False

    @api.model
    def _get_min_attendees(self):
        # one reader of the work parameters: league.settings.mixin
        return self.env['league.settings']._league_get_values()['league_open_day_min_attendees']

    @api.multi
    def _compute_min_attendees(self):
        minimum = self._get_min_attendees()
        for day in self:
            day.min_attendees = minimum

    # ------------------------------------------------------------------
    # editing rules
    # ------------------------------------------------------------------
    @api.multi
    def _editable_fields(self):
        allowed = super(LeagueOpenDay, self)._editable_fields()
        if allowed is not None and self.state in ('approved', 'held'):
            allowed = allowed | ATTENDANCE_FIELDS
        return allowed

    @api.multi
    def _approval_violations(self):
        self.ensure_one()
        violations = []
        if not (self.theme or '').strip():
            violations.append(_('The theme is missing.'))
        if not self.date:
            violations.append(_('The date is missing.'))
        if not (self.place or '').strip():
            violations.append(_('The place is missing.'))
        return violations

    # ------------------------------------------------------------------
    # transitions after approval
    # ------------------------------------------------------------------
    @api.multi
    def action_hold(self):
        self._guard(GROUP_COUNTY_ADMIN,
                    _('Only a county administrator can record that an open day was held.'),
                    ['approved'], _('Mark as Held'))
        today = league_today(self)
        early = self.filtered(lambda d: d.date > today)
        if early:
            raise UserError(_('%(day)s takes place on %(date)s: it can be marked as held from '
                              'that day on.') % {'day': early[0].display_name,
                                                 'date': early[0].date})
        self._set_state('held')
        return True

    @api.multi
    def action_close(self):
        self._guard(GROUP_COUNTY_ADMIN, _('Only a county administrator can close an open day.'),
                    ['held'], _('Close the Open Day'))
        minimum = self._get_min_attendees()
        for day in self:
            if day.attendee_count < minimum:
                raise UserError(_('%(day)s cannot be closed: at least %(minimum)s youth must '
                                  'attend an open day, %(count)s attendee(s) are recorded.') % {
                    'day': day.display_name, 'minimum': minimum,
                    'count': day.attendee_count})
        for day in self:
            day._record_sectors()
        self._set_state('closed', date_closed=league_today(self))
        return True

    @api.multi
    def _record_sectors(self):
        """Store the sectors of the attendees (count per sector)."""
        self.ensure_one()
        counts = {}
        for youth in self.attendee_ids.sudo():
            key = youth.sector or False
            counts[key] = counts.get(key, 0) + 1
        server_side(self.sudo()).write({
            'sector_line_ids': [(5, 0, 0)] + [
                (0, 0, {'sector': sector, 'attendee_count': count})
                for sector, count in sorted(counts.items(),
                                            key=lambda kv: (-kv[1], kv[0] or ''))],
            'sector_count': len([s for s in counts if s]),
        })

    @api.multi
    def action_convert_attendees(self):
        self.ensure_one()
        action = self.env.ref('youth_contact.action_league_open_day_convert_wizard').read()[0]
        action['context'] = {'default_open_day_id': self.id}
        return action
