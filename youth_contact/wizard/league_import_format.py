# -*- coding: utf-8 -*-
"""File format of the Excel imports: columns, templates, reading and cleaning.

Pure Python (xlsxwriter and openpyxl only, no Odoo import) so that
``tools/gen_templates.py`` writes the files under ``data/`` with the very
code the import wizard uses for its downloads.

The templates are a fixed exchange format for Chinese League offices, so their
headers, hints and list values are Chinese whatever the user's language.
Reading accepts the Chinese headers, the English field names and the list
values in Chinese or as English selection keys.

Errors found while reading are raised as :class:`ImportFileError` (file level)
or returned as :class:`CellError` (row level) with a code and parameters; the
wizard turns them into translated messages.
"""
import datetime
import io
import json
import re
import unicodedata
from collections import OrderedDict, namedtuple

import xlsxwriter

#: Marks the instruction row under the headers; the reader skips that row.
INSTRUCTION_MARK = '【填写说明】'
#: Header of the reason column of the rejected-rows file (ignored on import).
REASON_HEADER = '错误原因'
#: Width of the reason column (characters).
REASON_WIDTH = 60
#: Headers whose content the reader ignores.
IGNORED_HEADERS = (REASON_HEADER, '序号')
#: Data validation and column formats cover the rows down to this one.
TEMPLATE_ROWS = 100002
#: Files with more data rows than this are refused as a whole.
MAX_ROWS = 200000
#: Files larger than this (bytes) are refused as a whole (100,000 rows of the
#: template take about 4 MB; the web client uploads at most 25 MB).
MAX_FILE_SIZE = 20 * 1024 * 1024
#: Fixed document date, so that generated templates are byte-for-byte stable.
FIXED_DATE = datetime.datetime(2016, 7, 21)

Column = namedtuple('Column', 'key header kind required hint width aliases')
#: A formula cell in a generated file (sample files with bad rows).
Formula = namedtuple('Formula', 'text')


def col(key, header, kind='char', required=False, hint='', width=16, aliases=()):
    return Column(key, header, kind, required, hint, width, aliases)


#: The model field whose selection is the list of each list column: the
#: templates' list values are its keys' Chinese (zh_CN) labels, read from the
#: models by the wizard (``league.import.wizard._vocabularies``): one definition,
#: the models' selections and their translations.
SELECTION_FIELDS = OrderedDict([
    ('gender', ('league.youth', 'gender')),
    ('political_status', ('league.youth', 'political_status')),
    ('sector', ('league.youth', 'sector')),
    ('hardship', ('league.youth', 'hardship')),
    ('category', ('league.cadre', 'category')),
    ('channel', ('league.contact', 'channel')),
])
BOOLEANS = OrderedDict([(True, '是'), (False, '否')])
#: Extra spellings accepted for the list values besides the labels and keys
#: (normalized: see ``norm_key``).
VALUE_ALIASES = {
    'gender': {'男性': 'male', '女性': 'female', 'm': 'male', 'f': 'female'},
    'hardship': {'无': False, '否': False, '/': False, '-': False},
    'political_status': {'团员': 'league_member', '党员': 'party_member',
                         '预备党员': 'probationary'},
    'category': {'专职': 'full_time', '挂职': 'organ_part_time', '兼职': 'other_part_time'},
    'channel': {'微信群': 'wechat', '手机': 'phone', '电话联系': 'phone', '活动': 'offline'},
    'bool': {'yes': True, 'no': False, 'y': True, 'n': False, 'true': True,
             'false': False, '1': True, '0': False, '√': True, '×': False, 'x': False},
}
MOBILE_HINT = '必填，11位手机号码'
ORG_HINT = '必填，与系统中团组织名称一致；重名时写“县（市、区）/团组织”'

