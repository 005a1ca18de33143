# -*- coding: utf-8 -*-
"""Issue 13, browser flow: the Chinese login page, a county administrator
issuing an initial password, the cadre forced to change it at first login and
landing on 我的联系青年 (tests/browser/flows/accounts.js)."""
import random

import pytest


def test_initial_password_and_first_login(flow, rpc):
    admin = rpc('admin', 'admin')
    suffix = '%06d' % random.randrange(10 ** 6)
    county = admin('league.organization', 'create', {
        'name': '账号浏览器测试县团委%s' % suffix, 'level': 'county'})
    unit = admin('league.organization', 'create', {
        'name': '账号浏览器测试村团支部%s' % suffix, 'level': 'unit', 'parent_id': county,
        'sector': 'rural'})
    group = admin('ir.model.data', 'xmlid_to_res_id', 'youth_contact.group_county_admin')
    login = 'acct_admin_%s' % suffix
    admin('res.users', 'create', {
        'name': '测试县管理员', 'login': login, 'password': login, 'lang': 'zh_CN',
        'tz': 'Asia/Shanghai', 'groups_id': [(4, group)], 'league_admin_county_id': county})
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
