# -*- coding: utf-8 -*-
"""Issue 14, browser flow on a phone (390x844, web_responsive): a cadre of a county
committee opens their youth, logs a WeChat contact and a face-to-face talk, records
this week's grassroots day, raises a concern and reads their progress, without any
screen scrolling sideways (tests/browser/flows/cadre_phone.js)."""
import datetime
import os
import random

from browserlib import SHOTS

SCREENS = ('my-youth', 'log-wechat', 'log-face', 'contact-logs', 'grassroots-day',
           'grassroots-list', 'concern', 'concern-saved', 'concerns', 'progress',
           'progress-cadences')


def test_cadre_day_on_a_phone(flow, rpc, new_cadre, monkeypatch):
    admin = rpc('admin', 'admin')
    made = new_cadre('手机测试', 'phone_cadre', '手机团干部', in_county=True,
                     category='organ_part_time')
    suffix, unit, login, cadre = made['suffix'], made['unit'], made['login'], made['cadre']
    youth = {}
    # 手机青年乙 in contact for over a year and never met: face-to-face is behind
    long_ago = (datetime.date.today() - datetime.timedelta(days=400)).isoformat()
    for name, since in (('手机青年甲', None), ('手机青年乙', long_ago)):
        youth[name] = admin('league.youth', 'create', {
            'name': name, 'gender': 'female', 'organization_id': unit, 'sector': 'rural',
            'mobile': '139%08d' % random.randrange(10 ** 8)})
        contact = {'cadre_id': cadre, 'youth_id': youth[name]}
        if since:
            contact['date_start'] = since
        admin('league.contact', 'create', contact)
    monkeypatch.setenv('YC_PHONE_UNIT', '手机测试村%s' % suffix)

    for name in SCREENS:  # the screenshots are this run's
        path = os.path.join(SHOTS, 'cadre_phone-%s.png' % name)
        if os.path.exists(path):
            os.remove(path)

    flow('cadre_phone', login, login)

    logs = admin('league.contact.log', 'search_read', [('cadre_id', '=', cadre)],
                 ['mode', 'youth_ids'], order='id')
    assert [(log['mode'], log['youth_ids']) for log in logs] == [
        ('wechat', [youth['手机青年甲']]), ('face_to_face', [youth['手机青年甲']])]
    days = admin('league.grassroots.day', 'search_read', [('cadre_id', '=', cadre)],
                 ['unit', 'place_type', 'youth_count'])
    assert [(d['unit'], d['place_type'], d['youth_count']) for d in days] == [
        ('手机测试村%s' % suffix, 'region', 12)]
    concerns = admin('league.concern', 'search_read', [('cadre_id', '=', cadre)],
                     ['youth_id', 'state', 'kind'])
    assert [(c['youth_id'][0], c['state']) for c in concerns] == [(youth['手机青年乙'], 'new')]
    progress = admin('league.cadre', 'read', [cadre],
                     ['online_state', 'offline_state', 'face_state'])[0]
    # online contact this week; no offline activity yet (未开始), 手机青年乙 not met
    assert (progress['online_state'], progress['offline_state'], progress['face_state']) == (
        'met', 'not_started', 'behind')
    for name in SCREENS:
        assert os.path.isfile(os.path.join(SHOTS, 'cadre_phone-%s.png' % name)), name
