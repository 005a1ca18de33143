# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .league_common import (
    CADENCE_STATES, CADRE_CATEGORIES, CATEGORY_QUOTA, SECTORS,
    check_mobile_field, close_activities, league_today, normalize_mobile, quarter_bounds,
    schedule_activities, update_activity_summaries,
)

# Cadence rules of the document: 日常有声音、每季有活动、每年有面对面交流.
ONLINE_DAYS = 7      # a contact log at most 7 days ago (today - 7 is still met)
FACE_DAYS = 365      # a face-to-face log at most 365 days ago (today - 365 is still met)
RECENT_LOG_COUNT = 20  # contact logs shown in the cadre's form

# Cadence values of a cadre not saved yet
NEW_CADENCE = {
    'cadence_date': False, 'last_log_date': False, 'online_days': 0,
    'online_state': 'not_started', 'offline_count': 0, 'offline_days_left': 0,
    'offline_state': 'not_started', 'face_done_count': 0, 'face_pending_count': 0,
    'face_behind_count': 0, 'face_state': 'not_started', 'behind_count': 3,
}

# Reminder activity type (xml id) of each cadence, and the due date of a new reminder
# (days after today; None = end of the quarter).
CADENCE_REMINDERS = [
    ('online_state', 'youth_contact.mail_activity_type_online', 0),
    ('offline_state', 'youth_contact.mail_activity_type_offline', None),
    ('face_state', 'youth_contact.mail_activity_type_face', 30),
]

# Fields a cadre may change on their own record; the rest is kept by administrators.
CADRE_SELF_FIELDS = {'mobile', 'wechat', 'qq', 'weibo', 'position', 'note',
                     'show_wechat', 'show_qq', 'show_weibo'}


