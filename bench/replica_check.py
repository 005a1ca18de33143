#!/usr/bin/env python3
"""Can an Odoo 11 process serve the reports from a PostgreSQL streaming replica?
(issue 10, "beyond one machine").

    .venv/bin/python bench/replica_check.py [--db yc_dev]

A hot standby refuses every write ("cannot execute ... in a read-only
transaction"). This script emulates one on this machine without a second
PostgreSQL: a scratch copy of the database; a normal server on it (the
primary) where a cadre and a city administrator log in; the copy then set to
``default_transaction_read_only = on`` (every transaction read-only, as on a
standby) and a second server on it sharing the first one's data directory (so
the sessions opened on the primary are known). As each user: log in on the
read-only node, then, with the primary's session, read the contact analysis
grouped by county and the contact log list. Prints what each step answered
and the writes the database refused. Bounded (127.0.0.1 only); stops its
servers and drops the copy.
"""
import argparse
import collections
import os
import re
import sys
import tempfile

import psycopg2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load_test as lt  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--db', default='yc_dev')
    parser.add_argument('--work-db', default='yc_loadtest_replica')
    parser.add_argument('--keep-tmp', action='store_true', help='keep the servers\' logs')
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix='yc-replica-')
    proc = primary = None
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
                             AND u.active AND u.id != 1 ORDER BY u.id LIMIT 1""")
            row = cr.fetchone()
            if row:
                cr.execute("UPDATE res_users SET password = '', password_crypt = "
                           "(SELECT password_crypt FROM res_users WHERE login = %s) WHERE login = %s",
                           (cadres[0][0], row[0]))
        conn.close()
        users = [('cadre', cadres[0][0])] + ([('city administrator', row[0])] if row else [])

        # sessions opened on a normal (primary) server sharing the data dir
        port = lt.free_port()
        primary = lt.start_odoo(args.work_db, tmp, port, 1, os.path.join(tmp, 'odoo-primary.log'))
        clients = []
        for who, login in users:
            client = lt.Cadre('http://127.0.0.1:%d' % port, args.work_db, login, 0, lt.Stats(), 60)
            client.authenticate()
            clients.append((who, client))
        lt.stop_process(primary)
        conn = psycopg2.connect(dbname=args.work_db)
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute('ALTER DATABASE "%s" SET default_transaction_read_only = on' % args.work_db)
        conn.close()

        port = lt.free_port()
        print('starting Odoo (--workers=1) on the copy made read-only (as a hot standby)...')
        try:
            proc = lt.start_odoo(args.work_db, tmp, port, 1, os.path.join(tmp, 'odoo.log'),
                                 any_status=True)
        except RuntimeError as e:
            print('  the server did not start: %s' % e)
            return 0
        url = 'http://127.0.0.1:%d' % port
        for who, primary_client in clients:
            print('as the %s (%s):' % (who, primary_client.login))
            fresh = lt.Cadre(url, args.work_db, primary_client.login, 0, lt.Stats(), 60)
            primary_client.url = url
            steps = [
                ('log in on the read-only node', fresh, lambda c: c.authenticate()),
                ('session of the primary: analysis by county', primary_client,
                 lambda c: c.call_kw('read', 'league.report.contact', 'read_group',
                                     [[], ['county_id'], ['county_id']], {'lazy': False})),
                ('session of the primary: contact log list', primary_client,
                 lambda c: c.call_kw('read', 'league.contact.log', 'search_read', [[]],
                                     {'fields': ['name'], 'limit': 80})),
            ]
            for label, client, step in steps:
                before = dict(client.stats.errors)
                result = step(client)
                new = [k.strip() for k, v in client.stats.errors.items() if v - before.get(k, 0)]
                print('  %-44s %s' % (label, 'refused: %s' % '; '.join(new) if new else
                                      'ok (%s)' % type(result).__name__))
        writes = collections.Counter()
        with open(os.path.join(tmp, 'odoo.log'), errors='replace') as f:
            for line in f:
                found = re.search(r'bad query: b?.?(INSERT INTO|UPDATE|DELETE FROM|select nextval\()'
                                  r'\s*["\']?(\w+)', line)
                if found:
                    verb, name = found.groups()
                    writes["nextval('%s')" % name if 'nextval' in verb else
                           '%s %s' % (verb, name)] += 1
        print('writes refused by the read-only database (server log): %s'
              % (dict(writes) or 'none'))
    finally:
        lt.stop_process(primary)
        lt.stop_process(proc)
        lt.clean_up(args, tmp)
    return 0


if __name__ == '__main__':
    sys.exit(main())
