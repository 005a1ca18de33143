# -*- coding: utf-8 -*-
"""Approval by the city committee of records prepared by a county.

Used by the "8+4" rotation plans and the thematic open days: the county
administrator submits, a city administrator approves or rejects (with a
reason), a rejected record goes back to draft.  Submitting schedules an
approval activity for every city administrator; approving or rejecting closes
those activities and notifies the county's administrators.  Once submitted,
a record is read-only except the fields the state allows
(:meth:`_editable_fields`).
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .league_common import in_user_lang, league_today, schedule_activity
from .league_guard import is_server_side
from .league_workflow_mixin import (  # noqa: F401 (re-exported)
    MAIL_FIELD_PREFIXES, check_group, data_keys,
)

GROUP_CADRE = 'youth_contact.group_cadre'
GROUP_COUNTY_ADMIN = 'youth_contact.group_county_admin'
GROUP_CITY_ADMIN = 'youth_contact.group_city_admin'
APPROVAL_ACTIVITY = 'youth_contact.mail_activity_type_league_approval'

# field attributes: editable in draft only
DRAFT_EDITABLE = {'draft': [('readonly', False)]}


class LeagueApprovalMixin(models.AbstractModel):
    _name = 'league.approval.mixin'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'league.workflow.mixin',
                'league.county.mixin']
    _description = 'Approval by the city committee'

    # states in which the record may be deleted by its county administrator
    _unlink_states = ('draft', 'rejected')
    # the states the city's decision moves a submitted record to
    _approved_state = 'approved'
    _rejected_state = 'rejected'
    _rec_name = 'county_id'

    county_id = fields.Many2one(
        'league.organization', 'County', required=True, index=True,
        domain=[('level', '=', 'county')], track_visibility='onchange',
        readonly=True, states=DRAFT_EDITABLE,
        default=lambda self: self.env.user.league_county_id)
    reject_reason = fields.Text(
        'Rejection Reason', track_visibility='onchange', copy=False,
        help='Why the city committee rejected it; required to reject.')
    date_submitted = fields.Date('Submitted On', readonly=True, copy=False,
                                 help='When the county last submitted it for approval.')
    my_county = fields.Boolean('In My County', compute='_compute_my_county',
                               search='_search_my_county')

    @api.multi
    def _compute_my_county(self):
        county = self.env.user.league_county_id
        for rec in self:
            rec.my_county = bool(county) and rec.county_id == county

    @api.model
    def _search_my_county(self, operator, value):
        positive = (operator == '=') == bool(value)
        county_id = self.env.user.league_county_id.id or -1
        return [('county_id', '=' if positive else '!=', county_id)]

    @api.model
    def _guarded_fields(self):
        return super(LeagueApprovalMixin, self)._guarded_fields() | {'date_submitted'}

    # ------------------------------------------------------------------
    # editing rules
    # ------------------------------------------------------------------
    @api.multi
    def _editable_fields(self):
        """Fields the current user may change on ``self`` (one record) in its
        state; ``None`` means every field (draft)."""
        self.ensure_one()
        if self.state == 'draft':
            return None
        if self.state == 'submitted' and self.env.user.has_group(GROUP_CITY_ADMIN):
            return {'reject_reason'}
        return set()

    @api.multi
    def _check_editable(self, vals):
        if is_server_side(self):
            return
        keys = data_keys(vals)
        if not keys:
            return
        states = dict(self._fields['state']._description_selection(self.env))
        for rec in self:
            allowed = rec._editable_fields()
            if allowed is None:
                continue
            refused = keys - allowed
            if refused:
                labels = sorted(rec._fields[name].get_description(self.env)['string']
                                for name in refused if name in rec._fields)
                raise UserError(_('%(record)s is %(state)s: these fields can no longer be '
                                  'changed: %(fields)s.') % {
                    'record': rec.display_name,
                    'state': states.get(rec.state),
                    'fields': ', '.join(labels) or ', '.join(sorted(refused)),
                })

    @api.multi
    def write(self, vals):
        self._check_editable(vals)
        return super(LeagueApprovalMixin, self).write(vals)

    @api.multi
    def unlink(self):
        states = dict(self._fields['state']._description_selection(self.env))
        for rec in self:
            if rec.state not in self._unlink_states:
                raise UserError(_('%(record)s is %(state)s and cannot be deleted.') % {
                    'record': rec.display_name, 'state': states.get(rec.state)})
        return super(LeagueApprovalMixin, self).unlink()

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    @api.multi
    def _approval_violations(self):
        """Return the list of reasons why ``self`` (one record) cannot be submitted."""
        return []

    @api.model
    def _decision_texts(self, decision):
        """Texts of the city's ``decision`` ('approve' or 'reject'): the refusal
        to other users, the button's label, the feedback in the chatter (with
        the reason for a rejection) and the request for a reason."""
        if decision == 'approve':
            return {'refusal': _('Only a city administrator can approve.'),
                    'label': _('Approve'), 'feedback': _('Approved')}
        return {'refusal': _('Only a city administrator can reject.'), 'label': _('Reject'),
                'feedback': _('Rejected: %s'), 'reason': _('Give the reason for rejecting %s.')}

    @api.multi
    def _transition_values(self, transition):
        """Values recorded with the state of ``transition`` ('submit', 'approve',
        'reject') besides the state (e.g. the date of the transition)."""
        return {}

    @api.multi
    def _prepare_submit(self):
        """What a record does right before it is checked and submitted."""
        return True

    @api.multi
    def action_submit(self):
        self._guard(GROUP_COUNTY_ADMIN, _('Only a county administrator can submit for approval.'),
                    ['draft'], _('Submit'))
        self._prepare_submit()
        for rec in self:
            violations = rec._approval_violations()
            if violations:
                raise UserError('\n'.join(
                    [_('%s cannot be submitted:') % rec.display_name]
                    + ['• %s' % v for v in violations]))
        values = dict(reject_reason=False, date_submitted=league_today(self))
        values.update(self._transition_values('submit'))
        self._set_state('submitted', **values)
        self._approval_request()
        return True

    @api.multi
    def action_approve(self):
        texts = self._decision_texts('approve')
        self._guard(GROUP_CITY_ADMIN, texts['refusal'], ['submitted'], texts['label'])
        self._set_state(self._approved_state, **self._transition_values('approve'))
        self._approval_close(texts['feedback'])
        return True

    @api.multi
    def action_reject(self, reason=None):
        texts = self._decision_texts('reject')
        self._guard(GROUP_CITY_ADMIN, texts['refusal'], ['submitted'], texts['label'])
        for rec in self:
            rec_reason = (reason or rec.reject_reason or '').strip()
            if not rec_reason:
                raise UserError(texts['reason'] % rec.display_name)
            rec._set_state(self._rejected_state, reject_reason=rec_reason,
                           **rec._transition_values('reject'))
            rec._approval_close(texts['feedback'] % rec_reason)
        return True

    @api.multi
    def action_draft(self):
        self._guard(GROUP_COUNTY_ADMIN,
                    _('Only a county administrator can reopen a rejected record.'),
                    ['rejected'], _('Back to Draft'))
        self._set_state('draft')
        return True

    # ------------------------------------------------------------------
    # activities and notifications
    # ------------------------------------------------------------------
    @api.model
    def _approval_activity_type(self):
        return self.env.ref(APPROVAL_ACTIVITY)

    @api.model
    def _city_admin_users(self):
        group = self.env.ref(GROUP_CITY_ADMIN)
        return group.sudo().users.filtered(lambda u: u.active and not u.share)

    @api.multi
    def _county_admin_partners(self):
        """Partners of the administrators of the records' counties."""
        counties = self.mapped('county_id')
        if not counties:
            return self.env['res.partner']
        group = self.env.ref(GROUP_COUNTY_ADMIN).sudo()
        city = self.env.ref(GROUP_CITY_ADMIN).sudo()
        users = self.env['res.users'].sudo().search([
            ('league_county_id', 'in', counties.ids),
            ('groups_id', 'in', group.ids), ('groups_id', 'not in', city.ids)])
        users |= counties.sudo().mapped('admin_user_id')
        return users.mapped('partner_id')

    @api.multi
    def _approval_request(self):
        """Schedule an approval activity for every city administrator."""
        users = self._city_admin_users()
        today = league_today(self)
        for rec in in_user_lang(self):
            summary = _('Approve or reject: %s') % rec.display_name
            for user in users:
                schedule_activity(rec, APPROVAL_ACTIVITY, user, summary, today)

    @api.multi
    def _approval_close(self, feedback):
        """Close the open approval activities and notify the county."""
        activity_type = self._approval_activity_type()
        activities = self.env['mail.activity'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('activity_type_id', '=', activity_type.id)])
        mine = activities.filtered(lambda a: a.user_id == self.env.user)
        if mine:
            mine.sudo(self.env.user).action_feedback(feedback=feedback)
        (activities - mine).unlink()
        for rec in in_user_lang(self):
            partners = rec._county_admin_partners()
            rec.message_post(
                body=_('%(record)s: %(feedback)s') % {
                    'record': rec.display_name, 'feedback': feedback},
                subtype='mail.mt_comment', message_type='comment',
                partner_ids=partners.ids)
