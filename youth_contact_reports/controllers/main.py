# -*- coding: utf-8 -*-
import json

from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import content_disposition, request, serialize_exception
from odoo.tools import html_escape

from ..models.xlsx_writer import XLSX_MIME

RATING_TEMPLATE = 'youth_contact_reports.rating_page'


class YouthContactReports(http.Controller):

    # ------------------------------------------------------------------
    # Excel exports (logged-in users, their own record rules)
    # ------------------------------------------------------------------
    @http.route('/youth_contact_reports/xlsx/<string:kind>', type='http', auth='user')
    def xlsx_export(self, kind, ids=None, token=None, **kwargs):
        """The .xlsx file of the export ``kind``.  Opened by a link (GET) or
        by the web client's download (POST with a ``token``, see
        static/src/js/league_download.js): the token comes back in the
        ``fileToken`` cookie that tells the client the download is done, an
        error comes back as the JSON the client shows in a dialog."""
        try:
            id_list = [int(i) for i in (ids or '').split(',') if i.strip()]
        except ValueError:
            raise BadRequest()
        Report = request.env['league.xlsx.report']
        if kind not in Report._exports:
            return request.not_found()
        try:
            filename, content = Report.render(kind, id_list)
        except (UserError, AccessError) as error:
            if token:
                return request.make_response(html_escape(json.dumps({
                    'code': 200, 'message': 'Odoo Server Error',
                    'data': serialize_exception(error)})))
            response = request.make_response(
                error.name, headers=[('Content-Type', 'text/plain; charset=utf-8')])
            response.status_code = 400
            return response
        response = request.make_response(content, headers=[
            ('Content-Type', XLSX_MIME),
            ('Content-Disposition', content_disposition(filename)),
        ])
        if token:
            response.set_cookie('fileToken', token)
        return response

    # ------------------------------------------------------------------
    # personal rating link of a cadre (no login)
    # ------------------------------------------------------------------
    def _rating_env(self, cadre):
        """Environment rendering the page for the youth: in Chinese when it is
        installed, else in the cadre's language."""
        installed = dict(request.env['res.lang'].sudo().get_installed())
        lang = 'zh_CN' if 'zh_CN' in installed else (cadre.user_id.lang or 'en_US')
        return request.env(context=dict(request.env.context, lang=lang))

    def _rating_page(self, cadre, status, **values):
        env = self._rating_env(cadre)
        values.update(status=status, cadre=cadre, csrf_token=request.csrf_token())
        body = env['ir.ui.view'].render_template(RATING_TEMPLATE, values)
        response = request.make_response(body)
        if status == 'invalid':
            response.status_code = 404
        return response

    @http.route('/youth_contact/rate/<string:token>', type='http', auth='public',
                methods=['GET'], website=False)
    def rating_form(self, token, **kwargs):
        cadre = request.env['league.satisfaction']._link_cadre(token)
        return self._rating_page(cadre, 'form' if cadre else 'invalid')

    @http.route('/youth_contact/rate/<string:token>', type='http', auth='public',
                methods=['POST'], website=False)
    def rating_submit(self, token, mobile=None, rating=None, comment=None, **kwargs):
        Satisfaction = request.env['league.satisfaction']
        status = Satisfaction._submit_link_rating(token, mobile, rating, comment)
        cadre = Satisfaction._link_cadre(token)
        if status in ('unknown_youth', 'bad_rating'):
            return self._rating_page(cadre, 'form', error=status, mobile=mobile or '',
                                     comment=comment or '')
        return self._rating_page(cadre, status)
