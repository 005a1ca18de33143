# -*- coding: utf-8 -*-
import importlib.util

from odoo.exceptions import AccessError, UserError
from odoo.modules.module import get_module_resource

from .common import LeagueTestCase


def make_concern(cls):
    """A new concern of ``cadre_a`` about his youth ``youth_a1``."""
    cls.make_contact(cls.cadre_a, cls.youth_a1)
    return cls.env['league.concern'].create({
        'name': '求职信息少', 'youth_id': cls.youth_a1.id, 'cadre_id': cls.cadre_a.id,
        'kind': 'difficulty', 'description': '希望多提供本地企业招聘信息'})


class TestConcern(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestConcern, cls).setUpClass()
        cls.concern = make_concern(cls)
        cls.answer_type = cls.env.ref('youth_contact.mail_activity_type_concern')

    def test_not_raised_in_future(self):
        with self.assertRejected('cannot be raised in the future'):
            self.concern.write({'date': self.days_ago(-30)})
        self.assertEqual(self.concern.date, self.days_ago(0))

    def test_new_concern_schedules_answer(self):
        self.assertEqual(self.concern.state, 'new')
        self.assertEqual(self.concern.county_id, self.county_a)
        activity = self.concern.activity_ids
        self.assertEqual(activity.activity_type_id, self.answer_type)
        self.assertEqual(activity.user_id, self.user_cadre_a)

    def test_flow_answer_help_close(self):
        concern = self.concern.sudo(self.user_cadre_a)
        with self.assertRejected('Write the answer', UserError):
            concern.action_answer()
        concern.write({'answer': '已推荐参加团区委青年招聘会'})
        concern.action_answer()
        self.assertEqual(self.concern.state, 'answered')
        self.assertFalse(self.concern.activity_ids, 'answer activity done')
        with self.assertRejected('not possible', UserError):
            concern.action_answer()
        concern.action_help()
        self.assertEqual(self.concern.state, 'helped')
        concern.action_close()
        self.assertEqual(self.concern.state, 'closed')
        self.assertTrue(self.concern.date_closed)
        concern.action_reopen()
        self.assertEqual(self.concern.state, 'new')
        self.assertFalse(self.concern.date_closed)

    def test_escalation_requires_route(self):
        concern = self.concern.sudo(self.user_cadre_a)
        with self.assertRejected('Choose the escalation route', UserError):
            concern.action_escalate()
        self.assertEqual(self.concern.state, 'new')
        concern.write({'escalation': 'proposal', 'escalation_note': '建议写入两会提案'})
        concern.action_escalate()
        self.assertEqual(self.concern.state, 'escalated')
        with self.assertRejected('not possible', UserError):
            concern.action_help()
        concern.action_close()
        self.assertEqual(self.concern.state, 'closed')

    def test_state_only_through_buttons(self):
        with self.assertRejected('workflow buttons', UserError):
            self.concern.sudo(self.user_cadre_a).write({'state': 'closed'})
        with self.assertRejected('workflow buttons', UserError):
            self.concern.write({'state': 'answered'})
        self.assertEqual(self.concern.state, 'new')
        with self.assertRejected('not possible', UserError):
            self.concern.action_close()

    def test_state_changes_are_tracked(self):
        concern = self.concern.with_context(tracking_disable=False)
        concern.write({'answer': '已答复'})
        count = len(concern.message_ids)
        concern.action_answer()
        self.assertGreater(len(concern.message_ids), count)
        tracked = concern.message_ids[0].tracking_value_ids.filtered(
            lambda v: v.field == 'state')
        self.assertEqual(tracked.new_value_char, 'Answered')


class TestPairing(LeagueTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestPairing, cls).setUpClass()
        cls.make_contact(cls.cadre_a, cls.youth_a1)
        cls.child = cls.make_youth('留守儿童小明', cls.town_a, hardship='left_behind',
                                   sector='rural')

    def _pair(self, **vals):
        values = {'cadre_id': self.cadre_a.id, 'mentor_id': self.youth_a1.id,
                  'beneficiary_id': self.child.id, 'project': 'hope_home'}
        values.update(vals)
        return self.env['league.pairing'].create(values)

    def test_pairing_rules(self):
        Pairing = self.env['league.pairing']
        with self.assertRejected('must be in the contact list of 张伟'):
            self._pair(mentor_id=self.youth_a2.id)
        with self.assertRejected('no hardship category'):
            self._pair(beneficiary_id=self.youth_a2.id)
        with self.assertRejected('paired with themselves'):
            self._pair(beneficiary_id=self.youth_a1.id)
        with self.assertRejected('name of the project'):
            self._pair(project='other')
        with self.assertRejected('cannot start in the future'):
            self._pair(date_start=self.days_ago(-30))
        self.assertFalse(Pairing.search([('cadre_id', '=', self.cadre_a.id)]))
        pairing = self._pair(project='other', project_name='圆梦助学')
        self.assertEqual(pairing.name, '刘洋 → 留守儿童小明')
        self.assertEqual(pairing.county_id, self.county_a)
        self.assertEqual(pairing.beneficiary_hardship, 'left_behind')

    def test_pairing_states(self):
        pairing = self._pair().sudo(self.user_cadre_a)
        self.assertEqual(pairing.state, 'active')
        with self.assertRejected('workflow buttons', UserError):
            pairing.write({'state': 'done'})
        pairing.action_done()
        self.assertEqual(pairing.state, 'done')
        self.assertTrue(pairing.date_end)
        with self.assertRejected('not possible', UserError):
            pairing.action_done()
        pairing.action_reactivate()
        self.assertEqual(pairing.state, 'active')
        self.assertFalse(pairing.date_end)


