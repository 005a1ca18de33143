# -*- coding: utf-8 -*-
"""Issue 4, browser flow: the county administrator proposes and submits the
"8+4" plan, the city administrator approves it (tests/browser/flows/rotation_plan.js)."""
import datetime
import random


def test_county_admin_proposes_and_submits_city_admin_approves(flow, rpc, monkeypatch):
    admin = rpc('admin', 'admin')
    suffix = '%06d' % random.randrange(10 ** 6)
    county_name = '浏览器下沉县团委%s' % suffix
    county = admin('league.organization', 'create', {'name': county_name, 'level': 'county'})
    town = admin('league.organization', 'create', {
        'name': '下沉测试镇团委%s' % suffix, 'level': 'town', 'parent_id': county})
    for i, sector in enumerate(['rural', 'enterprise', 'school']):
        admin('league.organization', 'create', {
            'name': '下沉测试单位%d团支部%s' % (i, suffix), 'level': 'unit', 'sector': sector,
            'parent_id': town})
    for i in range(9):
        admin('league.cadre', 'create', {
            'name': '在编干部%d号%s' % (i, suffix), 'organization_id': county,
            'category': 'full_time', 'established': True, 'is_leader': i < 2,
            'wechat': 'wx_rot_%s_%d' % (suffix, i)})
    group = lambda xmlid: admin('ir.model.data', 'xmlid_to_res_id', xmlid)  # noqa: E731
    logins = {}
    for role, xmlid, extra in (
            ('admin', 'youth_contact.group_county_admin', {'league_admin_county_id': county}),
            ('city', 'youth_contact.group_city_admin', {})):
        login = 'browser_rot_%s_%s' % (role, suffix)
        admin('res.users', 'create', dict(extra, name='下沉测试%s' % role, login=login,
                                          password=login, lang='zh_CN', tz='Asia/Shanghai',
                                          groups_id=[(6, 0, [group(xmlid)])]))
        logins[role] = login

    monkeypatch.setenv('YC_ROTATION_COUNTY', county_name)
    monkeypatch.setenv('YC_ROTATION_ADMIN', logins['admin'])
    monkeypatch.setenv('YC_ROTATION_CITY', logins['city'])
    flow('rotation_plan', logins['admin'], logins['admin'])

    plans = admin('league.rotation.plan', 'search_read', [('county_id', '=', county)],
                  ['state', 'year', 'batch_ids', 'group_count', 'cadre_count'])
    assert len(plans) == 1
    plan = plans[0]
    assert plan['state'] == 'approved'
    assert plan['year'] == datetime.date.today().year
    assert len(plan['batch_ids']) == 4
    assert plan['cadre_count'] == 9
    activities = admin('mail.activity', 'search_count', [
        ('res_model', '=', 'league.rotation.plan'), ('res_id', '=', plan['id'])])
    assert activities == 0
