# -*- coding: utf-8 -*-
"""What the benchmark scripts share: the Odoo set-up, timing and query counts.

    import benchlib
    parser = benchlib.parser(__doc__, 'yc_dev')       # --db and the script's help line
    args = parser.parse_args()
    with benchlib.odoo_env(args.db) as env:          # superuser, rolled back at the end
        value, seconds, queries = benchlib.timed(env, lambda: ...)
    benchlib.write_json('x_bench.json', results)     # bench/out/

Odoo is imported when a database is opened, so ``--help`` works anywhere.
"""
import argparse
import contextlib
import json
import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, '.odoo', 'odoo.conf')
OUT = os.path.join(ROOT, 'bench', 'out')
#: The context of the scripts that write many records (no chatter, no mails).
BULK_CONTEXT = {'tracking_disable': True, 'mail_create_nolog': True, 'no_reset_password': True}


def parser(doc, db):
    """An argument parser described by the first line of ``doc`` with ``--db``."""
    lines = [line for line in doc.strip().splitlines() if line.strip()]
    result = argparse.ArgumentParser(description=lines[0] if lines else None)
    result.add_argument('--db', default=db, help='database (default: %(default)s)')
    return result


def ensure_db(db, modules, label):
    """Create ``db`` with ``modules`` installed, without demo data, unless it exists."""
    exists = subprocess.run(['psql', '-d', 'postgres', '-tAc',
                             "SELECT 1 FROM pg_database WHERE datname = '%s'" % db],
                            stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    if exists == '1':
        return
    print('%s: creating database %s with %s (no demo data)...' % (label, db, modules),
          flush=True)
    subprocess.run(['bash', os.path.join(ROOT, 'tools', 'odoo.sh'), '-d', db,
                    '-i', modules, '--without-demo=all', '--stop-after-init',
                    '--log-level=warn'], check=True)


@contextlib.contextmanager
def odoo_env(db, context=None):
    """A superuser environment on ``db`` (configuration of ``.odoo/odoo.conf``);
    what is not committed is rolled back at the end."""
    import odoo
    odoo.tools.config.parse_config(['-c', CONF, '-d', db, '--log-level=warn'])
    registry = odoo.registry(db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        try:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))
        finally:
            cr.rollback()


def timed(env, fn, clear=True):
    """Run ``fn`` once, after emptying the ORM cache when ``clear``:
    (its value, seconds, SQL queries)."""
    if clear:
        env.cache.invalidate()
    cr = env.cr
    queries, start = cr.sql_log_count, time.time()
    value = fn()
    return value, time.time() - start, cr.sql_log_count - queries


def best_of(env, fn, repeat, under=None):
    """The best of ``repeat`` runs of ``fn`` (cache emptied before each), stopping
    after a run longer than ``under`` seconds: (last value, seconds, queries)."""
    best, value, queries = None, None, None
    for _i in range(max(repeat, 1)):
        value, elapsed, queries = timed(env, fn)
        best = elapsed if best is None else min(best, elapsed)
        if under is not None and elapsed > under:
            break
    return value, best, queries


def write_json(name, data):
    """Write ``data`` to ``bench/out/<name>``."""
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(data, f, indent=2, ensure_ascii=False)


def print_table(columns, row_format, records):
    """Print ``records`` (dicts) as a Markdown table: ``columns`` are the titles,
    a title ending with ':' is right-aligned; ``row_format`` formats one record."""
    print('| %s |' % ' | '.join(title.rstrip(':') for title in columns))
    print('|%s|' % '|'.join('---:' if title.endswith(':') else '---' for title in columns))
    for record in records:
        print(('| %s |' % row_format).format(**record))
