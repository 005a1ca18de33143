#!/usr/bin/env python3
"""Load test: N cadres logging contacts with no pause and reading their lists
(issues 10 and 17), against an Odoo server with workers that this script
starts on a scratch copy of a database, directly and through nginx.

    .venv/bin/python bench/load_test.py                       # 50 cadres, --workers 4 then 6,
                                                              # each direct then through nginx
    .venv/bin/python bench/load_test.py --target direct --cadres 20 --iterations 5
    .venv/bin/python bench/load_test.py --db yc_city --workers 6 --think 2

Traffic goes to 127.0.0.1 only. Everything is bounded: at most --iterations
rounds per cadre and --duration seconds per run; the servers started here
(Odoo, nginx) are stopped and the scratch database dropped at the end
(--keep-db keeps it).

Each cadre has its own web session (``/web/session/authenticate``) and, in a
loop with no pause (``--think`` adds one), calls through ``/web/dataset/call_kw``:

- ``log.create``: a contact log with one youth of the cadre's list;
- ``youth.kanban``: "My Youth" (league.contact, the kanban view's fields, 40 rows);
- ``log.list``: the contact log list (the list view's fields, 80 rows);
- ``log.count``: the count the list shows.

Printed per run: p50/p95/p99/max per operation, throughput, errors by kind
(connection refused / reset / closed, timeout, HTTP status, RPC error), the
kernel's listen-queue overflows during the run (/proc/net/netstat
ListenOverflows, machine-wide), the serialization retries Odoo logged and the
load average. ``--json`` writes the figures to a file.
"""
import argparse
import ast
import collections
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import psycopg2
import requests
from passlib.context import CryptContext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests'))
from browserlib import free_port  # noqa: E402  (the tests' helper)

PYTHON = os.path.join(ROOT, '.venv', 'bin', 'python')
ODOO_BIN = os.path.join(ROOT, 'tools', 'odoo-bin')
CONF = os.path.join(ROOT, '.odoo', 'odoo.conf')
PASSWORD = 'load-test-2026'
OPS = ('login', 'log.create', 'youth.kanban', 'log.list', 'log.count')


# ---------------------------------------------------------------- helpers

def conf_value(key):
    try:
        with open(CONF) as f:
            for line in f:
                if line.split('=')[0].strip() == key:
                    return line.split('=', 1)[1].strip()
    except OSError:
        pass
    return None


def netstat_counters():
    """TcpExt counters of the machine (ListenOverflows, ListenDrops)."""
    try:
        with open('/proc/net/netstat') as f:
            lines = f.read().splitlines()
    except OSError:
        return {}
    out = {}
    for head, values in zip(lines[::2], lines[1::2]):
        names, vals = head.split()[1:], values.split()[1:]
        if head.startswith('TcpExt:'):
            out.update({n: int(v) for n, v in zip(names, vals)})
    return {k: out.get(k, 0) for k in ('ListenOverflows', 'ListenDrops')}


