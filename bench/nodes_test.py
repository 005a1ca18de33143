#!/usr/bin/env python3
"""Two Odoo nodes behind nginx, one stopped in the middle of the load (issue 10,
"beyond one machine", tested on this machine).

    .venv/bin/python bench/nodes_test.py                   # 50 cadres, 2 nodes x 6 workers
    .venv/bin/python bench/nodes_test.py --drain           # planned stop: drained first
    .venv/bin/python bench/nodes_test.py --cadres 20 --workers 2 --iterations 6

Starts two Odoo processes on the same scratch copy of a database and the same
data directory (so the same filestore and the same sessions directory, as
nodes sharing one PostgreSQL and one filesystem would), nginx in front of them
(own process, generated configuration, a free 127.0.0.1 port), runs the load
of bench/load_test.py through nginx and, once half of the expected requests
are done, stops node A the way an operator does (SIGTERM to its master:
workers finish the request they hold, then exit). Reports:

- the errors, split into requests in flight on node A when it was stopped
  (started before node A was gone and ended after the stop began) and any
  other (the test fails on any other);
- which node served the requests before and after the stop;
- the sessions: every cadre's session, whichever node authenticated it, is
  checked on node B directly (``/web/session/get_session_info``), and the
  cadres whose session was created on node A kept working through nginx.

Bounded: --duration seconds of load at most, 60 s for the stop; every process
started here is stopped and the scratch database dropped (--keep-db keeps it).
Exit status 1 when an error happened outside the stop or a session was lost.
"""
import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load_test as lt  # noqa: E402


