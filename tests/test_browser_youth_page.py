# -*- coding: utf-8 -*-
"""Issue 15, browser flow on a phone (390x844), no login: a youth opens their
personal page from the cadre's link, confirms, rates and raises a concern
(tests/browser/flows/youth_page.js); screenshots of each step."""
import os
import random

from browserlib import SHOTS

SCREENS = ('page', 'confirmed', 'rating', 'rated', 'concern', 'concern-sent')


def test_youth_page_on_a_phone(flow, rpc, new_cadre, monkeypatch):
    admin = rpc('admin', 'admin')
    made = new_cadre('青年页', 'ypage_flow', '青年页团干部')
    admin('league.cadre', 'write', [made['cadre']], {'show_wechat': True, 'qq': '12345678',
                                                     'show_qq': True})
    youth = admin('league.youth', 'create', {
        'name': '手机确认青年', 'gender': 'male', 'organization_id': made['unit'],
        'sector': 'rural', 'mobile': '139%08d' % random.randrange(10 ** 8)})
    contact = admin('league.contact', 'create', {'cadre_id': made['cadre'], 'youth_id': youth})
    cadre = rpc(made['login'], made['login'])
    token = cadre('league.contact', 'read', [contact], ['youth_token'])[0]['youth_token']
    monkeypatch.setenv('YC_YOUTH_PAGE', '/youth/' + token)
    for name in SCREENS:  # the screenshots are this run's
        path = os.path.join(SHOTS, 'youth_page-%s.png' % name)
        if os.path.exists(path):
            os.remove(path)

    flow('youth_page', 'nobody', 'nobody')   # the page needs no login

    assert admin('league.contact', 'read', [contact],
                 ['confirm_state'])[0]['confirm_state'] == 'confirmed'
    ratings = admin('league.satisfaction', 'search_read', [('cadre_id', '=', made['cadre'])],
                    ['rating', 'source', 'comment'])
    assert [(r['rating'], r['source'], r['comment']) for r in ratings] == [
        ('4', 'link', '每次有政策都及时告诉我。')]
    concerns = admin('league.concern', 'search_read', [('cadre_id', '=', made['cadre'])],
                     ['kind', 'state', 'origin', 'youth_id'])
    assert [(c['kind'], c['state'], c['origin'], c['youth_id'][0]) for c in concerns] == [
        ('suggestion', 'new', 'youth_page', youth)]
    for name in SCREENS:
        assert os.path.isfile(os.path.join(SHOTS, 'youth_page-%s.png' % name)), name
