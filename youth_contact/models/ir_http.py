# -*- coding: utf-8 -*-
import werkzeug.exceptions
import werkzeug.utils

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import UserError
from odoo.http import request

from ..controllers.main import CHANGE_PASSWORD_URL

#: Pages a user holding an initial password may open (besides public pages).
OPEN_PATHS = (CHANGE_PASSWORD_URL, '/web/session/logout')
#: Pages of authentication "none" that open the web client for the session's user.
WEB_CLIENT_PATHS = ('/', '/web')


class IrHttp(models.AbstractModel):
    _inherit = 'ir.http'

    @classmethod
    def _dispatch(cls):
        response = cls._league_password_gate()
        if response is not None:
            return response
        return super(IrHttp, cls)._dispatch()

    @classmethod
    def _league_password_gate(cls):
        """While the session's user holds an initial password, every page of
        the web client leads to the change of password, and every RPC of the
        web client is refused (a response), else None."""
        uid = request.session.uid
        path = request.httprequest.path
        if not uid or not request.db or path in OPEN_PATHS:
            return None
        try:
            rule, _arguments = cls._find_handler(return_rule=True)
        except werkzeug.exceptions.NotFound:
            return None
        if rule.endpoint.routing.get('auth') != 'user' and path not in WEB_CLIENT_PATHS:
            return None
        env = api.Environment(request.cr, SUPERUSER_ID, {})
        user = env['res.users'].browse(uid).exists()
        if not (user and user.league_must_change_password):
            return None
        if request._request_type == 'json':
            context = request.context  # noqa: F841 (the user's language, found by _())
            try:
                raise UserError(_('Change your initial password first: reload the page.'))
            except UserError as err:
                return request._handle_exception(err)
        return werkzeug.utils.redirect(CHANGE_PASSWORD_URL, 303)