COLUMNS = {
    'youth': [
        col('name', '姓名', required=True, hint='必填，真实姓名', width=12),
        col('gender', '性别', 'selection', True, '必填，下拉选择：男/女', 8),
        col('birthdate', '出生日期', 'date', False, '日期，如 2000-01-31', 14),
        col('mobile', '手机号码', 'mobile', True, MOBILE_HINT + '，按手机号码更新已有青年', 16,
            ('手机号', '手机', '联系电话')),
        col('political_status', '政治面貌', 'selection', False, '下拉选择', 14),
        col('sector', '领域', 'selection', True, '必填，下拉选择', 14),
        col('unit', '工作（学习）单位', hint='单位或学校名称', width=24,
            aliases=('工作单位', '单位', '学校')),
        col('organization', '所属团组织', 'organization', True, ORG_HINT, 28, ('团组织',)),
        col('hardship', '困难类别', 'selection', False, '非困难青少年留空', 20),
    ],
    'cadre': [
        col('name', '姓名', required=True, hint='必填，真实姓名（实名注册）', width=12),
        col('mobile', '手机号码', 'mobile', True, MOBILE_HINT + '，同时作为登录账号', 16,
            ('手机号', '手机', '联系电话')),
        col('organization', '所属团组织', 'organization', True, ORG_HINT, 28, ('团组织',)),
        col('category', '干部类别', 'selection', True, '必填，下拉选择', 26, ('类别',)),
        col('position', '职务', hint='如：副书记、委员', width=14),
        col('is_leader', '领导班子成员', 'bool', False, '是/否，默认否', 14),
        col('established', '在编干部', 'bool', False, '是/否，默认否', 10),
        col('wechat', '微信号', hint='微信号、QQ号、微博账号至少填写一项', width=16, aliases=('微信',)),
        col('qq', 'QQ号', hint='数字', width=14, aliases=('QQ',)),
        col('weibo', '微博账号', hint='微博昵称或链接', width=16, aliases=('微博',)),
    ],
    'contact': [
        col('cadre_mobile', '团干部手机号码', 'mobile', True, '必填，系统中已有团干部的手机号码', 18),
        col('youth_mobile', '青年手机号码', 'mobile', True, '必填，系统中已有团员青年的手机号码', 18),
        col('date_start', '建立联系日期', 'date', False, '日期，默认为导入当天', 16,
            ('联系日期',)),
        col('channel', '联系渠道', 'selection', True, '必填，下拉选择', 12),
    ],
}

TITLES = {'youth': '团员青年', 'cadre': '团干部', 'contact': '联系关系'}
FILENAMES = {
    'youth': 'youth_import_template.xlsx',
    'cadre': 'cadre_import_template.xlsx',
    'contact': 'contact_import_template.xlsx',
}

EXAMPLES = {
    'youth': [
        ['李晓明', '男', '1998-05-20', '13800138001', '共青团员', '企业', '梅州嘉应电子科技有限公司',
         '江南街道团工委', ''],
        ['陈丽娟', '女', '2003-11-02', '13800138002', '共青团员', '学校', '东山中学',
         '梅江区/金山街道团工委', ''],
        ['张伟', '男', '2008-03-15', '13800138003', '', '农村', '', '城北镇玉水村团支部', '留守儿童'],
    ],
    'cadre': [
        ['黄志强', '13900139001', '梅江区团委', '专职团干部', '副书记', '是', '是', 'hzq_mj', '', ''],
        ['刘美玲', '13900139002', '江南街道团工委', '其他兼职团干部', '委员', '否', '否', '',
         '123456789', ''],
    ],
    'contact': [
        ['13900139001', '13800138001', '2016-08-01', '微信'],
        ['13900139001', '13800138002', '2016-08-15', '线下'],
    ],
}

NOTES = [
    '1. 请在第一个工作表中填写数据，第一行为表头，第二行为填写说明，从第三行开始逐行填写，请勿修改表头。',
    '2. 带 * 的列为必填项；下拉列表列请从列表中选择，不要自行输入其他内容。',
    '3. 手机号码为11位中国大陆手机号码，请以文本格式填写；系统按手机号码识别同一人：'
    '已存在的记录将被更新，不会重复创建；更新时留空的非必填项保持原值。',
    '4. 所属团组织须与系统中的团组织名称完全一致；县级管理员只能导入本县（市、区）的数据。',
    '5. 请勿合并单元格、使用公式或在表格中插入空行标题；日期写成 2000-01-31 或设置为日期格式。',
    '6. 导入前系统会逐行预览：新建、更新或错误（附原因）。确认后正确的行一次全部导入，'
    '错误的行可下载为Excel（带“错误原因”列），修改后重新导入。',
    '7. “填写示例”工作表仅供参考，其中的数据不会被导入。',
]
#: Width of the column of the instruction sheet (a portrait A4 page).
NOTES_WIDTH = 90


