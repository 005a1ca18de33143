# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import CADRE_CATEGORIES, SECTORS

from .league_report_contact import CADRE_COUNTY_SQL


class LeagueReportCoverage(models.Model):
    """Coverage of each active cadre: youth contacted vs quota, per sector."""
    _name = 'league.report.coverage'
    _inherit = ['league.report.view']
    _description = 'Coverage Analysis'
    _auto = False
    _order = 'coverage, cadre_id'
    _rec_name = 'cadre_id'
    _source_indexes = [('league_contact', ['cadre_id'])]

    cadre_id = fields.Many2one('league.cadre', 'Cadre', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    organization_id = fields.Many2one('league.organization', 'Organization', readonly=True)
    category = fields.Selection(CADRE_CATEGORIES, readonly=True)
    is_leader = fields.Boolean('Leadership Member', readonly=True)
    cadre_count = fields.Integer('Cadres', readonly=True)
    quota = fields.Integer('Youth Quota', readonly=True)
    youth_count = fields.Integer('Youth Contacted', readonly=True)
    missing_count = fields.Integer('Youth Missing to the Quota', readonly=True)
    quota_met_count = fields.Integer('Cadres Reaching the Quota', readonly=True)
    coverage = fields.Float('Coverage (%)', readonly=True, group_operator='avg',
                            digits=(5, 1))
    sector_count = fields.Integer('Sectors Covered', readonly=True, group_operator='avg')
    enterprise_count = fields.Integer('Youth: Enterprise', readonly=True)
    rural_count = fields.Integer('Youth: Rural', readonly=True)
    organ_count = fields.Integer('Youth: Government Organ', readonly=True)
    school_count = fields.Integer('Youth: School', readonly=True)
    community_count = fields.Integer('Youth: Street / Community', readonly=True)
    social_org_count = fields.Integer('Youth: Social Organization', readonly=True)
    new_media_count = fields.Integer('Youth: New Media', readonly=True)

    @api.model
    def _query(self):
        per_sector = ',\n'.join(
            "count(ct.id) FILTER (WHERE y.sector = '{0}') AS {0}_count".format(key)
            for key, _label in SECTORS)
        return """
            SELECT c.id, c.id AS cadre_id, {county} AS county_id, c.organization_id,
                   c.category,
                   c.is_leader, 1 AS cadre_count, c.quota,
                   count(ct.id) AS youth_count,
                   GREATEST(c.quota - count(ct.id), 0) AS missing_count,
                   CASE WHEN count(ct.id) >= c.quota THEN 1 ELSE 0 END AS quota_met_count,
                   round(100.0 * LEAST(count(ct.id), c.quota) / GREATEST(c.quota, 1), 1)
                       AS coverage,
                   count(DISTINCT y.sector) AS sector_count,
                   {per_sector}
              FROM league_cadre c
              LEFT JOIN league_contact ct ON ct.cadre_id = c.id
              LEFT JOIN league_youth y ON y.id = ct.youth_id
             WHERE c.active
             GROUP BY c.id
        """.format(per_sector=per_sector, county=CADRE_COUNTY_SQL)
