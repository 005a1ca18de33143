# -*- coding: utf-8 -*-
"""The Excel import over XML-RPC (issue 11), as an outside client uses it: a
small file uploaded as base64 by the demo county administrator ``meijiang``;
preview and confirm answer normally (an action, no marshalling error), bad
rows and bad files are told in Chinese."""
import base64
import random
import re
import sys
import xmlrpc.client

import pytest

from browserlib import ROOT

sys.path.insert(0, ROOT + '/tools')
from gen_templates import fmt  # noqa: E402  (the format module, without Odoo)
from test_jobs_rpc import wait_for_job  # noqa: E402

CONTEXT = {'lang': 'zh_CN'}
CJK = re.compile('[\u4e00-\u9fff]')
LATIN_WORD = re.compile('[A-Za-z]{2,}')
PROPER_NAMES = {'Excel', 'QQ', 'WeChat', 'Weibo', 'Odoo', 'YYYY', 'MM', 'DD', 'xlsx'}


@pytest.fixture(scope='module')
def meijiang(rpc):
    return rpc('meijiang', 'meijiang')


def call(session, model, method, *args):
    return session(model, method, *args, context=CONTEXT)


def chinese(message):
    assert CJK.search(message), 'not Chinese: %s' % message[-300:]
    latin = set(LATIN_WORD.findall(message)) - PROPER_NAMES
    assert not latin, 'English words %s in: %s' % (sorted(latin), message[-300:])


def organization_of(session):
    county = session('res.users', 'read', [session.uid], ['league_county_id'])[0][
        'league_county_id']
    assert county, 'the demo user meijiang administers a county'
    orgs = session('league.organization', 'search_read',
                   [('county_id', '=', county[0]), ('level', '=', 'town')],
                   ['complete_name'], limit=1)
    assert orgs, 'the demo database has a town of 梅江区'
    return orgs[0]['complete_name']


def test_preview_and_confirm_over_xmlrpc(meijiang):
    org = organization_of(meijiang)
    mobiles = ['1996%07d' % random.randrange(10 ** 7) for _i in range(2)]
    rows = [['接口青年_x0007_', '女', '2001-02-03', mobiles[0], '', '学校', '', org, ''],
            ['张' * 1000, '男', '1800-01-01', mobiles[1], '', '企业', '', org, '']]
    data = fmt.build_workbook('youth', rows)
    wizard = call(meijiang, 'league.import.wizard', 'create', {
        'import_type': 'youth', 'file': base64.b64encode(data).decode(),
        'filename': '接口导入.xlsx'})
    action = call(meijiang, 'league.import.wizard', 'action_preview', [wizard])
    assert action['res_id'] == wizard and action['res_model'] == 'league.import.wizard'
    assert isinstance(action['context'], dict)
    lines = call(meijiang, 'league.import.line', 'search_read', [('wizard_id', '=', wizard)],
                 ['row', 'status', 'message'])
    by_row = {line['row']: line for line in lines}
    assert by_row[3]['status'] in ('new', 'update'), by_row[3]
    assert by_row[4]['status'] == 'error'
    chinese(by_row[4]['message'])
    assert '1000' in by_row[4]['message'] and '1800-01-01' in by_row[4]['message']
    action = call(meijiang, 'league.import.wizard', 'action_confirm', [wizard])
    assert action['res_id'] == wizard
    # the import runs in a background job (issue 14)
    done = wait_for_job(meijiang, 'league.import.wizard', wizard,
                        ['state', 'created_count', 'updated_count'])
    assert (done['state'], done['created_count'] + done['updated_count']) == ('done', 1)
    youth = call(meijiang, 'league.youth', 'search_read', [('mobile', '=', mobiles[0])],
                 ['name'])
    assert [y['name'] for y in youth] == ['接口青年']


def test_damaged_file_over_xmlrpc(meijiang):
    data = fmt.build_workbook('youth', [['某', '男', '', '13800000000', '', '企业', '', '某', '']])
    for bad in (data[:len(data) // 2], b'PK\x03\x04' + bytes(200)):
        wizard = call(meijiang, 'league.import.wizard', 'create', {
            'import_type': 'youth', 'file': base64.b64encode(bad).decode(),
            'filename': '损坏.xlsx'})
        with pytest.raises(xmlrpc.client.Fault) as info:
            call(meijiang, 'league.import.wizard', 'action_preview', [wizard])
        message = re.sub(r"^\('(.*)', (?:None|'')\)$", r'\1', info.value.faultString, flags=re.S)
        assert '不是 Excel 工作簿' in message, message[-300:]
        chinese(message)