def columns(kind):
    return COLUMNS[kind]


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

def _header_label(column):
    return column.header + ('*' if column.required else '')


def _list_values(column, vocabularies):
    """The list values of ``column``: ``vocabularies`` is {column key:
    {selection key: label}} (``None``: no lists for the selection columns)."""
    if column.kind == 'bool':
        return list(BOOLEANS.values())
    if column.kind == 'selection' and vocabularies:
        return list(vocabularies[column.key].values())
    return None


#: The header cells of every table the addons write (import templates, rejected
#: rows and the exports of youth_contact_reports).
HEADER_STYLE = {'bold': True, 'bg_color': '#D9E1F2', 'border': 1, 'align': 'center',
                'valign': 'vcenter', 'text_wrap': True}

# --------------------------------------------------------------------------
# Printing: one page setup for every sheet the addons write
# --------------------------------------------------------------------------

#: xlsxwriter's paper index of A4.
PAPER_A4 = 9
#: Tables wider than this (Excel character units, the sum of the column
#: widths) print in landscape: about what a portrait A4 page holds at 100 %.
PORTRAIT_MAX_WIDTH = 95
#: Page numbers in the footer ("page 3 of 7", centred; &P and &N are the
#: spreadsheet's codes of the page number and the page count).
PAGE_FOOTER = '第 &P 页，共 &N 页'


def display_width(value):
    """Width of ``value`` in Excel character units (wide characters count 2)."""
    text = '%s' % (value if value is not None else '')
    return sum(2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1 for ch in text)


#: Height of a line of text (points) in an 11-point cell; Excel's limit of
#: a row's height.
LINE_HEIGHT = 15
MAX_ROW_HEIGHT = 409


def text_lines(text, width):
    """Number of lines ``text`` takes in a wrapped cell ``width`` characters
    wide (an estimate: lines are broken anywhere)."""
    usable = max(int(width), 1)
    return sum(max(1, -(-display_width(part) // usable))
               for part in ('%s' % (text or '')).split('\n'))


def row_height(lines, font_size=11):
    """Height (points) of a row of ``lines`` lines: the rows whose texts wrap
    get theirs set (LibreOffice does not grow a row with its wrapped text,
    nor does any spreadsheet a merged cell)."""
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * font_size / 11.0 + 3)


def setup_print(sheet, widths, header_rows, footer=PAGE_FOOTER):
    """The page setup of a printed table (exports, import templates, rejected
    rows): A4, landscape when the columns (``widths``, in character units)
    are wider than a portrait page, scaled to the page width (as many pages
    down as needed: a column never goes to a page of its own), the rows
    ``header_rows`` ((first, last), 0-based; None: none) repeated at the
    top of every page, and the page numbers in the footer (``footer``: the text with the
    &P and &N codes, centred)."""
    sheet.set_paper(PAPER_A4)
    if sum(widths) > PORTRAIT_MAX_WIDTH:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    if header_rows:
        sheet.repeat_rows(*header_rows)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.7)
    sheet.set_footer('&C' + footer, {'margin': 0.3})


