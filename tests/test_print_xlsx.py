# -*- coding: utf-8 -*-
"""The Excel exports on paper: each export, downloaded as the demo's users
download it, is converted to PDF by LibreOffice (Debian's
libreoffice-calc-nogui, installed by tools/setup_pdf.sh) and its pages are
counted (pdfinfo) and read (pdftotext): A4, a bounded number of pages, every
page with the whole header row of its table (no column printed on a page of
its own) and its page number."""
import io
import math
import re
import subprocess

import openpyxl
import pytest

from test_reports_http import XLSX, county_admin, report_url, web_session

#: At least this many table rows fit on a page (landscape, fitted to the width).
ROWS_PER_PAGE = 25
PAGE_NUMBER = re.compile(r'第\s*(\d+)\s*页，共\s*(\d+)\s*页')


def to_pdf(files, folder):
    """Convert the .xlsx ``files`` ({name: bytes}) with LibreOffice in one run
    (a private profile: parallel runs do not share one); {name: pdf path}."""
    for name, content in files.items():
        (folder / ('%s.xlsx' % name)).write_bytes(content)
    out = folder / 'pdf'
    try:
        subprocess.run(
            ['soffice', '-env:UserInstallation=file://%s' % (folder / 'profile'), '--headless',
             '--convert-to', 'pdf', '--outdir', str(out)]
            + [str(folder / ('%s.xlsx' % name)) for name in files],
            check=True, timeout=300, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except FileNotFoundError:
        pytest.fail('soffice not found: run tools/setup_pdf.sh (libreoffice-calc-nogui)')
    pdfs = {name: out / ('%s.pdf' % name) for name in files}
    missing = [name for name, path in pdfs.items() if not path.exists()]
    assert not missing, 'LibreOffice did not convert %s' % missing
    return pdfs


def pdf_info(path):
    info = subprocess.run(['pdfinfo', str(path)], check=True, stdout=subprocess.PIPE,
                          universal_newlines=True).stdout
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
    size = re.search(r'^Page size:\s+([\d.]+) x ([\d.]+) pts', info, re.M)
    return pages, (float(size.group(1)), float(size.group(2)))


def page_text(path, page, mode='-raw'):
    """The text of ``page``: in the order LibreOffice wrote it (``-raw``, cell
    by cell: the lines of a wrapped header follow each other), without
    spaces; or as laid out on the page (``-layout``)."""
    text = subprocess.run(['pdftotext', mode, '-f', str(page), '-l', str(page), str(path),
                           '-'], check=True, stdout=subprocess.PIPE,
                          universal_newlines=True).stdout
    return re.sub(r'\s+', '', text) if mode == '-raw' else text


def tables(content):
    """[(sheet name, header labels, number of table rows)] of an export (the
    header row is the row above the frozen panes)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    result = []
    for sheet in book.worksheets:
        header_row = int(sheet.freeze_panes[1:]) - 1
        headers = [re.sub(r'\s+', '', cell.value) for cell in sheet[header_row] if cell.value]
        result.append((sheet.title, headers, sheet.max_row - header_row))
    return result


def assert_printed(name, content, pdf, max_pages):
    pages, (width, height) = pdf_info(pdf)
    assert sorted((round(width), round(height))) == [595, 842], '%s: not A4' % name
    assert 1 <= pages <= max_pages, '%s prints on %d pages (at most %d)' % (name, pages, max_pages)
    sheets = tables(content)
    for page in range(1, pages + 1):
        text = page_text(pdf, page)
        # the whole header row of one of the tables: no column went to a page
        # of its own, the header is repeated on every page
        assert any(all(header in text for header in headers) for _s, headers, _r in sheets), \
            '%s, page %d: no complete header row of %s' % (name, page, [s[0] for s in sheets])
        assert PAGE_NUMBER.search(text).groups() == (str(page), str(pages)), (name, page)
    return pages, sheets


@pytest.fixture(scope='module')
def exports(odoo_server, rpc, tmp_path_factory):
    """The exports downloaded by the demo's city administrator (meizhou) and
    the administrator of 梅江区, converted to PDF: {name: (xlsx, pdf)}."""
    admin = rpc('admin', 'admin')
    login, county = county_admin(admin)
    city = web_session(odoo_server, 'meizhou', 'meizhou')
    own = web_session(odoo_server, login, login)
    # the city's (a county's own evaluation is not readable by another county)
    evaluation = admin('league.evaluation', 'search',
                       [('state', '=', 'published'), ('scope', '=', 'city')], limit=1)
    bulletin = admin('league.bulletin', 'search', [('evaluation_id', 'in', evaluation)], limit=1)
    halfyear = admin('league.halfyear.report', 'search', [('county_id', '=', county[0])], limit=1)
    assert evaluation and bulletin and halfyear, 'the demo data has these records'
    wanted = {
        'admins_county': (own, 'admins', None), 'admins_city': (city, 'admins', None),
        'halfyear': (own, 'halfyear', halfyear), 'ranking': (city, 'ranking', evaluation),
        'bulletin': (own, 'bulletin', bulletin), 'compliance': (city, 'compliance', None),
        'compliance_county': (own, 'compliance', None), 'problems': (city, 'problems', None),
    }
    files = {}
    for name, (session, kind, ids) in wanted.items():
        r = session.get(report_url(odoo_server, kind, ids), timeout=300)
        assert r.status_code == 200 and r.headers['Content-Type'] == XLSX, name
        files[name] = r.content
    pdfs = to_pdf(files, tmp_path_factory.mktemp('print'))
    return {name: (files[name], pdfs[name]) for name in files}


def test_forms_print_on_one_page(exports):
    """The administrator form (one row for a county, every county for the
    city) on one page; the half-year report on at most two, its figures on
    the page of their labels."""
    for name in ('admins_county', 'admins_city'):
        assert_printed(name, exports[name][0], exports[name][1], 1)
    content, pdf = exports['halfyear']
    assert_printed('halfyear', content, pdf, 2)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    header_row = int(sheet.freeze_panes[1:]) - 1
    lines = page_text(pdf, 1, '-layout').splitlines()
    figures = [(row[0].value, row[1].value) for row in sheet.iter_rows(min_row=header_row + 1)
               if row[0].value and isinstance(row[1].value, (int, float))]
    assert len(figures) > 10
    for label, value in figures:
        # label and figure on one line of the first page
        pair = re.compile(r'%s\s+%s(\s|$)' % (re.escape(label), re.escape('%g' % value)))
        assert any(pair.search(line) for line in lines), (label, value)


def test_lists_print_fitted_to_the_page_width(exports):
    """The ranking (counties and cadres), the compliance and problem lists:
    landscape pages fitted to the width, at least ROWS_PER_PAGE rows a page
    (before, the compliance list of the demo took 21 pages, the ranking 19)."""
    for name in ('ranking', 'bulletin', 'compliance', 'compliance_county', 'problems'):
        content, pdf = exports[name]
        bound = sum(math.ceil(rows / float(ROWS_PER_PAGE))
                    for _sheet, _headers, rows in tables(content))
        pages, sheets = assert_printed(name, content, pdf, bound)
        assert pdf_info(pdf)[1][0] > pdf_info(pdf)[1][1], '%s: not landscape' % name
        # every table is there
        assert pages >= len(sheets)
