# -*- coding: utf-8 -*-
from odoo import _, models

from odoo.addons.youth_contact.models.league_common import league_today

from .league_periods import to_date
from .league_xlsx_report import NOT_APPLICABLE, ratio


class ReportComplianceXlsx(models.AbstractModel):
    """Cadre compliance list (团干部达标情况): quota, cadences, "4+1" and
    "8+4" of each cadre."""
    _name = 'report.youth_contact_reports.compliance_xlsx'
    _inherit = 'league.xlsx.report'
    _description = 'Cadre Compliance List (Excel)'

    def _file_name(self, cadres):
        return _('Cadre compliance list %s.xlsx') % league_today(self)

    def _build(self, book, cadres):
        today = to_date(league_today(self))
        categories = self._labels('league.cadre', 'category')
        cadences = self._labels('league.cadre', 'online_state')
        compliance = {row['cadre_id']: row for row in self._read_rows(
            self.env['league.grassroots.compliance'].search([('cadre_id', 'in', cadres.ids)]),
            ['cadre_id', 'weeks_met', 'weeks_elapsed'])}
        rotation = {}
        groups = self.env['league.rotation.group'].search([
            ('cadre_ids', 'in', cadres.ids), ('year', '=', today.year),
            ('state', 'in', ('approved', 'done'))])
        for group in self._read_rows(groups, ['cadre_ids', 'summary_filed', 'batch_sequence']):
            for cadre_id in group['cadre_ids']:
                rotation[cadre_id] = group
        columns = [
            (_('No.'), 'int', 5), (_('Cadre'), 'text', 8), (_('County'), 'text', 10),
            (_('Organization'), 'text', 16), (_('Category'), 'text', 12),
            (_('Leadership Member'), 'center', 6), (_('Youth Quota'), 'int', 6),
            (_('Youth Contacted'), 'int', 6), (_('Quota Completion'), 'percent', 8),
            (_('Sectors Covered'), 'int', 6), (_('Daily Online Contact'), 'center', 8),
            (_('Days Since Last Log'), 'int', 6),
            (_('Quarterly Offline Activity'), 'center', 8),
            (_('Offline Activities This Quarter'), 'int', 6),
            (_('Yearly Face-to-face Exchange'), 'center', 8),
            (_('Youth Without Face-to-face'), 'int', 6),
            (_('"4+1" Weeks Met'), 'int', 6), (_('"4+1" Weeks Elapsed'), 'int', 6),
            (_('"4+1" Compliance'), 'percent', 8), (_('"8+4" This Year'), 'text', 12),
        ]
        table = book.sheet(_('Compliance'), _('Cadre compliance list'),
                           self._info(self._today_period()), columns)
        rows = self._read_rows(cadres.sudo(), [
            'name', 'county_id', 'organization_id', 'category', 'is_leader', 'established',
            'quota', 'contact_count', 'sector_count', 'online_state', 'online_days',
            'last_log_date', 'offline_state', 'offline_count', 'face_state',
            'face_behind_count'])
        organizations = self._names(self.env['league.organization'].sudo().browse(
            {row[name] for row in rows for name in ('county_id', 'organization_id')
             if row[name]}))
        rows.sort(key=lambda row: (organizations[row['county_id']] or '',
                                   organizations[row['organization_id']] or '', row['name']))
        yes = _('Yes')
        for number, cadre in enumerate(rows, 1):
            weekly = compliance.get(cadre['id'])
            group = rotation.get(cadre['id'])
            if group:
                status = _('Batch %s, summary filed') if group['summary_filed'] else _('Batch %s')
                rotation_text = status % group['batch_sequence']
            elif cadre['established']:
                rotation_text = _('Not assigned')
            else:
                rotation_text = NOT_APPLICABLE
            table.write_row([
                number, cadre['name'], organizations[cadre['county_id']],
                organizations[cadre['organization_id']],
                categories.get(cadre['category'], ''), yes if cadre['is_leader'] else '',
                cadre['quota'], cadre['contact_count'],
                ratio(cadre['contact_count'], cadre['quota']),
                cadre['sector_count'], cadences.get(cadre['online_state'], ''),
                cadre['online_days'] if cadre['last_log_date'] else None,
                cadences.get(cadre['offline_state'], ''), cadre['offline_count'],
                cadences.get(cadre['face_state'], ''), cadre['face_behind_count'],
                weekly['weeks_met'] if weekly else NOT_APPLICABLE,
                weekly['weeks_elapsed'] if weekly else NOT_APPLICABLE,
                ratio(weekly['weeks_met'], weekly['weeks_elapsed']) if weekly
                else NOT_APPLICABLE,
                rotation_text,
            ])
        if rows:
            quota = sum(row['quota'] for row in rows)
            contacted = sum(row['contact_count'] for row in rows)
            met = cadences.get('met', '')

            def count_met(state):
                return '%s %d' % (met, len([row for row in rows if row[state] == 'met']))
            table.write_row([
                _('Total'), _('%d cadres') % len(rows), '', '', '', '', quota, contacted,
                ratio(contacted, quota), None, count_met('online_state'), None,
                count_met('offline_state'), sum(row['offline_count'] for row in rows),
                count_met('face_state'), sum(row['face_behind_count'] for row in rows),
                None, None, None, None,
            ], style='total')
        table.finish()
