# -*- coding: utf-8 -*-
from odoo import api, fields, models

MISSING_ITEMS = [
    ('plan', '"8+4" plan not submitted'),
    ('open_day', 'No approved or held open day'),
    ('halfyear', 'Half-year report not filed'),
]
MISSING_PERIODS = [
    ('year', 'Whole Year'),
    ('q1', 'Q1'), ('q2', 'Q2'), ('q3', 'Q3'), ('q4', 'Q4'),
    ('h1', 'First Half'), ('h2', 'Second Half'),
]
RECORD_STATES = [
    ('none', 'Nothing Yet'),
    ('draft', 'Draft'),
    ('rejected', 'Rejected'),
    ('submitted', 'Waiting for Approval'),
]


class LeagueReportMissing(models.Model):
    """What each county still owes the city committee (read-only SQL view, one
    query whatever the number of counties and years).

    One row per county committee (special units excluded, as in the open days
    per quarter) and missing item, from the first year with a plan, an open
    day or a half-year report (at least the current year) up to today:

    * ``plan``: the year has no "8+4" plan submitted, approved or done;
    * ``open_day``: a quarter, up to the current one, has no open day approved,
      held or closed;
    * ``halfyear``: an ended half-year has no report submitted or acknowledged.

    ``record_state`` tells how far the county got: nothing yet, a draft, a
    rejected record or one waiting for the city's approval.
    """
    _name = 'league.report.missing'
    _description = 'Missing per County'
    _inherit = ['league.report.view']
    _with_today = True
    _auto = False
    _order = 'year desc, county_id, period_sequence'
    _rec_name = 'county_id'

    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    year = fields.Integer(readonly=True, group_operator='max')
    item = fields.Selection(MISSING_ITEMS, 'Missing', readonly=True)
    period = fields.Selection(MISSING_PERIODS, readonly=True)
    period_sequence = fields.Integer('Period Order', readonly=True)
    record_state = fields.Selection(RECORD_STATES, 'Where It Stands', readonly=True)
    is_current_year = fields.Boolean('This Year', readonly=True)
    is_last_year = fields.Boolean('Last Year', readonly=True)

    @api.model
    def _query(self):
        # the state of the most advanced record of a period that does not count
        rank = """CASE {0} WHEN 'submitted' THEN 3 WHEN 'rejected' THEN 2
                           WHEN 'draft' THEN 1 ELSE 0 END"""
        best = """COALESCE((ARRAY['none', 'draft', 'rejected', 'submitted'])[
                      max(%s) + 1], 'none')""" % rank.format('{0}')
        return """
            params AS (
                SELECT t.day,
                       EXTRACT(year FROM t.day)::int AS cur_year,
                       EXTRACT(quarter FROM t.day)::int AS cur_quarter
                  FROM today t
            ), years AS (
                SELECT y.year
                  FROM params p
                 CROSS JOIN generate_series(
                       LEAST(GREATEST(COALESCE(LEAST(
                           (SELECT min(year) FROM league_rotation_plan),
                           (SELECT min(year) FROM league_open_day WHERE year > 0),
                           (SELECT min(year::int) FROM league_halfyear_report)),
                           p.cur_year), 2016), p.cur_year),
                       p.cur_year) AS y(year)
            ), counties AS (
                SELECT id FROM league_organization
                 WHERE level = 'county' AND active AND NOT COALESCE(is_special, false)
            ), plans AS (
                SELECT c.id AS county_id, y.year, 'plan'::varchar AS item,
                       'year'::varchar AS period, 0 AS period_sequence,
                       {plan_state} AS record_state
                  FROM counties c
                 CROSS JOIN years y
                  LEFT JOIN league_rotation_plan r ON r.county_id = c.id AND r.year = y.year
                 GROUP BY c.id, y.year
                HAVING count(r.id) FILTER (
                           WHERE r.state IN ('submitted', 'approved', 'done')) = 0
            ), open_days AS (
                SELECT c.id AS county_id, y.year, 'open_day'::varchar AS item,
                       'q' || q.quarter AS period, q.quarter AS period_sequence,
                       {open_day_state} AS record_state
                  FROM counties c
                 CROSS JOIN years y
                 CROSS JOIN generate_series(1, 4) AS q(quarter)
                 CROSS JOIN params p
                  LEFT JOIN league_open_day d ON d.county_id = c.id AND d.year = y.year
                                             AND d.quarter = q.quarter::varchar
                 WHERE y.year * 10 + q.quarter <= p.cur_year * 10 + p.cur_quarter
                 GROUP BY c.id, y.year, q.quarter
                HAVING count(d.id) FILTER (
                           WHERE d.state IN ('approved', 'held', 'closed')) = 0
            ), halfyears AS (
                SELECT c.id AS county_id, y.year, 'halfyear'::varchar AS item,
                       'h' || h.half AS period, 4 + h.half AS period_sequence,
                       {halfyear_state} AS record_state
                  FROM counties c
                 CROSS JOIN years y
                 CROSS JOIN generate_series(1, 2) AS h(half)
                 CROSS JOIN params p
                  LEFT JOIN league_halfyear_report r ON r.county_id = c.id
                                                    AND r.year = y.year::varchar
                                                    AND r.half = h.half::varchar
                 WHERE make_date(y.year, 6 * h.half, 1) + interval '1 month' <= p.day
                 GROUP BY c.id, y.year, h.half
                HAVING count(r.id) FILTER (
                           WHERE r.state IN ('submitted', 'acknowledged')) = 0
            ), missing AS (
                SELECT * FROM plans
                UNION ALL SELECT * FROM open_days
                UNION ALL SELECT * FROM halfyears
            )
            SELECT m.county_id * 100000 + m.year * 10 + m.period_sequence AS id,
                   m.county_id, m.year, m.item, m.period, m.period_sequence,
                   m.record_state,
                   m.year = p.cur_year AS is_current_year,
                   m.year = p.cur_year - 1 AS is_last_year
              FROM missing m
             CROSS JOIN params p""".format(
            plan_state=best.format('r.state'),
            open_day_state=best.format('d.state'),
            halfyear_state=best.format("CASE r.state WHEN 'draft' THEN 'draft' END"))
