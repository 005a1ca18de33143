# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import LEAGUE_TODAY_SQL

from .league_report_contact import LINE_TABLE


class LeagueReportCounty(models.Model):
    """The figures that matter, per county (dashboard cards)."""
    _name = 'league.report.county'
    _inherit = ['league.report.view']
    _description = 'County Dashboard'
    _auto = False
    _order = 'county_id'
    _rec_name = 'county_id'

    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    cadre_count = fields.Integer('Cadres', readonly=True)
    on_track_count = fields.Integer('Cadres on Track', readonly=True,
                                    help='Cadres meeting the three cadences: contact this '
                                         'week, an activity this quarter, face to face with '
                                         'every youth within a year.')
    quota_met_count = fields.Integer('Cadres Reaching the Quota', readonly=True)
    on_track_rate = fields.Float('Cadres on Track (%)', readonly=True, group_operator='avg',
                                 digits=(5, 1))
    youth_count = fields.Integer(
        'Youth in Contact', readonly=True,
        help='Youth in the contact list of at least one active cadre of the county, each counted '
             'once (the half-year report keeps this figure). The evaluation\'s "Contacts of '
             'the Cadres" adds up the lists of the evaluated cadres instead.')
    youth_reached_count = fields.Integer('Youth Reached in 30 Days', readonly=True)
    log_count = fields.Integer('Contact Logs in 30 Days', readonly=True)
    open_day_count = fields.Integer('Open Days Held This Year', readonly=True)
    concern_open_count = fields.Integer('Concerns Open', readonly=True)

    @api.model
    def _query(self):
        # the logs of the last 30 days: the contact analysis lines (one per
        # youth of each log, indexed on the date) rather than every link of
        # every log joined to the logs
        return """
            WITH cadres AS (
                SELECT county_id, count(*) AS cadre_count,
                       count(*) FILTER (WHERE coalesce(behind_count, 0) = 0) AS on_track,
                       count(*) FILTER (WHERE quota_met) AS quota_met
                  FROM league_cadre WHERE active GROUP BY county_id
            ), youth AS (
                SELECT c.county_id, count(DISTINCT ct.youth_id) AS youth_count
                  FROM league_contact ct JOIN league_cadre c ON c.id = ct.cadre_id
                 WHERE c.active
                 GROUP BY c.county_id
            ), recent AS (
                SELECT c.county_id, count(DISTINCT f.log_id) AS log_count,
                       count(DISTINCT f.youth_id) AS reached
                  FROM {lines} f JOIN league_cadre c ON c.id = f.cadre_id
                 WHERE f.date > {today} - 30
                 GROUP BY c.county_id
            ), open_days AS (
                SELECT county_id, count(*) AS held FROM league_open_day
                 WHERE state IN ('held', 'closed')
                   AND year = EXTRACT(year FROM {today})::int
                 GROUP BY county_id
            ), concerns AS (
                SELECT county_id, count(*) AS open_count FROM league_concern
                 WHERE state != 'closed' GROUP BY county_id
            )
            SELECT o.county_id AS id, o.county_id,
                   coalesce(cadres.cadre_count, 0) AS cadre_count,
                   coalesce(cadres.on_track, 0) AS on_track_count,
                   coalesce(cadres.quota_met, 0) AS quota_met_count,
                   CASE WHEN cadres.cadre_count > 0
                        THEN round(100.0 * cadres.on_track / cadres.cadre_count, 1)
                        ELSE 0 END AS on_track_rate,
                   coalesce(youth.youth_count, 0) AS youth_count,
                   coalesce(recent.reached, 0) AS youth_reached_count,
                   coalesce(recent.log_count, 0) AS log_count,
                   coalesce(open_days.held, 0) AS open_day_count,
                   coalesce(concerns.open_count, 0) AS concern_open_count
              FROM (SELECT id AS county_id FROM league_organization
                     WHERE level = 'county' AND active) o
              LEFT JOIN cadres USING (county_id) LEFT JOIN youth USING (county_id)
              LEFT JOIN recent USING (county_id) LEFT JOIN open_days USING (county_id)
              LEFT JOIN concerns USING (county_id)
        """.format(lines=LINE_TABLE, today=LEAGUE_TODAY_SQL)
