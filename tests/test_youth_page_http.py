# -*- coding: utf-8 -*-
"""Issue 15: the youth's page of a contact over HTTP, without login, as a youth
opens it from a WeChat link: confirm the contact, rate the cadre (once per
half-year), raise a concern; a revoked or unknown link learns nothing; the
page is throttled per link and per address."""
import random
import re
import secrets

import requests

from test_reports_http import web_session

TIMEOUT = 60


def page_session(url, path):
    """(session, page text, csrf token) after opening the page at ``path``."""
    s = requests.Session()
    r = s.get(url + path, timeout=TIMEOUT)
    assert r.status_code == 200, r.status_code
    assert r.headers['Cache-Control'] == 'no-store'
    assert r.headers['Referrer-Policy'] == 'no-referrer'
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', r.text).group(1)
    return s, r.text, csrf


def make_contacts(admin, new_cadre, count):
    made = new_cadre('青年页', 'ypage_cadre', '确认页团干部')
    admin('league.cadre', 'write', [made['cadre']], {'show_wechat': True})
    contacts = []
    for i in range(count):
        youth = admin('league.youth', 'create', {
            'name': '确认页青年%d' % i, 'gender': 'female', 'organization_id': made['unit'],
            'sector': 'rural', 'mobile': '139%08d' % random.randrange(10 ** 8)})
        contacts.append(admin('league.contact', 'create', {'cadre_id': made['cadre'],
                                                           'youth_id': youth}))
    return made, contacts


