# -*- coding: utf-8 -*-
"""Browser flows in Debian's headless Chromium, driven by puppeteer-core.

Each flow is ``tests/browser/flows/<name>.js``; screenshots land in the
git-ignored ``tests/screenshots/``.  A flow fails on any browser console error.
"""
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, 'tests', 'screenshots')


def run_flow(url, flow, login='admin', password='admin'):
    proc = subprocess.run(
        ['node', os.path.join(ROOT, 'tests', 'browser', 'run_flow.js'),
         url, login, password, flow, SHOTS],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600,
        env=dict(os.environ, NODE_PATH=os.path.join(ROOT, 'node_modules')))
    assert proc.returncode == 0, 'flow %s failed:\n%s' % (flow, proc.stdout.decode()[-4000:])


def test_smoke_admin_opens_the_chinese_app(odoo_server):
    run_flow(odoo_server, 'smoke')
    assert os.path.isfile(os.path.join(SHOTS, 'smoke-app.png'))


@pytest.fixture
def flow(odoo_server):
    """For feature tests: flow('name', login, password) runs flows/name.js."""
    return lambda name, login='admin', password='admin': run_flow(odoo_server, name,
                                                                   login, password)
