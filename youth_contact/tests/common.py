# -*- coding: utf-8 -*-
"""Shared fixtures for the youth_contact tests (and the reports addon).

``LeagueTestCase`` builds, once per class:

- organizations: ``city``; counties ``county_a`` (梅江区) and ``county_b``
  (兴宁市); towns ``town_a`` / ``town_b``; grassroots units ``unit_a``
  (enterprise) and ``unit_b`` (school);
- users: ``user_cadre_a``, ``user_cadre_a2``, ``user_cadre_b`` (group_cadre),
  ``user_admin_a`` (group_county_admin of county A, no cadre record),
  ``user_city`` (group_city_admin);
- cadres: ``cadre_a`` (full-time, town A, user_cadre_a), ``cadre_a2``
  (other part-time, unit A, user_cadre_a2), ``cadre_b`` (full-time, town B);
- youth: ``youth_a1``, ``youth_a2`` (county A), ``youth_b1`` (county B).

Helpers create more records with valid defaults: ``make_user``,
``make_cadre``, ``make_youth`` (unique valid mobiles), ``make_contact``,
``make_log``, ``models_today``, ``days_ago``; ``assertRejected(regex)`` checks that a block is
refused (and rolls it back).  Records are created as superuser; use
``record.sudo(self.user_cadre_a)`` to act as a real user.  The context is
in English (``lang='en_US'``) so that messages can be matched, even when
the database has Chinese installed (as in CI); the records of the demo data
may exist, so tests look at their own records.
"""
from contextlib import contextmanager
from datetime import timedelta
from itertools import count

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import common

from odoo.addons.youth_contact.models.league_common import league_today

_MOBILES = count(1)


class LeagueTestCase(common.SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(LeagueTestCase, cls).setUpClass()
        # English messages whatever the language of the database (zh_CN in CI)
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US', tracking_disable=True,
                                       mail_create_nolog=True, no_reset_password=True))
        Org = cls.env['league.organization']
        cls.city = Org.create({'name': '团梅州市委', 'level': 'city'})
        cls.county_a = Org.create({'name': '梅江区团委', 'level': 'county',
                                   'parent_id': cls.city.id})
        cls.county_b = Org.create({'name': '兴宁市团委', 'level': 'county',
                                   'parent_id': cls.city.id})
        cls.town_a = Org.create({'name': '西阳镇团委', 'level': 'town',
                                 'parent_id': cls.county_a.id})
        cls.town_b = Org.create({'name': '宁新街道团工委', 'level': 'town',
                                 'parent_id': cls.county_b.id})
        cls.unit_a = Org.create({'name': '梅江区某企业团支部', 'level': 'unit',
                                 'sector': 'enterprise', 'parent_id': cls.town_a.id})
        cls.unit_b = Org.create({'name': '兴宁一中团委', 'level': 'unit',
                                 'sector': 'school', 'parent_id': cls.town_b.id})

        cls.user_cadre_a = cls.make_user('cadre_a', 'group_cadre')
        cls.user_cadre_a2 = cls.make_user('cadre_a2', 'group_cadre')
        cls.user_cadre_b = cls.make_user('cadre_b', 'group_cadre')
        cls.user_admin_a = cls.make_user('admin_a', 'group_county_admin',
                                         league_admin_county_id=cls.county_a.id)
        cls.user_city = cls.make_user('city', 'group_city_admin')

        cls.cadre_a = cls.make_cadre('张伟', cls.town_a, cls.user_cadre_a)
        cls.cadre_a2 = cls.make_cadre('李娜', cls.unit_a, cls.user_cadre_a2,
                                      category='other_part_time')
        cls.cadre_b = cls.make_cadre('王芳', cls.town_b, cls.user_cadre_b)

        cls.youth_a1 = cls.make_youth('刘洋', cls.unit_a, sector='enterprise')
        cls.youth_a2 = cls.make_youth('陈静', cls.town_a, sector='rural')
        cls.youth_b1 = cls.make_youth('杨帆', cls.unit_b, sector='school')

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    @classmethod
    def make_user(cls, login, group, **vals):
        """A user with the given youth_contact group (xml id without module)."""
        values = {
            'name': 'User %s' % login,
            'login': 'yc_test_%s' % login,
            'email': '%s@example.com' % login,
            'lang': False,   # texts in the test context's language (English)
            'groups_id': [(6, 0, [cls.env.ref('youth_contact.%s' % group).id])],
        }
        values.update(vals)
        return cls.env['res.users'].create(values)

    @classmethod
    def make_plain_user(cls):
        """An internal user without any League group."""
        return cls.env['res.users'].create({
            'name': 'Plain employee', 'login': 'yc_test_plain', 'email': 'plain@example.com',
            'lang': False, 'groups_id': [(6, 0, [cls.env.ref('base.group_user').id])]})

    @classmethod
    def make_cadre(cls, name, organization, user=None, **vals):
        values = {
            'name': name,
            'organization_id': organization.id,
            'user_id': user.id if user else False,
            'category': 'full_time',
            'wechat': 'wx_%s' % next(_MOBILES),
        }
        values.update(vals)
        return cls.env['league.cadre'].create(values)

    @classmethod
    def next_mobile(cls):
        return '139%08d' % next(_MOBILES)

    @classmethod
    def make_youth(cls, name, organization, **vals):
        values = {
            'name': name,
            'organization_id': organization.id,
            'mobile': cls.next_mobile(),
            'gender': 'male',
            'sector': organization.sector or 'enterprise',
        }
        values.update(vals)
        return cls.env['league.youth'].create(values)

    @classmethod
    def make_contact(cls, cadre, youth, **vals):
        values = {'cadre_id': cadre.id, 'youth_id': youth.id}
        values.update(vals)
        return cls.env['league.contact'].create(values)

    @classmethod
    def make_contacts(cls, cadre, youths, **vals):
        """The contacts of ``cadre`` with each of ``youths`` (same values)."""
        Contact = cls.env['league.contact']
        for youth in youths:
            Contact |= cls.make_contact(cadre, youth, **vals)
        return Contact

    @classmethod
    def make_log(cls, cadre, youth, **vals):
        values = {
            'cadre_id': cadre.id,
            'youth_ids': [(6, 0, youth.ids)],
            'mode': 'wechat',
            'topic': 'guidance',
            'content': '交流学习情况',
        }
        values.update(vals)
        return cls.env['league.contact.log'].create(values)

    @contextmanager
    def assertRejected(self, regex='', exception=ValidationError):
        """The block must raise ``exception`` matching ``regex``; what it wrote is
        rolled back like a refused RPC call and the cache is cleared, so the
        test can then check that nothing changed."""
        with self.assertRaisesRegex(exception, regex):
            with self.env.cr.savepoint():
                yield
        self.env['base'].invalidate_cache()

    @classmethod
    def models_today(cls):
        """Today (a date) as the models see it (China time unless the user has a
        time zone), which may differ from the server's date."""
        return fields.Date.from_string(league_today(cls.env['league.cadre']))

    @classmethod
    def days_ago(cls, days, today=None):
        """The date ``days`` days before ``today`` (default: today) as a string."""
        return fields.Date.to_string((today or cls.models_today()) - timedelta(days=days))
