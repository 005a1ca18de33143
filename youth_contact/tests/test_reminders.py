# -*- coding: utf-8 -*-
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields

from .common import LeagueTestCase

from odoo.addons.youth_contact.models.league_cadre import quarter_bounds

# the one "today" of the cadence rules, as the cadre model reads it
TODAY = 'odoo.addons.youth_contact.models.league_cadre.league_today'


class TestCadence(LeagueTestCase):
    """The three cadences at the boundaries of their periods."""

    @classmethod
    def setUpClass(cls):
        super(TestCadence, cls).setUpClass()
        cls.make_contacts(cls.cadre_a, cls.youth_a1 | cls.youth_a2, date_start='2015-01-01')
        # a reference year wholly in the past: dates may not be in the future
        cls.year = cls.models_today().year - 1

    def values(self, today):
        return self.cadre_a._cadence_values(today)[self.cadre_a.id]

    def log(self, day, mode='wechat', youth=None):
        return self.make_log(self.cadre_a, youth or self.youth_a1, mode=mode,
                             date=fields.Date.to_string(day))

    def test_quarter_bounds(self):
        y = self.year
        self.assertEqual(quarter_bounds(date(y, 1, 1)), (date(y, 1, 1), date(y, 3, 31)))
        self.assertEqual(quarter_bounds(date(y, 3, 31)), (date(y, 1, 1), date(y, 3, 31)))
        self.assertEqual(quarter_bounds(date(y, 4, 1)), (date(y, 4, 1), date(y, 6, 30)))
        self.assertEqual(quarter_bounds(date(y, 8, 15)), (date(y, 7, 1), date(y, 9, 30)))
        self.assertEqual(quarter_bounds(date(y, 12, 31)), (date(y, 10, 1), date(y, 12, 31)))

    def test_online_at_6_7_8_days(self):
        day = date(self.year, 5, 10)
        self.assertEqual(self.values(day)['online_state'], 'not_started', 'no log at all')
        self.log(day)
        for days, state in ((0, 'met'), (6, 'met'), (7, 'met'), (8, 'behind')):
            values = self.values(day + timedelta(days=days))
            self.assertEqual(values['online_state'], state, '%d days after the log' % days)
            self.assertEqual(values['online_days'], days)
        # a log after "today" does not count
        self.assertEqual(self.values(day - timedelta(days=1))['online_state'], 'not_started')

    def test_online_stored_with_today(self):
        self.make_log(self.cadre_a, self.youth_a1, date=self.days_ago(8))
        self.assertEqual(self.cadre_a.online_state, 'behind')
        self.assertEqual(self.cadre_a.online_days, 8)
        self.assertIn(self.cadre_a, self.env['league.cadre'].search(
            [('online_state', '=', 'behind')]))
        self.make_log(self.cadre_a, self.youth_a1, date=self.days_ago(7))
        self.assertEqual(self.cadre_a.online_state, 'met')
        self.assertEqual(self.cadre_a.online_days, 7)
        self.assertEqual(self.cadre_a.last_log_date, self.days_ago(7))

    def test_offline_at_quarter_boundaries(self):
        y = self.year
        Activity = self.env['league.activity']
        Activity.create({'name': '三月活动', 'cadre_id': self.cadre_a.id,
                         'date': '%d-03-31' % y, 'kind': 'volunteer'})
        self.assertEqual(self.values(date(y, 3, 31))['offline_state'], 'met')
        self.assertEqual(self.values(date(y, 3, 31))['offline_days_left'], 0)
        first = self.values(date(y, 4, 1))
        self.assertEqual(first['offline_state'], 'behind', 'new quarter, no activity yet')
        self.assertEqual(first['offline_days_left'], 90)
        Activity.create({'name': '技能培训', 'cadre_id': self.cadre_a.id,
                         'date': '%d-04-10' % y, 'kind': 'skills'})
        self.assertEqual(self.values(date(y, 4, 9))['offline_state'], 'behind',
                         'a planned activity does not count before it takes place')
        self.assertEqual(self.values(date(y, 4, 10))['offline_state'], 'met')
        self.assertEqual(self.values(date(y, 6, 30))['offline_state'], 'met')
        self.assertEqual(self.values(date(y, 6, 30))['offline_count'], 1)
        self.assertEqual(self.values(date(y, 7, 1))['offline_state'], 'behind')
        # a contact log of mode "offline activity" is a contact, not the quarter's
        # activity (one rule with the evaluation: league.activity records only)
        self.log(date(y, 10, 1), mode='activity')
        self.assertEqual(self.values(date(y, 10, 1))['offline_state'], 'behind')
        self.assertEqual(self.values(date(y, 10, 1))['online_state'], 'met')
        Activity.create({'name': '座谈会', 'cadre_id': self.cadre_a.id,
                         'date': '%d-10-01' % y, 'kind': 'other'})
        self.assertEqual(self.values(date(y, 10, 1))['offline_state'], 'met')
        self.assertEqual(self.values(date(y, 12, 31))['offline_state'], 'met')
        self.assertEqual(self.values(date(y, 9, 30))['offline_state'], 'behind')

    def test_offline_activity_of_other_cadre_does_not_count(self):
        y = self.year
        self.env['league.activity'].create({'name': '活动', 'cadre_id': self.cadre_a2.id,
                                            'date': '%d-05-01' % y, 'kind': 'other'})
        # cadre_a never organized one: not started (another cadre's does not count)
        self.assertEqual(self.values(date(y, 5, 2))['offline_state'], 'not_started')

    def test_face_to_face_at_364_365_366_days(self):
        day = date(self.year, 2, 1)
        self.log(day, mode='face_to_face', youth=self.youth_a1 | self.youth_a2)
        for days, state, behind in ((364, 'met', 0), (365, 'met', 0), (366, 'behind', 2)):
            values = self.values(day + timedelta(days=days))
            self.assertEqual(values['face_state'], state, '%d days after' % days)
            self.assertEqual(values['face_behind_count'], behind)
            self.assertEqual(values['face_done_count'], 2 - behind)

    def test_face_to_face_with_every_youth(self):
        day = date(self.year, 2, 1)
        self.log(day, mode='face_to_face')          # youth_a1 only
        self.log(day, mode='wechat', youth=self.youth_a2)
        values = self.values(day + timedelta(days=10))
        self.assertEqual(values['face_state'], 'behind')
        self.assertEqual(values['face_behind_count'], 1, 'youth_a2 only met online')
        self.assertEqual(values['face_done_count'], 1)
        # a face-to-face log of another cadre does not count
        self.make_contact(self.cadre_a2, self.youth_a2, date_start='2015-01-01')
        self.make_log(self.cadre_a2, self.youth_a2, mode='face_to_face',
                      date=fields.Date.to_string(day))
        self.assertEqual(self.values(day + timedelta(days=10))['face_behind_count'], 1)

    def test_face_to_face_grace_for_new_contacts(self):
        """A youth contacted less than a year ago is not behind yet."""
        cadre = self.cadre_a2
        self.make_contact(cadre, self.youth_a1, date_start=self.days_ago(364))
        self.make_contact(cadre, self.youth_a2, date_start=self.days_ago(365))
        self.assertEqual(cadre.face_state, 'behind')
        self.assertEqual(cadre.face_behind_count, 1)
        self.assertEqual(cadre.face_done_count, 0)
        no_contact = self.make_cadre('新干部', self.town_a)
        # no youth, no log, no activity: nothing is met, nothing started
        self.assertEqual(no_contact.face_state, 'not_started')
        self.assertEqual(no_contact.online_state, 'not_started')
        self.assertEqual(no_contact.behind_count, 3)


