# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    league_cadre_ids = fields.One2many('league.cadre', 'user_id', 'League Cadre Records')
    league_cadre_id = fields.Many2one('league.cadre', 'League Cadre',
                                      compute='_compute_league_cadre_id')
    league_admin_county_id = fields.Many2one(
        'league.organization', 'Administered County',
        domain=[('level', '=', 'county')],
        help='For county administrators without a cadre record (or administering '
             'another county than their own): the county they administer.')
    league_county_id = fields.Many2one(
        'league.organization', 'League County', compute='_compute_league_county_id',
        store=True, compute_sudo=True, index=True,
        help="The user's county: the administered county if set, else the county of "
             "the user's cadre record. Used by the record rules.")

    @api.depends('league_cadre_ids')
    def _compute_league_cadre_id(self):
        for user in self:
            user.league_cadre_id = user.league_cadre_ids[:1]

    @api.depends('league_admin_county_id', 'league_cadre_ids.county_id')
    def _compute_league_county_id(self):
        for user in self:
            user.league_county_id = (user.league_admin_county_id
                                     or user.league_cadre_ids[:1].county_id)

    @api.multi
    def write(self, vals):
        res = super(ResUsers, self).write(vals)
        if 'league_admin_county_id' in vals:
            # record rules depend on the county and are cached per user
            self.env['ir.rule'].clear_caches()
        return res
