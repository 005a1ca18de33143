# -*- coding: utf-8 -*-
from odoo import _, models
from odoo.exceptions import UserError


class ReportBulletinXlsx(models.AbstractModel):
    """The ranking bulletin printed from a bulletin: its evaluation's ranking."""
    _name = 'report.youth_contact_reports.bulletin_xlsx'
    _inherit = 'report.youth_contact_reports.ranking_xlsx'
    _description = 'Bulletin Ranking (Excel)'

    def _file_name(self, bulletins):
        return super(ReportBulletinXlsx, self)._file_name(bulletins[:1].evaluation_id)

    def _build(self, book, bulletins):
        if len(bulletins) != 1:
            raise UserError(_('Export one bulletin at a time.'))
        super(ReportBulletinXlsx, self)._build(book, bulletins.evaluation_id)
