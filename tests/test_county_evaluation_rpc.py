# -*- coding: utf-8 -*-
"""County self-evaluation over XML-RPC (issue 16), as the demo users: the county
administrator ``meixian`` (梅县区) evaluates his county's cadres; ``meijiang``
(administrator of 梅江区) and ``guyan`` (cadre of 梅江区) read nothing of it;
``meizhou`` (city administrator) reads it but neither changes nor runs it.
Every call sends the crafted context of test_integrity_rpc (context keys
named after the addons' own guards): the level and the county are the
server's, whatever the client sends."""
import random
import xmlrpc.client

import pytest

from test_integrity_rpc import CLIENT_CONTEXT, call, refused

#: run the computation in the request (documented in league_job_mixin: it opens
#: nothing, the same checks run as the same user)
NOW = dict(CLIENT_CONTEXT, test_queue_job_no_delay=True)


def county_of(admin, session):
    return admin('res.users', 'read', [session.uid], ['league_county_id'])[0][
        'league_county_id'][0]


def test_county_self_evaluation_over_rpc(rpc):
    admin, meixian, meijiang = rpc('admin', 'admin'), rpc('meixian', 'meixian'), rpc(
        'meijiang', 'meijiang')
    guyan, meizhou = rpc('guyan', 'guyan'), rpc('meizhou', 'meizhou')
    own, other = county_of(admin, meixian), county_of(admin, meijiang)
    name = '梅县区自评%06d' % random.randrange(10 ** 6)
    before = admin('league.evaluation', 'search_count', [])
    # no city evaluation, no evaluation of another county, whatever he sends
    for vals in ({'scope': 'city'}, {}, {'scope': 'county', 'county_id': other}):
        refused(meixian, 'league.evaluation', 'create', dict(vals, name=name))
    assert admin('league.evaluation', 'search_count', []) == before
    evaluation = call(meixian, 'league.evaluation', 'create', {'name': name, 'scope': 'county'})
    values = call(meixian, 'league.evaluation', 'read', [evaluation],
                  ['scope', 'county_id', 'weight_coverage', 'can_manage'])[0]
    assert (values['scope'], values['county_id'][0], values['can_manage']) == (
        'county', own, True)
    settings = admin('res.config.settings', 'league_weights')
    assert values['weight_coverage'] == settings['coverage']
    # the level cannot change afterwards
    for vals in ({'scope': 'city'}, {'county_id': other}, {'county_id': False}):
        refused(meixian, 'league.evaluation', 'write', [evaluation], vals)
    # the city reads it, neither changes nor runs it
    refused(meizhou, 'league.evaluation', 'write', [evaluation], {'weight_coverage': 50})
    refused(meizhou, 'league.evaluation', 'action_compute', [evaluation], context=NOW)
    call(meixian, 'league.evaluation', 'write', [evaluation], {'weight_coverage': 25})
    call(meixian, 'league.evaluation', 'action_compute', [evaluation], context=NOW)
    values = call(meixian, 'league.evaluation', 'read', [evaluation], ['state', 'line_ids'])[0]
    assert values['state'] == 'computed' and values['line_ids']
    lines = call(meixian, 'league.evaluation.line', 'read', values['line_ids'],
                 ['county_id', 'rank', 'county_rank'])
    assert {line['county_id'][0] for line in lines} == {own}
    assert min(line['rank'] for line in lines) == 1
    assert all(line['rank'] == line['county_rank'] for line in lines)
    refused(meizhou, 'league.evaluation', 'action_publish', [evaluation])
    call(meixian, 'league.evaluation', 'action_publish', [evaluation])
    bulletin = call(meixian, 'league.evaluation', 'read', [evaluation],
                    ['bulletin_id'])[0]['bulletin_id'][0]
    # the other county reads nothing of it
    for session in (meijiang, guyan):
        assert not call(session, 'league.evaluation', 'search', [('id', '=', evaluation)])
        assert not call(session, 'league.evaluation.line', 'search',
                        [('evaluation_id', '=', evaluation)])
        assert not call(session, 'league.evaluation.county', 'search',
                        [('evaluation_id', '=', evaluation)])
        assert not call(session, 'league.bulletin', 'search', [('id', '=', bulletin)])
        for model, record in (('league.evaluation', evaluation), ('league.bulletin', bulletin)):
            with pytest.raises(xmlrpc.client.Fault, match=model.replace('.', r'\.')):
                call(session, model, 'read', [record], ['display_name'])
    # the city finds it by level and county
    groups = call(meizhou, 'league.evaluation', 'read_group', [('id', '=', evaluation)],
                  ['scope', 'county_id'], ['scope', 'county_id'], lazy=False)
    assert [(g['scope'], g['county_id'][0]) for g in groups] == [('county', own)]
    assert call(meizhou, 'league.bulletin', 'read', [bulletin], ['county_id'])[0][
        'county_id'][0] == own
    assert admin('league.evaluation', 'read', [evaluation], ['scope', 'county_id', 'state'])[0] \
        == {'id': evaluation, 'scope': 'county', 'county_id': values_county(admin, own),
            'state': 'published'}


def values_county(admin, county):
    """A many2one value as read over XML-RPC: [id, display name]."""
    return list(admin('league.organization', 'name_get', [county])[0])
