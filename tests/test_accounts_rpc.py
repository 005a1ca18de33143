# -*- coding: utf-8 -*-
"""Issue 13, accounts and arrival, over XML-RPC and HTTP as the real users: who
may issue initial passwords, the Chinese login page, the change of password
that every page of a user holding an initial password leads to."""
import random
import re
import xmlrpc.client

import pytest
import requests


@pytest.fixture
def county(rpc):
    """A county of its own with a county administrator (no cadre record), two
    cadres and a county administrator who is also a cadre, and a cadre of
    another county: {name: (login, password, cadre id, user id)}."""
    admin = rpc('admin', 'admin')
    suffix = '%06d' % random.randrange(10 ** 6)
    orgs = {}
    for key in ('a', 'b'):
        county_id = admin('league.organization', 'create', {
            'name': '账号测试%s县团委%s' % ({'a': '甲', 'b': '乙'}[key], suffix), 'level': 'county'})
        orgs[key] = (county_id, admin('league.organization', 'create', {
            'name': '账号测试%s村团支部%s' % ({'a': '甲', 'b': '乙'}[key], suffix), 'level': 'unit',
            'parent_id': county_id, 'sector': 'rural'}))
    people = {}
    # Chinese names: the menu crawl of the same database fails on Latin words
    names = {'county_admin': '县管理员', 'cadre1': '干部甲', 'cadre2': '干部乙',
             'admin_cadre': '兼任管理员', 'other': '外县干部'}

    def person(key, group, county_key, cadre=True):
        login = 'acct_%s_%s' % (key, suffix)
        vals = {'name': '测试%s' % names[key], 'login': login, 'password': login, 'lang': 'zh_CN',
                'tz': 'Asia/Shanghai',
                'groups_id': [(4, admin('ir.model.data', 'xmlid_to_res_id',
                                        'youth_contact.%s' % group))]}
        if not cadre:
            vals['league_admin_county_id'] = orgs[county_key][0]
        user = admin('res.users', 'create', vals)
        cadre_id = cadre and admin('league.cadre', 'create', {
            'name': '测试%s' % names[key], 'user_id': user, 'organization_id': orgs[county_key][1],
            'category': 'other_part_time', 'wechat': 'wx_%s' % login})
        people[key] = (login, login, cadre_id, user)

    person('county_admin', 'group_county_admin', 'a', cadre=False)
    person('cadre1', 'group_cadre', 'a')
    person('cadre2', 'group_cadre', 'a')
    person('admin_cadre', 'group_county_admin', 'a')
    person('other', 'group_cadre', 'b')
    return people


def issue(session, cadre_ids):
    wizard = session('league.initial.password.wizard', 'create',
                     {'cadre_ids': [(6, 0, cadre_ids)]})
    return session('league.initial.password.wizard', 'action_issue', [wizard])


def test_issue_rights_over_rpc(rpc, county, odoo_server, test_db):
    admin = rpc('admin', 'admin')
    county_admin = rpc(*county['county_admin'][:2])
    refused = [
        (county_admin, [county['other'][2]]),                        # another county
        (county_admin, [county['cadre1'][2], county['other'][2]]),   # one of them
        (county_admin, [county['admin_cadre'][2]]),                  # an administrator
        (rpc(*county['cadre2'][:2]), [county['cadre1'][2]]),         # a cadre
    ]
    for session, cadre_ids in refused:
        with pytest.raises(xmlrpc.client.Fault):
            issue(session, cadre_ids)
    # private helpers are not callable over RPC
    for model, method, args in [
            ('league.initial.password.wizard', '_check_cadres', [[county['cadre1'][2]]]),
            ('league.import.wizard', '_create_cadre_user', [{'name': 'x'}]),
            ('res.users', '_league_update_home_action', [[county['cadre1'][3]]])]:
        with pytest.raises(xmlrpc.client.Fault, match='(?i)private'):
            county_admin(model, method, *args)
    # a cadre cannot lift the obligation of changing the password
    cadre = rpc(*county['cadre1'][:2])
    with pytest.raises(xmlrpc.client.Fault):
        cadre('res.users', 'write', [county['cadre1'][3]], {'league_must_change_password': False})
    # nothing was changed: the old passwords still work
    for key in ('cadre1', 'admin_cadre', 'other'):
        rpc(*county[key][:2])
    flags = admin('res.users', 'read', [county[k][3] for k in ('cadre1', 'admin_cadre', 'other')],
                  ['league_must_change_password'])
    assert not any(f['league_must_change_password'] for f in flags)

    action = issue(county_admin, [county['cadre1'][2], county['cadre2'][2]])
    rows = {row['login']: row['password'] for row in action['params']['rows']}
    assert set(rows) == {county['cadre1'][0], county['cadre2'][0]}
    for login, password in rows.items():
        assert re.match(r'^[a-km-zA-HJ-NP-Z2-9]{10}$', password)
        with pytest.raises(AssertionError):
            rpc(login, login)  # the old password no more
        # the initial one opens only the web client's change of password:
        # the RPC services refuse it, to log in as to call a method
        with pytest.raises(AssertionError):
            rpc(login, password)
        uid = admin('res.users', 'search', [('login', '=', login)])[0]
        with pytest.raises(xmlrpc.client.Fault, match='初始密码'):
            xmlrpc.client.ServerProxy(odoo_server + '/xmlrpc/2/object').execute_kw(
                test_db, uid, password, 'league.contact', 'search', [[]])
        answer = requests.post(odoo_server + '/jsonrpc', json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {
                'service': 'object', 'method': 'execute',
                'args': [test_db, uid, password, 'league.contact', 'search', []]}}).json()
        assert 'error' in answer and '初始密码' in str(answer['error'])


