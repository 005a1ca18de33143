# -*- coding: utf-8 -*-
"""Access matrix as real users: cadre of county A, another cadre of county A,
cadre of county B, administrator of county A, city administrator; over every
core model, for read (search, read, name_search, read_group, export), write,
create and unlink."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import LeagueTestCase

USERS = ('cadre_a', 'cadre_a2', 'cadre_b', 'admin_a', 'city')
OWN_MODELS = ('league.contact', 'league.contact.log', 'league.activity', 'league.concern',
              'league.pairing')


def expected(model, user, county, operation):
    """Whether ``user`` may do ``operation`` on a record of ``model`` in ``county``
    ('a' or 'b'; a record of a cadre-owned model belongs to cadre_a / cadre_b)."""
    if user == 'city':
        return True
    if user == 'admin_a':
        return county == 'a'
    own_county = 'b' if user == 'cadre_b' else 'a'
    if model in OWN_MODELS:
        return user != 'cadre_a2' and county == own_county
    if model == 'league.organization':
        return operation == 'read' and county == own_county
    if model == 'league.cadre':
        return operation in ('read', 'write') and user != 'cadre_a2' and county == own_county
    if model == 'league.youth':
        if operation == 'read' or operation == 'create':
            return county == own_county
        if operation == 'write':   # youth in their contact list (or created by them)
            return user != 'cadre_a2' and county == own_county
        return False
    raise ValueError(model)


class TestAccess(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccess, cls).setUpClass()
        cls.users = {'cadre_a': cls.user_cadre_a, 'cadre_a2': cls.user_cadre_a2,
                     'cadre_b': cls.user_cadre_b, 'admin_a': cls.user_admin_a,
                     'city': cls.user_city}
        cls.site = {
            'a': {'cadre': cls.cadre_a, 'youth': cls.youth_a1, 'town': cls.town_a,
                  'unit': cls.unit_a, 'county': cls.county_a},
            'b': {'cadre': cls.cadre_b, 'youth': cls.youth_b1, 'town': cls.town_b,
                  'unit': cls.unit_b, 'county': cls.county_b},
        }
        for key, site in cls.site.items():
            cls.make_contact(site['cadre'], site['youth'])
            site['poor'] = cls.make_youth('困难青少年%s' % key, site['unit'],
                                          hardship='poor_family')
        cls.records = {
            model: {key: cls.env[model].create(cls.values(model, key)) for key in 'ab'}
            for model in ('league.organization', 'league.cadre', 'league.youth')
            + OWN_MODELS}
        # a record of the tree, of cadres and of youth that everybody's own records use
        cls.records['league.organization'] = {'a': cls.unit_a, 'b': cls.unit_b}
        cls.records['league.cadre'] = {'a': cls.cadre_a, 'b': cls.cadre_b}
        cls.records['league.youth'] = {'a': cls.youth_a1, 'b': cls.youth_b1}

    @classmethod
    def values(cls, model, key):
        """Valid values of a new record of ``model`` in county ``key``."""
        site = cls.site[key]
        if model == 'league.organization':
            return {'name': '新支部%s' % key, 'level': 'unit', 'sector': 'organ',
                    'parent_id': site['town'].id}
        if model == 'league.cadre':
            return {'name': '新干部%s' % key, 'organization_id': site['town'].id,
                    'category': 'other_part_time', 'weibo': 'weibo_%s' % key}
        if model == 'league.youth':
            return {'name': '新青年%s' % key, 'organization_id': site['unit'].id,
                    'mobile': cls.next_mobile(), 'sector': 'organ'}
        if model == 'league.contact':
            youth = cls.make_youth('联系青年%s' % key, site['unit'])
            return {'cadre_id': site['cadre'].id, 'youth_id': youth.id, 'channel': 'phone'}
        if model == 'league.contact.log':
            return {'cadre_id': site['cadre'].id, 'youth_ids': [(6, 0, site['youth'].ids)],
                    'mode': 'phone', 'topic': 'growth', 'content': '电话交流'}
        if model == 'league.activity':
            return {'name': '活动%s' % key, 'cadre_id': site['cadre'].id, 'kind': 'skills'}
        if model == 'league.concern':
            return {'name': '诉求%s' % key, 'cadre_id': site['cadre'].id,
                    'youth_id': site['youth'].id, 'kind': 'suggestion',
                    'description': '建议'}
        if model == 'league.pairing':
            return {'cadre_id': site['cadre'].id, 'mentor_id': site['youth'].id,
                    'beneficiary_id': site['poor'].id, 'project': 'sunshine'}
        raise ValueError(model)

    WRITE_VALUES = {
        'league.organization': {'note': '已核实'},
        'league.cadre': {'wechat': 'new_wechat'},
        'league.youth': {'unit': '梅州某公司'},
        'league.contact': {'note': '老朋友'},
        'league.contact.log': {'content': '补充记录'},
        'league.activity': {'place': '青年之家'},
        'league.concern': {'description': '补充说明'},
        'league.pairing': {'note': '每月探访'},
    }

    def _check(self, allowed, function, label):
        if allowed:
            with self.env.cr.savepoint():
                function()
        else:
            with self.assertRaises(AccessError, msg=label), self.env.cr.savepoint():
                function()
        self.env['base'].invalidate_cache()

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model', 'odoo.addons.base.ir.ir_rule')
    def test_read(self):
        for model, records in self.records.items():
            for user_key in USERS:
                Model = self.env[model].sudo(self.users[user_key])
                visible = Model.search([])
                named = {row[0] for row in Model.name_search('', limit=None)}
                groups = Model.read_group([('id', 'in', [r.id for r in records.values()])],
                                          ['county_id'], ['county_id'])
                counties = {g['county_id'][0] for g in groups if g['county_id']}
                for key, record in records.items():
                    label = '%s reads %s of county %s' % (user_key, model, key)
                    allowed = expected(model, user_key, key, 'read')
                    self.assertEqual(record in visible, allowed, label + ' (search)')
                    self.assertEqual(record.id in named, allowed, label + ' (name_search)')
                    self.assertEqual(self.site[key]['county'].id in counties, allowed,
                                     label + ' (read_group)')
                    as_user = record.sudo(self.users[user_key])
                    self._check(allowed, lambda: as_user.read(['display_name', 'county_id']),
                                label + ' (read)')
                    self._check(allowed, lambda: as_user.export_data(['display_name']),
                                label + ' (export)')

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model', 'odoo.addons.base.ir.ir_rule')
    def test_write(self):
        for model, records in self.records.items():
            for user_key in USERS:
                for key, record in records.items():
                    as_user = record.sudo(self.users[user_key])
                    self._check(expected(model, user_key, key, 'write'),
                                lambda: as_user.write(self.WRITE_VALUES[model]),
                                '%s writes %s of county %s' % (user_key, model, key))

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model', 'odoo.addons.base.ir.ir_rule')
    def test_create(self):
        for model in self.records:
            for user_key in USERS:
                for key in 'ab':
                    Model = self.env[model].sudo(self.users[user_key])
                    vals = self.values(model, key)
                    self._check(expected(model, user_key, key, 'create'),
                                lambda: Model.create(vals),
                                '%s creates %s in county %s' % (user_key, model, key))

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model', 'odoo.addons.base.ir.ir_rule')
    def test_unlink(self):
        for model in self.records:
            for user_key in USERS:
                for key in 'ab':
                    record = self.env[model].create(self.values(model, key))
                    as_user = record.sudo(self.users[user_key])
                    self._check(expected(model, user_key, key, 'unlink'), as_user.unlink,
                                '%s deletes %s of county %s' % (user_key, model, key))

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model', 'odoo.addons.base.ir.ir_rule')
    def test_no_move_out_of_reach(self):
        """Writable records cannot be moved to another county or cadre."""
        admin = self.user_admin_a
        with self.assertRejected('', AccessError):
            self.youth_a1.sudo(admin).write({'organization_id': self.unit_b.id})
        with self.assertRejected('', AccessError):
            self.cadre_a.sudo(admin).write({'organization_id': self.town_b.id})
        with self.assertRejected('', AccessError):
            self.town_a.sudo(admin).write({'parent_id': self.county_b.id})
        log = self.records['league.contact.log']['a'].sudo(self.user_cadre_a)
        with self.assertRejected('', AccessError):
            log.write({'cadre_id': self.cadre_a2.id})
        self.assertEqual(self.youth_a1.county_id, self.county_a)
        self.assertEqual(self.town_a.county_id, self.county_a)

    @mute_logger('odoo.models', 'odoo.addons.base.ir.ir_model', 'odoo.addons.base.ir.ir_rule')
    def test_no_link_to_unreadable_youth(self):
        """Related fields and many2one names are read as superuser: a cadre may
        not point their records at youth of another county."""
        user = self.user_cadre_a
        concern = self.records['league.concern']['a'].sudo(user)
        with self.assertRejected('', AccessError):
            concern.write({'youth_id': self.youth_b1.id})
        with self.assertRejected('', AccessError):
            self.env['league.contact'].sudo(user).create(
                {'cadre_id': self.cadre_a.id, 'youth_id': self.youth_b1.id})
        with self.assertRejected('', AccessError):
            self.records['league.activity']['a'].sudo(user).write(
                {'youth_ids': [(4, self.youth_b1.id)]})
        with self.assertRejected('', AccessError):
            self.env['league.pairing'].sudo(user).create(dict(
                self.values('league.pairing', 'a'), beneficiary_id=self.site['b']['poor'].id))

    def test_city_cadre_reads_only_own_contacts(self):
        """A cadre of the city committee (no county) sees the youth they contact."""
        user = self.make_user('city_cadre', 'group_cadre')
        cadre = self.make_cadre('市团委干部', self.city, user)
        self.assertFalse(user.league_county_id)
        self.make_contact(cadre, self.youth_b1)
        visible = self.env['league.youth'].sudo(user).search([])
        self.assertIn(self.youth_b1, visible)
        self.assertEqual(visible.filtered('county_id'), self.youth_b1,
                         'no other youth of a county')
        orgs = self.env['league.organization'].sudo(user).search([])
        self.assertIn(self.city, orgs)
        self.assertFalse(orgs.filtered('county_id'), 'no organization of a county')

    def test_rules_follow_county_changes(self):
        """The rules are cached per user: a new county applies at once."""
        Cadre = self.env['league.cadre']
        self.assertEqual(Cadre.sudo(self.user_admin_a).search(
            [('id', 'in', (self.cadre_a | self.cadre_b).ids)]), self.cadre_a)
        self.user_admin_a.write({'league_admin_county_id': self.county_b.id})
        self.assertEqual(Cadre.sudo(self.user_admin_a).search(
            [('id', 'in', (self.cadre_a | self.cadre_b).ids)]), self.cadre_b)
        # a town moved to another county takes its cadres along
        Youth = self.env['league.youth']
        stays = self.make_youth('梅江青年', self.county_a)
        visible = Youth.sudo(self.user_cadre_a).search([])
        self.assertIn(stays, visible)
        self.assertNotIn(self.youth_b1, visible)
        self.town_a.write({'parent_id': self.county_b.id})
        visible = Youth.sudo(self.user_cadre_a).search([])
        self.assertNotIn(stays, visible)
        self.assertIn(self.youth_b1, visible)

    def test_admin_without_county_sees_nothing(self):
        user = self.make_user('lost_admin', 'group_county_admin')
        self.assertFalse(self.env['league.cadre'].sudo(user).search([]))
        self.assertFalse(self.env['league.contact'].sudo(user).search([]))
