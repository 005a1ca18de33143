# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from .league_indicators import indicator_fields


class LeagueEvaluationResult(models.AbstractModel):
    """Fields shared by the cadre and county results of an evaluation.

    Results are written by the computation only (``action_compute``); nobody
    edits, adds or deletes them by hand, so a published evaluation is frozen.
    """
    _name = 'league.evaluation.result'
    _inherit = ['league.server.record.mixin']
    _description = 'Evaluation Result'
    _order = 'rank, id'

    evaluation_id = fields.Many2one('league.evaluation', 'Evaluation', required=True,
                                    index=True, ondelete='cascade')
    # not stored: a change of the evaluation's state would rewrite every result
    # (searched through the evaluation, e.g. by the record rules)
    evaluation_state = fields.Selection(related='evaluation_id.state', readonly=True,
                                        string='Evaluation State')
    date_from = fields.Date(related='evaluation_id.date_from', store=True, readonly=True)
    date_to = fields.Date(related='evaluation_id.date_to', store=True, readonly=True)
    county_id = fields.Many2one('league.organization', 'County', index=True)
    score = fields.Float('Total Score', digits=(5, 2), group_operator='avg')
    rank = fields.Integer('Rank', group_operator='min')
    youth_count = fields.Integer('Youth Contacted')
    confirmed_count = fields.Integer('Confirmed by the Youth',
                                     help='Contacts that the youth confirmed on their page by '
                                          'the end of the period.')
    confirmation_rate = fields.Float('Confirmation Rate (%)', digits=(5, 2),
                                     group_operator='avg',
                                     help='Share of the contacts confirmed by the youth on '
                                          'their page.')
    vars().update(indicator_fields('%s_score', lambda key, label: fields.Float(
        label, digits=(5, 2), group_operator='avg')))
    # indicators that do not apply are left out of the total (and shown empty)
    in_sector_scope = fields.Boolean('Sector Spread Applies')
    in_grassroots_scope = fields.Boolean('"4+1" Applies')
    in_rotation_scope = fields.Boolean('"8+4" Applies')
    in_open_day_scope = fields.Boolean('Open Days Apply')

    @api.model
    def _server_record_refusal(self):
        return _('Evaluation results are produced by the "Compute" button only and cannot be '
                 'changed by hand.')
