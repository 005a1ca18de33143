# -*- coding: utf-8 -*-
"""Login throttling (OCA ``auth_brute_force``), adapted to this system.

* The attempts (logins, which may be mobile numbers, and IP addresses) are
  readable by the system administrators only (the addon lets every user read
  them; ``data/auth_brute_force_data.xml`` takes that right away), so the ban
  check, which runs as the user logging in, reads them as superuser.
* The remote metadata is not fetched from the public web service the addon
  calls (ip-api.com over plain HTTP): the addresses of the League offices are
  not sent to a third party.
"""
from odoo import api, models


class ResAuthenticationAttempt(models.Model):
    _inherit = 'res.authentication.attempt'

    @api.model
    def _trusted(self, remote, login):
        return super(ResAuthenticationAttempt, self.sudo())._trusted(remote, login)

    @api.multi
    @api.depends('remote')
    def _compute_metadata(self):
        for attempt in self:
            attempt.remote_metadata = False
