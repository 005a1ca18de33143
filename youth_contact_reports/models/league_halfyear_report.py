# -*- coding: utf-8 -*-
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.youth_contact.models.league_approval_mixin import (
    GROUP_CITY_ADMIN,
)
from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.models.league_guard import server_side

from .league_periods import half_year_bounds, to_date

HALVES = [('1', 'First Half'), ('2', 'Second Half')]

# figures of the county over the half-year, filled by "Refresh Figures" and on submit
FIGURE_FIELDS = [
    'cadre_count', 'quota_met_count', 'on_track_count', 'youth_count', 'new_contact_count',
    'log_count', 'face_to_face_count', 'activity_count', 'concern_count',
    'concern_open_count', 'open_day_count', 'open_day_attendee_count',
    'grassroots_day_count', 'rotation_group_count', 'rotation_summary_count',
    'rating_count', 'rating_avg',
    'voice_suggestion_count', 'voice_opinion_count', 'voice_idea_count', 'voice_count',
    'voice_answered_count',
]


FIRST_YEAR = 2016    # the year of the notice 梅市团字〔2016〕12号


def _current_year(self):
    return str(to_date(league_today(self)).year)


def _current_half(self):
    return '1' if to_date(league_today(self)).month <= 6 else '2'


class LeagueHalfyearReport(models.Model):
    """The half-year report of a county to the city committee
    (有关工作情况每半年向团市委报告一次): draft → submitted → acknowledged."""
    _name = 'league.halfyear.report'
    _inherit = ['league.approval.mixin']
    _description = 'Half-year Report'
    _order = 'year desc, half desc, county_id'
    _unlink_states = ('draft',)
    # recorded by the buttons only: the dates and the figures
    _server_fields = tuple(['date_submitted', 'date_acknowledged', 'figures_date']
                           + FIGURE_FIELDS)

    name = fields.Char(compute='_compute_name', compute_sudo=True)
    county_id = fields.Many2one(
        'league.organization', 'County', required=True, index=True,
        domain=[('level', '=', 'county')], track_visibility='onchange',
        default=lambda self: self.env.user.league_county_id)
    year = fields.Selection('_year_selection', required=True, default=_current_year,
                            index=True, track_visibility='onchange')
    half = fields.Selection(HALVES, 'Half-year', required=True, default=_current_half,
                            track_visibility='onchange')
    date_from = fields.Date('Period Start', compute='_compute_dates', store=True,
                            compute_sudo=True)
    date_to = fields.Date('Period End', compute='_compute_dates', store=True, compute_sudo=True)
    state = fields.Selection([
        ('draft', 'Draft'),
        ('submitted', 'Submitted'),
        ('acknowledged', 'Acknowledged'),
    ], default='draft', required=True, readonly=True, index=True, copy=False,
        track_visibility='onchange')
    date_submitted = fields.Date('Submitted On', readonly=True, copy=False)
    date_acknowledged = fields.Date('Acknowledged On', readonly=True, copy=False)
    figures_date = fields.Datetime('Figures Computed On', readonly=True, copy=False)

    work_summary = fields.Text('Work Carried Out')
    highlights = fields.Text('Highlights and Experience')
    problems = fields.Text('Problems')
    next_steps = fields.Text('Next Steps')
    city_feedback = fields.Text('Feedback of the City Committee', track_visibility='onchange')

    cadre_count = fields.Integer('Cadres', readonly=True)
    quota_met_count = fields.Integer('Cadres Reaching the Quota', readonly=True)
    on_track_count = fields.Integer('Cadres on Track', readonly=True,
                                    help='Cadres meeting the three cadences when the figures '
                                         'were computed.')
    youth_count = fields.Integer('Youth in Contact', readonly=True,
                                 help='The county dashboard\'s figure when the figures were '
                                      'refreshed: each youth in contact counted once.')
    new_contact_count = fields.Integer('New Contacts', readonly=True)
    log_count = fields.Integer('Contact Logs', readonly=True)
    face_to_face_count = fields.Integer('Face-to-face Exchanges', readonly=True)
    activity_count = fields.Integer('Offline Activities', readonly=True)
    concern_count = fields.Integer('Concerns Raised', readonly=True)
    concern_open_count = fields.Integer('Concerns Still Open', readonly=True)
    open_day_count = fields.Integer('Open Days Held', readonly=True)
    open_day_attendee_count = fields.Integer('Open Day Attendance', readonly=True)
    grassroots_day_count = fields.Integer('"4+1" Grassroots Days', readonly=True)
    rotation_group_count = fields.Integer('"8+4" Working Groups', readonly=True)
    rotation_summary_count = fields.Integer('"8+4" Summaries Filed', readonly=True)
    rating_count = fields.Integer('Satisfaction Ratings', readonly=True)
    rating_avg = fields.Float('Average Satisfaction', digits=(3, 2), readonly=True)
    # 青年之声 of the half-year (league.report.concern._voice_counts)
    voice_suggestion_count = fields.Integer('Youth Voice: Suggestions', readonly=True)
    voice_opinion_count = fields.Integer('Youth Voice: Opinions', readonly=True)
    voice_idea_count = fields.Integer('Youth Voice: Ideas', readonly=True)
    voice_count = fields.Integer('Youth Voice: Total', readonly=True,
                                 help='Suggestions, opinions and ideas raised by youth in the '
                                      'half-year.')
    voice_answered_count = fields.Integer('Youth Voice: Answered', readonly=True,
                                          help='Of them, those answered (answered, helped, '
                                               'escalated or closed).')

    _sql_constraints = [
        ('county_period_uniq', 'unique(county_id, year, half)',
         'The county already has a report for this half-year.'),
    ]

    @api.model
    def _year_selection(self):
        last = to_date(league_today(self)).year + 1
        return [(str(year), str(year)) for year in range(last, FIRST_YEAR - 1, -1)]

    @api.depends('county_id', 'year', 'half')
    def _compute_name(self):
        halves = dict(self._fields['half']._description_selection(self.env))
        for report in self:
            report.name = _('%(county)s half-year report, %(year)s %(half)s') % {
                'county': report.county_id.name or '', 'year': report.year or '',
                'half': halves.get(report.half, '')}

    @api.depends('year', 'half')
    def _compute_dates(self):
        for report in self:
            if report.year and report.half:
                start, end = half_year_bounds(datetime.date(int(report.year),
                                                            1 if report.half == '1' else 7, 1))
                report.date_from = fields.Date.to_string(start)
                report.date_to = fields.Date.to_string(end)

    @api.constrains('county_id')
    def _check_county(self):
        for report in self.sudo():
            if report.county_id.level != 'county':
                raise ValidationError(_('A half-year report is made by a county-level '
                                        'organization, not by "%s".') % report.county_id.name)

    # ------------------------------------------------------------------
    # editing rules (league.approval.mixin)
    # ------------------------------------------------------------------
    @api.multi
    def _editable_fields(self):
        self.ensure_one()
        if self.state == 'draft':
            return None
        if self.state == 'submitted' and self.env.user.has_group(GROUP_CITY_ADMIN):
            return {'reject_reason', 'city_feedback'}
        return set()

    # ------------------------------------------------------------------
    # workflow: submit (county), acknowledge or return (city)
    # ------------------------------------------------------------------
    @api.multi
    def _approval_violations(self):
        self.ensure_one()
        if not (self.work_summary or '').strip():
            return [_('Describe the work carried out in the half-year.')]
        return []

    _approved_state = 'acknowledged'
    _rejected_state = 'draft'      # returned to the county for revision

    @api.model
    def _decision_texts(self, decision):
        if decision == 'approve':
            return {'refusal': _('Only a city administrator can acknowledge a half-year report.'),
                    'label': _('Acknowledge'), 'feedback': _('Acknowledged')}
        return {'refusal': _('Only a city administrator can return a half-year report.'),
                'label': _('Return for Revision'), 'feedback': _('Returned for revision: %s'),
                'reason': _('Give the reason for returning %s.')}

    @api.multi
    def _transition_values(self, transition):
        today = league_today(self)
        return {'submit': {'date_submitted': today},
                'approve': {'date_acknowledged': today},
                'reject': {'date_submitted': False}}[transition]

    @api.multi
    def _prepare_submit(self):
        # the figures are frozen as they are when the report is submitted
        return self.action_refresh_figures()

    @api.multi
    def action_acknowledge(self):
        """The city acknowledges the report (the approval of this workflow)."""
        return self.action_approve()

    @api.multi
    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref('youth_contact_reports.report_halfyear_xlsx').report_action(self)

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------
    @api.multi
    def action_refresh_figures(self):
        """Compute the figures of the county over the half-year (grouped queries)."""
        self._check_state(['draft'], _('Refresh Figures'))
        for report in self:
            server_side(report).write(report._figures())
        return True

    @api.multi
    def _figures(self):
        self.ensure_one()
        # the county's current figures: one definition, the dashboard's
        current = self.env['league.report.county'].sudo().search_read(
            [('county_id', '=', self.county_id.id)],
            ['cadre_count', 'quota_met_count', 'on_track_count', 'youth_count',
             'concern_open_count'])
        current = current[0] if current else {}
        cadres, quota_met, on_track, youth, concerns_open = (
            current.get(name, 0) for name in ('cadre_count', 'quota_met_count', 'on_track_count',
                                              'youth_count', 'concern_open_count'))
        # the half-year's figures: counts of the county's records of the period
        # (as superuser: the county administrator may not read every model)
        county = [('county_id', '=', self.county_id.id)]
        period = [('date', '>=', self.date_from), ('date', '<=', self.date_to)]

        def count(model, domain):
            return self.env[model].sudo().with_context(active_test=False).search_count(domain)

        def totals(model, domain, fields_):
            groups = self.env[model].sudo().with_context(active_test=False).read_group(
                domain, fields_, [])
            return groups[0] if groups else {}

        new_contacts = count('league.contact', county + [
            ('date_start', '>=', self.date_from), ('date_start', '<=', self.date_to)])
        logs = count('league.contact.log', county + period)
        face = count('league.contact.log', county + period + [('mode', '=', 'face_to_face')])
        activities = count('league.activity', county + period)
        concerns = count('league.concern', county + period)
        days = count('league.grassroots.day', county + period)
        closed_days = county + period + [('state', '=', 'closed')]
        open_days = count('league.open.day', closed_days)
        attendees = totals('league.open.day', closed_days, ['attendee_count']).get(
            'attendee_count') or 0
        groups_domain = county + [('state', 'in', ('approved', 'done')),
                                  ('date_start', '<=', self.date_to),
                                  ('date_end', '>=', self.date_from)]
        groups = count('league.rotation.group', groups_domain)
        summaries = count('league.rotation.group', groups_domain + [('summary_filed', '=', True)])
        ratings = count('league.satisfaction', county + period)
        rating_avg = totals('league.satisfaction', county + period, ['rating_value']).get(
            'rating_value') or 0
        values = [cadres, quota_met, on_track, youth, new_contacts, logs, face, activities,
                  concerns, concerns_open, open_days, attendees, days, groups, summaries,
                  ratings, round(float(rating_avg), 2)]
        voice = self.env['league.report.concern']._voice_counts(
            self.date_from, self.date_to, self.county_id.ids).get(self.county_id.id, {})
        values += [voice.get(key, 0) for key in ('suggestion', 'opinion', 'idea', 'total',
                                                 'answered')]
        result = dict(zip(FIGURE_FIELDS, values))
        result['figures_date'] = fields.Datetime.now()
        return result
