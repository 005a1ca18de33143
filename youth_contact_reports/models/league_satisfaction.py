# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.models.league_guard import is_server_side, server_side

from .league_periods import half_year_key, to_date

RATINGS = [
    ('1', 'Very dissatisfied'),
    ('2', 'Dissatisfied'),
    ('3', 'Neutral'),
    ('4', 'Satisfied'),
    ('5', 'Very satisfied'),
]
#: What the youth gave: never changed once recorded.
FROZEN_FIELDS = ('cadre_id', 'youth_id', 'date', 'rating', 'comment', 'source')
GROUP_CITY_ADMIN = 'youth_contact.group_city_admin'


class LeagueSatisfaction(models.Model):
    """A youth's rating (1-5) of a cadre who contacts them, once per youth,
    cadre and half-year: recorded face to face by the cadre or given by the
    youth on their personal page (``source`` = ``link``).

    A rating is evidence given by a youth and counts in the evaluation:
    staff record ``face_to_face`` ratings only (``link`` ratings are created
    by the server, on the youth's page); nobody changes the cadre, youth,
    date, rating, comment or source of a recorded rating; only the city
    administrator deletes one (a wrong rating is deleted and recorded again).
    """
    _name = 'league.satisfaction'
    _inherit = ['league.county.mixin']
    _description = 'Youth Satisfaction Rating'
    _order = 'date desc, id desc'

    cadre_id = fields.Many2one('league.cadre', 'Cadre', required=True, index=True,
                               ondelete='cascade',
                               default=lambda self: self.env['league.contact']._default_cadre())
    youth_id = fields.Many2one('league.youth', 'Youth', required=True, index=True,
                               ondelete='cascade')
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, index=True, readonly=True)
    date = fields.Date(required=True, index=True, default=league_today)
    period = fields.Char('Half-year', compute='_compute_period', store=True, index=True,
                         compute_sudo=True,
                         help='The half-year of the rating, e.g. 2024-H1: a youth rates a '
                              'cadre once per half-year.')
    rating = fields.Selection(RATINGS, required=True, default='5')
    rating_value = fields.Integer('Rating (1-5)', compute='_compute_rating_value', store=True,
                                  compute_sudo=True, group_operator='avg')
    comment = fields.Text()
    source = fields.Selection([
        ('face_to_face', 'Face to Face'),
        ('link', 'Youth\'s Page'),
    ], required=True, default='face_to_face', readonly=True)

    # once per youth, cadre and half-year: the database's rule, refused over RPC
    # and in the web client with its translated message
    _sql_constraints = [
        ('rating_once_per_period', 'unique(cadre_id, youth_id, period)',
         'A youth rates a cadre only once per half-year.'),
    ]

    @api.model
    def create(self, vals):
        if vals.get('source', 'face_to_face') != 'face_to_face' and not is_server_side(self):
            raise UserError(_('Only face-to-face ratings can be recorded here: the ratings '
                              'of the youth\'s page are given by the youth on that page.'))
        return super(LeagueSatisfaction, self).create(vals)

    @api.multi
    def write(self, vals):
        frozen = [name for name in FROZEN_FIELDS if name in vals]
        if frozen and not is_server_side(self):
            self.check_access_rights('write')  # users without write access: the usual error
            raise UserError(_('A satisfaction rating is the youth\'s evidence: its cadre, youth, '
                              'date, rating, comment and source cannot be changed. Ask the '
                              'city administrator to delete a wrong rating, then record it '
                              'again.'))
        return super(LeagueSatisfaction, self).write(vals)

    @api.multi
    def unlink(self):
        if not (is_server_side(self) or self.env.user.has_group(GROUP_CITY_ADMIN)):
            self.check_access_rights('unlink')  # users without delete access: the usual error
            raise UserError(_('Only the city administrator can delete a satisfaction rating.'))
        return super(LeagueSatisfaction, self).unlink()

    @api.depends('date')
    def _compute_period(self):
        for rating in self:
            rating.period = rating.date and half_year_key(to_date(rating.date)) or False

    @api.depends('rating')
    def _compute_rating_value(self):
        for rating in self:
            rating.rating_value = int(rating.rating or 0)

    @api.multi
    def name_get(self):
        return [(r.id, '%s → %s (%s)' % (r.youth_id.name, r.cadre_id.name, r.rating))
                for r in self]

    @api.constrains('cadre_id', 'youth_id')
    def _check_youth_in_contacts(self):
        ratings = self.sudo()
        pairs = self.env['league.contact']._listed_pairs(ratings.mapped('cadre_id').ids,
                                                         ratings.mapped('youth_id').ids)
        for rating in ratings:
            if (rating.cadre_id.id, rating.youth_id.id) not in pairs:
                raise ValidationError(_('%(youth)s is not in the contact list of %(cadre)s and '
                                        'cannot rate this cadre.') % {
                                            'youth': rating.youth_id.name,
                                            'cadre': rating.cadre_id.name})

    @api.constrains('date')
    def _check_date(self):
        today = league_today(self)
        for rating in self.sudo():
            if rating.date > today:
                raise ValidationError(_('A rating cannot be dated in the future (%s).')
                                      % rating.date)

    # ------------------------------------------------------------------
    # the youth's page of a contact (/youth/<token>, no login)
    # ------------------------------------------------------------------
    @api.model
    def _youth_page_rated(self, contact):
        """Whether the youth of ``contact`` rated its cadre this half-year."""
        period = half_year_key(to_date(league_today(self)))
        return bool(self.sudo().search_count([
            ('cadre_id', '=', contact.cadre_id.id), ('youth_id', '=', contact.youth_id.id),
            ('period', '=', period)]))

    @api.model
    def _youth_page_rate(self, contact, rating, comment=None):
        """Record the rating given by the youth of ``contact`` (a contact found
        by its token) on their page; returns ``rated``, ``already_rated`` (once
        per half-year) or ``bad_rating``."""
        if rating not in dict(RATINGS):
            return 'bad_rating'
        if self._youth_page_rated(contact):
            return 'already_rated'
        server_side(self.sudo()).create({
            'cadre_id': contact.cadre_id.id,
            'youth_id': contact.youth_id.id,
            'rating': rating,
            'comment': (comment or '').strip()[:2000] or False,
            'source': 'link',
        })
        return 'rated'
