# -*- coding: utf-8 -*-
"""No context a client can send opens a workflow guard (issue 9).

Every context key the addons ever used for their own writes, and the name of
the current server-side mark, are sent with every attempt, as each role and
as the superuser: states change only through the ``action_*`` methods, and
approved plans (with batches and groups), closed open days (with attendees and
sector lines) are frozen.
"""
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.youth_contact.models.league_guard import is_server_side, server_side

from .scheme_common import SchemeTestCase

# what a client may send: the old keys, the mark's name with a plain value, a date
CLIENT_KEYS = {
    'league_workflow_transition': True,
    'league_evaluation_compute': True,
    'league_server_side': True,
    'league_today': '2099-01-01',
}
REFUSED = (AccessError, UserError)


class IntegrityCase(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(IntegrityCase, cls).setUpClass()
        cls.roles = [cls.user_cadre_a, cls.user_admin_a, cls.user_city]

    def as_client(self, records, user=None):
        """``records`` as ``user`` (superuser by default) with every client key."""
        records = records.sudo(user) if user else records
        return records.with_context(**CLIENT_KEYS)

    def each_caller(self, records):
        """``records`` as every role and as the superuser, with the client keys."""
        return [self.as_client(records, user) for user in self.roles] + [
            self.as_client(records)]

    def assertAllRefused(self, records, call, regex=''):
        """``call(records_as_caller)`` is refused for every caller."""
        for caller in self.each_caller(records):
            with self.assertRejected(regex, REFUSED):
                call(caller)


class TestGuardMark(IntegrityCase):

    def test_mark_cannot_be_sent(self):
        record = self.env['league.rotation.plan']
        self.assertFalse(is_server_side(record))
        self.assertFalse(is_server_side(record.with_context(**CLIENT_KEYS)))
        self.assertTrue(is_server_side(server_side(record)))
        # the mark survives changes of user and language inside the server
        self.assertTrue(is_server_side(server_side(record).sudo(self.user_city)
                                       .with_context(lang='zh_CN')))


class TestPlanIntegrity(IntegrityCase):

    @classmethod
    def setUpClass(cls):
        super(TestPlanIntegrity, cls).setUpClass()
        cls.staff_county_a()

    def new_plan(self):
        plan = self.env['league.rotation.plan'].sudo(self.user_admin_a).create(
            {'county_id': self.county_a.id, 'year': self.year})
        plan.action_propose()
        return plan.sudo()

    def test_state_never_written(self):
        plan = self.new_plan()
        empty = self.env['league.rotation.plan'].create(
            {'county_id': self.county_b.id, 'year': self.year})
        for record in (plan, empty):
            for state in ('submitted', 'approved', 'done', 'rejected'):
                self.assertAllRefused(record, lambda r: r.write({'state': state}))
        with self.assertRejected('workflow buttons', UserError):
            self.as_client(empty).write({'state': 'approved'})
        self.assertEqual((plan.state, empty.state), ('draft', 'draft'))
        # a county administrator does not approve his own plan, with or without keys
        plan.action_submit()
        with self.assertRejected('Only a city administrator', AccessError):
            self.as_client(plan, self.user_admin_a).action_approve()
        self.assertEqual(plan.state, 'submitted')

    def test_create_and_copy_start_in_draft(self):
        Plan = self.env['league.rotation.plan']
        for caller in self.each_caller(Plan):
            with self.assertRejected('workflow buttons', REFUSED):
                caller.create({'county_id': self.county_a.id, 'year': 2030,
                               'state': 'approved'})
        plan = self.new_plan()
        plan.action_submit()
        plan.sudo(self.user_city).action_approve()
        self.assertAllRefused(plan, lambda r: r.copy({'year': 2031, 'state': 'approved'}))
        copy = plan.copy({'year': 2031})
        self.assertEqual(copy.state, 'draft')

    def test_approved_plan_frozen_with_batches_and_groups(self):
        plan = self.new_plan()
        plan.action_submit()
        plan.sudo(self.user_city).action_approve()
        batch, group = plan.batch_ids[0], plan.group_ids[0]
        before = (plan.year, batch.date_start, batch.date_end, group.cadre_ids,
                  len(plan.batch_ids), len(plan.group_ids))
        others = self.env['league.cadre'].search([('county_id', '=', self.county_a.id)])
        self.assertAllRefused(plan, lambda r: r.write({'year': 2030}))
        self.assertAllRefused(plan, lambda r: r.unlink())
        self.assertAllRefused(batch, lambda r: r.write({'date_end': '2026-01-05'}))
        self.assertAllRefused(batch, lambda r: r.unlink())
        self.assertAllRefused(group, lambda r: r.write({'cadre_ids': [(6, 0, others[:2].ids)]}))
        self.assertAllRefused(group, lambda r: r.write({'summary_date': '2026-01-01'}))
        self.assertAllRefused(group, lambda r: r.unlink())
        self.assertAllRefused(self.env['league.rotation.batch'], lambda r: r.create({
            'plan_id': plan.id, 'sequence': 4, 'date_start': '2026-12-01',
            'date_end': '2026-12-31'}))
        self.assertAllRefused(self.env['league.rotation.group'], lambda r: r.create({
            'batch_id': batch.id, 'cadre_ids': [(6, 0, others[:2].ids)]}))
        self.env['base'].invalidate_cache()
        self.assertEqual(before, (plan.year, batch.date_start, batch.date_end, group.cadre_ids,
                                  len(plan.batch_ids), len(plan.group_ids)))
        self.assertEqual(plan.state, 'approved')


class TestOpenDayIntegrity(IntegrityCase):

    @classmethod
    def setUpClass(cls):
        super(TestOpenDayIntegrity, cls).setUpClass()
        cls.youth = cls.make_attendees(50)

    def held_day(self):
        day = self.env['league.open.day'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'date': self.days_ago(1), 'place': '会议室'})
        day.action_submit()
        day.sudo(self.user_city).action_approve()
        day.action_hold()
        return day.sudo()

    def test_no_close_without_attendees(self):
        day = self.held_day()
        for state in ('closed', 'approved', 'draft'):
            self.assertAllRefused(day, lambda r: r.write({'state': state}))
        with self.assertRejected('at least 50', UserError):
            self.as_client(day, self.user_admin_a).action_close()
        self.assertAllRefused(day, lambda r: r.write({'sector_count': 7}))
        self.assertAllRefused(day, lambda r: r.write({'date_closed': self.days_ago(1)}))
        self.assertEqual((day.state, day.sector_count, day.date_closed), ('held', 0, False))

    def test_closed_day_frozen_with_attendees_and_sectors(self):
        day = self.held_day()
        day.write({'attendee_ids': [(6, 0, self.youth.ids)]})
        day.sudo(self.user_admin_a).action_close()
        self.assertEqual(day.state, 'closed')
        lines = day.sector_line_ids
        self.assertEqual(sum(lines.mapped('attendee_count')), 50)
        self.assertAllRefused(day, lambda r: r.write({'attendee_ids': [(5,)]}))
        self.assertAllRefused(day, lambda r: r.write({'date': self.days_ago(3)}))
        self.assertAllRefused(day, lambda r: r.unlink())
        self.assertAllRefused(lines[0], lambda r: r.write({'attendee_count': 500}))
        self.assertAllRefused(lines[0], lambda r: r.unlink())
        self.assertAllRefused(self.env['league.open.day.sector'], lambda r: r.create(
            {'open_day_id': day.id, 'sector': 'new_media', 'attendee_count': 9}))
        self.env['base'].invalidate_cache()
        self.assertEqual(len(day.attendee_ids), 50)
        self.assertEqual(day.sector_line_ids, lines)
        self.assertEqual(sum(lines.mapped('attendee_count')), 50)


