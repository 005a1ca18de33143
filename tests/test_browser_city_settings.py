# -*- coding: utf-8 -*-
"""Second round, browser flow: a city administrator who is not a system administrator
changes the thresholds and the evaluation weights (tests/browser/flows/city_settings.js)."""
import random

PARAMS = ('youth_contact.max_cadres_per_youth', 'youth_contact_reports.weight_satisfaction')


def test_city_admin_saves_the_settings(flow, rpc):
    admin = rpc('admin', 'admin')
    suffix = '%06d' % random.randrange(10 ** 6)
    login = 'browser_city_%s' % suffix
    group = admin('ir.model.data', 'xmlid_to_res_id', 'youth_contact.group_city_admin')
    admin('res.users', 'create', {'name': '测试团市委管理员', 'login': login,
                                  'password': login, 'lang': 'zh_CN',
                                  'tz': 'Asia/Shanghai', 'groups_id': [(6, 0, [group])]})
    before = {key: admin('ir.config_parameter', 'get_param', key) for key in PARAMS}
    try:
        flow('city_settings', login, login)
        after = {key: admin('ir.config_parameter', 'get_param', key) for key in PARAMS}
        assert after == dict(zip(PARAMS, ('5', '25')))
    finally:
        for key, value in before.items():
            admin('ir.config_parameter', 'set_param', key, value or False)
