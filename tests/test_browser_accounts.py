# -*- coding: utf-8 -*-
"""Issue 13, browser flow: the Chinese login page, a county administrator
issuing an initial password, the cadre forced to change it at first login and
landing on 我的联系青年 (tests/browser/flows/accounts.js)."""
import pytest


def test_initial_password_and_first_login(flow, rpc, new_county):
    admin = rpc('admin', 'admin')
    made = new_county('账号浏览器测试', 'acct', roles=['admin'])
    suffix, unit = made['suffix'], made['units'][0]
    login = made['logins']['admin'][0]
    # a cadre without a user: the wizard creates the login
    cadre = admin('league.cadre', 'create', {
        'name': '测试账号团干部', 'organization_id': unit, 'category': 'other_part_time',
        'wechat': 'wx_acct_%s' % suffix})

    flow('accounts', login, login)

    user = admin('league.cadre', 'read', [cadre], ['user_id'])[0]['user_id']
    assert user
    values = admin('res.users', 'read', [user[0]], ['login', 'league_must_change_password'])[0]
    assert not values['league_must_change_password']
    rpc(values['login'], 'qingnian2026')  # the password the cadre chose
    with pytest.raises(AssertionError):
        rpc(values['login'], values['login'])
