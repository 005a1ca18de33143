# -*- coding: utf-8 -*-
"""What the printed League documents (通报, 半年报告) share: the date in
the document's form, the issuing committee, the photos, the reader's rights."""
import base64

from odoo import _, api, fields, models


class LeagueReportDocument(models.AbstractModel):
    _name = 'league.report.document'
    _description = 'Printed League Document'

    @api.model
    def _document_values(self, model, docids):
        """The values every document template receives; ``docs`` are read with
        the rights of the user printing (record rules: a county administrator
        prints only what he can read)."""
        docs = self.env[model].browse(docids)
        docs.check_access_rights('read')
        docs.check_access_rule('read')
        return {
            'doc_ids': docids,
            'doc_model': model,
            'docs': docs,
            'document_date': self._document_date,
            'issuer_of': self._issuer_of,
            'photo_src': self._photo_src,
            'city_issuer': self._city_issuer(),
        }

    @api.model
    def _document_date(self, value):
        """A date as official documents write it: 2026年12月1日 in Chinese."""
        if not value:
            return ''
        day = fields.Date.from_string(value)
        return _('%(month)s/%(day)s/%(year)s') % {
            'year': day.year, 'month': day.month, 'day': day.day}

    @api.model
    def _issuer_of(self, organization):
        """The name of a committee heading its documents."""
        organization = organization.sudo()
        return organization.official_name or organization.name or ''

    @api.model
    def _city_issuer(self):
        """The city committee, issuer of the bulletins and addressee of the reports."""
        city = self.env['league.organization'].sudo().search([('level', '=', 'city')],
                                                             order='id', limit=1)
        return self._issuer_of(city) or self.env.user.company_id.name

    @api.model
    def _photo_src(self, photo):
        data = photo.image
        if not data:
            return ''
        if isinstance(data, bytes):
            data = data.decode('ascii')
        # WebKit reads the image's own format whatever the declared type
        kind = 'jpeg' if base64.b64decode(data[:16])[:2] == b'\xff\xd8' else 'png'
        return 'data:image/%s;base64,%s' % (kind, data)
