# -*- coding: utf-8 -*-
from odoo import api, fields, models

OPERATIONS = [('create', 'Created'), ('write', 'Changed'), ('unlink', 'Deleted'),
              ('read', 'Read')]


class AuditlogLog(models.Model):
    """The change log of OCA auditlog as the city administrator reads it: the
    operation as a translated label (auditlog stores the ORM method name)."""
    _inherit = 'auditlog.log'

    league_operation = fields.Selection(OPERATIONS, string='Operation',
                                        compute='_compute_league_operation')

    @api.depends('method')
    def _compute_league_operation(self):
        known = dict(OPERATIONS)
        for log in self:
            log.league_operation = log.method if log.method in known else False
