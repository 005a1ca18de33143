# -*- coding: utf-8 -*-
"""Page numbers of the printed League documents.

Debian's wkhtmltopdf is built without the patched Qt: it ignores the header
and footer options (Odoo's ``--footer-html``), so the page numbers are
stamped on the PDF afterwards, centred at the bottom as official documents
number them (— 1 —)."""
import io

from PyPDF2 import PdfFileReader, PdfFileWriter
from reportlab.pdfgen import canvas

from odoo import api, models

NUMBERED_REPORTS = ('youth_contact_reports.report_bulletin',
                    'youth_contact_reports.report_halfyear')
NUMBER_MARGIN = 22      # points from the bottom edge (about 8 mm)


def number_pages(pdf_content):
    """``pdf_content`` with "— n —" at the bottom of every page."""
    reader = PdfFileReader(io.BytesIO(pdf_content), strict=False)
    writer = PdfFileWriter()
    count = reader.getNumPages()
    for index in range(count):
        page = reader.getPage(index)
        width, height = float(page.mediaBox.getWidth()), float(page.mediaBox.getHeight())
        stamp = io.BytesIO()
        sheet = canvas.Canvas(stamp, pagesize=(width, height))
        sheet.setFont('Helvetica', 10)
        sheet.drawCentredString(width / 2, NUMBER_MARGIN, u'\u2014 %d \u2014' % (index + 1))
        sheet.save()
        page.mergePage(PdfFileReader(io.BytesIO(stamp.getvalue())).getPage(0))
        writer.addPage(page)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


class IrActionsReport(models.Model):
    _inherit = 'ir.actions.report'

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        pdf = super(IrActionsReport, self)._run_wkhtmltopdf(
            bodies, header=header, footer=footer, landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size)
        if self.report_name in NUMBERED_REPORTS:
            pdf = number_pages(pdf)
        return pdf
