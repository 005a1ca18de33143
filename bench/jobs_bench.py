#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Benchmark of the daily jobs and of the evaluation (issues 10 and 17): queries and time.

Usage (from the repository root):

    .venv/bin/python bench/jobs_bench.py --db yc_dev              # the demo data
    .venv/bin/python bench/jobs_bench.py --db yc_dev --youth 100000

On an existing database with youth_contact and youth_contact_reports, in one
transaction rolled back at the end, it times and counts the SQL queries of:

* the cadence reminder job, first run of the day (the cadence reminders deleted
  first, so that every reminder is created) and second run (nothing to do);
* the "4+1" reminder job, first run (its reminders deleted first);
* closing: each cadre with an online reminder logs a WeChat contact and each
  cadre with a "4+1" reminder records a grassroots day (through the ORM,
  unmeasured), then both jobs run again and close those reminders;
* the computation of a half-year evaluation as a city administrator, and the SQL
  aggregate of the same logs alone (the baseline of issue 10);
* the youth list of a county administrator: 80 rows with the list's columns and the count.

``--youth N`` first adds N youth by SQL (in the same rolled-back transaction),
spread over the towns and units of every county, for the list figures at scale.
"""
import benchlib

CADENCE_TYPES = ('youth_contact.mail_activity_type_online',
                 'youth_contact.mail_activity_type_offline',
                 'youth_contact.mail_activity_type_face')
GRASSROOTS_TYPE = 'youth_contact.mail_activity_type_grassroots_reminder'


def measure(env, label, func, results):
    extra, elapsed, queries = benchlib.timed(env, func)
    results.append((label, elapsed, queries, extra))
    print('%-48s %8.0f ms %7d queries  %s' % (label, elapsed * 1000, queries, extra or ''))


def activity_count(env, xmlids):
    env.cr.execute("SELECT count(*) FROM mail_activity WHERE activity_type_id IN %s",
                   (tuple(env.ref(x).id for x in xmlids),))
    return env.cr.fetchone()[0]


def drop_activities(env, xmlids):
    env.cr.execute("DELETE FROM mail_activity WHERE activity_type_id IN %s",
                   (tuple(env.ref(x).id for x in xmlids),))
    env.clear()


def add_youth(env, count):
    """``count`` youth spread over the towns/units of every county, by SQL (the
    columns the ORM would write)."""
    orgs = env['league.organization'].search([('level', 'in', ('town', 'unit'))])
    env.cr.execute("""
        INSERT INTO league_youth (name, gender, birthdate, mobile, sector, organization_id,
                                  county_id, active, cadre_count, create_uid, create_date,
                                  write_uid, write_date)
        SELECT '基准青年' || n, CASE WHEN n %% 2 = 0 THEN 'male' ELSE 'female' END,
               date '1990-01-01' + (n %% 7000), '16' || lpad(n::text, 9, '0'), 'enterprise',
               o.id, o.county_id, true, 0, 1, now() at time zone 'UTC', 1,
               now() at time zone 'UTC'
          FROM generate_series(1, %s) n
          JOIN unnest(%s::int[], %s::int[]) WITH ORDINALITY AS o(id, county_id, k)
            ON o.k = 1 + n %% %s""", (count, orgs.ids, [org.county_id.id for org in orgs], len(orgs)))
    env.cr.execute("ANALYZE league_youth")


def close_reminders(env, results):
    """The cadres reminded meet their cadence again (an online log with one of
    their youth) or record a grassroots day, unmeasured; then both jobs close
    the reminders (measured)."""
    Activity = env['mail.activity']
    online = Activity.search([('activity_type_id', '=', env.ref(CADENCE_TYPES[0]).id)])
    contacts = {}
    for contact in env['league.contact'].search([('cadre_id', 'in', online.mapped('res_id'))]):
        contacts.setdefault(contact.cadre_id.id, contact.youth_id.id)
    for cadre_id, youth_id in contacts.items():
        env['league.contact.log'].create({'cadre_id': cadre_id, 'youth_ids': [(6, 0, [youth_id])],
                                          'mode': 'wechat', 'topic': 'guidance',
                                          'content': 'bench'})
    behind = Activity.search([('activity_type_id', '=', env.ref(GRASSROOTS_TYPE).id)])
    for cadre_id in set(behind.mapped('res_id')):
        env['league.grassroots.day'].create({'cadre_id': cadre_id, 'place_type': 'enterprise',
                                             'unit': 'bench', 'work': 'bench'})
    before = activity_count(env, CADENCE_TYPES)
    measure(env, 'cadence reminders, closing', lambda: (
        env['league.cadre']._cron_cadence_reminders(),
        '%d reminders closed' % (before - activity_count(env, CADENCE_TYPES)))[1], results)
    before = activity_count(env, [GRASSROOTS_TYPE])
    measure(env, '"4+1" reminders, closing', lambda: (
        env['league.grassroots.day']._cron_remind_behind(),
        '%d reminders closed' % (before - activity_count(env, [GRASSROOTS_TYPE])))[1], results)


def main():
    parser = benchlib.parser(__doc__, 'yc_dev')
    parser.add_argument('--youth', type=int, default=0)
    args = parser.parse_args()

    import odoo
    results = []
    with benchlib.odoo_env(args.db) as env:
        env.cr.execute("SELECT count(*) FROM league_cadre WHERE active")
        print('database %s: %d active cadres' % (args.db, env.cr.fetchone()[0]))
        Cadre = env['league.cadre']
        drop_activities(env, CADENCE_TYPES)
        measure(env, 'cadence reminders, first run', lambda: (
            Cadre._cron_cadence_reminders(),
            '%d reminders' % activity_count(env, CADENCE_TYPES))[1], results)
        measure(env, 'cadence reminders, second run',
                Cadre._cron_cadence_reminders, results)
        drop_activities(env, [GRASSROOTS_TYPE])
        measure(env, '"4+1" reminders, first run', lambda: (
            env['league.grassroots.day']._cron_remind_behind(),
            '%d reminders' % activity_count(env, [GRASSROOTS_TYPE]))[1], results)

        close_reminders(env, results)

        city_group = env.ref('youth_contact.group_city_admin')
        city_admin = city_group.users.filtered(lambda u: u.id != odoo.SUPERUSER_ID)[:1]
        evaluation = env['league.evaluation'].sudo(city_admin).create(
            {'name': 'bench'})
        from odoo.addons.youth_contact_reports.models.league_periods import to_date
        measure(env, 'evaluation: SQL aggregate alone (baseline)', lambda: '%d rows' % len(
            evaluation._cadre_figures(to_date(evaluation.date_from),
                                      evaluation._period_end())), results)
        measure(env, 'evaluation action_compute (city admin)', lambda: (
            evaluation.with_context(test_queue_job_no_delay=True).action_compute(),
            '%d cadre lines' % len(evaluation.line_ids))[1], results)
        print('%-48s %8.1f x' % ('evaluation / baseline', results[-1][1] / results[-2][1]))

        county_group = env.ref('youth_contact.group_county_admin')
        county_admin = (county_group.users - city_group.users).filtered(
            lambda u: u.league_county_id)[:1]
        if args.youth:
            add_youth(env, args.youth)
        Youth = env['league.youth'].sudo(county_admin)
        columns = list(Youth.fields_view_get(view_type='tree')['fields'])
        for _run in range(3):   # the last of three (warm caches, as a session)
            if _run == 2:
                measure(env, 'youth list of a county admin, 80 rows + count', lambda: (
                    Youth.search_read([], columns, limit=80),
                    '%d youth' % Youth.search_count([]))[1], results)
            else:
                Youth.search_read([], columns, limit=80)
                Youth.search_count([])


if __name__ == '__main__':
    main()
