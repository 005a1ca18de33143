# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .common import LeagueTestCase


class TestCadre(LeagueTestCase):

    def test_quota_by_category(self):
        self.assertEqual(self.cadre_a.quota, 100)
        self.assertEqual(self.cadre_a2.quota, 10)
        organ = self.make_cadre('赵敏', self.county_a, category='organ_part_time')
        self.assertEqual(organ.quota, 100)
        organ.write({'category': 'other_part_time'})
        self.assertEqual(organ.quota, 10)
        organ.write({'quota': 30})
        self.assertEqual(organ.quota, 30)
        with self.assertRejected('at least 100'):
            self.cadre_a.write({'quota': 99})
        self.assertEqual(self.cadre_a.quota, 100)
        with self.assertRejected('at least 10'):
            self.make_cadre('孙丽', self.town_a, category='other_part_time', quota=5)

    def test_county_from_organization(self):
        self.assertEqual(self.cadre_a.county_id, self.county_a)
        self.assertEqual(self.user_cadre_a.league_county_id, self.county_a)
        self.assertEqual(self.user_cadre_a.league_cadre_id, self.cadre_a)
        self.assertEqual(self.user_admin_a.league_county_id, self.county_a)
        self.cadre_a.write({'organization_id': self.unit_b.id})
        self.assertEqual(self.cadre_a.county_id, self.county_b)
        self.assertEqual(self.user_cadre_a.league_county_id, self.county_b)

    def test_social_account_required(self):
        count = self.env['league.cadre'].search_count([])
        with self.assertRejected('WeChat, QQ or Weibo'):
            self.make_cadre('周强', self.town_a, wechat=False)
        with self.assertRejected('WeChat, QQ or Weibo'):
            self.make_cadre('周强', self.town_a, wechat='   ')
        self.assertEqual(self.env['league.cadre'].search_count([]), count)
        qq_only = self.make_cadre('周强', self.town_a, wechat=False, qq='123456')
        self.assertEqual(qq_only.qq, '123456')
        with self.assertRejected('WeChat, QQ or Weibo'):
            qq_only.write({'qq': False})
        self.assertEqual(qq_only.qq, '123456')

    def test_mobile(self):
        self.cadre_a.write({'mobile': '１３９ ２２２２ ３３３３'})
        self.assertEqual(self.cadre_a.mobile, '13922223333')
        for bad in ('1392222333', '23922223333', '0753-2267111', '12922223333'):
            with self.assertRejected('not a valid 11-digit'):
                self.cadre_a.write({'mobile': bad})
        self.assertEqual(self.cadre_a.mobile, '13922223333')

    def test_user_unique_and_group(self):
        user = self.make_user('plain', 'group_cadre', groups_id=[(6, 0, [
            self.env.ref('base.group_user').id])])
        group = self.env.ref('youth_contact.group_cadre')
        self.assertNotIn(group, user.groups_id)
        cadre = self.make_cadre('吴涛', self.town_a, user)
        self.assertIn(group, user.groups_id)
        self.assertEqual(user.league_county_id, self.county_a)
        with self.assertRejected('already linked to the cadre'):
            self.make_cadre('吴涛二', self.town_a, user)
        with self.assertRejected('already linked to the cadre'):
            self.cadre_b.write({'user_id': user.id})
        self.assertEqual(self.cadre_b.user_id, self.user_cadre_b)
        self.assertEqual(user.league_cadre_ids, cadre)

    def test_progress_and_sector_spread(self):
        youth = self.env['league.youth']
        for index in range(3):
            youth |= self.make_youth('企业青年%d' % index, self.unit_a, sector='enterprise')
        youth |= self.make_youth('农村青年', self.town_a, sector='rural')
        self.cadre_a2._add_youth(youth[:2])
        self.assertEqual(self.cadre_a2.contact_count, 2)
        self.assertAlmostEqual(self.cadre_a2.contact_rate, 20.0)
        self.assertFalse(self.cadre_a2.quota_met)
        self.assertTrue(self.cadre_a2.sector_warning, 'all youth of one sector')
        self.assertEqual(self.cadre_a2.sector_top, 'enterprise')
        self.assertIn('100%', self.cadre_a2.sector_warning_text)
        # 2 of 4 is exactly half: no longer "more than half"
        self.cadre_a2._add_youth(youth)
        self.assertEqual(self.cadre_a2.contact_count, 4)
        self.assertEqual(self.cadre_a2.sector_count, 2)
        self.assertTrue(self.cadre_a2.sector_warning, '3 of 4 enterprise')
        school = self.make_youth('学生', self.unit_a, sector='school')
        self.cadre_a2._add_youth(school)
        self.assertAlmostEqual(self.cadre_a2.sector_top_rate, 60.0)
        self.assertTrue(self.cadre_a2.sector_warning)
        youth[0].write({'sector': 'school'})
        self.assertFalse(self.cadre_a2.sector_warning, '2 enterprise, 2 school, 1 rural')
        self.assertFalse(self.cadre_a2.sector_warning_text)
        self.assertEqual(self.cadre_a2.sector_count, 3)
        spread = self.cadre_a2.sector_spread
        self.assertIn('Enterprise: 2', spread)
        self.assertIn('School: 2', spread)
        # quota reached with 10 youth
        more = self.env['league.youth']
        for index in range(5):
            more |= self.make_youth('青年%d' % index, self.town_a, sector='community')
        self.cadre_a2._add_youth(more)
        self.assertTrue(self.cadre_a2.quota_met)
        self.assertAlmostEqual(self.cadre_a2.contact_rate, 100.0)
        self.assertIn(self.cadre_a2, self.env['league.cadre'].search([('quota_met', '=', True)]))

    def test_add_youth_skips_known(self):
        first = self.cadre_a._add_youth(self.youth_a1 | self.youth_a2)
        self.assertEqual(len(first), 2)
        again = self.cadre_a._add_youth(self.youth_a1 | self.youth_a2)
        self.assertFalse(again)
        self.assertEqual(self.cadre_a.contact_count, 2)

    def test_cadre_edits_only_contact_fields_of_own_record(self):
        mine = self.cadre_a.sudo(self.user_cadre_a)
        mine.write({'wechat': 'zhangwei_mz', 'mobile': '13900001111'})
        self.assertEqual(self.cadre_a.wechat, 'zhangwei_mz')
        for vals in ({'quota': 200}, {'category': 'other_part_time'},
                     {'organization_id': self.unit_a.id}, {'is_leader': True},
                     {'user_id': self.user_cadre_a2.id}):
            with self.assertRejected('Only administrators', AccessError):
                mine.write(vals)
        self.assertEqual(self.cadre_a.quota, 100)
        self.assertEqual(self.cadre_a.organization_id, self.town_a)
        # the county administrator may
        self.cadre_a.sudo(self.user_admin_a).write({'is_leader': True, 'established': True})
        self.assertTrue(self.cadre_a.is_leader)

    def test_wizard_from_cadre_form(self):
        action = self.cadre_a.sudo(self.user_cadre_a).action_add_youth()
        self.assertEqual(action['res_model'], 'league.contact.add.wizard')
        wizard = self.env['league.contact.add.wizard'].sudo(self.user_cadre_a).with_context(
            action['context']).create({'youth_ids': [(6, 0, (self.youth_a1 | self.youth_a2).ids)],
                                       'channel': 'qq'})
        self.assertEqual(wizard.cadre_id, self.cadre_a)
        wizard.action_confirm()
        contacts = self.cadre_a.contact_ids
        self.assertEqual(contacts.mapped('youth_id'), self.youth_a1 | self.youth_a2)
        self.assertEqual(set(contacts.mapped('channel')), {'qq'})

    def test_wizard_from_youth_form(self):
        action = (self.youth_a1 | self.youth_a2).sudo(self.user_cadre_a).action_add_to_contacts()
        wizard = self.env['league.contact.add.wizard'].sudo(self.user_cadre_a).with_context(
            action['context']).create({})
        self.assertEqual(wizard.cadre_id, self.cadre_a)
        self.assertEqual(wizard.youth_ids, self.youth_a1 | self.youth_a2)
        wizard.action_confirm()
        self.assertEqual(self.cadre_a.contact_count, 2)
        # a cadre cannot add youth of another county: they do not see them...
        wizard = self.env['league.contact.add.wizard'].sudo(self.user_cadre_a).create(
            {'youth_ids': [(6, 0, self.youth_b1.ids)]})
        with self.assertRejected('Choose the youth', UserError):
            wizard.action_confirm()
        # ... and cannot link them by id
        with self.assertRejected('', AccessError):
            self.cadre_a.sudo(self.user_cadre_a)._add_youth(self.youth_b1)
        self.assertEqual(self.cadre_a.contact_count, 2)


class TestSectorFollowsYouth(LeagueTestCase):

    def test_sector_spread_follows_a_youth_changing_sector(self):
        """The cadre's sector spread is exact right after a youth's sector
        changes (the contacts' stored sector and the cadre's figures are
        recomputed in the same write)."""
        youth = self.make_youth('企业青年', self.unit_a, sector='enterprise')
        other = self.make_youth('农村青年', self.town_a, sector='rural')
        self.cadre_a2._add_youth(youth | other)
        self.assertEqual(self.cadre_a2.sector_count, 2)
        youth.write({'sector': 'rural'})
        self.assertEqual(self.cadre_a2.sector_count, 1)
        self.assertEqual(self.cadre_a2.sector_top, 'rural')
        self.assertEqual(self.cadre_a2.sector_top_rate, 100.0)
