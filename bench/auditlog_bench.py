#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Cost of the change log (OCA auditlog, issue 14) on the records that feed
the evaluation: N contact logs created, changed and deleted one by one through
the ORM by a demo cadre (a real user), with the auditlog rule of
``league.contact.log`` subscribed (full log), in fast mode, and unsubscribed.

Usage (from the repository root, on a database with both addons and the demo):

    .venv/bin/python bench/auditlog_bench.py --db yc_dev --rows 1000

Everything runs in one transaction rolled back at the end.  The set-based
paths (the import's batches of youth and contacts, recomputed stored fields)
write SQL and are not logged whatever the rules: they cost nothing here.
"""
import benchlib


def main():
    parser = benchlib.parser(__doc__, 'yc_dev')
    parser.add_argument('--rows', type=int, default=1000)
    args = parser.parse_args()
    results = []
    with benchlib.odoo_env(args.db, benchlib.BULK_CONTEXT) as env:
        rule = env.ref('youth_contact_reports.auditlog_rule_contact_log')
        cadre = env['league.cadre'].search([('user_id.login', '=', 'guyan')], limit=1)
        youth = cadre.contact_ids[:1].youth_id
        Log = env['league.contact.log'].sudo(cadre.user_id)
        for mode in ('full', 'fast', 'off'):
            if mode == 'off':
                rule.unsubscribe()
            else:
                rule.unsubscribe()
                rule.write({'log_type': mode})
                rule.subscribe()
            audits = env['auditlog.log'].search_count([])
            row = {'mode': mode}

            def create():
                return [Log.create({'cadre_id': cadre.id, 'youth_ids': [(6, 0, youth.ids)],
                                    'mode': 'wechat', 'topic': 'guidance',
                                    'content': '基准测试 %d' % i}).id
                        for i in range(args.rows)]
            ids, row['create_s'], row['create_q'] = benchlib.timed(env, create)
            logs = Log.browse(ids)

            def write():
                for log in logs:
                    log.write({'content': '基准测试（改）'})
            _v, row['write_s'], row['write_q'] = benchlib.timed(env, write)

            def unlink():
                for log in logs:
                    log.unlink()
            _v, row['unlink_s'], row['unlink_q'] = benchlib.timed(env, unlink)
            row['audit_logs'] = env['auditlog.log'].search_count([]) - audits
            results.append(row)
    print('| auditlog | create %d | queries | write | queries | unlink | queries | log entries |'
          % args.rows)
    print('|---|---:|---:|---:|---:|---:|---:|---:|')
    for row in results:
        print('| {mode} | {create_s:.1f} s | {create_q} | {write_s:.1f} s | {write_q} | '
              '{unlink_s:.1f} s | {unlink_q} | {audit_logs} |'.format(**row))
    benchlib.write_json('auditlog_bench', results)


if __name__ == '__main__':
    main()
