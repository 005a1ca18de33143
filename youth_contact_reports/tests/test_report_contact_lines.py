# -*- coding: utf-8 -*-
"""The contact analysis reads lines stored per youth of each log (not a view
computing window functions over every log at each read): they must stay equal
to the lines computed from scratch whatever is done to the logs."""
from odoo.addons.youth_contact.tests.common import LeagueTestCase
from odoo.addons.youth_contact_reports.models.league_report_contact import LINE_TABLE

COLUMNS = 'log_id, youth_id, cadre_id, date, month, mode, topic, log_count, youth_reached_count'


class TestReportContactLines(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestReportContactLines, cls).setUpClass()
        cls.youth_a3 = cls.make_youth('黄磊', cls.unit_a)
        for youth in (cls.youth_a1, cls.youth_a2, cls.youth_a3):
            cls.make_contact(cls.cadre_a, youth)
        cls.make_contact(cls.cadre_a2, cls.youth_a1)
        cls.make_contact(cls.cadre_a2, cls.youth_a2)
        cls.Log = cls.env['league.contact.log'].sudo(cls.user_cadre_a)
        cls.Report = cls.env['league.report.contact']

    def assertLinesExact(self):
        """The stored lines equal the lines computed from the logs now."""
        cr = self.env.cr
        cr.execute('SELECT {cols} FROM {lines} ORDER BY log_id, youth_id'.format(
            cols=COLUMNS, lines=LINE_TABLE))
        stored = cr.fetchall()
        cr.execute('SELECT {cols} FROM ({query}) q ORDER BY log_id, youth_id'.format(
            cols=COLUMNS, query=self.Report._lines_query()))
        self.assertEqual(stored, cr.fetchall())
        return stored

    def log(self, youth, date, **vals):
        values = {'youth_ids': [(6, 0, youth.ids)], 'date': date, 'mode': 'wechat',
                  'topic': 'guidance', 'content': '交流'}
        values.update(vals)
        return self.Log.create(values)

    @staticmethod
    def month_domain(month):
        """Domain of the dates of ``month`` ('YYYY-MM')."""
        year, number = int(month[:4]), int(month[5:])
        following = '%04d-%02d-01' % (year + number // 12, number % 12 + 1)
        return [('date', '>=', month + '-01'), ('date', '<', following)]

    def reached(self, cadre, youth, month):
        """youth_reached_count of the analysis for a cadre, a youth and a month."""
        groups = self.Report.sudo(self.user_city).read_group(
            [('cadre_id', '=', cadre.id), ('youth_id', '=', youth.id)]
            + self.month_domain(month), ['youth_reached_count', 'log_count'], [])
        return groups[0]['youth_reached_count'] or 0

    def test_lines_follow_creates_writes_unlinks(self):
        self.assertLinesExact()
        both = self.youth_a1 | self.youth_a2
        first = self.log(both, '2026-03-10')
        second = self.log(self.youth_a1, '2026-03-05', mode='face_to_face')
        third = self.log(self.youth_a2 | self.youth_a3, '2026-03-20')
        self.log(self.youth_a3, '2026-04-02')
        self.assertLinesExact()
        # the first log of the month counts the youth reached, once
        self.assertEqual(self.reached(self.cadre_a, self.youth_a1, '2026-03'), 1)
        self.assertEqual(self.reached(self.cadre_a, self.youth_a2, '2026-03'), 1)

        second.write({'date': '2026-02-27'})          # another month: a1's March is first's
        self.assertLinesExact()
        self.assertEqual(self.reached(self.cadre_a, self.youth_a1, '2026-03'), 1)
        self.assertEqual(self.reached(self.cadre_a, self.youth_a1, '2026-02'), 1)
        first.write({'youth_ids': [(3, self.youth_a1.id)]})   # the log's first youth changes
        self.assertLinesExact()
        self.assertEqual(self.reached(self.cadre_a, self.youth_a1, '2026-03'), 0)
        first.write({'youth_ids': [(4, self.youth_a3.id)], 'mode': 'qq', 'topic': 'growth'})
        self.assertLinesExact()
        third.sudo().write({'cadre_id': self.cadre_a2.id,
                            'youth_ids': [(6, 0, self.youth_a2.ids)]})
        self.assertLinesExact()
        first.write({'content': '只改内容'})
        self.assertLinesExact()
        (first | second).unlink()
        self.assertLinesExact()
        self.assertEqual(self.reached(self.cadre_a, self.youth_a2, '2026-03'), 0)
        self.assertEqual(self.reached(self.cadre_a2, self.youth_a2, '2026-03'), 1)
        # a youth deleted with its links: the logs' first youth change
        last = self.log(self.youth_a2 | self.youth_a3, '2026-04-03')
        self.youth_a2.sudo().unlink()
        self.assertLinesExact()
        self.assertEqual(last.youth_ids, self.youth_a3)
        # a cadre deleted with its logs
        self.cadre_a2.sudo().unlink()
        self.assertLinesExact()

    def test_analysis_equals_the_logs(self):
        """Figures of the analysis per cadre and month equal those computed
        from the logs in Python, as a county administrator (record rules)."""
        self.log(self.youth_a1 | self.youth_a2, '2026-05-03', mode='face_to_face')
        self.log(self.youth_a1, '2026-05-04', mode='phone')
        self.log(self.youth_a1, '2026-06-01', mode='activity')
        self.assertLinesExact()
        logs = self.env['league.contact.log'].search([('cadre_id', '=', self.cadre_a.id)])
        expected = {}
        for log in logs:
            month = log.date[:7]
            figures = expected.setdefault(month, {'log_count': 0, 'interaction_count': 0,
                                                  'face_to_face_count': 0, 'online_count': 0,
                                                  'youth': set()})
            figures['log_count'] += 1
            figures['interaction_count'] += len(log.youth_ids)
            figures['face_to_face_count'] += len(log.youth_ids) * (log.mode == 'face_to_face')
            figures['online_count'] += len(log.youth_ids) * (
                log.mode in ('wechat', 'qq', 'weibo', 'phone'))
            figures['youth'] |= set(log.youth_ids.ids)
        measures = ['log_count', 'interaction_count', 'youth_reached_count',
                    'face_to_face_count', 'online_count']
        as_admin = self.Report.sudo(self.user_admin_a)
        months = as_admin.read_group([('cadre_id', '=', self.cadre_a.id)],
                                     measures + ['date'], ['date:month'])
        self.assertEqual(len(months), len(expected))
        for month, figures in expected.items():
            group = as_admin.read_group([('cadre_id', '=', self.cadre_a.id)]
                                        + self.month_domain(month), measures, [])[0]
            for measure in ('log_count', 'interaction_count', 'face_to_face_count',
                            'online_count'):
                self.assertEqual(group[measure], figures[measure], (month, measure))
            self.assertEqual(group['youth_reached_count'], len(figures['youth']), month)

    def test_refresh_queries_do_not_grow_with_the_logs(self):
        """Keeping the lines exact costs the same number of queries for 2 or
        20 logs changed at once."""
        logs = self.Log.browse()
        for day in range(1, 21):
            logs |= self.log(self.youth_a1 | self.youth_a2, '2026-07-%02d' % day)

        def queries(records, date):
            """Queries to make the lines of ``records`` exact once moved to ``date``."""
            self.env.cr.execute('UPDATE league_contact_log SET date = %s WHERE id IN %s',
                                (date, tuple(records.ids)))
            before = self.env.cr.sql_log_count
            self.Report._refresh_lines(records.ids)
            count = self.env.cr.sql_log_count - before
            self.assertLinesExact()
            return count

        self.assertEqual(queries(logs[:2], '2026-08-01'), queries(logs, '2026-09-01'))
