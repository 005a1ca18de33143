# -*- coding: utf-8 -*-
"""The daily jobs take a number of queries that does not depend on the number
of cadres and reminders (issues 10 and 17), and the activities they create in
batches are those ``mail.activity.create`` makes."""
from datetime import timedelta
from itertools import count
from unittest.mock import patch

from odoo import fields

from .common import LeagueTestCase

from odoo.addons.youth_contact.models.league_common import schedule_activity

TODAY = 'odoo.addons.youth_contact.models.league_cadre.league_today'
_LOGINS = count(1)


class TestJobQueries(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestJobQueries, cls).setUpClass()
        cls.Activity = cls.env['mail.activity']
        cls.cadence_types = [cls.env.ref('youth_contact.mail_activity_type_%s' % key).id
                             for key in ('online', 'offline', 'face')]

    def new_cadres(self, number, organization):
        cadres = self.env['league.cadre']
        for _i in range(number):
            n = next(_LOGINS)
            user = self.make_user('jobq%d' % n, 'group_cadre')
            cadres |= self.make_cadre('计数干部%d' % n, organization, user)
        return cadres

    def queries(self, func, *args):
        self.env['league.cadre'].invalidate_cache()
        before = self.env.cr.sql_log_count
        func(*args)
        return self.env.cr.sql_log_count - before

    def reminders(self, cadres, types):
        return self.Activity.search([('res_model', '=', 'league.cadre'),
                                     ('res_id', 'in', cadres.ids),
                                     ('activity_type_id', 'in', types)])

    def cadence_job(self, cadres):
        """The body of the cadence job (_cron_cadence_reminders) on ``cadres`` only:
        the demo cadres of the database do not change the counts."""
        cadres._store_cadences()
        cadres._update_cadence_reminders()

    def test_cadence_job_queries_do_not_grow(self):
        self.cadence_job(self.new_cadres(1, self.town_a))   # warm the caches
        created, updated = [], []
        for number in (3, 6):
            cadres = self.new_cadres(number, self.town_a)
            # no log, no activity, no contact: online and offline behind
            created.append(self.queries(self.cadence_job, cadres))
            self.assertEqual(len(self.reminders(cadres, self.cadence_types)), 2 * number)
            # a day later the "days left in the quarter" of every offline reminder changes
            later = fields.Date.to_string(self.models_today() + timedelta(days=number))
            with patch(TODAY, return_value=later):
                updated.append(self.queries(self.cadence_job, cadres))
            offline = self.reminders(cadres, self.cadence_types[1:2])
            self.assertEqual(len(offline), number)
            self.assertEqual(len(set(offline.mapped('summary'))), 1)
        self.assertEqual(created[0], created[1], 'creating 6 or 12 reminders')
        self.assertEqual(updated[0], updated[1], 'updating 3 or 6 reminders')

    def test_grassroots_job_queries_do_not_grow(self):
        Day = self.env['league.grassroots.day']
        self.new_cadres(1, self.county_a)
        Day._cron_remind_behind()   # the demo cadres and the first one reminded
        counts = []
        reminder = self.env.ref('youth_contact.mail_activity_type_grassroots_reminder').id
        for number in (3, 6):
            cadres = self.new_cadres(number, self.county_a)
            counts.append(self.queries(Day._cron_remind_behind))
            self.assertEqual(len(self.reminders(cadres, [reminder])), number)
        self.assertEqual(counts[0], counts[1], 'creating 3 or 6 "4+1" reminders')

    def test_batch_activities_as_created_by_the_orm(self):
        """A reminder created in a batch has what mail.activity.create gives."""
        batch, orm = self.new_cadres(2, self.town_a)
        self.cadence_job(batch)
        schedule_activity(orm, 'youth_contact.mail_activity_type_online', orm.user_id,
                          'x', self.models_today())
        self.env['league.cadre'].invalidate_cache()
        activity = self.reminders(batch, self.cadence_types[:1])
        reference = self.reminders(orm, self.cadence_types[:1])
        self.assertEqual(activity.res_model, 'league.cadre')
        self.assertEqual(activity.res_model_id, reference.res_model_id)
        self.assertEqual(activity.res_name, batch.name)
        self.assertEqual(activity.user_id, batch.user_id)
        self.assertEqual(activity.date_deadline, fields.Date.to_string(self.models_today()))
        self.assertEqual(activity.create_uid, reference.create_uid)
        self.assertEqual(activity.state, 'today')
        # the next deadline of the cadre (stored) and its activity state
        self.assertEqual(batch.activity_date_deadline, activity.date_deadline)
        self.assertEqual(batch.activity_state, 'today')
        self.assertIn(activity, batch.activity_ids)
        # the user follows the cadre, with the same subtypes as through the ORM
        follower = batch.message_follower_ids.filtered(
            lambda f: f.partner_id == batch.user_id.partner_id)
        reference_follower = orm.message_follower_ids.filtered(
            lambda f: f.partner_id == orm.user_id.partner_id)
        self.assertTrue(follower)
        self.assertEqual(follower.subtype_ids, reference_follower.subtype_ids)
        # the user's activity counter is told (bus notification)
        self.env.cr.execute("SELECT count(*) FROM bus_bus WHERE channel = %s",
                            ('["%s","res.partner",%d]' % (self.env.cr.dbname,
                                                          batch.user_id.partner_id.id),))
        self.assertEqual(self.env.cr.fetchone()[0], 1)
        # the user sees it among their activities
        mine = self.Activity.sudo(batch.user_id).search([('user_id', '=', batch.user_id.id)])
        self.assertIn(activity, mine)
        # rerun: nothing created twice, the follower kept
        self.cadence_job(batch)
        self.assertEqual(len(self.reminders(batch, self.cadence_types)), 2)
        self.assertEqual(len(batch.message_follower_ids.filtered(
            lambda f: f.partner_id == batch.user_id.partner_id)), 1)

    def log_online(self, cadres):
        """An online contact log of each cadre: its online cadence is met again."""
        for cadre in cadres:
            youth = self.make_youth('计数青年%d' % next(_LOGINS), cadre.organization_id)
            self.make_contact(cadre, youth)
            self.make_log(cadre, youth, mode='wechat')

    def test_closing_queries_do_not_grow(self):
        """Closing reminders (cadence met again, grassroots day recorded) takes
        the same queries for 3 or 6 of them."""
        self.cadence_job(self.new_cadres(1, self.town_a))   # warm the caches
        closed = []
        for number in (3, 6):
            cadres = self.new_cadres(number, self.town_a)
            self.cadence_job(cadres)
            self.assertEqual(len(self.reminders(cadres, self.cadence_types[:1])), number)
            self.log_online(cadres)
            closed.append(self.queries(self.cadence_job, cadres))
            self.assertFalse(self.reminders(cadres, self.cadence_types[:1]))
            self.assertEqual(len(self.reminders(cadres, self.cadence_types[1:2])), number)
        self.assertEqual(closed[0], closed[1], 'closing 3 or 6 cadence reminders')

        Day = self.env['league.grassroots.day']
        reminder = self.env.ref('youth_contact.mail_activity_type_grassroots_reminder').id
        Day._cron_remind_behind()
        closed = []
        for number in (3, 6):
            cadres = self.new_cadres(number, self.county_a)
            Day._cron_remind_behind()
            self.assertEqual(len(self.reminders(cadres, [reminder])), number)
            for cadre in cadres:
                Day.create({'cadre_id': cadre.id, 'date': fields.Date.to_string(self.models_today()),
                            'place_type': 'enterprise', 'unit': '基层单位', 'work': '走访青年'})
            closed.append(self.queries(Day._cron_remind_behind))
            self.assertFalse(self.reminders(cadres, [reminder]))
        self.assertEqual(closed[0], closed[1], 'closing 3 or 6 "4+1" reminders')

    def test_closed_reminders_logged_as_by_action_feedback(self):
        """Each reminder closed by the job leaves on its cadre the "done" message
        action_feedback posts, with the same text."""
        batch, orm = self.new_cadres(2, self.town_a)
        self.cadence_job(batch)
        reminder = self.reminders(batch, self.cadence_types[:1])
        # the reference: the same reminder (type, user, summary) on another
        # cadre, closed through Odoo as the jobs did
        reference = schedule_activity(orm, 'youth_contact.mail_activity_type_online',
                                      batch.user_id, reminder.summary, reminder.date_deadline)
        feedback = 'The cadence is met again.'
        reference.action_feedback(feedback=feedback)
        expected = orm.message_ids[0]
        messages = len(batch.message_ids)
        deadline = batch.activity_date_deadline
        notified = self.deletions_notified(batch.user_id)
        self.log_online(batch)
        self.env['league.cadre'].invalidate_cache()
        self.cadence_job(batch)
        self.assertFalse(reminder.exists())
        self.assertEqual(len(batch.message_ids), messages + 1, 'one message per closed reminder')
        done = batch.message_ids[0]
        self.assertIn(feedback, done.body)
        self.assertEqual(done.body, expected.body)
        for name in ('model', 'message_type', 'subtype_id', 'mail_activity_type_id',
                     'author_id', 'email_from', 'no_auto_thread', 'create_uid'):
            self.assertEqual(done[name], expected[name], name)
        self.assertEqual(done.res_id, batch.id)
        self.assertEqual(done.record_name, batch.name)
        self.assertEqual(done.subject, expected.subject.replace(orm.name, batch.name))
        self.assertEqual(done.reply_to, expected.reply_to)
        self.assertIn('-league.cadre@', done.message_id)
        self.assertNotEqual(done.message_id, expected.message_id)
        # message_post's flat thread: the cadre's first message is the parent
        first = self.env['mail.message'].search([('model', '=', 'league.cadre'),
                                                 ('res_id', '=', batch.id)], order='id', limit=1)
        self.assertEqual(done.parent_id, first if first != done else self.env['mail.message'])
        # the cadre's stored next deadline follows the remaining (offline) reminder
        offline = self.reminders(batch, self.cadence_types[1:2])
        self.assertEqual(batch.activity_date_deadline, offline.date_deadline)
        self.assertNotEqual(deadline, batch.activity_date_deadline)
        # the user's activity counter is told of the deletion
        self.assertEqual(self.deletions_notified(batch.user_id), notified + 1)

    def deletions_notified(self, user):
        self.env.cr.execute("SELECT count(*) FROM bus_bus WHERE channel = %s AND message LIKE %s",
                            ('["%s","res.partner",%d]' % (self.env.cr.dbname, user.partner_id.id),
                             '%activity_deleted%'))
        return self.env.cr.fetchone()[0]
