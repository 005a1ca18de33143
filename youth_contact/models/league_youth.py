# -*- coding: utf-8 -*-
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_input_mixin import league_day
from .league_common import (
    GENDERS, HARDSHIPS, POLITICAL_STATUSES, SECTORS, check_mobile_field, league_today, normalize_mobile,
)

#: The earliest possible birth date (the latest is today, in China).
BIRTHDATE_MIN = '1900-01-01'
MAX_CADRES_PARAM = 'youth_contact.max_cadres_per_youth'
MAX_CADRES_DEFAULT = 3


class LeagueYouth(models.Model):
    """A League member or young person; one record per person (unique mobile)."""
    _name = 'league.youth'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'league.county.mixin']
    _description = 'Youth'
    _league_readable_fields = ('organization_id',)
    _league_free_dates = ('birthdate',)   # own rule: _check_birthdate
    _order = 'name'

    name = fields.Char(required=True, index=True, track_visibility='onchange')
    gender = fields.Selection(GENDERS)
    birthdate = fields.Date('Birth Date')
    age = fields.Integer(compute='_compute_age')
    mobile = fields.Char(required=True, index=True, track_visibility='onchange')
    political_status = fields.Selection(POLITICAL_STATUSES, 'Political Status')
    sector = fields.Selection(SECTORS, required=True, index=True, track_visibility='onchange',
                              help='Taken from the organization when it has a sector.')
    unit = fields.Char('Work / Study Unit')
    organization_id = fields.Many2one('league.organization', 'Organization', required=True,
                                      index=True, ondelete='restrict',
                                      track_visibility='onchange')
    county_id = fields.Many2one('league.organization', 'County',
                                related='organization_id.county_id', store=True, compute_sudo=True,
                                index=True, readonly=True)
    hardship = fields.Selection(HARDSHIPS, 'Hardship Category', index=True,
                                help='Leave empty when the youth is not in hardship.')
    active = fields.Boolean(default=True)
    note = fields.Text()
    contact_ids = fields.One2many('league.contact', 'youth_id', 'Contacts')
    cadre_count = fields.Integer('Cadres in Contact', compute='_compute_cadre_count',
                                 store=True, compute_sudo=True)
    over_contacted = fields.Boolean(
        'Contacted by Too Many Cadres', compute='_compute_over_contacted',
        search='_search_over_contacted',
        help='More cadres are in contact with this youth than the configured maximum '
             '(avoid repeated contact of a few youth).')

    at_contact_limit = fields.Boolean(
        'At the Cadre Limit', compute='_compute_over_contacted',
        help='As many cadres as the configured maximum, or more, are in contact with this '
             'youth: one more cadre would contact them repeatedly.')
    contact_limit_note = fields.Char('Cadre Limit', compute='_compute_over_contacted')

    _sql_constraints = [
        ('mobile_uniq', 'unique(mobile)', 'Another youth already has this mobile number.'),
    ]

    @api.depends('birthdate')
    def _compute_age(self):
        today = date.today()
        # the birth dates only: a list showing the age without the birth date
        # would otherwise prefetch every column of the rows a second time
        field = self._fields['birthdate']
        missing = [youth.id for youth in self
                   if youth.id and not self.env.cache.contains(youth, field)]
        if missing:
            self.browse(missing).read(['birthdate'])
        for youth in self:
            if youth.birthdate:
                born = fields.Date.from_string(youth.birthdate)
                youth.age = today.year - born.year - (
                    (today.month, today.day) < (born.month, born.day))
            else:
                youth.age = 0

    @api.depends('contact_ids')
    def _compute_cadre_count(self):
        counts = {}
        if self.ids:
            groups = self.env['league.contact'].sudo().read_group(
                [('youth_id', 'in', self.ids)], ['youth_id'], ['youth_id'])
            counts = {g['youth_id'][0]: g['youth_id_count'] for g in groups}
        for youth in self:
            youth.cadre_count = counts.get(youth.id, 0)

    @api.model
    def _max_cadres(self):
        # one reader of the work parameters: league.settings.mixin
        return self.env['league.settings']._league_get_values()['league_max_cadres_per_youth']

    @api.depends('cadre_count')
    def _compute_over_contacted(self):
        limit = self._max_cadres()
        over, at = _('Over the limit of %d cadres') % limit, _('At the limit of %d cadres') % limit
        for youth in self:
            youth.over_contacted = youth.cadre_count > limit
            youth.at_contact_limit = youth.cadre_count >= limit
            youth.contact_limit_note = (over if youth.over_contacted
                                        else at if youth.at_contact_limit else False)

    @api.model
    def _search_over_contacted(self, operator, value):
        if operator not in ('=', '!='):
            raise ValidationError(_('Unsupported search on "Contacted by Too Many Cadres".'))
        positive = (operator == '=') == bool(value)
        limit = self._max_cadres()
        return [('cadre_count', '>' if positive else '<=', limit)]

    @api.constrains('mobile')
    def _check_mobile(self):
        check_mobile_field(self, 'mobile')

    @api.model
    def _league_input_problems(self, vals, creating=False, today=None):
        """The input rules of every League model, and a birth date between
        :data:`BIRTHDATE_MIN` and today (forms, API and the Excel import)."""
        problems = super(LeagueYouth, self)._league_input_problems(vals, creating=creating,
                                                                   today=today)
        if vals.get('birthdate'):   # not a date: told by the input rules
            problem = self._birthdate_problem(vals['birthdate'], today or league_today(self))
            if problem:
                problems.append(problem)
        return problems

    @api.model
    def _birthdate_problem(self, day, today):
        """The reason why ``day`` (a date string) is not a possible birth date, or None."""
        try:
            day = league_day(day)
        except (TypeError, ValueError):
            return None  # told by the input rules (not a date)
        if BIRTHDATE_MIN <= day <= today:
            return None
        params = {'field': self._league_label(self._fields['birthdate']), 'value': day,
                  'min': BIRTHDATE_MIN}
        if day > today:
            return _('%(field)s: %(value)s is in the future.') % params
        return _('%(field)s: %(value)s is before %(min)s, not a possible birth date.') % params

    @api.constrains('birthdate')
    def _check_birthdate(self):
        """Same rule as :meth:`_birthdate_problem`, for the records written
        (an import writes thousands at once): one query for all of them."""
        ids = [youth_id for youth_id in self.ids if isinstance(youth_id, int)]
        if not ids:
            return
        # create/write have written the values: the database has them
        today = league_today(self)
        self.env.cr.execute("SELECT id, birthdate FROM league_youth WHERE id = ANY(%s) "
                            "AND (birthdate > %s OR birthdate < %s)",
                            (ids, today, BIRTHDATE_MIN))
        wrong = dict(self.env.cr.fetchall())
        if wrong:
            youth_id = next(youth_id for youth_id in ids if youth_id in wrong)
            raise ValidationError(_('"%(name)s": %(problem)s') % {
                'name': self.browse(youth_id).sudo().name,
                'problem': self._birthdate_problem(str(wrong[youth_id]), today)})

    @api.model
    def _check_mobile_free(self, mobile, exclude_ids=()):
        """Refuse a mobile already used by another youth, saying who has it.

        The owner's name and organization are shown when the user may read
        that youth; otherwise only the masked name and the county (no leak
        of another county's personal data).
        """
        if not mobile:
            return
        owner = self.sudo().with_context(active_test=False).search(
            [('mobile', '=', mobile), ('id', 'not in', list(exclude_ids))], limit=1)
        if not owner:
            return
        readable = self.with_context(active_test=False).search([('id', '=', owner.id)])
        if readable:
            raise ValidationError(_('The mobile number %s is already registered for %s '
                                    '(%s): open that record instead of creating a '
                                    'duplicate.') % (
                                        mobile, owner.name, owner.organization_id.complete_name))
        raise ValidationError(_('The mobile number %s is already registered for %s in %s: '
                                'ask the administrator of that county.') % (
                                    mobile, owner.name[:1] + '*' * (len(owner.name) - 1),
                                    owner.county_id.name or owner.organization_id.name))

    @api.onchange('organization_id')
    def _onchange_organization_sector(self):
        """The sector follows the chosen organization's (when it has one)."""
        if self.organization_id.sector:
            self.sector = self.organization_id.sector

    @api.model
    def _organization_sector(self, organization_id):
        return organization_id and self.env['league.organization'].sudo().browse(
            organization_id).sector or False

    @api.model
    def _sector_missing(self, name):
        return ValidationError(_('Choose the sector of the youth "%s": their organization '
                                 'has none to take.') % (name or ''))

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get('mobile'):
            vals['mobile'] = normalize_mobile(vals['mobile'])
            self._check_mobile_free(vals['mobile'])
        if not vals.get('sector'):
            vals['sector'] = self._organization_sector(vals.get('organization_id'))
            if not vals['sector']:
                raise self._sector_missing(vals.get('name'))
        return super(LeagueYouth, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get('mobile'):
            vals = dict(vals, mobile=normalize_mobile(vals['mobile']))
            if len(self) > 1:
                raise ValidationError(_('Several youth cannot have the same mobile number.'))
            self._check_mobile_free(vals['mobile'], self.ids)
        if 'sector' in vals and not vals['sector']:
            raise self._sector_missing(self[:1].name)
        if vals.get('organization_id') and 'sector' not in vals:
            # moved to an organization with a sector: the sector follows it
            sector = self._organization_sector(vals['organization_id'])
            if sector:
                vals = dict(vals, sector=sector)
        return super(LeagueYouth, self).write(vals)

    @api.multi
    def action_add_to_contacts(self):
        """Button of the youth form: open the wizard adding these youth to a
        cadre's contact list (the current user's by default)."""
        return self.env['league.cadre']._contact_wizard_action(
            {'active_model': self._name, 'active_ids': self.ids})
