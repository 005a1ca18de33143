# -*- coding: utf-8 -*-
from odoo import api, models, tools


def m2m_table(env, model, field):
    """(table, column of ``model``, column of the comodel) of a many2many field."""
    f = env[model]._fields[field]
    return f.relation, f.column1, f.column2


class LeagueReportView(models.AbstractModel):
    """Base of the reporting models: a read-only PostgreSQL view made of one
    SELECT (``_query``), re-created on install and update.

    ``_source_indexes`` lists (table, columns) of the source tables the view
    groups, joins or filters on; an index is created on them when missing.
    """
    _name = 'league.report.view'
    _description = 'Reporting View'
    _auto = False
    _source_indexes = []

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
        cr.execute('CREATE VIEW %s AS (%s)' % (self._table, self._query()))