class TestActivity(LeagueTestCase):

    def test_activity(self):
        self.make_contact(self.cadre_a, self.youth_a1)
        activity = self.env['league.activity'].sudo(self.user_cadre_a).create({
            'name': '青年篮球友谊赛', 'kind': 'sports_culture', 'place': '梅江区体育馆',
            'youth_ids': [(6, 0, (self.youth_a1 | self.youth_a2).ids)],
            'summary': '20名青年参加'})
        self.assertEqual(activity.cadre_id, self.cadre_a)
        self.assertEqual(activity.county_id, self.county_a)
        self.assertEqual(activity.participant_count, 2)
        self.assertEqual(self.cadre_a.offline_state, 'met')
        self.assertEqual(self.cadre_a.offline_count, 1)


class TestConcernDialogs(LeagueTestCase):
    """Issue 13: "Answer" and "Escalate" ask for the text in a dialog (no need to
    edit the form first), which checks it and applies it."""

    @classmethod
    def setUpClass(cls):
        super(TestConcernDialogs, cls).setUpClass()
        cls.concern = make_concern(cls)

    def dialog(self, model, user=None, **vals):
        return self.env[model].sudo(user or self.user_cadre_a).with_context(
            active_model='league.concern', active_id=self.concern.id).create(vals)

    def test_answer_dialog(self):
        with self.assertRejected('Write the answer given to the youth'):
            self.dialog('league.concern.answer.wizard', answer='   ')
        self.assertEqual(self.concern.state, 'new')
        wizard = self.dialog('league.concern.answer.wizard', answer=' 已推荐参加招聘会 ')
        self.assertEqual(wizard.concern_id, self.concern)
        wizard.action_apply()
        self.assertEqual(self.concern.state, 'answered')
        self.assertEqual(self.concern.answer, '已推荐参加招聘会')
        self.assertFalse(self.concern.activity_ids, 'answer activity done')
        # the dialog opened again shows the answer; answering twice is refused
        wizard = self.dialog('league.concern.answer.wizard')
        self.assertEqual(wizard.answer, '已推荐参加招聘会')
        with self.assertRejected('not possible', UserError):
            wizard.action_apply()

    def test_escalate_dialog(self):
        with self.assertRejected('to whom and how'):
            self.dialog('league.concern.escalate.wizard', escalation='department',
                        escalation_note='\n')
        wizard = self.dialog('league.concern.escalate.wizard', escalation='department',
                             escalation_note='已报县人社局')
        wizard.action_apply()
        self.assertEqual(self.concern.state, 'escalated')
        self.assertEqual((self.concern.escalation, self.concern.escalation_note),
                         ('department', '已报县人社局'))

    def test_other_county_refused(self):
        wizard = self.dialog('league.concern.answer.wizard', self.user_cadre_b, answer='答复')
        with self.assertRejected('', AccessError):
            wizard.action_apply()
        self.assertEqual(self.concern.state, 'new')


