# -*- coding: utf-8 -*-
"""Start Odoo again and again with requests arriving while it starts; count the servers whose registry lacks models.

Odoo 11's threaded server listens before it loads the registry.  With
ODOO_PRELOAD_ADDONS=yes (Odoo 11's default) the first request makes the web
layer import every addon while the registry imports them too, and a server
now and then ends with a registry missing models (board.board, base_import's)
until it is restarted.  tools/odoo-bin sets ODOO_PRELOAD_ADDONS=no.  This
script starts a threaded server on --db --trials times per mode, sends
/web/login requests from its first second, and once its log says the
modules are loaded asks fields_get of every model of ir.model as admin.

    .venv/bin/python bench/registry_race.py --db yc_dev --trials 20
    .venv/bin/python bench/registry_race.py --modes no    # only the set-up of tools/odoo-bin
"""
import os
import subprocess
import sys
import tempfile
import time
import xmlrpc.client

import requests

import benchlib

sys.path.insert(0, os.path.join(benchlib.ROOT, 'tests'))
from browserlib import free_port  # noqa: E402


def missing_models(url, db):
    """The models of ir.model the server's registry does not know."""
    uid = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common').authenticate(db, 'admin', 'admin', {})
    models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object')
    names = [row['model'] for row in models.execute_kw(
        db, uid, 'admin', 'ir.model', 'search_read', [[]], {'fields': ['model']})]
    missing = []
    for name in names:
        try:
            models.execute_kw(db, uid, 'admin', name, 'fields_get', [], {'attributes': ['type']})
        except xmlrpc.client.Fault:
            missing.append(name)
    return missing


def trial(db, mode, log):
    """One server started with ODOO_PRELOAD_ADDONS=mode: the models it lacks."""
    port = free_port()
    cmd = [os.path.join(benchlib.ROOT, '.venv', 'bin', 'python'),
           os.path.join(benchlib.ROOT, 'tools', 'odoo-bin'), '-c', benchlib.CONF, '-d', db,
           '--db-filter=^%s$' % db, '--http-port=%d' % port,
           '--longpolling-port=%d' % free_port(), '--max-cron-threads=0',
           '--log-level=info', '--logfile=%s' % log]
    proc = subprocess.Popen(cmd, env=dict(os.environ, ODOO_PRELOAD_ADDONS=mode),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = 'http://127.0.0.1:%d' % port
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:   # requests from the first second
            try:
                requests.get(url + '/web/login', timeout=120)
                break
            except requests.RequestException:
                time.sleep(0.02)
        while 'odoo.modules.loading: Modules loaded.' not in open(log).read():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit('registry_race: the server did not start (log: %s)' % log)
            time.sleep(0.5)
        return missing_models(url, db)
    finally:
        proc.terminate()
        proc.wait()


def main():
    parser = benchlib.parser(__doc__, 'yc_dev')
    parser.add_argument('--trials', type=int, default=20, help='servers per mode (default: 20)')
    parser.add_argument('--modes', nargs='+', default=['yes', 'no'], choices=['yes', 'no'],
                        help='values of ODOO_PRELOAD_ADDONS (default: yes no)')
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes:
            bad = []
            for i in range(args.trials):
                missing = trial(args.db, mode, os.path.join(tmp, '%s-%d.log' % (mode, i)))
                print('ODOO_PRELOAD_ADDONS=%s, server %d: %s' % (
                    mode, i + 1, 'lacks %s' % ', '.join(missing[:3]) if missing else 'complete'),
                    flush=True)
                if missing:
                    bad.append(missing)
            results[mode] = {'trials': args.trials, 'incomplete': len(bad), 'missing': bad}
            print('ODOO_PRELOAD_ADDONS=%s: %d of %d servers with an incomplete registry'
                  % (mode, len(bad), args.trials), flush=True)
    benchlib.write_json('registry_race.json', results)


if __name__ == '__main__':
    main()
