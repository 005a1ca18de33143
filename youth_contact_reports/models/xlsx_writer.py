# -*- coding: utf-8 -*-
"""Small layer over xlsxwriter for the Excel reports: a title block (title,
period, exporting organization), a table with a frozen header row, column
widths fitted to the content (CJK characters count double) and number formats.
The workbook is the one report_xlsx creates with the options of
``league.xlsx.report.get_workbook_options`` (youth_contact's
``WORKBOOK_OPTIONS``): texts are never written as formulas or links."""
import unicodedata

from odoo.addons.youth_contact.wizard.league_import_format import HEADER_STYLE

# column kinds -> cell format options
FORMATS = {
    'text': {'valign': 'vcenter', 'border': 1},
    'wrap': {'valign': 'vcenter', 'border': 1, 'text_wrap': True},
    'int': {'num_format': '0', 'border': 1, 'valign': 'vcenter'},
    'score': {'num_format': '0.00', 'border': 1, 'valign': 'vcenter'},
    'percent': {'num_format': '0.0%', 'border': 1, 'valign': 'vcenter'},
    'date': {'num_format': 'yyyy-mm-dd', 'border': 1, 'valign': 'vcenter',
             'align': 'left'},
    'center': {'align': 'center', 'valign': 'vcenter', 'border': 1},
}
MAX_WIDTH = 60


def display_width(value):
    """Width of ``value`` in Excel character units (wide characters count 2)."""
    text = '%s' % (value if value is not None else '')
    return sum(2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1 for ch in text)


class XlsxBook(object):
    """The formats and the worksheets of a report over the xlsxwriter
    ``workbook`` (created, closed and returned by report_xlsx)."""

    def __init__(self, workbook):
        self.book = workbook
        base = {'font_name': 'SimSun', 'font_size': 11}
        self.formats = {key: self.book.add_format(dict(base, **opts))
                        for key, opts in FORMATS.items()}
        self.formats['title'] = self.book.add_format(dict(
            base, bold=True, font_size=16, align='center', valign='vcenter'))
        self.formats['info'] = self.book.add_format(dict(base, valign='vcenter'))
        self.formats['header'] = self.book.add_format(dict(base, **HEADER_STYLE))
        self.formats['section'] = self.book.add_format(dict(
            base, bold=True, valign='vcenter', border=1, bg_color='#F2F2F2'))
        for key in ('text', 'int', 'score', 'percent'):
            self.formats['total_' + key] = self.book.add_format(dict(
                base, bold=True, top=2, border=1, **{
                    k: v for k, v in FORMATS[key].items() if k != 'border'}))

    @staticmethod
    def write_text(sheet, row, col, text, fmt=None):
        """Write ``text`` as a string whatever it starts with.

        ``worksheet.write()`` turns "{=...}" into an array formula even with
        ``strings_to_formulas`` off: texts go through ``write_string`` only."""
        sheet.write_string(row, col, '%s' % (text if text is not None else ''), fmt)

    @classmethod
    def merge_text(cls, sheet, first_row, first_col, last_row, last_col, text, fmt):
        """Merge the range and write ``text`` in it as a string (``merge_range``
        writes its data with ``write()``: it gets an empty text, then the first
        cell is overwritten)."""
        sheet.merge_range(first_row, first_col, last_row, last_col, '', fmt)
        if text:
            cls.write_text(sheet, first_row, first_col, text, fmt)

    def sheet(self, name, title, info, columns):
        """Add a worksheet with its title block; returns a :class:`XlsxTable`
        whose header row is written and frozen."""
        return XlsxTable(self, self.book.add_worksheet(name[:31]), title, info, columns)


class XlsxTable(object):
    """A worksheet: title (row 1), info lines, then a table.

    ``columns`` is a list of (header, kind, minimum width); ``kind`` is a key
    of FORMATS.  Rows are lists of values in the columns' order; ``None``
    writes an empty cell, a string in a numeric column is written as text
    (e.g. "—" for "not applicable").
    """

    def __init__(self, book, sheet, title, info, columns):
        self.book, self.sheet, self.columns = book, sheet, columns
        self.widths = [max(width, display_width(header) + 2)
                       for header, _kind, width in columns]
        last = max(len(columns) - 1, 1)
        sheet.set_row(0, 30)
        book.merge_text(sheet, 0, 0, 0, last, title, book.formats['title'])
        row = 1
        for line in info:
            if isinstance(line, (list, tuple)):
                for col, text in enumerate(line):
                    book.write_text(sheet, row, col * 2, text, book.formats['info'])
            else:
                book.merge_text(sheet, row, 0, row, last, line, book.formats['info'])
            row += 1
        self.header_row = row
        for col, (header, _kind, _width) in enumerate(columns):
            book.write_text(sheet, row, col, header, book.formats['header'])
        sheet.freeze_panes(row + 1, 0)
        self.row = row + 1

    def write_row(self, values, style=None):
        """Write one row; ``style`` 'total' makes it bold with a top border,
        'section' writes values[0] over the whole row."""
        formats = self.book.formats
        if style == 'section':
            self.book.merge_text(self.sheet, self.row, 0, self.row, len(self.columns) - 1,
                                 values[0], formats['section'])
            self.row += 1
            return
        for col, ((_header, kind, _width), value) in enumerate(zip(self.columns, values)):
            fmt_key = kind
            if style == 'total':
                fmt_key = 'total_' + (kind if kind in ('int', 'score', 'percent') else 'text')
            fmt = formats[fmt_key]
            if value is None or value is False:
                self.sheet.write_blank(self.row, col, None, fmt)
            elif kind == 'date' and not isinstance(value, str):
                self.sheet.write_datetime(self.row, col, value, fmt)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                self.sheet.write_number(self.row, col, value, fmt)
            else:
                self.book.write_text(self.sheet, self.row, col, value, fmt)
            if kind != 'wrap':
                self.widths[col] = max(self.widths[col], min(display_width(value) + 2,
                                                             MAX_WIDTH))
        self.row += 1

    def finish(self, autofilter=True):
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width)
        if autofilter and self.row > self.header_row + 1:
            self.sheet.autofilter(self.header_row, 0, self.row - 1, len(self.columns) - 1)
