#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Benchmark of a city-size database (issues 10 and 17): wall time and SQL queries.

Usage (from the repository root), against a city made by bench/gen_city.py:

    .venv/bin/python bench/city_bench.py                  # database yc_city
    .venv/bin/python bench/city_bench.py --db yc_city_small --only youth contact

In one process, as the real users made by the generator (the city
administrator ``city_admin`` and the county administrator
``city_county_admin``: access rights and record rules apply; the reminder
jobs run as superuser, as the cron does), it measures each row of the tables
of issues 10 and 17 that exists today: wall time and the number of SQL
queries (``cr.sql_log_count``).  The ORM cache is emptied before each
measure (a request starts with an empty cache); PostgreSQL's is warm.  A
read cheaper than ``--repeat-under`` seconds is measured ``--repeat`` times
and the best time is kept.  Everything runs in one transaction rolled back at
the end.  Results are printed as a Markdown table "what | now | queries |
target" and written to ``bench/out/city_bench.json``.
"""
from datetime import date

from dateutil.relativedelta import relativedelta

import benchlib

# SQL baseline of the evaluation: one grouped pass over the period's logs and
# their youth (what any evaluation has to read at least)
BASELINE = """
    SELECT l.cadre_id, count(DISTINCT l.id), count(DISTINCT date_trunc('week', l.date)),
           count(DISTINCT r.youth_id), count(DISTINCT l.id) FILTER (WHERE l.mode = 'face_to_face')
      FROM league_contact_log l JOIN league_contact_log_youth_rel r ON r.log_id = l.id
     WHERE l.date BETWEEN %s AND %s
     GROUP BY l.cadre_id"""


class Bench(object):

    def __init__(self, env, args):
        self.env = env
        self.cr = env.cr
        self.args = args
        self.results = []

    def measure(self, key, what, target, fn, repeat=True, note=''):
        """Run ``fn`` (best of ``--repeat`` when cheap) and record time and queries."""
        if self.args.only and not any(word in key for word in self.args.only):
            return None
        value, best, queries = benchlib.best_of(self.env, fn, self.args.repeat if repeat else 1,
                                                self.args.repeat_under)
        if callable(note):
            note = note(value)
        row = {'key': key, 'what': what, 'seconds': round(best, 3), 'queries': queries,
               'target': target, 'note': note or ''}
        self.results.append(row)
        print('bench: %-34s %8.3f s %7d queries  %s' % (key, best, queries, row['note']),
              flush=True)
        return value


def read_group(Model, domain, measures, groupby, lazy=True):
    """read_group as the web client sends it (the grouped fields among the fields)."""
    return Model.read_group(domain, list(measures) + [g.split(':')[0] for g in groupby],
                            groupby, lazy=lazy)


def view_fields(Model, view_type):
    return list(Model.fields_view_get(view_type=view_type)['fields'])


def main():
    parser = benchlib.parser(__doc__, 'yc_city')
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--repeat-under', type=float, default=2.0,
                        help='repeat a measure only when it took less than this (seconds)')
    parser.add_argument('--only', nargs='*', help='measure only the keys containing a word')
    args = parser.parse_args()

    with benchlib.odoo_env(args.db) as root:
        users = root['res.users'].search([('login', 'in', ['city_admin', 'city_county_admin'])])
        by_login = {u.login: u for u in users}
        if len(by_login) != 2:
            raise SystemExit('bench: %s is not a city made by bench/gen_city.py' % args.db)
        city = root(user=by_login['city_admin'].id)
        county = root(user=by_login['city_county_admin'].id)
        bench = Bench(root, args)
        run(bench, root, city, county)
    sizes = bench.sizes
    benchlib.write_json('city_bench.json', {'db': args.db, 'sizes': sizes,
                                            'results': bench.results})
    print()
    print('Database %s: %s' % (args.db, ', '.join('%s %s' % ('{:,}'.format(v), k)
                                                 for k, v in sizes.items())))
    print()
    print('| what | now | queries | target |')
    print('|---|---:|---:|---|')
    for r in bench.results:
        print('| {what}{note} | {seconds:.3f} s | {queries:,} | {target} |'.format(
            **dict(r, note=' (%s)' % r['note'] if r['note'] else '')))


def run(bench, root, city, county):
    cr = root.cr
    sizes = {}
    for table in ('league_cadre', 'league_youth', 'league_contact', 'league_contact_log',
                  'league_contact_log_youth_rel', 'league_activity', 'league_grassroots_day',
                  'league_concern'):
        cr.execute('SELECT count(*) FROM %s' % table)
        sizes[table] = cr.fetchone()[0]
    bench.sizes = sizes
    today = date.today()

    # -- evaluation of the current half-year, and the SQL baseline -------------
    Evaluation = city['league.evaluation']
    evaluation = Evaluation.create({'name': 'bench'})
    period = (evaluation.date_from, min(evaluation.date_to, str(today)))

    def baseline():
        cr.execute(BASELINE, period)
        return len(cr.fetchall())
    base = bench.measure('evaluation_sql_baseline',
                         'SQL baseline: one grouped pass over the half-year\'s logs and youth',
                         'reference', baseline, note=lambda n: '%d cadres' % n)
    bench.measure('evaluation_compute',
                  'evaluation `action_compute` of the current half-year (%s - %s)' % period,
                  'at most 2x the SQL baseline; queries independent of the cadres',
                  lambda: evaluation.with_context(test_queue_job_no_delay=True)
                  .action_compute() and len(evaluation.line_ids),
                  repeat=False, note=lambda n: '%d lines' % n)
    rows = {r['key']: r for r in bench.results}
    if 'evaluation_compute' in rows and 'evaluation_sql_baseline' in rows and base:
        ratio = rows['evaluation_compute']['seconds'] / max(
            rows['evaluation_sql_baseline']['seconds'], 0.001)
        rows['evaluation_compute']['note'] += ', %.1fx the SQL baseline' % ratio
        rows['evaluation_compute']['ratio'] = round(ratio, 1)

    # -- 联系情况 analysis ---------------------------------------------------
    Report = city['league.report.contact']
    last_12 = [('date', '>=', str(today - relativedelta(months=12)))]
    measures = ['log_count', 'youth_reached_count', 'face_to_face_count']
    bench.measure('report_contact_by_county',
                  '联系情况 analysis `league.report.contact`: read_group by county',
                  'under 1 s', lambda: len(read_group(
                      Report, last_12, measures, ['county_id'], lazy=False)),
                  note=lambda n: '%d groups' % n)
    bench.measure('report_contact_by_month',
                  '联系情况 analysis: read_group by month',
                  'under 1 s', lambda: len(read_group(
                      Report, last_12, measures, ['date:month'], lazy=False)),
                  note=lambda n: '%d groups' % n)
    bench.measure('report_contact_list',
                  '联系情况 analysis: list 80 rows + count',
                  'under 1 s', lambda: Report.search_count(last_12) + 0 * len(Report.search_read(
                      last_12, ['date', 'cadre_id', 'county_id', 'youth_id', 'mode', 'topic'],
                      limit=80)),
                  note=lambda n: '%s rows' % '{:,}'.format(n))

    # -- "4+1" weekly figures (menu action: list, then pivot) -----------------
    Compliance = city['league.grassroots.compliance']
    fields = view_fields(Compliance, 'tree')
    bench.measure('compliance_list',
                  '"4+1" weekly figures for the city administrator: list 80 rows + count',
                  'under 1 s', lambda: Compliance.search_count([]) + 0 * len(
                      Compliance.search_read([], fields, limit=80)),
                  note=lambda n: '%d cadres' % n)
    bench.measure('compliance_pivot', '"4+1" weekly figures: pivot by county', 'under 1 s',
                  lambda: len(read_group(
                      Compliance, [], ['weeks_met', 'weeks_missed', 'rate'], ['county_id'], lazy=False)))

    # -- the county administrator's lists --------------------------------------
    Youth = county['league.youth']
    fields = view_fields(Youth, 'tree')
    bench.measure('youth_list_county',
                  'county administrator\'s youth list: 80 rows (list view fields) + count',
                  'under 100 ms', lambda: Youth.search_count([]) + 0 * len(
                      Youth.search_read([], fields, limit=80)),
                  note=lambda n: '%s youth' % '{:,}'.format(n))
    Contact = county['league.contact']
    fields = view_fields(Contact, 'tree')
    bench.measure('contact_list_county',
                  'county administrator\'s contact list: 80 rows (list view fields) + count',
                  'under 200 ms', lambda: Contact.search_count([]) + 0 * len(
                      Contact.search_read([], fields, limit=80)),
                  note=lambda n: '%s contacts' % '{:,}'.format(n))
    cr.execute("""SELECT cadre_id, count(*) FROM league_contact_log
                   WHERE county_id = %s GROUP BY cadre_id ORDER BY 2 DESC LIMIT 1""",
               (county.user.league_county_id.id,))
    busiest = cr.fetchone()
    if busiest:
        Cadre = county['league.cadre']
        fields = view_fields(Cadre, 'form')
        bench.measure('cadre_form',
                      'cadre form read (the county\'s most active cadre, form view fields)',
                      'under 200 ms whatever the history',
                      lambda: sum(len(value) for key, value in
                                  Cadre.browse(busiest[0]).read(fields)[0].items()
                                  if key.endswith('log_ids')),
                      note=lambda n: '%s log ids returned (of %s logs)' % (
                          '{:,}'.format(n), '{:,}'.format(busiest[1])))

    # -- the dashboard ---------------------------------------------------------
    bench.measure('dashboard_contact_graph',
                  'dashboard: contact logs per month graph (last 12 months)', 'under 1 s',
                  lambda: len(read_group(Report, last_12, ['log_count'], ['date:month'])))

    def dashboard():
        """What the web client reads to show the board: each action of the
        board view, a kanban as a search_read, a graph as a read_group."""
        from lxml import etree
        from odoo.tools.safe_eval import safe_eval
        arch = root.ref('youth_contact_reports.view_league_dashboard').arch
        for node in etree.fromstring(arch).iter('action'):
            action = root['ir.actions.act_window'].browse(int(node.get('name')))
            Model = city[action.res_model]
            domain = safe_eval(node.get('domain') or '[]')
            if 'search_default_last_12_months' in (node.get('context') or ''):
                domain += last_12
            if node.get('view_mode') == 'kanban':
                Model.search_read(domain, view_fields(Model, 'kanban'), limit=40)
                continue
            graph = etree.fromstring(Model.fields_view_get(view_type='graph')['arch'])
            groupby, measures = [], []
            for field in graph.iter('field'):
                if field.get('type') == 'measure':
                    measures.append(field.get('name'))
                else:
                    groupby.append(field.get('name') + (
                        ':' + field.get('interval') if field.get('interval') else ''))
            read_group(Model, domain, measures, groupby[:1])
    bench.measure('dashboard_whole', 'dashboard: the whole board (5 parts)', 'under 1 s',
                  dashboard)

    # -- exports ---------------------------------------------------------------
    def xlsx(env, kind, ids=None):
        """The .xlsx bytes of the Excel report ``kind`` rendered as ``env``'s user."""
        report = env.ref('youth_contact_reports.report_%s_xlsx' % kind)
        return report.render_xlsx(list(ids or []), {})[0]
    exports = bench.args.only is None or any('export' in word for word in bench.args.only)
    if exports and evaluation.state == 'draft':
        # not measured: --only export_ranking (the job's body run at once)
        evaluation.with_context(test_queue_job_no_delay=True).action_compute()

    def size(n):
        return '%d KB' % (n // 1024)
    if evaluation.state == 'computed':
        bench.measure('export_ranking', 'Excel export: ranking of the evaluation',
                      'under 2 s, queries independent of the rows',
                      lambda: len(xlsx(city, 'ranking', evaluation.ids)), repeat=False,
                      note=size)
    bench.measure('export_problems', 'Excel export: problem list (every concern)',
                  'under 2 s, queries independent of the rows',
                  lambda: len(xlsx(city, 'problems')), repeat=False, note=size)
    bench.measure('export_problems_county', 'Excel export: problem list of the county '
                  'administrator', 'under 2 s, queries independent of the rows',
                  lambda: len(xlsx(county, 'problems')),
                  repeat=False, note=size)
    bench.measure('export_compliance', 'Excel export: cadre compliance list (every cadre)',
                  'under 2 s, queries independent of the rows',
                  lambda: len(xlsx(city, 'compliance')), repeat=False, note=size)
    if exports:
        # the last half-year that has ended
        year, half = (today.year, '1') if today.month > 6 else (today.year - 1, '2')
        report = county['league.halfyear.report'].create({'year': str(year), 'half': half})
        report.action_refresh_figures()
        bench.measure('export_halfyear', 'Excel export: half-year report of the county',
                      'under 2 s', lambda: len(xlsx(county, 'halfyear', report.ids)),
                      repeat=False, note=size)
    bench.measure('export_admins', 'Excel export: administrator information form (city)',
                  'under 2 s, queries independent of the rows',
                  lambda: len(xlsx(city, 'admins')), repeat=False, note=size)

    # -- reminder jobs (as the cron: superuser), first run of the day ------------
    Activity = root['mail.activity']

    def activities():
        return Activity.search_count([('res_model', '=', 'league.cadre')])
    before = activities()
    bench.measure('cron_cadence', 'cadence reminder job `_cron_cadence_reminders` '
                  '(first run of the day)',
                  'under 10 s, queries independent of the number of cadres',
                  lambda: root['league.cadre']._cron_cadence_reminders() and
                  activities() - before, repeat=False,
                  note=lambda n: '%s reminders created' % '{:,}'.format(n))
    before = activities()
    bench.measure('cron_grassroots', '"4+1" reminder job `_cron_remind_behind`',
                  'under 10 s, queries independent of the number of reminders',
                  lambda: root['league.grassroots.day']._cron_remind_behind() and
                  activities() - before, repeat=False,
                  note=lambda n: '%s reminders created' % '{:,}'.format(n))


if __name__ == '__main__':
    main()
