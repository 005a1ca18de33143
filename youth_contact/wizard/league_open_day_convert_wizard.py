# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.league_approval_mixin import GROUP_COUNTY_ADMIN, check_group
from ..models.league_common import CONTACT_CHANNELS

CONVERT_MODES = [
    ('distribute', 'Share the attendees among the cadres'),
    ('all', 'Every cadre contacts every attendee'),
]


class LeagueOpenDayConvertWizard(models.TransientModel):
    """Turn the attendees of an open day into contact relations of cadres
    (建立和保持日常联系).  Pairs that already exist are skipped, so running it
    again creates nothing new."""
    _name = 'league.open.day.convert.wizard'
    _description = 'Open Day Attendees to Contacts'

    open_day_id = fields.Many2one('league.open.day', 'Open Day', required=True,
                                  ondelete='cascade')
    county_id = fields.Many2one(related='open_day_id.county_id', readonly=True)
    cadre_ids = fields.Many2many('league.cadre', string='Cadres', required=True)
    mode = fields.Selection(CONVERT_MODES, 'Distribution', required=True, default='distribute',
                            help='Share: each attendee becomes the contact of one cadre '
                                 '(attendees already in contact with one of the cadres are '
                                 'skipped). Every: each cadre gets every attendee.')
    channel = fields.Selection(CONTACT_CHANNELS, required=True, default='offline')
    result = fields.Text(readonly=True)

    @api.onchange('open_day_id')
    def _onchange_open_day_id(self):
        if self.open_day_id and not self.cadre_ids:
            self.cadre_ids = self.open_day_id.cadre_ids

    @api.model
    def default_get(self, fields_list):
        res = super(LeagueOpenDayConvertWizard, self).default_get(fields_list)
        if res.get('open_day_id') and 'cadre_ids' in fields_list and not res.get('cadre_ids'):
            day = self.env['league.open.day'].browse(res['open_day_id'])
            res['cadre_ids'] = [(6, 0, day.cadre_ids.ids)]
        return res

    @api.multi
    def _pairs_to_create(self):
        """(cadre, youth) pairs to create, and the number of attendees skipped."""
        self.ensure_one()
        attendees = self.open_day_id.attendee_ids
        cadres = self.cadre_ids.sorted('id')
        existing = self.env['league.contact'].sudo().search(
            [('cadre_id', 'in', cadres.ids), ('youth_id', 'in', attendees.ids)])
        pairs_existing = {(c.cadre_id.id, c.youth_id.id) for c in existing}
        if self.mode == 'all':
            pairs = [(cadre.id, youth.id) for youth in attendees for cadre in cadres
                     if (cadre.id, youth.id) not in pairs_existing]
            return pairs, len(attendees) * len(cadres) - len(pairs)
        contacted = {youth_id for _cadre_id, youth_id in pairs_existing}
        todo = attendees.filtered(lambda y: y.id not in contacted).sorted('id')
        pairs = [(cadres[i % len(cadres)].id, youth.id) for i, youth in enumerate(todo)]
        return pairs, len(attendees) - len(todo)

    @api.multi
    def action_convert(self):
        self.ensure_one()
        day = self.open_day_id
        if day.state not in ('held', 'closed'):
            raise UserError(_('Attendees become contacts once the open day has been held.'))
        if not self.cadre_ids:
            raise UserError(_('Choose the cadres who will keep in contact with the '
                              'attendees.'))
        if not day.attendee_ids:
            raise UserError(_('%s has no attendee.') % day.display_name)
        foreign = self.cadre_ids.filtered(lambda c: c.county_id != day.county_id)
        if foreign:
            raise UserError(_('The cadres must belong to %(county)s: %(names)s.') % {
                'county': day.county_id.name, 'names': ', '.join(foreign.mapped('name'))})
        check_group(self.env, GROUP_COUNTY_ADMIN,
                    _('Only a county administrator can turn attendees into contacts.'))
        day.check_access_rule('write')
        pairs, skipped = self._pairs_to_create()
        Contact = self.env['league.contact']
        for cadre_id, youth_id in pairs:
            Contact.create({'cadre_id': cadre_id, 'youth_id': youth_id,
                            'date_start': day.date, 'channel': self.channel})
        self.result = _('%(created)s contact relation(s) created, %(skipped)s already '
                        'existing skipped.') % {'created': len(pairs), 'skipped': skipped}
        day.message_post(body=_('Attendees turned into contacts of %(cadres)s: %(result)s') % {
            'cadres': ', '.join(self.cadre_ids.mapped('name')), 'result': self.result})
        return {
            'type': 'ir.actions.act_window',
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
        }
