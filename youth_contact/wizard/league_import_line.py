# -*- coding: utf-8 -*-
from odoo import fields, models

LINE_STATUSES = [
    ('new', 'New'),
    ('update', 'Update'),
    ('error', 'Error'),
]


class LeagueImportLine(models.TransientModel):
    """One data row of an uploaded file, as the preview shows it.

    Lines are written in bulk by the wizard (see ``_store_lines``); ``raw``
    keeps the cells as typed (JSON list) for the rejected-rows file.
    """
    _name = 'league.import.line'
    _description = 'Excel Import Row'
    _order = 'wizard_id, row'

    wizard_id = fields.Many2one('league.import.wizard', 'Import', required=True,
                                ondelete='cascade', index=True)
    row = fields.Integer('Row', help='Row number in the Excel sheet.')
    status = fields.Selection(LINE_STATUSES, 'Result', required=True, index=True)
    name = fields.Char('Person', help='Name of the person, or mobile of the cadre for a '
                                      'contact.')
    mobile = fields.Char('Mobile', help='Mobile of the person, or of the youth for a contact.')
    organization = fields.Char('Organization / Channel')
    message = fields.Text('Reason')
    raw = fields.Text('Cells')
