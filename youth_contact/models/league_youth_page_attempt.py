# -*- coding: utf-8 -*-
import hashlib

from odoo import api, fields, models

#: ir.config_parameter keys of the throttling of the youth's page, and defaults
WINDOW_PARAM = 'youth_contact.youth_page_window'              # seconds
TOKEN_LIMIT_PARAM = 'youth_contact.youth_page_token_limit'     # requests per link
ADDRESS_LIMIT_PARAM = 'youth_contact.youth_page_address_limit'  # requests per address
DEFAULT_WINDOW = 600
DEFAULT_TOKEN_LIMIT = 30
DEFAULT_ADDRESS_LIMIT = 200


def attempt_key(kind, value):
    """The key of a link or an address: a hash, so that the table holds no link."""
    return '%s:%s' % (kind, hashlib.sha256((value or '').encode('utf-8')).hexdigest()[:40])


class LeagueYouthPageAttempt(models.Model):
    """One request to a youth's page (``/youth/<token>``), kept for the
    throttling window: per link (whatever the link, known or not) and per
    client address.  Written by the page's controller only (as superuser, in
    SQL); the system administrator may read and clear it."""
    _name = 'league.youth.page.attempt'
    _description = 'Youth Page Request'
    _log_access = False
    _order = 'id desc'

    key = fields.Char(required=True, index=True, readonly=True)
    date = fields.Datetime(required=True, index=True, readonly=True,
                           default=fields.Datetime.now)

    @api.model
    def _param(self, name, default):
        try:
            value = int(self.env['ir.config_parameter'].sudo().get_param(name) or default)
        except ValueError:
            return default
        return value if value > 0 else default

    @api.model
    def _youth_page_allowed(self, token, address):
        """Record one request for ``token`` from ``address``; whether it may be
        served: fewer requests than the limits within the window, for this link
        and for this address.  Refused requests count too (a client hammering
        the page stays refused)."""
        window = self._param(WINDOW_PARAM, DEFAULT_WINDOW)
        limits = {attempt_key('token', token): self._param(TOKEN_LIMIT_PARAM,
                                                            DEFAULT_TOKEN_LIMIT),
                  attempt_key('address', address): self._param(ADDRESS_LIMIT_PARAM,
                                                                DEFAULT_ADDRESS_LIMIT)}
        cr = self.env.cr
        since = "(now() at time zone 'UTC') - %s * interval '1 second'"
        cr.execute("DELETE FROM league_youth_page_attempt WHERE date < " + since, (window,))
        cr.execute("""SELECT key, count(*) FROM league_youth_page_attempt
                       WHERE key IN %s AND date >= """ + since + " GROUP BY key",
                   (tuple(limits), window))
        counts = dict(cr.fetchall())
        cr.execute("""INSERT INTO league_youth_page_attempt (key, date)
                      SELECT unnest(%s::varchar[]), now() at time zone 'UTC'""",
                   (list(limits),))
        return all(counts.get(key, 0) < limit for key, limit in limits.items())
