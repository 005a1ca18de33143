# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_common import league_today

PAIRING_PROJECTS = [
    ('sunshine', 'Sunshine Action for the Disabled'),
    ('hope_home', 'Hope Home'),
    ('other', 'Other Project'),
]
PAIRING_STATES = [
    ('active', 'Active'),
    ('done', 'Done'),
]


class LeaguePairing(models.Model):
    """Pairing aid (结对帮扶): a contacted youth helps a youth in hardship."""
    _name = 'league.pairing'
    _inherit = ['mail.thread', 'league.workflow.mixin', 'league.county.mixin']
    _description = 'Pairing Aid'
    _league_readable_fields = ('cadre_id', 'mentor_id', 'beneficiary_id')
    _order = 'date_start desc, id desc'
    _server_fields = ('date_end',)

    name = fields.Char(compute='_compute_name', store=True, compute_sudo=True)
    cadre_id = fields.Many2one('league.cadre', 'Cadre', required=True, index=True,
                               ondelete='restrict', track_visibility='onchange',
                               default=lambda self: self.env['league.contact']._default_cadre())
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, compute_sudo=True, index=True, readonly=True)
    mentor_id = fields.Many2one('league.youth', 'Helping Youth', required=True, index=True,
                                ondelete='restrict', track_visibility='onchange',
                                help="A youth of the cadre's contact list.")
    beneficiary_id = fields.Many2one('league.youth', 'Youth in Hardship', required=True,
                                     index=True, ondelete='restrict',
                                     track_visibility='onchange')
    beneficiary_hardship = fields.Selection(related='beneficiary_id.hardship', readonly=True,
                                            string='Hardship Category')
    project = fields.Selection(PAIRING_PROJECTS, required=True, default='sunshine',
                               track_visibility='onchange')
    project_name = fields.Char('Project Name', help='Name of the project when "Other".')
    date_start = fields.Date('Start Date', required=True, default=league_today)
    date_end = fields.Date('End Date', readonly=True, copy=False)
    state = fields.Selection(PAIRING_STATES, required=True, default='active', readonly=True,
                             index=True, copy=False, track_visibility='onchange')
    note = fields.Text()

    @api.depends('mentor_id.name', 'beneficiary_id.name')
    def _compute_name(self):
        for pairing in self:
            pairing.name = '%s → %s' % (pairing.mentor_id.name or '',
                                        pairing.beneficiary_id.name or '')

    @api.constrains('cadre_id', 'mentor_id', 'beneficiary_id', 'project', 'project_name')
    def _check_pairing(self):
        pairings = self.sudo()
        listed = self.env['league.contact']._listed_pairs(pairings.mapped('cadre_id').ids,
                                                          pairings.mapped('mentor_id').ids)
        for pairing in pairings:
            mentor, beneficiary = pairing.mentor_id, pairing.beneficiary_id
            if mentor == beneficiary:
                raise ValidationError(_('A youth cannot be paired with themselves (%s).')
                                      % mentor.name)
            if not beneficiary.hardship:
                raise ValidationError(_('%s has no hardship category: pairing aid is for '
                                        'youth in hardship (non-registered residents, poor '
                                        'families, left-behind children, disabled youth).')
                                      % beneficiary.name)
            if (pairing.cadre_id.id, mentor.id) not in listed:
                raise ValidationError(_('The helping youth %s must be in the contact list of '
                                        '%s.') % (mentor.name, pairing.cadre_id.name))
            if pairing.project == 'other' and not (pairing.project_name or '').strip():
                raise ValidationError(_('Give the name of the project.'))

    @api.constrains('date_start')
    def _check_date_start(self):
        today = league_today(self)
        for pairing in self.sudo():
            if pairing.date_start > today:
                raise ValidationError(_('The pairing cannot start in the future.'))

    @api.multi
    def action_done(self):
        self._check_state(['active'], _('Mark as Done'))
        return self._set_state('done', date_end=league_today(self))

    @api.multi
    def action_reactivate(self):
        self._check_state(['done'], _('Reactivate'))
        return self._set_state('active', date_end=False)
