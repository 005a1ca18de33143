# -*- coding: utf-8 -*-
"""Issue 15: the youth's page of a contact (/youth/<token>).

- a long random token per contact, unique, never derived from ids, read
  through the contact's record rules; renewed or revoked by the cadre (own
  contacts) or the county administrator (own county), nobody else;
- the youth's answer (confirmed / disowned) and the token are written by the
  server only: staff cannot set them over RPC, a context key opens nothing;
- a concern raised on the page arrives in the cadre's list as new, with an
  activity for the cadre;
- the page's requests are throttled per token and per address.
"""
from odoo.exceptions import AccessError, UserError

from odoo.addons.youth_contact.models.league_contact import TOKEN_RE, new_youth_token
from odoo.addons.youth_contact.models.league_guard import server_side
from odoo.addons.youth_contact.models.league_youth_page_attempt import (
    ADDRESS_LIMIT_PARAM, TOKEN_LIMIT_PARAM, attempt_key)

from .common import LeagueTestCase


class TestYouthPage(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestYouthPage, cls).setUpClass()
        cls.contact_a1 = cls.make_contact(cls.cadre_a, cls.youth_a1)
        cls.contact_a2 = cls.make_contact(cls.cadre_a2, cls.youth_a2)
        cls.contact_b1 = cls.make_contact(cls.cadre_b, cls.youth_b1)
        cls.user_admin_b = cls.make_user('admin_b', 'group_county_admin',
                                         league_admin_county_id=cls.county_b.id)
        cls.Contact = cls.env['league.contact']

    def token(self, contact):
        contact.invalidate_cache()
        return contact.sudo().youth_token

    def test_tokens_are_long_random_and_unique(self):
        tokens = {self.token(c) for c in self.contact_a1 | self.contact_a2 | self.contact_b1}
        self.assertEqual(len(tokens), 3)
        for token in tokens:
            self.assertTrue(TOKEN_RE.match(token), token)
            self.assertNotIn(str(self.contact_a1.id), token[:3])
        self.assertNotEqual(new_youth_token(), new_youth_token())
        url = self.contact_a1.sudo(self.user_cadre_a).youth_url
        self.assertTrue(url.endswith('/youth/%s' % self.token(self.contact_a1)))
        self.assertIn('/report/barcode/?', self.contact_a1.sudo(self.user_cadre_a).youth_qr)
        # the page finds the contact by its token only
        self.assertEqual(self.Contact._youth_page_contact(self.token(self.contact_a1)),
                         self.contact_a1)
        for wrong in ('', None, 'x' * 43, self.token(self.contact_a1)[:-1], str(self.contact_a1.id)):
            self.assertFalse(self.Contact._youth_page_contact(wrong))

    def test_cadre_renews_and_revokes_own_links_only(self):
        old = self.token(self.contact_a1)
        self.contact_a1.sudo(self.user_cadre_a).action_renew_youth_link()
        new = self.token(self.contact_a1)
        self.assertNotEqual(old, new)
        self.assertFalse(self.Contact._youth_page_contact(old))
        self.assertEqual(self.Contact._youth_page_contact(new), self.contact_a1)
        self.contact_a1.sudo(self.user_cadre_a).action_revoke_youth_link()
        self.assertFalse(self.token(self.contact_a1))
        self.assertFalse(self.Contact._youth_page_contact(new))
        self.assertFalse(self.contact_a1.sudo(self.user_cadre_a).youth_url)
        # a colleague of the same county and a cadre of another county: refused
        for user in (self.user_cadre_a2, self.user_cadre_b):
            with self.assertRejected('', AccessError):
                self.contact_a1.sudo(user).action_renew_youth_link()
            with self.assertRejected('', AccessError):
                self.contact_a1.sudo(user).read(['youth_token'])
        self.assertFalse(self.token(self.contact_a1))

    def test_county_admin_manages_own_county_only(self):
        old = self.token(self.contact_a2)
        self.contact_a2.sudo(self.user_admin_a).action_renew_youth_link()
        self.assertNotEqual(self.token(self.contact_a2), old)
        self.assertEqual(self.contact_a2.sudo(self.user_admin_a).read(['youth_token'])[0][
            'youth_token'], self.token(self.contact_a2))
        b1 = self.token(self.contact_b1)
        with self.assertRejected('', AccessError):
            self.contact_b1.sudo(self.user_admin_a).action_revoke_youth_link()
        with self.assertRejected('', AccessError):
            self.contact_b1.sudo(self.user_admin_a).read(['youth_token'])
        self.assertFalse(self.Contact.sudo(self.user_admin_a).search(
            [('youth_token', '=', b1)]))
        self.assertEqual(self.token(self.contact_b1), b1)
        self.contact_b1.sudo(self.user_admin_b).action_revoke_youth_link()
        self.assertFalse(self.token(self.contact_b1))
        # the city administrator manages every county
        self.contact_b1.sudo(self.user_city).action_renew_youth_link()
        self.assertTrue(self.token(self.contact_b1))

    def test_staff_cannot_write_the_answer_or_the_token(self):
        changes = [{'confirm_state': 'confirmed'}, {'confirm_state': 'disowned'},
                   {'confirm_date': '2025-01-01'}, {'youth_token': 'x' * 43},
                   {'youth_token': False}]
        for user in (self.user_cadre_a, self.user_admin_a, self.user_city):
            for vals in changes:
                with self.assertRejected('youth\'s page', UserError):
                    self.contact_a1.sudo(user).write(vals)
                with self.assertRejected('youth\'s page', UserError):
                    self.contact_a1.sudo(user).with_context(
                        league_server_side=True).write(vals)
        with self.assertRejected('youth\'s page', UserError):
            self.Contact.sudo(self.user_cadre_a).create({
                'youth_id': self.youth_a2.id, 'confirm_state': 'confirmed'})
        with self.assertRejected('youth\'s page', UserError):
            self.Contact.sudo(self.user_cadre_a).create({
                'youth_id': self.youth_a2.id, 'youth_token': 'chosen-by-the-cadre'})
        self.contact_a1.invalidate_cache()
        self.assertEqual(self.contact_a1.confirm_state, 'unconfirmed')
        # the page's methods are private (refused over RPC)
        for name in ('youth_page_contact', 'youth_page_post', 'youth_page_concern',
                     'write_youth_token', 'check_youth_page_fields'):
            self.assertFalse(hasattr(self.Contact, name))

    def test_page_confirms_and_counts(self):
        contact = self.Contact._youth_page_contact(self.token(self.contact_a1))
        self.assertEqual(contact._youth_page_post('concern', {'kind': 'difficulty',
                                                              'text': '找工作'}),
                         'confirm_first')
        self.assertEqual(contact._youth_page_post('confirm', {}), 'confirmed')
        self.assertEqual(self.contact_a1.confirm_state, 'confirmed')
        self.assertTrue(self.contact_a1.confirm_date)
        self.make_contact(self.cadre_a, self.youth_a2)
        cadre = self.cadre_a.sudo(self.user_cadre_a)
        self.assertEqual((cadre.confirmed_count, cadre.unconfirmed_count, cadre.disowned_count),
                         (1, 1, 0))
        contact._youth_page_post('disown', {})
        self.cadre_a.invalidate_cache()
        self.assertEqual((cadre.confirmed_count, cadre.unconfirmed_count, cadre.disowned_count),
                         (0, 1, 1))
        # the county administrator's list of disowned contacts
        disowned = self.Contact.sudo(self.user_admin_a).search(
            [('confirm_state', '=', 'disowned')])
        self.assertIn(self.contact_a1, disowned)
        self.assertFalse(self.Contact.sudo(self.user_cadre_b).search(
            [('confirm_state', '=', 'disowned'), ('id', '=', self.contact_a1.id)]))

    def test_concern_arrives_as_new_with_an_activity(self):
        contact = self.Contact._youth_page_contact(self.token(self.contact_a1))
        contact._youth_page_post('confirm', {})
        self.assertEqual(contact._youth_page_post('concern', {'kind': 'nonsense',
                                                              'text': 'x'}),
                         'concern_incomplete')
        self.assertEqual(contact._youth_page_post('concern', {'kind': 'difficulty',
                                                              'text': '   '}),
                         'concern_incomplete')
        self.assertEqual(contact._youth_page_post('concern', {
            'kind': 'difficulty', 'text': '想了解创业贷款\n家里开了网店', 'cadre_id': self.cadre_b.id,
            'youth_id': self.youth_b1.id}), 'concern_sent')
        concern = self.env['league.concern'].sudo(self.user_cadre_a).search([])
        self.assertEqual(len(concern), 1)
        self.assertEqual((concern.cadre_id, concern.youth_id, concern.state, concern.kind,
                          concern.origin, concern.name),
                         (self.cadre_a, self.youth_a1, 'new', 'difficulty', 'youth_page',
                          '想了解创业贷款'))
        self.assertEqual(concern.activity_ids.user_id, self.user_cadre_a)
        self.assertFalse(self.env['league.concern'].search([('cadre_id', '=', self.cadre_b.id)]))
        # staff cannot record a concern as raised on the youth's page
        with self.assertRejected('', UserError):
            self.env['league.concern'].sudo(self.user_cadre_a).create({
                'name': 'x', 'description': 'x', 'youth_id': self.youth_a1.id,
                'origin': 'youth_page'})

    def test_archived_cadre_link_is_not_valid(self):
        token = self.token(self.contact_a1)
        self.cadre_a.write({'active': False})
        self.assertFalse(self.Contact._youth_page_contact(token))

    def test_links_to_paste(self):
        self.make_contact(self.cadre_a, self.youth_a2)
        contacts = self.Contact.sudo(self.user_cadre_a).search([('cadre_id', '=', self.cadre_a.id)])
        action = contacts.action_youth_links()
        wizard = self.env[action['res_model']].sudo(self.user_cadre_a).browse(action['res_id'])
        lines = wizard.text.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertIn('%s: ' % self.youth_a1.name, wizard.text)
        self.assertIn(self.contact_a1.sudo().youth_url, wizard.text)
        # not the contacts of another cadre
        with self.assertRejected('', AccessError):
            self.contact_b1.sudo(self.user_cadre_a).action_youth_links()
        # (a wizard given them over RPC shows nothing: the record rules filter them)
        wizard = self.env['league.contact.link.wizard'].sudo(self.user_cadre_a).create(
            {'contact_ids': [(6, 0, (self.contact_b1 | self.contact_a1).ids)]})
        self.assertEqual(wizard.text.splitlines(), [lines[0]] if self.youth_a1.name in lines[0]
                         else [lines[1]])

    def test_throttling(self):
        Attempt = self.env['league.youth.page.attempt']
        params = self.env['ir.config_parameter'].sudo()
        params.set_param(TOKEN_LIMIT_PARAM, '5')
        params.set_param(ADDRESS_LIMIT_PARAM, '8')
        token = self.token(self.contact_a1)
        allowed = [Attempt._youth_page_allowed(token, '10.0.0.1') for _i in range(7)]
        self.assertEqual(allowed, [True] * 5 + [False] * 2)
        # another link from the same address: 3 more allowed before the address limit
        allowed = [Attempt._youth_page_allowed('other-%d' % i, '10.0.0.1') for i in range(3)]
        self.assertEqual(allowed, [True, False, False])
        # another address, another link: allowed
        self.assertTrue(Attempt._youth_page_allowed('another', '10.0.0.2'))
        # the window passes: allowed again
        self.env.cr.execute("""UPDATE league_youth_page_attempt
                                  SET date = date - interval '1 hour'""")
        self.assertTrue(Attempt._youth_page_allowed(token, '10.0.0.1'))
        # the table holds hashes, never the links
        keys = Attempt.sudo().search([]).mapped('key')
        self.assertIn(attempt_key('token', token), keys)
        self.assertFalse([key for key in keys if token in key])

    def test_server_side_write(self):
        server_side(self.contact_a1).write({'confirm_state': 'confirmed'})
        self.assertEqual(self.contact_a1.confirm_state, 'confirmed')
