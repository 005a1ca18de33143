# -*- coding: utf-8 -*-
"""Issue 13, browser flows: figures that must not mislead.

- a new cadre's progress reads 未开始; the add-youth picker shows each youth's
  cadres, marks a youth at the limit, leaves out the youth already listed and the
  dialog warns before adding (tests/browser/flows/figures_cadre.js);
- the city administrator's dashboard charts (figures_dashboard.js).
"""

def test_new_cadre_progress_and_add_youth_picker(flow, rpc, new_cadre):
    admin = rpc('admin', 'admin')
    made = new_cadre('浏览器数字', 'browser_fig', '浏览器新干部')
    suffix, unit, login, cadre = made['suffix'], made['unit'], made['login'], made['cadre']
    # no sector given: taken from the organization
    free = admin('league.youth', 'create', {
        'name': '浏览器新青年', 'gender': 'female', 'mobile': '138%08d' % int(suffix),
        'organization_id': unit})
    assert admin('league.youth', 'read', [free], ['sector'])[0]['sector'] == 'rural'
    crowded = admin('league.youth', 'create', {
        'name': '浏览器热门青年', 'gender': 'male', 'mobile': '137%08d' % int(suffix),
        'organization_id': unit})
    limit = int(admin('ir.config_parameter', 'get_param',
                      'youth_contact.max_cadres_per_youth', '3'))
    for index in range(limit):
        other = admin('league.cadre', 'create', {
            'name': '浏览器其他干部%d' % index, 'organization_id': unit,
            'category': 'other_part_time', 'wechat': 'wx_other_%s_%d' % (suffix, index)})
        admin('league.contact', 'create', {'cadre_id': other, 'youth_id': crowded})

    flow('figures_cadre', login, login)

    contacts = admin('league.contact', 'search_read', [('cadre_id', '=', cadre)],
                     ['youth_id'])
    assert [c['youth_id'][0] for c in contacts] == [free], 'only the free youth was added'
    assert admin('league.youth', 'read', [crowded], ['cadre_count'])[0]['cadre_count'] == limit


def test_city_dashboard_charts(flow):
    flow('figures_dashboard', 'meizhou', 'meizhou')