class TestReminders(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestReminders, cls).setUpClass()
        cls.make_contact(cls.cadre_b, cls.youth_b1, date_start=cls.days_ago(400))
        cls.no_user = cls.make_cadre('无账号干部', cls.town_b)
        cls.Cadre = cls.env['league.cadre']
        cls.types = {key: cls.env.ref('youth_contact.mail_activity_type_%s' % key)
                     for key in ('online', 'offline', 'face')}

    def reminders(self, cadre):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'league.cadre'), ('res_id', '=', cadre.id),
            ('activity_type_id', 'in', [t.id for t in self.types.values()])])

    def test_one_reminder_per_cadence_behind(self):
        self.Cadre._cron_cadence_reminders()
        reminders = self.reminders(self.cadre_b)
        self.assertEqual(reminders.mapped('activity_type_id'),
                         self.types['online'] | self.types['offline'] | self.types['face'])
        self.assertEqual(reminders.mapped('user_id'), self.user_cadre_b)
        offline = reminders.filtered(lambda a: a.activity_type_id == self.types['offline'])
        self.assertEqual(offline.date_deadline,
                         fields.Date.to_string(quarter_bounds(self.models_today())[1]))
        face = reminders.filtered(lambda a: a.activity_type_id == self.types['face'])
        self.assertIn('1 contacted youth', face.summary)
        # cadre_a has no contact (face-to-face met), no log, no activity
        self.assertEqual(self.reminders(self.cadre_a).mapped('activity_type_id'),
                         self.types['online'] | self.types['offline'])
        self.assertFalse(self.reminders(self.no_user), 'nobody to remind')

    def test_rerun_is_idempotent(self):
        self.Cadre._cron_cadence_reminders()
        first = self.reminders(self.cadre_b)
        self.Cadre._cron_cadence_reminders()
        self.Cadre._cron_cadence_reminders()
        self.assertEqual(self.reminders(self.cadre_b), first)
        self.assertEqual(len(first), 3)

    def test_reminder_closed_when_met_again(self):
        self.Cadre._cron_cadence_reminders()
        self.make_log(self.cadre_b, self.youth_b1, mode='face_to_face')
        messages = len(self.cadre_b.message_ids)
        self.Cadre._cron_cadence_reminders()
        self.assertEqual(self.reminders(self.cadre_b).mapped('activity_type_id'),
                         self.types['offline'])
        self.assertEqual(len(self.cadre_b.message_ids), messages + 2, 'done reminders logged')
        self.env['league.activity'].create({'name': '志愿活动', 'cadre_id': self.cadre_b.id,
                                            'kind': 'volunteer'})
        self.Cadre._cron_cadence_reminders()
        self.assertFalse(self.reminders(self.cadre_b))

    def test_daily_recompute_of_time_based_cadence(self):
        """A cadence met today falls behind as days pass without new logs: the
        daily job recomputes the stored values for its day."""
        self.make_log(self.cadre_b, self.youth_b1, date=self.days_ago(3))
        self.Cadre._cron_cadence_reminders()
        self.assertEqual(self.cadre_b.online_state, 'met')
        self.assertNotIn(self.types['online'],
                         self.reminders(self.cadre_b).mapped('activity_type_id'))
        later = fields.Date.to_string(self.models_today() + timedelta(days=5))
        with patch(TODAY, return_value=later):
            self.Cadre._cron_cadence_reminders()
        self.assertEqual(self.cadre_b.cadence_date, later)
        self.assertEqual(self.cadre_b.online_state, 'behind')
        self.assertEqual(self.cadre_b.online_days, 8)
        online = self.reminders(self.cadre_b).filtered(
            lambda a: a.activity_type_id == self.types['online'])
        self.assertIn('8 days', online.summary)
        self.assertEqual(online.date_deadline, later)


