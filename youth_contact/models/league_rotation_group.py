# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .league_approval_mixin import GROUP_COUNTY_ADMIN
from .league_common import league_today
from .league_guard import is_server_side, server_side
from .league_rotation_plan import PLAN_STATES

# what a working group may still change once its plan is approved
SUMMARY_FIELDS = {'summary'}


class LeagueRotationGroup(models.Model):
    """A working group of 2-3 established cadres stationed at a grassroots
    organization for one batch of an "8+4" plan; it files a work summary."""
    _name = 'league.rotation.group'
    _inherit = ['league.county.mixin']
    _description = '"8+4" Working Group'
    _order = 'plan_id, batch_sequence, sequence, id'
    _league_readable_fields = ('cadre_ids', 'host_organization_id')

    batch_id = fields.Many2one('league.rotation.batch', 'Batch', required=True, index=True,
                               ondelete='cascade')
    sequence = fields.Integer('Group', default=1)
    plan_id = fields.Many2one('league.rotation.plan', 'Plan', related='batch_id.plan_id',
                              store=True, readonly=True, index=True)
    batch_sequence = fields.Integer('Batch No.', related='batch_id.sequence', store=True,
                                    readonly=True)
    county_id = fields.Many2one('league.organization', 'County', related='plan_id.county_id',
                                store=True, readonly=True, index=True)
    year = fields.Integer(related='plan_id.year', store=True, readonly=True)
    state = fields.Selection(PLAN_STATES, related='plan_id.state', store=True, readonly=True,
                             string='Plan Status')
    date_start = fields.Date(related='batch_id.date_start', store=True, readonly=True)
    date_end = fields.Date(related='batch_id.date_end', store=True, readonly=True)
    cadre_ids = fields.Many2many('league.cadre', 'league_rotation_group_cadre_rel',
                                 'group_id', 'cadre_id', string='Cadres')
    cadre_count = fields.Integer('Size', compute='_compute_cadre_count', store=True)
    host_organization_id = fields.Many2one(
        'league.organization', 'Host Organization', index=True, ondelete='restrict',
        domain="[('county_id', '=', county_id), ('level', 'in', ('town', 'unit'))]",
        help='The grassroots organization of the county where the group is stationed.')
    host_sector = fields.Selection(related='host_organization_id.sector', readonly=True,
                                   string='Host Sector')
    task_ids = fields.Many2many('league.rotation.task', 'league_rotation_group_task_rel',
                                'group_id', 'task_id', string='Tasks')
    summary = fields.Text('Work Summary')
    summary_filed = fields.Boolean('Summary Filed', compute='_compute_summary_filed',
                                   store=True)
    summary_date = fields.Date('Summary Date', readonly=True, copy=False)

    @api.multi
    def name_get(self):
        template = _('Batch %(batch)s, group %(group)s')  # not in the comprehension
        return [(group.id, template % {
            'batch': group.batch_id.sequence, 'group': group.sequence})
            for group in self]

    @api.depends('cadre_ids')
    def _compute_cadre_count(self):
        for group in self:
            group.cadre_count = len(group.cadre_ids)

    @api.depends('summary')
    def _compute_summary_filed(self):
        for group in self:
            group.summary_filed = bool(group.summary and group.summary.strip())

    @api.model
    def create(self, vals):
        if vals.get('summary_date') and not is_server_side(self):
            raise UserError(_('The summary date is recorded when the work summary is filed.'))
        if vals.get('batch_id'):
            batch = self.env['league.rotation.batch'].sudo().browse(vals['batch_id'])
            self.env['league.rotation.batch']._check_plan_draft(batch.plan_id)
        return super(LeagueRotationGroup, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'summary_date' in vals and not is_server_side(self):
            raise UserError(_('The summary date is recorded when the work summary is filed.'))
        keys = set(vals)
        if not self.env.user.has_group(GROUP_COUNTY_ADMIN) and keys - SUMMARY_FIELDS:
            raise AccessError(_('A cadre can only file the work summary of their working '
                                'group; the county administrator prepares the groups.'))
        if keys - SUMMARY_FIELDS:
            self.env['league.rotation.batch']._check_plan_draft(self.mapped('plan_id'))
        if 'summary' in vals:
            filed = bool((vals['summary'] or '').strip())
            not_approved = self.filtered(lambda g: g.state not in ('approved', 'done'))
            if filed and not_approved:
                raise UserError(_('The work summary is filed once the plan is approved '
                                  '(%s).') % not_approved[0].plan_id.display_name)
            vals = dict(vals, summary_date=filed and league_today(self))
            self = server_side(self)
        res = super(LeagueRotationGroup, self).write(vals)
        if 'summary' in vals:
            self.mapped('plan_id')._check_done()
        return res

    @api.multi
    def unlink(self):
        self.env['league.rotation.batch']._check_plan_draft(self.mapped('plan_id'))
        return super(LeagueRotationGroup, self).unlink()
