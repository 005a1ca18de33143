# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

TRANSITION_KEY = 'league_workflow_transition'


def check_group(env, group_xmlid, message):
    """Raise ``AccessError(message)`` unless the user of ``env`` is in the group."""
    if env.uid != 1 and not env.user.has_group(group_xmlid):
        raise AccessError(message)


class LeagueWorkflowMixin(models.AbstractModel):
    """State machine guard for records that go through approvals.

    The ``state`` field of a model using this mixin can only change through
    its ``action_*`` methods, which call :meth:`_set_state`.  A plain
    ``write({'state': ...})`` or a ``create`` with a non-default state is
    refused for every user, administrators included (RPC, import, UI).
    """
    _name = 'league.workflow.mixin'
    _description = 'Workflow state guard'

    @api.model
    def create(self, vals):
        if 'state' in vals and not self.env.context.get(TRANSITION_KEY):
            default = self.default_get(['state']).get('state')
            if vals['state'] != default:
                raise UserError(_('The state of a record can only be changed '
                                  'with the workflow buttons.'))
        return super(LeagueWorkflowMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'state' in vals and not self.env.context.get(TRANSITION_KEY):
            if any(rec.state != vals['state'] for rec in self):
                raise UserError(_('The state of a record can only be changed '
                                  'with the workflow buttons.'))
        return super(LeagueWorkflowMixin, self).write(vals)

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
        return self.with_context(**{TRANSITION_KEY: True}).write(vals)
