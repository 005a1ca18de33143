# -*- coding: utf-8 -*-
from .common import LeagueTestCase


class TestOrganization(LeagueTestCase):

    def test_county_of_each_level(self):
        self.assertFalse(self.city.county_id)
        self.assertEqual(self.county_a.county_id, self.county_a)
        self.assertEqual(self.town_a.county_id, self.county_a)
        self.assertEqual(self.unit_a.county_id, self.county_a)
        self.assertEqual(self.unit_b.county_id, self.county_b)
        self.assertEqual(self.city.child_ids, self.county_a | self.county_b)

    def test_special_unit_is_isolated_like_a_county(self):
        college = self.env['league.organization'].create({
            'name': '嘉应学院团委', 'level': 'county', 'is_special': True,
            'parent_id': self.city.id})
        branch = self.env['league.organization'].create({
            'name': '文学院团总支', 'level': 'unit', 'sector': 'school',
            'parent_id': college.id})
        self.assertEqual(branch.county_id, college)

    def test_move_updates_descendants(self):
        """Moving a town to another county moves its units (and their records)."""
        youth = self.make_youth('周杰', self.unit_a)
        self.town_a.write({'parent_id': self.county_b.id})
        self.assertEqual(self.town_a.county_id, self.county_b)
        self.assertEqual(self.unit_a.county_id, self.county_b)
        self.assertEqual(youth.county_id, self.county_b)
        self.assertEqual(self.cadre_a.county_id, self.county_b)
        self.assertEqual(self.user_cadre_a.league_county_id, self.county_b)
        self.assertEqual(self.unit_a.complete_name, '兴宁市团委 / 西阳镇团委 / 梅江区某企业团支部')

    def test_deep_descendants_follow(self):
        Org = self.env['league.organization']
        unit2 = Org.create({'name': '车间团小组', 'level': 'unit', 'parent_id': self.unit_a.id})
        unit3 = Org.create({'name': '班组', 'level': 'unit', 'parent_id': unit2.id})
        self.town_a.parent_id = self.county_b
        self.assertEqual(unit3.county_id, self.county_b)
        unit2.parent_id = self.town_a
        self.assertEqual(unit3.county_id, self.county_b)

    def test_no_cycle(self):
        group = self.env['league.organization'].create({
            'name': '车间团小组', 'level': 'unit', 'parent_id': self.unit_a.id})
        with self.assertRejected('ancestors'):
            self.unit_a.write({'parent_id': group.id})
        self.assertEqual(self.unit_a.parent_id, self.town_a)
        with self.assertRejected('ancestors'):
            self.unit_a.write({'parent_id': self.unit_a.id})
        with self.assertRejected('ancestors'):
            self.town_a.write({'parent_id': group.id})
        self.assertEqual(self.town_a.parent_id, self.county_a)
        self.assertEqual(group.county_id, self.county_a)

    def test_levels_must_fit(self):
        Org = self.env['league.organization']
        count = Org.search_count([])
        with self.assertRejected('directly under the city'):
            Org.create({'name': 'X县', 'level': 'county', 'parent_id': self.county_a.id})
        with self.assertRejected('under a county'):
            Org.create({'name': '孤立支部', 'level': 'unit'})
        with self.assertRejected('directly under'):
            Org.create({'name': 'X镇', 'level': 'town', 'parent_id': self.town_a.id})
        with self.assertRejected('cannot have a parent'):
            Org.create({'name': 'X市', 'level': 'city', 'parent_id': self.city.id})
        with self.assertRejected('under a county'):
            self.town_a.write({'level': 'town', 'parent_id': self.city.id})
        self.assertEqual(Org.search_count([]), count)
        self.assertEqual(self.town_a.county_id, self.county_a)

    def test_admin_mobile(self):
        self.county_a.write({'admin_mobile': '１３８ ００１３ ８０００'})
        self.assertEqual(self.county_a.admin_mobile, '13800138000')
        with self.assertRejected('not a valid'):
            self.county_a.write({'admin_mobile': '2267111'})
        self.assertEqual(self.county_a.admin_mobile, '13800138000')

    def test_counts_cover_the_subtree(self):
        """Cadres and youth of an organization include those of its sub-organizations,
        as far as the user may see them."""
        Org = self.env['league.organization']
        group = Org.create({'name': '车间团小组', 'level': 'unit', 'parent_id': self.unit_a.id})
        self.make_cadre('赵磊', group)
        self.make_youth('孙丽', group)
        self.make_youth('周敏', group)
        # unit A: cadre_a2, youth_a1 + the group's; town A: cadre_a, youth_a2 + unit A's
        orgs = self.city | self.county_a | self.town_a | self.unit_a | group | self.county_b
        counts = {org: (org.cadre_count, org.youth_count) for org in orgs}
        self.assertEqual(counts[group], (1, 2))
        self.assertEqual(counts[self.unit_a], (2, 3))
        self.assertEqual(counts[self.town_a], (3, 4))
        self.assertEqual(counts[self.county_a], (3, 4))
        self.assertEqual(counts[self.county_b], (1, 1))
        city_cadres = self.env['league.cadre'].search_count(
            [('organization_id', 'child_of', self.city.id)])
        self.assertEqual(self.city.cadre_count, city_cadres)
        self.assertGreaterEqual(city_cadres, 4)
        # the county administrator counts the records of the county (the same for B)
        as_admin = self.county_a.sudo(self.user_admin_a)
        self.assertEqual((as_admin.cadre_count, as_admin.youth_count), (3, 4))
        # moving a town moves its figures
        self.town_a.write({'parent_id': self.county_b.id})
        self.county_a.invalidate_cache()
        self.assertEqual((self.county_a.cadre_count, self.county_a.youth_count), (0, 0))
        self.assertEqual((self.county_b.cadre_count, self.county_b.youth_count), (4, 5))
