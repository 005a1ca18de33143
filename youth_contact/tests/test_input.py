# -*- coding: utf-8 -*-
"""Bad input through forms and the API gets a clear message and writes nothing
(issue 11): blank names, over-long texts, unknown selection keys, impossible
or out-of-range dates, control characters."""
from odoo.exceptions import ValidationError

from odoo.addons.youth_contact.models.league_input_mixin import CHAR_MAX, TEXT_MAX

from .common import LeagueTestCase


class TestInput(LeagueTestCase):

    def assertRefusedAsUser(self, user, model, vals, regex, record=None):
        Model = self.env[model].sudo(user)
        with self.assertRejected(regex, ValidationError):
            if record:
                record.sudo(user).write(vals)
            else:
                Model.create(vals)

    def youth_vals(self, **vals):
        values = {'name': '新青年', 'organization_id': self.unit_a.id, 'gender': 'male',
                  'mobile': self.next_mobile(), 'sector': 'enterprise'}
        values.update(vals)
        return values

    def test_blank_and_long_names(self):
        user = self.user_admin_a
        for name in ('   ', '\u3000 \t', ''):
            self.assertRefusedAsUser(user, 'league.youth', self.youth_vals(name=name),
                                     'cannot be empty|required')
        self.assertRefusedAsUser(user, 'league.youth', self.youth_vals(name='张' * 1000),
                                 'too long: 1000 characters, at most %d' % CHAR_MAX)
        self.assertRefusedAsUser(user, 'league.cadre', {
            'name': '   ', 'organization_id': self.town_a.id, 'category': 'full_time',
            'wechat': 'wx_blank'}, 'cannot be empty')
        self.assertRefusedAsUser(self.user_city, 'league.organization', {
            'name': ' ', 'level': 'unit', 'parent_id': self.town_a.id}, 'cannot be empty')
        self.assertRefusedAsUser(user, 'league.youth', {'name': '   '}, 'cannot be empty',
                                 record=self.youth_a1)
        self.assertEqual(self.youth_a1.name, '刘洋')
        # names are trimmed
        youth = self.env['league.youth'].sudo(user).create(self.youth_vals(name='  李明 '))
        self.assertEqual(youth.name, '李明')

    def test_long_texts_and_control_characters(self):
        self.make_contact(self.cadre_a, self.youth_a1)
        log = self.make_log(self.cadre_a, self.youth_a1)
        as_cadre = log.sudo(self.user_cadre_a)
        with self.assertRejected('at most %d' % TEXT_MAX, ValidationError):
            as_cadre.write({'content': 'x' * (10 * 1024 * 1024)})
        as_cadre.write({'content': '线上\x07交流\x00'})
        self.assertEqual(log.content, '线上交流')

    def test_selection_keys(self):
        self.assertRefusedAsUser(self.user_admin_a, 'league.cadre', {
            'name': '赵六', 'organization_id': self.town_a.id, 'category': 'boss',
            'wechat': 'wx_boss'}, '"boss" is not one of the choices')
        self.assertRefusedAsUser(self.user_admin_a, 'league.youth',
                                 self.youth_vals(sector='space'), 'not one of the choices')
        self.assertRefusedAsUser(self.user_admin_a, 'league.youth', {'gender': 'x'},
                                 'not one of the choices', record=self.youth_a1)

    def test_dates(self):
        self.make_contact(self.cadre_a, self.youth_a1)
        Log = self.env['league.contact.log'].sudo(self.user_cadre_a)
        base = {'cadre_id': self.cadre_a.id, 'youth_ids': [(6, 0, self.youth_a1.ids)],
                'mode': 'wechat', 'topic': 'guidance', 'content': '交流'}
        for day, regex in (('2025-02-30', 'is not a date'), ('yesterday', 'is not a date'),
                           ('1900-01-01', 'outside the possible dates'),
                           ('9999-12-31', 'outside the possible dates')):
            with self.assertRejected(regex, ValidationError):
                Log.create(dict(base, date=day))
        self.assertFalse(Log.search([('cadre_id', '=', self.cadre_a.id)]))
        Day = self.env['league.grassroots.day'].sudo(self.user_cadre_a)
        with self.assertRejected('outside the possible dates', ValidationError):
            Day.create({'cadre_id': self.cadre_a.id, 'date': '1900-01-01',
                        'place_type': 'region', 'unit': '园区', 'work': '走访'})
