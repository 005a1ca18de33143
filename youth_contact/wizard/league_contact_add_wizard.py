# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.league_common import CONTACT_CHANNELS, league_today


class LeagueContactAddWizard(models.TransientModel):
    """Add several youth to a cadre's contact list in one step.

    Opened from the cadre form (cadre preset, pick youth) and from the youth
    form or list (youth preset, the current user's cadre by default).
    """
    _name = 'league.contact.add.wizard'
    _description = 'Add Youth to Contacts'

    cadre_id = fields.Many2one('league.cadre', 'Cadre', required=True,
                               default=lambda self: self._default_cadre())
    youth_ids = fields.Many2many('league.youth', string='Youth',
                                 default=lambda self: self._default_youth())
    listed_youth_ids = fields.Many2many(
        'league.youth', string='Youth Already Listed', compute='_compute_listed_youth_ids',
        help='The youth already in the cadre\'s contact list: the picker leaves them out.')
    limit_warning = fields.Text('Repeated Contact', compute='_compute_limit_warning')
    channel = fields.Selection(CONTACT_CHANNELS, required=True, default='wechat')
    date_start = fields.Date('In Contact Since', required=True,
                             default=league_today)

    @api.model
    def _default_cadre(self):
        return self.env['league.contact']._default_cadre()

    @api.model
    def _default_youth(self):
        if self.env.context.get('active_model') == 'league.youth':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    @api.depends('cadre_id')
    def _compute_listed_youth_ids(self):
        for wizard in self:
            wizard.listed_youth_ids = wizard.cadre_id.sudo().contact_ids.mapped('youth_id')

    @api.depends('youth_ids', 'cadre_id')
    def _compute_limit_warning(self):
        """Warn before adding: the chosen youth (not yet listed) that are at or
        over the limit of cadres per youth."""
        limit = self.env['league.youth']._max_cadres()
        for wizard in self:
            crowded = (wizard.youth_ids - wizard.listed_youth_ids).sudo().filtered(
                'at_contact_limit')
            wizard.limit_warning = crowded and _(
                'Already in contact with %(limit)d cadres or more (the limit): %(names)s. '
                'Adding them makes the same youth contacted again and again: prefer other '
                'youth.') % {'limit': limit, 'names': ', '.join(
                    '%s (%d)' % (youth.name, youth.cadre_count) for youth in crowded)} or False

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if not self.youth_ids:
            raise UserError(_('Choose the youth to add to the contact list.'))
        contacts = self.cadre_id._add_youth(self.youth_ids, self.channel, self.date_start)
        skipped = len(self.youth_ids) - len(contacts)
        message = _('%d youth added to the contact list of %s.') % (len(contacts),
                                                                   self.cadre_id.name)
        if skipped:
            message += ' ' + _('%d were already in the list.') % skipped
        self.cadre_id.sudo().message_post(body=message)
        return {'type': 'ir.actions.act_window_close'}
