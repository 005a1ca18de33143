# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .league_guard import is_server_side
from .league_rotation_plan import PLAN_STATES


class LeagueRotationBatch(models.Model):
    _name = 'league.rotation.batch'
    _inherit = ['league.county.mixin']
    _description = '"8+4" Rotation Batch'
    _order = 'plan_id, sequence, id'
    _league_readable_fields = ('plan_id',)

    plan_id = fields.Many2one('league.rotation.plan', 'Plan', required=True, index=True,
                              ondelete='cascade')
    sequence = fields.Integer('Batch', required=True, default=1,
                              help='Number of the batch in the year, 1 to 4.')
    date_start = fields.Date('Start Date', required=True)
    date_end = fields.Date('End Date', required=True)
    group_ids = fields.One2many('league.rotation.group', 'batch_id', 'Working Groups')
    county_id = fields.Many2one('league.organization', 'County', related='plan_id.county_id',
                                store=True, readonly=True, index=True)
    year = fields.Integer(related='plan_id.year', store=True, readonly=True)
    state = fields.Selection(PLAN_STATES, related='plan_id.state', store=True, readonly=True,
                             string='Plan Status')
    cadre_ids = fields.Many2many('league.cadre', string='Cadres', compute='_compute_cadres')
    cadre_count = fields.Integer('Cadres Sent', compute='_compute_cadres')
    group_count = fields.Integer('Groups', compute='_compute_cadres')

    @api.model
    def _check_plan_draft(self, plans):
        """Refuse changing batches or groups of ``plans`` that are no longer
        drafts: an approved plan is frozen with its batches and groups."""
        if is_server_side(self):
            return
        locked = plans.sudo().filtered(lambda p: p.state != 'draft')
        if locked:
            raise UserError(_('%s is no longer a draft: its batches and working groups cannot '
                              'be changed (only the groups\' work summaries, once approved).')
                            % locked[0].display_name)

    @api.multi
    def name_get(self):
        # templates translated in the method: _() finds no language in a comprehension
        if self.env.context.get('league_batch_short'):  # inside its plan (display only)
            short = _('Batch %s')
            return [(batch.id, short % batch.sequence) for batch in self]
        template = _('%(plan)s, batch %(sequence)s')
        return [(batch.id, template % {
            'plan': batch.plan_id.display_name, 'sequence': batch.sequence})
            for batch in self]

    @api.depends('group_ids.cadre_ids')
    def _compute_cadres(self):
        for batch in self:
            cadres = batch.group_ids.mapped('cadre_ids')
            batch.cadre_ids = cadres
            batch.cadre_count = len(cadres)
            batch.group_count = len(batch.group_ids)

    @api.constrains('sequence')
    def _check_sequence(self):
        for batch in self:
            if not 1 <= batch.sequence <= 4:
                raise ValidationError(_('The batch number must be 1 to 4 (4 batches a '
                                        'year); got %s.') % batch.sequence)

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for batch in self:
            if batch.date_start and batch.date_end and batch.date_end < batch.date_start:
                raise ValidationError(_('The batch %s ends before it starts.')
                                      % batch.display_name)

    @api.model
    def create(self, vals):
        if vals.get('plan_id'):
            self._check_plan_draft(self.env['league.rotation.plan'].browse(vals['plan_id']))
        return super(LeagueRotationBatch, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_plan_draft(self.mapped('plan_id'))
        if vals.get('plan_id'):
            self._check_plan_draft(self.env['league.rotation.plan'].browse(vals['plan_id']))
        return super(LeagueRotationBatch, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_plan_draft(self.mapped('plan_id'))
        return super(LeagueRotationBatch, self).unlink()
