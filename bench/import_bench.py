#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Benchmark of the Excel import of youth (issue 6): rows per second.

Usage (from the repository root):

    .venv/bin/python bench/import_bench.py                  # 10,000 and 100,000 rows
    .venv/bin/python bench/import_bench.py --rows 2000      # a quick run

For each size the script builds an .xlsx in the template layout (the same
writer as the templates), then, as a city administrator (a real user, record
rules applied), times:

* preview  - read the file, check every row, store the preview rows;
* confirm  - read and check again, then create every youth (one savepoint);
* re-check - preview of the same file once imported (every row an update).

It also counts the SQL queries of the preview to show that they do not grow
with the number of rows, and checks on a sample of the imported youth that
the stored computed fields written by the import (county, number of cadres,
next activity) are those the ORM computes.  With ``--compare``, each size is
also confirmed (another file: other mobiles) with every stored computed field
left to the ORM's recomputation, the path before issue 10, alternately with
the current one in the same run.  Everything runs in one transaction that is rolled
back at the end: the benchmark database is left as it was.  The database
(``yc_bench`` by default, ``--db`` to change it) is created with the
youth_contact addon when missing.  Results are printed as a Markdown table
and written to ``bench/out/import_bench.json``.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import random
import time
from unittest.mock import patch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, '.odoo', 'odoo.conf')
OUT = os.path.join(ROOT, 'bench', 'out')
SECTORS = ['企业', '农村', '机关', '学校', '街道社区', '青年社会组织', '新媒体']
HARDSHIPS = ['', '', '', '', '留守儿童', '城乡贫困家庭青少年']
SURNAMES = '李张陈黄刘钟曾罗杨谢古廖温邱叶朱林吴何侯'
GIVEN = '伟强俊杰浩明文华志宇丽芳婷敏静燕霞玲娟慧'


