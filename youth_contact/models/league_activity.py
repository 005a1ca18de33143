# -*- coding: utf-8 -*-
from odoo import api, fields, models

from .league_common import ACTIVITY_KINDS, league_today


class LeagueActivity(models.Model):
    """An offline activity organized by a cadre (每季有活动)."""
    _name = 'league.activity'
    _inherit = ['mail.thread', 'league.county.mixin']
    _description = 'Offline Activity'
    _league_readable_fields = ('cadre_id', 'youth_ids')
    _order = 'date desc, id desc'

    name = fields.Char('Title', required=True, track_visibility='onchange')
    cadre_id = fields.Many2one('league.cadre', 'Organizer', required=True, index=True,
                               ondelete='restrict', track_visibility='onchange',
                               default=lambda self: self.env['league.contact']._default_cadre())
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, compute_sudo=True, index=True, readonly=True)
    date = fields.Date(required=True, index=True, default=league_today,
                       track_visibility='onchange')
    kind = fields.Selection(ACTIVITY_KINDS, required=True, default='sports_culture',
                            track_visibility='onchange')
    place = fields.Char()
    youth_ids = fields.Many2many('league.youth', 'league_activity_youth_rel',
                                 'activity_id', 'youth_id', 'Participants')
    participant_count = fields.Integer('Number of Participants',
                                       compute='_compute_participant_count', store=True, compute_sudo=True)
    summary = fields.Text()

    @api.depends('youth_ids')
    def _compute_participant_count(self):
        for activity in self:
            activity.participant_count = len(activity.youth_ids)
