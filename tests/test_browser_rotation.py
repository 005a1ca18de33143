# -*- coding: utf-8 -*-
"""Issue 4, browser flow: the county administrator proposes and submits the
"8+4" plan, the city administrator approves it (tests/browser/flows/rotation_plan.js)."""
import datetime


def test_county_admin_proposes_and_submits_city_admin_approves(flow, rpc, monkeypatch,
                                                              new_county):
    admin = rpc('admin', 'admin')
    made = new_county('下沉测试', 'browser_rot', sectors=['rural', 'enterprise', 'school'],
                      town=True, roles=['admin', 'city'], established=9)
    county, county_name = made['county'], made['name']
    logins = {role: login for role, (login, _user) in made['logins'].items()}

    monkeypatch.setenv('YC_ROTATION_COUNTY', county_name)
    monkeypatch.setenv('YC_ROTATION_ADMIN', logins['admin'])
    monkeypatch.setenv('YC_ROTATION_CITY', logins['city'])
    flow('rotation_plan', logins['admin'], logins['admin'])

    plans = admin('league.rotation.plan', 'search_read', [('county_id', '=', county)],
                  ['state', 'year', 'batch_ids', 'group_count', 'cadre_count'])
    assert len(plans) == 1
    plan = plans[0]
    assert plan['state'] == 'approved'
    assert plan['year'] == datetime.date.today().year
    assert len(plan['batch_ids']) == 4
    assert plan['cadre_count'] == 9
    activities = admin('mail.activity', 'search_count', [
        ('res_model', '=', 'league.rotation.plan'), ('res_id', '=', plan['id'])])
    assert activities == 0
