# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .league_common import LOG_MODES, LOG_TOPICS, in_user_lang, league_today


class LeagueContactLog(models.Model):
    """A contact with one or several youth of the cadre's list (联系日志)."""
    _name = 'league.contact.log'
    _inherit = ['league.county.mixin']
    _description = 'Contact Log'
    _league_readable_fields = ('cadre_id', 'youth_ids')
    _order = 'date desc, id desc'

    name = fields.Char('Contact Log', compute='_compute_name', store=True, compute_sudo=True)
    cadre_id = fields.Many2one('league.cadre', 'Cadre', required=True, index=True,
                               ondelete='cascade',
                               default=lambda self: self.env['league.contact']._default_cadre())
    youth_ids = fields.Many2many('league.youth', 'league_contact_log_youth_rel',
                                 'log_id', 'youth_id', 'Youth', required=True)
    youth_count = fields.Integer('Number of Youth', compute='_compute_youth_count', store=True, compute_sudo=True)
    date = fields.Date(required=True, index=True, default=league_today)
    mode = fields.Selection(LOG_MODES, required=True, default='wechat')
    topic = fields.Selection(LOG_TOPICS, required=True, default='guidance')
    content = fields.Text(required=True)
    county_id = fields.Many2one('league.organization', 'County', related='cadre_id.county_id',
                                store=True, compute_sudo=True, index=True, readonly=True)

    @api.depends('date', 'mode', 'topic')
    def _compute_name(self):
        env = in_user_lang(self).env  # stored: in the user's language, not English
        modes = dict(self._fields['mode']._description_selection(env))
        topics = dict(self._fields['topic']._description_selection(env))
        for log in self:
            log.name = '%s %s %s' % (log.date or '', modes.get(log.mode, ''),
                                     topics.get(log.topic, ''))

    @api.depends('youth_ids')
    def _compute_youth_count(self):
        for log in self:
            log.youth_count = len(log.youth_ids)

    @api.constrains('date')
    def _check_date(self):
        today = league_today(self)
        for log in self.sudo():
            if log.date > today:
                raise ValidationError(_('A contact log cannot be dated in the future (%s).')
                                      % log.date)

    @api.constrains('content')
    def _check_content(self):
        if any(not (log.content or '').strip() for log in self.sudo()):
            raise ValidationError(_('Describe the content of the contact.'))

    @api.constrains('cadre_id', 'youth_ids')
    def _check_youth_in_contacts(self):
        logs = self.sudo()
        listed = self.env['league.contact']._listed_pairs(logs.mapped('cadre_id').ids,
                                                          logs.mapped('youth_ids').ids)
        for log in logs:
            if not log.youth_ids:
                raise ValidationError(_('A contact log needs at least one youth.'))
            missing = log.youth_ids.filtered(lambda y: (log.cadre_id.id, y.id) not in listed)
            if missing:
                raise ValidationError(_('These youth are not in the contact list of %s: %s. '
                                        'Add them to the list first.') % (
                                            log.cadre_id.name,
                                            ', '.join(missing.mapped('name'))))