def ensure_db(db):
    exists = subprocess.run(['psql', '-d', 'postgres', '-tAc',
                             "SELECT 1 FROM pg_database WHERE datname = '%s'" % db],
                            stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    if exists == '1':
        return
    print('bench: creating database %s with youth_contact (no demo data)...' % db)
    subprocess.run([os.path.join(ROOT, '.venv', 'bin', 'python'),
                    os.path.join(ROOT, 'tools', 'odoo-bin'), '-c', CONF, '-d', db,
                    '-i', 'youth_contact', '--without-demo=all', '--stop-after-init',
                    '--log-level=warn'], check=True)


def rows(count, towns, units, offset=0):
    for i in range(count):
        name = SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + GIVEN[(i // 400) % 20]
        org = units[i % len(units)] if i % 3 else towns[i % len(towns)]
        yield [name, '男' if i % 2 else '女', '%d-%02d-%02d' % (1990 + i % 20, 1 + i % 12,
                                                             1 + i % 28),
               '17%09d' % (offset + i), '共青团员', SECTORS[i % 7], '单位%d' % (i % 50), org,
               HARDSHIPS[i % 6]]


def check_sample(env, numbers, size):
    """Recompute by the ORM every stored computed field of ``size`` youth of
    the mobiles ``numbers`` (random sample): the import must have stored the
    same values.  Returns the number of youth checked."""
    Youth = env['league.youth'].with_context(active_test=False)
    names = sorted(name for name, field in Youth._fields.items()
                   if field.store and field.compute and field.column_type)
    mobiles = ['17%09d' % i for i in random.Random(1).sample(numbers, min(size, len(numbers)))]
    query = 'SELECT id, %s FROM league_youth WHERE mobile = ANY(%%s) ORDER BY id' % ', '.join(
        '"%s"' % name for name in names)
    env.cr.execute(query, [mobiles])
    stored = env.cr.fetchall()
    assert len(stored) == len(mobiles), (len(stored), len(mobiles))
    records = Youth.browse([row[0] for row in stored])
    env.cache.invalidate()
    for name in names:
        env.add_todo(Youth._fields[name], records)
    Youth.recompute()
    env.cr.execute(query, [mobiles])
    computed = env.cr.fetchall()
    differ = [(a, b) for a, b in zip(stored, computed) if a != b]
    assert not differ, 'stored by the import / computed by the ORM (%s): %s' % (
        ', '.join(names), differ[:5])
    return len(records)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    parser.add_argument('--db', default='yc_bench')
    parser.add_argument('--rows', type=int, nargs='+', default=[10000, 100000])
    parser.add_argument('--compare', action='store_true',
                        help='also confirm each size with the ORM recomputing every stored '
                             'computed field (the path before issue 10)')
    parser.add_argument('--sample', type=int, default=500,
                        help='imported youth whose stored computed fields are checked')
    args = parser.parse_args()
    ensure_db(args.db)

    sys.path.insert(0, os.path.join(ROOT, 'tools'))
    from gen_templates import fmt  # the template writer, loaded without Odoo
    import odoo
    odoo.tools.config.parse_config(['-c', CONF, '-d', args.db, '--log-level=warn'])
    registry = odoo.registry(args.db)
    results = []
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        try:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {
                'tracking_disable': True, 'no_reset_password': True})
            Org = env['league.organization']
            city = Org.create({'name': '基准测试团市委', 'level': 'city'})
            county = Org.create({'name': '基准县团委', 'level': 'county', 'parent_id': city.id})
            towns = [Org.create({'name': '基准镇%d团委' % i, 'level': 'town',
                                 'parent_id': county.id}) for i in range(6)]
            units = [Org.create({'name': '基准单位%d团支部' % i, 'level': 'unit',
                                 'sector': 'enterprise', 'parent_id': towns[i % 6].id})
                     for i in range(12)]
            user = env['res.users'].create({
                'name': '基准管理员', 'login': 'yc_bench_city',
                'groups_id': [(6, 0, [env.ref('youth_contact.group_city_admin').id])]})
            Wizard = type(env['league.import.wizard'])
            offset = 0
            towns_names, units_names = [t.name for t in towns], [u.name for u in units]
            # the former path first: the current one then writes into a larger table
            paths = ([('orm', True)] if args.compare else []) + [('fast', False)]
            for count in args.rows:
                result = {'rows': count}
                for _path, orm in paths:
                    start = time.time()
                    data = fmt.build_workbook('youth', list(rows(
                        count, towns_names, units_names, offset)))
                    offset += count
                    built = time.time() - start
                    wizard = env['league.import.wizard'].sudo(user).create({
                        'import_type': 'youth', 'file': base64.b64encode(data),
                        'filename': 'bench.xlsx'})
                    queries = cr.sql_log_count
                    start = time.time()
                    wizard.action_preview()
                    preview = time.time() - start
                    queries = cr.sql_log_count - queries
                    assert wizard.count_new == count, (wizard.count_new, wizard.count_error)
                    confirm_queries = cr.sql_log_count
                    start = time.time()
                    if orm:
                        with patch.object(Wizard, '_bulk_computed', lambda *a: ({}, [])):
                            wizard.action_confirm()
                    else:
                        wizard.action_confirm()
                    confirm = time.time() - start
                    confirm_queries = cr.sql_log_count - confirm_queries
                    assert wizard.created_count == count
                    if orm:
                        result.update({'orm_confirm_s': round(confirm, 1),
                                       'orm_confirm_rows_s': int(count / confirm),
                                       'orm_confirm_queries': confirm_queries})
                        env.clear()
                        continue
                    checked = check_sample(env, range(offset - count, offset), args.sample)
                    again = env['league.import.wizard'].sudo(user).create({
                        'import_type': 'youth', 'file': base64.b64encode(data),
                        'filename': 'bench.xlsx'})
                    start = time.time()
                    again.action_preview()
                    recheck = time.time() - start
                    assert again.count_update == count
                    result.update({'file_kb': len(data) // 1024,
                                   'build_s': round(built, 1), 'preview_s': round(preview, 1),
                                   'preview_rows_s': int(count / preview),
                                   'preview_queries': queries, 'confirm_s': round(confirm, 1),
                                   'confirm_rows_s': int(count / confirm),
                                   'confirm_queries': confirm_queries,
                                   'recheck_s': round(recheck, 1),
                                   'recheck_rows_s': int(count / recheck),
                                   'sample_checked': checked})
                    env.clear()
                results.append(result)
                print('bench: %s' % json.dumps(result), flush=True)
        finally:
            cr.rollback()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'import_bench.json'), 'w') as f:
        json.dump(results, f, indent=2)
    print()
    print('| rows | file | preview | preview rows/s | preview queries | confirm '
          '| confirm rows/s | confirm queries | re-check (updates) rows/s |')
    print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for r in results:
        print('| {rows:,} | {file_kb:,} KB | {preview_s} s | {preview_rows_s:,} | '
              '{preview_queries} | {confirm_s} s | {confirm_rows_s:,} | {confirm_queries:,} | '
              '{recheck_rows_s:,} |'.format(**r))
    if args.compare:
        print()
        print('| rows | confirm, ORM recomputation (before issue 10) | confirm, now |')
        print('|---:|---:|---:|')
        for r in results:
            print('| {rows:,} | {orm_confirm_s} s, {orm_confirm_rows_s:,} rows/s, '
                  '{orm_confirm_queries:,} queries | {confirm_s} s, {confirm_rows_s:,} rows/s, '
                  '{confirm_queries:,} queries |'.format(**r))


if __name__ == '__main__':
    main()
