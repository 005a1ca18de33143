# -*- coding: utf-8 -*-
import json

from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import content_disposition, request, serialize_exception
from odoo.tools import html_escape

from odoo.addons.report_xlsx.controllers.main import ReportController

from ..models.league_xlsx_report import LeagueXlsxReport


class LeagueReportController(ReportController):
    """The Excel reports of the addon at report_xlsx's /report/xlsx/... route,
    with the file name the report gives (in the user's language), the
    fileToken cookie of the web client's download, and a refusal (UserError,
    AccessError, MissingError) answered as the web client's report errors are: a serialized
    exception it shows in a dialog (status 400 or 403 for other clients)."""

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        Report = request.env.get('report.%s' % reportname)
        if converter != 'xlsx' or not isinstance(Report, LeagueXlsxReport):
            return super(LeagueReportController, self).report_routes(
                reportname, docids, converter, **data)
        try:
            ids = [int(i) for i in docids.split(',')] if docids else []
        except ValueError:
            raise BadRequest()
        action = request.env['ir.actions.report']._get_report_from_name(reportname)
        try:
            Report = Report.with_context(active_model=action.model)
            filename = Report._file_name(Report._get_objs_for_report(ids, {}))
            response = super(LeagueReportController, self).report_routes(
                reportname, docids, converter, **data)
        except (UserError, AccessError, MissingError) as error:
            body = html_escape(json.dumps({'code': 200, 'message': 'Odoo Server Error',
                                           'data': serialize_exception(error)}))
            response = request.make_response(body)
            response.status_code = (404 if isinstance(error, MissingError) else
                                    403 if isinstance(error, AccessError) else 400)
            return response
        response.headers['Content-Disposition'] = content_disposition(filename)
        if data.get('token'):
            response.set_cookie('fileToken', data['token'])
        return response
