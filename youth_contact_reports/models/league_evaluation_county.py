# -*- coding: utf-8 -*-
from odoo import api, fields, models


class LeagueEvaluationCounty(models.Model):
    """Result of one county (or special unit) in an evaluation."""
    _name = 'league.evaluation.county'
    _inherit = ['league.evaluation.result']
    _description = 'Evaluation Result of a County'
    _rec_name = 'county_id'
    _order = 'is_special, rank, id'

    is_special = fields.Boolean(
        'Special Unit', help='Special units (a university, a zone, city-level units: a few '
                             'cadres) are ranked among themselves, apart from the counties.')
    cadre_count = fields.Integer('Cadres Evaluated')
    # not the dashboard's "Youth in Contact" (each youth once): the evaluation
    # adds up its cadres' figures
    youth_count = fields.Integer(
        'Contacts of the Cadres',
        help='Sum over the evaluated cadres of the county of the youth in each one\'s contact '
             'list at the end of the period: a youth in the lists of two cadres counts twice. '
             'The county dashboard\'s "Youth in Contact" counts each youth once.')
    leader_count = fields.Integer('Leadership Members')
    open_day_quarters = fields.Integer('Quarters with Open Day')
    cadre_score = fields.Float('Average Cadre Score', digits=(5, 2), group_operator='avg')
    leader_score = fields.Float('Average Score of Leaders', digits=(5, 2),
                                group_operator='avg')
    leaders_lead = fields.Boolean(
        'Leaders Lead by Example',
        help='The leadership members score at least the average of the county\'s cadres.')

    @api.multi
    def name_get(self):
        """The result is named after its county.  Everybody who may read a
        published ranking (cadres of every county) reads the names of all its
        counties, as the list shows them, but not the organizations
        themselves (their record rules): the name only, read as superuser."""
        return [(result.id, result.county_id.sudo().display_name) for result in self]
