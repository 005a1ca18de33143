# -*- coding: utf-8 -*-
"""Yearly "8+4" rotation plan of a county (常态化下沉基层制度).

Every year the county committee sends all its established cadres (在编干部) to
the grassroots in 4 batches of about a quarter each; within a batch the
cadres form working groups of 2-3 stationed at a grassroots organization of
the county.

Feasibility of a plan (documented rule, checked by :func:`plan_layout`):
a batch must hold at least one working group, i.e. at least 2 cadres, and
batch sizes differ by at most one, so the smallest batch has
``floor(N / 4)`` cadres.  A valid plan therefore exists exactly when the
county has **N >= 8** established cadres: with N = 0 there is nobody to send,
with 1 <= N <= 7 at least one of the 4 batches would get 0 or 1 cadre
(which cannot form a group).  Every batch size s >= 2 splits into groups of
2 and 3 (``ceil(s / 3)`` groups), so N >= 8 is always feasible.
"""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .league_approval_mixin import DRAFT_EDITABLE, GROUP_COUNTY_ADMIN
from .league_common import league_today, quarter_bounds

BATCH_COUNT = 4
MIN_GROUP = 2
MAX_GROUP = 3
TASKS_PER_GROUP = 3

SUMMARY_EDITABLE = dict(DRAFT_EDITABLE, approved=[('readonly', False)],
                        done=[('readonly', False)])

PLAN_STATES = [
    ('draft', 'Draft'),
    ('submitted', 'Submitted'),
    ('approved', 'Approved'),
    ('rejected', 'Rejected'),
    ('done', 'Done'),
]


def split_sizes(total, parts):
    """Sizes of ``parts`` chunks of ``total`` items differing by at most one,
    the larger ones first: ``split_sizes(10, 4) == [3, 3, 2, 2]``."""
    base, extra = divmod(total, parts)
    return [base + 1 if i < extra else base for i in range(parts)]


