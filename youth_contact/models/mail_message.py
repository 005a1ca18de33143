# -*- coding: utf-8 -*-
from email.utils import formataddr

from odoo import api, models


class MailMessage(models.Model):
    """League users often have no e-mail address (they log in with a login and
    a password only).  Odoo refuses to create any chatter message - creation
    log, tracked changes, activity feedback - for a user without e-mail
    ("Unable to send email, please configure the sender's email address"),
    which would forbid them to create or change any record with a chatter.
    Fall back on the company's address, else a no-reply address."""
    _inherit = 'mail.message'

    @api.model
    def _get_default_from(self):
        user = self.env.user
        if user.email:
            return super(MailMessage, self)._get_default_from()
        domain = self.env['ir.config_parameter'].sudo().get_param('mail.catchall.domain')
        address = user.company_id.email or 'noreply@%s' % (domain or 'localhost')
        return formataddr((user.name, address))

    @api.model
    def _league_unlink_odoo_messages(self):
        """Data of the module: remove the English messages Odoo's mail module
        writes (the welcome of the #general channel, the demo discussions),
        which League users would otherwise find in Discuss and their inbox."""
        data = self.env['ir.model.data'].sudo().search(
            [('module', '=', 'mail'), ('model', '=', 'mail.message')])
        self.sudo().browse(data.mapped('res_id')).exists().unlink()
