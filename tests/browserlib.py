# -*- coding: utf-8 -*-
"""Run a browser flow (tests/browser/flows/<name>.js) in Debian's headless Chromium;
a free port for a server (the end-to-end servers, bench/load_test.py,
tools/warm_assets.py).

Screenshots land in the git-ignored ``tests/screenshots/``.  A flow fails on any
browser console error.
"""
import os
import socket
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, 'tests', 'screenshots')


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_flow(url, flow, login='admin', password='admin'):
    proc = subprocess.run(
        ['node', os.path.join(ROOT, 'tests', 'browser', 'run_flow.js'),
         url, login, password, flow, SHOTS],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600,
        env=dict(os.environ, NODE_PATH=os.path.join(ROOT, 'node_modules')))
    assert proc.returncode == 0, 'flow %s failed:\n%s' % (flow, proc.stdout.decode()[-4000:])
