# -*- coding: utf-8 -*-
"""Issue 9 "Integrity": satisfaction ratings are the youth's evidence, and no
public (RPC-callable) method creates data that no button of the user can.

- staff record ``face_to_face`` ratings only; ``link`` ratings are created
  by the server (the youth's page) only;
- nobody changes the cadre, youth, date, rating, comment or source of a
  recorded rating; only the city administrator deletes one;
- the demo generator, the bulletin's creation and the youth page's methods
  are private (an RPC call of a name starting with ``_`` is refused).
"""
from odoo.exceptions import AccessError, UserError
from odoo.models import check_method_name

from odoo.addons.youth_contact.models.league_guard import server_side
from odoo.addons.youth_contact.tests.common import LeagueTestCase

CHANGES = {
    'rating': '1',
    'comment': '改过的评价',
    'date': '2025-01-02',
    'source': 'link',
}


class TestRatingIntegrity(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestRatingIntegrity, cls).setUpClass()
        cls.make_contacts(cls.cadre_a, cls.youth_a1 | cls.youth_a2)
        cls.make_contact(cls.cadre_a2, cls.youth_a2)
        cls.Rating = cls.env['league.satisfaction']
        cls.rating = cls.Rating.create({'cadre_id': cls.cadre_a.id, 'youth_id': cls.youth_a1.id,
                                        'rating': '3', 'comment': '一般'})

    def ratings_of(self, cadre):
        return self.Rating.search([('cadre_id', '=', cadre.id)])

    def test_staff_cannot_record_link_ratings(self):
        for user, cadre in ((self.user_cadre_a, self.cadre_a), (self.user_admin_a, self.cadre_a),
                            (self.user_city, self.cadre_a)):
            with self.assertRejected('Only face-to-face ratings', UserError):
                self.Rating.sudo(user).create({'cadre_id': cadre.id,
                                               'youth_id': self.youth_a2.id,
                                               'rating': '5', 'source': 'link'})
        self.assertEqual(self.ratings_of(self.cadre_a), self.rating)
        # face to face is fine
        rating = self.Rating.sudo(self.user_cadre_a).create({'youth_id': self.youth_a2.id,
                                                             'rating': '5'})
        self.assertEqual(rating.source, 'face_to_face')

    def test_the_server_records_link_ratings(self):
        rating = server_side(self.Rating).create({'cadre_id': self.cadre_a.id,
                                                  'youth_id': self.youth_a2.id,
                                                  'rating': '4', 'source': 'link'})
        self.assertEqual(rating.source, 'link')
        # the youth's page of a contact, as the public user
        contact = self.env['league.contact'].search([('cadre_id', '=', self.cadre_a2.id)])
        public = self.env.ref('base.public_user')
        page = self.env['league.contact'].sudo(public)._youth_page_contact(
            contact.sudo().youth_token)
        self.assertEqual(page, contact)
        page._youth_page_post('confirm', {})
        self.assertEqual(page._youth_page_post('rate', {'rating': '5'}), 'rated')
        self.assertEqual(self.ratings_of(self.cadre_a2).source, 'link')

    def test_a_context_key_does_not_open_the_guard(self):
        Rating = self.Rating.sudo(self.user_admin_a).with_context(league_server_side=True)
        with self.assertRejected('Only face-to-face ratings', UserError):
            Rating.create({'cadre_id': self.cadre_a.id, 'youth_id': self.youth_a2.id,
                           'rating': '5', 'source': 'link'})
        with self.assertRejected('evidence', UserError):
            self.rating.sudo(self.user_admin_a).with_context(
                league_server_side=True).write({'rating': '5'})

    def test_nobody_changes_a_recorded_rating(self):
        for user in (self.user_admin_a, self.user_city):
            rating = self.rating.sudo(user)
            for name, value in sorted(CHANGES.items()) + [('youth_id', self.youth_a2.id),
                                                          ('cadre_id', self.cadre_a2.id)]:
                with self.assertRejected('evidence', UserError):
                    rating.write({name: value})
        self.rating.invalidate_cache()
        self.assertEqual((self.rating.rating, self.rating.comment, self.rating.source,
                          self.rating.youth_id, self.rating.cadre_id),
                         ('3', '一般', 'face_to_face', self.youth_a1, self.cadre_a))
        # a cadre cannot write ratings at all
        with self.assertRejected('', AccessError):
            self.rating.sudo(self.user_cadre_a).write({'rating': '5'})

    def test_only_the_city_administrator_deletes(self):
        with self.assertRejected('Only the city administrator', UserError):
            self.rating.sudo(self.user_admin_a).unlink()
        with self.assertRejected('', AccessError):
            self.rating.sudo(self.user_cadre_a).unlink()
        self.assertTrue(self.rating.exists())
        self.rating.sudo(self.user_city).unlink()
        self.assertFalse(self.rating.exists())


class TestPrivateMethods(LeagueTestCase):
    """Methods that create data are private: XML-RPC refuses names starting
    with ``_`` (``odoo.models.check_method_name``)."""

    PRIVATE = [
        ('league.reports.demo', 'generate'),
        ('league.bulletin', 'create_from_evaluation'),
        ('league.satisfaction', 'youth_page_rate'),
        ('league.contact', 'youth_page_post'),
        ('league.cadre', 'add_youth'),
    ]

    def test_methods_that_create_data_are_private(self):
        for model, name in self.PRIVATE:
            self.assertFalse(hasattr(self.env[model], name), '%s.%s' % (model, name))
            self.assertTrue(callable(getattr(self.env[model], '_' + name)))
            with self.assertRaises(AccessError):
                check_method_name('_' + name)