def connections(port):
    """Established TCP connections to 127.0.0.1:``port`` (served or queued)."""
    out = subprocess.run(['ss', '-tnH', 'state', 'established', '( sport = :%d )' % port],
                         stdout=subprocess.PIPE, universal_newlines=True, timeout=10).stdout
    return len([line for line in out.splitlines() if line.strip()])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', default='yc_dev', help='database copied for the test (default yc_dev)')
    parser.add_argument('--work-db', default='yc_loadtest_nodes')
    parser.add_argument('--keep-db', action='store_true')
    parser.add_argument('--cadres', type=int, default=50)
    parser.add_argument('--workers', type=int, default=6,
                        help='workers of each node (default 6: node B alone takes 9 x 6 = 54 '
                             'connections at once >= 50 cadres; with 4, 36 < 50, its accept '
                             'queue overflows once A is stopped)')
    parser.add_argument('--iterations', type=int, default=10)
    parser.add_argument('--duration', type=float, default=180)
    parser.add_argument('--timeout', type=float, default=60)
    parser.add_argument('--drain', action='store_true',
                        help='planned stop: mark node A down in nginx (reload), wait until it '
                             'holds no connection, then stop it')
    parser.add_argument('--json', help='write the figures to this file')
    parser.add_argument('--keep-tmp', action='store_true',
                        help='keep the temporary directory (logs of Odoo and nginx)')
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix='yc-nodes-')
    procs = {}
    ok = False
    try:
        print("copying %s into %s, setting the cadres' passwords..." % (args.db, args.work_db))
        cadres = lt.prepare_db(args.db, args.work_db, tmp, args.cadres)
        if not cadres:
            raise SystemExit('no cadre with a user and contacts in %s' % args.db)
        ports = {'A': lt.free_port(), 'B': lt.free_port()}
        for name in ('A', 'B'):
            print('starting node %s: Odoo --workers=%d on 127.0.0.1:%d, data dir %s'
                  % (name, args.workers, ports[name], tmp))
            procs[name] = lt.start_odoo(args.work_db, tmp, ports[name], args.workers,
                                        os.path.join(tmp, 'odoo-%s.log' % name),
                                        proxy_mode=True)
        nport = lt.free_port()
        procs['nginx'] = lt.start_nginx(tmp, nport, [ports['A'], ports['B']])
        url = 'http://127.0.0.1:%d' % nport
        upstream = {'127.0.0.1:%d' % p: n for n, p in ports.items()}
        print('nginx on %s in front of A and B' % url)

        stats = lt.Stats()
        expected = len(cadres) * args.iterations * 4
        stop = {}

        def stop_node_a():
            deadline = time.time() + args.duration
            while time.time() < deadline:
                done = sum(1 for e in stats.events if e[2] not in ('login', 'setup'))
                if done >= expected // 2:
                    break
                time.sleep(0.2)
            stop['begin'] = time.time()
            if args.drain:
                # nginx sends nothing new to A; its old worker ends the requests in flight
                lt.write_nginx_conf(tmp, nport, [ports['A'], ports['B']], down=[ports['A']])
                procs['nginx'].send_signal(signal.SIGHUP)
                limit = time.time() + 30
                while time.time() < limit and connections(ports['A']):
                    time.sleep(0.1)
                stop['drained'] = time.time()
            procs['A'].send_signal(signal.SIGTERM)  # the master only: a graceful stop
            try:
                procs['A'].wait(60)
            except subprocess.TimeoutExpired:
                lt.stop_process(procs['A'], signal.SIGKILL)
            stop['end'] = time.time()
            print('node A stopped (%.1f s after the stop began%s), %d requests done before'
                  % (stop['end'] - stop['begin'], ', drained in %.1f s'
                     % (stop['drained'] - stop['begin']) if 'drained' in stop else '', done))

        stopper = threading.Thread(target=stop_node_a, daemon=True)
        stopper.start()
        label = 'nginx, 2 nodes, A %s midway' % ('drained and stopped' if args.drain else 'stopped')
        res = lt.run_load(url, args.work_db, cadres, args.iterations, args.duration, 0,
                          args.timeout, label=label, stats=stats)
        stopper.join(90)

        # errors: in flight at the stop or not; which node served what
        begin, end = stop.get('begin', 0), stop.get('end', 0)

        def node_of(up):
            return upstream.get((up or '').split(',')[-1].strip(), up or '-')

        in_flight, other = collections.Counter(), collections.Counter()
        served = {'before': collections.Counter(), 'during': collections.Counter(),
                  'after': collections.Counter()}
        for start, seconds, op, error, up in res['events']:
            if error:
                # in flight on A: under way while A stopped, and sent to A (nginx names
                # the upstreams tried; a client-side error names none)
                if start <= end and start + seconds >= begin and (
                        not up or '127.0.0.1:%d' % ports['A'] in up):
                    in_flight[(op, error)] += 1
                else:
                    other[(op, error)] += 1
            elif op not in ('login', 'setup'):
                when = 'before' if start + seconds < begin else 'after' if start > end else 'during'
                served[when][node_of(up)] += 1

        # sessions: each cadre's session checked on node B directly; the cadres
        # authenticated by node A went on working through nginx after the stop
        node_b = 'http://127.0.0.1:%d' % ports['B']
        by_node, valid_on_b, working_after = (collections.Counter() for _i in range(3))
        for client in res['clients']:
            node = node_of(client.login_upstream)
            by_node[node] += 1
            if client.uid and client.session_uid(node_b) == client.uid:
                valid_on_b[node] += 1
            if any(start > end and not error for start, _op, error in client.history):
                working_after[node] += 1

        lt.print_report(res, {'Odoo log A': lt.count_retries(os.path.join(tmp, 'odoo-A.log'))
                              or 'nothing logged',
                              'Odoo log B': lt.count_retries(os.path.join(tmp, 'odoo-B.log'))
                              or 'nothing logged'})
        print('   node A stop: SIGTERM at +%.1f s, gone at +%.1f s (from the first request)' % (
            stop.get('begin', 0) - res['events'][0][0], stop.get('end', 0) - res['events'][0][0]))
        print('   requests served by node, before the stop: %s; during: %s; after: %s' % (
            dict(served['before']), dict(served['during']), dict(served['after'])))
        print('   errors of requests in flight at the stop: %d %s' % (
            sum(in_flight.values()), dict(in_flight) or ''))
        print('   other errors: %d %s' % (sum(other.values()), dict(other) or ''))
        print('   sessions created on each node: %s; valid on node B after the stop: %s;'
              ' cadres served after the stop: %s' % (dict(by_node), dict(valid_on_b),
                                                     dict(working_after)))
        lost = sum(by_node.values()) - sum(valid_on_b.values())
        ok = not other and lost == 0 and not served['after'].get('A')
        print('   RESULT: %s' % ('OK: no error beyond the requests in flight, no session lost'
                                  if ok else 'FAILED (%d other errors, %d sessions lost)'
                                  % (sum(other.values()), lost)))
        if args.json:
            with open(args.json, 'w') as f:
                json.dump({'args': vars(args), 'result': lt.public(res),
                           'in_flight': {'%s: %s' % k: v for k, v in in_flight.items()},
                           'other': {'%s: %s' % k: v for k, v in other.items()},
                           'served': {k: dict(v) for k, v in served.items()},
                           'sessions_by_node': dict(by_node),
                           'sessions_valid_on_b': dict(valid_on_b),
                           'cadres_served_after_stop': dict(working_after), 'ok': ok},
                          f, indent=1, default=str)
    finally:
        for name in ('nginx', 'B', 'A'):
            lt.stop_process(procs.get(name))
        lt.clean_up(args, tmp, args.keep_db)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
