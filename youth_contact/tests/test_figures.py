# -*- coding: utf-8 -*-
"""Figures that must not mislead: the edge cases of the cadences (no youth, no
log, a new cadre) read "not started", the face-to-face counts add up to the
youth contacted, a youth always has a sector, and the limit of cadres per youth
is told before a youth is added."""
from datetime import timedelta


from .common import LeagueTestCase

NOT_STARTED = {'online_state': 'not_started', 'offline_state': 'not_started',
               'face_state': 'not_started'}


class TestCadenceEdgeCases(LeagueTestCase):

    def states(self, cadre, user):
        """The cadences as the cadre's user reads them (the form's read)."""
        return cadre.sudo(user).read(list(NOT_STARTED) + [
            'behind_count', 'last_log_date', 'face_done_count', 'face_pending_count',
            'face_behind_count', 'contact_count'])[0]

    def test_new_cadre_without_youth_reads_not_started(self):
        user = self.make_user('fig_new', 'group_cadre')
        cadre = self.make_cadre('新来的干部', self.town_a, user)
        row = self.states(cadre, user)
        for name, state in NOT_STARTED.items():
            self.assertEqual(row[name], state, name)
        self.assertEqual(row['behind_count'], 3, 'nothing is met')
        self.assertFalse(row['last_log_date'])
        self.assertEqual((row['contact_count'], row['face_done_count'],
                          row['face_pending_count'], row['face_behind_count']), (0, 0, 0, 0))
        # not counted as on track anywhere: the "All Cadences Met" filter
        self.assertNotIn(cadre, self.env['league.cadre'].search([('behind_count', '=', 0)]))

    def test_cadre_form_of_a_new_record(self):
        """A cadre being created in a form shows "not started", not "met"."""
        cadre = self.env['league.cadre'].new({'name': '表单中的干部',
                                              'organization_id': self.town_a.id})
        self.assertEqual((cadre.online_state, cadre.offline_state, cadre.face_state),
                         ('not_started',) * 3)

    def test_youth_but_no_log(self):
        self.make_contact(self.cadre_a, self.youth_a1, date_start=self.days_ago(10))
        row = self.states(self.cadre_a, self.user_cadre_a)
        self.assertEqual(row['online_state'], 'not_started')
        self.assertEqual(row['face_state'], 'not_started', 'nobody met, nobody overdue')
        self.assertEqual((row['face_done_count'], row['face_pending_count'],
                          row['face_behind_count']), (0, 1, 0))

    def test_started_cadences_are_behind_not_not_started(self):
        today = self.models_today()
        self.make_contact(self.cadre_a, self.youth_a1, date_start=self.days_ago(400))
        self.make_log(self.cadre_a, self.youth_a1, date=self.days_ago(30))
        # an activity of a past quarter: started, behind this quarter
        first_day = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        self.env['league.activity'].create({
            'name': '座谈会', 'cadre_id': self.cadre_a.id, 'kind': 'other',
            'date': str(first_day - timedelta(days=1))})
        row = self.states(self.cadre_a, self.user_cadre_a)
        self.assertEqual((row['online_state'], row['offline_state'], row['face_state']),
                         ('behind', 'behind', 'behind'))
        self.assertEqual(row['behind_count'], 3)

    def test_face_counts_add_up_to_the_youth_contacted(self):
        """met + not due yet + behind = youth contacted (the 48 + 9 != 60 case)."""
        youth = [self.youth_a1, self.youth_a2, self.youth_b1] + [
            self.make_youth('青年%d' % i, self.unit_a) for i in range(3)]
        starts = [400, 400, 400, 20, 20, 500]
        for person, days in zip(youth, starts):
            self.make_contact(self.cadre_a, person, date_start=self.days_ago(days))
        # met: youth[0] (overdue start but met lately) and youth[3] (new)
        self.make_log(self.cadre_a, youth[0] | youth[3], mode='face_to_face',
                      date=self.days_ago(5))
        row = self.states(self.cadre_a, self.user_cadre_a)
        self.assertEqual((row['face_done_count'], row['face_pending_count'],
                          row['face_behind_count']), (2, 1, 3))
        self.assertEqual(row['face_done_count'] + row['face_pending_count']
                         + row['face_behind_count'], row['contact_count'])
        self.assertEqual(row['face_state'], 'behind')

    def test_no_face_reminder_while_not_started(self):
        user = self.make_user('fig_remind', 'group_cadre')
        cadre = self.make_cadre('提醒干部', self.town_a, user)
        cadre._update_cadence_reminders()
        types = self.env['mail.activity'].search([
            ('res_model', '=', 'league.cadre'), ('res_id', '=', cadre.id)]).mapped(
                'activity_type_id')
        self.assertIn(self.env.ref('youth_contact.mail_activity_type_online'), types)
        self.assertIn(self.env.ref('youth_contact.mail_activity_type_offline'), types)
        self.assertNotIn(self.env.ref('youth_contact.mail_activity_type_face'), types,
                         'no youth: no face-to-face exchange is due')


