# -*- coding: utf-8 -*-
"""Issue 13, browser flows of approvals and follow-up (tests/browser/flows/):

- the city administrator opens "what waits for approval" and approves a plan of
  next year (approval_queue.js);
- a cadre answers and escalates concerns through their dialogs; an invalid
  escalation text shows an error dialog titled as a user error in Chinese
  (concern_dialogs.js);
- a county administrator exports a half-year report to Excel, then the other
  buttons of the form still work: a refused submission shows a user error
  dialog (titled 提示, not "Odoo Server Error") and the figures are refreshed
  (export_then_buttons.js).

Each test builds a county of its own (random suffix) through XML-RPC as admin."""
import datetime

import pytest


@pytest.fixture
def county(rpc, monkeypatch, new_county):
    made = new_county('审批测试', 'browser_appr', sectors=['rural', 'enterprise', 'school'],
                      town=True, roles=['admin', 'city', 'cadre'])
    monkeypatch.setenv('YC_APPR_COUNTY', made['name'])
    for role, (login, _user) in made['logins'].items():
        monkeypatch.setenv('YC_APPR_%s' % role.upper(), login)
    return dict(made, id=made['county'], admin=rpc('admin', 'admin'))


def test_city_admin_approves_a_next_year_plan_from_the_queue(county, flow, rpc):
    admin, suffix = county['admin'], county['suffix']
    for i in range(9):
        admin('league.cadre', 'create', {
            'name': '在编干部%d号%s' % (i, suffix), 'organization_id': county['id'],
            'category': 'full_time', 'established': True, 'is_leader': i < 2,
            'wechat': 'wx_appr_%s_%d' % (suffix, i)})
    login = county['logins']['admin'][0]
    county_admin = rpc(login, login)
    year = datetime.date.today().year + 1
    plan = county_admin('league.rotation.plan', 'create', {'year': year})
    county_admin('league.rotation.plan', 'action_propose', [plan])
    county_admin('league.rotation.plan', 'action_submit', [plan])

    flow('approval_queue', *[county['logins']['city'][0]] * 2)

    [row] = admin('league.rotation.plan', 'read', [plan], ['state', 'year'])
    assert (row['state'], row['year']) == ('approved', year)
    assert not admin('league.approval.queue', 'search_count', [
        ('kind', '=', 'plan'), ('res_id', '=', plan)])


def test_cadre_answers_and_escalates_concerns_in_dialogs(county, flow, monkeypatch):
    admin, suffix = county['admin'], county['suffix']
    login, user = county['logins']['cadre']
    cadre = admin('league.cadre', 'create', {
        'name': '答复测试干部%s' % suffix, 'organization_id': county['town'],
        'category': 'full_time', 'user_id': user, 'wechat': 'wx_appr_c_%s' % suffix})
    youth = admin('league.youth', 'create', {
        'name': '答复测试青年%s' % suffix, 'gender': 'female', 'mobile': '137%08d' % int(suffix),
        'organization_id': county['units'][0], 'sector': 'rural'})
    admin('league.contact', 'create', {'cadre_id': cadre, 'youth_id': youth})
    concerns = [admin('league.concern', 'create', {
        'name': '%s%s' % (subject, suffix), 'youth_id': youth, 'cadre_id': cadre,
        'kind': 'difficulty', 'description': '希望得到帮助'}) for subject in ('求职难', '缺资金')]
    monkeypatch.setenv('YC_APPR_CONCERNS', ','.join(str(c) for c in concerns))

    flow('concern_dialogs', login, login)

    rows = admin('league.concern', 'read', concerns,
                 ['state', 'answer', 'escalation', 'escalation_note'])
    assert (rows[0]['state'], rows[0]['answer']) == ('answered', '已推荐参加县人社局招聘会')
    assert (rows[1]['state'], rows[1]['escalation'], rows[1]['escalation_note']) == (
        'escalated', 'department', '已报县人社局创业担保贷款窗口')


def test_export_excel_then_other_buttons_work(county, flow, rpc, monkeypatch):
    login = county['logins']['admin'][0]
    county_admin = rpc(login, login)
    report = county_admin('league.halfyear.report', 'create', {
        'year': str(datetime.date.today().year + 1), 'half': '1'})
    monkeypatch.setenv('YC_APPR_REPORT', str(report))
    assert not county_admin('league.halfyear.report', 'read', [report],
                            ['figures_date'])[0]['figures_date']

    flow('export_then_buttons', login, login)

    [row] = county['admin']('league.halfyear.report', 'read', [report],
                            ['state', 'figures_date'])
    assert row['state'] == 'draft'
    assert row['figures_date'], 'the figures were refreshed after the export'
