#!/usr/bin/env python3
"""Can an Odoo 11 process serve the reports from a PostgreSQL streaming replica?
(issue 10, "beyond one machine").

    .venv/bin/python bench/replica_check.py [--db yc_dev]

A hot standby refuses every write ("cannot execute ... in a read-only
transaction"). This script emulates one on this machine without a second
PostgreSQL: a scratch copy of the database with
``default_transaction_read_only = on`` (every transaction read-only, as on a
standby), an Odoo server on it (one worker, no cron, 127.0.0.1), then, as a
cadre and as the city administrator of the copy, what a report reader does:
log in, read the contact analysis grouped by county, open the dashboard's
contact log list. Prints what each step answered. Bounded; stops its server
and drops the copy.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import psycopg2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load_test as lt  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', default='yc_dev')
    parser.add_argument('--work-db', default='yc_loadtest_replica')
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix='yc-replica-')
    proc = None
    try:
        cadres = lt.prepare_db(args.db, args.work_db, tmp, 1)
        conn = psycopg2.connect(dbname=args.work_db)
        conn.autocommit = True
        with conn.cursor() as cr:
            # the city administrator of the copy, with the same known password
            cr.execute("""SELECT u.login FROM res_users u
                            JOIN res_groups_users_rel r ON r.uid = u.id
                            JOIN ir_model_data d ON d.model = 'res.groups' AND d.res_id = r.gid
                           WHERE d.module = 'youth_contact' AND d.name = 'group_city_admin'
                             AND u.active ORDER BY u.id LIMIT 1""")
            row = cr.fetchone()
            if row:
                cr.execute("UPDATE res_users SET password = '', password_crypt = "
                           "(SELECT password_crypt FROM res_users WHERE login = %s) WHERE login = %s",
                           (cadres[0][0], row[0]))
            cr.execute('ALTER DATABASE "%s" SET default_transaction_read_only = on' % args.work_db)
        conn.close()
        users = [('cadre', cadres[0][0])] + ([('city administrator', row[0])] if row else [])

        port = lt.free_port()
        print('starting Odoo (--workers=1) on a read-only copy of %s...' % args.db)
        try:
            proc = lt.start_odoo(args.work_db, tmp, port, 1, os.path.join(tmp, 'odoo.log'),
                                 any_status=True)
        except RuntimeError as e:
            print('  the server did not start: %s' % e)
            return 0
        url = 'http://127.0.0.1:%d' % port
        for who, login in users:
            client = lt.Cadre(url, args.work_db, login, 0, lt.Stats(), 60)
            steps = [('log in (/web/session/authenticate)', client.authenticate)]
            steps.append(('contact analysis by county (read_group)', lambda c=client: c.call_kw(
                'read', 'league.report.contact', 'read_group', [[], ['county_id'], ['county_id']],
                {'lazy': False})))
            steps.append(('contact log list (search_read, 80 rows)', lambda c=client: c.call_kw(
                'read', 'league.contact.log', 'search_read', [[]], {'fields': ['name'],
                                                                   'limit': 80})))
            print('as the %s (%s):' % (who, login))
            for label, step in steps:
                before = dict(client.stats.errors)
                result = step()
                new = {k: v - before.get(k, 0) for k, v in client.stats.errors.items()
                       if v - before.get(k, 0)}
                print('  %-42s %s' % (label, 'refused: %s' % ', '.join(new) if new else
                                      'ok (%s)' % (type(result).__name__)))
        with open(os.path.join(tmp, 'odoo.log'), errors='replace') as f:
            readonly = [line.strip()[:200] for line in f if 'read-only transaction' in line]
        print('read-only refusals in the server log: %d%s' % (
            len(readonly), (', first: ' + readonly[0]) if readonly else ''))
    finally:
        lt.stop_process(proc)
        subprocess.run(['dropdb', '--if-exists', args.work_db])
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
