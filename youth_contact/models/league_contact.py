# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_common import CONTACT_CHANNELS, SECTORS, league_today
from .league_input_mixin import league_day


class LeagueContact(models.Model):
    """A youth in a cadre's contact list (联系青年)."""
    _name = 'league.contact'
    _inherit = ['league.county.mixin']
    _description = 'Cadre-Youth Contact'
    _league_readable_fields = ('cadre_id', 'youth_id')
    _order = 'date_start desc, id desc'
    _rec_name = 'youth_id'

    cadre_id = fields.Many2one('league.cadre', 'Cadre', required=True, index=True,
                               ondelete='cascade', default=lambda self: self._default_cadre())
    youth_id = fields.Many2one('league.youth', 'Youth', required=True, index=True,
                               ondelete='cascade')
    date_start = fields.Date('In Contact Since', required=True,
                             default=league_today)
    channel = fields.Selection(CONTACT_CHANNELS, required=True, default='wechat')
    note = fields.Char()
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, compute_sudo=True, index=True, readonly=True)
    sector = fields.Selection(SECTORS, related='youth_id.sector', store=True, compute_sudo=True, readonly=True)
    youth_mobile = fields.Char('Mobile', related='youth_id.mobile', readonly=True)
    youth_county_id = fields.Many2one('league.organization', 'Youth County',
                                      related='youth_id.county_id', store=True, compute_sudo=True,
                                      readonly=True)
    last_face_date = fields.Date('Last Face-to-face', compute='_compute_last_face_date')

    _sql_constraints = [
        ('cadre_youth_uniq', 'unique(cadre_id, youth_id)',
         'This youth is already in the contact list of this cadre.'),
    ]

    @api.model
    def _default_cadre(self):
        return self.env['league.cadre'].search([('user_id', '=', self.env.uid)], limit=1)

    @api.onchange('youth_id')
    def _onchange_youth_limit(self):
        """Warn before the youth is added when they are at or over the limit of
        cadres per youth (the same warning as the "Add to Contacts" dialog)."""
        youth = self.youth_id
        listed = self.cadre_id.sudo().contact_ids.mapped('youth_id')
        if not youth or youth in listed or not youth.sudo().at_contact_limit:
            return None
        return {'warning': {
            'title': _('Repeated Contact'),
            'message': _('"%(name)s" is already in contact with %(count)d cadres (limit '
                         '%(limit)d): prefer youth who are not contacted yet.') % {
                'name': youth.name, 'count': youth.cadre_count,
                'limit': youth._max_cadres()}}}

    @api.multi
    def name_get(self):
        return [(c.id, '%s - %s' % (c.cadre_id.name, c.youth_id.name)) for c in self]

    @api.model
    def _check_pairs_free(self, pairs):
        """Refuse a second contact of the same cadre and youth, naming them
        (checked before the SQL constraint).  ``pairs``: (cadre id, youth id,
        id of the contact being changed or None), all checked in one search."""
        existing = {}
        for contact in self.sudo().search([
                ('cadre_id', 'in', [cadre_id for cadre_id, _youth, _own in pairs]),
                ('youth_id', 'in', [youth_id for _cadre, youth_id, _own in pairs])]):
            existing.setdefault((contact.cadre_id.id, contact.youth_id.id), contact)
        for cadre_id, youth_id, own_id in pairs:
            duplicate = existing.get((cadre_id, youth_id))
            if duplicate and duplicate.id != own_id:
                raise ValidationError(_('%s is already in the contact list of %s.')
                                      % (duplicate.youth_id.name, duplicate.cadre_id.name))

    @api.model
    def _listed_pairs(self, cadre_ids, youth_ids):
        """{(cadre_id, youth_id)} of the contacts among ``cadre_ids`` and
        ``youth_ids``, in one query whatever the number of records checked."""
        if not cadre_ids or not youth_ids:
            return set()
        self.env.cr.execute("""
            SELECT cadre_id, youth_id FROM league_contact
             WHERE cadre_id IN %s AND youth_id IN %s""",
                            (tuple(cadre_ids), tuple(youth_ids)))
        return set(self.env.cr.fetchall())

    @api.model
    def create(self, vals):
        self._check_pairs_free([(vals.get('cadre_id') or self._default_cadre().id,
                                 vals.get('youth_id'), None)])
        return super(LeagueContact, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'cadre_id' in vals or 'youth_id' in vals:
            self._check_pairs_free([(vals.get('cadre_id', contact.cadre_id.id),
                                     vals.get('youth_id', contact.youth_id.id), contact.id)
                                    for contact in self])
        return super(LeagueContact, self).write(vals)

    @api.model
    def _league_input_problems(self, vals, creating=False, today=None):
        """The input rules of every League model, and a contact starting at the
        latest today (forms, API and the Excel import alike)."""
        problems = super(LeagueContact, self)._league_input_problems(vals, creating=creating,
                                                                     today=today)
        try:
            day = vals.get('date_start') and league_day(vals['date_start'])
        except (TypeError, ValueError):
            day = None   # not a date: told by the input rules
        if day and day > (today or league_today(self)):
            problems.append(_('%(field)s: %(value)s is in the future.') % {
                'field': self._fields['date_start']._description_string(self.env),
                'value': day})
        return problems

    @api.constrains('date_start')
    def _check_date_start(self):
        today = league_today(self)
        for contact in self.sudo():
            if contact.date_start > today:
                raise ValidationError(_('The contact of %s with %s cannot start in the future.')
                                      % (contact.cadre_id.name, contact.youth_id.name))

    @api.model
    def _last_face_dates(self, cadre_ids, today):
        """{(cadre_id, youth_id): (date_start, last face-to-face date or None)}
        for the contacts of ``cadre_ids``, counting logs up to ``today``."""
        if not cadre_ids:
            return {}
        self.env.cr.execute("""
            SELECT c.cadre_id, c.youth_id, c.date_start, max(l.date)
              FROM league_contact c
              LEFT JOIN league_contact_log_youth_rel r ON r.youth_id = c.youth_id
              LEFT JOIN league_contact_log l
                     ON l.id = r.log_id AND l.cadre_id = c.cadre_id
                    AND l.mode = 'face_to_face' AND l.date <= %s
             WHERE c.cadre_id IN %s
             GROUP BY c.cadre_id, c.youth_id, c.date_start""", (today, tuple(cadre_ids)))
        to_date = fields.Date.from_string
        return {(cadre_id, youth_id): (to_date(start), last and to_date(last) or None)
                for cadre_id, youth_id, start, last in self.env.cr.fetchall()}

    @api.model
    def _last_face_dates_of_pairs(self, pairs, today):
        """{(cadre_id, youth_id): last face-to-face date (a string)} of the
        contacts among ``pairs`` having one, counting logs up to ``today``:
        one query reading the logs of these pairs only."""
        if not pairs:
            return {}
        cadre_ids, youth_ids = zip(*pairs)
        self.env.cr.execute("""
            SELECT c.cadre_id, c.youth_id, max(l.date)
              FROM unnest(%s::int[], %s::int[]) p(cadre_id, youth_id)
              JOIN league_contact c ON c.cadre_id = p.cadre_id AND c.youth_id = p.youth_id
              JOIN league_contact_log_youth_rel r ON r.youth_id = c.youth_id
              JOIN league_contact_log l
                ON l.id = r.log_id AND l.cadre_id = c.cadre_id
               AND l.mode = 'face_to_face' AND l.date <= %s
             GROUP BY c.cadre_id, c.youth_id""", (list(cadre_ids), list(youth_ids), today))
        return {(cadre_id, youth_id): last for cadre_id, youth_id, last in self.env.cr.fetchall()}

    @api.depends('cadre_id', 'youth_id')
    def _compute_last_face_date(self):
        # only the contacts computed (a page of a list), not every contact of
        # their cadres
        today = self.env['league.cadre']._league_today()
        pairs = {(contact.cadre_id.id, contact.youth_id.id) for contact in self
                 if contact.cadre_id.id and contact.youth_id.id}
        dates = self._last_face_dates_of_pairs(pairs, today)
        for contact in self:
            contact.last_face_date = dates.get((contact.cadre_id.id, contact.youth_id.id),
                                               False)
