# -*- coding: utf-8 -*-
"""Fixtures of the "8+4", "4+1" and open day tests (on top of ``LeagueTestCase``).

Adds ``user_admin_b`` (county administrator of county B) and helpers:
``make_county(n)`` builds a county with towns, grassroots units of several
sectors and ``n`` established cadres; ``make_plan`` creates a draft plan as
superuser.
"""
from odoo.exceptions import AccessError, UserError

from .common import LeagueTestCase

SECTOR_CYCLE = ['enterprise', 'rural', 'school', 'community', 'social_org', 'organ']


class SchemeTestCase(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(SchemeTestCase, cls).setUpClass()
        cls.user_admin_b = cls.make_user('admin_b', 'group_county_admin',
                                         league_admin_county_id=cls.county_b.id)
        cls.year = 2026

    @classmethod
    def make_county(cls, name, established, units=6, with_users=False):
        """A county committee with 2 towns, ``units`` grassroots units of
        rotating sectors and ``established`` established cadres (the first
        two are leaders).  Returns (county, cadres, units)."""
        Org = cls.env['league.organization']
        county = Org.create({'name': name, 'level': 'county', 'parent_id': cls.city.id})
        towns = [Org.create({'name': '%s镇%d' % (name, i), 'level': 'town',
                             'parent_id': county.id}) for i in range(2)]
        unit_recs = Org.browse()
        for i in range(units):
            unit_recs |= Org.create({
                'name': '%s单位%02d' % (name, i), 'level': 'unit',
                'sector': SECTOR_CYCLE[i % len(SECTOR_CYCLE)],
                'parent_id': towns[i % 2].id})
        cadres = cls.env['league.cadre']
        for i in range(established):
            user = cls.make_user('%s_%d' % (county.id, i), 'group_cadre') if with_users else None
            cadres |= cls.make_cadre('%s干部%02d' % (name, i), county, user,
                                     established=True, is_leader=i < 2)
        return county, cadres, unit_recs

    @classmethod
    def staff_county_a(cls):
        """Make county A able to run an "8+4" plan: 3 more grassroots units and 8
        established cadres with users (``cls.members``, ``cls.member_users``)."""
        Org = cls.env['league.organization']
        for i, sector in enumerate(['rural', 'school', 'community']):
            Org.create({'name': '梅江区单位%d' % i, 'level': 'unit', 'sector': sector,
                        'parent_id': cls.town_a.id})
        cls.members = cls.env['league.cadre']
        cls.member_users = cls.env['res.users']
        for i in range(8):
            user = cls.make_user('member_%d' % i, 'group_cadre')
            cls.member_users |= user
            cls.members |= cls.make_cadre('梅江在编%d' % i, cls.county_a, user,
                                          established=True)

    @classmethod
    def make_attendees(cls, count):
        """``count`` youth of county A in 4 sectors, to attend an open day."""
        youth = cls.env['league.youth']
        for i in range(count):
            youth |= cls.make_youth('青年%02d' % i, cls.unit_a, sector=SECTOR_CYCLE[i % 4])
        return youth

    @classmethod
    def make_plan(cls, county, year=None):
        return cls.env['league.rotation.plan'].create({
            'county_id': county.id, 'year': year or cls.year})

    def reject_with_wizard(self, record, reason):
        """Reject ``record`` as the city administrator through the reason wizard."""
        wizard = self.env['league.reject.wizard'].sudo(self.user_city).with_context(
            active_model=record._name, active_ids=record.ids).create({'reason': reason})
        return wizard.action_reject()

    def assertRejectedWithReason(self, record, reason):
        """A submitted ``record`` cannot be rejected without a reason; through the
        wizard it is rejected, the reason kept and the approval activities closed."""
        with self.assertRefused('Give the reason'):
            record.sudo(self.user_city).action_reject()
        self.reject_with_wizard(record, reason)
        self.assertEqual(record.state, 'rejected')
        self.assertEqual(record.reject_reason, reason)
        self.assertFalse(self.env['mail.activity'].search(
            [('res_model', '=', record._name), ('res_id', '=', record.id)]))

    def assertAccessDenied(self, regex=''):
        return self.assertRejected(regex, AccessError)

    def assertRefused(self, regex=''):
        return self.assertRejected(regex, UserError)
