# -*- coding: utf-8 -*-
from datetime import date, timedelta

from odoo import fields

from odoo.addons.youth_contact.models.league_guard import server_side

from .scheme_common import SECTOR_CYCLE, SchemeTestCase


class TestOpenDay(SchemeTestCase):
    """Quarterly open days: workflow per role, the 50-attendee rule, sectors
    covered, attendees turned into contacts, counties behind."""

    @classmethod
    def setUpClass(cls):
        super(TestOpenDay, cls).setUpClass()
        cls.youth = cls.make_attendees(52)
        cls.past = cls.days_ago(1)

    def new_day(self, user=None, **vals):
        values = {'county_id': self.county_a.id, 'date': self.past, 'place': '梅江区团委会议室'}
        values.update(vals)
        return self.env['league.open.day'].sudo(user or self.user_admin_a).create(values)

    def held_day(self, attendees):
        day = self.new_day()
        day.action_submit()
        day.sudo(self.user_city).action_approve()
        day.action_hold()
        day.write({'attendee_ids': [(6, 0, attendees.ids)]})
        return day

    def test_defaults(self):
        day = self.new_day(date='2026-05-04')
        self.assertEqual(day.theme, '学讲话 话改革 谋发展')
        self.assertEqual((day.year, day.quarter), (2026, '2'))
        self.assertEqual(day.state, 'draft')
        self.assertEqual(day.min_attendees, 50)

    def test_full_workflow_and_fifty_attendees(self):
        day = self.new_day()
        day.action_submit()
        activities = day.activity_ids.sudo()
        self.assertIn(self.user_city, activities.mapped('user_id'))
        day.sudo(self.user_city).action_approve()
        self.assertEqual(day.state, 'approved')
        self.assertFalse(day.sudo().activity_ids)
        day.action_hold()
        self.assertEqual(day.state, 'held')
        day.write({'attendee_ids': [(6, 0, self.youth[:49].ids)]})
        with self.assertRefused('at least 50 youth.*49 attendee'):
            day.action_close()
        self.assertEqual(day.state, 'held')
        day.write({'attendee_ids': [(4, self.youth[49].id)]})
        day.action_close()
        self.assertEqual(day.state, 'closed')
        self.assertEqual(day.attendee_count, 50)
        self.assertEqual(day.sector_count, 4)
        self.assertEqual(sorted(day.sector_line_ids.mapped('sector')),
                         sorted(SECTOR_CYCLE[:4]))
        self.assertEqual(sum(day.sector_line_ids.mapped('attendee_count')), 50)
        self.assertIn('Enterprise', day.sectors_covered)
        with self.assertRefused('can no longer be changed'):
            day.write({'attendee_ids': [(5,)]})
        with self.assertRefused('cannot be deleted'):
            day.unlink()

    def test_minimum_is_configurable(self):
        settings = self.env['res.config.settings'].create({})
        self.assertEqual(settings.league_open_day_min_attendees, 50)
        with self.assertRejected('at least 1'):
            self.env['res.config.settings'].create({'league_open_day_min_attendees': 0})
        self.env['res.config.settings'].create({'league_open_day_min_attendees': 3}).execute()
        self.assertEqual(self.env['ir.config_parameter'].get_param(
            'youth_contact.open_day_min_attendees'), '3')
        day = self.held_day(self.youth[:3])
        self.assertEqual(day.min_attendees, 3)
        day.action_close()
        self.assertEqual(day.state, 'closed')
        self.env['ir.config_parameter'].set_param('youth_contact.open_day_min_attendees', 'x')
        self.assertEqual(self.env['league.open.day']._get_min_attendees(), 50)

    def test_roles(self):
        day = self.new_day()
        cadre_day = day.sudo(self.user_cadre_a)
        self.assertEqual(cadre_day.theme, day.theme)  # cadres of the county can read it
        with self.assertAccessDenied('Only a county administrator'):
            cadre_day.action_submit()
        with self.assertAccessDenied():
            cadre_day.write({'place': '别处'})
        with self.assertAccessDenied():
            self.new_day(user=self.user_cadre_a)
        self.assertFalse(self.env['league.open.day'].sudo(self.user_admin_b).search([]))
        self.assertFalse(self.env['league.open.day'].sudo(self.user_cadre_b).search([]))
        with self.assertAccessDenied():
            day.sudo(self.user_admin_b).write({'place': '越权'})
        with self.assertAccessDenied():
            self.new_day(user=self.user_admin_b)
        day.action_submit()
        with self.assertAccessDenied('Only a city administrator'):
            day.action_approve()
        with self.assertAccessDenied('Only a city administrator'):
            day.action_reject(reason='不行')
        day.sudo(self.user_city).action_approve()
        with self.assertAccessDenied('Only a county administrator'):
            cadre_day.action_hold()
        day.action_hold()
        day.write({'attendee_ids': [(6, 0, self.youth[:50].ids)]})
        with self.assertAccessDenied('Only a county administrator'):
            cadre_day.action_close()
        day.action_close()

    def test_reject_and_back_to_draft(self):
        day = self.new_day()
        day.action_submit()
        self.assertRejectedWithReason(day, '日期与省团委活动冲突')
        with self.assertRefused('not possible'):
            day.action_hold()
        day.action_draft()
        day.write({'date': fields.Date.to_string(self.models_today() - timedelta(days=2))})
        day.action_submit()
        self.assertEqual(day.state, 'submitted')

    def test_transitions_guarded(self):
        day = self.new_day()
        for user in (self.env.user, self.user_admin_a, self.user_city):
            with self.assertRefused('workflow buttons'):
                day.sudo(user).write({'state': 'closed'})
        with self.assertRefused('workflow buttons'):
            self.new_day(user=self.user_city, state='held')
        with self.assertRefused('not possible'):
            day.action_hold()
        with self.assertRefused('not possible'):
            day.action_close()
        with self.assertRefused('not possible'):
            day.sudo(self.user_city).action_approve()
        day.write({'place': ' '})
        with self.assertRefused('place is missing'):
            day.action_submit()
        day.write({'place': '会议室'})
        day.action_submit()
        with self.assertRefused('can no longer be changed'):
            day.write({'date': '2026-01-05'})
        with self.assertRefused('not possible'):
            day.action_submit()

    def test_hold_not_before_the_date(self):
        future = fields.Date.to_string(self.models_today() + timedelta(days=10))
        day = self.new_day(date=future)
        day.action_submit()
        day.sudo(self.user_city).action_approve()
        with self.assertRefused('marked as held from that day on'):
            day.action_hold()
        self.assertEqual(day.state, 'approved')

    def test_attendees_become_contacts_once(self):
        day = self.held_day(self.youth[:6])
        day.write({'cadre_ids': [(6, 0, (self.cadre_a | self.cadre_a2).ids)]})
        existing = self.make_contact(self.cadre_a2, self.youth[0])
        action = day.action_convert_attendees()
        Wizard = self.env['league.open.day.convert.wizard'].sudo(self.user_admin_a)
        wizard = Wizard.with_context(action['context']).create({})
        self.assertEqual(wizard.cadre_ids, self.cadre_a | self.cadre_a2)
        wizard.action_convert()
        self.assertIn('5 contact relation(s) created, 1 already existing', wizard.result)
        contacts = self.env['league.contact'].search([('youth_id', 'in', self.youth[:6].ids)])
        self.assertEqual(len(contacts), 6)
        self.assertEqual(len(contacts.filtered(lambda c: c.cadre_id == self.cadre_a)), 3)
        self.assertEqual(set((contacts - existing).mapped('channel')), {'offline'})
        self.assertEqual(set((contacts - existing).mapped('date_start')), {day.date})
        # again: nothing new
        again = Wizard.with_context(action['context']).create({})
        again.action_convert()
        self.assertIn('0 contact relation(s) created, 6 already existing', again.result)
        # every cadre with every attendee: only the missing pairs
        both = Wizard.create({'open_day_id': day.id, 'mode': 'all',
                              'cadre_ids': [(6, 0, (self.cadre_a | self.cadre_a2).ids)]})
        both.action_convert()
        self.assertIn('6 contact relation(s) created, 6 already existing', both.result)
        self.assertEqual(self.env['league.contact'].search_count(
            [('youth_id', 'in', self.youth[:6].ids)]), 12)
        both.action_convert()
        self.assertEqual(self.env['league.contact'].search_count(
            [('youth_id', 'in', self.youth[:6].ids)]), 12)

    def test_conversion_refused(self):
        day = self.new_day()
        wizard = self.env['league.open.day.convert.wizard'].sudo(self.user_admin_a).create(
            {'open_day_id': day.id, 'cadre_ids': [(6, 0, self.cadre_a.ids)]})
        with self.assertRefused('once the open day has been held'):
            wizard.action_convert()
        day = self.held_day(self.youth[:2])
        wizard = self.env['league.open.day.convert.wizard'].create(
            {'open_day_id': day.id, 'cadre_ids': [(6, 0, self.cadre_b.ids)]})
        with self.assertRefused('must belong to'):
            wizard.action_convert()
        other = self.env['league.open.day.convert.wizard'].sudo(self.user_admin_b).create(
            {'open_day_id': day.id, 'cadre_ids': [(6, 0, self.cadre_b.ids)]})
        with self.assertAccessDenied():
            other.action_convert()
        cadre = self.env['league.open.day.convert.wizard'].sudo(self.user_cadre_a).create(
            {'open_day_id': day.id, 'cadre_ids': [(6, 0, self.cadre_a.ids)]})
        with self.assertAccessDenied('Only a county administrator'):
            cadre.action_convert()

    def test_counties_behind_per_quarter(self):
        today = self.models_today()
        # a day of the previous quarter
        first_of_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        previous = first_of_quarter - timedelta(days=20)
        quarter = str((previous.month - 1) // 3 + 1)
        day = self.held_day(self.youth[:50])
        # a held open day's date is frozen: move it as the server would
        server_side(day).write({'date': fields.Date.to_string(previous)})
        day.action_close()
        Quarter = self.env['league.open.day.quarter']
        line_a = Quarter.search([('county_id', '=', self.county_a.id),
                                 ('year', '=', previous.year), ('quarter', '=', quarter)])
        line_b = Quarter.search([('county_id', '=', self.county_b.id),
                                 ('year', '=', previous.year), ('quarter', '=', quarter)])
        self.assertEqual((line_a.status, line_a.closed_count, line_a.attendee_count),
                         ('met', 1, 50))
        self.assertTrue(line_a.is_last_quarter)
        self.assertEqual(line_b.status, 'behind')
        current = Quarter.search([('county_id', '=', self.county_b.id),
                                  ('year', '=', today.year),
                                  ('quarter', '=', str((today.month - 1) // 3 + 1))])
        self.assertEqual(current.status, 'pending')
        # a county administrator sees their county only
        seen = Quarter.sudo(self.user_admin_b).search([])
        self.assertEqual(seen.mapped('county_id'), self.county_b)
