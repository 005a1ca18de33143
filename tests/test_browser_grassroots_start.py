# -*- coding: utf-8 -*-
"""Issue 13 follow-up, browser flow: the demo counts "4+1" from the Monday ten
weeks before the install (the city's setting), so the compliance list shows
cadres on track and cadres behind (tests/browser/flows/grassroots_start.js)."""
from datetime import date


def test_demo_compliance_is_a_mix(flow, rpc):
    admin = rpc('admin', 'admin')
    start = admin('ir.config_parameter', 'get_param', 'youth_contact.grassroots_start')
    assert start and date(*map(int, start.split('-'))).weekday() == 0, start
    lines = admin('league.grassroots.compliance', 'search_read', [],
                  ['date_from', 'behind', 'rate'])
    assert lines and all(line['date_from'] >= start for line in lines)
    behind = [line for line in lines if line['behind']]
    assert behind and len(behind) < len(lines) / 2, '%d behind of %d' % (len(behind), len(lines))
    flow('grassroots_start', 'meizhou', 'meizhou')
