# -*- coding: utf-8 -*-
from odoo import api, fields, models


class LeagueBulletinLine(models.Model):
    _name = 'league.bulletin.line'
    _inherit = ['league.server.record.mixin']
    _description = 'Bulletin Line'
    _order = 'bulletin_id, kind, rank, id'

    bulletin_id = fields.Many2one('league.bulletin', 'Bulletin', required=True,
                                  ondelete='cascade', index=True)
    kind = fields.Selection([
        ('county', 'County Ranking'),
        ('special', 'Special Unit Ranking'),
        ('top', 'Top Cadre'),
        ('bottom', 'Bottom Cadre'),
    ], required=True)
    rank = fields.Integer()
    county_name = fields.Char('County')
    cadre_name = fields.Char('Cadre')
    organization_name = fields.Char('Organization')
    is_leader = fields.Boolean('Leadership Member')
    cadre_count = fields.Integer('Cadres Evaluated')
    youth_count = fields.Integer('Youth Contacted')
    score = fields.Float('Total Score', digits=(5, 2))
    leaders_lead = fields.Boolean('Leaders Lead by Example')
    # 青年之声 of the county over the period (league.report.concern._voice_counts)
    voice_suggestion_count = fields.Integer('Suggestions')
    voice_opinion_count = fields.Integer('Opinions')
    voice_idea_count = fields.Integer('Ideas')
    voice_count = fields.Integer('Youth Voice')
    voice_answered_count = fields.Integer('Youth Voice Answered')

    @api.model
    def _server_record_refusal(self):
        return self.env['league.bulletin']._server_record_refusal()
