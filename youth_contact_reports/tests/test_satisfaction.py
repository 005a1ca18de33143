# -*- coding: utf-8 -*-
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from odoo.addons.youth_contact.tests.common import LeagueTestCase


class TestSatisfaction(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestSatisfaction, cls).setUpClass()
        cls.make_contacts(cls.cadre_a, cls.youth_a1 | cls.youth_a2)
        cls.Rating = cls.env['league.satisfaction']
        cls.token = cls.cadre_a.sudo().rating_token

    def test_face_to_face_rating_by_the_cadre(self):
        Rating = self.Rating.sudo(self.user_cadre_a)
        rating = Rating.create({'youth_id': self.youth_a1.id, 'rating': '4',
                                'comment': '很满意'})
        self.assertEqual(rating.cadre_id, self.cadre_a)        # own cadre by default
        self.assertEqual(rating.source, 'face_to_face')
        self.assertEqual(rating.rating_value, 4)
        self.assertEqual(rating.county_id, self.county_a)
        self.assertRegex(rating.period, r'^\d{4}-H[12]$')
        # once per youth, cadre and half-year
        with self.assertRejected('rating_once_per_period', IntegrityError), \
                mute_logger('odoo.sql_db'):
            Rating.create({'youth_id': self.youth_a1.id, 'rating': '5'})
        # another half-year is fine
        Rating.create({'youth_id': self.youth_a1.id, 'rating': '5', 'date': '2025-03-01'})
        # only youth of the cadre's list
        with self.assertRejected('not in the contact list'):
            Rating.create({'youth_id': self.youth_b1.id, 'rating': '5'})
        with self.assertRejected('future'):
            Rating.create({'youth_id': self.youth_a2.id, 'rating': '5', 'date': '2099-01-01'})
        # not for another cadre, and not editable by the cadre
        self.make_contact(self.cadre_a2, self.youth_a2)
        with self.assertRejected('', AccessError):
            Rating.create({'cadre_id': self.cadre_a2.id, 'youth_id': self.youth_a2.id,
                           'rating': '1'})
        with self.assertRejected('', AccessError):
            rating.write({'rating': '5'})
        self.assertEqual(self.cadre_a.sudo(self.user_cadre_a).satisfaction_count, 2)
        self.assertAlmostEqual(self.cadre_a.satisfaction_avg, 4.5)

    def test_ratings_follow_the_county_rules(self):
        rating = self.Rating.create({'cadre_id': self.cadre_a.id, 'youth_id': self.youth_a1.id,
                                     'rating': '3'})
        self.assertEqual(self.Rating.sudo(self.user_admin_a).search([]), rating)
        self.assertFalse(self.Rating.sudo(self.user_cadre_b).search([]))
        self.assertFalse(self.Rating.sudo(self.user_cadre_a2).search([]))
        with self.assertRejected('', AccessError):
            rating.sudo(self.user_cadre_b).read(['rating'])
        self.assertIn(rating, self.Rating.sudo(self.user_city).search([]))

    def test_rating_link(self):
        url = self.cadre_a.sudo(self.user_cadre_a).rating_url
        self.assertTrue(url.endswith('/youth_contact/rate/%s' % self.token))
        self.assertEqual(len(self.token), 32)
        self.assertNotEqual(self.token, self.cadre_b.sudo().rating_token)
        # the page of a valid link, as the public user
        public = self.env.ref('base.public_user')
        Rating = self.Rating.sudo(public)
        self.assertEqual(Rating._link_cadre(self.token), self.cadre_a)
        self.assertEqual(Rating._submit_link_rating(self.token, '  %s ' % self.youth_a1.mobile,
                                                   '5', '谢谢团干部'), 'done')
        rating = self.Rating.search([('cadre_id', '=', self.cadre_a.id)])
        self.assertEqual((rating.youth_id, rating.rating, rating.source, rating.comment),
                         (self.youth_a1, '5', 'link', '谢谢团干部'))
        # once per half-year: the same youth gets "already"
        self.assertEqual(Rating._submit_link_rating(self.token, self.youth_a1.mobile, '1'),
                         'already')
        self.assertEqual(self.Rating.search_count([('cadre_id', '=', self.cadre_a.id)]), 1)
        # a mobile outside the cadre's list, a bad rating
        self.assertEqual(Rating._submit_link_rating(self.token, self.youth_b1.mobile, '5'),
                         'unknown_youth')
        self.assertEqual(Rating._submit_link_rating(self.token, '', '5'), 'unknown_youth')
        self.assertEqual(Rating._submit_link_rating(self.token, self.youth_a2.mobile, '9'),
                         'bad_rating')
        # bad tokens
        for token in ('', 'x' * 32, self.token[:10]):
            self.assertFalse(Rating._link_cadre(token))
            self.assertEqual(Rating._submit_link_rating(token, self.youth_a2.mobile, '5'),
                             'invalid')
        # a replaced link stops working; the new one works
        self.cadre_a.sudo(self.user_cadre_a).action_new_rating_token()
        new_token = self.cadre_a.sudo().rating_token
        self.assertNotEqual(new_token, self.token)
        self.assertEqual(Rating._submit_link_rating(self.token, self.youth_a2.mobile, '4'),
                         'invalid')
        self.assertEqual(Rating._submit_link_rating(new_token, self.youth_a2.mobile, '4'), 'done')
        # nobody replaces the link of a cadre they may not edit
        with self.assertRejected('', AccessError):
            self.cadre_a.sudo(self.user_cadre_b).action_new_rating_token()
        self.assertEqual(self.cadre_a.sudo().rating_token, new_token)
        # an archived cadre's link is no longer valid
        self.cadre_a.write({'active': False})
        self.assertFalse(Rating._link_cadre(new_token))

    def test_rating_pages(self):
        View = self.env['ir.ui.view']
        values = {'cadre': self.cadre_a.sudo(), 'csrf_token': 'x', 'mobile': '', 'comment': ''}
        pages = {
            status: View.render_template('youth_contact_reports.rating_page',
                                         dict(values, status=status)).decode()
            for status in ('form', 'invalid', 'already', 'done')}
        self.assertIn('name="mobile"', pages['form'])
        self.assertIn('name="rating"', pages['form'])
        self.assertIn(self.cadre_a.name, pages['form'])
        self.assertIn('not valid', pages['invalid'])
        self.assertNotIn('<form', pages['invalid'])
        self.assertIn('already rated', pages['already'])
        self.assertIn('Thank you', pages['done'])
        error = View.render_template('youth_contact_reports.rating_page', dict(
            values, status='form', error='unknown_youth')).decode()
        self.assertIn('not in the contact list', error)
        if self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            chinese = View.with_context(lang='zh_CN').render_template(
                'youth_contact_reports.rating_page', dict(values, status='invalid')).decode()
            self.assertIn('评价链接无效', chinese)

    def test_half_year_period(self):
        rating = self.Rating.create({'cadre_id': self.cadre_a.id, 'youth_id': self.youth_a2.id,
                                     'rating': '2', 'date': '2025-07-01'})
        self.assertEqual(rating.period, '2025-H2')
        # the date of a rating is frozen: another rating at the end of H1
        earlier = self.Rating.create({'cadre_id': self.cadre_a.id,
                                      'youth_id': self.youth_a2.id,
                                      'rating': '2', 'date': '2025-06-30'})
        self.assertEqual(earlier.period, '2025-H1')
        self.assertEqual(fields.Date.to_string(fields.Date.from_string(earlier.date)),
                         '2025-06-30')
