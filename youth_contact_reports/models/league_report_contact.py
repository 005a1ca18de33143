# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import LOG_MODES, LOG_TOPICS, SECTORS

from .league_report_view import m2m_table


class LeagueReportContact(models.Model):
    """Contact activity: one row per youth of each contact log."""
    _name = 'league.report.contact'
    _inherit = ['league.report.view']
    _description = 'Contact Activity Analysis'
    _auto = False
    _order = 'date desc'
    _rec_name = 'cadre_id'
    _source_indexes = [('league_contact_log', ['cadre_id', 'date'])]

    log_id = fields.Many2one('league.contact.log', 'Contact Log', readonly=True)
    cadre_id = fields.Many2one('league.cadre', 'Cadre', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    organization_id = fields.Many2one('league.organization', 'Organization', readonly=True)
    youth_id = fields.Many2one('league.youth', 'Youth', readonly=True)
    sector = fields.Selection(SECTORS, 'Sector of the Youth', readonly=True)
    date = fields.Date(readonly=True)
    mode = fields.Selection(LOG_MODES, readonly=True)
    topic = fields.Selection(LOG_TOPICS, readonly=True)
    log_count = fields.Integer('Contact Logs', readonly=True,
                               help='Each log counts once (on its first youth).')
    interaction_count = fields.Integer('Youth Contacts', readonly=True,
                                       help='One per youth of each log.')
    youth_reached_count = fields.Integer(
        'Youth Reached', readonly=True,
        help='Distinct youth reached: each youth counts once per cadre and month.')
    face_to_face_count = fields.Integer('Face-to-face Exchanges', readonly=True)
    online_count = fields.Integer('Online Contacts', readonly=True)

    @api.model
    def _query(self):
        table, log_col, youth_col = m2m_table(self.env, 'league.contact.log', 'youth_ids')
        return """
            SELECT row_number() OVER (ORDER BY l.id, r.{youth})::int AS id,
                   l.id AS log_id, l.cadre_id, c.county_id, c.organization_id,
                   r.{youth} AS youth_id, y.sector, l.date, l.mode, l.topic,
                   CASE WHEN row_number() OVER (PARTITION BY l.id ORDER BY r.{youth}) = 1
                        THEN 1 ELSE 0 END AS log_count,
                   1 AS interaction_count,
                   CASE WHEN row_number() OVER (
                            PARTITION BY l.cadre_id, r.{youth}, date_trunc('month', l.date)
                            ORDER BY l.date, l.id) = 1
                        THEN 1 ELSE 0 END AS youth_reached_count,
                   CASE WHEN l.mode = 'face_to_face' THEN 1 ELSE 0 END AS face_to_face_count,
                   CASE WHEN l.mode IN ('wechat', 'qq', 'weibo', 'phone')
                        THEN 1 ELSE 0 END AS online_count
              FROM league_contact_log l
              JOIN {table} r ON r.{log} = l.id
              JOIN league_youth y ON y.id = r.{youth}
              JOIN league_cadre c ON c.id = l.cadre_id
        """.format(table=table, log=log_col, youth=youth_col)
