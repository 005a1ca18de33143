# -*- coding: utf-8 -*-
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .scheme_common import SchemeTestCase
from ..models.league_common import GRASSROOTS_MIN_RATE


def monday(day):
    return day - timedelta(days=day.weekday())


class TestGrassrootsDay(SchemeTestCase):
    """"4+1": one grassroots day per ISO week, compliance and reminders."""

    @classmethod
    def setUpClass(cls):
        super(TestGrassrootsDay, cls).setUpClass()
        # organ cadres of the county committees (the "4+1" applies to them)
        cls.user_organ_a = cls.make_user('organ_a', 'group_cadre')
        cls.organ_a = cls.make_cadre('县委干部甲', cls.county_a, cls.user_organ_a)
        cls.user_organ_a2 = cls.make_user('organ_a2', 'group_cadre')
        cls.organ_a2 = cls.make_cadre('县委干部乙', cls.county_a, cls.user_organ_a2)
        cls.user_organ_b = cls.make_user('organ_b', 'group_cadre')
        cls.organ_b = cls.make_cadre('县委干部丙', cls.county_b, cls.user_organ_b)
        cls.today = cls.models_today()
        cls.this_monday = monday(cls.today)
        cls.last_monday = cls.this_monday - timedelta(days=7)

    def record(self, cadre, day, user=None, **vals):
        values = {'cadre_id': cadre.id, 'date': fields.Date.to_string(day),
                  'place_type': 'enterprise', 'unit': '梅州客都物流有限公司',
                  'work': '与青年职工座谈，了解就业需求'}
        values.update(vals)
        return self.env['league.grassroots.day'].sudo(user or cadre.user_id).create(values)

    def compliance(self, cadre):
        self.env['league.grassroots.compliance'].invalidate_cache()
        return self.env['league.grassroots.compliance'].search([('cadre_id', '=', cadre.id)])

    def reminders(self, cadre):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'league.cadre'), ('res_id', '=', cadre.id),
            ('activity_type_id', '=',
             self.env.ref('youth_contact.mail_activity_type_grassroots_reminder').id)])

    def test_iso_week(self):
        day = self.record(self.organ_a, date(2025, 12, 29))
        self.assertEqual((day.iso_year, day.iso_week, day.week), (2026, 1, '2026-W01'))
        day = self.record(self.organ_a, date(2021, 1, 3))
        self.assertEqual(day.week, '2020-W53')

    def test_cadre_records_own_day_only(self):
        day = self.record(self.organ_a, self.today)
        self.assertEqual(day.county_id, self.county_a)
        # default cadre = the user's own cadre record
        Day = self.env['league.grassroots.day'].sudo(self.user_organ_a)
        self.assertEqual(Day.default_get(['cadre_id'])['cadre_id'], self.organ_a.id)
        with self.assertAccessDenied():
            self.record(self.organ_a2, self.today, user=self.user_organ_a)
        with self.assertAccessDenied():
            day.sudo(self.user_organ_a2).write({'work': '改写'})
        self.assertFalse(Day.sudo(self.user_organ_b).search([]))
        self.assertEqual(Day.sudo(self.user_admin_a).search([]), day)
        self.assertFalse(Day.sudo(self.user_admin_b).search([]))
        with self.assertAccessDenied():
            self.record(self.organ_a, self.today - timedelta(days=1), user=self.user_admin_b)
        day.sudo(self.user_admin_a).write({'youth_count': 12})
        by_admin = self.record(self.organ_a2, self.today, user=self.user_admin_a)
        self.assertEqual(by_admin.create_uid, self.user_admin_a)
        day.sudo(self.user_organ_a).unlink()

    def test_user_without_email(self):
        """Users log in without an e-mail address: the chatter must not refuse them."""
        user = self.make_user('no_mail', 'group_cadre', email=False)
        cadre = self.make_cadre('无邮箱干部', self.county_a, user)
        chatter = self.env(context=dict(self.env.context, tracking_disable=False,
                                        mail_create_nolog=False))
        day = chatter['league.grassroots.day'].sudo(user).create({
            'cadre_id': cadre.id, 'date': fields.Date.to_string(self.today),
            'place_type': 'park', 'unit': '梅州高新区产业园', 'work': '走访园区青年'})
        day.write({'unit': '梅州高新区电商产业园'})
        self.assertGreaterEqual(len(day.message_ids), 2)  # created, the tracked unit
        admin = self.make_user('no_mail_admin', 'group_county_admin', email=False,
                               league_admin_county_id=self.county_a.id)
        plan = chatter['league.rotation.plan'].sudo(admin).create(
            {'county_id': self.county_a.id, 'year': 2030})
        plan.write({'year': 2031})
        self.assertGreaterEqual(len(plan.message_ids), 2)

    def test_bad_input(self):
        with self.assertRejected('in the future'):
            self.record(self.organ_a, self.today + timedelta(days=1))
        with self.assertRejected('unit visited and the work done'):
            self.record(self.organ_a, self.today, work='   ')
        self.record(self.organ_a, self.today)
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.record(self.organ_a, self.today)
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.record(self.organ_a, self.today - timedelta(days=1), youth_count=-1)

    def test_low_rate_is_behind_despite_last_week(self):
        """A "4+1" rate of 20% is behind even with a grassroots day last week."""
        self.record(self.organ_b, self.last_monday)
        line = self.compliance(self.organ_b)
        self.assertFalse(line.recent_missed)
        self.assertEqual(line.behind, line.rate < GRASSROOTS_MIN_RATE)
        if line.weeks_elapsed >= 5:      # one week out of five or more
            self.assertTrue(line.behind, 'rate %s%%' % line.rate)

    def test_weekly_compliance(self):
        past_weeks = (self.this_monday - monday(date(self.today.isocalendar()[0], 1, 4))).days // 7
        # organ_a: two days last week (one week), one this week
        self.record(self.organ_a, self.last_monday)
        self.record(self.organ_a, self.last_monday + timedelta(days=2))
        self.record(self.organ_a, self.this_monday)
        line = self.compliance(self.organ_a)
        self.assertTrue(line.last_week_met and line.this_week_met)
        self.assertFalse(line.recent_missed)
        # two weeks out of the year's: behind on the rate despite the recent weeks
        self.assertEqual(line.behind, line.rate < GRASSROOTS_MIN_RATE)
        last_week_counts = 1 if self.last_monday >= monday(
            date(self.today.isocalendar()[0], 1, 4)) else 0
        self.assertEqual(line.weeks_met, last_week_counts + 1)
        self.assertEqual(line.weeks_elapsed, past_weeks + 1)
        self.assertEqual(line.weeks_missed, past_weeks - last_week_counts)
        self.assertEqual(line.last_date, fields.Date.to_string(self.this_monday))
        # organ_a2: nothing - behind; organ_b: last week only - no recent miss
        self.assertTrue(self.compliance(self.organ_a2).behind)
        self.assertTrue(self.compliance(self.organ_a2).recent_missed)
        self.assertEqual(self.compliance(self.organ_a2).weeks_met, 0)
        self.record(self.organ_b, self.last_monday + timedelta(days=4))
        self.assertFalse(self.compliance(self.organ_b).recent_missed)
        # only the county committee's organ cadres are followed
        self.assertFalse(self.compliance(self.cadre_a))
        # per county, as the county administrator sees it
        Compliance = self.env['league.grassroots.compliance'].sudo(self.user_admin_a)
        self.assertEqual(Compliance.search([]).mapped('cadre_id'), self.organ_a | self.organ_a2)
        groups = Compliance.read_group([], ['county_id', 'weeks_met'], ['county_id'])
        self.assertEqual(groups[0]['weeks_met'], last_week_counts + 1)
        own = self.env['league.grassroots.compliance'].sudo(self.user_organ_a).search([])
        self.assertEqual(own.mapped('cadre_id'), self.organ_a)

    def test_reminder_job_is_idempotent(self):
        Day = self.env['league.grassroots.day']
        self.record(self.organ_b, self.this_monday)
        Day._cron_remind_behind()
        self.assertEqual(len(self.reminders(self.organ_a)), 1)
        self.assertEqual(self.reminders(self.organ_a).user_id, self.user_organ_a)
        self.assertFalse(self.reminders(self.organ_b))
        Day._cron_remind_behind()
        self.assertEqual(len(self.reminders(self.organ_a)), 1)
        # recording a day this week closes the reminder at the next run
        self.record(self.organ_a, self.today)
        Day._cron_remind_behind()
        self.assertFalse(self.reminders(self.organ_a))
        self.assertEqual(len(self.reminders(self.organ_a2)), 1)
        # the cadre sees the reminder in their own activities
        activities = self.env['mail.activity'].sudo(self.user_organ_a2).search(
            [('user_id', '=', self.user_organ_a2.id)])
        self.assertEqual(activities[0].summary, self.env['league.grassroots.day'].with_context(
            lang=self.user_organ_a2.lang)._grassroots_reminder_text())

    def test_cron_record_exists(self):
        cron = self.env.ref('youth_contact.ir_cron_grassroots_reminder')
        self.assertTrue(cron.active)
        with self.assertRaises(AccessError):
            self.env['league.grassroots.compliance'].sudo(self.user_organ_a).create(
                {'cadre_id': self.organ_a.id})
