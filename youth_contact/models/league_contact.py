# -*- coding: utf-8 -*-
import re
import secrets
from urllib.parse import urlencode

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .league_common import CONTACT_CHANNELS, SECTORS, league_today
from .league_concern import VOICE_KIND_OF, VOICE_KINDS
from .league_guard import is_server_side, server_side
from .league_input_mixin import league_day

#: The youth's answer on their page (以青年确认为准).
CONFIRM_STATES = [
    ('unconfirmed', 'Not Confirmed Yet'),
    ('confirmed', 'Confirmed by the Youth'),
    ('disowned', 'Youth Does Not Know the Cadre'),
]
#: Written by the server only: the youth's page and the link buttons.
YOUTH_PAGE_FIELDS = ('youth_token', 'confirm_state', 'confirm_date')
YOUTH_PAGE_PATH = '/youth/'
#: secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet
TOKEN_RE = re.compile(r'^[A-Za-z0-9_-]{43}$')
CONCERN_TEXT_MAX = 2000


def new_youth_token():
    """A new token of a youth's page: 256 random bits, nothing derived from ids."""
    return secrets.token_urlsafe(32)


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
    # the youth's page (/youth/<token>): read through the contact's record rules
    youth_token = fields.Char('Youth Page Token', copy=False, readonly=True, index=True,
                              groups='youth_contact.group_cadre')
    youth_url = fields.Char('Youth Page Link', compute='_compute_youth_url',
                            help='The personal page of this youth: send it over WeChat or QQ '
                                 '(or show the QR code). The youth confirms that you keep in '
                                 'touch, rates you and raises concerns there, without an '
                                 'account. Renew the link if it reached someone else.')
    youth_qr = fields.Html('QR Code', compute='_compute_youth_url', sanitize=False)
    youth_qr_src = fields.Char('QR Code Image', compute='_compute_youth_url')
    confirm_state = fields.Selection(CONFIRM_STATES, 'Confirmation', required=True,
                                     default='unconfirmed', readonly=True, index=True,
                                     copy=False,
                                     help='Given by the youth on their page only.')
    confirm_date = fields.Date('Answered On', readonly=True, copy=False)

    _sql_constraints = [
        ('cadre_youth_uniq', 'unique(cadre_id, youth_id)',
         'This youth is already in the contact list of this cadre.'),
        ('youth_token_uniq', 'unique(youth_token)', 'The youth page token must be unique.'),
    ]

    @api.model_cr
    def init(self):
        # a token of its own for every contact made before the youth's page (a
        # column default would give all of them the same one)
        self.env.cr.execute("SELECT id FROM league_contact WHERE youth_token IS NULL")
        ids = [row[0] for row in self.env.cr.fetchall()]
        if ids:
            self.env.cr.execute("""
                UPDATE league_contact c SET youth_token = v.token
                  FROM unnest(%s::int[], %s::varchar[]) AS v(id, token)
                 WHERE c.id = v.id""", (ids, [new_youth_token() for _id in ids]))

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
        self._check_youth_page_fields(vals, creating=True)
        self._check_pairs_free([(vals.get('cadre_id') or self._default_cadre().id,
                                 vals.get('youth_id'), None)])
        return super(LeagueContact, self).create(dict(vals, youth_token=new_youth_token()))

    @api.multi
    def write(self, vals):
        self._check_youth_page_fields(vals)
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

    # ------------------------------------------------------------------
    # the youth's page: link, confirmation (以青年确认为准)
    # ------------------------------------------------------------------
    @api.model
    def _check_youth_page_fields(self, vals, creating=False):
        """The token and the youth's answer are written by the server only
        (the youth's page, the link buttons), never by staff over a form or RPC."""
        if is_server_side(self):
            return
        keys = set(YOUTH_PAGE_FIELDS) & set(vals)
        if creating:
            keys = {key for key in keys if vals[key] and vals[key] != 'unconfirmed'}
        if keys:
            raise UserError(_('The link of the youth\'s page and the youth\'s confirmation are '
                              'recorded by the youth\'s page and the link buttons only.'))

    @api.depends('youth_token')
    def _compute_youth_url(self):
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')
        for contact in self:
            token = contact.youth_token
            url = token and '%s%s%s' % (base, YOUTH_PAGE_PATH, token) or False
            src = url and '/report/barcode/?%s' % urlencode(
                {'type': 'QR', 'value': url, 'width': 360, 'height': 360}) or False
            contact.youth_url = url
            contact.youth_qr_src = src
            contact.youth_qr = src and '<img src="%s" alt="QR" width="180" height="180"/>' % (
                src.replace('&', '&amp;')) or False

    @api.multi
    def _write_youth_token(self, renew):
        """New tokens (or none: revoked) for contacts the user may edit."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        for contact in self:
            server_side(contact.sudo()).write({
                'youth_token': new_youth_token() if renew else False})
        return True

    @api.multi
    def action_renew_youth_link(self):
        """A new link for the youth's page: the previous one stops working."""
        return self._write_youth_token(True)

    @api.multi
    def action_revoke_youth_link(self):
        """No link any more (until renewed): the page answers as for an unknown link."""
        return self._write_youth_token(False)

    @api.multi
    def action_youth_links(self):
        """The links of the selected contacts as "name: link" lines, to paste
        into a WeChat or QQ group."""
        self.check_access_rights('read')
        self.check_access_rule('read')
        wizard = self.env['league.contact.link.wizard'].create({
            'contact_ids': [(6, 0, self.ids)]})
        return {
            'type': 'ir.actions.act_window',
            'name': _('Links of the Youth Pages'),
            'res_model': wizard._name,
            'res_id': wizard.id,
            'view_mode': 'form',
            'target': 'new',
        }

    @api.model
    def _youth_page_contact(self, token):
        """The contact of an active cadre whose page has ``token`` (as superuser),
        or an empty recordset: unknown and revoked tokens alike."""
        Contact = self.sudo().browse()
        if not isinstance(token, str) or not TOKEN_RE.match(token):
            return Contact
        contact = Contact.search([('youth_token', '=', token)], limit=1)
        return contact if contact.cadre_id.active else Contact

    @api.multi
    def _youth_page_values(self):
        """What the page shows (the records come from the token only)."""
        self.ensure_one()
        cadre = self.cadre_id
        labels = {'wechat': _('WeChat'), 'qq': _('QQ'), 'weibo': _('Weibo')}
        template = _('%(channel)s: %(account)s')
        channels = [template % {'channel': labels[name], 'account': cadre[name]}
                    for name in ('wechat', 'qq', 'weibo')
                    if cadre['show_%s' % name] and cadre[name]]
        Concern = self.env['league.concern']
        kinds = Concern._fields['kind']._description_selection(self.env)
        return {
            'contact': self,
            'cadre_name': cadre.name,
            'organization': cadre.organization_id.name,
            'position': cadre.position or '',
            'youth_name': self.youth_id.name,
            'channels': channels,
            'confirm_state': self.confirm_state,
            # the youth chooses a kind, or for an opinion or suggestion (their
            # group) what it is: a suggestion, an opinion or an idea
            'concern_kinds': [(key, label) for key, label in kinds if key != VOICE_KIND_OF],
            'voice_label': dict(kinds)[VOICE_KIND_OF],
            'voice_kinds': Concern._fields['voice_kind']._description_selection(self.env),
        }

    @api.multi
    def _youth_page_post(self, action, params):
        """Do what the youth asked on the page; returns the key of the message
        shown.  ``params`` holds the typed values (texts, keys) only: the
        records come from the token."""
        self.ensure_one()
        if action in ('confirm', 'disown'):
            server_side(self.sudo()).write({
                'confirm_state': 'confirmed' if action == 'confirm' else 'disowned',
                'confirm_date': league_today(self)})
            return 'confirmed' if action == 'confirm' else 'disowned'
        if self.confirm_state != 'confirmed':
            return 'confirm_first'
        if action == 'concern':
            return self._youth_page_concern(params.get('kind'), params.get('text'))
        return 'unknown_action'

    @api.model
    def _youth_page_kinds(self, choice):
        """The (kind, voice_kind) of a concern of which the youth chose ``choice``
        on the page: a youth voice kind (an opinion or suggestion of that youth
        voice kind) or another kind; None for anything else."""
        if choice in VOICE_KINDS:
            return VOICE_KIND_OF, choice
        if choice in dict(self.env['league.concern']._fields['kind'].selection):
            return choice, False
        return None

    @api.multi
    def _youth_page_concern(self, choice, text):
        kinds = self._youth_page_kinds(choice)
        text = (text or '').strip()
        if not kinds or not text:
            return 'concern_incomplete'
        kind, voice_kind = kinds
        text = text[:CONCERN_TEXT_MAX]
        subject = text.splitlines()[0][:40]
        server_side(self.env['league.concern'].sudo()).create({
            'name': subject,
            'description': text,
            'kind': kind,
            'voice_kind': voice_kind,
            'youth_id': self.youth_id.id,
            'cadre_id': self.cadre_id.id,
            'origin': 'youth_page',
        })
        return 'concern_sent'