def _write_table(book, sheet, cols, rows, reasons=None, validations=True, vocabularies=None):
    """Headers, instruction row and ``rows`` (lists of cell values as text)."""
    header = book.add_format(dict(HEADER_STYLE))
    required = book.add_format(dict(HEADER_STYLE, font_color='#C00000'))
    hint = book.add_format({'italic': True, 'font_color': '#7F7F7F', 'text_wrap': True,
                            'valign': 'top', 'bg_color': '#F2F2F2', 'font_size': 9})
    text = book.add_format({'num_format': '@'})
    date = book.add_format({'num_format': 'yyyy-mm-dd'})
    reason = book.add_format({'font_color': '#C00000', 'text_wrap': True})
    sheet.set_row(0, 22)
    sheet.set_row(1, 48)
    for index, column in enumerate(cols):
        # Text format for every column: mobiles and QQ numbers stay digits.
        sheet.set_column(index, index, column.width, text)
        sheet.write_string(0, index, _header_label(column),
                           required if column.required else header)
        note = column.hint
        if index == 0:
            note = INSTRUCTION_MARK + note
        sheet.write_string(1, index, note, hint)
        values = _list_values(column, vocabularies)
        if validations and values:
            sheet.data_validation(2, index, TEMPLATE_ROWS, index, {
                'validate': 'list', 'source': values,
                'error_title': '输入值无效', 'error_message': '请从下拉列表中选择。',
                'input_title': column.header, 'input_message': column.hint[:250],
            })
        elif validations and column.kind == 'date':
            sheet.data_validation(2, index, TEMPLATE_ROWS, index, {
                'validate': 'any', 'input_title': column.header,
                'input_message': column.hint[:250],
            })
    if reasons is not None:
        last = len(cols)
        sheet.set_column(last, last, REASON_WIDTH, reason)
        sheet.write_string(0, last, REASON_HEADER, required)
        sheet.write_string(1, last, '修改后可直接重新导入，此列内容不会被导入', hint)
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            _write_cell(sheet, 2 + offset, index, value, date)
        if reasons is not None:
            lines = text_lines(reasons[offset], REASON_WIDTH)
            if lines > 1:
                sheet.set_row(2 + offset, row_height(lines))
            sheet.write_string(2 + offset, len(cols), reasons[offset] or '', reason)
    sheet.freeze_panes(2, 1)
    # printed: the headers and the instructions on every page
    setup_print(sheet, [column.width for column in cols]
                + ([REASON_WIDTH] if reasons is not None else []), (0, 1))


def _write_cell(sheet, row, col, value, date_format):
    """Text as text (the usual case); numbers, dates and formulas as such."""
    if value is None or value == '':
        return
    if isinstance(value, Formula):
        sheet.write_formula(row, col, value.text)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, col, value)
    elif isinstance(value, (datetime.date, datetime.datetime)):
        sheet.write_datetime(row, col, value, date_format)
    else:
        sheet.write_string(row, col, str(value))


#: Options of every workbook the addons write (imports and exports): texts are
#: written as texts, never turned into formulas (xlsxwriter would write a user
#: text "=HYPERLINK(...)" as a formula that runs in Excel), numbers or links.
#: Texts starting with + - @ are plain shared strings as well.
WORKBOOK_OPTIONS = {'in_memory': True, 'strings_to_numbers': False,
                    'strings_to_formulas': False, 'strings_to_urls': False}


def new_workbook(output):
    """An xlsxwriter workbook writing into ``output`` with :data:`WORKBOOK_OPTIONS`.

    Every workbook of the addons is created here or, for the Excel reports of
    ``youth_contact_reports``, by report_xlsx with the same options
    (``league.xlsx.report.get_workbook_options``); formulas are written
    explicitly only (``write_formula``, :class:`Formula`)."""
    return xlsxwriter.Workbook(output, dict(WORKBOOK_OPTIONS))


def _new_book(output, title):
    book = new_workbook(output)
    book.set_properties({'title': title, 'author': '共青团梅州市委员会',
                         'created': FIXED_DATE})
    return book


def build_workbook(kind, rows, reasons=None, examples=False, vocabularies=None):
    """An .xlsx in the template layout with ``rows`` as data.

    ``reasons`` (one text per row) adds the reason column of rejected rows;
    ``examples`` adds the example and instruction sheets of the template;
    ``vocabularies`` ({column key: {selection key: Chinese label}}, see
    :data:`SELECTION_FIELDS`) gives the drop-down lists of the list columns.
    """
    cols = columns(kind)
    output = io.BytesIO()
    book = _new_book(output, '%s导入模板' % TITLES[kind])
    sheet = book.add_worksheet(TITLES[kind])
    _write_table(book, sheet, cols, rows, reasons=reasons, vocabularies=vocabularies)
    if examples:
        sample = book.add_worksheet('填写示例')
        _write_table(book, sample, cols, EXAMPLES[kind], validations=False)
        notes = book.add_worksheet('填写说明')
        bold = book.add_format({'bold': True, 'font_size': 14})
        wrap = book.add_format({'text_wrap': True, 'valign': 'top'})
        notes.set_column(0, 0, NOTES_WIDTH, wrap)
        setup_print(notes, [NOTES_WIDTH], None)
        notes.write_string(0, 0, '%s导入模板填写说明' % TITLES[kind], bold)
        lines = list(NOTES) + [''] + [
            '%s可选值：%s' % (column.header, '、'.join(values)) for column, values in (
                (column, _list_values(column, vocabularies)) for column in cols) if values]
        for index, line in enumerate(lines, 1):
            if line:
                notes.set_row(index, row_height(text_lines(line, NOTES_WIDTH)))
                notes.write_string(index, 0, line, wrap)
    book.close()
    return output.getvalue()


