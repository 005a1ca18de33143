# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request

#: Shortest password a user may choose (initial passwords are longer).
MIN_PASSWORD_LENGTH = 8
#: Home action of each League role (xml ids), the first group the user has wins.
LEAGUE_HOME_ACTIONS = [
    ('youth_contact.group_county_admin', 'youth_contact.action_league_home_admin'),
    ('youth_contact.group_cadre', 'youth_contact.action_league_contact_my'),
]
#: Groups that make a user privileged: nobody but the system administrator
#: sets their password (see league.initial.password.wizard).
PRIVILEGED_GROUPS = ('youth_contact.group_county_admin', 'base.group_erp_manager',
                     'base.group_system')


class ResUsers(models.Model):
    _inherit = 'res.users'

    league_cadre_ids = fields.One2many('league.cadre', 'user_id', 'League Cadre Records')
    league_cadre_id = fields.Many2one('league.cadre', 'League Cadre',
                                      compute='_compute_league_cadre_id')
    league_admin_county_id = fields.Many2one(
        'league.organization', 'Administered County',
        domain=[('level', '=', 'county')],
        help='For county administrators without a cadre record (or administering '
             'another county than their own): the county they administer.')
    league_county_id = fields.Many2one(
        'league.organization', 'League County', compute='_compute_league_county_id',
        store=True, compute_sudo=True, index=True,
        help="The user's county: the administered county if set, else the county of "
             "the user's cadre record. Used by the record rules.")
    league_must_change_password = fields.Boolean(
        'Must Change the Initial Password', readonly=True, copy=False,
        groups='base.group_erp_manager',
        help='Set when an administrator issues an initial password; every page of the '
             'user leads to the change of password until the user chose their own.')

    @api.depends('league_cadre_ids')
    def _compute_league_cadre_id(self):
        for user in self:
            user.league_cadre_id = user.league_cadre_ids[:1]

    @api.depends('league_admin_county_id', 'league_cadre_ids.county_id')
    def _compute_league_county_id(self):
        for user in self:
            user.league_county_id = (user.league_admin_county_id
                                     or user.league_cadre_ids[:1].county_id)

    @api.model
    def create(self, vals):
        user = super(ResUsers, self).create(vals)
        if not vals.get('action_id'):
            user._league_update_home_action()
        return user

    @api.multi
    def write(self, vals):
        if vals.get('password') and 'league_must_change_password' not in vals:
            # a password chosen by the user (or set by the system administrator)
            vals = dict(vals, league_must_change_password=False)
        res = super(ResUsers, self).write(vals)
        if 'league_admin_county_id' in vals:
            # record rules depend on the county and are cached per user
            self.env['ir.rule'].clear_caches()
        if 'action_id' not in vals and any(
                key == 'groups_id' or key.startswith(('in_group_', 'sel_groups_')) for key in vals):
            self._league_update_home_action()
        return res

    @classmethod
    def _league_rpc_service(cls):
        """Whether the current call comes through Odoo's RPC services
        (/xmlrpc, /jsonrpc) rather than a session of the web client."""
        return not request or request.httprequest.path.startswith(('/xmlrpc', '/jsonrpc'))

    @classmethod
    def _league_refuse_initial_password(cls, uid):
        """Over the RPC services, refuse a user who still holds the initial
        password: it must be changed in the web client first (the web client
        leads there, see ir.http._league_password_gate)."""
        if not cls._league_rpc_service():
            return
        with cls.pool.cursor() as cr:
            cr.execute('SELECT u.league_must_change_password, p.lang FROM res_users u '
                       'JOIN res_partner p ON p.id = u.partner_id WHERE u.id = %s', (uid,))
            row = cr.fetchone()
            if row and row[0]:
                context = {'lang': row[1]}  # noqa: F841 (the user's language, found by _())
                raise AccessError(_('Change your initial password in the web client first.'))

    @classmethod
    def authenticate(cls, db, login, password, user_agent_env):
        uid = super(ResUsers, cls).authenticate(db, login, password, user_agent_env)
        if uid:
            try:
                cls._league_refuse_initial_password(uid)
            except AccessError:
                return False
        return uid

    @classmethod
    def check(cls, db, uid, passwd):
        res = super(ResUsers, cls).check(db, uid, passwd)
        cls._league_refuse_initial_password(uid)
        return res

    @api.model
    def change_password(self, old_passwd, new_passwd):
        """Refuse a new password equal to the old one or shorter than
        MIN_PASSWORD_LENGTH (the initial password must really be replaced)."""
        if new_passwd and new_passwd == old_passwd:
            raise UserError(_('The new password must differ from the current one.'))
        if new_passwd and len(new_passwd) < MIN_PASSWORD_LENGTH:
            raise UserError(_('The new password must have at least %d characters.')
                            % MIN_PASSWORD_LENGTH)
        return super(ResUsers, self).change_password(old_passwd, new_passwd)

    # ------------------------------------------------------------------
    # home action and privileges
    # ------------------------------------------------------------------
    @api.multi
    def _league_home_action(self):
        """The League home action of the user (an ir.actions record), or an
        empty recordset for users of no League group."""
        self.ensure_one()
        for group, action in LEAGUE_HOME_ACTIONS:
            if self.has_group(group):
                return self.env.ref(action, raise_if_not_found=False) or self.env['ir.actions.actions']
        return self.env['ir.actions.actions']

    @api.multi
    def _league_update_home_action(self):
        """Land League users in the League app: cadres on 我的联系青年, county
        and city administrators on what waits for them.  A home action the
        user or the administrator chose outside the League ones is kept."""
        league_actions = set()
        for _group, xmlid in LEAGUE_HOME_ACTIONS:
            action = self.env.ref(xmlid, raise_if_not_found=False)
            if action:
                league_actions.add(action.id)
        for user in self.sudo():
            wanted = user._league_home_action()
            current = user.action_id.id
            if wanted and current != wanted.id and (not current or current in league_actions):
                # super() directly: not a change of groups, no recursion
                super(ResUsers, user).write({'action_id': wanted.id})

    @api.model
    def _league_init_home_actions(self):
        """Data of the module: home action of the existing League users."""
        group = self.env.ref('youth_contact.group_cadre')
        self.sudo().with_context(active_test=False).search(
            [('groups_id', 'in', group.ids)])._league_update_home_action()

    @api.multi
    def _league_is_privileged(self):
        """Whether the user holds more than the cadre's rights (an administrator
        of a county or of the city, of the users or of the settings)."""
        self.ensure_one()
        return (self.id == SUPERUSER_ID or self.share
                or any(self.has_group(group) for group in PRIVILEGED_GROUPS))

    @api.model
    def _league_database_lang(self):
        """The database's language: the default language of new partners when
        it is installed (zh_CN for League offices), else None."""
        lang = self.env['ir.default'].sudo().get('res.partner', 'lang')
        if lang and self.env['res.lang'].sudo().search_count([('code', '=', lang)]):
            return lang
        return None
