# -*- coding: utf-8 -*-
from odoo import api, fields, models

from .league_open_day import QUARTERS

QUARTER_STATUSES = [
    ('met', 'Met'),
    ('behind', 'Behind'),
    ('pending', 'In Progress'),
]


class LeagueOpenDayQuarter(models.Model):
    """Open days per county and quarter (read-only SQL view).

    One line per county committee (special units excluded) and quarter, from
    the first year with an open day (at least the current year) up to the
    current quarter.  Status: met when a closed open day took place in the
    quarter; behind when a past quarter has none; in progress for the current
    quarter without one yet.
    """
    _name = 'league.open.day.quarter'
    _description = 'Open Days per Quarter'
    _inherit = ['league.report.view']
    _with_today = True
    _auto = False
    _order = 'year desc, quarter desc, county_id'
    _rec_name = 'county_id'

    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    year = fields.Integer(readonly=True, group_operator='max')
    quarter = fields.Selection(QUARTERS, readonly=True)
    closed_count = fields.Integer('Closed Open Days', readonly=True)
    planned_count = fields.Integer('Open Days in Preparation', readonly=True)
    attendee_count = fields.Integer('Attendance', readonly=True)
    status = fields.Selection(QUARTER_STATUSES, readonly=True)
    is_last_quarter = fields.Boolean('Last Quarter', readonly=True)
    is_current_year = fields.Boolean('This Year', readonly=True)

    @api.model
    def _query(self):
        return """
            params AS (
                SELECT EXTRACT(year FROM t.day)::int AS cur_year,
                       EXTRACT(quarter FROM t.day)::int AS cur_quarter,
                       EXTRACT(year FROM t.day - interval '3 months')::int AS last_year,
                       EXTRACT(quarter FROM t.day - interval '3 months')::int AS last_quarter
                  FROM today t
            ), periods AS (
                SELECT y.year, q.quarter
                  FROM params p
                 CROSS JOIN generate_series(
                       LEAST(GREATEST(COALESCE((SELECT min(year) FROM league_open_day
                                                 WHERE year > 0), p.cur_year), 2016),
                             p.cur_year),
                       p.cur_year) AS y(year)
                 CROSS JOIN generate_series(1, 4) AS q(quarter)
                 WHERE y.year * 10 + q.quarter <= p.cur_year * 10 + p.cur_quarter
            ), counties AS (
                SELECT id FROM league_organization
                 WHERE level = 'county' AND active AND NOT COALESCE(is_special, false)
            )
            SELECT c.id * 100000 + pr.year * 10 + pr.quarter AS id,
                   c.id AS county_id, pr.year, pr.quarter::varchar AS quarter,
                   count(d.id) FILTER (WHERE d.state = 'closed') AS closed_count,
                   count(d.id) FILTER (WHERE d.state IN ('draft', 'submitted', 'approved',
                                                         'held')) AS planned_count,
                   COALESCE(sum(d.attendee_count) FILTER (WHERE d.state = 'closed'), 0)
                       AS attendee_count,
                   CASE WHEN count(d.id) FILTER (WHERE d.state = 'closed') > 0 THEN 'met'
                        WHEN pr.year * 10 + pr.quarter < p.cur_year * 10 + p.cur_quarter
                            THEN 'behind'
                        ELSE 'pending' END AS status,
                   (pr.year = p.last_year AND pr.quarter = p.last_quarter) AS is_last_quarter,
                   (pr.year = p.cur_year) AS is_current_year
              FROM counties c
             CROSS JOIN periods pr
             CROSS JOIN params p
              LEFT JOIN league_open_day d ON d.county_id = c.id AND d.year = pr.year
                                         AND d.quarter = pr.quarter::varchar
             GROUP BY c.id, pr.year, pr.quarter, p.cur_year, p.cur_quarter, p.last_year,
                      p.last_quarter"""
