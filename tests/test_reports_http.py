# -*- coding: utf-8 -*-
"""The reports addon over HTTP, as users reach it: Excel downloads with the
user's own rights (the youth's page: tests/test_youth_page_http.py)."""
import html
import io
import json
import re
from urllib.parse import quote

import openpyxl
import requests

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


def report_url(url, name, ids=None):
    """URL of the Excel report ``name`` (report_xlsx) of ``ids`` (none: every
    record the user may read)."""
    url = '%s/report/xlsx/youth_contact_reports.%s_xlsx' % (url, name)
    return url + ('/' + ','.join(str(i) for i in ids) if ids else '')


def web_form_login(url, login, password):
    """(session, accepted) after posting the web login form as ``login``."""
    s = requests.Session()
    page = s.get(url + '/web/login', timeout=60).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = s.post(url + '/web/login', timeout=120, data={
        'login': login, 'password': password, 'csrf_token': csrf})
    assert r.status_code == 200
    # Odoo 11 answers a successful login with a page redirecting in JavaScript,
    # a refused one with the login form again
    return s, 'name="password"' not in r.text


def web_session(url, login, password):
    s, accepted = web_form_login(url, login, password)
    assert accepted, 'login %s refused' % login
    return s


def county_admin(admin):
    """The demo administrator of 梅江区 (password = login) and their county.

    Other end-to-end tests create county administrators of counties of their
    own, without evaluation results: take the demo one by its login.
    """
    county_group = admin('ir.model.data', 'xmlid_to_res_id', 'youth_contact.group_county_admin')
    users = admin('res.users', 'search_read', [
        ('login', '=', 'meijiang'), ('groups_id', 'in', [county_group])],
        fields=['login', 'league_county_id'])
    assert users and users[0]['league_county_id'], 'no demo county administrator meijiang'
    return users[0]['login'], users[0]['league_county_id']


def test_county_admin_downloads_only_own_county(odoo_server, rpc):
    admin = rpc('admin', 'admin')
    login, county = county_admin(admin)
    s = web_session(odoo_server, login, login)
    r = s.get(report_url(odoo_server, 'compliance'), timeout=120)
    assert r.status_code == 200 and r.headers['Content-Type'] == XLSX
    # the file name in the user's language (the demo users work in Chinese)
    disposition = r.headers['Content-Disposition']
    assert 'attachment' in disposition
    assert quote('团干部落实情况清单') in disposition and disposition.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert sheet.freeze_panes == 'A4'
    counties = {row[2].value for row in sheet.iter_rows(min_row=4) if isinstance(row[0].value, int)}
    assert counties == {county[1]}
    expected = admin('league.cadre', 'search_count', [('county_id', '=', county[0])])
    assert sum(1 for row in sheet.iter_rows(min_row=4) if isinstance(row[0].value, int)) == expected
    # the administrator form: one row, their county
    r = s.get(report_url(odoo_server, 'admins'), timeout=120)
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert [row[0].value for row in sheet.iter_rows(min_row=5)] == [county[1]]
    # his own cadres by id; a cadre of another county is refused, with the
    # serialized error the web client shows in a dialog
    own = admin('league.cadre', 'search', [('county_id', '=', county[0])], limit=2)
    other = admin('league.cadre', 'search', [('county_id', '!=', county[0])], limit=1)
    assert own and other
    r = s.get(report_url(odoo_server, 'compliance', own), timeout=120)
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert sum(1 for row in sheet.iter_rows(min_row=4) if isinstance(row[0].value, int)) == len(own)
    r = s.get(report_url(odoo_server, 'compliance', own + other), timeout=120)
    assert r.status_code == 403 and r.headers['Content-Type'] != XLSX
    error = json.loads(html.unescape(r.text))
    assert error['data']['exception_type'] == 'access_error'
    # the ranking of a draft evaluation (the city's): the reason, not a file
    draft = admin('league.evaluation', 'create', {
        'name': 'HTTP草稿考核', 'date_from': '2025-01-01', 'date_to': '2025-06-30'})
    assert s.get(report_url(odoo_server, 'ranking', [draft]), timeout=120).status_code == 403
    r = web_session(odoo_server, 'meizhou', 'meizhou').get(
        report_url(odoo_server, 'ranking', [draft]), timeout=120)
    assert r.status_code == 400
    assert json.loads(html.unescape(r.text))['data']['exception_type'] == 'user_error'
    admin('league.evaluation', 'unlink', [draft])


def test_a_cadre_cannot_print_the_administrator_form(odoo_server):
    s = web_session(odoo_server, 'guyan', 'guyan')      # a demo cadre of 梅江区
    assert s.get(report_url(odoo_server, 'admins'), timeout=120).status_code == 403
    # the compliance list of a cadre: his own line
    r = s.get(report_url(odoo_server, 'compliance'), timeout=120)
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert sum(1 for row in sheet.iter_rows(min_row=4) if isinstance(row[0].value, int)) == 1


def test_exports_need_a_login(odoo_server):
    r = requests.get(report_url(odoo_server, 'compliance'), timeout=60,
                     allow_redirects=False)
    assert r.status_code in (302, 303) and '/web/login' in r.headers['Location']


def test_county_admin_reads_only_own_results(rpc):
    admin = rpc('admin', 'admin')
    login, county = county_admin(admin)
    user = rpc(login, login)
    # the city's (a county's self-evaluation is read by that county only)
    published = admin('league.evaluation', 'search', [('state', '=', 'published'),
                                                      ('scope', '=', 'city')], limit=1)
    assert published, 'the demo data has a published evaluation'
    lines = user('league.evaluation.line', 'search_read', [('evaluation_id', '=', published[0])],
                 fields=['county_id'])
    assert lines and {line['county_id'][0] for line in lines} == {county[0]}
    # the county ranking and the bulletin are public
    counties = user('league.evaluation.county', 'search_count',
                    [('evaluation_id', '=', published[0])])
    assert counties == admin('league.evaluation.county', 'search_count',
                             [('evaluation_id', '=', published[0])])
    assert user('league.bulletin', 'search_count', []) >= 1
