# -*- coding: utf-8 -*-
from odoo import models


class MailMail(models.Model):
    """Outgoing mails of League records follow the record rules of their record.

    Odoo 11 lets every internal user read the outgoing mail queue: the
    notifications of other counties' concerns and approvals.  The record rule
    ``rule_mail_mail_league`` (read) keeps the mails of League records whose
    record the user may read; other mails keep Odoo's access rules.
    """
    _name = 'mail.mail'
    _inherit = ['mail.mail', 'league.readable.document.mixin']
    # model and res_id are fields of the mail's message (_inherits)
    _league_document_fields = ('model', 'res_id')