class TestConcernPairingIntegrity(IntegrityCase):

    def test_concern_state_only_through_buttons(self):
        self.make_contact(self.cadre_a, self.youth_a1)
        concern = self.env['league.concern'].sudo(self.user_cadre_a).create({
            'name': '求职', 'youth_id': self.youth_a1.id, 'cadre_id': self.cadre_a.id,
            'description': '需要实习岗位'}).sudo()
        for state in ('answered', 'closed', 'escalated'):
            self.assertAllRefused(concern, lambda r: r.write({'state': state}),
                                  'workflow buttons')
        self.assertAllRefused(concern, lambda r: r.write({'date_closed': self.days_ago(0)}))
        with self.assertRejected('not possible', UserError):
            self.as_client(concern, self.user_cadre_a).action_close()
        self.assertEqual((concern.state, concern.date_closed), ('new', False))

    def test_pairing_state_only_through_buttons(self):
        self.make_contact(self.cadre_a, self.youth_a1)
        helped = self.make_youth('留守儿童', self.town_a, hardship='left_behind')
        pairing = self.env['league.pairing'].sudo(self.user_cadre_a).create({
            'cadre_id': self.cadre_a.id, 'mentor_id': self.youth_a1.id,
            'beneficiary_id': helped.id}).sudo()
        self.assertAllRefused(pairing, lambda r: r.write({'state': 'done'}), 'workflow buttons')
        self.assertAllRefused(pairing, lambda r: r.write({'date_end': self.days_ago(0)}))
        for caller in self.each_caller(self.env['league.pairing']):
            with self.assertRejected('workflow buttons', REFUSED):
                caller.create({'cadre_id': self.cadre_a.id, 'mentor_id': self.youth_a1.id,
                               'beneficiary_id': helped.id, 'state': 'done'})
        self.assertEqual(pairing.state, 'active')


class TestTodayFromServer(IntegrityCase):

    def test_cadence_today_not_from_context(self):
        """A cadre cannot store "met" by sending a date: the cadences use China's
        date whatever the context or the user's time zone."""
        self.make_contact(self.cadre_a, self.youth_a1, date_start='2015-01-01')
        old = fields.Date.to_string(self.models_today() - timedelta(days=30))
        self.make_log(self.cadre_a, self.youth_a1, date=old)
        as_cadre = self.cadre_a.sudo(self.user_cadre_a)
        as_cadre.user_id.sudo().write({'tz': 'Pacific/Kiritimati'})
        for context in (CLIENT_KEYS, {'league_today': old}, {'tz': 'Etc/GMT+12'}):
            record = as_cadre.with_context(**context)
            values = record._cadence_values()[self.cadre_a.id]
            self.assertEqual(values['cadence_date'], fields.Date.to_string(self.models_today()))
            self.assertEqual(values['online_state'], 'behind')

    def test_models_use_one_today(self):
        later = '2031-05-06'
        with patch('odoo.addons.youth_contact.models.league_cadre.league_today',
                   return_value=later):
            self.assertEqual(self.cadre_a._league_today(), fields.Date.from_string(later))
        self.assertEqual(self.cadre_a.with_context(**CLIENT_KEYS)._league_today(),
                         self.models_today())
