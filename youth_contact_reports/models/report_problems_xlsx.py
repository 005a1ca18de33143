# -*- coding: utf-8 -*-
from collections import Counter

from odoo import _, api, models

from odoo.addons.youth_contact.models.league_common import league_today

from .league_periods import to_date


class ReportProblemsXlsx(models.AbstractModel):
    """Problem list (问题清单): the open concerns by kind and county, and a
    summary sheet."""
    _name = 'report.youth_contact_reports.problems_xlsx'
    _inherit = 'league.xlsx.report'
    _description = 'Problem List (Excel)'

    def _file_name(self, concerns):
        return _('Problem list %s.xlsx') % league_today(self)

    def _build(self, book, concerns):
        Sudo = self.env['league.concern'].sudo()
        # the open ones among the concerns the user may read (the order does not
        # matter: the rows are sorted below)
        concerns = self._read_rows(
            Sudo.search([('id', 'in', concerns.ids), ('state', '!=', 'closed')]),
            ['state', 'kind', 'county_id', 'youth_id', 'cadre_id', 'date', 'escalation',
             'name', 'description'])
        youth = self._names(Sudo.env['league.youth'].browse(
            {row['youth_id'] for row in concerns}))
        cadres = self._names(Sudo.env['league.cadre'].browse(
            {row['cadre_id'] for row in concerns}))
        counties = self._counties(Sudo.env['league.organization'].browse(
            {row['county_id'] for row in concerns if row['county_id']}))
        kinds = self._labels('league.concern', 'kind')
        states = self._labels('league.concern', 'state')
        escalations = self._labels('league.concern', 'escalation')
        title = _('Problem list of the youth in contact')
        info = self._info(self._today_period())
        columns = [(_('No.'), 'int', 5), (_('County'), 'text', 10), (_('Youth'), 'text', 8),
                   (_('Responsible Cadre'), 'text', 8), (_('Raised On'), 'date', 11),
                   (_('Status'), 'text', 8), (_('Escalation Route'), 'text', 12),
                   (_('Subject'), 'text', 18), (_('Description'), 'wrap', 40),
                   (_('Subtotal'), 'int', 6)]
        table = book.sheet(_('Problem List'), title, info, columns)
        number = 0
        for kind, kind_label in self.env['league.concern']._fields['kind'].selection:
            of_kind = [row for row in concerns if row['kind'] == kind]
            if not of_kind:
                continue
            table.write_row([_('%(kind)s (%(count)d)') % {'kind': kinds[kind], 'count': len(of_kind)}],
                            style='section')
            for county_id, county_name in self._counties_of(of_kind, counties):
                rows = sorted((row for row in of_kind if row['county_id'] == county_id),
                              key=lambda row: (row['date'], row['id']))
                for concern in rows:
                    number += 1
                    table.write_row([
                        number, county_name, youth[concern['youth_id']],
                        cadres[concern['cadre_id']], to_date(concern['date']),
                        states.get(concern['state'], ''),
                        escalations.get(concern['escalation'], ''), concern['name'],
                        concern['description'], None])
                # the count in its own column, not under the youth
                table.write_row([_('Subtotal'), county_name] + [None] * 7 + [len(rows)],
                                style='total')
        table.finish(autofilter=False)
        self._problem_summary(book, title, info, concerns, counties, kinds)

    @api.model
    def _counties(self, organizations):
        """[(id, name)] of the counties ``organizations`` in the order of the tree."""
        rows = self._read_rows(organizations, ['name', 'parent_left'])
        return [(row['id'], row['name'])
                for row in sorted(rows, key=lambda row: (row['parent_left'], row['id']))]

    @api.model
    def _counties_of(self, concerns, counties):
        """The (id, name) of ``counties`` that ``concerns`` (rows) are in."""
        present = {row['county_id'] for row in concerns}
        return [county for county in counties if county[0] in present]

    @api.model
    def _problem_summary(self, book, title, info, concerns, counties, kinds):
        kind_keys = [key for key, _label in self.env['league.concern']._fields['kind'].selection]
        columns = [(_('County'), 'text', 14)] + [(kinds[k], 'int', 10) for k in kind_keys]
        columns += [(_('Total'), 'int', 8)]
        table = book.sheet(_('Summary'), title, info, columns)
        by_county_kind = Counter((row['county_id'], row['kind']) for row in concerns)
        for county_id, county_name in self._counties_of(concerns, counties):
            counts = [by_county_kind[county_id, k] for k in kind_keys]
            table.write_row([county_name] + counts + [sum(counts)])
        by_kind = Counter(row['kind'] for row in concerns)
        counts = [by_kind[k] for k in kind_keys]
        table.write_row([_('Total')] + counts + [sum(counts)], style='total')
        table.finish(autofilter=False)
