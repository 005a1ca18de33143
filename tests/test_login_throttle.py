# -*- coding: utf-8 -*-
"""Login throttling (OCA auth_brute_force) on a real server, as an attacker
guessing passwords would meet it: over XML-RPC and the web login form.

With ``auth_brute_force.max_by_ip_user`` = N, an address may fail N times
in a row with a login; the next attempt is refused even with the right
password.  The ban stays until a
system administrator deletes the failed attempts or whitelists the address.
Every request of these tests comes from 127.0.0.1: the attempts of the test
logins are deleted at the end, so that the address is not banned for the
other tests.
"""
import random
import xmlrpc.client

import pytest

from test_reports_http import web_form_login


def web_login(url, login, password):
    """True when the web login form lets ``login`` in."""
    s, accepted = web_form_login(url, login, password)
    if not accepted:
        return False
    info = s.post(url + '/web/session/get_session_info', timeout=60, json={
        'jsonrpc': '2.0', 'method': 'call', 'params': {}}).json()
    return bool(info.get('result', {}).get('uid'))


@pytest.fixture
def throttle(odoo_server, test_db, rpc):
    """(admin, limit, make_user): fresh internal users whose password is their
    login; their attempts are deleted afterwards."""
    admin = rpc('admin', 'admin')
    limit = int(admin('ir.config_parameter', 'get_param', 'auth_brute_force.max_by_ip_user'))
    assert limit >= 3
    tag = '%06d' % random.randrange(10 ** 6)
    group_user = admin('ir.model.data', 'xmlid_to_res_id', 'base.group_user')
    logins = []

    def make_user(name):
        login = 'throttle_%s_%s' % (name, tag)
        admin('res.users', 'create', {'name': login, 'login': login, 'password': login,
                                      'groups_id': [(6, 0, [group_user])]})
        logins.append(login)
        return login

    yield admin, limit, make_user
    attempts = admin('res.authentication.attempt', 'search', [('login', 'in', logins)])
    admin('res.authentication.attempt', 'unlink', attempts)
    for login in logins:
        # the address is usable again for these logins too
        assert xmlrpc.client.ServerProxy(odoo_server + '/xmlrpc/2/common').authenticate(
            test_db, login, login, {})
    admin('res.authentication.attempt', 'unlink', admin(
        'res.authentication.attempt', 'search', [('login', 'in', logins)]))


def results(admin, login):
    return [a['result'] for a in admin('res.authentication.attempt', 'search_read',
                                       [('login', '=', login)], fields=['result'],
                                       order='id')]


def test_xmlrpc_bad_passwords_ban_the_address(odoo_server, test_db, throttle):
    admin, limit, make_user = throttle
    common = xmlrpc.client.ServerProxy(odoo_server + '/xmlrpc/2/common')
    models = xmlrpc.client.ServerProxy(odoo_server + '/xmlrpc/2/object', allow_none=True)
    # N - 1 failures: the right password still works (and resets the count)
    ok = make_user('ok')
    for _i in range(limit - 1):
        assert common.authenticate(test_db, ok, 'wrong', {}) is False
    assert common.authenticate(test_db, ok, ok, {})
    assert results(admin, ok) == ['failed'] * (limit - 1) + ['successful']
    # N failures: the next attempt is refused even with the right password,
    # through every entry point that checks a password
    banned = make_user('banned')
    uid = admin('res.users', 'search', [('login', '=', banned)])[0]
    for _i in range(limit):
        assert common.authenticate(test_db, banned, 'wrong', {}) is False
    assert common.authenticate(test_db, banned, banned, {}) is False
    assert common.login(test_db, banned, banned) is False
    with pytest.raises(xmlrpc.client.Fault) as refused:
        models.execute_kw(test_db, uid, banned, 'res.users', 'read', [[uid], ['login']])
    assert 'access denied' in refused.value.faultString.lower()
    assert results(admin, banned) == ['failed'] * limit + ['banned'] * 3
    # another login from the same address is not affected
    assert common.authenticate(test_db, ok, ok, {})
    # the attempts are for system administrators only
    assert admin('ir.model.access', 'search_count', [
        ('model_id.model', '=', 'res.authentication.attempt'), ('perm_read', '=', True),
        ('group_id', '=', False)]) == 0


def test_web_login_bad_passwords_ban_the_address(odoo_server, throttle):
    admin, limit, make_user = throttle
    ok = make_user('webok')
    for _i in range(limit - 1):
        assert not web_login(odoo_server, ok, 'wrong')
    assert web_login(odoo_server, ok, ok)
    banned = make_user('webbanned')
    for _i in range(limit):
        assert not web_login(odoo_server, banned, 'wrong')
    assert not web_login(odoo_server, banned, banned)
    assert results(admin, banned) == ['failed'] * limit + ['banned']


def test_users_cannot_read_the_attempts(throttle, rpc):
    admin, _limit, make_user = throttle
    login = make_user('reader')
    user = rpc(login, login)
    with pytest.raises(xmlrpc.client.Fault) as refused:
        user('res.authentication.attempt', 'search_read', [], fields=['login', 'remote'])
    assert 'res.authentication.attempt' in refused.value.faultString
    assert set(results(admin, login)) == {'successful'}
