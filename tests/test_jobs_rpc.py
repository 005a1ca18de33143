# -*- coding: utf-8 -*-
"""Long work in background jobs (OCA queue_job, issue 14), on a server run as
in production: ``--workers=2``, Odoo's default time limits, the job runner
started by the server-wide module ``queue_job`` with the channels of
tools/write_config.sh.  The demo county administrator ``meijiang`` imports a
file through the wizard over XML-RPC; the confirmation answers at once, the
job imports the rows, and ``meijiang`` gets a notification in Chinese."""
import base64
import random
import sys
import time
import xmlrpc.client

import pytest

from browserlib import ROOT

sys.path.insert(0, ROOT + '/tools')
from gen_templates import fmt  # noqa: E402  (the format module, without Odoo)

CONTEXT = {'lang': 'zh_CN'}
#: bound of the wait for a job (the import of a few rows takes seconds; the
#: job runner starts 5 s after the server)
JOB_TIMEOUT = 180


def wait_for_job(session, model, record_id, fields=('job_state',), timeout=JOB_TIMEOUT):
    """Poll ``record_id`` until its background job is no longer queued or
    running; return the record's ``fields``.  Fails after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        values = session(model, 'read', [record_id], list(fields) + ['job_state'],
                         context=CONTEXT)[0]
        if values['job_state'] not in ('queued', 'running'):
            return values
        assert time.monotonic() < deadline, 'job of %s,%s still %s after %s s' % (
            model, record_id, values['job_state'], timeout)
        time.sleep(0.5)   # polling interval, not an assertion


def test_import_job_with_workers(workers_rpc):
    meijiang = workers_rpc('meijiang', 'meijiang')
    county = meijiang('res.users', 'read', [meijiang.uid], ['league_county_id', 'partner_id'])[0]
    town = meijiang('league.organization', 'search_read',
                    [('county_id', '=', county['league_county_id'][0]), ('level', '=', 'town')],
                    ['complete_name'], limit=1)[0]['complete_name']
    mobiles = ['1997%07d' % random.randrange(10 ** 7) for _i in range(20)]
    rows = [['作业青年%d' % i, '女', '2001-02-03', mobile, '', '学校', '', town, '']
            for i, mobile in enumerate(mobiles)]
    wizard = meijiang('league.import.wizard', 'create', {
        'import_type': 'youth', 'file': base64.b64encode(fmt.build_workbook('youth', rows))
        .decode(), 'filename': '作业导入.xlsx'}, context=CONTEXT)
    meijiang('league.import.wizard', 'action_preview', [wizard], context=CONTEXT)
    # the job body is private: no client calls it (and skips the button's checks)
    with pytest.raises(xmlrpc.client.Fault) as info:
        meijiang('league.import.wizard', '_league_job', [wizard], '_import_step',
                 context=CONTEXT)
    assert 'Private methods' in info.value.faultString
    messages = [('partner_ids', 'in', [county['partner_id'][0]])]
    before = meijiang('mail.message', 'search', messages, context=CONTEXT)
    started = time.monotonic()
    meijiang('league.import.wizard', 'action_confirm', [wizard], context=CONTEXT)
    queued = meijiang('league.import.wizard', 'read', [wizard], ['state', 'job_state'],
                      context=CONTEXT)[0]
    assert queued['state'] == 'importing' and queued['job_state'] in ('queued', 'running', 'done')
    # meanwhile the user goes on working (the other worker answers)
    assert meijiang('league.youth', 'search_count', [], context=CONTEXT) > 0
    done = wait_for_job(meijiang, 'league.import.wizard', wizard,
                        ['state', 'created_count', 'job_error'])
    assert (done['job_state'], done['state'], done['created_count']) == ('done', 'done', 20), done
    print('import job of 20 rows finished in %.1f s' % (time.monotonic() - started))
    youth = meijiang('league.youth', 'search_read', [('mobile', 'in', mobiles)],
                     ['name', 'create_uid'], context=CONTEXT)
    assert len(youth) == 20 and {y['create_uid'][0] for y in youth} == {meijiang.uid}
    new = meijiang('mail.message', 'search_read', messages + [('id', 'not in', before)],
                   ['body'], context=CONTEXT)
    assert len(new) == 1, new
    assert '作业导入.xlsx' in new[0]['body'] and '已导入' in new[0]['body'], new[0]['body']


def test_large_import_job_chain_with_workers(workers_rpc):
    """20,000 youth imported by ``meijiang`` through the chain of jobs (read,
    10,000 rows checked per job, every row written by the last one), each job
    a request of a worker under Odoo's default time limits: the wizard shows
    the progress while it runs, then the result; one notification."""
    meijiang = workers_rpc('meijiang', 'meijiang')
    county = meijiang('res.users', 'read', [meijiang.uid], ['league_county_id', 'partner_id'])[0]
    towns = [org['complete_name'] for org in meijiang(
        'league.organization', 'search_read',
        [('county_id', '=', county['league_county_id'][0]), ('level', '=', 'town')],
        ['complete_name'], limit=5)]
    count = 20000
    admin = workers_rpc('admin', 'admin')
    while True:   # mobiles no youth has (in any county, archived included)
        prefix = '195%02d' % random.randrange(100)
        if not admin('league.youth', 'search_count', [('mobile', '=like', prefix + '%')],
                     context={'active_test': False}):
            break
    mobiles = ['%s%06d' % (prefix, i) for i in range(count)]
    rows = [['大批青年%d' % i, '男' if i % 2 else '女', '%d-%02d-%02d' % (1990 + i % 15, 1 + i % 12,
                                                                1 + i % 28),
             mobile, '', '企业', '', towns[i % len(towns)], ''] for i, mobile in enumerate(mobiles)]
    wizard = meijiang('league.import.wizard', 'create', {
        'import_type': 'youth', 'file': base64.b64encode(fmt.build_workbook('youth', rows))
        .decode(), 'filename': '大批导入.xlsx'}, context=CONTEXT)
    meijiang('league.import.wizard', 'action_preview', [wizard], context=CONTEXT)
    preview = meijiang('league.import.wizard', 'read', [wizard], ['count_new', 'count_error'],
                       context=CONTEXT)[0]
    assert (preview['count_new'], preview['count_error']) == (count, 0), preview
    messages = [('partner_ids', 'in', [county['partner_id'][0]])]
    before = meijiang('mail.message', 'search', messages, context=CONTEXT)
    started = time.monotonic()
    meijiang('league.import.wizard', 'action_confirm', [wizard], context=CONTEXT)
    progress = []
    deadline = time.monotonic() + 600
    while True:
        values = meijiang('league.import.wizard', 'read', [wizard],
                          ['state', 'job_state', 'import_progress'], context=CONTEXT)[0]
        if values['state'] != 'importing':
            break
        if values['import_progress'] and values['import_progress'] not in progress:
            progress.append(values['import_progress'])
        assert time.monotonic() < deadline, 'import still running after 600 s: %s' % values
        time.sleep(0.5)   # polling interval, not an assertion
    print('chain of jobs for %s rows: %.1f s, progress seen: %s' % (
        count, time.monotonic() - started, progress))
    done = meijiang('league.import.wizard', 'read', [wizard],
                    ['state', 'job_state', 'created_count', 'job_error'], context=CONTEXT)[0]
    assert (done['state'], done['job_state'], done['created_count']) == ('done', 'done', count), \
        done
    # the progress as the user reads it (in Chinese): rows checked, job n of 4
    assert any('/ 20,000' in text and '共 4 个' in text for text in progress), progress
    assert meijiang('league.youth', 'search_count', [('mobile', 'in', mobiles)],
                    context=CONTEXT) == count
    new = meijiang('mail.message', 'search_read', messages + [('id', 'not in', before)],
                   ['body'], context=CONTEXT)
    assert len(new) == 1, new
    assert '大批导入.xlsx' in new[0]['body'] and '新建20000条' in new[0]['body'], new[0]['body']
