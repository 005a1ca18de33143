# -*- coding: utf-8 -*-
"""典型 and the printed bulletin over XML-RPC and HTTP as the demo users (issue 16):
a county administrator records and submits an exemplar of his county but can
neither select it nor put it in a bulletin; he downloads the bulletin's PDF."""
import subprocess
import uuid
import xmlrpc.client

import pytest

from test_reports_http import county_admin, web_session


def test_county_cannot_select_for_the_bulletin(rpc):
    admin = rpc('admin', 'admin')
    login, county = county_admin(admin)
    county_rpc = rpc(login, login)
    title = '青年之家%s' % uuid.uuid4().hex[:6]
    exemplar = county_rpc('league.exemplar', 'create', {
        'name': title, 'organization_id': county[0], 'summary': '服务青年零距离'})
    county_rpc('league.exemplar', 'action_submit', [exemplar])
    # the demo users work in Chinese: "Only a city administrator can select an exemplar."
    with pytest.raises(xmlrpc.client.Fault, match='只有团市委管理员可以选树典型'):
        county_rpc('league.exemplar', 'action_select', [exemplar])
    with pytest.raises(xmlrpc.client.Fault):
        county_rpc('league.exemplar', 'write', [exemplar], {'state': 'selected'})
    evaluation = admin('league.evaluation', 'search', [('state', '!=', 'published')], limit=1)
    assert evaluation, 'the demo has a draft evaluation'
    with pytest.raises(xmlrpc.client.Fault):
        county_rpc('league.evaluation', 'write', evaluation, {'exemplar_ids': [(4, exemplar)]})
    admin('league.exemplar', 'action_select', [exemplar])
    admin('league.evaluation', 'write', evaluation, {'exemplar_ids': [(4, exemplar)]})
    assert admin('league.evaluation', 'read', evaluation, ['exemplar_ids'])[0][
        'exemplar_ids'] == [exemplar]
    admin('league.evaluation', 'write', evaluation, {'exemplar_ids': [(3, exemplar)]})


def test_county_downloads_the_bulletin_pdf(odoo_server, rpc):
    admin = rpc('admin', 'admin')
    login, county = county_admin(admin)
    bulletin = admin('league.bulletin', 'search_read', [('county_id', '=', False)],  # the city's
                     ['document_number'], limit=1)[0]
    line = admin('league.bulletin.line', 'search_read', [
        ('bulletin_id', '=', bulletin['id']), ('kind', '=', 'county')],
        ['county_name', 'score'], limit=1)[0]
    s = web_session(odoo_server, login, login)
    r = s.get('%s/report/pdf/youth_contact_reports.report_bulletin/%d' % (
        odoo_server, bulletin['id']), timeout=300)
    assert r.status_code == 200 and r.headers['Content-Type'] == 'application/pdf'
    text = subprocess.run(['pdftotext', '-', '-'], input=r.content, stdout=subprocess.PIPE,
                          check=True).stdout.decode('utf-8')
    assert line['county_name'] in text and '%.2f' % line['score'] in text
    if bulletin['document_number']:
        assert bulletin['document_number'] in text
