# -*- coding: utf-8 -*-
from odoo import api, models


class ReportHalfyear(models.AbstractModel):
    """Values of the printed half-year report."""
    _name = 'report.youth_contact_reports.report_halfyear'
    _inherit = ['league.report.document']
    _description = 'Printed Half-year Report'

    @api.model
    def get_report_values(self, docids, data=None):
        return self._document_values('league.halfyear.report', docids)