class TestCadenceShownForToday(LeagueTestCase):
    """Stored cadences of yesterday are shown as of today (issue 12): a cadre
    whose last log is 7 days old is "met" until the day changes, and is shown
    "behind" the next day even before the daily job runs."""

    def test_read_after_midnight_before_the_job(self):
        self.make_contact(self.cadre_a, self.youth_a1, date_start='2015-01-01')
        self.make_log(self.cadre_a, self.youth_a1, date=self.days_ago(7))
        as_cadre = self.cadre_a.sudo(self.user_cadre_a)
        row = as_cadre.read(['online_state', 'online_days'])[0]
        self.assertEqual((row['online_state'], row['online_days']), ('met', 7))
        tomorrow = fields.Date.to_string(self.models_today() + timedelta(days=1))
        with patch(TODAY, return_value=tomorrow):
            row = as_cadre.read(['online_state', 'online_days', 'behind_count'])[0]
            rows = as_cadre.search_read([('id', '=', self.cadre_a.id)], ['online_state'])
        self.assertEqual((row['online_state'], row['online_days']), ('behind', 8))
        self.assertEqual(rows[0]['online_state'], 'behind')
        # nothing was written: the job stores the day's values
        self.assertEqual(self.cadre_a.cadence_date, fields.Date.to_string(self.models_today()))
