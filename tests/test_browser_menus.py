# -*- coding: utf-8 -*-
"""Every menu of the app opens without error and shows Chinese only, for each kind of
user, on the demo data (tests/browser/flows/menu_crawl.js): each user lands on his
home page (cadres on 我的联系青年, administrators on 待我处理) and sees the app drawer
in Chinese; the demo's city administrator, a county administrator and a cadre open
every view, the form of the first record of each list and the chatter of records
that went through an approval; the city and the system administrator find the
approval queue; the system administrator opens every menu."""
import json
import xmlrpc.client

import pytest

# Records whose chatter holds a workflow: tracked states, activities done, decisions.
CHATTER = [
    ('league.open.day', [('state', 'in', ['approved', 'held', 'closed'])], '专题开放日'),
    ('league.rotation.plan', [('state', '=', 'approved')], '“8+4”计划'),
    ('league.halfyear.report', [('state', '=', 'acknowledged')], '半年工作报告'),
    ('league.concern', [('state', 'in', ['answered', 'helped', 'closed'])], '青年诉求'),
    ('league.evaluation', [('state', '!=', 'draft')], '考核'),
    ('league.exemplar', [('state', '=', 'selected')], '典型'),
]


def chatter_records(session):
    """[model, id, label] of one record per model of CHATTER the user may read."""
    records = []
    for model, domain, label in CHATTER:
        try:
            ids = session(model, 'search', domain, limit=1, order='id')
        except xmlrpc.client.Fault:  # a model the user may not read
            continue
        records += [[model, ids[0], label]] if ids else []
    return records


#: The approval queue of the city (its menu).
QUEUE = '待审批事项'


@pytest.mark.parametrize('login,all_views,home,menus', [
    # city administrator (团市委, a cadre too) of the demo
    ('meizhou', True, '待我处理', [QUEUE]),
    ('meijiang', True, '待我处理', []),     # county administrator of 梅江区
    ('guyan', True, '我的联系青年', []),    # cadre of 梅江区
    ('admin', False, '待我处理', [QUEUE]),  # the system administrator: every menu
])
def test_every_menu_opens_in_chinese(flow, rpc, monkeypatch, login, all_views, home, menus):
    password = login
    monkeypatch.setenv('YC_CRAWL_ALL_VIEWS', '1' if all_views else '0')
    monkeypatch.setenv('YC_CRAWL_USER', login)
    monkeypatch.setenv('YC_CRAWL_HOME', home)
    monkeypatch.setenv('YC_CRAWL_MENUS', ','.join(menus))
    records = chatter_records(rpc(login, password)) if all_views else []
    if login in ('meizhou', 'meijiang'):
        assert {r[0] for r in records} >= {'league.open.day', 'league.rotation.plan',
                                           'league.exemplar'}, records
    monkeypatch.setenv('YC_CRAWL_RECORDS', json.dumps(records))
    flow('menu_crawl', login, password)
