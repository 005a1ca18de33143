# -*- coding: utf-8 -*-
"""The fixed data contract of SPEC.md, checked over XML-RPC as outside tools use it:
model and field names, field types, selection keys, the groups, and the workflow
methods of open days, rotation plans and evaluations called as real users."""
import random
import xmlrpc.client

import pytest


SECTORS = {'enterprise', 'rural', 'organ', 'school', 'community', 'social_org', 'new_media'}

# model -> {field: (type, selection keys or comodel or None)}
CONTRACT = {
    'league.organization': {
        'name': ('char', None), 'parent_id': ('many2one', 'league.organization'),
        'level': ('selection', {'city', 'county', 'town', 'unit'}),
        'sector': ('selection', SECTORS), 'county_id': ('many2one', 'league.organization')},
    'league.cadre': {
        'name': ('char', None), 'user_id': ('many2one', 'res.users'),
        'organization_id': ('many2one', 'league.organization'),
        'county_id': ('many2one', 'league.organization'),
        'category': ('selection', {'full_time', 'organ_part_time', 'other_part_time'}),
        'quota': ('integer', None), 'is_leader': ('boolean', None),
        'established': ('boolean', None), 'mobile': ('char', None), 'wechat': ('char', None),
        'qq': ('char', None), 'weibo': ('char', None)},
    'league.youth': {
        'name': ('char', None), 'gender': ('selection', {'male', 'female'}),
        'birthdate': ('date', None), 'mobile': ('char', None), 'sector': ('selection', SECTORS),
        'organization_id': ('many2one', 'league.organization'),
        'county_id': ('many2one', 'league.organization'),
        'hardship': ('selection', {'migrant', 'poor_family', 'left_behind', 'disabled'})},
    'league.contact': {
        'cadre_id': ('many2one', 'league.cadre'), 'youth_id': ('many2one', 'league.youth'),
        'date_start': ('date', None),
        'channel': ('selection', {'wechat', 'qq', 'weibo', 'phone', 'offline'})},
    'league.contact.log': {
        'cadre_id': ('many2one', 'league.cadre'), 'youth_ids': ('many2many', 'league.youth'),
        'date': ('date', None),
        'mode': ('selection', {'wechat', 'qq', 'weibo', 'phone', 'activity', 'face_to_face'}),
        'topic': ('selection', {'guidance', 'concern', 'growth'}), 'content': ('text', None)},
    'league.activity': {
        'name': ('char', None), 'cadre_id': ('many2one', 'league.cadre'),
        'county_id': ('many2one', 'league.organization'), 'date': ('date', None),
        'kind': ('selection', None), 'youth_ids': ('many2many', 'league.youth'),
        'summary': ('text', None)},
    'league.concern': {
        'youth_id': ('many2one', 'league.youth'), 'cadre_id': ('many2one', 'league.cadre'),
        'kind': ('selection', {'confusion', 'difficulty', 'suggestion'}),
        'state': ('selection', {'new', 'answered', 'helped', 'escalated', 'closed'}),
        'escalation': ('selection', {'proposal', 'research', 'department'}),
        'description': ('text', None)},
    'league.pairing': {
        'mentor_id': ('many2one', 'league.youth'), 'beneficiary_id': ('many2one', 'league.youth'),
        'project': (None, None), 'state': ('selection', {'active', 'done'})},
    'league.rotation.plan': {
        'county_id': ('many2one', 'league.organization'), 'year': ('integer', None),
        'state': ('selection', {'draft', 'submitted', 'approved', 'rejected', 'done'}),
        'batch_ids': ('one2many', 'league.rotation.batch'), 'reject_reason': ('text', None)},
    'league.rotation.batch': {
        'plan_id': ('many2one', 'league.rotation.plan'), 'sequence': ('integer', None),
        'date_start': ('date', None), 'date_end': ('date', None),
        'group_ids': ('one2many', 'league.rotation.group')},
    'league.rotation.group': {
        'batch_id': ('many2one', 'league.rotation.batch'),
        'cadre_ids': ('many2many', 'league.cadre'),
        'host_organization_id': ('many2one', 'league.organization'),
        'task_ids': ('many2many', None), 'summary': ('text', None)},
    'league.grassroots.day': {
        'cadre_id': ('many2one', 'league.cadre'), 'date': ('date', None),
        'place_type': ('selection', {'region', 'park', 'enterprise', 'social_org',
                                     'service_platform'}),
        'unit': ('char', None), 'work': ('text', None)},
    'league.open.day': {
        'county_id': ('many2one', 'league.organization'), 'date': ('date', None),
        'theme': ('char', None),
        'state': ('selection', {'draft', 'submitted', 'approved', 'rejected', 'held', 'closed'}),
        'attendee_ids': ('many2many', 'league.youth'), 'reject_reason': ('text', None)},
    'league.evaluation': {
        'date_from': ('date', None), 'date_to': ('date', None),
        'state': ('selection', {'draft', 'computed', 'published'}),
        'line_ids': ('one2many', 'league.evaluation.line')},
    'league.evaluation.line': {
        'cadre_id': ('many2one', 'league.cadre'),
        'county_id': ('many2one', 'league.organization'), 'score': ('float', None),
        'rank': ('integer', None)},
}
TEXTUAL = {'char', 'text', 'html'}


