# -*- coding: utf-8 -*-
from odoo import api, fields, models

from .league_document_access import readable_documents_domain


class MailMail(models.Model):
    """Outgoing mails of League records follow the record rules of their record.

    Odoo 11 lets every internal user read the outgoing mail queue: the
    notifications of other counties' concerns and approvals.  The record rule
    ``rule_mail_mail_league`` (read) keeps the mails of League records whose
    record the user may read; other mails keep Odoo's access rules.
    """
    _inherit = 'mail.mail'

    league_readable_by = fields.Integer(
        'Readable by (technical)', compute='_compute_league_readable_by',
        search='_search_league_readable_by',
        help='Technical field of the record rule: searching it with a user id keeps the '
             'mails that user may read.')

    def _compute_league_readable_by(self):
        for mail in self:
            mail.league_readable_by = self.env.uid

    @api.model
    def _search_league_readable_by(self, operator, value):
        # model and res_id are fields of the mail's message (_inherits)
        return readable_documents_domain(self.env, value, 'model', 'res_id')
