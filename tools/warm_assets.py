#!/usr/bin/env python3
"""Compile the web client's asset bundles of a database once, as a browser would:
start a server on it, open the login page and the web client as admin, fetch
every bundle they link.  Odoo stores the compiled bundles (lessc for the CSS)
as attachments of the database: the copies made afterwards (the end-to-end
workers' databases, the cached install) start with them instead of compiling
them each on the first page.  Usage: tools/warm_assets.py DB"""
import os
import re
import subprocess
import sys
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests'))
from browserlib import free_port  # noqa: E402


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ''


def main(db):
    port = free_port()
    log = os.path.join(ROOT, '.odoo', 'warm-assets-%s.log' % db)
    if os.path.exists(log):
        os.remove(log)
    proc = subprocess.Popen(
        ['bash', os.path.join(ROOT, 'tools', 'odoo.sh'), '-d', db, '--db-filter=^%s$' % db,
         '--http-port=%d' % port, '--longpolling-port=%d' % free_port(), '--workers=0',
         '--max-cron-threads=0', '--log-level=info', '--logfile=%s' % log],
        cwd=ROOT, env=dict(os.environ, PATH=os.path.join(ROOT, 'node_modules', '.bin') + ':'
                           + os.environ['PATH']))
    url = 'http://127.0.0.1:%d' % port
    try:
        session = requests.Session()
        deadline = time.monotonic() + 300
        # no request before the registry is loaded (see tests/conftest.py _start_server)
        while 'odoo.modules.loading: Modules loaded.' not in read(log):
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit('warm_assets: the server of %s did not load its modules' % db)
            time.sleep(0.5)
        while True:
            try:
                login = session.get(url + '/web/login', timeout=300)
                if login.status_code == 200:
                    break
            except requests.RequestException:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit('warm_assets: the server of %s did not answer' % db)
            time.sleep(0.5)
        r = session.post(url + '/web/session/authenticate', timeout=300, json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'db': db, 'login': 'admin', 'password': 'admin'}})
        if not r.json().get('result', {}).get('uid'):
            sys.exit('warm_assets: admin could not log in to %s' % db)
        pages = login.text + session.get(url + '/web', timeout=300).text
        bundles = sorted(set(re.findall(r'(?:href|src)="(/web/content/[^"]+\.(?:css|js))"', pages)))
        for bundle in bundles:
            session.get(url + bundle, timeout=600).raise_for_status()
        print('warm_assets: %d bundles compiled in %s' % (len(bundles), db))
    finally:
        proc.terminate()
        proc.wait(timeout=60)


if __name__ == '__main__':
    main(sys.argv[1])
