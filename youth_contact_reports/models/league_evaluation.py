# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.youth_contact.models.league_approval_mixin import (
    GROUP_CITY_ADMIN, GROUP_COUNTY_ADMIN,
)
from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.models.league_guard import is_server_side, server_side
from odoo.addons.youth_contact.models.league_workflow_mixin import check_group, data_keys

from .league_indicators import (
    INDICATOR_KEYS, SCOPE_FIELDS, competition_ranks, confirmation_rate, indicator_fields,
    indicator_scores, mean_score, ratio_score, scopes, total_score,
)
from .league_report_contact import LINE_TABLE
from .league_periods import half_year_bounds, quarter_count, to_date, week_count
from odoo.addons.youth_contact.models.league_report_view import m2m_table

# fields of an evaluation that change its result: frozen once computed
RESULT_FIELDS = ({'date_from', 'date_to', 'coverage_confirmed_only'}
                 | {'weight_%s' % key for key in INDICATOR_KEYS})


def _weight_default(key):
    return lambda self: self.env['res.config.settings'].league_weights()[key]


def _default_date_from(self):
    return fields.Date.to_string(half_year_bounds(to_date(league_today(self)))[0])


def _default_date_to(self):
    return fields.Date.to_string(half_year_bounds(to_date(league_today(self)))[1])


