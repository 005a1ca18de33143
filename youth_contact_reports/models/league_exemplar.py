# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.youth_contact.models.league_common import league_today


class LeagueExemplar(models.Model):
    """An exemplary practice or cadre (典型, 挖掘优秀典型，打造工作品牌), recorded by
    a county for its own county or by the city committee: draft → submitted
    (by the county administrator) → selected by the city, which may then put
    it in a bulletin (``league.evaluation.exemplar_ids``).  A selected
    exemplar is published: every League user reads it."""
    _name = 'league.exemplar'
    _inherit = ['league.approval.mixin']
    _description = 'Exemplary Practice'
    _order = 'date desc, id desc'
    _rec_name = 'name'
    _unlink_states = ('draft',)
    _approved_state = 'selected'
    _rejected_state = 'draft'      # returned to the county
    _league_readable_fields = ('cadre_id', 'organization_id')

    name = fields.Char('Title', required=True, track_visibility='onchange')
    state = fields.Selection([
        ('draft', 'Draft'),
        ('submitted', 'Submitted'),
        ('selected', 'Selected'),
    ], default='draft', required=True, readonly=True, index=True, copy=False,
        track_visibility='onchange')
    date = fields.Date('Date', required=True, default=league_today,
                       track_visibility='onchange',
                       help='When the practice took place or the cadre distinguished himself.')
    organization_id = fields.Many2one(
        'league.organization', 'Organization', required=True, index=True,
        track_visibility='onchange',
        default=lambda self: self.env.user.league_county_id
        or self.env['league.organization'].search([('level', '=', 'city')], limit=1))
    # the mixin's county: the organization's (none for the city committee's own),
    # written with the organization (a stored related field would be recomputed
    # after the INSERT, as the user, while the record rules cannot see it yet)
    county_id = fields.Many2one(
        'league.organization', 'County', readonly=True, index=True, required=False,
        default=None, states=None)
    cadre_id = fields.Many2one('league.cadre', 'Cadre', index=True,
                               track_visibility='onchange',
                               help='The exemplary cadre, if the exemplar is a person.')
    # shown in the bulletins, which every county reads: the names as the server reads them
    cadre_name = fields.Char('Cadre Name', related='cadre_id.name', store=True, readonly=True)
    organization_name = fields.Char('Organization Name', related='organization_id.name',
                                    store=True, readonly=True)
    summary = fields.Text('Summary', help='A few lines shown in the bulletin.')
    story = fields.Html('Story', sanitize=True, strip_style=True)
    photo_ids = fields.One2many('league.exemplar.photo', 'exemplar_id', 'Photos', copy=True)
    photo_count = fields.Integer('Photo Count', compute='_compute_photo_count')
    date_selected = fields.Date('Selected On', readonly=True, copy=False)
    evaluation_ids = fields.Many2many('league.evaluation', string='Bulletins',
                                      relation='league_evaluation_exemplar_rel',
                                      column1='exemplar_id', column2='evaluation_id',
                                      readonly=True, copy=False,
                                      help='The evaluations whose bulletin names it.')

    @api.depends('photo_ids')
    def _compute_photo_count(self):
        for exemplar in self:
            exemplar.photo_count = len(exemplar.photo_ids)

    @api.model
    def create(self, vals):
        vals = self._with_county(vals)
        # the photos once the county is stored: their rules check it
        photos = vals.pop('photo_ids', None)
        exemplar = super(LeagueExemplar, self).create(vals)
        if photos:
            exemplar.write({'photo_ids': photos})
        return exemplar

    @api.multi
    def write(self, vals):
        return super(LeagueExemplar, self).write(self._with_county(vals))

    @api.model
    def _with_county(self, vals):
        """``vals`` with the county of its organization, never a client's."""
        vals = dict(vals)
        vals.pop('county_id', None)
        if vals.get('organization_id'):
            organization = self.env['league.organization'].sudo().browse(
                vals['organization_id'])
            vals['county_id'] = organization.county_id.id
        return vals

    @api.model
    def _guarded_fields(self):
        return super(LeagueExemplar, self)._guarded_fields() | {'date_selected'}

    @api.constrains('cadre_id', 'organization_id')
    def _check_cadre(self):
        for exemplar in self.sudo():
            if exemplar.organization_id.level not in ('city', 'county') and \
                    not exemplar.county_id:
                raise ValidationError(_('The organization of the exemplar "%s" belongs to no '
                                        'county.') % exemplar.name)
            if exemplar.cadre_id and exemplar.cadre_id.county_id != exemplar.county_id:
                raise ValidationError(_('The cadre %(cadre)s of the exemplar "%(name)s" is not '
                                        'of its organization\'s county.') % {
                    'cadre': exemplar.cadre_id.name, 'name': exemplar.name})

    @api.constrains('date')
    def _check_date(self):
        today = league_today(self)
        for exemplar in self.sudo():
            if exemplar.date > today:
                raise ValidationError(_('The exemplar "%s" cannot be dated in the future.')
                                      % exemplar.name)

    # ------------------------------------------------------------------
    # workflow (league.approval.mixin): submit (county), select or return (city)
    # ------------------------------------------------------------------
    @api.multi
    def _approval_violations(self):
        self.ensure_one()
        if not (self.summary or '').strip() and not self.story:
            return [_('Write the summary or the story of the exemplar.')]
        return []

    @api.model
    def _decision_texts(self, decision):
        if decision == 'approve':
            return {'refusal': _('Only a city administrator can select an exemplar.'),
                    'label': _('Select'), 'feedback': _('Selected by the city committee')}
        return {'refusal': _('Only a city administrator can return an exemplar.'),
                'label': _('Return'), 'feedback': _('Returned: %s'),
                'reason': _('Give the reason for returning %s.')}

    @api.multi
    def _transition_values(self, transition):
        today = league_today(self)
        return {'submit': {},
                'approve': {'date_selected': today},
                'reject': {'date_submitted': False}}[transition]

    @api.multi
    def action_select(self):
        """The city selects the exemplar (the approval of this workflow)."""
        return self.action_approve()