def build_template(kind, vocabularies):
    """The empty import template of ``kind`` (youth, cadre, contact) with the
    list values of ``vocabularies`` (see :func:`build_workbook`)."""
    return build_workbook(kind, [], examples=True, vocabularies=vocabularies)


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

class ImportFileError(Exception):
    """The file as a whole cannot be imported: ``code`` and its parameters."""

    def __init__(self, code, **params):
        super(ImportFileError, self).__init__(code, params)
        self.code = code
        self.params = params


class CellError(object):
    """A cell that cannot be read: ``code`` and parameters (row level)."""
    __slots__ = ('code', 'params')

    def __init__(self, code, **params):
        self.code = code
        self.params = params

    def __repr__(self):
        return 'CellError(%r, %r)' % (self.code, self.params)


_SPACES = re.compile(r'\s+')
#: Excel's escape of a character in a cell text (``_x0007_``: BEL; ``_x005F_``: '_'),
#: left as literal text by openpyxl's read-only reader.
_ESCAPED = re.compile('_x([0-9A-Fa-f]{4})_')
#: Control characters dropped from cell texts (tab and line breaks are kept),
#: the same as the models' ``league_input_mixin``.
CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


def unescape(text):
    """``text`` with Excel's ``_xHHHH_`` escapes decoded and control characters dropped."""
    # an XML cell cannot hold control characters other than tab and line
    # breaks: they only come escaped
    if '_x' in text:
        text = CONTROL.sub('', _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text))
    return text


def norm_key(value):
    """Comparison key of a header, list value or organization name."""
    value = unicodedata.normalize('NFKC', str(value))
    return _SPACES.sub('', value).replace('*', '').casefold()


def _header_index(cols):
    index = {}
    for column in cols:
        for name in (column.header, column.key) + tuple(column.aliases):
            index[norm_key(name)] = column
    return index


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _merged_ranges(book, sheet):
    """Merged ranges of a read-only sheet (read from the sheet's XML)."""
    path = getattr(sheet, '_worksheet_path', None)
    archive = getattr(book, '_archive', None)
    if not path or archive is None:
        return []
    data = archive.read(path)
    return re.findall(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z0-9:]+)"', data)


def read_rows(data, kind):
    """Read the first sheet of an .xlsx file.

    Returns ``(present, rows)``: the keys of the columns found in the header
    row, and a list of ``(row_number, {key: raw value})`` for every non-blank
    data row.  Raises :class:`ImportFileError` for a file that cannot be
    read as a whole: any error while reading a damaged file (zip, deflate,
    XML, openpyxl: ``zlib.error``, ``BadZipFile``, ``KeyError``, ``ValueError``...)
    is the "not an Excel workbook" answer.
    """
    if not data:
        raise ImportFileError('empty_file')
    if len(data) > MAX_FILE_SIZE:
        raise ImportFileError('too_big', limit=MAX_FILE_SIZE // (1024 * 1024))
    if data[:8] == b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1':
        raise ImportFileError('xls')
    if data[:2] != b'PK':
        raise ImportFileError('not_xlsx')
    import openpyxl  # imported here: the templates only need xlsxwriter
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                      keep_links=False)
    except Exception:  # a zip that is not a workbook: many possible errors
        raise ImportFileError('not_xlsx')
    try:
        return _read_book(book, kind)
    except ImportFileError:
        raise
    except Exception:  # damaged inside: compressed data, XML, cell values
        raise ImportFileError('not_xlsx')
    finally:
        try:
            book.close()
        except Exception:  # closing a damaged archive: nothing left to do
            pass