@pytest.mark.parametrize('model', sorted(CONTRACT))
def test_model_fields_of_the_contract(rpc, model):
    admin = rpc('admin', 'admin')
    fields = admin(model, 'fields_get', [], attributes=['type', 'relation', 'selection'])
    for name, (ftype, extra) in CONTRACT[model].items():
        assert name in fields, '%s.%s is missing' % (model, name)
        got = fields[name]
        if ftype in TEXTUAL:
            assert got['type'] in TEXTUAL, '%s.%s is %s' % (model, name, got['type'])
        elif ftype:
            assert got['type'] == ftype, '%s.%s is %s, not %s' % (model, name, got['type'], ftype)
        if ftype == 'selection' and extra:
            assert {k for k, _label in got['selection']} == extra, '%s.%s keys' % (model, name)
        elif ftype in ('many2one', 'one2many', 'many2many') and extra:
            assert got['relation'] == extra, '%s.%s relation' % (model, name)


def test_selection_labels_are_chinese(rpc):
    admin = rpc('admin', 'admin')
    fields = admin('league.youth', 'fields_get', ['sector'], attributes=['selection'],
                   context={'lang': 'zh_CN'})
    assert dict(fields['sector']['selection'])['enterprise'] == '企业'


def _make_user(admin, login, groups, county=None):
    vals = {'name': login, 'login': login, 'password': login, 'lang': 'zh_CN',
            'groups_id': [(6, 0, groups)]}
    if county:
        vals['league_admin_county_id'] = county
    return admin('res.users', 'create', vals)


@pytest.fixture(scope='module')
def county_setup(rpc):
    """Two fresh counties, their administrators, a city administrator, and youth."""
    admin = rpc('admin', 'admin')
    tag = '%06d' % random.randrange(10 ** 6)
    ref = lambda x: admin('ir.model.data', 'xmlid_to_res_id', x)  # noqa: E731
    g_county, g_city = ref('youth_contact.group_county_admin'), ref('youth_contact.group_city_admin')
    city = admin('league.organization', 'search', [('level', '=', 'city')], limit=1)[0]
    counties, units, logins = [], [], {}
    for key in ('a', 'b'):
        county = admin('league.organization', 'create', {
            'name': '契约测试%s县团委%s' % (key, tag), 'level': 'county', 'parent_id': city})
        units.append(admin('league.organization', 'create', {
            'name': '契约测试%s企业团支部%s' % (key, tag), 'level': 'unit',
            'sector': 'enterprise', 'parent_id': county}))
        counties.append(county)
        logins[key] = 'contract_%s_%s' % (key, tag)
        _make_user(admin, logins[key], [g_county], county)
    logins['city'] = 'contract_city_%s' % tag
    _make_user(admin, logins['city'], [g_city])
    youth = [admin('league.youth', 'create', {
        'name': '契约青年%d' % i, 'gender': 'female' if i % 2 else 'male',
        'mobile': '13%d%08d' % (5 + i % 4, int(tag) * 100 + i),
        'sector': 'enterprise', 'organization_id': units[0]}) for i in range(55)]
    return {'counties': counties, 'units': units, 'logins': logins, 'youth': youth}


