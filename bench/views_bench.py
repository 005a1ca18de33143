#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Benchmark of the screens that read many rows (issues 10 and 17): the
contact analysis, the dashboard, the "4+1" figures, the contact list and the
cadre form, with the time and the number of SQL queries of each.

Usage (from the repository root):

    .venv/bin/python bench/views_bench.py --db yc_city       # a city-size database
    .venv/bin/python bench/views_bench.py --db yc_dev --repeat 3

Each screen is read the way the web client reads it (the same ``read_group``,
``search_read``, ``read`` and ``search_count`` calls, with the fields of its
views), as a real user so that the record rules apply: the city administrator
``--city-login`` (default ``meizhou``) and the county administrator
``--county-login`` (default: the one of the county with the most contacts).
The best time of ``--repeat`` runs is printed (the first run warms the
caches).  Nothing is written: the transaction is rolled back.
"""
import json

import benchlib


def view_fields(env, model, view_type):
    """Field names of the default ``view_type`` view of ``model``."""
    return list(env[model].fields_view_get(view_type=view_type)['fields'])


def cases(env, city, county, cadre):
    """[(name, user, callable)] of the screens to measure."""
    from dateutil.relativedelta import relativedelta
    from odoo import fields
    last_12 = fields.Date.to_string(fields.Date.from_string(fields.Date.today())
                                    - relativedelta(months=12))
    year_start = fields.Date.today()[:4] + '-01-01'
    measures = ['log_count', 'youth_reached_count', 'face_to_face_count']
    Report = 'league.report.contact'

    def group(user, groupby, domain=None, model=Report, fields_=measures, lazy=True):
        return lambda: env[model].sudo(user).read_group(
            domain if domain is not None else [('date', '>=', last_12)],
            fields_ + [g.split(':')[0] for g in groupby], groupby, lazy=lazy)

    def listing(user, model, domain, limit=80, order=None):
        names = view_fields(env, model, 'tree')

        def run():
            Model = env[model].sudo(user)
            Model.search_read(domain, names, limit=limit, order=order)
            Model.search_count(domain)
        return run

    def dashboard(user):
        def run():
            county_kanban = view_fields(env, 'league.report.county', 'kanban')
            env['league.report.county'].sudo(user).search_read([], county_kanban)
            group(user, ['date:month'], fields_=['log_count'])()
            env['league.report.county'].sudo(user).read_group(
                [], ['on_track_count', 'county_id'], ['county_id'])
            env['league.report.concern'].sudo(user).read_group(
                [('state', '!=', 'closed')], ['open_count'], [])
            env['league.report.open.day'].sudo(user).read_group(
                [('state', 'in', ('held', 'closed'))], ['held_count'], [])
        return run

    def cadre_form(user, cadre_id):
        def run():
            view = env['league.cadre'].fields_view_get(view_type='form')
            Cadre = env['league.cadre'].sudo(user)
            record = Cadre.browse(cadre_id).read(list(view['fields']))[0]
            for name, info in view['fields'].items():
                if info['type'] in ('one2many', 'many2many') and info.get('views', {}).get('tree'):
                    sub = list(info['views']['tree']['fields'])
                    env[info['relation']].sudo(user).browse(record[name][:40]).read(sub)
        return run

    return [
        ('analysis: by county (pivot)', city, group(city, ['county_id', 'mode'], lazy=False)),
        ('analysis: by month (graph)', city, group(city, ['date:month'])),
        ('analysis: by cadre', city, group(city, ['cadre_id'])),
        ('analysis: by sector', city, group(city, ['sector'])),
        ('analysis: by mode, topic', city, group(city, ['mode', 'topic'], lazy=False)),
        ('analysis: county admin by cadre', county, group(county, ['cadre_id'])),
        ('analysis: list 80 + count', city,
         listing(city, Report, [('date', '>=', last_12)])),
        ('dashboard (city)', city, dashboard(city)),
        ('dashboard (county)', county, dashboard(county)),
        ('"4+1" compliance list (city)', city,
         listing(city, 'league.grassroots.compliance', [])),
        ('"4+1" compliance by county (city)', city,
         group(city, ['county_id'], [], 'league.grassroots.compliance',
               ['weeks_met', 'weeks_elapsed', 'rate'])),
        ('"4+1" per week pivot (city)', city,
         group(city, ['cadre_id', 'week_start:month'], [('week_start', '>=', year_start)],
               'league.report.grassroots', ['met_count', 'missed_count'], lazy=False)),
        ('"4+1" per week graph (city)', city,
         group(city, ['county_id'], [('week_start', '>=', year_start)],
               'league.report.grassroots', ['compliance'])),
        ('contact list (county admin)', county, listing(county, 'league.contact', [])),
        ('cadre form (busiest cadre)', city, cadre_form(city, cadre)),
    ]


def main():
    parser = benchlib.parser(__doc__, 'yc_dev')
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--city-login', default='meizhou')
    parser.add_argument('--county-login')
    parser.add_argument('--only', help='run the cases whose name contains this text')
    args = parser.parse_args()

    import odoo
    results = []
    with benchlib.odoo_env(args.db) as env:
        cr = env.cr
        Users = env['res.users']
        city = Users.search([('login', '=', args.city_login)])
        if args.county_login:
            county = Users.search([('login', '=', args.county_login)])
        else:
            cr.execute("""SELECT county_id FROM league_contact WHERE county_id IS NOT NULL
                          GROUP BY county_id
                          ORDER BY count(*) DESC LIMIT 1""")
            county = Users.search([('league_county_id', '=', cr.fetchone()[0]),
                                   ('id', '!=', odoo.SUPERUSER_ID)]).filtered(
                lambda u: u.has_group('youth_contact.group_county_admin')
                and not u.has_group('youth_contact.group_city_admin'))[:1]
        cr.execute("""SELECT cadre_id FROM league_contact_log GROUP BY cadre_id
                      ORDER BY count(*) DESC LIMIT 1""")
        cadre = cr.fetchone()[0]
        for name, user, run in cases(env, city, county, cadre):
            if args.only and args.only not in name:
                continue
            _value, best, queries = benchlib.best_of(env, run, args.repeat)
            result = {'case': name, 'user': user.login, 'ms': int(best * 1000),
                      'queries': queries}
            results.append(result)
            print('bench: %s' % json.dumps(result, ensure_ascii=False), flush=True)
    benchlib.write_json('views_bench.json', results)
    print()
    benchlib.print_table(['screen', 'user', 'time:', 'queries:'],
                         '{case} | {user} | {ms:,} ms | {queries}', results)


if __name__ == '__main__':
    main()