def _read_book(book, kind):
    if not book.worksheets:
        raise ImportFileError('empty_sheet')
    sheet = book.worksheets[0]
    merged = _merged_ranges(book, sheet)
    if merged:
        raise ImportFileError('merged', sheet=sheet.title,
                              ranges=', '.join(r.decode() for r in merged[:5]))
    sheet.reset_dimensions()
    return _read_sheet(sheet, kind)


def _read_sheet(sheet, kind):
    cols = columns(kind)
    by_name = _header_index(cols)
    ignored = {norm_key(h) for h in IGNORED_HEADERS}
    rows_iter = sheet.iter_rows(values_only=True)
    header, header_no = None, 0
    # The header is the first non-blank row (a title row above it is tolerated
    # when it does not look like a header).
    for number, values in enumerate(rows_iter, 1):
        cells = [v for v in values if not _is_blank(v)]
        if not cells:
            continue
        if sum(1 for v in cells if norm_key(v) in by_name) >= min(2, len(cols)):
            header, header_no = values, number
            break
        if number >= 10 or len(cells) > 1:
            raise ImportFileError('wrong_headers', sheet=sheet.title,
                                  expected='、'.join(c.header for c in cols))
    if header is None:
        raise ImportFileError('empty_sheet', sheet=sheet.title)
    positions, unknown, seen = [], [], {}
    for index, value in enumerate(header):
        if _is_blank(value):
            continue
        key = norm_key(value)
        if key in ignored:
            continue
        column = by_name.get(key)
        if column is None:
            unknown.append(str(value).strip())
            continue
        if column.key in seen:
            raise ImportFileError('duplicate_header', header=column.header)
        seen[column.key] = index
        positions.append((index, column.key))
    missing = [c.header for c in cols if c.required and c.key not in seen]
    if missing or unknown:
        raise ImportFileError('wrong_headers', sheet=sheet.title,
                              missing='、'.join(missing), unknown='、'.join(unknown),
                              expected='、'.join(c.header for c in cols))
    width = len(header)
    used = {index for index, _key in positions}
    ignored_positions = {i for i, v in enumerate(header) if not _is_blank(v) and i not in used}
    rows = []
    first = True
    for number, values in enumerate(rows_iter, header_no + 1):
        if first:
            first = False
            lead = next((v for v in values if not _is_blank(v)), None)
            if isinstance(lead, str) and lead.strip().startswith((INSTRUCTION_MARK, '说明')):
                continue
        if all(_is_blank(v) for v in values):
            continue
        record = {key: values[index] if index < len(values) else None
                  for index, key in positions}
        stray = [i for i in range(width, len(values)) if not _is_blank(values[i])]
        stray += [i for i in range(min(width, len(values)))
                  if i not in used and i not in ignored_positions and not _is_blank(values[i])]
        if stray:
            record['__stray__'] = stray[0]
        rows.append((number, record))
        if len(rows) > MAX_ROWS:
            raise ImportFileError('too_many_rows', limit=MAX_ROWS)
    if not rows:
        raise ImportFileError('no_rows', sheet=sheet.title)
    return [key for _index, key in positions], rows


# --------------------------------------------------------------------------
# Rows kept between the jobs of a confirmation
# --------------------------------------------------------------------------

#: Tags of the cell values that JSON has no type for (openpyxl's values).
_CELL_TYPES = (
    ('dt', datetime.datetime, datetime.datetime.isoformat,
     lambda text: datetime.datetime.strptime(text, '%Y-%m-%dT%H:%M:%S.%f' if '.' in text
                                             else '%Y-%m-%dT%H:%M:%S')),
    ('d', datetime.date, datetime.date.isoformat,
     lambda text: datetime.datetime.strptime(text, '%Y-%m-%d').date()),
    ('t', datetime.time, datetime.time.isoformat,
     lambda text: datetime.datetime.strptime(text, '%H:%M:%S.%f' if '.' in text
                                             else '%H:%M:%S').time()),
    ('td', datetime.timedelta, datetime.timedelta.total_seconds,
     lambda seconds: datetime.timedelta(seconds=seconds)),
)
_CELL_LOADERS = {tag: load for tag, _type, _dump, load in _CELL_TYPES}


def _dump_cell(value):
    for tag, type_, dump, _load in _CELL_TYPES:   # datetime before its base class date
        if isinstance(value, type_):
            return {'~': tag, 'v': dump(value)}
    raise TypeError(type(value).__name__)


