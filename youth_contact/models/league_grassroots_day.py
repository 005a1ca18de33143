# -*- coding: utf-8 -*-
""""4+1" reporting to service objects (向基层服务对象报到制度).

County committee organ cadres work 4 days a week in the office and at least
one day among grassroots youth.  A cadre records each grassroots day; one day
per ISO week (Monday to Sunday) meets the rule for that week, further days of
the same week do not count twice.  Compliance (``league.grassroots.compliance``)
covers the cadres of county-level organizations over the current ISO year.
"""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_common import close_activities, league_today, schedule_activities, week_label

REMINDER_ACTIVITY = 'youth_contact.mail_activity_type_grassroots_reminder'

PLACE_TYPES = [
    ('region', 'Region'),
    ('park', 'Industrial Park'),
    ('enterprise', 'Non-public Enterprise'),
    ('social_org', 'Social Organization'),
    ('service_platform', 'Youth Service Platform'),
]


class LeagueGrassrootsDay(models.Model):
    _name = 'league.grassroots.day'
    _inherit = ['mail.thread', 'league.county.mixin']
    _description = '"4+1" Grassroots Day'
    _order = 'date desc, id desc'
    _league_readable_fields = ('cadre_id', 'host_organization_id')

    cadre_id = fields.Many2one(
        'league.cadre', 'Cadre', required=True, index=True, ondelete='cascade',
        default=lambda self: self.env.user.league_cadre_id,
        track_visibility='onchange')
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, readonly=True, index=True)
    organization_id = fields.Many2one('league.organization', 'Cadre Organization',
                                      related='cadre_id.organization_id', store=True,
                                      readonly=True)
    date = fields.Date(required=True, index=True, default=league_today,
                       track_visibility='onchange')
    iso_year = fields.Integer('ISO Year', compute='_compute_week', store=True)
    iso_week = fields.Integer('ISO Week', compute='_compute_week', store=True)
    week = fields.Char('Week', compute='_compute_week', store=True, index=True,
                       help='The week (Monday to Sunday) of the day.')
    place_type = fields.Selection(PLACE_TYPES, 'Place Type', required=True,
                                  track_visibility='onchange')
    unit = fields.Char('Unit', required=True, track_visibility='onchange',
                       help='The region, park, enterprise, organization or platform visited.')
    host_organization_id = fields.Many2one(
        'league.organization', 'League Organization',
        help='The League organization of the unit, when it has one.')
    work = fields.Text('Work Done', required=True)
    youth_count = fields.Integer('Youth Reached')

    _sql_constraints = [
        ('cadre_date_unique', 'unique(cadre_id, date)',
         'A grassroots day is already recorded for this cadre on this date.'),
        ('youth_count_positive', 'CHECK(youth_count >= 0)',
         'The number of youth reached cannot be negative.'),
    ]

    @api.multi
    def name_get(self):
        return [(day.id, '%s %s' % (day.cadre_id.name or '', day.date or ''))
                for day in self]

    @api.depends('date')
    def _compute_week(self):
        for day in self:
            if day.date:
                date = fields.Date.from_string(day.date)
                day.iso_year, day.iso_week, _weekday = date.isocalendar()
                day.week = week_label(date)
            else:
                day.iso_year = day.iso_week = 0
                day.week = False

    @api.model
    def _relabel_weeks(self):
        """Recompute the weeks stored in the former "2024-W05" form (data file)."""
        days = self.sudo().search([('week', 'like', '-W')])
        self.env.add_todo(self._fields['week'], days)
        days.recompute()

    @api.constrains('date')
    def _check_date(self):
        today = league_today(self)
        for day in self:
            if day.date > today:
                raise ValidationError(_('A grassroots day is recorded once it took place: '
                                        '%s is in the future.') % day.date)

    @api.constrains('work', 'unit')
    def _check_text(self):
        for day in self:
            if not (day.work or '').strip() or not (day.unit or '').strip():
                raise ValidationError(_('Record the unit visited and the work done on the '
                                        'grassroots day.'))

    # ------------------------------------------------------------------
    # reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_remind_behind(self):
        """Daily: one open reminder activity for each cadre behind on "4+1"
        (no grassroots day last week nor this week); closed once they are not
        behind any more.  Running it twice changes nothing."""
        activity_type = self.env.ref(REMINDER_ACTIVITY)
        Compliance = self.env['league.grassroots.compliance'].sudo()
        Compliance.invalidate_cache()  # an SQL view: values may have changed meanwhile
        compliance = Compliance.search([])
        behind = compliance.filtered('recent_missed').mapped('cadre_id').filtered('user_id')
        existing = self.env['mail.activity'].sudo().search([
            ('res_model', '=', 'league.cadre'), ('activity_type_id', '=', activity_type.id)])
        reminded = {a.res_id for a in existing}
        today = league_today(self)
        # created and closed in batches: the queries do not depend on the
        # number of reminders
        to_remind = behind.filtered(lambda c: c.id not in reminded)
        langs = {user['id']: user['lang'] for user in to_remind.mapped('user_id').read(['lang'])}
        texts = {}
        rows = []
        for cadre in to_remind:
            lang = langs[cadre.user_id.id]
            if lang not in texts:
                texts[lang] = self.with_context(lang=lang)._grassroots_reminder_text()
            rows.append((cadre.id, activity_type.id, cadre.user_id.id, texts[lang], today))
        schedule_activities(self.env, 'league.cadre', rows)
        behind_ids = set(behind.ids)
        done = existing.filtered(lambda a: a.res_id not in behind_ids)
        close_activities(self.env, done, _('A grassroots day was recorded this week.'))
        return True

    @api.model
    def _grassroots_reminder_text(self):
        return _('"4+1": no grassroots day last week nor so far this week. Spend at least one '
                 'day a week among grassroots youth and record it.')
