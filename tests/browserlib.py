# -*- coding: utf-8 -*-
"""Run a browser flow (tests/browser/flows/<name>.js) in Debian's headless Chromium.

Screenshots land in the git-ignored ``tests/screenshots/``.  A flow fails on any
browser console error.
"""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, 'tests', 'screenshots')


def run_flow(url, flow, login='admin', password='admin'):
    proc = subprocess.run(
        ['node', os.path.join(ROOT, 'tests', 'browser', 'run_flow.js'),
         url, login, password, flow, SHOTS],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600,
        env=dict(os.environ, NODE_PATH=os.path.join(ROOT, 'node_modules')))
    assert proc.returncode == 0, 'flow %s failed:\n%s' % (flow, proc.stdout.decode()[-4000:])