class LeagueCadre(models.Model):
    """A League cadre registered under their real name ("1+100" rule)."""
    _name = 'league.cadre'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'league.county.mixin']
    _description = 'League Cadre'
    _league_readable_fields = ('organization_id',)
    _order = 'name'

    name = fields.Char('Real Name', required=True, index=True, track_visibility='onchange')
    user_id = fields.Many2one('res.users', 'User', index=True, ondelete='restrict',
                              track_visibility='onchange',
                              help='The Odoo user of this cadre (real-name registration).')
    organization_id = fields.Many2one('league.organization', 'Organization', required=True,
                                      index=True, ondelete='restrict',
                                      track_visibility='onchange')
    county_id = fields.Many2one('league.organization', 'County',
                                related='organization_id.county_id', store=True, compute_sudo=True,
                                index=True, readonly=True)
    category = fields.Selection(CADRE_CATEGORIES, required=True, default='full_time',
                                index=True, track_visibility='onchange')
    quota = fields.Integer('Youth Quota', required=True,
                           default=CATEGORY_QUOTA['full_time'],
                           track_visibility='onchange',
                           help='Minimum number of youth to contact: 100 for full-time cadres '
                                'and cadres of leading organs, 10 for other part-time cadres.')
    is_leader = fields.Boolean('Leadership Member', track_visibility='onchange')
    established = fields.Boolean('Established Post', track_visibility='onchange',
                                 help='Cadre on the establishment (在编), rotated by the "8+4" plan.')
    position = fields.Char('Position')
    mobile = fields.Char(track_visibility='onchange')
    wechat = fields.Char('WeChat')
    qq = fields.Char('QQ')
    weibo = fields.Char('Weibo')
    # shown on the pages of the cadre's youth (the cadre chooses)
    show_wechat = fields.Boolean('Show WeChat to My Youth',
                                 help='Show this WeChat account on the pages of your youth.')
    show_qq = fields.Boolean('Show QQ to My Youth',
                             help='Show this QQ account on the pages of your youth.')
    show_weibo = fields.Boolean('Show Weibo to My Youth',
                                help='Show this Weibo account on the pages of your youth.')
    note = fields.Text()
    active = fields.Boolean(default=True)

    contact_ids = fields.One2many('league.contact', 'cadre_id', 'Contacts')
    log_ids = fields.One2many('league.contact.log', 'cadre_id', 'Contact Logs')
    recent_log_ids = fields.Many2many(
        'league.contact.log', string='Recent Contact Logs', compute='_compute_recent_log_ids',
        help='The most recent contact logs (the form shows these, not the whole history: '
             'the Contact Logs button opens them all).')
    league_activity_ids = fields.One2many('league.activity', 'cadre_id', 'Offline Activities')
    concern_ids = fields.One2many('league.concern', 'cadre_id', 'Concerns')
    pairing_ids = fields.One2many('league.pairing', 'cadre_id', 'Pairings')

    # progress against the quota
    contact_count = fields.Integer('Youth Contacted', compute='_compute_progress', store=True, compute_sudo=True)
    contact_rate = fields.Float('Quota Completion (%)', compute='_compute_progress',
                                store=True, compute_sudo=True, group_operator='avg')
    quota_met = fields.Boolean('Quota Reached', compute='_compute_progress', store=True, compute_sudo=True)
    # the youth's confirmations on their pages
    confirmed_count = fields.Integer('Confirmed by the Youth', compute='_compute_confirmations',
                                     store=True, compute_sudo=True)
    unconfirmed_count = fields.Integer('Not Confirmed Yet', compute='_compute_confirmations',
                                       store=True, compute_sudo=True)
    disowned_count = fields.Integer('Not Known by the Youth', compute='_compute_confirmations',
                                    store=True, compute_sudo=True,
                                    help='Youth who answered on their page that they do not '
                                         'know this cadre.')
    # sector spread
    sector_count = fields.Integer('Sectors Covered', compute='_compute_sectors', store=True, compute_sudo=True)
    sector_top = fields.Selection(SECTORS, 'Dominant Sector', compute='_compute_sectors',
                                  store=True, compute_sudo=True)
    sector_top_rate = fields.Float('Dominant Sector Share (%)', compute='_compute_sectors',
                                   store=True, compute_sudo=True)
    sector_warning = fields.Boolean('Sector Imbalance', compute='_compute_sectors', store=True, compute_sudo=True,
                                    help='More than half of the contacted youth come from '
                                         'one sector.')
    sector_spread = fields.Text('Sector Spread', compute='_compute_sector_text')
    sector_warning_text = fields.Char('Sector Warning', compute='_compute_sector_text')
    # cadences (stored so that they can be filtered; time-based, so they are
    # also recomputed every day by the reminder job)
    cadence_date = fields.Date('Cadence Computed On', compute='_compute_cadence', store=True, compute_sudo=True)
    last_log_date = fields.Date('Last Contact Log', compute='_compute_cadence', store=True, compute_sudo=True)
    online_days = fields.Integer('Days Since Last Log', compute='_compute_cadence', store=True,
                                 compute_sudo=True,
                                 help='Meaningless (0) while the cadre has no contact log: '
                                      'the views hide it then.')
    online_state = fields.Selection(CADENCE_STATES, 'Daily Online Contact',
                                    compute='_compute_cadence', store=True, compute_sudo=True, index=True)
    offline_count = fields.Integer('Offline Activities This Quarter',
                                   compute='_compute_cadence', store=True, compute_sudo=True)
    offline_days_left = fields.Integer('Days Left in Quarter', compute='_compute_cadence',
                                       store=True, compute_sudo=True)
    offline_state = fields.Selection(CADENCE_STATES, 'Quarterly Offline Activity',
                                     compute='_compute_cadence', store=True, compute_sudo=True, index=True)
    face_done_count = fields.Integer('Youth Met Face-to-face', compute='_compute_cadence',
                                     store=True, compute_sudo=True)
    face_pending_count = fields.Integer(
        'Youth Not Due Yet', compute='_compute_cadence', store=True, compute_sudo=True,
        help='Youth contacted less than a year ago and not met face-to-face yet: not behind '
             'yet. Met + not due yet + behind = the youth contacted.')
    face_behind_count = fields.Integer('Youth Without Face-to-face',
                                       compute='_compute_cadence', store=True, compute_sudo=True)
    face_state = fields.Selection(CADENCE_STATES, 'Yearly Face-to-face Exchange',
                                  compute='_compute_cadence', store=True, compute_sudo=True, index=True)
    behind_count = fields.Integer('Cadences Not Met', compute='_compute_cadence', store=True,
                                  compute_sudo=True,
                                  help='Cadences behind or not started: 0 = on track.')

    _sql_constraints = [
        ('user_uniq', 'unique(user_id)', 'A user can be linked to one cadre only.'),
        ('quota_positive', 'CHECK(quota > 0)', 'The youth quota must be positive.'),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends('contact_ids', 'quota')
    def _compute_progress(self):
        counts = self._contact_counts()
        for cadre in self:
            count = counts.get(cadre.id, 0)
            cadre.contact_count = count
            cadre.contact_rate = 100.0 * count / cadre.quota if cadre.quota else 0.0
            cadre.quota_met = count >= cadre.quota

    @api.depends('contact_ids', 'contact_ids.confirm_state')
    def _compute_confirmations(self):
        counts = {}
        if self.ids:
            groups = self.env['league.contact'].sudo().read_group(
                [('cadre_id', 'in', self.ids)], ['cadre_id', 'confirm_state'],
                ['cadre_id', 'confirm_state'], lazy=False)
            for group in groups:
                counts[(group['cadre_id'][0], group['confirm_state'])] = group['__count']
        for cadre in self:
            cadre.confirmed_count = counts.get((cadre.id, 'confirmed'), 0)
            cadre.unconfirmed_count = counts.get((cadre.id, 'unconfirmed'), 0)
            cadre.disowned_count = counts.get((cadre.id, 'disowned'), 0)

    @api.multi
    def _contact_counts(self):
        if not self.ids:
            return {}
        groups = self.env['league.contact'].sudo().read_group(
            [('cadre_id', 'in', self.ids)], ['cadre_id'], ['cadre_id'])
        return {g['cadre_id'][0]: g['cadre_id_count'] for g in groups}

    @api.multi
    def _sector_counts(self):
        """{cadre_id: {sector: count}} of the contacted youth (set-based)."""
        result = {cadre_id: {} for cadre_id in self.ids}
        if self.ids:
            groups = self.env['league.contact'].sudo().read_group(
                [('cadre_id', 'in', self.ids), ('sector', '!=', False)],
                ['cadre_id', 'sector'], ['cadre_id', 'sector'], lazy=False)
            for group in groups:
                result[group['cadre_id'][0]][group['sector']] = group['__count']
        return result

    @api.depends('contact_ids.youth_id.sector')
    def _compute_sectors(self):
        spread = self._sector_counts()
        for cadre in self:
            counts = spread.get(cadre.id, {})
            total = sum(counts.values())
            top = max(counts, key=lambda s: (counts[s], s)) if counts else False
            cadre.sector_count = len(counts)
            cadre.sector_top = top
            cadre.sector_top_rate = 100.0 * counts[top] / total if total else 0.0
            cadre.sector_warning = bool(total) and counts[top] * 2 > total

    @api.depends('sector_count', 'sector_top', 'sector_warning')
    def _compute_sector_text(self):
        labels = dict(self._fields['sector_top']._description_selection(self.env))
        spread = self._sector_counts()
        for cadre in self:
            counts = spread.get(cadre.id, {})
            cadre.sector_spread = ', '.join(
                '%s: %d' % (labels[key], counts[key]) for key, _label in SECTORS
                if key in counts)
            cadre.sector_warning_text = cadre.sector_warning and _(
                'More than half of the contacted youth (%d%%) come from the sector "%s": '
                'contact youth of other sectors too.') % (
                    round(cadre.sector_top_rate), labels[cadre.sector_top]) or False

    def _compute_recent_log_ids(self):
        # one page of logs whatever the history: the form read every log id
        Log = self.env['league.contact.log']
        for cadre in self:
            cadre.recent_log_ids = cadre.id and Log.search(
                [('cadre_id', '=', cadre.id)], limit=RECENT_LOG_COUNT) or Log

    @api.model
    def _league_today(self):
        """Today (a date) for the cadence rules: China's date, never the client's."""
        return fields.Date.from_string(league_today(self))

    @api.multi
    def _cadence_values(self, today=None):
        """Compute the three cadences of the cadres for ``today`` (a date).

        - online: a contact log dated at most ONLINE_DAYS days ago;
        - offline ("每季有活动"): an offline activity organized by the cadre
          (a league.activity: date, place, participants, summary) since the
          start of the current quarter.  A contact log of mode "activity" is a
          contact with a youth (it counts for the online cadence and the
          interactions), not the quarter's activity: the evaluation's
          "activities" indicator counts the same league.activity records;
        - face-to-face: every contacted youth met face-to-face at most
          FACE_DAYS days ago; a youth contacted for less than FACE_DAYS days
          is not behind yet (they have one year for the first meeting).
          Each contacted youth is counted once: met, not due yet or behind.

        A cadence never done and not overdue (no contact log ever, no offline
        activity ever, no youth met face-to-face and none overdue, as for a
        new cadre without youth) is "not_started", never "met".
        ``behind_count`` counts the cadences that are not met.

        Returns {cadre_id: {field: value}}; only dates up to ``today`` count.
        """
        today = today or self._league_today()
        result = {}
        if not self.ids:
            return result
        cr = self.env.cr
        ids = tuple(self.ids)
        q_start, q_end = quarter_bounds(today)
        cr.execute("""SELECT cadre_id, max(date) FROM league_contact_log
                       WHERE cadre_id IN %s AND date <= %s GROUP BY cadre_id""", (ids, today))
        last_log = {cadre_id: fields.Date.from_string(day) for cadre_id, day in cr.fetchall()}
        cr.execute("""
            SELECT cadre_id, count(*) FROM league_activity
             WHERE cadre_id IN %(ids)s AND date BETWEEN %(start)s AND %(today)s
             GROUP BY cadre_id""", {'ids': ids, 'start': q_start, 'today': today})
        offline = dict(cr.fetchall())
        cr.execute("""SELECT DISTINCT cadre_id FROM league_activity
                       WHERE cadre_id IN %s AND date <= %s""", (ids, today))
        offline_ever = {row[0] for row in cr.fetchall()}
        face_dates = self.env['league.contact']._last_face_dates(self.ids, today)
        face_limit = today - timedelta(days=FACE_DAYS)
        face_done, face_pending, face_behind = {}, {}, {}
        for (cadre_id, _youth_id), (date_start, last_face) in face_dates.items():
            if last_face and last_face >= face_limit:
                counter = face_done
            elif date_start and date_start > face_limit:
                counter = face_pending
            else:
                counter = face_behind
            counter[cadre_id] = counter.get(cadre_id, 0) + 1
        for cadre_id in ids:
            last = last_log.get(cadre_id)
            online_days = (today - last).days if last else 0
            if not last:
                online = 'not_started'
            else:
                online = 'met' if online_days <= ONLINE_DAYS else 'behind'
            if offline.get(cadre_id):
                offline_state = 'met'
            else:
                offline_state = 'behind' if cadre_id in offline_ever else 'not_started'
            if face_behind.get(cadre_id):
                face = 'behind'
            else:
                face = 'met' if face_done.get(cadre_id) else 'not_started'
            states = [online, offline_state, face]
            result[cadre_id] = {
                'cadence_date': fields.Date.to_string(today),
                'last_log_date': last and fields.Date.to_string(last) or False,
                'online_days': online_days,
                'online_state': online,
                'offline_count': offline.get(cadre_id, 0),
                'offline_days_left': (q_end - today).days,
                'offline_state': offline_state,
                'face_done_count': face_done.get(cadre_id, 0),
                'face_pending_count': face_pending.get(cadre_id, 0),
                'face_behind_count': face_behind.get(cadre_id, 0),
                'face_state': face,
                'behind_count': len(states) - states.count('met'),
            }
        return result

    @api.depends('log_ids.date', 'log_ids.mode', 'log_ids.youth_ids',
                 'league_activity_ids.date', 'contact_ids.date_start',
                 'contact_ids.youth_id')
    def _compute_cadence(self):
        real = self.filtered('id')
        values = real._cadence_values()
        for cadre in self:
            # a record being created in a form has no logs yet: all behind
            for name, value in (values.get(cadre.id) or NEW_CADENCE).items():
                cadre[name] = value

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        """The cadences depend on today: stored ones are refreshed by the daily
        job and whenever logs, activities or contacts change.  Between two
        runs of the job (after midnight) the stored values of a day ago would
        be shown: the cadences of the records read are then computed for today
        (set-based, a few queries for the whole page) and shown, without
        writing them (no row lock on a page read)."""
        result = super(LeagueCadre, self).read(fields, load=load)
        wanted = set(fields or self._fields) & set(NEW_CADENCE)
        ids = [row['id'] for row in result]
        if not wanted or not ids:
            return result
        today = self._league_today()
        self.env.cr.execute("""SELECT id FROM league_cadre WHERE id IN %s
                                 AND cadence_date IS DISTINCT FROM %s""", (tuple(ids), today))
        stale = [row[0] for row in self.env.cr.fetchall()]
        if stale:
            values = self.browse(stale).sudo()._cadence_values(today)
            for row in result:
                if row['id'] in values:
                    row.update((name, values[row['id']][name]) for name in wanted)
        return result

    @api.model
    def _cron_recompute_cadence(self):
        """Recompute the (time-based) cadences of all active cadres."""
        cadres = self.search([])
        cadres._store_cadences()
        return cadres

    # SQL types of the stored cadence fields
    _CADENCE_TYPES = {'date': 'date', 'integer': 'int', 'selection': 'varchar'}

    @api.multi
    def _store_cadences(self):
        """Compute the cadences of the cadres and store them in one UPDATE (the
        ORM's recomputation writes one UPDATE per distinct set of values, that
        is about one per cadre), then do what the recomputation does after its
        SQL: the cache invalidated, the fields depending on the cadences marked
        and recomputed."""
        values = self._cadence_values()
        if not values:
            return
        names = sorted(NEW_CADENCE)
        ids = sorted(values)
        columns = [[values[cadre_id][name] or None if self._fields[name].type == 'date'
                    else values[cadre_id][name] for cadre_id in ids] for name in names]
        self.env.cr.execute("""
            UPDATE league_cadre c
               SET {sets}, write_uid = %s, write_date = now() at time zone 'UTC'
              FROM unnest(%s::int[], {arrays}) AS v(id, {names})
             WHERE c.id = v.id""".format(
            sets=', '.join('%s = v.%s' % (name, name) for name in names),
            arrays=', '.join('%%s::%s[]' % self._CADENCE_TYPES[self._fields[name].type]
                             for name in names),
            names=', '.join(names)), [self.env.uid, ids] + columns)
        cadres = self.browse(ids)
        for name in names:
            self.env.remove_todo(self._fields[name], cadres)
        cadres.modified(names + ['write_uid', 'write_date'])
        cadres.recompute()

    @api.model
    def _cron_cadence_reminders(self):
        """Daily job: recompute the cadences, then keep ONE reminder activity per
        cadre and cadence that is behind (created once, its summary kept up to
        date) and mark it done as soon as the cadence is met again."""
        cadres = self._cron_recompute_cadence()
        cadres._update_cadence_reminders()
        return True

    @api.multi
    def _update_cadence_reminders(self):
        """Create, update and close the reminders of the cadres in batches: the
        number of queries does not depend on the number of reminders."""
        Activity = self.env['mail.activity'].sudo()
        types = {field: self.env.ref(xmlid) for field, xmlid, _days in CADENCE_REMINDERS}
        existing = {}
        for activity in Activity.search([
                ('res_model', '=', self._name), ('res_id', 'in', self.ids),
                ('activity_type_id', 'in', [t.id for t in types.values()])]):
            existing.setdefault((activity.res_id, activity.activity_type_id.id), activity)
        today = self._league_today()
        # texts in each user's language; one environment per language
        by_lang = {}
        for cadre in self:
            by_lang.setdefault(cadre.user_id.lang or self.env.lang, []).append(cadre.id)
        new, summaries, done = [], {}, {}
        for lang, ids in by_lang.items():
            self.browse(ids).with_context(lang=lang)._plan_cadence_reminders(
                existing, types, today, new, summaries, done)
        schedule_activities(self.env, self._name, new)
        update_activity_summaries(self.env, summaries)
        close_activities(self.env, Activity.browse(sorted(done)), done)

    @api.multi
    def _plan_cadence_reminders(self, existing, types, today, new, summaries, done):
        """Add to ``new`` the reminders to create (rows of schedule_activities),
        to ``summaries`` {activity id: summary} the summaries to change and to
        ``done`` {feedback: [activity id]} the reminders to close, in the
        language of the environment."""
        feedback = _('The cadence is met again.')
        for cadre in self:
            for field, _xmlid, days in CADENCE_REMINDERS:
                activity = existing.get((cadre.id, types[field].id))
                # nothing due for a face-to-face cadence not started (no youth
                # contacted for a year); the others remind to start
                if cadre[field] == 'met' or not cadre.user_id or (
                        field == 'face_state' and cadre[field] == 'not_started'):
                    if activity:
                        done[activity.id] = feedback
                    continue
                summary = cadre._reminder_summary(field)
                if activity:
                    if activity.summary != summary:
                        summaries[activity.id] = summary
                    continue
                deadline = quarter_bounds(today)[1] if days is None else today + timedelta(days)
                new.append((cadre.id, types[field].id, cadre.user_id.id, summary, deadline))

    @api.multi
    def _reminder_summary(self, field):
        """Text of the reminder of a cadence that is behind, in the user's language."""
        self.ensure_one()
        if field == 'online_state':
            if not self.last_log_date:
                return _('No contact log yet: contact your youth online (WeChat, QQ, Weibo '
                         'or phone) and record it.')
            return _('No contact log for %d days: contact your youth online (WeChat, QQ, '
                     'Weibo or phone) and record it.') % self.online_days
        if field == 'offline_state':
            return _('No offline activity yet this quarter (%d days left): organize one '
                     'for your youth.') % self.offline_days_left
        return _('%d contacted youth had no face-to-face exchange with you in the last '
                 'year.') % self.face_behind_count

    # ------------------------------------------------------------------
    # contacts
    # ------------------------------------------------------------------
    @api.model
    def _current_cadre(self):
        """The cadre record of the current user (error if there is none)."""
        cadre = self.search([('user_id', '=', self.env.uid)], limit=1)
        if not cadre:
            raise UserError(_('You are not registered as a cadre: ask your administrator '
                              'to create your cadre record.'))
        return cadre

    @api.multi
    def _add_youth(self, youth, channel='wechat', date_start=None):
        """Add ``youth`` (league.youth records) to the cadre's contact list.

        Youth already in the list are skipped; returns the new league.contact
        records.
        """
        self.ensure_one()
        Contact = self.env['league.contact']
        known = Contact.search([('cadre_id', '=', self.id),
                                ('youth_id', 'in', youth.ids)]).mapped('youth_id')
        contacts = Contact.browse()
        for person in youth - known:
            contacts |= Contact.create({
                'cadre_id': self.id,
                'youth_id': person.id,
                'channel': channel,
                'date_start': date_start or league_today(self),
            })
        return contacts

    @api.model
    def _contact_wizard_action(self, context):
        action = self.env.ref('youth_contact.action_league_contact_add_wizard').read()[0]
        action['context'] = context
        return action

    @api.multi
    def action_add_youth(self):
        """Button of the cadre form: add several youth to the contact list."""
        self.ensure_one()
        return self._contact_wizard_action({'default_cadre_id': self.id})

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains('wechat', 'qq', 'weibo')
    def _check_social_account(self):
        for cadre in self.sudo():
            if not any((cadre[name] or '').strip() for name in ('wechat', 'qq', 'weibo')):
                raise ValidationError(_(
                    'The cadre "%s" must record at least one WeChat, QQ or Weibo account '
                    'used to contact youth.') % cadre.name)

    @api.constrains('mobile')
    def _check_mobile(self):
        check_mobile_field(self, 'mobile')

    @api.constrains('quota', 'category')
    def _check_quota(self):
        labels = dict(self._fields['category']._description_selection(self.env))
        for cadre in self.sudo():
            minimum = CATEGORY_QUOTA[cadre.category]
            if cadre.quota < minimum:
                raise ValidationError(_('The youth quota of a "%s" must be at least %d '
                                        '(cadre "%s").')
                                      % (labels[cadre.category], minimum, cadre.name))

    @api.model
    def _check_user_free(self, user_id, exclude_ids=()):
        """Refuse linking a user already linked to another cadre (before the
        SQL constraint, to name that cadre)."""
        if not user_id:
            return
        other = self.sudo().with_context(active_test=False).search(
            [('user_id', '=', user_id), ('id', 'not in', list(exclude_ids))], limit=1)
        if other:
            raise ValidationError(_('The user "%s" is already linked to the cadre "%s".')
                                  % (other.user_id.name, other.name))

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.onchange('category')
    def _onchange_category(self):
        if self.category:
            self.quota = CATEGORY_QUOTA[self.category]

    @api.model
    def _normalize_vals(self, vals):
        if vals.get('mobile'):
            vals['mobile'] = normalize_mobile(vals['mobile'])
        for name in ('wechat', 'qq', 'weibo'):
            if isinstance(vals.get(name), str):
                vals[name] = vals[name].strip()
        return vals

    @api.model
    def create(self, vals):
        vals = self._normalize_vals(dict(vals))
        if vals.get('category') and 'quota' not in vals:
            vals['quota'] = CATEGORY_QUOTA.get(vals['category'], 0)  # unknown: refused below
        self._check_user_free(vals.get('user_id'))
        cadre = super(LeagueCadre, self.with_context(mail_create_nolog=True)).create(vals)
        cadre._grant_cadre_group()
        return cadre

    @api.multi
    def write(self, vals):
        vals = self._normalize_vals(dict(vals))
        if not self.env.user.has_group('youth_contact.group_county_admin'):
            forbidden = set(vals) - CADRE_SELF_FIELDS - self._mail_write_fields()
            if forbidden:
                raise AccessError(_('Only administrators can change these fields of a cadre: '
                                    '%s.') % ', '.join(
                                        self._fields[name].get_description(self.env)['string']
                                        for name in sorted(forbidden) if name in self._fields))
        if vals.get('category') and 'quota' not in vals:
            vals['quota'] = CATEGORY_QUOTA.get(vals['category'], 0)  # unknown: refused below
        if vals.get('user_id'):
            if len(self) > 1:
                raise ValidationError(_('A user can be linked to one cadre only.'))
            self._check_user_free(vals['user_id'], self.ids)
        res = super(LeagueCadre, self).write(vals)
        if 'user_id' in vals:
            self._grant_cadre_group()
        if {'user_id', 'organization_id', 'active'} & set(vals):
            # the users' counties change: the record rules are cached per user
            self.env['ir.rule'].clear_caches()
        return res

    @api.multi
    def unlink(self):
        res = super(LeagueCadre, self).unlink()
        self.env['ir.rule'].clear_caches()
        return res

    @api.model
    def _mail_write_fields(self):
        return {name for name in self._fields
                if name.startswith('message_') or name.startswith('activity_')}

    @api.multi
    def _grant_cadre_group(self):
        """Give the linked users the cadre group (and refresh their rules)."""
        users = self.mapped('user_id')
        group = self.env.ref('youth_contact.group_cadre')
        missing = users.filtered(lambda u: group not in u.groups_id)
        if missing:
            group.sudo().write({'users': [(4, user.id) for user in missing]})
            missing._league_update_home_action()
        if users:
            self.env['ir.rule'].clear_caches()
