# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_open_day import DEFAULT_MIN_ATTENDEES, MIN_ATTENDEES_PARAM


class ResConfigSettings(models.TransientModel):
    """Settings of the schemes: the attendance an open day needs to be closed."""
    _inherit = 'res.config.settings'

    league_open_day_min_attendees = fields.Integer(
        'Minimum Open Day Attendance', default=DEFAULT_MIN_ATTENDEES,
        help='An open day can be closed once at least this many youth attended it '
             '(the document asks for at least 50 ordinary youth every quarter).')

    @api.constrains('league_open_day_min_attendees')
    def _check_league_open_day_min_attendees(self):
        for settings in self:
            if settings.league_open_day_min_attendees < 1:
                raise ValidationError(_('The minimum attendance of an open day must be at '
                                        'least 1.'))

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        res['league_open_day_min_attendees'] = self.env['league.open.day']._get_min_attendees()
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        self.env['ir.config_parameter'].sudo().set_param(
            MIN_ATTENDEES_PARAM, str(self.league_open_day_min_attendees))
