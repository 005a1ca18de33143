# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import UserError

from .league_indicators import INDICATOR_KEYS, SCOPE_FIELDS, mean_score
from .league_xlsx_report import NOT_APPLICABLE


class ReportRankingXlsx(models.AbstractModel):
    """Ranking bulletin of an evaluation (排名通报): the counties and the
    cadres by rank; a county reads the lines of its own cadres."""
    _name = 'report.youth_contact_reports.ranking_xlsx'
    _inherit = 'league.xlsx.report'
    _description = 'Ranking Bulletin (Excel)'

    @api.model
    def _indicator_columns(self):
        fields_ = self.env['league.evaluation.line']._fields
        return [(fields_['%s_score' % key].get_description(self.env)['string'], 'score', 7)
                for key in INDICATOR_KEYS]

    @api.model
    def _scores(self, line):
        """The indicator scores of a result line, "—" where it does not apply."""
        return [line['%s_score' % key] if key not in SCOPE_FIELDS or line[SCOPE_FIELDS[key]]
                else NOT_APPLICABLE for key in INDICATOR_KEYS]

    def _file_name(self, evaluations):
        return _('Ranking %s.xlsx') % evaluations[:1].period_label

    def _build(self, book, evaluations):
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

    @api.model
    def _ranking_rows(self, lines, field_names):
        """The rows of result ``lines`` by rank, with what ``_scores`` reads."""
        field_names = list(field_names) + ['rank', 'score'] + [
            '%s_score' % key for key in INDICATOR_KEYS] + list(SCOPE_FIELDS.values())
        rows = self._read_rows(lines, field_names)
        return rows, sorted(rows, key=lambda row: (row['rank'], row['id']))

    @api.model
    def _ranking_counties(self, book, title, info, lines, special=False):
        columns = [(_('Rank'), 'int', 5),
                   (_('Special Unit') if special else _('County'), 'text', 12),
                   (_('Cadres Evaluated'), 'int', 8), (_('Contacts of the Cadres'), 'int', 8)]
        columns += self._indicator_columns()
        columns += [(_('Total Score'), 'score', 8), (_('Leaders Lead by Example'), 'center', 8)]
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
        columns = [(_('Rank'), 'int', 5), (_('Rank in County'), 'int', 6),
                   (_('Cadre'), 'text', 8), (_('County'), 'text', 10),
                   (_('Organization'), 'text', 16), (_('Category'), 'text', 12),
                   (_('Leadership Member'), 'center', 6), (_('Youth Quota'), 'int', 6),
                   (_('Youth Contacted'), 'int', 6)]
        columns += self._indicator_columns() + [(_('Total Score'), 'score', 8)]
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