def group_count(size):
    """Number of working groups of 2-3 for a batch of ``size`` (>= 2) cadres."""
    return -(-size // MAX_GROUP)


def minimum_cadres():
    """Fewest established cadres giving a valid plan (4 batches of >= 2)."""
    return BATCH_COUNT * MIN_GROUP


def plan_layout(cadres, hosts, tasks):
    """Distribute ``cadres`` over 4 batches and working groups.

    ``cadres``: list in priority order (leaders first); ``hosts``: candidate
    host organizations, already ordered so that neighbours differ in sector;
    ``tasks``: the task tags.  Returns a list of 4 batches, each a list of
    groups ``(cadres, host, tasks)``.  Cadres are dealt round-robin over the
    batches then over the groups of their batch, so leaders spread over
    batches and groups, batch sizes differ by at most one and group sizes
    are 2 or 3.  Hosts are used in turn (each one before any is reused).
    Raises ``ValueError`` when fewer than :func:`minimum_cadres` cadres.
    """
    if len(cadres) < minimum_cadres():
        raise ValueError(len(cadres))
    batches = [cadres[i::BATCH_COUNT] for i in range(BATCH_COUNT)]
    layout = []
    index = 0
    for members in batches:
        count = group_count(len(members))
        groups = []
        for g in range(count):
            host = hosts[index % len(hosts)] if hosts else None
            group_tasks = [tasks[(index * TASKS_PER_GROUP + k) % len(tasks)]
                           for k in range(min(TASKS_PER_GROUP, len(tasks)))]
            groups.append((members[g::count], host, group_tasks))
            index += 1
        layout.append(groups)
    return layout


def interleave_by_key(items, key):
    """Order ``items`` so that consecutive ones differ in ``key`` where possible:
    one of each key in turn (keys in first-seen order)."""
    buckets = {}
    for item in items:
        buckets.setdefault(key(item), []).append(item)
    queues = list(buckets.values())
    result = []
    while any(queues):
        for queue in queues:
            if queue:
                result.append(queue.pop(0))
    return result


def quarter_dates(year, quarter):
    """First and last day of ``quarter`` (1-4) of ``year``."""
    return quarter_bounds(datetime.date(year, 3 * quarter - 2, 1))


class LeagueRotationPlan(models.Model):
    _name = 'league.rotation.plan'
    _inherit = ['league.approval.mixin']
    _description = '"8+4" Rotation Plan'
    _order = 'year desc, county_id'
    _league_readable_fields = ('county_id',)

    year = fields.Integer(required=True, index=True, track_visibility='onchange',
                          readonly=True, states=DRAFT_EDITABLE,
                          default=lambda self: int(league_today(self)[:4]))
    state = fields.Selection(PLAN_STATES, default='draft', required=True, readonly=True,
                             index=True, copy=False, track_visibility='onchange')
    batch_ids = fields.One2many('league.rotation.batch', 'plan_id', 'Batches', copy=False,
                                readonly=True, states=DRAFT_EDITABLE)
    group_ids = fields.One2many('league.rotation.group', 'plan_id', 'Working Groups',
                                copy=False, readonly=True, states=SUMMARY_EDITABLE)
    note = fields.Text('Notes', readonly=True, states=DRAFT_EDITABLE)
    established_count = fields.Integer(
        'Established Cadres', compute='_compute_counts',
        help='Established cadres of the county: each must be in exactly one batch.')
    cadre_count = fields.Integer('Cadres Sent', compute='_compute_counts')
    group_count = fields.Integer('Groups', compute='_compute_counts')
    summary_count = fields.Integer('Summaries Filed', compute='_compute_counts')
    summary_progress = fields.Float('Summaries (%)', compute='_compute_counts')
    check_message = fields.Text(
        'Checks', compute='_compute_check_message',
        help='What still prevents submitting the plan.')

    _sql_constraints = [
        ('county_year_unique', 'unique(county_id, year)',
         'A county has only one "8+4" rotation plan per year.'),
        ('year_check', 'CHECK(year >= 2016 AND year <= 2100)',
         'The year of a rotation plan must be between 2016 and 2100.'),
    ]

    @api.multi
    def name_get(self):
        template = _('%(county)s %(year)s "8+4" plan')  # not in the comprehension
        return [(plan.id, template % {
            'county': plan.county_id.name or '', 'year': plan.year or ''})
            for plan in self]

    @api.multi
    def _compute_counts(self):
        groups = self.env['league.rotation.group'].sudo().search(
            [('plan_id', 'in', self.ids)])
        established = self._established_cadres_by_county()
        for plan in self:
            plan_groups = groups.filtered(lambda g: g.plan_id.id == plan.id)
            filed = plan_groups.filtered('summary_filed')
            plan.group_count = len(plan_groups)
            plan.summary_count = len(filed)
            plan.summary_progress = (100.0 * len(filed) / len(plan_groups)
                                     if plan_groups else 0.0)
            plan.cadre_count = len(plan_groups.mapped('cadre_ids'))
            plan.established_count = len(established.get(plan.county_id.id, []))

    @api.multi
    def _compute_check_message(self):
        for plan in self:
            if plan.state != 'draft' or not plan.id:
                plan.check_message = False
                continue
            violations = plan.sudo()._approval_violations()
            plan.check_message = '\n'.join('• %s' % v for v in violations) or False

    # ------------------------------------------------------------------
    # data helpers
    # ------------------------------------------------------------------
    @api.multi
    def _established_cadres_by_county(self):
        """{county id: established cadres (sudo)} for the counties of ``self``."""
        cadres = self.env['league.cadre'].sudo().search([
            ('established', '=', True), ('county_id', 'in', self.mapped('county_id').ids)])
        result = {}
        for cadre in cadres:
            result.setdefault(cadre.county_id.id, self.env['league.cadre'].sudo())
            result[cadre.county_id.id] |= cadre
        return result

    @api.model
    def _host_candidates(self, county):
        """Grassroots organizations of ``county`` able to host a group, ordered so
        that consecutive ones are of different sectors (units first, then
        town/street committees when the county has no unit)."""
        orgs = self.env['league.organization'].sudo().search(
            [('county_id', '=', county.id), ('level', 'in', ('town', 'unit'))],
            order='name, id')
        units = orgs.filtered(lambda o: o.level == 'unit') or orgs
        ordered = sorted(units, key=lambda o: (o.sector or 'zzz', o.name, o.id))
        return interleave_by_key(ordered, key=lambda o: o.sector)

    # ------------------------------------------------------------------
    # proposal
    # ------------------------------------------------------------------
    @api.multi
    def action_propose(self):
        """Fill the draft plan: 4 quarterly batches and working groups of 2-3
        established cadres, replacing any batches it already has."""
        self._guard(GROUP_COUNTY_ADMIN,
                    _('Only a county administrator can prepare a rotation plan.'),
                    ['draft'], _('Propose'))
        tasks = self.env['league.rotation.task'].search([])
        established = self._established_cadres_by_county()
        for plan in self:
            cadres = established.get(plan.county_id.id, self.env['league.cadre'])
            cadres = cadres.sorted(lambda c: (not c.is_leader, c.name or '', c.id))
            if not cadres:
                raise UserError(_(
                    'No valid plan is possible: %(county)s has no established cadre. '
                    'Mark the established cadres (在编干部) of the county committee first.')
                    % {'county': plan.county_id.name})
            if len(cadres) < minimum_cadres():
                raise UserError(_(
                    'No valid plan is possible: %(county)s has %(count)s established '
                    'cadre(s), but 4 batches of at least one working group of 2 need at '
                    'least %(minimum)s. With %(count)s, the batches would have '
                    '%(sizes)s cadres and a batch of 0 or 1 cadre cannot form a group.') % {
                    'county': plan.county_id.name, 'count': len(cadres),
                    'minimum': minimum_cadres(),
                    'sizes': ', '.join(str(s) for s in split_sizes(len(cadres), BATCH_COUNT))})
            hosts = plan._host_candidates(plan.county_id)
            if not hosts:
                raise UserError(_(
                    'No valid plan is possible: %s has no grassroots organization to host '
                    'the working groups.') % plan.county_id.name)
            layout = plan_layout(list(cadres), hosts, list(tasks))
            plan.batch_ids.unlink()
            for sequence, groups in enumerate(layout, start=1):
                date_start, date_end = quarter_dates(plan.year, sequence)
                self.env['league.rotation.batch'].create({
                    'plan_id': plan.id,
                    'sequence': sequence,
                    'date_start': fields.Date.to_string(date_start),
                    'date_end': fields.Date.to_string(date_end),
                    'group_ids': [(0, 0, {
                        'sequence': number,
                        'cadre_ids': [(6, 0, [c.id for c in members])],
                        'host_organization_id': host.id,
                        'task_ids': [(6, 0, [t.id for t in group_tasks])],
                    }) for number, (members, host, group_tasks) in enumerate(groups, 1)],
                })
            plan.message_post(body=_('Plan proposed: %(cadres)s established cadres in 4 '
                                     'batches of %(sizes)s.') % {
                'cadres': len(cadres),
                'sizes': ', '.join(str(s) for s in split_sizes(len(cadres), BATCH_COUNT))})
        return True

    # ------------------------------------------------------------------
    # validation (on submit)
    # ------------------------------------------------------------------
    @api.multi
    def _approval_violations(self):
        """Every rule of the document the plan breaks, as sentences."""
        self.ensure_one()
        plan = self
        county = plan.county_id
        violations = []
        batches = plan.batch_ids.sorted(lambda b: (b.sequence, b.id))
        if len(batches) != BATCH_COUNT:
            violations.append(_('The plan must have 4 batches; it has %s.') % len(batches))
        sequences = batches.mapped('sequence')
        if len(set(sequences)) != len(sequences):
            violations.append(_('The batches must be numbered 1 to 4, each number once.'))
        violations += self._date_violations(batches)
        # cadres of each batch, and where each cadre is placed
        placements = {}
        sizes = []
        for batch in batches:
            batch_cadres = self.env['league.cadre']
            if not batch.group_ids:
                violations.append(_('%s has no working group.') % batch.display_name)
            for group in batch.group_ids:
                batch_cadres |= group.cadre_ids
                for cadre in group.cadre_ids:
                    placements.setdefault(cadre, []).append(group)
                violations += self._group_violations(group, county)
            sizes.append(len(batch_cadres))
        established = self._established_cadres_by_county().get(
            county.id, self.env['league.cadre'])
        established = self.env['league.cadre'].browse(established.ids)
        if len(established) < minimum_cadres():
            violations.append(_('A valid plan needs at least %(minimum)s established cadres (4 '
                                'batches of at least one working group of 2); %(county)s has '
                                '%(count)s.') % {'minimum': minimum_cadres(),
                                                 'county': county.name,
                                                 'count': len(established)})
        missing = established.filtered(lambda c: c not in placements)
        if missing:
            violations.append(_('Established cadres in no batch: %s.') % ', '.join(
                missing.mapped('name')))
        twice = [(cadre, groups) for cadre, groups in placements.items() if len(groups) > 1]
        if twice:
            violations.append(_('Cadres placed more than once (each goes in exactly one '
                                'batch a year): %s.') % '; '.join(
                '%s (%s)' % (cadre.name, ', '.join(g.display_name for g in groups))
                for cadre, groups in twice))
        foreign = [c for c in placements if c not in established]
        if foreign:
            violations.append(_('Not established cadres of %(county)s: %(names)s.') % {
                'county': county.name, 'names': ', '.join(c.name for c in foreign)})
        if sizes and max(sizes) - min(sizes) > 1:
            violations.append(_('Each batch sends about a quarter of the %(total)s established '
                                'cadres, so batch sizes may differ by at most one; they are '
                                '%(sizes)s.') % {
                'total': len(established), 'sizes': ', '.join(str(s) for s in sizes)})
        return violations

    @api.multi
    def _date_violations(self, batches):
        violations = []
        year = self.year
        previous = None
        for batch in batches:
            if not batch.date_start or not batch.date_end:
                violations.append(_('%s has no dates.') % batch.display_name)
                continue
            if batch.date_start[:4] != str(year) or batch.date_end[:4] != str(year):
                violations.append(_('%(batch)s must take place within %(year)s.') % {
                    'batch': batch.display_name, 'year': year})
            if previous and batch.date_start <= previous.date_end:
                violations.append(_('%(batch)s overlaps %(previous)s.') % {
                    'batch': batch.display_name, 'previous': previous.display_name})
            previous = batch
        return violations

    @api.model
    def _group_violations(self, group, county):
        violations = []
        size = len(group.cadre_ids)
        if not MIN_GROUP <= size <= MAX_GROUP:
            violations.append(_('%(group)s has %(size)s cadre(s); a working group has 2 or '
                                '3.') % {'group': group.display_name, 'size': size})
        host = group.host_organization_id
        if not host:
            violations.append(_('%s has no host organization.') % group.display_name)
        elif host.county_id != county:
            violations.append(_('%(group)s: the host %(host)s is not in %(county)s.') % {
                'group': group.display_name, 'host': host.display_name,
                'county': county.name})
        elif host.level not in ('town', 'unit'):
            violations.append(_('%(group)s: the host %(host)s is not a grassroots '
                                'organization.') % {
                'group': group.display_name, 'host': host.display_name})
        if not group.task_ids:
            violations.append(_('%s has no task.') % group.display_name)
        return violations

    # ------------------------------------------------------------------
    # editing and completion
    # ------------------------------------------------------------------
    @api.multi
    def _editable_fields(self):
        allowed = super(LeagueRotationPlan, self)._editable_fields()
        if allowed is not None and self.state in ('approved', 'done'):
            # the groups' summaries, checked by the group itself
            allowed = allowed | {'group_ids'}
        return allowed

    @api.multi
    def _check_done(self):
        """Approved plans whose every group filed its summary become done."""
        for plan in self.sudo().filtered(lambda p: p.state == 'approved'):
            if plan.group_ids and all(plan.group_ids.mapped('summary_filed')):
                plan._set_state('done')
                plan.message_post(body=_('Every working group has filed its work summary: '
                                         'the plan is done.'))

    @api.multi
    def action_view_groups(self):
        self.ensure_one()
        action = self.env.ref('youth_contact.action_league_rotation_group').read()[0]
        action['domain'] = [('plan_id', '=', self.id)]
        action['context'] = {'default_plan_id': self.id}
        return action
