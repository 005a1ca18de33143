# -*- coding: utf-8 -*-
import werkzeug.utils

from odoo import _, http, tools
from odoo.exceptions import AccessDenied, UserError
from odoo.http import request
from odoo.service import security

from odoo.addons.web.controllers.main import Home, ensure_db

#: The page where users holding an initial password choose their own.
CHANGE_PASSWORD_URL = '/web/league/change_password'


class LeagueHome(Home):

    @http.route()
    def web_login(self, redirect=None, **kw):
        """The login page in the database's language (zh_CN), not the
        browser's: it is shown before any user, and League users do not choose
        their language."""
        ensure_db()
        if request.db and not request.session.uid:
            lang = request.env['res.users'].sudo()._league_database_lang()
            if lang:
                request.session.context['lang'] = lang
                request.context = dict(request.context, lang=lang)
        return super(LeagueHome, self).web_login(redirect=redirect, **kw)

    @http.route(CHANGE_PASSWORD_URL, type='http', auth='user', methods=['GET', 'POST'],
                sitemap=False)
    def league_change_password(self, **post):
        """Choose one's own password (required while the user holds an
        initial password, see ir.http ``_league_password_gate``)."""
        values = {'must_change': request.env.user.sudo().league_must_change_password,
                  'disable_database_manager': not tools.config['list_db']}
        if request.httprequest.method == 'POST':
            error = self._league_change_password(post)
            if not error:
                return werkzeug.utils.redirect('/web', 303)
            values['error'] = error
        return request.render('youth_contact.change_password', values)

    def _league_change_password(self, post):
        """Change the password of the session's user; an error text or None."""
        old, new, confirm = (post.get(name) or '' for name in
                             ('old_password', 'new_password', 'confirm_password'))
        if not (old.strip() and new.strip() and confirm.strip()):
            return _('Fill in the current password, the new password and its confirmation.')
        if new != confirm:
            return _('The new password and its confirmation differ.')
        try:
            request.env['res.users'].change_password(old, new)
        except AccessDenied:
            return _('The current password is wrong.')
        except UserError as err:
            return err.name
        # the password is part of the session token: keep this session open
        request.session.session_token = security.compute_session_token(request.session,
                                                                       request.env)
        return None