def web_login(url, login, password, lang='en-US'):
    session = requests.Session()
    session.headers['Accept-Language'] = lang
    page = session.get(url + '/web/login').text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = session.post(url + '/web/login', data={
        'login': login, 'password': password, 'csrf_token': csrf})
    return session, response


def test_login_page_in_database_language(odoo_server):
    page = requests.get(odoo_server + '/web/login',
                        headers={'Accept-Language': 'en-US,en;q=0.9'}).text
    for text in ('账号', '密码', '登录'):
        assert text in page
    for text in ('Email', 'Password', 'Log in'):
        assert '>%s<' % text not in page
    _session, response = web_login(odoo_server, 'nobody', 'wrong')
    assert '账号' in response.text and 'Wrong login/password' not in response.text


def test_initial_password_leads_to_change(odoo_server, rpc, county):
    county_admin = rpc(*county['county_admin'][:2])
    action = issue(county_admin, [county['cadre2'][2]])
    [row] = action['params']['rows']
    session, response = web_login(odoo_server, row['login'], row['password'])
    assert "window.location = '/web'" in response.text  # logged in
    response = session.get(odoo_server + '/web')
    assert response.url.endswith('/web/league/change_password')
    assert '修改密码' in response.text and '初始密码' in response.text
    # every page of the web client leads there, every RPC of it is refused
    assert session.get(odoo_server + '/web/action/load').url.endswith(
        '/web/league/change_password')
    rpc_answer = session.post(odoo_server + '/web/dataset/call_kw', json={
        'jsonrpc': '2.0', 'method': 'call', 'params': {
            'model': 'league.contact', 'method': 'search_read', 'args': [[]],
            'kwargs': {'fields': ['id']}}}).json()
    assert 'error' in rpc_answer and '初始密码' in rpc_answer['error']['data']['message']

    page = session.get(odoo_server + '/web/league/change_password').text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    change = lambda old, new, confirm: session.post(  # noqa: E731
        odoo_server + '/web/league/change_password', data={
            'old_password': old, 'new_password': new, 'confirm_password': confirm,
            'csrf_token': csrf})
    assert '新密码不能与当前密码相同' in change(row['password'], row['password'],
                                             row['password']).text
    assert '不一致' in change(row['password'], 'qingnian2026', 'qingnian2027').text
    assert '当前密码不正确' in change('wrong password', 'qingnian2026', 'qingnian2026').text
    response = change(row['password'], 'qingnian2026', 'qingnian2026')
    assert response.status_code == 200 and response.url.endswith('/web')
    # the same session goes on in the web client; the new password logs in
    assert session.get(odoo_server + '/web').url.endswith('/web')
    rpc(row['login'], 'qingnian2026')
    flag = rpc('admin', 'admin')('res.users', 'read', [county['cadre2'][3]],
                                 ['league_must_change_password'])[0]
    assert not flag['league_must_change_password']


def test_no_english_message_of_odoo_for_league_users(rpc):
    """The inbox and the #general channel of a League user hold no English
    message of Odoo (its welcome and demo discussions are removed)."""
    for login in ('meijiang', 'guyan', 'admin'):
        session = rpc(login, login)
        messages = session('mail.message', 'search_read',
                           ['|', ('needaction', '=', True), ('model', '=', 'mail.channel'),
                            '!', ('model', '=like', 'league.%')], fields=['body', 'model'])
        english = [m for m in messages if re.search(r'[A-Za-z]{4,}', re.sub('<[^>]*>', '', m['body']))]
        assert not english, (login, english[:3])
