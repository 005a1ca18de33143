# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import LOG_MODES, LOG_TOPICS, SECTORS

from odoo.addons.youth_contact.models.league_report_view import m2m_table

# One row per youth of each contact log, with the two measures that depend on
# other rows computed once (kept exact by the hooks of league.contact.log and
# league.youth) instead of by window functions over every row at each read:
# log_count (1 on the log's first youth) and youth_reached_count (1 on the first
# log of the cadre with the youth in a month, by date then log id).
LINE_TABLE = 'league_report_contact_line'

# The group value "County" of a cadre ``c`` in the analyses: the county, or for
# the city committee's own cadres (no county) the city committee itself, so
# that no pivot shows an "undefined" row for them.
CADRE_COUNTY_SQL = 'COALESCE(c.county_id, c.organization_id)'


class LeagueReportContact(models.Model):
    """Contact activity: one row per youth of each contact log."""
    _name = 'league.report.contact'
    _inherit = ['league.report.view']
    _description = 'Contact Activity Analysis'
    _auto = False
    _order = 'date desc'
    _rec_name = 'cadre_id'
    _source_indexes = [('league_contact_log', ['cadre_id', 'date'])]

    log_id = fields.Many2one('league.contact.log', 'Contact Log', readonly=True)
    cadre_id = fields.Many2one('league.cadre', 'Cadre', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    organization_id = fields.Many2one('league.organization', 'Organization', readonly=True)
    youth_id = fields.Many2one('league.youth', 'Youth', readonly=True)
    sector = fields.Selection(SECTORS, 'Sector of the Youth', readonly=True)
    date = fields.Date(readonly=True)
    mode = fields.Selection(LOG_MODES, readonly=True)
    topic = fields.Selection(LOG_TOPICS, readonly=True)
    log_count = fields.Integer('Contact Logs', readonly=True,
                               help='Each log counts once (on its first youth).')
    interaction_count = fields.Integer('Youth Contacts', readonly=True,
                                       help='One per youth of each log.')
    youth_reached_count = fields.Integer(
        'Youth Reached', readonly=True,
        help='Distinct youth reached: each youth counts once per cadre and month.')
    face_to_face_count = fields.Integer('Face-to-face Exchanges', readonly=True)
    online_count = fields.Integer('Online Contacts', readonly=True)

    @api.model
    def _query(self):
        # LEFT JOINs on primary keys: PostgreSQL leaves out the joins whose
        # columns a query does not use (the cadre and youth always exist: the
        # lines are deleted with them).
        return """
            SELECT f.id, f.log_id, f.cadre_id, {county} AS county_id, c.organization_id,
                   f.youth_id, y.sector, f.date, f.mode, f.topic,
                   f.log_count, 1 AS interaction_count, f.youth_reached_count,
                   CASE WHEN f.mode = 'face_to_face' THEN 1 ELSE 0 END AS face_to_face_count,
                   CASE WHEN f.mode IN ('wechat', 'qq', 'weibo', 'phone')
                        THEN 1 ELSE 0 END AS online_count
              FROM {lines} f
              LEFT JOIN league_cadre c ON c.id = f.cadre_id
              LEFT JOIN league_youth y ON y.id = f.youth_id
        """.format(lines=LINE_TABLE, county=CADRE_COUNTY_SQL)

    @api.model
    def _lines_query(self, where=''):
        """SELECT of the lines from the logs (``where``: a condition on the
        log ``l``), with the log's first youth marked; youth_reached_count is
        computed over the selected lines only."""
        table, log_col, youth_col = m2m_table(self.env, 'league.contact.log', 'youth_ids')
        return """
            SELECT l.id AS log_id, r.{youth} AS youth_id, l.cadre_id, l.date,
                   date_trunc('month', l.date)::date AS month, l.mode, l.topic,
                   CASE WHEN row_number() OVER (PARTITION BY l.id ORDER BY r.{youth}) = 1
                        THEN 1 ELSE 0 END AS log_count,
                   CASE WHEN row_number() OVER (
                            PARTITION BY l.cadre_id, r.{youth}, date_trunc('month', l.date)
                            ORDER BY l.date, l.id) = 1
                        THEN 1 ELSE 0 END AS youth_reached_count
              FROM league_contact_log l
              JOIN {table} r ON r.{log} = l.id
              {where}
        """.format(table=table, log=log_col, youth=youth_col,
                   where=where and 'WHERE ' + where or '')

    @api.model_cr
    def init(self):
        cr = self.env.cr
        cr.execute("SELECT to_regclass(%s)", (LINE_TABLE,))
        if not cr.fetchone()[0]:
            cr.execute("""
                CREATE TABLE {lines} (
                    id serial PRIMARY KEY,
                    log_id integer NOT NULL
                        REFERENCES league_contact_log(id) ON DELETE CASCADE,
                    youth_id integer NOT NULL REFERENCES league_youth(id) ON DELETE CASCADE,
                    cadre_id integer NOT NULL REFERENCES league_cadre(id) ON DELETE CASCADE,
                    date date NOT NULL,
                    month date NOT NULL,
                    mode varchar NOT NULL,
                    topic varchar NOT NULL,
                    log_count smallint NOT NULL,
                    youth_reached_count smallint NOT NULL)""".format(lines=LINE_TABLE))
            for name, columns in (('log', 'log_id'), ('key', 'cadre_id, youth_id, month'),
                                  ('youth', 'youth_id'), ('date', 'date')):
                cr.execute('CREATE INDEX {lines}_{name}_index ON {lines} ({columns})'.format(
                    lines=LINE_TABLE, name=name, columns=columns))
        # rebuilt on install and update: exact whatever wrote the logs before
        self._rebuild_lines()
        super(LeagueReportContact, self).init()

    @api.model
    def _rebuild_lines(self):
        cr = self.env.cr
        cr.execute('TRUNCATE {lines} RESTART IDENTITY'.format(lines=LINE_TABLE))
        cr.execute("""
            INSERT INTO {lines} (log_id, youth_id, cadre_id, date, month, mode, topic,
                                 log_count, youth_reached_count)
            SELECT * FROM ({query}) q ORDER BY log_id, youth_id
        """.format(lines=LINE_TABLE, query=self._lines_query()))
        cr.execute('ANALYZE {lines}'.format(lines=LINE_TABLE))
        self.invalidate_cache()

    @api.model
    def _remove_lines(self, log_ids):
        """Delete the lines of ``log_ids``; return the (cadre, youth, month)
        keys they were counted in."""
        if not log_ids:
            return set()
        self.env.cr.execute("""
            DELETE FROM {lines} WHERE log_id IN %s RETURNING cadre_id, youth_id, month
        """.format(lines=LINE_TABLE), (tuple(log_ids),))
        return set(self.env.cr.fetchall())

    @api.model
    def _refresh_lines(self, log_ids, keys=()):
        """Make the lines of ``log_ids`` those of the logs as they are now
        (none for deleted logs), then recompute youth_reached_count for the
        (cadre, youth, month) keys they were and are counted in and ``keys``.
        A fixed number of queries whatever the number of logs."""
        cr = self.env.cr
        keys = set(keys)
        if log_ids:
            keys |= self._remove_lines(log_ids)
            cr.execute("""
                INSERT INTO {lines} (log_id, youth_id, cadre_id, date, month, mode, topic,
                                     log_count, youth_reached_count)
                SELECT log_id, youth_id, cadre_id, date, month, mode, topic, log_count, 0
                  FROM ({query}) q ORDER BY log_id, youth_id
             RETURNING cadre_id, youth_id, month
            """.format(lines=LINE_TABLE, query=self._lines_query('l.id IN %s')),
                       (tuple(log_ids),))
            keys |= set(cr.fetchall())
        if keys:
            cadres, youth, months = zip(*keys)
            cr.execute("""
                UPDATE {lines} f SET youth_reached_count = s.first
                  FROM (SELECT f.id,
                               CASE WHEN row_number() OVER (
                                        PARTITION BY f.cadre_id, f.youth_id, f.month
                                        ORDER BY f.date, f.log_id) = 1
                                    THEN 1 ELSE 0 END AS first
                          FROM {lines} f
                          JOIN unnest(%s::int[], %s::int[], %s::date[]) k(cadre_id, youth_id, month)
                            ON k.cadre_id = f.cadre_id AND k.youth_id = f.youth_id
                           AND k.month = f.month) s
                 WHERE f.id = s.id AND f.youth_reached_count != s.first
            """.format(lines=LINE_TABLE), (list(cadres), list(youth), list(months)))
        self.invalidate_cache()
