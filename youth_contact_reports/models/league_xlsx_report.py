# -*- coding: utf-8 -*-
from collections import Counter

from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.models.league_approval_mixin import (
    GROUP_COUNTY_ADMIN, check_group,
)

from .league_halfyear_report import FIGURE_FIELDS
from .league_indicators import INDICATOR_KEYS, SCOPE_FIELDS, mean_score
from .league_periods import to_date
from .xlsx_writer import XlsxBook

NOT_APPLICABLE = '—'


def _ratio(done, total):
    return float(done) / total if total else 0.0


class LeagueXlsxReport(models.AbstractModel):
    """The .xlsx exports.  Every export reads its records with the rights of
    the current user (record rules apply: a county exports only its rows).

    The rows are read with ``read()`` (one query per model and per 1,000
    records), never field by field through records re-sorted in Python: a
    recordset built by ``sorted()`` or ``filtered()`` does not prefetch the
    records it points to, so ``line.cadre_id.name`` would cost a query per
    row."""
    _name = 'league.xlsx.report'
    _description = 'Excel Exports'

    # export kind -> (model of the ids, builder method)
    _exports = {
        'ranking': ('league.evaluation', '_build_ranking'),
        'bulletin': ('league.bulletin', '_build_bulletin'),
        'compliance': ('league.cadre', '_build_compliance'),
        'problems': ('league.concern', '_build_problems'),
        'halfyear': ('league.halfyear.report', '_build_halfyear'),
        'admins': ('league.organization', '_build_admins'),
    }

    @api.model
    def download_action(self, kind, ids=None):
        """Client action downloading the export (served by the controller)
        and finishing at once (static/src/js/league_download.js)."""
        self._check_export(kind)
        url = '/youth_contact_reports/xlsx/%s' % kind
        if ids:
            url += '?ids=%s' % ','.join(str(i) for i in ids)
        return {'type': 'ir.actions.client', 'tag': 'league_xlsx_download',
                'params': {'url': url}}

    @api.model
    def render(self, kind, ids=None):
        """Return (file name, .xlsx bytes) of the export ``kind`` for the
        records ``ids`` (all the user can read when ``ids`` is empty)."""
        self._check_export(kind)
        model, method = self._exports[kind]
        domain = [('id', 'in', list(ids))] if ids else []
        records = self.env[model].search(domain)
        book = XlsxBook()
        filename = getattr(self, method)(book, records)
        return filename, book.content()

    @api.model
    def _check_export(self, kind):
        if kind not in self._exports:
            raise UserError(_('Unknown export "%s".') % kind)
        if kind == 'admins':
            check_group(self.env, GROUP_COUNTY_ADMIN,
                        _('Only administrators can export the administrator information '
                          'form.'))

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

    # ------------------------------------------------------------------
    # ranking bulletin (evaluation)
    # ------------------------------------------------------------------
    @api.model
    def _indicator_columns(self):
        fields_ = self.env['league.evaluation.line']._fields
        return [(fields_['%s_score' % key].get_description(self.env)['string'], 'score', 10)
                for key in INDICATOR_KEYS]

    @api.model
    def _scores(self, line):
        """The indicator scores of a result line, "—" where it does not apply."""
        return [line['%s_score' % key] if key not in SCOPE_FIELDS or line[SCOPE_FIELDS[key]]
                else NOT_APPLICABLE for key in INDICATOR_KEYS]

    @api.model
    def _build_ranking(self, book, evaluations):
        if len(evaluations) != 1:
            raise UserError(_('Export the ranking of one evaluation at a time.'))
        evaluation = evaluations
        if evaluation.state == 'draft':
            raise UserError(_('Compute the evaluation before exporting its ranking.'))
        title = _('Ranking of the direct contact of cadres with youth')
        info = self._info(evaluation.period_label)
        # the lines are those the user may read; their names are read as
        # superuser (the ranking of the counties is public, as in the bulletin)
        # two rankings: the counties, then the special units (ranked apart)
        county_lines = evaluation.county_line_ids.sudo()
        self._ranking_counties(book, title, info, county_lines.filtered(
            lambda line: not line.is_special))
        special = county_lines.filtered('is_special')
        if special:
            self._ranking_counties(book, title, info, special, special=True)
        self._ranking_cadres(book, title, info, evaluation.line_ids.sudo())
        return _('Ranking %s.xlsx') % evaluation.period_label

    @api.model
    def _build_bulletin(self, book, bulletins):
        if len(bulletins) != 1:
            raise UserError(_('Export one bulletin at a time.'))
        return self._build_ranking(book, bulletins.evaluation_id)

    @api.model
    def _ranking_rows(self, lines, field_names):
        """The rows of result ``lines`` by rank, with what ``_scores`` reads."""
        field_names = list(field_names) + ['rank', 'score'] + [
            '%s_score' % key for key in INDICATOR_KEYS] + list(SCOPE_FIELDS.values())
        rows = self._read_rows(lines, field_names)
        return rows, sorted(rows, key=lambda row: (row['rank'], row['id']))

    @api.model
    def _ranking_counties(self, book, title, info, lines, special=False):
        columns = [(_('Rank'), 'int', 6),
                   (_('Special Unit') if special else _('County'), 'text', 14),
                   (_('Cadres Evaluated'), 'int', 10), (_('Contacts of the Cadres'), 'int', 10)]
        columns += self._indicator_columns()
        columns += [(_('Total Score'), 'score', 10), (_('Leaders Lead by Example'), 'center', 10)]
        table = book.sheet(_('Special Units') if special else _('Counties'), title, info,
                           columns)
        yes, no = _('Yes'), _('No')
        rows, ranked = self._ranking_rows(
            lines, ['county_id', 'cadre_count', 'youth_count', 'leaders_lead'])
        counties = self._names(self.env['league.organization'].sudo().browse(
            {row['county_id'] for row in rows if row['county_id']}))
        for line in ranked:
            table.write_row(
                [line['rank'], counties[line['county_id']], line['cadre_count'],
                 line['youth_count']]
                + self._scores(line)
                + [line['score'], yes if line['leaders_lead'] else no])
        if rows:
            table.write_row(
                [_('Total'), '', sum(row['cadre_count'] for row in rows),
                 sum(row['youth_count'] for row in rows)] + [None] * len(INDICATOR_KEYS)
                + [mean_score(row['score'] for row in rows), None], style='total')
        table.finish()

    @api.model
    def _ranking_cadres(self, book, title, info, lines):
        categories = self._labels('league.evaluation.line', 'category')
        columns = [(_('Rank'), 'int', 6), (_('Rank in County'), 'int', 8),
                   (_('Cadre'), 'text', 10), (_('County'), 'text', 12),
                   (_('Organization'), 'text', 20), (_('Category'), 'text', 14),
                   (_('Leadership Member'), 'center', 8), (_('Youth Quota'), 'int', 8),
                   (_('Youth Contacted'), 'int', 8)]
        columns += self._indicator_columns() + [(_('Total Score'), 'score', 10)]
        table = book.sheet(_('Cadres'), title, info, columns)
        rows, ranked = self._ranking_rows(lines, [
            'county_rank', 'cadre_id', 'county_id', 'organization_id', 'category', 'is_leader',
            'quota', 'youth_count'])
        cadres = self._names(self.env['league.cadre'].sudo().browse(
            {row['cadre_id'] for row in rows}))
        organizations = self._names(self.env['league.organization'].sudo().browse(
            {row[name] for row in rows for name in ('county_id', 'organization_id')
             if row[name]}))
        yes = _('Yes')
        for line in ranked:
            table.write_row(
                [line['rank'], line['county_rank'] or None, cadres[line['cadre_id']],
                 organizations[line['county_id']], organizations[line['organization_id']],
                 categories.get(line['category'], ''), yes if line['is_leader'] else '',
                 line['quota'], line['youth_count']]
                + self._scores(line) + [line['score']])
        if rows:
            table.write_row(
                [_('Total'), None, _('%d cadres') % len(rows), '', '', '', '',
                 sum(row['quota'] for row in rows), sum(row['youth_count'] for row in rows)]
                + [None] * len(INDICATOR_KEYS)
                + [mean_score(row['score'] for row in rows)], style='total')
        table.finish()

    # ------------------------------------------------------------------
    # cadre compliance list
    # ------------------------------------------------------------------
    @api.model
    def _build_compliance(self, book, cadres):
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
            (_('No.'), 'int', 5), (_('Cadre'), 'text', 10), (_('County'), 'text', 12),
            (_('Organization'), 'text', 20), (_('Category'), 'text', 14),
            (_('Leadership Member'), 'center', 8), (_('Youth Quota'), 'int', 8),
            (_('Youth Contacted'), 'int', 8), (_('Quota Completion'), 'percent', 10),
            (_('Sectors Covered'), 'int', 8), (_('Daily Online Contact'), 'center', 10),
            (_('Days Since Last Log'), 'int', 10),
            (_('Quarterly Offline Activity'), 'center', 10),
            (_('Offline Activities This Quarter'), 'int', 10),
            (_('Yearly Face-to-face Exchange'), 'center', 10),
            (_('Youth Without Face-to-face'), 'int', 10),
            (_('"4+1" Weeks Met'), 'int', 10), (_('"4+1" Weeks Elapsed'), 'int', 10),
            (_('"4+1" Compliance'), 'percent', 10), (_('"8+4" This Year'), 'text', 16),
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
                _ratio(cadre['contact_count'], cadre['quota']),
                cadre['sector_count'], cadences.get(cadre['online_state'], ''),
                cadre['online_days'] if cadre['last_log_date'] else None,
                cadences.get(cadre['offline_state'], ''), cadre['offline_count'],
                cadences.get(cadre['face_state'], ''), cadre['face_behind_count'],
                weekly['weeks_met'] if weekly else NOT_APPLICABLE,
                weekly['weeks_elapsed'] if weekly else NOT_APPLICABLE,
                _ratio(weekly['weeks_met'], weekly['weeks_elapsed']) if weekly
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
                _ratio(contacted, quota), None, count_met('online_state'), None,
                count_met('offline_state'), sum(row['offline_count'] for row in rows),
                count_met('face_state'), sum(row['face_behind_count'] for row in rows),
                None, None, None, None,
            ], style='total')
        table.finish()
        return _('Cadre compliance list %s.xlsx') % today

    # ------------------------------------------------------------------
    # problem list
    # ------------------------------------------------------------------
    @api.model
    def _build_problems(self, book, concerns):
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
        columns = [(_('No.'), 'int', 5), (_('County'), 'text', 12), (_('Youth'), 'text', 10),
                   (_('Responsible Cadre'), 'text', 10), (_('Raised On'), 'date', 12),
                   (_('Status'), 'text', 8), (_('Escalation Route'), 'text', 16),
                   (_('Subject'), 'text', 24), (_('Description'), 'wrap', 50),
                   (_('Subtotal'), 'int', 8)]
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
        return _('Problem list %s.xlsx') % league_today(self)

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

    # ------------------------------------------------------------------
    # half-year report
    # ------------------------------------------------------------------
    @api.model
    def _build_halfyear(self, book, reports):
        if len(reports) != 1:
            raise UserError(_('Export one half-year report at a time.'))
        report = reports
        states = self._labels('league.halfyear.report', 'state')
        info = self._info('%s - %s' % (report.date_from, report.date_to))
        info.append(_('Status: %s') % states.get(report.state, ''))
        table = book.sheet(_('Half-year Report'), report.name, info,
                           [(_('Item'), 'text', 30), (_('Figure'), 'score', 14)])
        for name in FIGURE_FIELDS:
            value = report[name]
            table.write_row([report._fields[name].get_description(self.env)['string'],
                             value if name == 'rating_avg' else int(value)])
        table.finish(autofilter=False)
        sheet = table.sheet
        row = table.row + 1
        for name in ('work_summary', 'highlights', 'problems', 'next_steps', 'city_feedback'):
            label = report._fields[name].get_description(self.env)['string']
            book.write_text(sheet, row, 0, label, book.formats['header'])
            sheet.set_row(row + 1, 90)
            book.merge_text(sheet, row + 1, 0, row + 1, 1, report[name] or '',
                            book.formats['wrap'])
            row += 3
        sheet.set_column(1, 1, 60)
        return '%s.xlsx' % report.name

    # ------------------------------------------------------------------
    # administrator information form (管理员信息表)
    # ------------------------------------------------------------------
    @api.model
    def _build_admins(self, book, organizations):
        user = self.env.user
        cadre = user.sudo().league_cadre_id
        phone = cadre.mobile or user.partner_id.mobile or user.partner_id.phone or ''
        info = [(_('Filled in by: %s') % user.name, _('Phone: %s') % phone)]
        info += self._info(self._today_period())
        columns = [(_('League Organization'), 'text', 30), (_('Administrator Name'), 'text', 16),
                   (_('Mobile Number'), 'text', 16)]
        table = book.sheet(_('Administrators'),
                           _('Administrator information form of the cadre-youth contact '
                             'management system'), info, columns)
        counties = [row for row in self._read_rows(organizations, [
            'level', 'parent_left', 'name', 'admin_mobile', 'admin_user_id'])
            if row['level'] == 'county']
        admins = self._names(self.env['res.users'].sudo().browse(
            {row['admin_user_id'] for row in counties if row['admin_user_id']}))
        for county in sorted(counties, key=lambda row: (row['parent_left'], row['id'])):
            table.write_row([county['name'], admins[county['admin_user_id']] or '',
                             county['admin_mobile'] or ''])
        table.finish(autofilter=False)
        return _('Administrator information form.xlsx')
