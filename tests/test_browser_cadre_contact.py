# -*- coding: utf-8 -*-
"""Issue 3, browser flow: a cadre adds a youth, records a WeChat contact and sees
their progress change (tests/browser/flows/cadre_contact.js)."""


def test_cadre_adds_youth_and_records_wechat_contact(flow, rpc, new_cadre):
    admin = rpc('admin', 'admin')
    made = new_cadre('浏览器测试', 'browser_cadre', '测试团干部')
    suffix, unit, login, cadre = made['suffix'], made['unit'], made['login'], made['cadre']
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
