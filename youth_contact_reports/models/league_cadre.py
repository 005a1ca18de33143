# -*- coding: utf-8 -*-
import uuid

from odoo import api, fields, models


def new_token():
    return uuid.uuid4().hex


class LeagueCadre(models.Model):
    """The cadre's personal rating link and satisfaction figures."""
    _inherit = 'league.cadre'

    rating_token = fields.Char('Rating Link Token', copy=False, readonly=True, index=True)
    rating_url = fields.Char('Personal Rating Link', compute='_compute_rating_url',
                             help='Hand this link to the youth you contact: each of them can '
                                  'rate you once per half-year, without logging in, after '
                                  'giving their mobile number.')
    satisfaction_ids = fields.One2many('league.satisfaction', 'cadre_id', 'Satisfaction Ratings')
    satisfaction_count = fields.Integer('Ratings', compute='_compute_satisfaction')
    satisfaction_avg = fields.Float('Average Rating (1-5)', digits=(3, 2),
                                    compute='_compute_satisfaction')

    _sql_constraints = [
        ('rating_token_uniq', 'unique(rating_token)', 'The rating link token must be unique.'),
    ]

    @api.model_cr
    def init(self):
        # give every existing cadre its own token (a column default would give
        # all of them the same one)
        self.env.cr.execute("""UPDATE league_cadre SET rating_token = md5(random()::text ||
                                      clock_timestamp()::text || id::text)
                                WHERE rating_token IS NULL""")

    @api.model
    def create(self, vals):
        vals = dict(vals, rating_token=new_token())
        return super(LeagueCadre, self).create(vals)

    @api.depends('rating_token')
    def _compute_rating_url(self):
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')
        for cadre in self:
            token = cadre.sudo().rating_token
            cadre.rating_url = token and '%s/youth_contact/rate/%s' % (base, token) or False

    @api.multi
    def _compute_satisfaction(self):
        groups = self.env['league.satisfaction'].read_group(
            [('cadre_id', 'in', self.ids)], ['cadre_id', 'rating_value'], ['cadre_id'])
        stats = {g['cadre_id'][0]: (g['cadre_id_count'], g['rating_value']) for g in groups}
        for cadre in self:
            cadre.satisfaction_count, cadre.satisfaction_avg = stats.get(cadre.id, (0, 0.0))

    @api.multi
    def action_new_rating_token(self):
        """Replace the rating link (the old link stops working)."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        for cadre in self:
            cadre.sudo().write({'rating_token': new_token()})
        return True

    @api.multi
    def action_view_satisfaction(self):
        self.ensure_one()
        action = self.env.ref('youth_contact_reports.action_league_satisfaction').read()[0]
        action['domain'] = [('cadre_id', '=', self.id)]
        action['context'] = {'default_cadre_id': self.id}
        return action
