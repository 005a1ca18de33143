# -*- coding: utf-8 -*-
from odoo import api, models

from .league_common import in_user_lang


class MailThread(models.AbstractModel):
    """Chatter text is stored as it is written: the creation log ("<model>
    created") and the messages rendered from a template (activity feedback)
    are rendered once, in the language of the context.  A call without a
    language (XML-RPC clients, data files, server jobs) wrote them half in
    English (the model's name, the activity type, the template's words).
    Odoo already tracks values in the user's language when the context has
    none; League records get the same fallback for these messages, so their
    users (who work in Chinese) read the whole chatter in Chinese.  (League
    records only: a language in the context of ``create`` also stores
    translations of translatable fields, which other models may have.)"""
    _inherit = 'mail.thread'

    def _league_chatter_lang(self):
        return in_user_lang(self) if self._name.startswith('league.') else self

    @api.model
    def create(self, values):
        record = super(MailThread, self._league_chatter_lang()).create(values)
        return record.with_env(self.env)

    @api.multi
    def message_post_with_view(self, views_or_xmlid, **kwargs):
        return super(MailThread, self._league_chatter_lang()).message_post_with_view(
            views_or_xmlid, **kwargs)