class TestYouthSector(LeagueTestCase):

    def test_sector_taken_from_the_organization(self):
        Youth = self.env['league.youth'].sudo(self.user_admin_a)
        youth = Youth.create({'name': '新青年', 'organization_id': self.unit_a.id,
                              'mobile': self.next_mobile()})
        self.assertTrue(self.unit_a.sector)
        self.assertEqual(youth.sector, self.unit_a.sector)

    def test_sector_required(self):
        Youth = self.env['league.youth'].sudo(self.user_admin_a)
        self.assertFalse(self.town_a.sector)
        with self.assertRejected('Choose the sector'):
            Youth.create({'name': '无领域', 'organization_id': self.town_a.id,
                          'mobile': self.next_mobile()})
        with self.assertRejected('Choose the sector'):
            self.youth_a1.sudo(self.user_admin_a).write({'sector': False})
        self.assertEqual(self.youth_a1.sector, 'enterprise')

    def test_sector_follows_the_organization(self):
        youth = self.youth_a2.sudo(self.user_admin_a)       # rural, under town_a
        school = self.env['league.organization'].create({
            'name': '西阳中学团委', 'level': 'unit', 'parent_id': self.town_a.id,
            'sector': 'school'})
        youth.write({'organization_id': school.id})
        self.assertEqual(youth.sector, 'school')
        # an explicit sector wins; an organization without sector keeps it
        youth.write({'organization_id': self.unit_a.id, 'sector': 'rural'})
        self.assertEqual(youth.sector, 'rural')
        youth.write({'organization_id': self.town_a.id})
        self.assertEqual(youth.sector, 'rural')
        # the form: onchange of the organization
        form = self.env['league.youth'].sudo(self.user_admin_a).new(
            {'name': '表单青年', 'sector': 'rural'})
        form.organization_id = school
        form._onchange_organization_sector()
        self.assertEqual(form.sector, 'school')


class TestContactLimitBeforeAdding(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestContactLimitBeforeAdding, cls).setUpClass()
        # youth_a1 at the limit (3 cadres by default), youth_a2 with one
        cls.others = cls.env['league.cadre']
        for index in range(3):
            cls.others |= cls.make_cadre('其他干部%d' % index, cls.town_a)
        for cadre in cls.others:
            cls.make_contact(cadre, cls.youth_a1)
        cls.make_contact(cls.cadre_a, cls.youth_a2)
        cls.youth_free = cls.make_youth('自由青年', cls.unit_a)

    def test_youth_marks(self):
        self.assertEqual(self.env['league.youth']._max_cadres(), 3)
        self.assertTrue(self.youth_a1.at_contact_limit)
        self.assertFalse(self.youth_a1.over_contacted)
        self.assertIn('3', self.youth_a1.contact_limit_note)
        self.assertFalse(self.youth_a2.at_contact_limit)
        self.assertFalse(self.youth_a2.contact_limit_note)

    def test_add_dialog_warns_and_picker_leaves_out_my_youth(self):
        Wizard = self.env['league.contact.add.wizard'].sudo(self.user_cadre_a)
        wizard = Wizard.new({'cadre_id': self.cadre_a.id})
        self.assertEqual(wizard.listed_youth_ids, self.youth_a2)
        self.assertFalse(wizard.limit_warning)
        wizard.youth_ids = self.youth_a1 | self.youth_free
        self.assertIn(self.youth_a1.name, wizard.limit_warning)
        self.assertNotIn(self.youth_free.name, wizard.limit_warning)
        # the picker's domain, as the web client evaluates it
        domain = [('id', 'not in', wizard.listed_youth_ids.ids)]
        found = self.env['league.youth'].sudo(self.user_cadre_a).search(domain)
        self.assertNotIn(self.youth_a2, found)
        self.assertIn(self.youth_a1, found)
        # the picker's list shows the count and the marker
        arch = self.env['league.youth'].sudo(self.user_cadre_a).fields_view_get(
            view_id=self.env.ref('youth_contact.league_youth_view_tree_pick').id,
            view_type='tree')['arch']
        self.assertIn('cadre_count', arch)
        self.assertIn('contact_limit_note', arch)

    def test_contact_form_warns_before_saving(self):
        Contact = self.env['league.contact'].sudo(self.user_cadre_a)
        contact = Contact.new({'cadre_id': self.cadre_a.id})
        contact.youth_id = self.youth_a1
        result = contact._onchange_youth_limit()
        self.assertIn(self.youth_a1.name, result['warning']['message'])
        contact.youth_id = self.youth_free
        self.assertFalse(contact._onchange_youth_limit())
        self.assertEqual(self.youth_a1.cadre_count, 3, 'nothing was added')

