# -*- coding: utf-8 -*-
"""Bad input over XML-RPC (issue 11): every refusal is a clear Chinese message
(no traceback, no English word beyond the value that was refused), and nothing
is written.  As the demo's county administrator of 梅江区 (``meijiang``) and
cadre (``guyan``), with ``lang: zh_CN`` as a client sends it."""
import re
import xmlrpc.client

import pytest

CJK = re.compile('[\u4e00-\u9fff]')
LATIN_WORD = re.compile('[A-Za-z]{2,}')
QUOTED = re.compile('“[^”]*”|"[^"]*"')
PROPER_NAMES = {'QQ', 'Excel', 'WeChat', 'Weibo'}
ZH = {'lang': 'zh_CN'}


def refused(session, model, method, *args):
    """The call fails with a Chinese message; returns it."""
    with pytest.raises(xmlrpc.client.Fault) as info:
        session(model, method, *args, context=ZH)
    message = info.value.faultString
    # Odoo 11 sends a UserError/AccessError as the repr of its arguments, and a
    # ValidationError as the server's traceback ending with it: either way the
    # refusal must be one of Odoo's user errors, never a Python error.
    last = message.strip().splitlines()[-1]
    if message.startswith('Traceback'):
        assert last.startswith('odoo.exceptions.ValidationError: '), message[-800:]
        message = last[len('odoo.exceptions.ValidationError: '):]
    args_repr = re.match(r"^\('(.*)', (?:None|'')\)$", message, re.S)
    message = args_repr.group(1) if args_repr else message
    assert CJK.search(message), 'not a Chinese refusal: %s' % message[-500:]
    latin = set(LATIN_WORD.findall(QUOTED.sub('', message))) - PROPER_NAMES
    assert not latin, 'English words %s in: %s' % (latin, message)
    return message


@pytest.fixture(scope='module')
def sessions(rpc):
    return {'admin': rpc('admin', 'admin'), 'county': rpc('meijiang', 'meijiang'),
            'cadre': rpc('guyan', 'guyan')}


def test_youth_and_cadre_forms(sessions):
    admin, county = sessions['admin'], sessions['county']
    unit = admin('league.organization', 'search',
                 [('county_id.name', '=', '梅江区团委'), ('level', '=', 'unit')], limit=1)[0]
    base = {'name': '新青年', 'gender': 'male', 'mobile': '13912345670',
            'sector': 'enterprise', 'organization_id': unit}
    before = admin('league.youth', 'search_count', [])
    for vals, expected in (({'name': '   '}, '空'), ({'name': '张' * 1000}, '过长'),
                           ({'sector': 'space'}, '可选值'), ({'gender': 'x'}, '可选值'),
                           ({'birthdate': '2025-02-30'}, '日期'),
                           ({'birthdate': 'yesterday'}, '日期')):
        message = refused(county, 'league.youth', 'create', dict(base, **vals))
        assert expected in message
    assert admin('league.youth', 'search_count', []) == before
    refused(county, 'league.cadre', 'create', {
        'name': '赵六', 'organization_id': unit, 'category': 'boss', 'wechat': 'wx_x'})
    refused(county, 'league.cadre', 'create', {
        'name': '  ', 'organization_id': unit, 'category': 'full_time', 'wechat': 'wx_x'})


def test_logs_activities_and_days(sessions):
    admin, cadre = sessions['admin'], sessions['cadre']
    me = cadre('league.cadre', 'search_read', [('user_id', '=', cadre.uid)],
               ['contact_ids'])[0]
    youth = cadre('league.contact', 'read', me['contact_ids'][:1], ['youth_id'])[0]['youth_id'][0]
    log = {'cadre_id': me['id'], 'youth_ids': [(6, 0, [youth])], 'mode': 'wechat',
           'topic': 'guidance', 'content': '交流'}
    logs = admin('league.contact.log', 'search_count', [('cadre_id', '=', me['id'])])
    for vals in ({'date': '1900-01-01'}, {'date': '9999-12-31'}, {'date': '2025-13-01'},
                 {'mode': 'pigeon'}, {'content': 'x' * 30000}):
        refused(cadre, 'league.contact.log', 'create', dict(log, **vals))
    assert admin('league.contact.log', 'search_count',
                 [('cadre_id', '=', me['id'])]) == logs
    refused(cadre, 'league.activity', 'create', {
        'name': '   ', 'cadre_id': me['id'], 'date': '2025-05-01', 'kind': 'volunteer'})
    refused(cadre, 'league.activity', 'create', {
        'name': '活动', 'cadre_id': me['id'], 'date': '1900-05-01', 'kind': 'volunteer'})
    refused(cadre, 'league.grassroots.day', 'create', {
        'cadre_id': me['id'], 'date': '9999-12-31', 'place_type': 'region', 'unit': '园区',
        'work': '走访'})


def test_rating_once_per_half_year(sessions, expect_violation):
    """A second rating of the same youth, cadre and half-year is refused by the
    database's rule with its Chinese message (one rule: the SQL constraint)."""
    expect_violation('league_satisfaction_rating_once_per_period')
    admin, cadre = sessions['admin'], sessions['cadre']
    me = cadre('league.cadre', 'search_read', [('user_id', '=', cadre.uid)],
               ['contact_ids'])[0]
    youth = cadre('league.contact', 'read', me['contact_ids'][:1], ['youth_id'])[0]['youth_id'][0]
    rated = {r['period'] for r in admin('league.satisfaction', 'search_read', [
        ('cadre_id', '=', me['id']), ('youth_id', '=', youth)], ['period'])}
    year = next(y for y in range(2017, 2030) if '%d-H1' % y not in rated)
    vals = {'cadre_id': me['id'], 'youth_id': youth, 'rating': '4',
            'date': '%d-03-01' % year}
    first = cadre('league.satisfaction', 'create', vals, context=ZH)
    try:
        message = refused(cadre, 'league.satisfaction', 'create',
                          dict(vals, date='%d-05-20' % year))
        assert message == '每名青年每半年只能对同一名团干部评价一次。'
        assert admin('league.satisfaction', 'search_count', [
            ('cadre_id', '=', me['id']), ('youth_id', '=', youth),
            ('period', '=', '%d-H1' % year)]) == 1
    finally:
        admin('league.satisfaction', 'unlink', [first])
