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
import base64
import json
import os
import random
import sys
from unittest.mock import patch

import benchlib
SECTORS = ['企业', '农村', '机关', '学校', '街道社区', '青年社会组织', '新媒体']
HARDSHIPS = ['', '', '', '', '留守儿童', '城乡贫困家庭青少年']
SURNAMES = '李张陈黄刘钟曾罗杨谢古廖温邱叶朱林吴何侯'
GIVEN = '伟强俊杰浩明文华志宇丽芳婷敏静燕霞玲娟慧'


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
    parser = benchlib.parser(__doc__, 'yc_bench')
    parser.add_argument('--rows', type=int, nargs='+', default=[10000, 100000])
    parser.add_argument('--compare', action='store_true',
                        help='also confirm each size with the ORM recomputing every stored '
                             'computed field (the path before issue 10)')
    parser.add_argument('--sample', type=int, default=500,
                        help='imported youth whose stored computed fields are checked')
    args = parser.parse_args()
    benchlib.ensure_db(args.db, 'youth_contact', 'bench')

    sys.path.insert(0, os.path.join(benchlib.ROOT, 'tools'))
    from gen_templates import fmt  # the template writer, loaded without Odoo
    results = []
    with benchlib.odoo_env(args.db, benchlib.BULK_CONTEXT) as env:
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
        Wizard = env['league.import.wizard'].sudo(user)
        offset = 0
        towns_names, units_names = [t.name for t in towns], [u.name for u in units]
        # the former path first: the current one then writes into a larger table
        paths = ([True] if args.compare else []) + [False]
        for count in args.rows:
            result = {'rows': count}
            for orm in paths:
                data, built, _queries = benchlib.timed(env, lambda: fmt.build_workbook(
                    'youth', list(rows(count, towns_names, units_names, offset))), clear=False)
                offset += count
                wizard = Wizard.create({'import_type': 'youth', 'file': base64.b64encode(data),
                                        'filename': 'bench.xlsx'})
                _value, preview, queries = benchlib.timed(env, wizard.action_preview, clear=False)
                assert wizard.count_new == count, (wizard.count_new, wizard.count_error)
                # the job's body run at once, in this process
                confirm_now = wizard.with_context(test_queue_job_no_delay=True).action_confirm
                if orm:
                    with patch.object(type(Wizard), '_bulk_computed', lambda *a: ({}, [])):
                        _value, confirm, confirm_queries = benchlib.timed(env, confirm_now,
                                                                          clear=False)
                else:
                    _value, confirm, confirm_queries = benchlib.timed(env, confirm_now,
                                                                      clear=False)
                assert wizard.created_count == count
                if orm:
                    result.update({'orm_confirm_s': round(confirm, 1),
                                   'orm_confirm_rows_s': int(count / confirm),
                                   'orm_confirm_queries': confirm_queries})
                    env.clear()
                    continue
                checked = check_sample(env, range(offset - count, offset), args.sample)
                again = Wizard.create({'import_type': 'youth', 'file': base64.b64encode(data),
                                       'filename': 'bench.xlsx'})
                _value, recheck, _queries = benchlib.timed(env, again.action_preview, clear=False)
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
    benchlib.write_json('import_bench.json', results)
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
