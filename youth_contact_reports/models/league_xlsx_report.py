# -*- coding: utf-8 -*-
from odoo import _, api, models

from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.wizard.league_import_format import WORKBOOK_OPTIONS

from .xlsx_writer import XlsxBook

NOT_APPLICABLE = '—'


def ratio(done, total):
    return float(done) / total if total else 0.0


class LeagueXlsxReport(models.AbstractModel):
    """Base of the Excel reports (ir.actions.report of type 'xlsx', OCA
    report_xlsx), printed from the Print menu of their records or lists and
    downloaded at /report/xlsx/<report name>/<ids>.

    A report reads its records with the rights of the user who prints it
    (report_xlsx renders in the request's environment): ids that the user may
    not read are refused (AccessError), no ids means every record the user
    may read (record rules apply: a county prints only its rows).

    The rows are read with ``read()`` (one query per model and per 1,000
    records), never field by field through records re-sorted in Python: a
    recordset built by ``sorted()`` or ``filtered()`` does not prefetch the
    records it points to, so ``line.cadre_id.name`` would cost a query per
    row."""
    _name = 'league.xlsx.report'
    _inherit = 'report.report_xlsx.abstract'
    _description = 'Excel Report'

    # ------------------------------------------------------------------
    # report_xlsx's hooks
    # ------------------------------------------------------------------
    def get_workbook_options(self):
        # texts stay texts: never formulas, numbers or links
        return dict(WORKBOOK_OPTIONS)

    def _get_objs_for_report(self, docids, data):
        records = super(LeagueXlsxReport, self)._get_objs_for_report(docids, data)
        if not records:
            return records.search([])
        records.check_access_rights('read')
        records.check_access_rule('read')
        return records

    def generate_xlsx_report(self, workbook, data, records):
        # the page numbers of the printed sheets, in the user's language
        self._build(XlsxBook(workbook, _('Page &P of &N')), records)

    # ------------------------------------------------------------------
    # to define in the reports
    # ------------------------------------------------------------------
    def _build(self, book, records):
        """Write the sheets of the report of ``records`` into ``book``
        (:class:`XlsxBook`)."""
        raise NotImplementedError()

    def _file_name(self, records):
        """Name of the downloaded file, in the user's language."""
        raise NotImplementedError()

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    @api.model
    def _exporting_organization(self):
        """Name of the organization of the current user."""
        user = self.env.user
        cadre = user.sudo().league_cadre_id
        if user.league_county_id and not user.has_group('youth_contact.group_city_admin'):
            return (cadre.organization_id or user.league_county_id).sudo().name
        if cadre:
            return cadre.organization_id.sudo().name
        city = self.env['league.organization'].sudo().search([('level', '=', 'city')], limit=1)
        return city.name or user.company_id.name

    @api.model
    def _info(self, period):
        return [(_('Period: %s') % period,
                 _('Exported by: %s') % self._exporting_organization(),
                 _('Exported on: %s') % league_today(self))]

    @api.model
    def _read_rows(self, records, field_names):
        """The values of ``field_names`` of ``records`` as dicts (many2one
        values as ids), in the order of ``records``, with the rights of
        ``records``' environment."""
        by_id = {row['id']: row for row in records.read(list(field_names), load=None)}
        return [by_id[record_id] for record_id in records.ids if record_id in by_id]

    @api.model
    def _names(self, records, field_name='name'):
        """{id: value of ``field_name``} of ``records`` (False for no record),
        read in one call with the rights of ``records``' environment."""
        names = {False: False}
        names.update((row['id'], row[field_name])
                     for row in records.read([field_name], load=None))
        return names

    @api.model
    def _labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    @api.model
    def _today_period(self):
        return _('as of %s') % league_today(self)
