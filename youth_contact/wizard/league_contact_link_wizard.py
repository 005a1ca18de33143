# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class LeagueContactLinkWizard(models.TransientModel):
    """The links of the youth's pages of some contacts, one "name: link" line
    each, to paste into a WeChat or QQ group (the "Action" menu of the
    contacts, or the button of "My Youth")."""
    _name = 'league.contact.link.wizard'
    _description = 'Links of the Youth Pages'

    contact_ids = fields.Many2many('league.contact', string='Contacts',
                                   default=lambda self: self._default_contacts())
    text = fields.Text('Links to Paste', compute='_compute_text')
    revoked_count = fields.Integer('Revoked Links', compute='_compute_text')

    @api.model
    def _default_contacts(self):
        if self.env.context.get('active_model') == 'league.contact':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    @api.depends('contact_ids')
    def _compute_text(self):
        line = _('%(youth)s: %(link)s')
        for wizard in self:
            # as the user: the record rules of the contacts apply
            contacts = wizard.contact_ids
            contacts.check_access_rights('read')
            contacts.check_access_rule('read')
            lines = [line % {'youth': contact.youth_id.name, 'link': contact.youth_url}
                     for contact in contacts.sorted(lambda c: c.youth_id.name or '')
                     if contact.youth_url]
            wizard.text = '\n'.join(lines)
            wizard.revoked_count = len(contacts.filtered(lambda c: not c.youth_url))
