# -*- coding: utf-8 -*-
"""Every menu of the app opens without error and shows Chinese only, for each kind of
user, on the demo data (tests/browser/flows/menu_crawl.js): the demo's city
administrator, a county administrator and a cadre open every view, the form of the
first record of each list and the chatter of records that went through an approval;
the system administrator opens every menu."""
import json
import xmlrpc.client

import pytest

# Records whose chatter holds a workflow: tracked states, activities done, decisions.
CHATTER = [
    ('league.open.day', [('state', 'in', ['approved', 'held'])], '专题开放日'),
    ('league.rotation.plan', [('state', '=', 'approved')], '“8+4”计划'),
    ('league.halfyear.report', [('state', '=', 'acknowledged')], '半年工作报告'),
    ('league.concern', [('state', 'in', ['answered', 'helped', 'closed'])], '青年诉求'),
    ('league.evaluation', [('state', '!=', 'draft')], '考核'),
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


@pytest.mark.parametrize('login,all_views', [
    ('meizhou', True),      # city administrator (团市委, a cadre too) of the demo
    ('meijiang', True),     # county administrator of 梅江区
    ('guyan', True),        # cadre of 梅江区
    ('admin', False),       # the system administrator: every menu
])
def test_every_menu_opens_in_chinese(flow, rpc, monkeypatch, login, all_views):
    password = login
    monkeypatch.setenv('YC_CRAWL_ALL_VIEWS', '1' if all_views else '0')
    monkeypatch.setenv('YC_CRAWL_USER', login)
    records = chatter_records(rpc(login, password)) if all_views else []
    if login in ('meizhou', 'meijiang'):
        assert {r[0] for r in records} >= {'league.open.day', 'league.rotation.plan'}, records
    monkeypatch.setenv('YC_CRAWL_RECORDS', json.dumps(records))
    flow('menu_crawl', login, password)
