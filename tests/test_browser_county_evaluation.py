# -*- coding: utf-8 -*-
"""Browser flows of the county self-evaluation (issue 16): the county
administrator ``meixian`` creates, computes and publishes a self-evaluation of
梅县区 from the menu 县区自评 (county_evaluation.js); the city administrator
``meizhou`` finds it grouped by county and has no button to run it
(county_evaluations_city.js)."""


def test_county_admin_runs_a_self_evaluation_the_city_reads_it(flow):
    flow('county_evaluation', 'meixian', 'meixian')
    flow('county_evaluations_city', 'meizhou', 'meizhou')
