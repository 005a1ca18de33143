# -*- coding: utf-8 -*-
"""Issue 6, browser flow: a county administrator imports youth from Excel, sees the
rejected rows with their reason in Chinese and imports the good rows
(tests/browser/flows/import_excel.js)."""
import importlib.util
import os
import random

from browserlib import run_flow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_format():
    path = os.path.join(ROOT, 'youth_contact', 'wizard', 'league_import_format.py')
    spec = importlib.util.spec_from_file_location('league_import_format', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_county_admin_imports_youth_from_excel(odoo_server, rpc, tmp_path, monkeypatch):
    admin = rpc('admin', 'admin')
    suffix = '%06d' % random.randrange(10 ** 6)
    city = admin('league.organization', 'search', [('level', '=', 'city')], limit=1) or [
        admin('league.organization', 'create', {'name': '浏览器测试团市委', 'level': 'city'})]
    county = admin('league.organization', 'create', {
        'name': '导入测试县团委%s' % suffix, 'level': 'county', 'parent_id': city[0]})
    other = admin('league.organization', 'create', {
        'name': '导入测试外县团委%s' % suffix, 'level': 'county', 'parent_id': city[0]})
    town = admin('league.organization', 'create', {
        'name': '导入测试镇团委%s' % suffix, 'level': 'town', 'parent_id': county})
    admin('league.organization', 'create', {
        'name': '导入测试外县镇团委%s' % suffix, 'level': 'town', 'parent_id': other})
    group = admin('ir.model.data', 'xmlid_to_res_id', 'youth_contact.group_county_admin')
    login = 'browser_import_%s' % suffix
    admin('res.users', 'create', {'name': '导入测试管理员', 'login': login, 'password': login,
                                  'lang': 'zh_CN', 'groups_id': [(6, 0, [group])],
                                  'league_admin_county_id': county})
    town_name = '导入测试镇团委%s' % suffix
    far_name = '导入测试外县镇团委%s' % suffix
    mobiles = ['166%08d' % (int(suffix) * 10 + i) for i in range(3)]
    fmt = load_format()
    data = fmt.build_workbook('youth', [
        ['甲青年', '男', '2000-01-01', mobiles[0], '共青团员', '企业', '', town_name, ''],
        ['乙青年', '女', '2001-02-02', mobiles[1], '', '农村', '', far_name, ''],
        ['丙青年', '女', '2002-03-03', mobiles[2][:10], '', '学校', '', town_name, ''],
    ])
    path = tmp_path / 'youth.xlsx'
    path.write_bytes(data)
    monkeypatch.setenv('YC_IMPORT_FILE', str(path))

    run_flow(odoo_server, 'import_excel', login, login)

    found = admin('league.youth', 'search_read', [('mobile', 'in', mobiles)],
                  ['name', 'organization_id'])
    assert [(y['name'], y['organization_id'][0]) for y in found] == [('甲青年', town)]
