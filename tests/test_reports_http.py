# -*- coding: utf-8 -*-
"""The reports addon over HTTP, as users reach it: Excel downloads with the
user's own rights, the personal rating link without login."""
import io
import re

import openpyxl
import requests

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


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
    r = s.get(odoo_server + '/youth_contact_reports/xlsx/compliance', timeout=120)
    assert r.status_code == 200 and r.headers['Content-Type'] == XLSX
    assert 'attachment' in r.headers['Content-Disposition']
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert sheet.freeze_panes == 'A4'
    counties = {row[2].value for row in sheet.iter_rows(min_row=4) if isinstance(row[0].value, int)}
    assert counties == {county[1]}
    expected = admin('league.cadre', 'search_count', [('county_id', '=', county[0])])
    assert sum(1 for row in sheet.iter_rows(min_row=4) if isinstance(row[0].value, int)) == expected
    # the administrator form: one row, their county
    r = s.get(odoo_server + '/youth_contact_reports/xlsx/admins', timeout=120)
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).worksheets[0]
    assert [row[0].value for row in sheet.iter_rows(min_row=5)] == [county[1]]
    # unknown export
    assert s.get(odoo_server + '/youth_contact_reports/xlsx/nothing', timeout=60).status_code == 404


def test_exports_need_a_login(odoo_server):
    r = requests.get(odoo_server + '/youth_contact_reports/xlsx/compliance', timeout=60,
                     allow_redirects=False)
    assert r.status_code in (302, 303) and '/web/login' in r.headers['Location']


def test_rating_link(odoo_server, rpc):
    admin = rpc('admin', 'admin')
    bad = requests.get(odoo_server + '/youth_contact/rate/not-a-token', timeout=60)
    assert bad.status_code == 404
    assert '评价链接无效' in bad.text
    # a contact not rated yet this half-year
    contacts = admin('league.contact', 'search_read', [], fields=['cadre_id', 'youth_id'],
                     limit=200, order='id desc')
    rated = admin('league.satisfaction', 'search_read', [], fields=['cadre_id', 'youth_id',
                                                                   'period'])
    today = admin('league.satisfaction', 'default_get', ['date'])['date']
    period = '%s-H%d' % (today[:4], 1 if int(today[5:7]) <= 6 else 2)
    done = {(r['cadre_id'][0], r['youth_id'][0]) for r in rated if r['period'] == period}
    contact = next(c for c in contacts if (c['cadre_id'][0], c['youth_id'][0]) not in done)
    token = admin('league.cadre', 'read', [contact['cadre_id'][0]],
                  fields=['rating_token'])[0]['rating_token']
    mobile = admin('league.youth', 'read', [contact['youth_id'][0]], fields=['mobile'])[0]['mobile']
    s = requests.Session()
    form = s.get(odoo_server + '/youth_contact/rate/' + token, timeout=60)
    assert form.status_code == 200 and '评价你的团干部' in form.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)

    def post(mobile, rating):
        return s.post(odoo_server + '/youth_contact/rate/' + token, timeout=60, data={
            'csrf_token': csrf, 'mobile': mobile, 'rating': rating, 'comment': '感谢关心'}).text
    assert '不在这名团干部的联系青年名单中' in post('13000000000', '5')
    assert '感谢你的评价' in post(mobile, '4')
    assert '你已经评价过这名团干部' in post(mobile, '5')
    ratings = admin('league.satisfaction', 'search_read', [
        ('cadre_id', '=', contact['cadre_id'][0]), ('youth_id', '=', contact['youth_id'][0]),
        ('period', '=', period)], fields=['rating', 'source', 'comment'])
    assert [(r['rating'], r['source'], r['comment']) for r in ratings] == [('4', 'link', '感谢关心')]


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
