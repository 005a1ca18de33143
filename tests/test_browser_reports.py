# -*- coding: utf-8 -*-
"""Browser flow of the reports addon (issue 5): the city administrator computes
and publishes an evaluation and downloads the ranking bulletin."""
from browserlib import run_flow


def test_city_admin_publishes_an_evaluation_and_downloads_the_bulletin(odoo_server):
    run_flow(odoo_server, 'evaluation')
