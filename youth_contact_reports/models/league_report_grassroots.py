# -*- coding: utf-8 -*-
from odoo import api, fields, models


class LeagueReportGrassroots(models.Model):
    """"4+1" compliance per cadre and ISO week, for the organ cadres of the
    county committees (as ``league.grassroots.compliance``), from the start of
    the previous ISO year to the current week."""
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
    compliance = fields.Float('Compliance (%)', readonly=True, group_operator='avg',
                              digits=(5, 1))

    @api.model
    def _query(self):
        return """
            WITH weeks AS (
                SELECT generate_series(
                           date_trunc('week', make_date(
                               EXTRACT(isoyear FROM CURRENT_DATE)::int - 1, 1, 4)),
                           date_trunc('week', CURRENT_DATE), interval '1 week')::date AS week
            ), done AS (
                SELECT cadre_id, date_trunc('week', date)::date AS week, count(*) AS days
                  FROM league_grassroots_day GROUP BY cadre_id, date_trunc('week', date)
            )
            SELECT row_number() OVER (ORDER BY c.id, w.week)::int AS id,
                   c.id AS cadre_id, c.county_id, c.organization_id, w.week AS week_start,
                   EXTRACT(isoyear FROM w.week)::int AS iso_year,
                   1 AS week_count,
                   coalesce(d.days, 0) AS day_count,
                   CASE WHEN d.days > 0 THEN 1 ELSE 0 END AS met_count,
                   CASE WHEN d.days IS NULL AND w.week < date_trunc('week', CURRENT_DATE)
                        THEN 1 ELSE 0 END AS missed_count,
                   w.week = date_trunc('week', CURRENT_DATE)::date AS current_week,
                   CASE WHEN d.days > 0 THEN 100.0 ELSE 0.0 END AS compliance
              FROM league_cadre c
              JOIN league_organization o ON o.id = c.organization_id
                                        AND o.level = 'county'
                                        AND NOT coalesce(o.is_special, false)
             CROSS JOIN weeks w
              LEFT JOIN done d ON d.cadre_id = c.id AND d.week = w.week
             WHERE c.active
        """
