# -*- coding: utf-8 -*-
"""One "today" (issue 12): the Python helper and the SQL expression of the views
give China's date, and agree at the day boundaries (China's midnight is 16:00
UTC; UTC's midnight is 08:00 in China), whatever the hour the test runs."""
from datetime import datetime
from unittest.mock import patch

import pytz

from odoo.tests import common

from odoo.addons.youth_contact.models import league_common
from odoo.addons.youth_contact.models.league_common import LEAGUE_TODAY_SQL, league_today

INSTANTS = [  # (UTC instant, China's date)
    ('2026-11-30 15:59:59', '2026-11-30'),
    ('2026-11-30 16:00:00', '2026-12-01'),
    ('2026-11-30 23:59:59', '2026-12-01'),
    ('2026-12-01 00:00:00', '2026-12-01'),
    ('2026-12-31 16:00:00', '2027-01-01'),
]


class TestToday(common.TransactionCase):

    def sql_today(self, instant):
        """The views' expression evaluated at ``instant`` instead of now()."""
        self.env.cr.execute('SELECT %s' % LEAGUE_TODAY_SQL.replace('now()', '%s::timestamptz'),
                            (instant + '+00',))
        return str(self.env.cr.fetchone()[0])

    def test_python_and_sql_agree_at_day_boundaries(self):
        for instant, expected in INSTANTS:
            aware = pytz.utc.localize(datetime.strptime(instant, '%Y-%m-%d %H:%M:%S'))
            with patch.object(league_common, 'league_now',
                              return_value=aware.astimezone(pytz.timezone('Asia/Shanghai'))):
                self.assertEqual(league_today(), expected, instant)
                # every model reads the same helper
                self.assertEqual(self.env['league.cadre']._league_today().isoformat(), expected)
            self.assertEqual(self.sql_today(instant), expected, instant)

    def test_views_and_models_agree_now(self):
        """The transaction's now() seen by the views gives the models' today."""
        self.env.cr.execute('SELECT now(), %s' % LEAGUE_TODAY_SQL)
        now, sql_day = self.env.cr.fetchone()
        with patch.object(league_common, 'league_now',
                          return_value=now.astimezone(pytz.timezone('Asia/Shanghai'))):
            self.assertEqual(league_today(), str(sql_day))
        # the session's time zone does not move it
        self.env.cr.execute("SET LOCAL timezone TO 'America/Los_Angeles'")
        self.env.cr.execute('SELECT %s' % LEAGUE_TODAY_SQL)
        self.assertEqual(self.env.cr.fetchone()[0], sql_day)

    def test_client_context_and_user_time_zone_do_not_move_it(self):
        self.env.user.tz = 'Pacific/Kiritimati'
        cadre = self.env['league.cadre'].with_context(tz='Etc/GMT+12',
                                                      league_today='2099-01-01')
        self.assertEqual(cadre._league_today().isoformat(), league_today())
