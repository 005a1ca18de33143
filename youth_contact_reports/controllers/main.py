# -*- coding: utf-8 -*-
from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import content_disposition, request

from ..models.xlsx_writer import XLSX_MIME


class YouthContactReports(http.Controller):

    # ------------------------------------------------------------------
    # Excel exports (logged-in users, their own record rules)
    # ------------------------------------------------------------------
    @http.route('/youth_contact_reports/xlsx/<string:kind>', type='http', auth='user')
    def xlsx_export(self, kind, ids=None, **kwargs):
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
            response = request.make_response(
                error.name, headers=[('Content-Type', 'text/plain; charset=utf-8')])
            response.status_code = 400
            return response
        return request.make_response(content, headers=[
            ('Content-Type', XLSX_MIME),
            ('Content-Disposition', content_disposition(filename)),
        ])