class TestConcernVoice(LeagueTestCase):
    """青年之声 (issue 16): the kinds of the data contract stay confusion,
    difficulty and suggestion (意见建议); an opinion or suggestion is a
    suggestion, an opinion or an idea (``voice_kind``), the other kinds none."""

    @classmethod
    def setUpClass(cls):
        super(TestConcernVoice, cls).setUpClass()
        cls.make_contact(cls.cadre_a, cls.youth_a1)

    def raise_concern(self, user=None, **vals):
        values = {'name': '多办青年活动', 'youth_id': self.youth_a1.id,
                  'cadre_id': self.cadre_a.id, 'description': '希望多组织联谊活动'}
        values.update(vals)
        return self.env['league.concern'].sudo(user or self.user_cadre_a).create(values)

    def test_kinds_of_the_contract(self):
        Concern = self.env['league.concern']
        self.assertEqual([key for key, _label in Concern._fields['kind'].selection],
                         ['confusion', 'difficulty', 'suggestion'])
        self.assertEqual([key for key, _label in Concern._fields['voice_kind'].selection],
                         ['suggestion', 'opinion', 'idea'])

    def test_voice_kind_goes_with_the_kind(self):
        """As a cadre: an opinion or suggestion is a suggestion unless told
        otherwise, keeps its youth voice kind, and another kind has none."""
        suggestion = self.raise_concern(kind='suggestion')
        idea = self.raise_concern(kind='suggestion', voice_kind='idea')
        difficulty = self.raise_concern(kind='difficulty')
        default = self.raise_concern()      # the default kind, a difficulty
        self.assertEqual([c.voice_kind for c in (suggestion, idea, difficulty, default)],
                         ['suggestion', 'idea', False, False])
        idea.write({'kind': 'suggestion', 'name': '开设青年夜校'})
        self.assertEqual(idea.voice_kind, 'idea')
        (idea | difficulty).write({'kind': 'confusion'})
        self.assertEqual((idea.voice_kind, difficulty.voice_kind), (False, False))
        (idea | suggestion).write({'kind': 'suggestion'})
        self.assertEqual((idea.voice_kind, suggestion.voice_kind), ('suggestion', 'suggestion'))
        suggestion.write({'voice_kind': 'opinion'})
        self.assertEqual(suggestion.voice_kind, 'opinion')
        # the answer flow is the one of every concern
        idea.write({'answer': '已纳入下季度活动计划'})
        idea.action_answer()
        self.assertEqual((idea.state, idea.voice_kind), ('answered', 'suggestion'))

    def test_voice_kind_checked(self):
        concern = self.raise_concern(kind='suggestion', voice_kind='opinion')
        with self.assertRejected('Choose whether the opinion or suggestion "多办青年活动" is a '
                                 'suggestion, an opinion or an idea'):
            concern.write({'voice_kind': False})
        with self.assertRejected('Choose whether the opinion or suggestion'):
            self.raise_concern(kind='suggestion', voice_kind=False)
        with self.assertRejected(r'Only an opinion or suggestion has a youth voice kind'):
            self.raise_concern(kind='difficulty', voice_kind='idea')
        with self.assertRejected(r'Only an opinion or suggestion has a youth voice kind'):
            concern.write({'kind': 'confusion', 'voice_kind': 'opinion'})
        self.assertEqual((concern.kind, concern.voice_kind), ('suggestion', 'opinion'))

    def test_voice_kind_message_in_chinese(self):
        if not self.env['res.lang'].search([('code', '=', 'zh_CN')]):
            self.skipTest('Chinese is not installed')
        concern = self.raise_concern(kind='suggestion').with_context(lang='zh_CN')
        with self.assertRejected('请选择意见建议“多办青年活动”是建议、意见还是想法'):
            concern.write({'voice_kind': False})

    def test_form_shows_the_voice_kind_of_suggestions(self):
        Concern = self.env['league.concern'].sudo(self.user_cadre_a)
        concern = Concern.new({'kind': 'difficulty', 'voice_kind': 'suggestion'})
        concern._onchange_kind_voice()
        self.assertFalse(concern.voice_kind)
        concern.kind = 'suggestion'
        concern._onchange_kind_voice()
        self.assertEqual(concern.voice_kind, 'suggestion')
        arch = Concern.fields_view_get(view_type='form')['arch']
        self.assertRegex(arch, r'<field name="voice_kind"[^>]*modifiers="[^"]*'
                               r'&quot;invisible&quot;: \[\[&quot;kind&quot;, &quot;!=&quot;, '
                               r'&quot;suggestion&quot;\]\]')

    def test_migration_of_the_former_kinds(self):
        """migrations/11.0.1.1.0: the kinds 'opinion' and 'idea' of issue 16's
        first version become opinions and suggestions of that youth voice kind."""
        path = get_module_resource('youth_contact', 'migrations', '11.0.1.1.0',
                                   'pre-migrate.py')
        spec = importlib.util.spec_from_file_location('youth_contact_pre_migrate_voice', path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        rows = {key: self.raise_concern(name=key, kind='difficulty')
                for key in ('opinion', 'idea', 'suggestion', 'difficulty', 'confusion')}
        cr = self.env.cr
        for key, concern in rows.items():
            # as the rows were: the former kinds, no youth voice kind, a stale one
            cr.execute("UPDATE league_concern SET kind = %s, voice_kind = %s WHERE id = %s",
                       (key, 'idea' if key == 'confusion' else None, concern.id))
        script.migrate(cr, '11.0.1.0.0')
        self.env['league.concern'].invalidate_cache()
        self.assertEqual({key: (c.kind, c.voice_kind) for key, c in rows.items()}, {
            'opinion': ('suggestion', 'opinion'), 'idea': ('suggestion', 'idea'),
            'suggestion': ('suggestion', 'suggestion'), 'difficulty': ('difficulty', False),
            'confusion': ('confusion', False)})
