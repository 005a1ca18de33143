# -*- coding: utf-8 -*-
"""The youth's personal page of a contact: ``/youth/<token>``, without login.

- the token is the only input that designates records: the contact, its
  cadre and youth come from it; what the youth types (answers, texts, keys)
  never names a record;
- an unknown and a revoked token get the same page and status (404), so a
  wrong token learns nothing;
- every request is throttled per token and per client address
  (``league.youth.page.attempt``): behind a reverse proxy, run Odoo with
  ``proxy_mode = True`` so that ``request.httprequest.remote_addr`` is the
  youth's address (X-Forwarded-For) and not the proxy's;
- the POST forms carry Odoo's CSRF token (checked by Odoo before the handler).
"""
from odoo import http
from odoo.http import request

PAGE_TEMPLATE = 'youth_contact.youth_page'
#: the fields of the forms (anything else posted is ignored); ``kind`` of a
#: concern is a kind other than 意见建议 or, for an opinion or suggestion, its
#: youth voice kind (suggestion, opinion, idea: league.contact._youth_page_kinds)
POST_FIELDS = ('kind', 'text', 'rating', 'comment')
PAGE_HEADERS = [
    ('Content-Type', 'text/html; charset=utf-8'),
    ('Cache-Control', 'no-store'),
    ('Referrer-Policy', 'no-referrer'),   # the link never leaks to another site
    ('X-Robots-Tag', 'noindex, nofollow'),
]


class YouthPage(http.Controller):

    def _page_env(self):
        """The environment rendering the page: in Chinese when it is installed."""
        installed = dict(request.env['res.lang'].sudo().get_installed())
        lang = 'zh_CN' if 'zh_CN' in installed else 'en_US'
        return request.env(context=dict(request.env.context, lang=lang))

    def _render(self, status, values=None, http_status=200):
        env = self._page_env()
        values = dict(values or {}, status=status, csrf_token=request.csrf_token())
        body = env['ir.ui.view'].render_template(PAGE_TEMPLATE, values)
        response = request.make_response(body, headers=PAGE_HEADERS)
        response.status_code = http_status
        return response

    def _contact(self, token):
        """(contact or empty, response to send instead or None): the throttling
        comes first, so that it answers the same for every token."""
        env = self._page_env()
        address = request.httprequest.remote_addr or ''
        if not env['league.youth.page.attempt'].sudo()._youth_page_allowed(token, address):
            return None, self._render('throttled', http_status=429)
        contact = env['league.contact']._youth_page_contact(token)
        if not contact:
            return None, self._render('invalid', http_status=404)
        return contact.with_env(contact.env(context=env.context)), None

    @http.route('/youth/<string:token>', type='http', auth='public', methods=['GET'],
                website=False)
    def youth_page(self, token, **kwargs):
        contact, refusal = self._contact(token)
        if refusal:
            return refusal
        return self._render('page', contact._youth_page_values())

    @http.route('/youth/<string:token>', type='http', auth='public', methods=['POST'],
                website=False)
    def youth_page_post(self, token, action=None, **post):
        contact, refusal = self._contact(token)
        if refusal:
            return refusal
        params = {name: post.get(name) for name in POST_FIELDS}
        message = contact._youth_page_post(action, params)
        contact.invalidate_cache()
        return self._render('page', dict(contact._youth_page_values(), message=message))
