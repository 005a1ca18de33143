# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from .league_common import SECTORS


class LeagueOpenDaySector(models.Model):
    """Sectors covered by the attendees of a closed open day (one line per sector)."""
    _name = 'league.open.day.sector'
    _inherit = ['league.server.record.mixin']
    _description = 'Open Day Sector Covered'
    _order = 'open_day_id, attendee_count desc, id'

    open_day_id = fields.Many2one('league.open.day', 'Open Day', required=True, index=True,
                                  ondelete='cascade')
    county_id = fields.Many2one('league.organization', 'County',
                                related='open_day_id.county_id', store=True, readonly=True)
    sector = fields.Selection(SECTORS, help='Empty: attendees without a recorded sector.')
    attendee_count = fields.Integer('Attendees')

    @api.model
    def _server_record_refusal(self):
        return _('The sectors of an open day are recorded when it is closed and cannot be '
                 'changed by hand.')
