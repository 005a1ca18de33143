# -*- coding: utf-8 -*-
from odoo import _, models
from odoo.exceptions import UserError

from .league_halfyear_report import FIGURE_FIELDS


class ReportHalfyearXlsx(models.AbstractModel):
    """Half-year report of a county (半年工作报告): its figures and texts."""
    _name = 'report.youth_contact_reports.halfyear_xlsx'
    _inherit = 'league.xlsx.report'
    _description = 'Half-year Report (Excel)'

    def _file_name(self, reports):
        return '%s.xlsx' % reports[:1].name

    def _build(self, book, reports):
        if len(reports) != 1:
            raise UserError(_('Export one half-year report at a time.'))
        report = reports
        states = self._labels('league.halfyear.report', 'state')
        info = self._info('%s - %s' % (report.date_from, report.date_to))
        info.append(_('Status: %s') % states.get(report.state, ''))
        # a portrait page: the figures beside their labels, the texts under
        # their labels over the width of the page
        table = book.sheet(_('Half-year Report'), report.name, info,
                           [(_('Item'), 'text', 40), (_('Figure'), 'number', 40)])
        for name in FIGURE_FIELDS:
            value = report[name]
            table.write_row([report._fields[name].get_description(self.env)['string'],
                             value if name == 'rating_avg' else int(value)])
        for name in ('work_summary', 'highlights', 'problems', 'next_steps', 'city_feedback'):
            table.skip_row()
            table.write_text_block(report._fields[name].get_description(self.env)['string'],
                                   report[name])
        table.finish(autofilter=False)
