#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""The Excel import confirmation as a chain of jobs on a server run as in production (issue 14).

Usage (from the repository root):

    .venv/bin/python bench/jobs_import_bench.py --template yc_dev             # 100,000 rows
    .venv/bin/python bench/jobs_import_bench.py --template yc_dev --rows 10000 100000

Copies ``--template`` (a database with both addons and the demo data, e.g.
``yc_dev``; nothing may be connected to it) into ``--db`` with its filestore,
starts Odoo on it as in production: ``--workers=2``, Odoo's default time limits
(``limit_time_cpu`` 60 s, ``limit_time_real`` 120 s), the job runner of
queue_job with the channels of tools/write_config.sh.  For each size the demo
county administrator ``meijiang`` uploads a file of new youth over XML-RPC,
previews it (one request) and confirms it; the script polls the wizard every
second (the progress the user sees) until the import is done, then reads from
the server's log the CPU and wall time of every job of the chain (each job
logs them: ``Excel import N: step i of n (phase) in x s CPU, y s``).  The
database is dropped at the end (``--keep`` keeps it).  Results are printed
and written to ``bench/out/jobs_import_bench.json``.
"""
import base64
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import xmlrpc.client
from pathlib import Path

import benchlib

sys.path.insert(0, os.path.join(benchlib.ROOT, 'tools'))
sys.path.insert(0, os.path.join(benchlib.ROOT, 'tests'))
from gen_templates import fmt  # noqa: E402  (the template writer, without Odoo)

STEP_LINE = re.compile(r'Excel import (\d+): step (\d+) of (\d+) \((\w+)\) in ([\d.]+) s CPU, '
                       r'([\d.]+) s')


def filestore(db):
    return os.path.join(benchlib.ROOT, '.odoo', 'data', 'filestore', db)


def copy_db(template, db):
    subprocess.run(['createdb', '-T', template, db], check=True)
    if os.path.isdir(filestore(template)):
        shutil.copytree(filestore(template), filestore(db), symlinks=True)


def drop_db(db):
    subprocess.run(['dropdb', '--if-exists', db], check=True)
    shutil.rmtree(filestore(db), ignore_errors=True)


def rpc(url, db, login):
    uid = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common').authenticate(db, login, login, {})
    models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)
    return uid, lambda model, method, *args, **kw: models.execute_kw(
        db, uid, login, model, method, list(args), kw)


def run(url, db, count, log):
    uid, call = rpc(url, db, 'meijiang')
    ctx = {'lang': 'zh_CN'}
    county = call('res.users', 'read', [uid], ['league_county_id'])[0]['league_county_id'][0]
    towns = [org['complete_name'] for org in call(
        'league.organization', 'search_read', [('county_id', '=', county),
                                               ('level', '=', 'town')], ['complete_name'])]
    prefix = '19%03d' % random.randrange(1000)
    rows = [['基准青年%d' % i, '男' if i % 2 else '女', '%d-%02d-%02d' % (
        1990 + i % 15, 1 + i % 12, 1 + i % 28), '%s%06d' % (prefix, i), '', '企业', '',
        towns[i % len(towns)], ''] for i in range(count)]
    data = fmt.build_workbook('youth', rows)
    wizard = call('league.import.wizard', 'create', {
        'import_type': 'youth', 'file': base64.b64encode(data).decode(),
        'filename': 'bench.xlsx'}, context=ctx)
    started = time.time()
    call('league.import.wizard', 'action_preview', [wizard], context=ctx)
    preview = time.time() - started
    values = call('league.import.wizard', 'read', [wizard], ['count_new'], context=ctx)[0]
    assert values['count_new'] == count, values
    started = time.time()
    call('league.import.wizard', 'action_confirm', [wizard], context=ctx)
    seen = []
    while True:
        values = call('league.import.wizard', 'read', [wizard], [
            'state', 'job_state', 'import_progress', 'created_count', 'job_error'],
            context=ctx)[0]
        if values['state'] != 'importing':
            break
        if values['import_progress'] and (not seen or seen[-1][1] != values['import_progress']):
            seen.append((round(time.time() - started, 1), values['import_progress']))
            print('  %6.1f s  %s' % seen[-1], flush=True)
        time.sleep(1)
    total = time.time() - started
    assert (values['state'], values['created_count']) == ('done', count), values
    steps = [m.groups() for m in STEP_LINE.finditer(Path(log).read_text())
             if int(m.group(1)) == wizard]
    result = {'rows': count, 'file_kb': len(data) // 1024, 'preview_s': round(preview, 1),
              'confirm_s': round(total, 1), 'confirm_rows_s': int(count / total),
              'progress': seen,
              'jobs': [{'step': int(s), 'of': int(n), 'phase': phase, 'cpu_s': float(cpu),
                        'wall_s': float(wall)} for _id, s, n, phase, cpu, wall in steps]}
    print('bench: %s' % json.dumps(result, ensure_ascii=False), flush=True)
    return result


def main():
    parser = benchlib.parser(__doc__, 'yc_jobs_import_bench')
    parser.add_argument('--template', help='database copied into --db (when missing)')
    parser.add_argument('--rows', type=int, nargs='+', default=[100000])
    parser.add_argument('--keep', action='store_true', help='keep the database')
    args = parser.parse_args()
    exists = subprocess.run(['psql', '-d', 'postgres', '-tAc', "SELECT 1 FROM pg_database "
                             "WHERE datname = '%s'" % args.db], stdout=subprocess.PIPE,
                            universal_newlines=True).stdout.strip() == '1'
    if not exists:
        if not args.template:
            parser.error('--template is needed to create %s' % args.db)
        copy_db(args.template, args.db)
    from conftest import _registry_complete, _start_server, _stop_server
    log = Path(benchlib.OUT) / 'jobs_import_bench.log'
    os.makedirs(benchlib.OUT, exist_ok=True)
    if log.exists():
        log.unlink()
    proc, url = _start_server(args.db, log, workers=2)
    results = []
    try:
        assert _registry_complete(url, args.db)
        time.sleep(6)   # the job runner starts 5 s after the server
        for count in args.rows:
            results.append(run(url, args.db, count, log))
    finally:
        _stop_server(proc)
        if not args.keep:
            drop_db(args.db)
    errors = [line for line in log.read_text().splitlines() if ' ERROR ' in line]
    assert not errors, '\n'.join(errors)
    benchlib.write_json('jobs_import_bench.json', results)
    print()
    benchlib.print_table(['rows:', 'preview (one request):', 'confirmation, click to done:',
                          'rows/s:'],
                         '{rows:,} | {preview_s} s | {confirm_s} s | {confirm_rows_s:,}', results)
    for r in results:
        print()
        print('%s rows, each job of the chain:' % '{:,}'.format(r['rows']))
        print()
        benchlib.print_table(['job:', 'phase', 'CPU:', 'wall:'],
                             '{step} of {of} | {phase} | {cpu_s} s | {wall_s} s', r['jobs'])


if __name__ == '__main__':
    main()