def test_youth_confirms_rates_and_raises_a_concern(odoo_server, rpc, new_cadre):
    admin = rpc('admin', 'admin')
    made, contacts = make_contacts(admin, new_cadre, 2)
    cadre = rpc(made['login'], made['login'])
    # the cadre reads the links of their own contacts
    rows = cadre('league.contact', 'read', contacts, ['youth_token', 'youth_url', 'youth_id'])
    token, other_token = rows[0]['youth_token'], rows[1]['youth_token']
    assert len(token) == 43 and rows[0]['youth_url'].endswith('/youth/' + token)
    path = '/youth/' + token
    s, page, csrf = page_session(odoo_server, path)
    assert '确认页团干部' in page and 'wx_%s' % made['login'] in page
    assert '这名团干部与我保持联系' in page and 'name="rating"' not in page

    def post(**data):
        r = s.post(odoo_server + path, timeout=TIMEOUT, data=dict(data, csrf_token=csrf))
        assert r.status_code == 200, r.status_code
        return r.text

    # without the CSRF token: refused
    assert s.post(odoo_server + path, data={'action': 'confirm'},
                  timeout=TIMEOUT).status_code == 400
    # 1. confirm (ids typed into the form are ignored: everything comes from the token)
    page = post(action='confirm', youth_id=str(contacts[1]), id=str(contacts[1]))
    assert '感谢你的确认' in page and 'name="rating"' in page
    states = {c['id']: c['confirm_state'] for c in admin('league.contact', 'read', contacts,
                                                          ['confirm_state'])}
    assert states == {contacts[0]: 'confirmed', contacts[1]: 'unconfirmed'}
    counts = admin('league.cadre', 'read', [made['cadre']],
                   ['confirmed_count', 'unconfirmed_count', 'disowned_count'])[0]
    assert (counts['confirmed_count'], counts['unconfirmed_count'],
            counts['disowned_count']) == (1, 1, 0)
    # 2. rate, once per half-year
    page = post(action='rate', rating='4', comment='联系很及时', cadre_id='1')
    assert '感谢你的评价' in page
    assert '你本半年已评价过这名团干部' in post(action='rate', rating='1')
    ratings = admin('league.satisfaction', 'search_read', [('cadre_id', '=', made['cadre'])],
                    ['rating', 'source', 'comment', 'youth_id'])
    youth = admin('league.contact', 'read', [contacts[0]], ['youth_id'])[0]['youth_id'][0]
    assert [(r['rating'], r['source'], r['comment'], r['youth_id'][0]) for r in ratings] == [
        ('4', 'link', '联系很及时', youth)]
    # 3. a concern: in the cadre's list as new, with an activity for the cadre
    assert '你的诉求已发送给你的团干部' in post(action='concern', kind='difficulty',
                                          text='想参加电商培训\n希望团组织帮忙联系')
    concerns = cadre('league.concern', 'search_read', [('cadre_id', '=', made['cadre'])],
                     ['state', 'kind', 'origin', 'youth_id', 'name', 'activity_ids'])
    assert [(c['state'], c['kind'], c['origin'], c['youth_id'][0], c['name'])
            for c in concerns] == [('new', 'difficulty', 'youth_page', youth, '想参加电商培训')]
    activities = admin('mail.activity', 'read', concerns[0]['activity_ids'], ['user_id'])
    assert [a['user_id'][0] for a in activities] == [made['user']]
    # 4. the youth voice (青年之声): the kinds of opinions and suggestions offered in their
    # group; the youth's idea is an opinion or suggestion (the contract's kind) of that
    # youth voice kind; a kind that is neither is refused
    page = post(action='concern', kind='idea', text='想法：开设青年夜校')
    assert '你的诉求已发送给你的团干部' in page
    assert re.search(r'<optgroup label="意见建议">\s*<option value="suggestion">建议</option>'
                     r'\s*<option value="opinion">意见</option>\s*<option value="idea">想法'
                     r'</option>\s*</optgroup>', page), 'the youth voice kinds in their group'
    assert '请选择诉求类型并填写具体内容' in post(action='concern', kind='voice', text='意见')
    concerns = cadre('league.concern', 'search_read', [('cadre_id', '=', made['cadre'])],
                     ['kind', 'voice_kind', 'origin', 'name'])
    assert [(c['kind'], c['voice_kind'], c['origin'], c['name']) for c in concerns] == [
        ('suggestion', 'idea', 'youth_page', '想法：开设青年夜校'),
        ('difficulty', False, 'youth_page', '想参加电商培训')]
    # staff cannot set the youth's answer over RPC
    for vals in ({'confirm_state': 'confirmed'}, {'youth_token': 'x' * 43}):
        try:
            cadre('league.contact', 'write', [contacts[1]], vals)
        except Exception as error:  # xmlrpc Fault
            assert '只能由青年确认页和链接按钮记录' in str(error) or 'youth' in str(error)
        else:
            raise AssertionError('the cadre wrote %s' % vals)
    assert admin('league.contact', 'read', [contacts[1]],
                 ['confirm_state'])[0]['confirm_state'] == 'unconfirmed'
    # the QR code of the link, as Odoo 11 renders barcodes (/report/barcode), for the
    # cadre in the web client and without login
    qr = cadre('league.contact', 'read', [contacts[0]], ['youth_qr'])[0]['youth_qr']
    src = re.search(r'src="([^"]+)"', qr).group(1).replace('&amp;', '&')
    for session in (web_session(odoo_server, made['login'], made['login']), requests.Session()):
        image = session.get(odoo_server + src, timeout=TIMEOUT)
        assert image.status_code == 200 and image.headers['Content-Type'] == 'image/png'
        assert image.content[:8] == b'\x89PNG\r\n\x1a\n' and len(image.content) > 500
    # the second contact's page is its own
    s2, page2, _csrf = page_session(odoo_server, '/youth/' + other_token)
    assert '这名团干部与我保持联系' in page2 and 'name="rating"' not in page2


