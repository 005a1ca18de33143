# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .league_common import ORGANIZATION_LEVELS, SECTORS, check_mobile_field, normalize_mobile

GROUP_CITY_ADMIN = 'youth_contact.group_city_admin'


class LeagueOrganization(models.Model):
    """League organization tree: city → county → town/street → grassroots unit.

    Special units directly under the city committee (嘉应学院团委, 市高新区团工委,
    市金融团工委, 市直和驻梅单位团组织) have level ``county`` and ``is_special``
    set: they are isolated like a county (own administrator, own records).
    """
    _name = 'league.organization'
    _inherit = ['league.county.mixin']
    _description = 'League Organization'
    _league_readable_fields = ('parent_id',)
    _parent_store = True
    _parent_order = 'sequence, name'
    _order = 'parent_left'
    _rec_name = 'complete_name'

    name = fields.Char(required=True, index=True)
    complete_name = fields.Char('Full Name', compute='_compute_complete_name',
                                store=True, compute_sudo=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    parent_id = fields.Many2one('league.organization', 'Parent Organization',
                                index=True, ondelete='restrict')
    child_ids = fields.One2many('league.organization', 'parent_id', 'Sub-organizations')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    level = fields.Selection(ORGANIZATION_LEVELS, required=True, default='unit', index=True)
    is_special = fields.Boolean(
        'Special Unit',
        help='A unit directly under the city committee (university, high-tech zone, '
             'finance or city-level units) treated like a county.')
    sector = fields.Selection(SECTORS, index=True)
    county_id = fields.Many2one(
        'league.organization', 'County', compute='_compute_county_id',
        store=True, compute_sudo=True, index=True,
        help='The county-level organization this organization belongs to '
             '(itself for a county).')
    admin_user_id = fields.Many2one('res.users', 'Administrator',
                                    help='The administrator of a county-level organization.')
    admin_mobile = fields.Char('Administrator Mobile')
    cadre_ids = fields.One2many('league.cadre', 'organization_id', 'Cadres')
    cadre_count = fields.Integer(
        'Cadres', compute='_compute_counts',
        help='Cadres of the organization and of all its sub-organizations.')
    youth_count = fields.Integer(
        'Youth', compute='_compute_counts',
        help='Youth of the organization and of all its sub-organizations.')
    note = fields.Text()

    @api.depends('name', 'parent_id.complete_name')
    def _compute_complete_name(self):
        for org in self:
            if org.parent_id and org.parent_id.level != 'city':
                org.complete_name = '%s / %s' % (org.parent_id.complete_name, org.name)
            else:
                org.complete_name = org.name

    @api.depends('level', 'parent_id', 'parent_id.county_id', 'parent_id.level')
    def _compute_county_id(self):
        for org in self:
            if org.level == 'county':
                org.county_id = org
            elif org.level == 'city':
                org.county_id = False
            else:
                org.county_id = org.parent_id.county_id

    @api.multi
    def _compute_counts(self):
        """Cadres and youth of each organization and all its sub-organizations
        (those the user can see): one read_group per model over the union of the
        subtrees, then each group's figures go up the parent chain to the
        organizations computed (batched reads of parent_id; parent_left/right
        are not maintained while modules are loading)."""
        ids = set(org_id for org_id in self.ids if isinstance(org_id, int))
        totals = {org_id: [0, 0] for org_id in ids}
        if ids:
            per_org = {}
            for model, index in (('league.cadre', 0), ('league.youth', 1)):
                groups = self.env[model].read_group(
                    [('organization_id', 'child_of', list(ids))], ['organization_id'],
                    ['organization_id'])
                for group in groups:
                    counts = per_org.setdefault(group['organization_id'][0], [0, 0])
                    counts[index] += group['organization_id_count']
            # the tree is structure, not content: walk it as superuser
            for node in self.sudo().browse(list(per_org)):
                counts = per_org[node.id]
                while node:
                    if node.id in totals:
                        totals[node.id][0] += counts[0]
                        totals[node.id][1] += counts[1]
                    node = node.parent_id
        for org in self:
            org.cadre_count, org.youth_count = totals.get(org.id, (0, 0))

    @api.constrains('level', 'parent_id')
    def _check_tree(self):
        if not self._check_recursion():
            raise ValidationError(_('An organization cannot be its own parent or the parent '
                                    'of one of its ancestors.'))
        for org in self.sudo():
            parent = org.parent_id
            if org.level == 'city' and parent:
                raise ValidationError(_('The city committee "%s" cannot have a parent '
                                        'organization.') % org.name)
            if org.level == 'county' and parent and parent.level != 'city':
                raise ValidationError(_('The county-level organization "%s" must be directly '
                                        'under the city committee.') % org.name)
            if org.level in ('town', 'unit') and not org.county_id:
                raise ValidationError(_('The organization "%s" must be placed under a county '
                                        '(or special unit).') % org.name)
            if org.level == 'town' and parent.level not in ('county',):
                raise ValidationError(_('The town/street committee "%s" must be directly under '
                                        'a county.') % org.name)

    @api.constrains('admin_mobile')
    def _check_admin_mobile(self):
        check_mobile_field(self, 'admin_mobile')

    @api.model
    def _check_special_change(self, records, vals):
        """Only the city administrator marks an organization as a special unit
        or removes the mark: it takes the organization out of the "4+1" and
        open-day indicators of the evaluation."""
        if 'is_special' not in vals or self.env.user.has_group(GROUP_CITY_ADMIN):
            return
        special = bool(vals['is_special'])
        if (special if not records else any(org.is_special != special for org in records)):
            raise UserError(_('Only the city administrator can mark an organization as a '
                              'special unit or remove this mark: it changes the indicators '
                              'of the evaluation.'))

    @api.model
    def create(self, vals):
        self._check_special_change(self.browse(), vals)
        if vals.get('admin_mobile'):
            vals['admin_mobile'] = normalize_mobile(vals['admin_mobile'])
        return super(LeagueOrganization, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_special_change(self.sudo(), vals)
        if vals.get('admin_mobile'):
            vals['admin_mobile'] = normalize_mobile(vals['admin_mobile'])
        res = super(LeagueOrganization, self).write(vals)
        if 'parent_id' in vals or 'level' in vals:
            # descendants follow their new county (recomputation goes one
            # level at a time, so force it for the whole subtree)
            descendants = self.sudo().search([('id', 'child_of', self.ids),
                                              ('id', 'not in', self.ids)])
            if descendants:
                self.env.add_todo(self._fields['county_id'], descendants)
                self.env.add_todo(self._fields['complete_name'], descendants)
                self.recompute()
            # users' counties may have changed: the record rules are cached per user
            self.env['ir.rule'].clear_caches()
        return res
