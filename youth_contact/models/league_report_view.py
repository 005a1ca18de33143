# -*- coding: utf-8 -*-
from odoo import api, models, tools

from .league_common import LEAGUE_TODAY_SQL


def m2m_table(env, model, field):
    """(table, column of ``model``, column of the comodel) of a many2many field."""
    f = env[model]._fields[field]
    return f.relation, f.column1, f.column2


class LeagueReportView(models.AbstractModel):
    """Base of the reporting models: a read-only PostgreSQL view made of one
    SELECT (``_query``), re-created on install and update.

    ``_source_indexes`` lists (table, columns) of the source tables the view
    groups, joins or filters on; an index is created on them when missing.
    With ``_with_today``, ``_query`` is a list of common table expressions
    following ``today`` (one row: ``day``, China's date as the rest of the
    application sees it, ``LEAGUE_TODAY_SQL``) and the final SELECT.
    """
    _name = 'league.report.view'
    _description = 'Reporting View'
    _auto = False
    _source_indexes = []
    _with_today = False

    @api.model
    def _query(self):
        raise NotImplementedError

    def _read_group_resolve_many2one_fields(self, data, fields):
        # The names of the groups (a thousand cadres when grouping by cadre)
        # are read without prefetching every other column of these records:
        # that prefetch took longer than the grouping itself.
        return super(LeagueReportView, self.with_context(prefetch_fields=False)) \
            ._read_group_resolve_many2one_fields(data, fields)

    @api.model_cr
    def init(self):
        if self._abstract:
            return
        cr = self.env.cr
        for table, columns in self._source_indexes:
            tools.create_index(cr, '%s_%s_report_index' % (table, '_'.join(columns)),
                               table, columns)
        tools.drop_view_if_exists(cr, self._table)
        cr.execute('CREATE VIEW %s AS (%s)' % (self._table, self._view_query()))

    @api.model
    def _view_query(self, today_sql=LEAGUE_TODAY_SQL):
        """The SELECT of the view; with ``_with_today``, ``today_sql`` gives its
        day (tests run the view's query on a fixed day with ``"DATE '...'"``)."""
        query = self._query()
        if self._with_today:
            query = 'WITH today AS (SELECT %s AS day), %s' % (today_sql, query)
        return query

