# -*- coding: utf-8 -*-
"""Every menu of the app opens without error for each kind of user, on the demo data
(tests/browser/flows/menu_crawl.js); the city administrator also opens every view."""
import pytest


@pytest.mark.parametrize('login,all_views', [
    ('admin', True),        # city administrator: every menu, every view
    ('meijiang', False),    # county administrator of 梅江区 (demo)
    ('guyan', False),       # cadre of 梅江区 (demo)
])
def test_every_menu_opens(flow, monkeypatch, login, all_views):
    monkeypatch.setenv('YC_CRAWL_ALL_VIEWS', '1' if all_views else '0')
    flow('menu_crawl', login, 'admin' if login == 'admin' else login)
