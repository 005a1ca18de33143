# -*- coding: utf-8 -*-
""""4+1" counted from a city setting: an office that starts using the system
mid-year is not behind on the weeks before it started.

The compliance view's own query runs on a fixed day (``_view_query`` with that
day instead of China's today) while the models' today is patched to the same
day, so the figures do not depend on the day the tests run."""
from datetime import date, datetime
from unittest.mock import patch

import pytz

from odoo.exceptions import AccessError
from odoo.models import check_method_name
from odoo.service.model import execute_cr

from odoo.addons.youth_contact.models import league_common

from .scheme_common import SchemeTestCase
from ..models.league_common import GRASSROOTS_START_PARAM

TODAY = date(2026, 12, 1)        # a Tuesday of ISO week 2026-W49
THIS_MONDAY = date(2026, 11, 30)
YEAR_START = date(2025, 12, 29)  # Monday of ISO week 2026-W01
COLUMNS = ['date_from', 'weeks_elapsed', 'weeks_met', 'weeks_missed', 'rate', 'behind',
           'recent_missed']


class TestGrassrootsStart(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestGrassrootsStart, cls).setUpClass()
        cls.user_organ = cls.make_user('organ_start', 'group_cadre')
        cls.organ = cls.make_cadre('县委干部起算', cls.county_a, cls.user_organ)

    def setUp(self):
        super(TestGrassrootsStart, self).setUp()
        now = pytz.timezone(league_common.LEAGUE_TZ).localize(
            datetime.combine(TODAY, datetime.min.time()).replace(hour=10))
        patcher = patch.object(league_common, 'league_now', return_value=now)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.set_start(False)

    def set_start(self, day):
        self.env['ir.config_parameter'].sudo().set_param(
            GRASSROOTS_START_PARAM, day and day.isoformat() or False)

    def record(self, *days):
        for day in days:
            self.env['league.grassroots.day'].sudo(self.user_organ).create({
                'cadre_id': self.organ.id, 'date': day.isoformat(), 'place_type': 'park',
                'unit': '梅州高新区产业园', 'work': '走访园区青年'})

    def figures(self, cadre=None):
        """The view's row of ``cadre`` on TODAY: {column: value}."""
        query = self.env['league.grassroots.compliance']._view_query(
            "DATE '%s'" % TODAY.isoformat())
        self.env.cr.execute('SELECT %s FROM (%s) v WHERE cadre_id = %%s'
                            % (', '.join(COLUMNS), query), ((cadre or self.organ).id,))
        row = self.env.cr.dictfetchone()
        row['date_from'] = str(row['date_from'])
        row['rate'] = float(row['rate'])
        return row

    def expect(self, date_from, elapsed, met, missed, rate, behind, recent_missed=False):
        return {'date_from': date_from.isoformat(), 'weeks_elapsed': elapsed,
                'weeks_met': met, 'weeks_missed': missed, 'rate': rate, 'behind': behind,
                'recent_missed': recent_missed}

    def test_weeks_before_the_start_date_are_not_counted(self):
        # a day in October, then every week from the week of the start date on
        self.record(date(2026, 10, 20), date(2026, 11, 3), date(2026, 11, 10),
                    date(2026, 11, 17), date(2026, 11, 24), TODAY)
        self.set_start(date(2026, 11, 4))     # a Wednesday: its week counts
        self.assertEqual(self.figures(), self.expect(
            date(2026, 11, 2), elapsed=5, met=5, missed=0, rate=100.0, behind=False))
        # the same days counted from the start of the year: behind
        self.set_start(False)
        self.assertEqual(self.figures(), self.expect(
            YEAR_START, elapsed=49, met=6, missed=43, rate=12.2, behind=True))

    def test_twenty_percent_since_the_start_date_is_behind(self):
        self.set_start(date(2026, 10, 26))    # 5 weeks before this week
        self.record(date(2026, 11, 24))       # last week only: no recent miss
        self.assertEqual(self.figures(), self.expect(
            date(2026, 10, 26), elapsed=5, met=1, missed=4, rate=20.0, behind=True))
        # a grassroots day in 4 of the 5 weeks (80%): on track
        self.record(date(2026, 10, 27), date(2026, 11, 4), date(2026, 11, 11))
        self.assertEqual(self.figures(), self.expect(
            date(2026, 10, 26), elapsed=5, met=4, missed=1, rate=80.0, behind=False))

    def test_empty_setting_is_the_start_of_the_year(self):
        self.record(date(2026, 11, 24))
        empty = self.expect(YEAR_START, elapsed=48, met=1, missed=47, rate=2.1, behind=True)
        self.assertEqual(self.figures(), empty)
        # a start date before the year: the year's start still
        self.set_start(date(2025, 6, 2))
        self.assertEqual(self.figures(), empty)
        # not a date (set by hand in the system parameters): ignored
        self.set_start(False)
        self.env['ir.config_parameter'].sudo().set_param(GRASSROOTS_START_PARAM, 'soon')
        self.assertEqual(self.figures(), empty)

    def test_start_this_week_or_later(self):
        """Last week is not missed before the start: no reminder, not behind."""
        self.set_start(THIS_MONDAY)
        self.assertEqual(self.figures(), self.expect(
            THIS_MONDAY, elapsed=0, met=0, missed=0, rate=100.0, behind=False))
        self.record(TODAY)
        self.assertEqual(self.figures(), self.expect(
            THIS_MONDAY, elapsed=1, met=1, missed=0, rate=100.0, behind=False))
        self.set_start(date(2026, 12, 14))
        self.assertEqual(self.figures(), self.expect(
            date(2026, 12, 14), elapsed=0, met=0, missed=0, rate=100.0, behind=False))
        # from last week on, nothing last week nor this week is a recent miss
        self.set_start(date(2026, 11, 23))
        other = self.make_cadre('县委干部未报到', self.county_a)
        self.assertEqual(self.figures(other), self.expect(
            date(2026, 11, 23), elapsed=1, met=0, missed=1, rate=0.0, behind=True,
            recent_missed=True))

    def test_city_admin_sets_it_through_the_form(self):
        form = self.env['league.settings'].sudo(self.user_city).create({})
        self.assertFalse(form.league_grassroots_start)
        form.write({'league_grassroots_start': '2026-09-21'})
        form.execute()
        params = self.env['ir.config_parameter'].sudo()
        self.assertEqual(params.get_param(GRASSROOTS_START_PARAM), '2026-09-21')
        self.assertEqual(self.figures()['date_from'], '2026-09-21')
        # both settings forms show it
        self.assertEqual(self.env['league.settings'].sudo(self.user_city).create(
            {}).league_grassroots_start, '2026-09-21')
        self.assertEqual(self.env['res.config.settings'].create({}).league_grassroots_start,
                         '2026-09-21')
        # emptied: the parameter is removed, the year's start again
        form = self.env['league.settings'].sudo(self.user_city).create({})
        form.write({'league_grassroots_start': False})
        form.execute()
        self.assertFalse(params.get_param(GRASSROOTS_START_PARAM))
        self.assertEqual(self.figures()['date_from'], YEAR_START.isoformat())

    def rpc(self, user, model, method, *args):
        """As an XML-RPC call of ``user`` (the dispatcher's checks and call)."""
        check_method_name(method)
        return execute_cr(self.env.cr, user.id, model, method, *args)

    def test_cadre_cannot_change_it_over_rpc(self):
        self.set_start(date(2026, 9, 21))
        for user in (self.user_organ, self.user_admin_a):
            settings_id = self.rpc(user, 'league.settings', 'create',
                                   {'league_grassroots_start': '2026-11-30'})
            with self.assertRaisesRegex(AccessError, 'Only the city administrator'):
                self.rpc(user, 'league.settings', 'execute', [settings_id])
            with self.assertRaises(AccessError):
                page_id = self.rpc(user, 'res.config.settings', 'create',
                                   {'league_grassroots_start': '2026-11-30'})
                self.rpc(user, 'res.config.settings', 'execute', [page_id])
            with self.assertRaises(AccessError):
                self.rpc(user, 'ir.config_parameter', 'set_param', GRASSROOTS_START_PARAM,
                         '2026-11-30')
            with self.assertRaises(AccessError):
                self.rpc(user, 'league.settings', '_league_set_values',
                         {'league_grassroots_start': '2026-11-30'})
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param(
            GRASSROOTS_START_PARAM), '2026-09-21')
        # the city administrator can, the same way
        settings_id = self.rpc(self.user_city, 'league.settings', 'create',
                               {'league_grassroots_start': '2026-11-30'})
        self.rpc(self.user_city, 'league.settings', 'execute', [settings_id])
        self.assertEqual(self.env['ir.config_parameter'].sudo().get_param(
            GRASSROOTS_START_PARAM), '2026-11-30')
