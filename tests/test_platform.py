# -*- coding: utf-8 -*-
"""The server as users reach it: login page, Chinese, the app menu, RPC access."""
import re

import requests


def test_login_page_served(odoo_server):
    r = requests.get(odoo_server + '/web/login', timeout=30)
    assert r.status_code == 200
    assert 'login' in r.text


def test_css_bundle_compiles(odoo_server):
    # Odoo 11 compiles the backend .less bundle with lessc; a missing lessc
    # gives a bundle with an error instead of CSS.
    s = requests.Session()
    page = s.get(odoo_server + '/web/login', timeout=30).text
    assert '/web/content/' in page
    css = re.findall(r'href="(/web/content/[^"]+\.css)"', page)
    assert css, 'no CSS bundle linked from the login page'
    body = s.get(odoo_server + css[0], timeout=120).text
    assert 'A required file is missing' not in body and 'lessc' not in body, body[:500]


def test_admin_sees_chinese_app_menu(rpc):
    admin = rpc('admin', 'admin')
    root = admin('ir.model.data', 'xmlid_to_res_id', 'youth_contact.menu_root')
    visible = admin('ir.ui.menu', 'search', [('parent_id', '=', False)])
    assert root in visible
    menu = admin('ir.ui.menu', 'read', [root], fields=['name'], context={'lang': 'zh_CN'})
    assert menu[0]['name'] == '青年联系'


def test_groups_of_the_contract_imply_each_other(rpc):
    admin = rpc('admin', 'admin')
    xmlids = ['group_cadre', 'group_county_admin', 'group_city_admin']
    ids = [admin('ir.model.data', 'xmlid_to_res_id', 'youth_contact.' + x) for x in xmlids]
    assert all(ids)
    groups = admin('res.groups', 'read', ids, fields=['implied_ids'])
    assert ids[0] in groups[1]['implied_ids']
    assert ids[1] in groups[2]['implied_ids']
