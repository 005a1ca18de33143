# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from .league_guard import is_server_side, server_side

# fields maintained by mail.thread / mail.activity.mixin: always writable
MAIL_FIELD_PREFIXES = ('message_', 'activity_', 'website_message')


def check_group(env, group_xmlid, message):
    """Raise ``AccessError(message)`` unless the user of ``env`` is in the group."""
    if env.uid != 1 and not env.user.has_group(group_xmlid):
        raise AccessError(message)


def data_keys(vals):
    """The keys of ``vals`` that are not maintained by the chatter."""
    return {key for key in vals if not key.startswith(MAIL_FIELD_PREFIXES)}


class LeagueWorkflowMixin(models.AbstractModel):
    """State machine guard for records that go through approvals.

    The ``state`` field of a model using this mixin, and the fields listed in
    ``_server_fields`` (what the transitions record: dates, results), can only
    change through its ``action_*`` methods, which call :meth:`_set_state`.
    A plain ``write`` or a ``create`` with other values is refused for every
    user, administrators included, whatever the context (web client, RPC,
    import): the permission is the server-side mark of
    :mod:`.league_guard`, which no client can send.
    """
    _name = 'league.workflow.mixin'
    _description = 'Workflow state guard'

    # written by the transitions only (besides ``state``)
    _server_fields = ()

    @api.model
    def _guarded_fields(self):
        return {'state'} | set(self._server_fields)

    @api.model
    def create(self, vals):
        if not is_server_side(self):
            keys = self._guarded_fields() & set(vals)
            defaults = self.default_get(list(keys)) if keys else {}
            for key in keys:
                if vals[key] != defaults.get(key, False) and (
                        key == 'state' or vals[key]):
                    self._refuse_server_field(key)
        return super(LeagueWorkflowMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_server_side(self):
            for key in self._guarded_fields() & set(vals):
                field = self._fields[key]
                if field.type in ('one2many', 'many2many'):
                    self._refuse_server_field(key)
                for rec in self:
                    value = field.convert_to_record(
                        field.convert_to_cache(vals[key], rec, validate=False), rec)
                    if value != rec[key]:
                        self._refuse_server_field(key)
        return super(LeagueWorkflowMixin, self).write(vals)

    @api.model
    def _refuse_server_field(self, key):
        if key == 'state':
            raise UserError(_('The state of a record can only be changed '
                              'with the workflow buttons.'))
        raise UserError(_('"%s" is recorded by the workflow buttons and cannot be set by '
                          'hand.') % self._fields[key].get_description(self.env)['string'])

    @api.multi
    def _check_state(self, allowed, action_label):
        """Refuse ``action_label`` for records whose state is not in ``allowed``."""
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            states = dict(self._fields['state']._description_selection(self.env))
            raise UserError(_('"%(action)s" is not possible for %(record)s in state '
                              '"%(state)s".') % {
                'action': action_label,
                'record': wrong[0].display_name,
                'state': states.get(wrong[0].state),
            })

    @api.multi
    def _guard(self, group, refusal, states, action_label):
        """Refuse the transition ``action_label`` to users outside ``group``
        (with the message ``refusal``) and for records not in ``states``."""
        check_group(self.env, group, refusal)
        self._check_state(states, action_label)

    @api.multi
    def _set_state(self, state, **extra):
        """Move the records to ``state`` (with extra field values)."""
        vals = dict(extra, state=state)
        return server_side(self).write(vals)
