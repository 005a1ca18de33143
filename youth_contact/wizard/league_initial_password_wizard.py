# -*- coding: utf-8 -*-
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

#: Characters of an initial password: letters and digits that cannot be
#: mistaken for one another when read from paper (no 0/O/o, 1/l/I/i).
PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
PASSWORD_LENGTH = 10


def new_initial_password(length=PASSWORD_LENGTH):
    """A random, readable password with at least one letter and one digit."""
    while True:
        password = ''.join(secrets.choice(PASSWORD_ALPHABET) for _i in range(length))
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password


class LeagueInitialPasswordWizard(models.TransientModel):
    """A county administrator issues one-time initial passwords to cadres of
    their county (the city administrator to cadres of any county).

    The passwords are shown once, in a dialog of the web client that prints
    and downloads them (client action ``league_initial_passwords``): they are
    never written to this wizard nor anywhere else in clear; the users keep
    only their hash and must choose their own password at first login.
    """
    _name = 'league.initial.password.wizard'
    _description = 'Issue Initial Passwords'

    cadre_ids = fields.Many2many('league.cadre', string='Cadres', required=True,
                                 default=lambda self: self._default_cadres())

    @api.model
    def _default_cadres(self):
        if self.env.context.get('active_model') != 'league.cadre':
            return self.env['league.cadre']
        return self.env['league.cadre'].browse(self.env.context.get('active_ids') or [])

    @api.multi
    def action_issue(self):
        """Give every chosen cadre a new initial password (a user is created
        for cadres without one); return the dialog that shows them once."""
        self.ensure_one()
        self.check_access_rule('write')  # the wizard of this user only
        # every chosen cadre, also archived ones and those the user cannot read:
        # they are refused, not silently left out
        cadres = self._check_cadres(
            self.sudo().with_context(active_test=False).cadre_ids.sudo(self.env.uid))
        rows = []
        for cadre in cadres:
            user = cadre.user_id
            if not user:
                user = self.env['league.import.wizard']._create_cadre_user({'name': cadre.name})
                cadre.sudo().write({'user_id': user.id})
            password = new_initial_password()
            user.sudo().write({'password': password, 'league_must_change_password': True})
            rows.append({'name': cadre.name, 'organization': cadre.organization_id.display_name,
                         'login': user.sudo().login, 'password': password})
        return {
            'type': 'ir.actions.client',
            'tag': 'league_initial_passwords',
            'name': _('Initial Passwords'),
            'target': 'new',
            'context': {},
            # a list: the web client never puts it into the address (URL)
            'params': {'rows': rows},
        }

    @api.model
    def _check_cadres(self, cadres):
        """The cadres the current user may issue passwords for, or an error
        naming the first one refused.  County administrators: active cadres of
        their own county whose user is not privileged; city administrators:
        the same rule in every county."""
        user = self.env.user
        if not user.has_group('youth_contact.group_county_admin'):
            raise AccessError(_('Only county and city administrators issue initial passwords.'))
        if not cadres:
            raise UserError(_('Choose the cadres who receive an initial password.'))
        city = user.has_group('youth_contact.group_city_admin')
        cadres.check_access_rights('write')
        cadres.check_access_rule('write')  # record rules: the county of the user
        for cadre in cadres.sudo():
            if not cadre.active:
                raise UserError(_('The cadre "%s" is archived.') % cadre.name)
            if not city and (not user.league_county_id
                             or cadre.county_id != user.league_county_id):
                raise AccessError(_('The cadre "%s" belongs to another county.') % cadre.name)
            target = cadre.user_id
            if not target:
                continue
            if not target.active:
                raise UserError(_('The user of the cadre "%s" is archived.') % cadre.name)
            if target == user or target._league_is_privileged():
                raise AccessError(_('The cadre "%s" is an administrator: only the system '
                                    'administrator sets the password of an administrator.')
                                  % cadre.name)
            if target.league_county_id != cadre.county_id:
                raise AccessError(_('The user of the cadre "%s" belongs to another county.')
                                  % cadre.name)
        return cadres.sudo()