def listen_backlog(port):
    """Backlog of the socket listening on ``port`` (ss's Send-Q), or None."""
    try:
        out = subprocess.run(['ss', '-ltnH', 'sport = :%d' % port], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == 'LISTEN':
            return int(parts[2])
    return None


def wait_http(url, timeout=180, proc=None, any_status=False):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError('the server stopped while starting (rc %s)' % proc.returncode)
        try:
            status = requests.get(url, timeout=5).status_code
        except requests.RequestException:
            status = None
        if status == 200 or (status and any_status):
            return
        time.sleep(0.5)
    raise RuntimeError('%s did not answer within %ss' % (url, timeout))


def stop_process(proc, sig=signal.SIGTERM, timeout=60):
    """Stop a process this script started (and its children: its own process group)."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(10)


# ---------------------------------------------------------------- database

def prepare_db(source, target, data_dir, cadres):
    """Copy ``source`` into ``target`` (dropped first: it is this script's),
    copy its filestore, give ``cadres`` cadres with users and contacts a known
    password. Return [(login, cadre id)]."""
    if target == source:
        raise SystemExit('--work-db must differ from --db')
    subprocess.run(['dropdb', '--if-exists', target], check=True)
    for attempt in range(10):
        done = subprocess.run(['createdb', '-T', source, target], stderr=subprocess.PIPE,
                              universal_newlines=True)
        if done.returncode == 0:
            break
        if 'being accessed by other users' not in done.stderr or attempt == 9:
            raise SystemExit('createdb -T %s %s: %s' % (source, target, done.stderr.strip()))
        time.sleep(3)
    for base in (conf_value('data_dir'), os.path.join(ROOT, '.odoo', 'data'),
                 '/work/main/.odoo/data'):
        src = base and os.path.join(base, 'filestore', source)
        if src and os.path.isdir(src):
            shutil.copytree(src, os.path.join(data_dir, 'filestore', target))
            break
    update_if_needed(target, data_dir)
    crypt = CryptContext(['pbkdf2_sha512'])
    conn = psycopg2.connect(dbname=target)
    with conn, conn.cursor() as cr:
        cr.execute("""
            SELECT u.login, c.id FROM league_cadre c
              JOIN res_users u ON u.id = c.user_id AND u.active
             WHERE c.active AND EXISTS (SELECT 1 FROM league_contact lc WHERE lc.cadre_id = c.id)
             ORDER BY c.id LIMIT %s""", (cadres,))
        rows = cr.fetchall()
        cr.execute("UPDATE res_users SET password = '', password_crypt = %s WHERE login = ANY(%s)",
                   (crypt.hash(PASSWORD), [login for login, _cid in rows]))
        # throttling must not refuse the test's own logins
        cr.execute("SELECT to_regclass('res_authentication_attempt')")
        if cr.fetchone()[0]:
            cr.execute("DELETE FROM res_authentication_attempt")
    conn.close()
    if len(rows) < cadres:
        print('note: %s has %d cadres with a user and contacts (%d asked)'
              % (source, len(rows), cadres))
    return rows


def update_if_needed(db, data_dir):
    """Install the dependencies of this tree's addons missing from the copy
    (a database made before a dependency was added) and update the addons."""
    wanted = set()
    for addon in ('youth_contact', 'youth_contact_reports'):
        with open(os.path.join(ROOT, addon, '__manifest__.py')) as f:
            wanted.update(ast.literal_eval(f.read()).get('depends', []))
    conn = psycopg2.connect(dbname=db)
    with conn, conn.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
                   (sorted(wanted),))
        missing = sorted(wanted - {name for name, in cr.fetchall()})
    conn.close()
    if not missing:
        return
    print('installing %s in %s and updating the addons (a minute or two)...'
          % (', '.join(missing), db))
    subprocess.run([PYTHON, ODOO_BIN, '-c', CONF, '-d', db, '--data-dir=%s' % data_dir,
                    '-i', ','.join(missing), '-u', 'youth_contact,youth_contact_reports',
                    '--stop-after-init', '--log-level=warn', '--max-cron-threads=0',
                    '--logfile=%s' % os.path.join(data_dir, 'update.log')],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- servers

def start_odoo(db, data_dir, port, workers, logfile, proxy_mode=False, extra=(),
               any_status=False):
    cmd = [PYTHON, ODOO_BIN, '-c', CONF, '-d', db, '--db-filter=^%s$' % db,
           '--http-interface=127.0.0.1', '--http-port=%d' % port,
           '--longpolling-port=%d' % free_port(), '--workers=%d' % workers,
           '--max-cron-threads=0', '--data-dir=%s' % data_dir, '--logfile=%s' % logfile,
           '--log-level=warn', '--log-handler=odoo.service.model:INFO',
           '--log-handler=odoo.service.server:INFO',
           '--limit-time-real=300', '--limit-time-cpu=300']
    if proxy_mode:
        cmd.append('--proxy-mode')
    cmd.extend(extra)
    env = dict(os.environ)  # lessc for the assets, as tools/odoo.sh
    env['PATH'] = os.path.join(ROOT, 'node_modules', '.bin') + os.pathsep + env.get('PATH', '')
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_http('http://127.0.0.1:%d/web/login' % port, proc=proc, any_status=any_status)
    return proc


def nginx_binary():
    for path in (shutil.which('nginx'), '/usr/sbin/nginx'):
        if path and os.path.exists(path):
            return path
    subprocess.run(['bash', os.path.join(ROOT, 'tools', 'setup_nginx.sh')], check=True)
    return shutil.which('nginx') or '/usr/sbin/nginx'


NGINX_CONF = """\
# generated by bench/load_test.py: nginx as this script's own process
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
{user}
events {{
    worker_connections 4096;
}}
http {{
    log_format upstream '$upstream_addr $status $request_time $upstream_connect_time';
    access_log {tmp}/nginx-access.log upstream;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;

    upstream odoo {{
        least_conn;
{servers}
    }}
    server {{
        # nginx holds every client connection (event loop, worker_connections) and
        # queues them in its own accept queue: backlog above the clients' peak
        listen 127.0.0.1:{port} backlog=4096;
        client_max_body_size 50m;
        proxy_connect_timeout 10s;
        proxy_read_timeout 720s;
        proxy_send_timeout 720s;
        # a node that refuses or resets the connection: try the other node;
        # nginx never resends a POST already sent (non_idempotent not set)
        proxy_next_upstream error timeout;
        proxy_next_upstream_tries 3;
        # HTTP/1.1 to the upstream; no keepalive pool: Odoo 11 answers HTTP/1.0 and closes
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Real-IP $remote_addr;
        add_header X-Upstream $upstream_addr always;
        location / {{
            proxy_pass http://odoo;
        }}
    }}
}}
"""


def write_nginx_conf(tmp, port, backends, down=()):
    """nginx.conf in ``tmp``: 127.0.0.1:``port`` in front of ``backends``
    (ports of Odoo on 127.0.0.1), those in ``down`` marked down."""
    servers = '\n'.join('        server 127.0.0.1:%d max_fails=1 fail_timeout=5s%s;'
                        % (p, ' down' if p in down else '') for p in backends)
    user = 'user root;' if os.geteuid() == 0 else ''
    conf = os.path.join(tmp, 'nginx.conf')
    with open(conf, 'w') as f:
        f.write(NGINX_CONF.format(tmp=tmp, port=port, servers=servers, user=user))
    return conf


def start_nginx(tmp, port, backends):
    """nginx in front of ``backends`` (ports of Odoo on 127.0.0.1), own config
    in ``tmp``, listening on 127.0.0.1:``port``."""
    binary = nginx_binary()
    conf = write_nginx_conf(tmp, port, backends)
    proc = subprocess.Popen([binary, '-p', tmp, '-c', conf], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, 'nginx.out'), 'w'))
    wait_http('http://127.0.0.1:%d/web/login' % port, timeout=60, proc=proc)
    return proc


# ---------------------------------------------------------------- clients

def classify(exc):
    text = repr(exc)
    for needle, kind in (('Connection refused', 'connection refused'),
                         ('Connection reset', 'connection reset'),
                         ('RemoteDisconnected', 'connection closed without response'),
                         ('Broken pipe', 'broken pipe'),
                         ('BrokenPipe', 'broken pipe'),
                         ('timed out', 'timeout'), ('Timeout', 'timeout')):
        if needle in text:
            return kind
    return 'connection error: %s' % type(exc).__name__


class Stats(object):
    def __init__(self):
        self.lock = threading.Lock()
        self.times = collections.defaultdict(list)
        self.errors = collections.Counter()
        self.events = []  # (start, seconds, op, error kind or None, upstream)

    def add(self, op, seconds, error, upstream, at):
        with self.lock:
            if error:
                self.errors[error] += 1
            else:
                self.times[op].append(seconds)
            self.events.append((at, seconds, op, error, upstream))


class Cadre(object):
    def __init__(self, url, db, login, cadre_id, stats, timeout):
        self.url, self.db, self.login, self.cadre_id = url, db, login, cadre_id
        self.stats, self.timeout = stats, timeout
        self.session = requests.Session()
        self.uid = None
        self.login_upstream = None
        self.last_upstream = None
        self.youth_ids = []
        self.history = []  # (start, op, error kind or None)
        self.seq = 0

    def post(self, op, path, params):
        """One JSON-RPC call, timed and classified; returns the result or None."""
        self.seq += 1
        payload = {'jsonrpc': '2.0', 'method': 'call', 'params': params, 'id': self.seq}
        t0 = time.time()
        error = upstream = None
        result = None
        try:
            resp = self.session.post(self.url + path, json=payload, timeout=self.timeout)
            upstream = resp.headers.get('X-Upstream')
            if resp.status_code != 200:
                error = 'HTTP %d' % resp.status_code
            else:
                data = resp.json()
                if 'error' in data:
                    err = data['error'].get('data') or {}
                    error = 'RPC error: %s: %s' % (err.get('name', '?'),
                                                   (err.get('message') or '')[:80])
                else:
                    result = data.get('result')
        except requests.exceptions.Timeout as e:
            error = classify(e)
        except requests.exceptions.ConnectionError as e:
            error = classify(e)
        except ValueError:
            error = 'invalid JSON response'
        self.last_upstream = upstream
        self.history.append((t0, op, error))
        self.stats.add(op, time.time() - t0, error, upstream, t0)
        return None if error else result

    def call_kw(self, op, model, method, args, kwargs=None):
        return self.post(op, '/web/dataset/call_kw/%s/%s' % (model, method), {
            'model': model, 'method': method, 'args': args,
            'kwargs': dict(kwargs or {}, context={'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})})

    def authenticate(self):
        info = self.post('login', '/web/session/authenticate',
                         {'db': self.db, 'login': self.login, 'password': PASSWORD})
        self.uid = info and info.get('uid')
        self.login_upstream = self.last_upstream
        return bool(self.uid)

    def session_uid(self, url=None):
        """uid of this session as seen by the server at ``url`` (another node)."""
        try:
            resp = self.session.post((url or self.url) + '/web/session/get_session_info',
                                     json={'jsonrpc': '2.0', 'method': 'call', 'params': {}},
                                     timeout=self.timeout)
            return (resp.json().get('result') or {}).get('uid')
        except (requests.RequestException, ValueError):
            return None


def view_fields(cadre, model, view_type):
    view = cadre.call_kw('setup', model, 'fields_view_get', [], {'view_type': view_type})
    return sorted(view['fields']) if view else ['display_name']


def run_load(url, db, cadres, iterations, duration, think, timeout, label='', stats=None):
    """Run the load against ``url``; return a dict of figures.  ``stats``: a
    Stats to fill (another thread may watch its events while the load runs)."""
    stats = stats or Stats()
    clients = [Cadre(url, db, login, cadre_id, stats, timeout) for login, cadre_id in cadres]
    ready = threading.Barrier(len(clients) + 1)
    deadline = [None]
    fields = {}

    def setup(client):
        if client.authenticate():
            contacts = client.call_kw('setup', 'league.contact', 'search_read',
                                      [[('cadre_id.user_id', '=', client.uid)]],
                                      {'fields': ['youth_id'], 'limit': 200})
            client.youth_ids = [c['youth_id'][0] for c in contacts or []]

    def loop(client):
        try:
            setup(client)
        finally:
            ready.wait()
        if not client.youth_ids:
            return
        rnd = random.Random(client.cadre_id)
        for i in range(iterations):
            if time.time() > deadline[0]:
                break
            client.call_kw('log.create', 'league.contact.log', 'create', [{
                'cadre_id': client.cadre_id,
                'youth_ids': [(6, 0, [rnd.choice(client.youth_ids)])],
                'mode': rnd.choice(['wechat', 'phone', 'qq']),
                'topic': 'guidance',
                'content': '压测:第%d次联系,了解近况并宣传团的活动。' % (i + 1)}])
            client.call_kw('youth.kanban', 'league.contact', 'search_read',
                           [[('cadre_id.user_id', '=', client.uid)]],
                           {'fields': fields['kanban'], 'limit': 40})
            client.call_kw('log.list', 'league.contact.log', 'search_read', [[]],
                           {'fields': fields['list'], 'limit': 80})
            client.call_kw('log.count', 'league.contact.log', 'search_count', [[]])
            if think:
                time.sleep(think)

    # the fields the web client reads (views of the first cadre), outside the measure
    probe = Cadre(url, db, cadres[0][0], cadres[0][1], Stats(), timeout)
    probe.authenticate()
    fields['kanban'] = view_fields(probe, 'league.contact', 'kanban')
    fields['list'] = view_fields(probe, 'league.contact.log', 'tree')

    load_before = os.getloadavg()
    net_before = netstat_counters()
    threads = [threading.Thread(target=loop, args=(c,), daemon=True) for c in clients]
    t_login = time.time()
    deadline[0] = t_login + duration
    for t in threads:
        t.start()
    ready.wait()
    t0 = time.time()
    deadline[0] = t0 + duration
    for t in threads:
        t.join(duration + timeout + 30)
    elapsed = time.time() - t0
    net_after = netstat_counters()
    load_after = os.getloadavg()

    ops = {}
    for op in OPS:
        values = sorted(stats.times.get(op, []))
        if values:
            ops[op] = {'n': len(values), 'p50': pct(values, 50), 'p95': pct(values, 95),
                       'p99': pct(values, 99), 'max': values[-1]}
    done = sum(len(v) for op, v in stats.times.items() if op not in ('login', 'setup'))
    errors = sum(stats.errors.values())
    return {
        'label': label, 'url': url, 'cadres': len(clients),
        'active_cadres': sum(1 for c in clients if c.youth_ids),
        'elapsed': elapsed, 'requests_ok': done, 'errors_total': errors,
        'throughput': done / elapsed if elapsed else 0.0,
        'ops': ops, 'errors': dict(stats.errors),
        'listen_overflows': {k: net_after.get(k, 0) - net_before.get(k, 0) for k in net_after},
        'loadavg_before': load_before, 'loadavg_after': load_after,
        'clients': clients, 'events': stats.events,
    }


def pct(values, p):
    if not values:
        return 0.0
    k = (len(values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def count_retries(logfile, offset=0):
    """Serialization retries and worker events Odoo logged after ``offset``."""
    out = collections.Counter()
    try:
        with open(logfile, errors='replace') as f:
            f.seek(offset)
            for line in f:
                if 'retry' in line and ('serializ' in line.lower() or 'LOCK' in line
                                        or 'DEADLOCK' in line):
                    out['serialization retries'] += 1
                elif 'maximum number of tries' in line:
                    out['serialization failures (gave up)'] += 1
                elif ' ERROR ' in line or ' CRITICAL ' in line:
                    out['server ERROR lines'] += 1
                elif 'timeout after' in line:
                    out['worker timeouts'] += 1
    except OSError:
        pass
    return dict(out)


def log_size(logfile):
    try:
        return os.path.getsize(logfile)
    except OSError:
        return 0


def print_report(res, extra=None):
    print()
    print('== %s: %s, %d cadres (%d with contacts), %.1f s' % (
        res['label'], res['url'], res['cadres'], res['active_cadres'], res['elapsed']))
    print('   load average before %.2f %.2f %.2f, after %.2f %.2f %.2f (2 shared cores)'
          % (tuple(res['loadavg_before']) + tuple(res['loadavg_after'])))
    print('   %-14s %6s %8s %8s %8s %8s' % ('operation', 'n', 'p50', 'p95', 'p99', 'max'))
    for op in OPS:
        f = res['ops'].get(op)
        if f:
            print('   %-14s %6d %7.0fms %7.0fms %7.0fms %7.0fms' % (
                op, f['n'], f['p50'] * 1000, f['p95'] * 1000, f['p99'] * 1000,
                f['max'] * 1000))
    print('   throughput: %.1f requests/s (%d requests after login)' % (
        res['throughput'], res['requests_ok']))
    if res['errors']:
        print('   errors: %d' % res['errors_total'])
        for kind, n in sorted(res['errors'].items(), key=lambda kv: -kv[1]):
            print('     %5d  %s' % (n, kind))
    else:
        print('   errors: none')
    print('   kernel listen queue overflows during the run (machine-wide): %s' % ', '.join(
        '%s %d' % kv for kv in sorted(res['listen_overflows'].items())))
    for key, value in sorted((extra or {}).items()):
        print('   %s: %s' % (key, value))


def public(res):
    return {k: v for k, v in res.items() if k not in ('clients', 'events')}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', default='yc_dev', help='database copied for the test (default yc_dev)')
    parser.add_argument('--work-db', default='yc_loadtest', help='the scratch copy (dropped at the end)')
    parser.add_argument('--keep-db', action='store_true')
    parser.add_argument('--cadres', type=int, default=50)
    parser.add_argument('--workers', default='4,6',
                        help='Odoo workers; a list runs each (default 4,6: 9 x 4 = 36 connections '
                             'accepted at once < 50 cadres, 9 x 6 = 54 >= 50)')
    parser.add_argument('--iterations', type=int, default=10, help='rounds per cadre (4 requests each)')
    parser.add_argument('--duration', type=float, default=120, help='seconds at most per run')
    parser.add_argument('--think', type=float, default=0.0, help='pause of each cadre between rounds')
    parser.add_argument('--timeout', type=float, default=60, help='seconds per request')
    parser.add_argument('--target', default='direct,nginx', help='direct, nginx or both (default)')
    parser.add_argument('--json', help='write the figures to this file')
    parser.add_argument('--keep-tmp', action='store_true',
                        help='keep the temporary directory (logs of Odoo and nginx)')
    args = parser.parse_args()
    targets = [t.strip() for t in args.target.split(',') if t.strip()]

    tmp = tempfile.mkdtemp(prefix='yc-load-')
    procs = []
    results = []
    try:
        print('copying %s into %s, setting the cadres\' passwords...' % (args.db, args.work_db))
        cadres = prepare_db(args.db, args.work_db, tmp, args.cadres)
        if not cadres:
            raise SystemExit('no cadre with a user and contacts in %s' % args.db)
        for workers in [int(w) for w in args.workers.split(',')]:
            port = free_port()
            logfile = os.path.join(tmp, 'odoo-%d.log' % workers)
            print()
            print('starting Odoo --workers=%d --max-cron-threads=0 on 127.0.0.1:%d...'
                  % (workers, port))
            odoo = start_odoo(args.work_db, tmp, port, workers, logfile, proxy_mode=True)
            procs.append(odoo)
            backlog = listen_backlog(port)
            print('Odoo listen backlog: %s (Odoo 11 prefork: 8 x workers); connections it takes '
                  'at once: %d workers + %s queued; peak of concurrent requests: %d'
                  % (backlog, workers, backlog, len(cadres)))
            for target in targets:
                if target == 'direct':
                    url = 'http://127.0.0.1:%d' % port
                elif target == 'nginx':
                    nport = free_port()
                    procs.append(start_nginx(tmp, nport, [port]))
                    url = 'http://127.0.0.1:%d' % nport
                else:
                    raise SystemExit('unknown target %s' % target)
                offset = log_size(logfile)
                res = run_load(url, args.work_db, cadres, args.iterations, args.duration,
                               args.think, args.timeout,
                               label='%s, --workers=%d' % (target, workers))
                extra = {'Odoo log': count_retries(logfile, offset) or 'nothing logged',
                         'Odoo listen backlog': backlog, 'workers': workers}
                if target == 'nginx':
                    stop_process(procs.pop())
                res.update(extra)
                print_report(res, extra)
                results.append(public(res))
            stop_process(procs.pop())
        if args.json:
            with open(args.json, 'w') as f:
                json.dump({'args': vars(args), 'results': results}, f, indent=1, default=str)
    finally:
        for proc in reversed(procs):
            stop_process(proc)
        clean_up(args, tmp, args.keep_db)
    return 0


def clean_up(args, tmp, keep_db=False):
    """Drop the work database (unless kept) and the temporary folder (unless
    ``--keep-tmp``): the end of every script of this family."""
    if not keep_db:
        subprocess.run(['dropdb', '--if-exists', args.work_db])
    if args.keep_tmp:
        print('logs kept in %s' % tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
