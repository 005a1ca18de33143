# -*- coding: utf-8 -*-
"""Small layer over xlsxwriter for the exports: a title block (title, period,
exporting organization), a table with a frozen header row, column widths
fitted to the content (CJK characters count double) and number formats."""
import io
import unicodedata

import xlsxwriter

XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

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
    """One workbook in memory; ``content()`` returns the .xlsx bytes."""

    def __init__(self):
        self._buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self._buffer, {'in_memory': True})
        base = {'font_name': 'SimSun', 'font_size': 11}
        self.formats = {key: self.book.add_format(dict(base, **opts))
                        for key, opts in FORMATS.items()}
        self.formats['title'] = self.book.add_format(dict(
            base, bold=True, font_size=16, align='center', valign='vcenter'))
        self.formats['info'] = self.book.add_format(dict(base, valign='vcenter'))
        self.formats['header'] = self.book.add_format(dict(
            base, bold=True, align='center', valign='vcenter', border=1, text_wrap=True,
            bg_color='#D9E1F2'))
        self.formats['section'] = self.book.add_format(dict(
            base, bold=True, valign='vcenter', border=1, bg_color='#F2F2F2'))
        for key in ('text', 'int', 'score', 'percent'):
            self.formats['total_' + key] = self.book.add_format(dict(
                base, bold=True, top=2, border=1, **{
                    k: v for k, v in FORMATS[key].items() if k != 'border'}))

    def sheet(self, name, title, info, columns):
        """Add a worksheet with its title block; returns a :class:`XlsxTable`
        whose header row is written and frozen."""
        return XlsxTable(self, self.book.add_worksheet(name[:31]), title, info, columns)

    def content(self):
        self.book.close()
        return self._buffer.getvalue()


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
        sheet.merge_range(0, 0, 0, last, title, book.formats['title'])
        row = 1
        for line in info:
            if isinstance(line, (list, tuple)):
                for col, text in enumerate(line):
                    sheet.write(row, col * 2, text, book.formats['info'])
            else:
                sheet.merge_range(row, 0, row, last, line, book.formats['info'])
            row += 1
        self.header_row = row
        for col, (header, _kind, _width) in enumerate(columns):
            sheet.write(row, col, header, book.formats['header'])
        sheet.freeze_panes(row + 1, 0)
        self.row = row + 1

    def write_row(self, values, style=None):
        """Write one row; ``style`` 'total' makes it bold with a top border,
        'section' writes values[0] over the whole row."""
        formats = self.book.formats
        if style == 'section':
            self.sheet.merge_range(self.row, 0, self.row, len(self.columns) - 1,
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
                self.sheet.write_string(self.row, col, '%s' % value, fmt)
            if kind != 'wrap':
                self.widths[col] = max(self.widths[col], min(display_width(value) + 2,
                                                             MAX_WIDTH))
        self.row += 1

    def finish(self, autofilter=True):
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width)
        if autofilter and self.row > self.header_row + 1:
            self.sheet.autofilter(self.header_row, 0, self.row - 1, len(self.columns) - 1)
