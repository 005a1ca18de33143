# -*- coding: utf-8 -*-
from odoo import fields, models


class LeagueOrganization(models.Model):
    _inherit = 'league.organization'

    official_name = fields.Char(
        'Official Name',
        help='The full name of the committee heading its documents in red, e.g. '
             '共青团梅州市委员会 (the name when empty).')
