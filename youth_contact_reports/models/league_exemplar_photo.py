# -*- coding: utf-8 -*-
from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from odoo.addons.youth_contact.models.league_guard import is_server_side


class LeagueExemplarPhoto(models.Model):
    """A photo of an exemplar, changed with its exemplar only while it is a
    draft (record rules through the exemplar)."""
    _name = 'league.exemplar.photo'
    _description = 'Photo of an Exemplar'
    _order = 'exemplar_id, sequence, id'

    exemplar_id = fields.Many2one('league.exemplar', 'Exemplar', required=True,
                                  ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char('Caption')
    image = fields.Binary('Photo', attachment=True, required=True,
                          help='Resized to at most 1024 pixels.')

    @api.multi
    def _check_exemplar_draft(self):
        if is_server_side(self):
            return
        for photo in self:
            if photo.exemplar_id.state != 'draft':
                raise UserError(_('The photos of "%s" can only be changed while it is a '
                                  'draft.') % photo.exemplar_id.name)

    @api.model
    def _resized(self, vals):
        if vals.get('image'):
            vals = dict(vals, image=tools.image_resize_image(vals['image'], (1024, 1024),
                                                             avoid_if_small=True))
        return vals

    @api.model
    def create(self, vals):
        photo = super(LeagueExemplarPhoto, self).create(self._resized(vals))
        photo._check_exemplar_draft()
        return photo

    @api.multi
    def write(self, vals):
        self._check_exemplar_draft()
        res = super(LeagueExemplarPhoto, self).write(self._resized(vals))
        self._check_exemplar_draft()
        return res

    @api.multi
    def unlink(self):
        self._check_exemplar_draft()
        return super(LeagueExemplarPhoto, self).unlink()
