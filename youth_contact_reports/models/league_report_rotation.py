# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_rotation_plan import PLAN_STATES

from odoo.addons.youth_contact.models.league_report_view import m2m_table


class LeagueReportRotation(models.Model):
    """"8+4" participation: one row per rotation plan and established cadre of
    its county, with the cadre's working group when there is one."""
    _name = 'league.report.rotation'
    _inherit = ['league.report.view']
    _description = '"8+4" Participation Analysis'
    _auto = False
    _order = 'year desc, county_id, cadre_id'
    _rec_name = 'cadre_id'

    plan_id = fields.Many2one('league.rotation.plan', 'Rotation Plan', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    year = fields.Integer(readonly=True, group_operator='max')
    state = fields.Selection(PLAN_STATES, 'Plan Status', readonly=True)
    cadre_id = fields.Many2one('league.cadre', 'Cadre', readonly=True)
    group_id = fields.Many2one('league.rotation.group', 'Working Group', readonly=True)
    batch_sequence = fields.Integer('Batch No.', readonly=True, group_operator='max')
    host_organization_id = fields.Many2one('league.organization', 'Host Organization',
                                           readonly=True)
    cadre_count = fields.Integer('Established Cadres', readonly=True)
    assigned_count = fields.Integer('Cadres in a Group', readonly=True)
    summary_count = fields.Integer('Cadres with Summary Filed', readonly=True)
    participation = fields.Float('Participation (%)', readonly=True, group_operator='avg',
                                 digits=(5, 1))

    @api.model
    def _query(self):
        table, group_col, cadre_col = m2m_table(self.env, 'league.rotation.group', 'cadre_ids')
        return """
            SELECT row_number() OVER (ORDER BY p.id, c.id)::int AS id,
                   p.id AS plan_id, p.county_id, p.year, p.state, c.id AS cadre_id,
                   m.group_id, m.batch_sequence, m.host_organization_id,
                   1 AS cadre_count,
                   CASE WHEN m.group_id IS NULL THEN 0 ELSE 1 END AS assigned_count,
                   CASE WHEN m.summary_filed THEN 1 ELSE 0 END AS summary_count,
                   CASE WHEN m.group_id IS NULL THEN 0.0 ELSE 100.0 END AS participation
              FROM league_rotation_plan p
              JOIN league_cadre c ON c.county_id = p.county_id AND c.established AND c.active
              LEFT JOIN LATERAL (
                    SELECT g.id AS group_id, g.batch_sequence, g.host_organization_id,
                           g.summary_filed
                      FROM league_rotation_group g
                      JOIN {table} r ON r.{group} = g.id
                     WHERE g.plan_id = p.id AND r.{cadre} = c.id
                     ORDER BY g.id LIMIT 1) m ON true
        """.format(table=table, group=group_col, cadre=cadre_col)
