# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_open_day import OPEN_DAY_STATES, QUARTERS


class LeagueReportOpenDay(models.Model):
    """Open days per county and quarter: one row per open day."""
    _name = 'league.report.open.day'
    _inherit = ['league.report.view']
    _description = 'Open Day Analysis'
    _auto = False
    _order = 'date desc'
    _rec_name = 'open_day_id'

    open_day_id = fields.Many2one('league.open.day', 'Open Day', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    date = fields.Date(readonly=True)
    year = fields.Integer(readonly=True, group_operator='max')
    quarter = fields.Selection(QUARTERS, readonly=True)
    state = fields.Selection(OPEN_DAY_STATES, 'Status', readonly=True)
    open_day_count = fields.Integer('Open Days', readonly=True)
    held_count = fields.Integer('Held', readonly=True,
                                help='Open days that took place (held or closed).')
    closed_count = fields.Integer('Closed', readonly=True,
                                  help='Open days closed with the required attendance.')
    invitee_count = fields.Integer('Invited', readonly=True)
    attendee_count = fields.Integer('Attendance', readonly=True)
    sector_count = fields.Integer('Sectors Covered', readonly=True, group_operator='avg')

    @api.model
    def _query(self):
        return """
            SELECT d.id, d.id AS open_day_id, d.county_id, d.date, d.year, d.quarter,
                   d.state, 1 AS open_day_count,
                   CASE WHEN d.state IN ('held', 'closed') THEN 1 ELSE 0 END AS held_count,
                   CASE WHEN d.state = 'closed' THEN 1 ELSE 0 END AS closed_count,
                   coalesce(d.invitee_count, 0) AS invitee_count,
                   coalesce(d.attendee_count, 0) AS attendee_count,
                   coalesce(d.sector_count, 0) AS sector_count
              FROM league_open_day d
        """
