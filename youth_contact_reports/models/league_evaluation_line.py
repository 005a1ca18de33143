# -*- coding: utf-8 -*-
from odoo import fields, models

from odoo.addons.youth_contact.models.league_common import CADRE_CATEGORIES


class LeagueEvaluationLine(models.Model):
    """Result of one cadre in an evaluation."""
    _name = 'league.evaluation.line'
    _inherit = ['league.evaluation.result']
    _description = 'Evaluation Result of a Cadre'
    _rec_name = 'cadre_id'
    _order = 'rank, id'

    cadre_id = fields.Many2one('league.cadre', 'Cadre', required=True, index=True,
                               ondelete='cascade')
    organization_id = fields.Many2one('league.organization', 'Organization')
    category = fields.Selection(CADRE_CATEGORIES, 'Category')
    is_leader = fields.Boolean('Leadership Member')
    county_rank = fields.Integer('Rank in County', group_operator='min')
    quota = fields.Integer('Youth Quota')
    disowned_count = fields.Integer('Not Known by the Youth',
                                    help='Contacts whose youth answered on their page that they '
                                         'do not know the cadre.')
    sector_count = fields.Integer('Sectors Covered')
    log_count = fields.Integer('Contact Logs')
    log_weeks = fields.Integer('Weeks with Contact')
    activity_count = fields.Integer('Offline Activities')
    activity_quarters = fields.Integer('Quarters with Activity')
    reached_count = fields.Integer('Youth Reached')
    rating_count = fields.Integer('Ratings')
    rating_avg = fields.Float('Average Rating', digits=(3, 2), group_operator='avg')
    grassroots_weeks = fields.Integer('Weeks with Grassroots Day')
    rotation_level = fields.Selection([
        ('0', 'Not in an approved plan'),
        ('1', 'Assigned, summary not filed'),
        ('2', 'Summary filed'),
    ], '"8+4" Status')
    open_day_quarters = fields.Integer('Quarters with Open Day')
