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

    def page_contact(self, youth):
        """The contact of cadre_a and ``youth`` as the page finds it (by its token)."""
        contact = self.env['league.contact'].search([('cadre_id', '=', self.cadre_a.id),
                                                     ('youth_id', '=', youth.id)])
        return self.env['league.contact']._youth_page_contact(contact.sudo().youth_token)

    def test_rating_on_the_youth_page(self):
        contact = self.page_contact(self.youth_a1)
        self.assertEqual(contact.youth_id, self.youth_a1)
        # confirmed first
        self.assertEqual(contact._youth_page_post('rate', {'rating': '5'}), 'confirm_first')
        self.assertFalse(self.Rating.search([('cadre_id', '=', self.cadre_a.id)]))
        contact._youth_page_post('confirm', {})
        self.assertEqual(contact._youth_page_post('rate', {'rating': '9'}), 'bad_rating')
        self.assertFalse(contact._youth_page_values()['rated'])
        self.assertEqual(contact._youth_page_post('rate', {'rating': '4',
                                                           'comment': ' 谢谢团干部 '}), 'rated')
        rating = self.Rating.search([('cadre_id', '=', self.cadre_a.id)])
        self.assertEqual((rating.youth_id, rating.rating, rating.source, rating.comment),
                         (self.youth_a1, '4', 'link', '谢谢团干部'))
        self.assertTrue(contact._youth_page_values()['rated'])
        # once per half-year
        self.assertEqual(contact._youth_page_post('rate', {'rating': '1'}), 'already_rated')
        self.assertEqual(self.Rating.search_count([('cadre_id', '=', self.cadre_a.id)]), 1)

    def test_youth_page_renders(self):
        View = self.env['ir.ui.view']
        contact = self.page_contact(self.youth_a1)
        values = dict(contact._youth_page_values(), csrf_token='x', status='page')
        page = View.render_template('youth_contact.youth_page', values).decode()
        self.assertIn(self.cadre_a.name, page)
        self.assertIn('value="confirm"', page)
        self.assertNotIn('name="rating"', page)          # confirmed first
        contact._youth_page_post('confirm', {})
        values = dict(contact._youth_page_values(), csrf_token='x', status='page')
        page = View.render_template('youth_contact.youth_page', values).decode()
        self.assertIn('name="rating"', page)
        self.assertIn('name="kind"', page)
        self.assertNotIn(self.cadre_a.wechat, page)       # not shown unless the cadre chose
        self.cadre_a.sudo(self.user_cadre_a).write({'show_wechat': True})
        values = dict(contact._youth_page_values(), csrf_token='x', status='page')
        page = View.render_template('youth_contact.youth_page', values).decode()
        self.assertIn(self.cadre_a.wechat, page)
        invalid = View.render_template('youth_contact.youth_page',
                                       {'status': 'invalid', 'csrf_token': 'x'}).decode()
        self.assertIn('not valid', invalid)
        self.assertNotIn('<form', invalid)
        if self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            chinese = View.with_context(lang='zh_CN').render_template(
                'youth_contact.youth_page', {'status': 'invalid', 'csrf_token': 'x'}).decode()
            self.assertIn('链接无效', chinese)

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