def test_open_day_workflow_as_real_users(rpc, county_setup):
    logins = county_setup['logins']
    county_a = rpc(logins['a'], logins['a'])
    county_b = rpc(logins['b'], logins['b'])
    city = rpc(logins['city'], logins['city'])
    day = county_a('league.open.day', 'create', {
        'county_id': county_setup['counties'][0], 'date': '2026-01-15',
        'place': '县团委会议室'})
    assert county_a('league.open.day', 'read', [day], ['state', 'theme'])[0] == {
        'id': day, 'state': 'draft', 'theme': '学讲话 话改革 谋发展'}
    # the state moves only through the workflow methods
    with pytest.raises(xmlrpc.client.Fault):
        county_a('league.open.day', 'write', [day], {'state': 'approved'})
    # another county sees nothing of it
    assert county_b('league.open.day', 'search', [('id', '=', day)]) == []
    county_a('league.open.day', 'action_submit', [day])
    with pytest.raises(xmlrpc.client.Fault):  # only the city approves
        county_a('league.open.day', 'action_approve', [day])
    with pytest.raises(xmlrpc.client.Fault):  # rejecting needs a reason
        city('league.open.day', 'action_reject', [day])
    city('league.open.day', 'write', [day], {'reject_reason': '请补充邀请名单'})
    city('league.open.day', 'action_reject', [day])
    assert city('league.open.day', 'read', [day], ['state'])[0]['state'] == 'rejected'
    county_a('league.open.day', 'action_draft', [day])
    county_a('league.open.day', 'action_submit', [day])
    city('league.open.day', 'action_approve', [day])
    county_a('league.open.day', 'action_hold', [day])
    # closing needs at least 50 attendees
    county_a('league.open.day', 'write', [day], {
        'attendee_ids': [(6, 0, county_setup['youth'][:49])]})
    with pytest.raises(xmlrpc.client.Fault):
        county_a('league.open.day', 'action_close', [day])
    county_a('league.open.day', 'write', [day], {
        'attendee_ids': [(6, 0, county_setup['youth'][:50])]})
    county_a('league.open.day', 'action_close', [day])
    assert county_a('league.open.day', 'read', [day], ['state'])[0]['state'] == 'closed'


def test_county_isolation_over_rpc(rpc, county_setup):
    logins = county_setup['logins']
    county_b = rpc(logins['b'], logins['b'])
    youth = county_setup['youth']
    assert county_b('league.youth', 'search', [('id', 'in', youth)]) == []
    assert county_b('league.youth', 'name_search', '契约青年') == [] or all(
        y[0] not in youth for y in county_b('league.youth', 'name_search', '契约青年'))
    groups = county_b('league.youth', 'read_group', [], ['county_id'], ['county_id'])
    assert county_setup['counties'][0] not in [g['county_id'][0] for g in groups if g['county_id']]
    with pytest.raises(xmlrpc.client.Fault):
        county_b('league.youth', 'read', youth[:1], ['name'])
    with pytest.raises(xmlrpc.client.Fault):
        county_b('league.youth', 'write', youth[:1], {'name': '篡改'})


def test_evaluation_compute_and_publish_as_city_admin(rpc, county_setup):
    logins = county_setup['logins']
    city = rpc(logins['city'], logins['city'])
    county_a = rpc(logins['a'], logins['a'])
    evaluation = city('league.evaluation', 'create', {
        'date_from': '2026-01-01', 'date_to': '2026-06-30'})
    with pytest.raises(xmlrpc.client.Fault):  # only the city evaluates
        county_a('league.evaluation', 'action_compute', [evaluation])
    city('league.evaluation', 'action_compute', [evaluation])
    # the data contract: computed when action_compute returns (an evaluation of
    # at most youth_contact.job_inline_max cadres: no background job)
    assert city('league.evaluation', 'read', [evaluation], ['state', 'job_state'])[0] == {
        'id': evaluation, 'state': 'computed', 'job_state': False}
    lines = city('league.evaluation.line', 'search_read', [('evaluation_id', '=', evaluation)],
                 ['cadre_id', 'county_id', 'score', 'rank'])
    assert lines, 'the demo cadres are evaluated'
    ranks = sorted(line['rank'] for line in lines)
    assert ranks[0] == 1 and all(0 <= line['score'] <= 100 for line in lines)
    best = min(lines, key=lambda line: line['rank'])
    assert best['score'] == max(line['score'] for line in lines)
    city('league.evaluation', 'action_publish', [evaluation])
    assert city('league.evaluation', 'read', [evaluation], ['state'])[0]['state'] == 'published'
    with pytest.raises(xmlrpc.client.Fault):  # a published evaluation is frozen
        city('league.evaluation', 'action_compute', [evaluation])