class LeagueEvaluation(models.Model):
    """Evaluation (考核评估) of the cadres and counties over a period."""
    _name = 'league.evaluation'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'league.workflow.mixin',
                'league.job.mixin']
    _description = 'Evaluation'
    _order = 'date_from desc, id desc'
    # recorded by the buttons only
    _server_fields = ('week_count', 'quarter_count', 'line_ids', 'county_line_ids',
                      'date_computed', 'date_published', 'bulletin_id', 'job_id', 'job_error')

    name = fields.Char(required=True, track_visibility='onchange',
                       default=lambda self: _('Evaluation of direct contact with youth'))
    date_from = fields.Date('Period Start', required=True, default=_default_date_from,
                            track_visibility='onchange')
    date_to = fields.Date('Period End', required=True, default=_default_date_to,
                          track_visibility='onchange')
    period_label = fields.Char('Period', compute='_compute_period_label')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('computed', 'Computed'),
        ('published', 'Published'),
    ], default='draft', required=True, readonly=True, copy=False, index=True,
        track_visibility='onchange')
    vars().update(indicator_fields('weight_%s', lambda key, label: fields.Integer(
        'Weight: %s' % label, default=_weight_default(key))))
    coverage_confirmed_only = fields.Boolean(
        'Coverage Counts Confirmed Contacts Only',
        default=lambda self: self.env['res.config.settings']._league_confirmed_only_default(),
        track_visibility='onchange',
        help='Count in the coverage indicator only the contacts that the youth confirmed on '
             'their page by the end of the period (the city setting gives the default).')
    week_count = fields.Integer('Weeks Evaluated', readonly=True, copy=False,
                                help='Weeks of the period elapsed when it was computed.')
    quarter_count = fields.Integer('Quarters Evaluated', readonly=True, copy=False,
                                   help='Quarters of the period elapsed when it was computed.')
    line_ids = fields.One2many('league.evaluation.line', 'evaluation_id', 'Cadre Results',
                               readonly=True, copy=False)
    county_line_ids = fields.One2many('league.evaluation.county', 'evaluation_id',
                                      'County Results', readonly=True, copy=False)
    line_count = fields.Integer('Cadres Evaluated', compute='_compute_counts')
    county_count = fields.Integer('Counties Evaluated', compute='_compute_counts')
    date_computed = fields.Datetime('Computed On', readonly=True, copy=False)
    date_published = fields.Date('Published On', readonly=True, copy=False,
                                 track_visibility='onchange')
    bulletin_id = fields.Many2one('league.bulletin', 'Bulletin', readonly=True, copy=False)
    note = fields.Text('Notes', help='Comments published with the bulletin.')
    # who runs the evaluation and whose cadres it scores (see _creator_level)
    scope = fields.Selection([
        ('city', 'City Level'),
        ('county', 'County Level'),
    ], 'Level', required=True, default='city', index=True, track_visibility='onchange',
        help='City: run by the city committee over every county. County: a county '
             'committee\'s self-evaluation of its own cadres, read by that county and the '
             'city only.')
    county_id = fields.Many2one(
        'league.organization', 'County', readonly=True, index=True, ondelete='restrict',
        help='The county of a county self-evaluation: the county of the administrator '
             'who created it.')
    can_manage = fields.Boolean('You Run It', compute='_compute_can_manage',
                                help='Whether you may change, compute and publish it.')
    document_number = fields.Char(
        'Document Number', copy=False, track_visibility='onchange',
        help='The number of the bulletin (文号), e.g. 梅团通〔2026〕3号. Left empty, the next '
             'number of the year is given when the evaluation is published.')
    exemplar_ids = fields.Many2many(
        'league.exemplar', 'league_evaluation_exemplar_rel', 'evaluation_id', 'exemplar_id',
        'Exemplars', copy=False, domain=[('state', '=', 'selected')],
        help='Exemplars selected by the city committee, published in the bulletin.')

    _sql_constraints = [
        ('document_number_uniq', 'unique(document_number)',
         'This document number is already used by another evaluation.'),
    ]

    # ------------------------------------------------------------------
    # computes and constraints
    # ------------------------------------------------------------------
    @api.depends('date_from', 'date_to')
    def _compute_period_label(self):
        for evaluation in self:
            evaluation.period_label = self.period_label_of(evaluation.date_from,
                                                           evaluation.date_to)

    @api.model
    def period_label_of(self, date_from, date_to):
        """'2024年上半年' style label of a period (a half-year or a year), else
        the two dates."""
        if not date_from or not date_to:
            return ''
        start, end = to_date(date_from), to_date(date_to)
        first, last = half_year_bounds(start)
        if (start, end) == (first, last):
            if start.month == 1:
                return _('%s, first half') % start.year
            return _('%s, second half') % start.year
        if start.year == end.year and (start.month, start.day, end.month, end.day) == (
                1, 1, 12, 31):
            return _('Year %s') % start.year
        return '%s - %s' % (date_from, date_to)

    @api.depends('scope', 'county_id')
    def _compute_can_manage(self):
        for evaluation in self:
            evaluation.can_manage = evaluation._user_runs_it()

    @api.multi
    def _user_runs_it(self):
        """Whether the user runs the evaluation: a city administrator a city
        evaluation, an administrator of the county its county's one."""
        self.ensure_one()
        if self.env.uid == SUPERUSER_ID:
            return True
        user = self.env.user
        if self.id:     # the level only (the user may not read the record)
            scope, county = self.sudo().scope, self.sudo().county_id
        else:           # a new record (form): his county will be set on creation
            scope, county = self.scope, user.league_county_id
        if scope == 'county':
            return bool(user.has_group(GROUP_COUNTY_ADMIN) and county
                        and user.league_county_id == county)
        return user.has_group(GROUP_CITY_ADMIN)

    @api.multi
    def _check_runs_it(self):
        """Refuse to change an evaluation the user does not run (the rules
        refuse it too, with Odoo's message in English)."""
        if not all(evaluation._user_runs_it() for evaluation in self):
            raise AccessError(_('An evaluation is changed by the level that runs it only: the '
                                'city administrators for the city\'s, the county '
                                'administrators for their county\'s.'))

    @api.depends('line_ids', 'county_line_ids')
    def _compute_counts(self):
        for evaluation in self:
            evaluation.line_count = len(evaluation.line_ids)
            evaluation.county_count = len(evaluation.county_line_ids)

    @api.constrains('date_from', 'date_to')
    def _check_dates(self):
        for evaluation in self:
            if evaluation.date_from > evaluation.date_to:
                raise ValidationError(_('The period of the evaluation "%s" ends before it '
                                        'starts.') % evaluation.name)

    @api.constrains('exemplar_ids')
    def _check_exemplars(self):
        # in SQL: reading the field hides what its domain (selected ones) leaves out
        self.env.cr.execute("""
            SELECT r.evaluation_id FROM league_evaluation_exemplar_rel r
              JOIN league_exemplar e ON e.id = r.exemplar_id
             WHERE r.evaluation_id IN %s AND e.state != 'selected' LIMIT 1""", (tuple(self.ids),))
        row = self.env.cr.fetchone()
        if row:
            raise ValidationError(_('Only exemplars selected by the city committee can be '
                                    'published in the bulletin of "%s".')
                                  % self.browse(row[0]).name)

    @api.constrains(*['weight_%s' % key for key in INDICATOR_KEYS])
    def _check_weights(self):
        for evaluation in self:
            self.env['res.config.settings'].league_check_weights(evaluation.weights())

    @api.multi
    def weights(self):
        self.ensure_one()
        return {key: self['weight_%s' % key] for key in INDICATOR_KEYS}

    # ------------------------------------------------------------------
    # frozen once published
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        if not is_server_side(self):
            scope = vals.get('scope') or self.default_get(['scope']).get('scope')
            vals = dict(vals, **self._creator_level(scope, vals.get('county_id')))
        return super(LeagueEvaluation, self).create(vals)

    @api.model
    def _creator_level(self, scope, county_id):
        """The level values of an evaluation created by the user: a city
        evaluation by a city administrator, a county self-evaluation by a
        county administrator, for his own county (set here, whatever the
        client sent)."""
        if scope == 'county':
            county = self.env.user.league_county_id
            if not (self.env.user.has_group(GROUP_COUNTY_ADMIN) and county):
                raise AccessError(_('Only a county administrator can create a self-evaluation '
                                    'of his county.'))
            if county_id and county_id != county.id:
                raise AccessError(_('A county administrator evaluates the cadres of his own '
                                    'county only.'))
            return {'scope': 'county', 'county_id': county.id}
        check_group(self.env, GROUP_CITY_ADMIN,
                    _('Only a city administrator can create a city evaluation.'))
        if county_id:
            raise UserError(_('A city evaluation covers every county: it has no county.'))
        return {'scope': scope or 'city', 'county_id': False}

    @api.multi
    def write(self, vals):
        if not is_server_side(self):
            if data_keys(vals):
                self._check_runs_it()
            for rec in self:
                if ('scope' in vals and vals['scope'] != rec.scope) or (
                        'county_id' in vals and (vals['county_id'] or False) != rec.county_id.id):
                    raise UserError(_('The level and the county of an evaluation are set when '
                                      'it is created and cannot change.'))
            keys = data_keys(vals)
            if keys and any(rec.state == 'published' for rec in self):
                raise UserError(_('A published evaluation is frozen and cannot be changed.'))
            if keys & RESULT_FIELDS and any(rec.state == 'computed' for rec in self):
                raise UserError(_('Set the evaluation back to draft before changing its '
                                  'period or weights.'))
        return super(LeagueEvaluation, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_runs_it()
        if any(rec.state == 'published' for rec in self):
            raise UserError(_('A published evaluation cannot be deleted.'))
        return super(LeagueEvaluation, server_side(self)).unlink()

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    @api.multi
    def action_compute(self):
        """Compute (or recompute) the results in a background job (the
        previous lines are replaced when it runs)."""
        self._check_compute(['draft', 'computed'])
        self._league_enqueue('_compute_now', _('Evaluation: %s') % ', '.join(
            self.mapped('name')))
        return True

    @api.multi
    def _check_compute(self, states):
        self._guard_compute(states)
        self._check_no_job()

    @api.multi
    def _guard_compute(self, states):
        self._guard_level(
            _('Only a city administrator can compute an evaluation.'),
            _('Only an administrator of its county can compute a county evaluation.'),
            states, _('Compute'))

    @api.multi
    def _guard_level(self, city_refusal, county_refusal, states, action_label):
        """``_guard`` by the level of the evaluations: a city evaluation is run
        by a city administrator (else ``city_refusal``), a county one by an
        administrator of its county (else ``county_refusal``)."""
        for evaluation in self:
            if evaluation._user_runs_it():
                continue
            if evaluation.sudo().scope == 'county':
                raise AccessError(county_refusal)
            raise AccessError(city_refusal)
        self._check_state(states, action_label)

    @api.multi
    def _check_no_job(self):
        busy = self._league_job_busy()
        if busy:
            raise UserError(_('The evaluation "%s" is being computed: wait for the end of the '
                              'computation (you are notified).') % busy[0].name)

    @api.multi
    def _compute_now(self):
        """Compute the results (the background job of ``action_compute``, in
        its transaction): the checks of the button again, as the user; returns
        the text of the notification."""
        self.ensure_one()
        self._guard_compute(['draft', 'computed'])
        self._compute_results()
        self._set_state('computed', date_computed=fields.Datetime.now())
        return _('The evaluation "%(name)s" is computed: %(cadres)s cadres and %(counties)s '
                 'counties ranked.') % {'name': self.name, 'cadres': self.line_count,
                                        'counties': self.county_count}

    @api.multi
    def _league_job_message(self, success, detail):
        if success:
            return detail
        return _('The computation of the evaluation "%(name)s" failed: %(reason)s') % {
            'name': self.name, 'reason': detail}

    @api.multi
    def action_draft(self):
        self._guard_level(
            _('Only a city administrator can reset an evaluation.'),
            _('Only an administrator of its county can reset a county evaluation.'),
            ['computed'], _('Back to Draft'))
        self._check_no_job()
        self._clear_results()
        self._set_state('draft', date_computed=False)
        return True

    @api.multi
    def action_publish(self):
        """Publish the results: the evaluation is frozen and a bulletin is
        created for all counties (a county evaluation: for its county)."""
        self._guard_level(
            _('Only a city administrator can publish an evaluation.'),
            _('Only an administrator of its county can publish a county evaluation.'),
            ['computed'], _('Publish'))
        self._check_no_job()
        for evaluation in self:
            if not evaluation.line_ids:
                raise UserError(_('The evaluation "%s" has no result: compute it with some '
                                  'cadres first.') % evaluation.name)
        self._set_state('published', date_published=league_today(self))
        for evaluation in self:
            bulletin = self.env['league.bulletin']._create_from_evaluation(evaluation)
            server_side(evaluation).write({'bulletin_id': bulletin.id,
                                           'document_number': bulletin.document_number})
        return True

    @api.multi
    def action_view_bulletin(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'league.bulletin',
            'view_mode': 'form',
            'res_id': self.bulletin_id.id,
        }

    @api.multi
    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref('youth_contact_reports.report_ranking_xlsx').report_action(self)

    # ------------------------------------------------------------------
    # computation (set-based)
    # ------------------------------------------------------------------
    @api.multi
    def _clear_results(self):
        server_side(self.mapped('line_ids')).unlink()
        server_side(self.mapped('county_line_ids')).unlink()

    @api.multi
    def _period_end(self):
        """Last day counted: the period end, or today for a running period."""
        self.ensure_one()
        return min(to_date(self.date_to), to_date(league_today(self)))

    @api.multi
    def _compute_results(self):
        self.ensure_one()
        date_from, date_end = to_date(self.date_from), self._period_end()
        if date_end < date_from:
            raise UserError(_('The period of "%s" has not started yet.') % self.name)
        weeks, quarters = week_count(date_from, date_end), quarter_count(date_from, date_end)
        self._clear_results()
        counties = self._evaluated_counties()
        open_days = self._open_day_quarters(counties.ids)
        weights = self.weights()
        lines = []
        for row in self._cadre_figures(date_from, date_end):
            row['open_day_quarters'] = open_days.get(row['county_id'], 0)
            if self.coverage_confirmed_only:
                row['coverage_count'] = row['confirmed_count']
            scores = indicator_scores(row, weeks, quarters)
            applicable = scopes(row)
            vals = {
                'cadre_id': row['cadre_id'],
                'county_id': row['county_id'],
                'organization_id': row['organization_id'],
                'category': row['category'],
                'is_leader': row['is_leader'],
                'quota': row['quota'],
                'youth_count': row['youth_count'],
                'confirmed_count': row['confirmed_count'],
                'disowned_count': row['disowned_count'],
                'confirmation_rate': confirmation_rate(row['confirmed_count'],
                                                       row['youth_count']),
                'sector_count': row['sector_count'],
                'log_count': row['log_count'],
                'log_weeks': row['log_weeks'],
                'activity_count': row['activity_count'],
                'activity_quarters': row['activity_quarters'],
                'reached_count': row['reached_count'],
                'rating_count': row['rating_count'],
                'rating_avg': row['rating_avg'] or 0.0,
                'grassroots_weeks': row['grassroots_weeks'],
                'rotation_level': str(row['rotation_level'] or 0),
                'open_day_quarters': row['open_day_quarters'],
                'score': total_score(scores, weights, applicable),
            }
            vals.update(('%s_score' % key, value) for key, value in scores.items())
            vals.update((field, applicable[key]) for key, field in SCOPE_FIELDS.items())
            lines.append(vals)
        self._rank(lines)
        self._insert_results('league.evaluation.line',
                             [dict(vals, evaluation_id=self.id) for vals in lines])
        self._compute_county_results(counties, open_days, lines, quarters)
        server_side(self).write({
            'week_count': weeks, 'quarter_count': quarters})

    @api.multi
    def _evaluated_counties(self):
        """The counties whose cadres the evaluation scores: every county, or
        the county of a county evaluation."""
        self.ensure_one()
        if self.scope == 'county':
            return self.sudo().county_id
        return self.env['league.organization'].sudo().search([('level', '=', 'county')])

    @staticmethod
    def _rank(lines):
        """Set the rank in the city and the rank in the county of the line values."""
        for vals, rank in zip(lines, competition_ranks([v['score'] for v in lines])):
            vals['rank'] = rank
        by_county = {}
        for vals in lines:
            if vals['county_id']:
                by_county.setdefault(vals['county_id'], []).append(vals)
        for county_lines in by_county.values():
            ranks = competition_ranks([v['score'] for v in county_lines])
            for vals, rank in zip(county_lines, ranks):
                vals['county_rank'] = rank

    @api.multi
    def _compute_county_results(self, counties, open_days, lines, quarters):
        """County results: each indicator is the mean over the county's cadres it
        applies to; open days are the county's own; total weighted as for cadres.

        Two rankings: the counties among the counties, the special units among
        the special units (a unit of two cadres is not compared with a whole
        county)."""
        self.ensure_one()
        weights = self.weights()
        rows = []
        for county in counties:
            county_lines = [v for v in lines if v['county_id'] == county.id]
            vals = {
                'county_id': county.id,
                'is_special': county.is_special,
                'cadre_count': len(county_lines),
                'leader_count': len([v for v in county_lines if v['is_leader']]),
                'youth_count': sum(v['youth_count'] for v in county_lines),
                'confirmed_count': sum(v['confirmed_count'] for v in county_lines),
                'open_day_quarters': open_days.get(county.id, 0),
            }
            vals['confirmation_rate'] = confirmation_rate(vals['confirmed_count'],
                                                          vals['youth_count'])
            scores = {}
            for key in INDICATOR_KEYS:
                if key == 'open_day':
                    scores[key] = None if county.is_special else ratio_score(
                        vals['open_day_quarters'], quarters)
                    continue
                values = [v['%s_score' % key] for v in county_lines
                          if key not in SCOPE_FIELDS or v[SCOPE_FIELDS[key]]]
                scores[key] = mean_score(values, None)
            vals.update(('%s_score' % key, value or 0.0) for key, value in scores.items())
            vals.update((field, scores[key] is not None) for key, field in SCOPE_FIELDS.items())
            vals['score'] = total_score(scores, weights)
            leaders = [v['score'] for v in county_lines if v['is_leader']]
            everyone = [v['score'] for v in county_lines]
            vals['leader_score'] = mean_score(leaders)
            vals['cadre_score'] = mean_score(everyone)
            vals['leaders_lead'] = bool(leaders) and vals['leader_score'] >= vals['cadre_score']
            rows.append(vals)
        for special in (False, True):
            group = [vals for vals in rows if vals['is_special'] == special]
            for vals, rank in zip(group, competition_ranks([v['score'] for v in group])):
                vals['rank'] = rank
        self._insert_results('league.evaluation.county', [
            dict(vals, evaluation_id=self.id) for vals in rows])

    @api.multi
    def _insert_results(self, model_name, rows):
        """Create the results ``rows`` (list of value dicts) of ``model_name``
        as ``create`` would create them one by one, in one INSERT: the
        server-side mark required (results are written by the server only),
        the user's access rights and rules checked, defaults applied, values
        converted as the ORM converts them, then what ``create`` does after its
        SQL: every field marked as modified, the stored computed fields
        (evaluation state and dates) computed by the ORM, the constraints
        checked.  The queries do not depend on the number of rows."""
        Model = server_side(self.env[model_name])
        Model._check_server_side()
        if not rows:
            return Model
        Model.check_access_rights('create')
        names = set().union(*rows)
        # stored related fields one hop away from a value of the rows (the
        # evaluation's state and dates): written with the rows, as the ORM
        # would compute them, instead of recomputed record by record
        related = {name: field for name, field in Model._fields.items()
                   if field.store and field.related and len(field.related) == 2
                   and field.related[0] in names}
        for row in rows:
            for name, field in related.items():
                first, second = field.related
                target = self.env[Model._fields[first].comodel_name].browse(row[first])
                row[name] = field.convert_to_write(target[second], Model)
        names |= set(related)
        defaults = Model.default_get([
            name for name, field in Model._fields.items()
            if field.store and field.column_type and not field.compute
            and name not in names and name not in models.MAGIC_COLUMNS])
        columns = sorted(names | set(defaults))
        fields_ = [Model._fields[name] for name in columns]
        assert all(field.store and field.column_type and (not field.compute or name in related)
                   for name, field in zip(columns, fields_)), 'plain stored fields only'
        template = '(%s)' % ', '.join(
            ['%s'] * (len(columns) + 2) + ["(now() at time zone 'UTC')"] * 2)
        cr = self.env.cr
        values = b','.join(cr.mogrify(template, [
            field.convert_to_column(row.get(field.name, defaults.get(field.name)), Model)
            for field in fields_] + [self.env.uid, self.env.uid]) for row in rows)
        cr.execute(b'INSERT INTO "%s" (%s, create_uid, write_uid, create_date, write_date) '
                   b'VALUES %s RETURNING id' % (
                       Model._table.encode(),
                       ', '.join('"%s"' % name for name in columns).encode(), values))
        records = Model.browse([row[0] for row in cr.fetchall()])
        records.modified(list(Model._fields))
        for name, field in Model._fields.items():
            if field.compute and field.store:
                if name in related:     # written with the rows
                    self.env.remove_todo(field, records)
                else:
                    self.env.add_todo(field, records)
        records._validate_fields(columns)
        Model.recompute()
        records.check_access_rule('create')
        return records

    @api.multi
    def _open_day_quarters(self, county_ids):
        """{county_id: quarters of the period with a closed open day}."""
        self.ensure_one()
        if not county_ids:
            return {}
        self.env.cr.execute("""
            SELECT county_id, count(DISTINCT date_trunc('quarter', date))
              FROM league_open_day
             WHERE state = 'closed' AND date BETWEEN %s AND %s AND county_id IN %s
             GROUP BY county_id""", (self.date_from, self._period_end(), tuple(county_ids)))
        return dict(self.env.cr.fetchall())

    @api.multi
    def _cadre_figures(self, date_from, date_end):
        """Figures of every active cadre over [date_from, date_end], in one
        grouped query (list of dicts)."""
        self.ensure_one()
        act_rel = m2m_table(self.env, 'league.activity', 'youth_ids')
        group_rel = m2m_table(self.env, 'league.rotation.group', 'cadre_ids')
        query = """
            WITH con AS (
                SELECT ct.cadre_id, ct.youth_id, y.sector,
                       -- the youth's answer on their page, given by the period end
                       CASE WHEN ct.confirm_date <= %(date_to)s THEN ct.confirm_state
                       END AS answer
                  FROM league_contact ct JOIN league_youth y ON y.id = ct.youth_id
                 WHERE ct.date_start IS NULL OR ct.date_start <= %(date_to)s
            ), con_agg AS (
                SELECT cadre_id, count(*) AS youth_count, count(DISTINCT sector) AS sector_count,
                       count(*) FILTER (WHERE answer = 'confirmed') AS confirmed_count,
                       count(*) FILTER (WHERE answer = 'disowned') AS disowned_count
                  FROM con GROUP BY cadre_id
            ), lines AS (
                -- one row per youth of each log of the period (the table of the
                -- contact analysis: the same figures as the 联系情况 analysis)
                SELECT cadre_id, youth_id, date, log_count FROM {lines}
                 WHERE date BETWEEN %(date_from)s AND %(date_end)s
            ), log_agg AS (
                SELECT cadre_id, sum(log_count) AS log_count,
                       count(DISTINCT date_trunc('week', date)) AS log_weeks
                  FROM lines GROUP BY cadre_id
            ), touched AS (
                SELECT cadre_id, youth_id FROM lines
                UNION
                SELECT a.cadre_id, r.{act_youth}
                  FROM league_activity a JOIN {act_table} r ON r.{act_col} = a.id
                 WHERE a.date BETWEEN %(date_from)s AND %(date_end)s
            ), reach_agg AS (
                SELECT t.cadre_id, count(*) AS reached_count
                  FROM touched t
                  JOIN con ON con.cadre_id = t.cadre_id AND con.youth_id = t.youth_id
                 GROUP BY t.cadre_id
            ), act_agg AS (
                SELECT cadre_id, count(*) AS activity_count,
                       count(DISTINCT date_trunc('quarter', date)) AS activity_quarters
                  FROM league_activity
                 WHERE date BETWEEN %(date_from)s AND %(date_end)s
                 GROUP BY cadre_id
            ), sat_agg AS (
                SELECT cadre_id, count(*) AS rating_count, avg(rating_value) AS rating_avg
                  FROM league_satisfaction
                 WHERE date BETWEEN %(date_from)s AND %(date_end)s
                 GROUP BY cadre_id
            ), day_agg AS (
                SELECT cadre_id, count(DISTINCT date_trunc('week', date)) AS grassroots_weeks
                  FROM league_grassroots_day
                 WHERE date BETWEEN %(date_from)s AND %(date_end)s
                 GROUP BY cadre_id
            ), rot_agg AS (
                SELECT r.{group_cadre} AS cadre_id,
                       max(CASE WHEN g.summary_filed THEN 2 ELSE 1 END) AS rotation_level
                  FROM {group_table} r
                  JOIN league_rotation_group g ON g.id = r.{group_col}
                 WHERE g.state IN ('approved', 'done')
                   AND g.year BETWEEN %(year_from)s AND %(year_to)s
                 GROUP BY r.{group_cadre}
            )
            SELECT c.id AS cadre_id, c.county_id, c.organization_id, c.category,
                   c.is_leader, c.established, c.quota, o.level AS org_level,
                   coalesce(o.is_special, false) AS is_special,
                   coalesce(con_agg.youth_count, 0) AS youth_count,
                   coalesce(con_agg.sector_count, 0) AS sector_count,
                   coalesce(con_agg.confirmed_count, 0) AS confirmed_count,
                   coalesce(con_agg.disowned_count, 0) AS disowned_count,
                   coalesce(log_agg.log_count, 0) AS log_count,
                   coalesce(log_agg.log_weeks, 0) AS log_weeks,
                   coalesce(reach_agg.reached_count, 0) AS reached_count,
                   coalesce(act_agg.activity_count, 0) AS activity_count,
                   coalesce(act_agg.activity_quarters, 0) AS activity_quarters,
                   coalesce(sat_agg.rating_count, 0) AS rating_count,
                   sat_agg.rating_avg::float AS rating_avg,
                   coalesce(day_agg.grassroots_weeks, 0) AS grassroots_weeks,
                   coalesce(rot_agg.rotation_level, 0) AS rotation_level
              FROM league_cadre c
              JOIN league_organization o ON o.id = c.organization_id
              LEFT JOIN con_agg ON con_agg.cadre_id = c.id
              LEFT JOIN log_agg ON log_agg.cadre_id = c.id
              LEFT JOIN reach_agg ON reach_agg.cadre_id = c.id
              LEFT JOIN act_agg ON act_agg.cadre_id = c.id
              LEFT JOIN sat_agg ON sat_agg.cadre_id = c.id
              LEFT JOIN day_agg ON day_agg.cadre_id = c.id
              LEFT JOIN rot_agg ON rot_agg.cadre_id = c.id
             WHERE c.active
               AND (%(county_id)s IS NULL OR c.county_id = %(county_id)s)
             ORDER BY c.id
        """.format(
            lines=LINE_TABLE,
            act_table=act_rel[0], act_col=act_rel[1], act_youth=act_rel[2],
            group_table=group_rel[0], group_col=group_rel[1], group_cadre=group_rel[2])
        self.env.cr.execute(query, {
            'date_from': date_from, 'date_end': date_end, 'date_to': self.date_to,
            'year_from': date_from.year, 'year_to': to_date(self.date_to).year,
            'county_id': self.county_id.id if self.scope == 'county' else None,
        })
        return self.env.cr.dictfetchall()

