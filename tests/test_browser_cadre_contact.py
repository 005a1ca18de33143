# -*- coding: utf-8 -*-
"""Issue 3, browser flow: a cadre adds a youth, records a WeChat contact and sees
their progress change (tests/browser/flows/cadre_contact.js)."""
import random


def test_cadre_adds_youth_and_records_wechat_contact(flow, rpc):
    admin = rpc('admin', 'admin')
    suffix = '%06d' % random.randrange(10 ** 6)
    county = admin('league.organization', 'create', {
        'name': '浏览器测试县团委%s' % suffix, 'level': 'county'})
    unit = admin('league.organization', 'create', {
        'name': '浏览器测试村团支部%s' % suffix, 'level': 'unit', 'parent_id': county,
        'sector': 'rural'})
    login = 'browser_cadre_%s' % suffix
    user = admin('res.users', 'create', {'name': '测试团干部', 'login': login,
                                         'password': login, 'lang': 'zh_CN',
                                         'tz': 'Asia/Shanghai'})
    cadre = admin('league.cadre', 'create', {
        'name': '测试团干部', 'user_id': user, 'organization_id': unit,
        'category': 'other_part_time', 'wechat': 'wx_%s' % login})
    youth = admin('league.youth', 'create', {
        'name': '测试青年甲', 'gender': 'female', 'mobile': '139%08d' % int(suffix),
        'organization_id': unit, 'sector': 'rural'})

    flow('cadre_contact', login, login)

    contacts = admin('league.contact', 'search_read', [('cadre_id', '=', cadre)],
                     ['youth_id'])
    assert [c['youth_id'][0] for c in contacts] == [youth]
    logs = admin('league.contact.log', 'search_read', [('cadre_id', '=', cadre)],
                 ['mode', 'youth_ids'])
    assert [(log['mode'], log['youth_ids']) for log in logs] == [('wechat', [youth])]
    progress = admin('league.cadre', 'read', [cadre],
                     ['contact_count', 'online_state'])[0]
    assert progress['contact_count'] == 1
    assert progress['online_state'] == 'met'