def _load_cell(obj):
    tag = obj.get('~')
    return _CELL_LOADERS[tag](obj['v']) if tag in _CELL_LOADERS and len(obj) == 2 else obj


def dump_record(record):
    """A row of :func:`read_rows` (``{key: cell value}``) as JSON text, the
    cell values of every type kept (dates, times), so that the row checked
    by a later job is the row read from the file."""
    return json.dumps(record, ensure_ascii=False, default=_dump_cell)


def load_record(text):
    """The row that :func:`dump_record` wrote."""
    return json.loads(text, object_hook=_load_cell)


# --------------------------------------------------------------------------
# Cleaning cell values
# --------------------------------------------------------------------------

MOBILE_RE = re.compile(r'^1[3-9]\d{9}$')
_MOBILE_JUNK = re.compile(r'[\s\-()（）.—–－]')
_DATE_FORMATS = ('%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d', '%Y年%m月%d日', '%Y%m%d',
                 '%Y-%m-%d %H:%M:%S', '%Y/%m/%d %H:%M:%S', '%Y-%m-%d %H:%M')
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_ISO_DATE = re.compile(r'^(\d{4})-(\d{1,2})-(\d{1,2})$')


def is_formula(value):
    return isinstance(value, str) and value.startswith('=') and len(value) > 1


def as_text(value):
    """Cell value as stripped text ('' for blank); whole numbers without '.0'."""
    if value.__class__ is str:   # most cells: no type test below applies
        return unescape(value).strip().strip('\u200b\ufeff').strip()
    if value is None:
        return ''
    if isinstance(value, bool):
        return '是' if value else '否'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(' ')
    if isinstance(value, datetime.date):
        return value.isoformat()
    # str.strip() also removes full-width and no-break spaces.
    return unescape(str(value)).strip().strip('\u200b\ufeff').strip()


def raw_text(value):
    """The cell as the user typed it, for the rejected-rows file."""
    return as_text(value)


def normalize_mobile(text):
    """The one rule of the application for a typed mobile number (forms, API
    and Excel import alike): full-width characters made ASCII, spaces,
    dashes, dots and brackets removed, a +86/0086/86 country code dropped.
    The result is valid when it matches ``MOBILE_RE``."""
    text = unicodedata.normalize('NFKC', text)
    text = _MOBILE_JUNK.sub('', text)
    for prefix in ('+86', '0086'):
        if text.startswith(prefix):
            return text[len(prefix):]
    if text.startswith('86') and len(text) == 13:
        return text[2:]
    return text


def clean_mobile(value):
    """11-digit mainland mobile, or CellError('mobile')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = normalize_mobile(as_text(value))
    if not MOBILE_RE.match(text):
        return CellError('mobile', value=as_text(value))
    return text


def clean_date(value):
    """A date from a date cell, an Excel serial number or a text, or CellError('date')."""
    if isinstance(value, datetime.datetime):
        result = value.date()
    elif isinstance(value, datetime.date):
        result = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            return CellError('date', value=as_text(value))
        result = _EXCEL_EPOCH + datetime.timedelta(days=int(value))
    else:
        text = unicodedata.normalize('NFKC', as_text(value))
        text = _SPACES.sub(' ', text)
        result = None
        iso = _ISO_DATE.match(text)
        if iso:   # the usual text (the template's format): no strptime
            try:
                result = datetime.date(*map(int, iso.groups()))
            except ValueError:
                return CellError('date', value=as_text(value))
        elif re.match(r'^\d{5}(\.0+)?$', text):
            result = _EXCEL_EPOCH + datetime.timedelta(days=int(float(text)))
        for fmt in _DATE_FORMATS:
            if result:
                break
            try:
                result = datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        if result is None:
            return CellError('date', value=as_text(value))
    # the possible dates are the models' rule (league_input_mixin, birth dates)
    return result


def choice_lookup(vocabulary, aliases=None):
    """Dictionary norm_key(label, key or alias) -> key, for cleaning list cells."""
    lookup = {}
    for code, label in vocabulary.items():
        lookup[norm_key(code)] = code
        lookup[norm_key(label)] = code
    for label, code in (aliases or {}).items():
        lookup.setdefault(norm_key(label), code)
    return lookup
