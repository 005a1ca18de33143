# -*- coding: utf-8 -*-
"""Small layer over xlsxwriter for the Excel reports: a title block (title,
period, exporting organization), a table with a frozen header row, column
widths fitted to the content (CJK characters count double, long texts wrap),
number formats and the page setup of youth_contact's ``setup_print`` (A4,
fit to the page width, header row on every page, page numbers), the one
setup of every printed sheet of the addons.
The workbook is the one report_xlsx creates with the options of
``league.xlsx.report.get_workbook_options`` (youth_contact's
``WORKBOOK_OPTIONS``): texts are never written as formulas or links."""
from odoo.addons.youth_contact.wizard.league_import_format import (
    HEADER_STYLE, PAGE_FOOTER, display_width, row_height, setup_print, text_lines,
)

CELL = {'valign': 'vcenter', 'border': 1}
# column kinds -> cell format options; texts wrap in their column (a row
# without a height set grows with its text, in Excel as in LibreOffice)
FORMATS = {
    'text': dict(CELL, text_wrap=True),
    'wrap': dict(CELL, text_wrap=True),
    'int': dict(CELL, num_format='0'),
    'number': dict(CELL, align='left', indent=1),    # General: 12 and 4.35
    'score': dict(CELL, num_format='0.00'),
    'percent': dict(CELL, num_format='0.0%'),
    'date': dict(CELL, num_format='yyyy-mm-dd', align='left'),
    'center': dict(CELL, align='center', text_wrap=True),
}
#: Widest a column grows for its values (character units); longer texts wrap.
MAX_WIDTH = 20
#: A header wraps into at most this many lines before its column widens.
HEADER_LINES = 3


def unbreakable_width(text):
    """Width of the longest part of ``text`` that a wrapped cell cannot break:
    a word (wide characters break anywhere)."""
    widest = run = 0
    for char in '%s' % text:
        if char.isspace() or display_width(char) == 2:
            run = 0
        else:
            run += 1
            widest = max(widest, run)
    return widest


def header_width(header):
    """Width of a column for its ``header`` to wrap into at most HEADER_LINES lines."""
    return max(unbreakable_width(header), -(-display_width(header) // HEADER_LINES)) + 2


#: How the numbers of a column kind are shown (for their width).
NUMBER_TEXTS = {'int': '{:.0f}', 'score': '{:.2f}', 'percent': '{:.1%}', 'number': '{:g}'}


def shown_width(value, kind):
    """Width of ``value`` as a cell of ``kind`` shows it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and kind in NUMBER_TEXTS:
        return len(NUMBER_TEXTS[kind].format(value))
    return display_width(value)


class XlsxBook(object):
    """The formats and the worksheets of a report over the xlsxwriter
    ``workbook`` (created, closed and returned by report_xlsx); ``footer``
    is the text of the page footer with the page number (&P) and count (&N),
    in the user's language."""

    def __init__(self, workbook, footer=PAGE_FOOTER):
        self.book, self.footer = workbook, footer
        base = {'font_name': 'SimSun', 'font_size': 11}
        self.formats = {key: self.book.add_format(dict(base, **opts))
                        for key, opts in FORMATS.items()}
        self.formats['title'] = self.book.add_format(dict(
            base, bold=True, font_size=16, align='center', valign='vcenter', text_wrap=True))
        self.formats['info'] = self.book.add_format(dict(base, valign='vcenter'))
        self.formats['info_wrap'] = self.book.add_format(dict(
            base, valign='vcenter', text_wrap=True))
        self.formats['label'] = self.book.add_format(dict(
            base, bold=True, valign='vcenter', border=1, bg_color=HEADER_STYLE['bg_color']))
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
        # headers wrap: a column is as wide as its values, its header takes
        # up to HEADER_LINES lines
        self.widths = [max(width, header_width(header)) for header, _kind, width in columns]
        last = max(len(columns) - 1, 1)
        # the title block stays within the table's width (a text beyond the
        # table would be printed on a page of its own)
        width = sum(self.widths)
        sheet.set_row(0, row_height(text_lines(title, width * 11 / 16.0), 16) + 6)
        book.merge_text(sheet, 0, 0, 0, last, title, book.formats['title'])
        row = 1
        for line in info:
            if isinstance(line, (list, tuple)) and len(columns) >= 2 * len(line):
                for col, text in enumerate(line):
                    book.write_text(sheet, row, col * 2, text, book.formats['info'])
            else:
                if isinstance(line, (list, tuple)):
                    line = '\u3000\u3000'.join(line)
                lines = text_lines(line, width)
                if lines > 1:
                    sheet.set_row(row, row_height(lines))
                book.merge_text(sheet, row, 0, row, last, line, book.formats['info_wrap'])
            row += 1
        self.header_row = row
        for col, (header, _kind, _width) in enumerate(columns):
            book.write_text(sheet, row, col, header, book.formats['header'])
        sheet.freeze_panes(row + 1, 0)
        self.row = row + 1
        # {row: [(column, text)]}: the texts that wrap, for the heights of
        # their rows once the widths are known (LibreOffice does not grow a
        # row without a height set with its wrapped text)
        self.texts = {row: [(col, header) for col, (header, _k, _w) in enumerate(columns)]}

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
                self.texts.setdefault(self.row, []).append((col, value))
            if kind != 'wrap':
                self.widths[col] = max(self.widths[col], min(shown_width(value, kind) + 2,
                                                             MAX_WIDTH))
        self.row += 1

    def write_text_block(self, label, text):
        """``label`` on a row of its own, then ``text`` under it, both over the
        table's width, one row per paragraph.  A merged cell does not grow
        with its text: the height of each row is estimated from its text."""
        last = len(self.columns) - 1
        self.book.merge_text(self.sheet, self.row, 0, self.row, last, label,
                             self.book.formats['label'])
        self.row += 1
        width = sum(self.widths)
        for paragraph in ('%s' % (text or '')).split('\n'):
            self.sheet.set_row(self.row, row_height(text_lines(paragraph, width)))
            self.book.merge_text(self.sheet, self.row, 0, self.row, last, paragraph,
                                 self.book.formats['wrap'])
            self.row += 1

    def skip_row(self):
        self.row += 1

    def finish(self, autofilter=True):
        """Column widths, filter and the page setup: A4, in landscape when
        the table is wider than a portrait page, fit to the page width, the
        header row on every page, page numbers in the footer."""
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width)
        for row, texts in self.texts.items():
            lines = max(text_lines(text, self.widths[col]) for col, text in texts)
            if lines > 1:
                self.sheet.set_row(row, row_height(lines))
        if autofilter and self.row > self.header_row + 1:
            self.sheet.autofilter(self.header_row, 0, self.row - 1, len(self.columns) - 1)
        setup_print(self.sheet, self.widths, (self.header_row, self.header_row),
                    footer=self.book.footer)
