# -*- coding: utf-8 -*-
from odoo import api, models

from .league_satisfaction import RATINGS


class LeagueContact(models.Model):
    """The rating part of the youth's page: once per half-year, as a rating
    of source ``link`` (given by the youth, recorded by the server)."""
    _inherit = 'league.contact'

    @api.multi
    def _youth_page_values(self):
        values = super(LeagueContact, self)._youth_page_values()
        Rating = self.env['league.satisfaction']
        labels = dict(Rating._fields['rating']._description_selection(self.env))
        values.update(
            rated=Rating._youth_page_rated(self),
            ratings=[(key, labels[key]) for key, _label in reversed(RATINGS)])
        return values

    @api.multi
    def _youth_page_post(self, action, params):
        if action == 'rate' and self.confirm_state == 'confirmed':
            return self.env['league.satisfaction']._youth_page_rate(
                self, params.get('rating'), params.get('comment'))
        return super(LeagueContact, self)._youth_page_post(action, params)
