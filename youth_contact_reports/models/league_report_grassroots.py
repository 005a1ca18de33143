# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import GRASSROOTS_START_SQL, LEAGUE_TODAY_SQL


class LeagueReportGrassroots(models.Model):
    """"4+1" compliance per cadre and ISO week, for the organ cadres of the
    county committees (as ``league.grassroots.compliance``), from the start of
    the previous ISO year to the current week.

    The weeks before the city's setting "“4+1” counted from"
    (``GRASSROOTS_START_SQL``, as in ``league.grassroots.compliance``) are
    not counted: neither met nor missed, no compliance; their grassroots days
    are still shown."""
    _name = 'league.report.grassroots'
    _inherit = ['league.report.view']
    _description = '"4+1" Weekly Analysis'
    _auto = False
    _order = 'week_start desc, cadre_id'
    _rec_name = 'cadre_id'
    _source_indexes = [('league_grassroots_day', ['cadre_id', 'date'])]

    cadre_id = fields.Many2one('league.cadre', 'Cadre', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    organization_id = fields.Many2one('league.organization', 'Organization', readonly=True)
    week_start = fields.Date('Week', readonly=True, help='Monday of the ISO week.')
    iso_year = fields.Integer('ISO Year', readonly=True, group_operator='max')
    week_count = fields.Integer('Weeks', readonly=True)
    day_count = fields.Integer('Grassroots Days', readonly=True)
    met_count = fields.Integer('Weeks Met', readonly=True)
    missed_count = fields.Integer('Weeks Missed', readonly=True,
                                  help='Past weeks without a grassroots day (the current week '
                                       'is not missed yet).')
    current_week = fields.Boolean('Current Week', readonly=True)
    counted = fields.Boolean('Counted', readonly=True,
                             help='The week counts in "4+1" (not before the city\'s setting '
                                  '"“4+1” counted from").')
    compliance = fields.Float('Compliance (%)', readonly=True, group_operator='avg',
                              digits=(5, 1))

    @api.model
    def _query(self):
        # No window function (a row_number id): PostgreSQL then pushes the
        # filters of the analysis (week, cadre, county) down to the cadres and
        # the days it reads.  The id is the cadre's id and the week's number
        # since the first week (at most 106 weeks: 128 per cadre).
        return """
            WITH bounds AS (
                SELECT date_trunc('week', make_date(
                           EXTRACT(isoyear FROM {today})::int - 1, 1, 4))::date AS first,
                       date_trunc('week', {today})::date AS current
            ), weeks AS (
                SELECT generate_series(b.first, b.current, interval '1 week')::date AS week,
                       b.first, b.current,
                       -- GREATEST ignores the NULL of an unset setting
                       GREATEST(b.first, {start}) AS counted_from
                  FROM bounds b
            ), done AS (
                SELECT d.cadre_id, date_trunc('week', d.date)::date AS week, count(*) AS days
                  FROM league_grassroots_day d, bounds b
                 WHERE d.date >= b.first
                 GROUP BY d.cadre_id, date_trunc('week', d.date)
            )
            SELECT (c.id * 128 + (w.week - w.first) / 7)::int AS id,
                   c.id AS cadre_id, c.county_id, c.organization_id, w.week AS week_start,
                   EXTRACT(isoyear FROM w.week)::int AS iso_year,
                   1 AS week_count,
                   coalesce(d.days, 0) AS day_count,
                   CASE WHEN d.days > 0 AND w.week >= w.counted_from
                        THEN 1 ELSE 0 END AS met_count,
                   CASE WHEN d.days IS NULL AND w.week < w.current
                             AND w.week >= w.counted_from
                        THEN 1 ELSE 0 END AS missed_count,
                   w.week = w.current AS current_week,
                   w.week >= w.counted_from AS counted,
                   CASE WHEN w.week < w.counted_from THEN NULL
                        WHEN d.days > 0 THEN 100.0 ELSE 0.0 END AS compliance
              FROM league_cadre c
              JOIN league_organization o ON o.id = c.organization_id
                                        AND o.level = 'county'
                                        AND NOT coalesce(o.is_special, false)
             CROSS JOIN weeks w
              LEFT JOIN done d ON d.cadre_id = c.id AND d.week = w.week
             WHERE c.active
        """.format(today=LEAGUE_TODAY_SQL, start=GRASSROOTS_START_SQL)
