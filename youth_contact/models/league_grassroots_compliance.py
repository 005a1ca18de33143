# -*- coding: utf-8 -*-
from odoo import api, fields, models

from .league_common import GRASSROOTS_MIN_RATE


class LeagueGrassrootsCompliance(models.Model):
    """"4+1" compliance of each county committee organ cadre over the current
    ISO year (read-only SQL view).

    A week (Monday-Sunday) is met when the cadre recorded at least one
    grassroots day in it.  Weeks elapsed = the completed weeks of the year,
    plus the current week once it is met (a week in progress is not missed
    yet).  ``recent_missed``: neither last week nor this week is met (the
    weekly reminder).  A cadre is behind when recent_missed, or when the rate
    of the elapsed weeks is below GRASSROOTS_MIN_RATE (a 20% year is behind
    even with a grassroots day last week).
    """
    _name = 'league.grassroots.compliance'
    _description = '"4+1" Weekly Compliance'
    _inherit = ['league.report.view']
    _with_today = True
    _auto = False
    _order = 'rate, cadre_id'
    _rec_name = 'cadre_id'

    cadre_id = fields.Many2one('league.cadre', 'Cadre', readonly=True)
    user_id = fields.Many2one('res.users', 'User', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    organization_id = fields.Many2one('league.organization', 'Organization', readonly=True)
    year = fields.Integer('Year', readonly=True, group_operator='max')
    weeks_elapsed = fields.Integer('Weeks Elapsed', readonly=True)
    weeks_met = fields.Integer('Weeks Met', readonly=True)
    weeks_missed = fields.Integer('Weeks Missed', readonly=True)
    rate = fields.Float('Compliance (%)', readonly=True, group_operator='avg',
                        digits=(16, 1))
    last_week_met = fields.Boolean('Last Week Met', readonly=True)
    this_week_met = fields.Boolean('This Week Met', readonly=True)
    recent_missed = fields.Boolean('No Recent Grassroots Day', readonly=True,
                                   help='No grassroots day last week nor so far this week.')
    behind = fields.Boolean('Behind', readonly=True,
                            help='No grassroots day last week nor so far this week, or '
                                 'grassroots days in less than 80% of the elapsed weeks.')
    last_date = fields.Date('Last Grassroots Day', readonly=True)

    @api.model
    def _query(self):
        return """
            params AS (
                SELECT date_trunc('week', t.day)::date AS this_week,
                       date_trunc('week', make_date(
                           EXTRACT(isoyear FROM t.day)::int, 1, 4))::date AS year_start,
                       EXTRACT(isoyear FROM t.day)::int AS iso_year
                  FROM today t
            ), weeks AS (
                SELECT d.cadre_id, date_trunc('week', d.date)::date AS week_start
                  FROM league_grassroots_day d, params p
                 WHERE d.date >= LEAST(p.year_start, p.this_week - 7)
                   AND d.date < p.this_week + 7
                 GROUP BY d.cadre_id, date_trunc('week', d.date)
            ), stats AS (
                SELECT w.cadre_id,
                       count(*) FILTER (WHERE w.week_start >= p.year_start
                                          AND w.week_start < p.this_week) AS past_met,
                       bool_or(w.week_start = p.this_week) AS this_week_met,
                       bool_or(w.week_start = p.this_week - 7) AS last_week_met
                  FROM weeks w, params p
                 GROUP BY w.cadre_id
            ), last_day AS (
                SELECT cadre_id, max(date) AS last_date
                  FROM league_grassroots_day GROUP BY cadre_id
            ), base AS (
                SELECT c.id AS cadre_id, c.user_id, c.county_id, c.organization_id,
                       p.iso_year AS year,
                       (p.this_week - p.year_start) / 7 AS past_weeks,
                       COALESCE(s.past_met, 0) AS past_met,
                       COALESCE(s.this_week_met, false) AS this_week_met,
                       COALESCE(s.last_week_met, false) AS last_week_met,
                       l.last_date
                  FROM league_cadre c
                  JOIN league_organization o ON o.id = c.organization_id
                                            AND o.level = 'county'
                                            AND NOT COALESCE(o.is_special, false)
                 CROSS JOIN params p
                  LEFT JOIN stats s ON s.cadre_id = c.id
                  LEFT JOIN last_day l ON l.cadre_id = c.id
                 WHERE c.active
            )
            SELECT cadre_id AS id, cadre_id, user_id, county_id, organization_id, year,
                   past_weeks + this_week_met::int AS weeks_elapsed,
                   past_met + this_week_met::int AS weeks_met,
                   past_weeks - past_met AS weeks_missed,
                   CASE WHEN past_weeks + this_week_met::int > 0
                        THEN round(100.0 * (past_met + this_week_met::int)
                                   / (past_weeks + this_week_met::int), 1)
                        ELSE 100.0 END AS rate,
                   last_week_met, this_week_met,
                   NOT (last_week_met OR this_week_met) AS recent_missed,
                   NOT (last_week_met OR this_week_met)
                       OR (past_weeks + this_week_met::int > 0
                           AND round(100.0 * (past_met + this_week_met::int)
                                     / (past_weeks + this_week_met::int), 1) < {min_rate})
                       AS behind,
                   last_date
              FROM base""".format(min_rate=GRASSROOTS_MIN_RATE)