def test_a_wrong_or_revoked_link_learns_nothing(odoo_server, rpc, new_cadre):
    admin = rpc('admin', 'admin')
    made, contacts = make_contacts(admin, new_cadre, 1)
    cadre = rpc(made['login'], made['login'])
    token = cadre('league.contact', 'read', contacts, ['youth_token'])[0]['youth_token']
    s, _page, csrf = page_session(odoo_server, '/youth/' + token)
    unknown = requests.get(odoo_server + '/youth/' + secrets.token_urlsafe(32), timeout=TIMEOUT)
    short = requests.get(odoo_server + '/youth/abc', timeout=TIMEOUT)
    cadre('league.contact', 'action_revoke_youth_link', contacts)
    assert cadre('league.contact', 'read', contacts, ['youth_url'])[0]['youth_url'] is False
    revoked = requests.get(odoo_server + '/youth/' + token, timeout=TIMEOUT)
    for response in (unknown, short, revoked):
        assert response.status_code == 404
        assert '此链接无效' in response.text
        assert 'csrf_token' not in response.text
    assert unknown.text == revoked.text == short.text
    assert unknown.headers['Content-Type'] == revoked.headers['Content-Type']
    # a form posted to a revoked link does nothing
    r = s.post(odoo_server + '/youth/' + token, timeout=TIMEOUT,
               data={'csrf_token': csrf, 'action': 'confirm'})
    assert r.status_code == 404 and r.text == unknown.text
    assert admin('league.contact', 'read', contacts,
                 ['confirm_state'])[0]['confirm_state'] == 'unconfirmed'
    # renewed: a new link works, the old one stays dead
    cadre('league.contact', 'action_renew_youth_link', contacts)
    new = cadre('league.contact', 'read', contacts, ['youth_token'])[0]['youth_token']
    assert new != token
    assert requests.get(odoo_server + '/youth/' + new, timeout=TIMEOUT).status_code == 200
    assert requests.get(odoo_server + '/youth/' + token, timeout=TIMEOUT).status_code == 404
    # another county's administrator cannot renew it
    other = new_cadre('别县', 'ypage_other', '别县团干部')
    stranger = rpc(other['login'], other['login'])
    try:
        stranger('league.contact', 'action_renew_youth_link', contacts)
    except Exception:
        pass
    else:
        raise AssertionError('a cadre of another county renewed the link')


def test_the_page_is_throttled(odoo_server, rpc, new_cadre):
    admin = rpc('admin', 'admin')
    made, contacts = make_contacts(admin, new_cadre, 2)
    cadre = rpc(made['login'], made['login'])
    tokens = [row['youth_token'] for row in cadre('league.contact', 'read', contacts,
                                                  ['youth_token'])]
    param = 'youth_contact.youth_page_address_limit'
    try:
        # per link: 30 requests in the window, then 429 (a valid and an unknown link alike)
        statuses = [requests.get(odoo_server + '/youth/' + tokens[0], timeout=TIMEOUT)
                    .status_code for _i in range(32)]
        assert statuses == [200] * 30 + [429] * 2
        unknown = '/youth/' + secrets.token_urlsafe(32)
        statuses = [requests.get(odoo_server + unknown, timeout=TIMEOUT).status_code
                    for _i in range(31)]
        assert statuses == [404] * 30 + [429]
        throttled = requests.get(odoo_server + '/youth/' + tokens[0], timeout=TIMEOUT)
        assert throttled.status_code == 429 and '请求过于频繁' in throttled.text
        assert requests.get(odoo_server + unknown, timeout=TIMEOUT).text == throttled.text
        # the other link still answers
        assert requests.get(odoo_server + '/youth/' + tokens[1],
                            timeout=TIMEOUT).status_code == 200
        # per address: with a limit of 80 requests per address, the many unknown links
        # tried from this address are refused, and then every link
        admin('ir.config_parameter', 'set_param', param, '80')
        statuses = [requests.get(odoo_server + '/youth/' + secrets.token_urlsafe(32),
                                 timeout=TIMEOUT).status_code for _i in range(20)]
        assert 429 in statuses and set(statuses) <= {404, 429}
        assert statuses[statuses.index(429):] == [429] * (20 - statuses.index(429))
        assert requests.get(odoo_server + '/youth/' + tokens[1],
                            timeout=TIMEOUT).status_code == 429
    finally:
        admin('ir.config_parameter', 'set_param', param, False)
        attempts = admin('league.youth.page.attempt', 'search', [])
        admin('league.youth.page.attempt', 'unlink', attempts)
    assert requests.get(odoo_server + '/youth/' + tokens[1], timeout=TIMEOUT).status_code == 200
