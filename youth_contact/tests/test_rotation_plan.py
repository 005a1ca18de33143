# -*- coding: utf-8 -*-
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from ..models.league_rotation_plan import plan_layout, split_sizes
from .scheme_common import SchemeTestCase


def batch_sizes(plan):
    return [len(batch.group_ids.mapped('cadre_ids')) for batch in plan.batch_ids]


class TestRotationProposal(SchemeTestCase):
    """The "propose" algorithm: feasible exactly from 8 established cadres."""

    def test_layout_invariants(self):
        hosts = list(range(5))
        tasks = list('ABCDEFGH')
        for count in range(8, 90):
            cadres = list(range(count))
            layout = plan_layout(cadres, hosts, tasks)
            self.assertEqual(len(layout), 4)
            sizes = [sum(len(members) for members, _h, _t in groups) for groups in layout]
            self.assertLessEqual(max(sizes) - min(sizes), 1, count)
            placed = [c for groups in layout for members, _h, _t in groups for c in members]
            self.assertEqual(sorted(placed), cadres, count)
            for groups in layout:
                for members, host, group_tasks in groups:
                    self.assertIn(len(members), (2, 3), count)
                    self.assertIn(host, hosts)
                    self.assertEqual(len(group_tasks), 3)

    def test_layout_refuses_fewer_than_eight(self):
        for count in range(8):
            with self.assertRaises(ValueError):
                plan_layout(list(range(count)), [1], ['A'])
        self.assertEqual(split_sizes(7, 4), [2, 2, 2, 1])

    def test_propose_impossible_counts(self):
        """0, 1, 2, 3, 5 and 7 established cadres cannot give 4 batches of groups of 2."""
        county, _cadres, _units = self.make_county('零区', 0)
        plan = self.make_plan(county)
        with self.assertRefused('has no established cadre'):
            plan.action_propose()
        for count in (1, 2, 3, 5, 7):
            county, _cadres, _units = self.make_county('小%d区' % count, count)
            plan = self.make_plan(county)
            with self.assertRefused(r'has %d established cadre\(s\).*at least 8' % count):
                plan.action_propose()
            self.assertFalse(plan.batch_ids)
            self.assertIn('needs at least 8 established cadres', plan.check_message)

    def test_propose_eight(self):
        county, cadres, _units = self.make_county('八区', 8)
        plan = self.make_plan(county)
        plan.action_propose()
        self.assertEqual(plan.batch_ids.mapped('sequence'), [1, 2, 3, 4])
        self.assertEqual(batch_sizes(plan), [2, 2, 2, 2])
        self.assertEqual([len(b.group_ids) for b in plan.batch_ids], [1, 1, 1, 1])
        self.assertEqual(plan.batch_ids[0].date_start, '2026-01-01')
        self.assertEqual(plan.batch_ids[0].date_end, '2026-03-31')
        self.assertEqual(plan.batch_ids[3].date_end, '2026-12-31')
        self.assertEqual(plan.group_ids.mapped('cadre_ids'), cadres)
        self.assertEqual(plan._approval_violations(), [])
        self.assertFalse(plan.check_message)
        # the two leaders lead different batches
        leaders = cadres.filtered('is_leader')
        self.assertEqual(len(plan.group_ids.filtered(lambda g: g.cadre_ids & leaders)), 2)

    def test_propose_forty_one(self):
        county, cadres, units = self.make_county('大区', 41, units=12)
        plan = self.make_plan(county)
        plan.action_propose()
        self.assertEqual(sorted(batch_sizes(plan)), [10, 10, 10, 11])
        self.assertTrue(all(len(g.cadre_ids) in (2, 3) for g in plan.group_ids))
        self.assertEqual(plan.group_ids.mapped('cadre_ids'), cadres)
        self.assertEqual(sum(len(g.cadre_ids) for g in plan.group_ids), 41)
        self.assertEqual(plan._approval_violations(), [])
        self.assertEqual(plan.established_count, 41)
        self.assertEqual(plan.cadre_count, 41)
        # hosts: every unit used before one is reused, neighbours of different sectors
        groups = plan.group_ids.sorted(lambda g: (g.batch_sequence, g.sequence))
        hosts = groups.mapped('host_organization_id')
        self.assertEqual(hosts, units)
        first = groups[:len(units)]
        self.assertEqual(len(first.mapped('host_organization_id')), len(units))
        for left, right in zip(groups, groups[1:]):
            self.assertNotEqual(left.host_organization_id.sector,
                                right.host_organization_id.sector)
        # each group has three of the eight tasks, all eight used
        self.assertTrue(all(len(g.task_ids) == 3 for g in plan.group_ids))
        self.assertEqual(len(plan.group_ids.mapped('task_ids')), 8)

    def test_propose_replaces_and_falls_back_to_towns(self):
        county, _cadres, _units = self.make_county('镇区', 9, units=0)
        plan = self.make_plan(county)
        plan.action_propose()
        plan.action_propose()
        self.assertEqual(len(plan.batch_ids), 4)
        self.assertEqual(sorted(batch_sizes(plan)), [2, 2, 2, 3])
        self.assertEqual(set(plan.group_ids.mapped('host_organization_id.level')), {'town'})

    def test_propose_without_grassroots_organization(self):
        county = self.env['league.organization'].create({
            'name': '空区', 'level': 'county', 'parent_id': self.city.id})
        for i in range(8):
            self.make_cadre('空区干部%d' % i, county, established=True)
        plan = self.make_plan(county)
        with self.assertRefused('no grassroots organization'):
            plan.action_propose()

    def test_only_established_cadres_of_the_county(self):
        county, cadres, _units = self.make_county('选区', 8)
        self.make_cadre('非在编', county, established=False)
        self.make_cadre('外县在编', self.county_b, established=True)
        plan = self.make_plan(county)
        plan.action_propose()
        self.assertEqual(plan.group_ids.mapped('cadre_ids'), cadres)


class TestRotationValidation(SchemeTestCase):
    """Submitting lists every violated rule of the document in one message."""

    @classmethod
    def setUpClass(cls):
        super(TestRotationValidation, cls).setUpClass()
        cls.county, cls.cadres, cls.units = cls.make_county('验区', 10)
        cls.plan = cls.make_plan(cls.county)
        cls.plan.action_propose()
        cls.batches = cls.plan.batch_ids.sorted('sequence')

    def assertViolation(self, regex):
        with self.assertRefused(regex):
            self.plan.action_submit()
        self.assertEqual(self.plan.state, 'draft')

    def test_valid_plan_submits(self):
        self.assertEqual(self.plan._approval_violations(), [])
        self.plan.action_submit()
        self.assertEqual(self.plan.state, 'submitted')

    def test_four_batches(self):
        self.batches[3].group_ids.write({'batch_id': self.batches[2].id})
        self.batches[3].unlink()
        self.assertViolation('must have 4 batches; it has 3')

    def test_batch_numbers(self):
        self.batches[1].sequence = 1
        self.assertViolation('numbered 1 to 4')

    def test_batch_dates(self):
        self.batches[0].write({'date_start': '2025-12-01'})
        self.assertViolation('must take place within 2026')
        self.batches[0].write({'date_start': '2026-01-01', 'date_end': '2026-04-15'})
        self.assertViolation('overlaps')

    def test_group_size(self):
        group = self.batches[0].group_ids[0]
        members = group.cadre_ids
        group.cadre_ids = members[:1]
        self.assertViolation('has 1 cadre\\(s\\); a working group has 2 or 3')
        group.cadre_ids = members | self.batches[1].group_ids[0].cadre_ids[:1]
        self.assertViolation('has 4 cadre\\(s\\)')

    def test_hosts(self):
        groups = self.plan.group_ids
        groups[0].host_organization_id = False
        groups[1].host_organization_id = self.unit_b
        groups[2].host_organization_id = self.county
        self.assertViolation('has no host organization')
        self.assertViolation('the host .* is not in 验区')
        self.assertViolation('the host 验区 is not a grassroots organization')

    def test_tasks(self):
        self.plan.group_ids[0].task_ids = False
        self.assertViolation('has no task')

    def test_every_cadre_once(self):
        group = self.batches[0].group_ids[0]
        missing = group.cadre_ids[0]
        group.cadre_ids -= missing
        self.assertViolation('Established cadres in no batch: %s' % missing.name)
        group.cadre_ids |= missing
        twice = self.batches[1].group_ids[0].cadre_ids[0]
        self.batches[2].group_ids[0].cadre_ids |= twice
        self.assertViolation('placed more than once.*%s' % twice.name)

    def test_foreign_cadres(self):
        outsider = self.make_cadre('外县干部', self.county_b, established=True)
        volunteer = self.make_cadre('非在编干部', self.county, established=False)
        self.batches[0].group_ids[0].cadre_ids |= outsider
        self.batches[1].group_ids[0].cadre_ids |= volunteer
        self.assertViolation('Not established cadres of 验区: .*(外县干部|非在编干部)')

    def test_batch_sizes(self):
        # move a cadre from batch 4 to batch 1: sizes 4, 3, 3, 1 (10 cadres)... unbalanced
        source = self.batches[3].group_ids[0]
        moved = source.cadre_ids[0]
        source.cadre_ids -= moved
        self.batches[0].group_ids[0].cadre_ids |= moved
        self.assertViolation('differ by at most one')

    def test_batch_without_group(self):
        self.batches[2].group_ids.write({'batch_id': self.batches[1].id})
        self.assertViolation('batch 3 has no working group')

    def test_all_violations_in_one_message(self):
        self.plan.group_ids[0].task_ids = False
        self.plan.group_ids[1].host_organization_id = False
        self.batches[1].sequence = 1
        with self.assertRaises(UserError) as ctx:
            self.plan.action_submit()
        message = ctx.exception.name
        for part in ('has no task', 'has no host organization', 'numbered 1 to 4'):
            self.assertIn(part, message)
        self.assertEqual(message.count('\n•'), 3)

    def test_check_message_shown_in_draft(self):
        self.plan.group_ids[0].task_ids = False
        self.plan.invalidate_cache()
        self.assertIn('has no task', self.plan.check_message)


class TestRotationWorkflow(SchemeTestCase):
    """Transitions per role, read-only approved plans, summaries, isolation."""

    @classmethod
    def setUpClass(cls):
        super(TestRotationWorkflow, cls).setUpClass()
        cls.staff_county_a()

    def new_plan(self, user=None):
        Plan = self.env['league.rotation.plan'].sudo(user or self.user_admin_a)
        plan = Plan.create({'county_id': self.county_a.id, 'year': self.year})
        plan.action_propose()
        return plan

    def approval_activities(self, plan):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'league.rotation.plan'), ('res_id', '=', plan.id)])

    def approved_plan(self):
        plan = self.new_plan()
        plan.action_submit()
        plan.sudo(self.user_city).action_approve()
        return plan.sudo()

    def test_county_admin_submits_city_approves(self):
        plan = self.new_plan()
        self.assertEqual(plan.county_id, self.county_a)
        plan.action_submit()
        self.assertEqual(plan.state, 'submitted')
        activities = self.approval_activities(plan)
        self.assertIn(self.user_city, activities.mapped('user_id'))
        self.assertEqual(activities.mapped('activity_type_id'),
                         self.env.ref('youth_contact.mail_activity_type_league_approval'))
        plan.sudo(self.user_city).action_approve()
        self.assertEqual(plan.state, 'approved')
        self.assertFalse(self.approval_activities(plan))
        notified = plan.sudo().message_ids.filtered(
            lambda m: self.user_admin_a.partner_id in m.partner_ids)
        self.assertTrue(notified)

    def test_only_city_admin_approves_or_rejects(self):
        plan = self.new_plan()
        plan.action_submit()
        for user in (self.user_admin_a, self.member_users[0]):
            with self.assertAccessDenied('Only a city administrator'):
                plan.sudo(user).action_approve()
            with self.assertAccessDenied('Only a city administrator'):
                plan.sudo(user).action_reject(reason='不行')
        with self.assertAccessDenied():
            plan.sudo(self.user_admin_b).action_approve()
        self.assertEqual(plan.sudo().state, 'submitted')

    def test_cadre_cannot_prepare_a_plan(self):
        member = self.member_users[0]
        with self.assertAccessDenied():
            self.env['league.rotation.plan'].sudo(member).create(
                {'county_id': self.county_a.id, 'year': 2027})
        plan = self.new_plan()
        with self.assertAccessDenied('Only a county administrator'):
            plan.sudo(member).action_propose()
        with self.assertAccessDenied('Only a county administrator'):
            plan.sudo(member).action_submit()

    def test_reject_with_reason_then_back_to_draft(self):
        plan = self.new_plan()
        plan.action_submit()
        city_plan = plan.sudo(self.user_city)
        self.assertRejectedWithReason(plan, '第二批人数过多，请调整')
        with self.assertRefused('not possible'):
            city_plan.action_approve()
        with self.assertRefused('can no longer be changed'):
            plan.write({'year': 2027})
        with self.assertAccessDenied('Only a county administrator'):
            plan.sudo(self.member_users[0]).action_draft()
        plan.action_draft()
        self.assertEqual(plan.state, 'draft')
        plan.write({'note': '已按意见调整'})
        plan.action_submit()
        self.assertFalse(plan.reject_reason)
        # the reason written first, then the plain method (as over RPC)
        city_plan.write({'reject_reason': '再调整'})
        city_plan.action_reject()
        self.assertEqual(plan.state, 'rejected')

    def test_state_cannot_be_written(self):
        plan = self.new_plan()
        for user in (self.env.user, self.user_admin_a, self.user_city):
            with self.assertRefused('workflow buttons'):
                plan.sudo(user).write({'state': 'approved'})
        self.assertEqual(plan.state, 'draft')
        with self.assertRefused('workflow buttons'):
            self.env['league.rotation.plan'].sudo(self.user_city).create(
                {'county_id': self.county_a.id, 'year': 2030, 'state': 'approved'})

    def test_transitions_from_wrong_states(self):
        plan = self.new_plan()
        city = plan.sudo(self.user_city)
        with self.assertRefused('not possible'):
            city.action_approve()
        with self.assertRefused('not possible'):
            plan.action_draft()
        plan.action_submit()
        with self.assertRefused('not possible'):
            plan.action_submit()
        with self.assertRefused('not possible'):
            plan.action_propose()
        city.action_approve()
        with self.assertRefused('not possible'):
            city.action_reject(reason='晚了')

    def test_approved_plan_is_read_only_except_summaries(self):
        plan = self.approved_plan()
        admin = plan.sudo(self.user_admin_a)
        with self.assertRefused('can no longer be changed'):
            admin.write({'year': 2027})
        batch = admin.batch_ids[0]
        with self.assertRefused('no longer a draft'):
            batch.write({'date_end': '2026-03-15'})
        group = batch.group_ids[0]
        with self.assertRefused('no longer a draft'):
            group.write({'cadre_ids': [(5,)]})
        with self.assertRefused('no longer a draft'):
            self.env['league.rotation.group'].sudo(self.user_admin_a).create(
                {'batch_id': batch.id, 'cadre_ids': [(6, 0, self.members[:2].ids)]})
        with self.assertRefused('no longer a draft'):
            group.unlink()
        with self.assertRefused('cannot be deleted'):
            admin.unlink()
        # a member files the summary of their group
        member_user = group.cadre_ids[0].user_id
        own = group.sudo(member_user)
        own.write({'summary': '走访企业3家，宣讲政策2场'})
        self.assertTrue(group.summary_filed)
        self.assertTrue(group.summary_date)
        with self.assertAccessDenied('only file the work summary'):
            own.write({'cadre_ids': [(5,)]})
        other = plan.group_ids.filtered(lambda g: member_user not in g.cadre_ids.mapped('user_id'))
        with self.assertAccessDenied():
            other[0].sudo(member_user).write({'summary': '代写'})
        self.assertEqual(plan.state, 'approved')
        # the plan is done once every group filed its summary (county admin via the plan)
        admin.write({'group_ids': [(1, g.id, {'summary': '工作总结'})
                                   for g in plan.group_ids if not g.summary_filed]})
        self.assertEqual(plan.state, 'done')

    def test_summary_only_once_approved(self):
        plan = self.new_plan()
        group = plan.group_ids[0]
        with self.assertRefused('once the plan is approved'):
            group.sudo(group.cadre_ids[0].user_id).write({'summary': '太早'})

    def test_cadre_sees_own_plan_and_group_only(self):
        plan = self.approved_plan()
        member_user = plan.group_ids[0].cadre_ids[0].user_id
        Plan = self.env['league.rotation.plan'].sudo(member_user)
        Group = self.env['league.rotation.group'].sudo(member_user)
        self.assertEqual(Plan.search([]), plan)
        groups = Group.search([])
        self.assertEqual(groups, plan.group_ids.filtered(
            lambda g: member_user in g.cadre_ids.mapped('user_id')))
        self.assertEqual(len(groups), 1)
        self.assertEqual(Plan.browse(plan.id).group_count, len(plan.group_ids))
        outsider = self.user_cadre_a  # cadre of county A, not established
        self.assertFalse(self.env['league.rotation.plan'].sudo(outsider).search([]))
        self.assertFalse(self.env['league.rotation.group'].sudo(outsider).search([]))
        with self.assertRaises(AccessError):
            plan.sudo(outsider).read(['year'])

    def test_county_isolation(self):
        plan = self.new_plan()
        admin_b = self.env['league.rotation.plan'].sudo(self.user_admin_b)
        self.assertFalse(admin_b.search([]))
        self.assertFalse(self.env['league.rotation.group'].sudo(self.user_admin_b).search([]))
        with self.assertAccessDenied():
            plan.sudo(self.user_admin_b).write({'note': '越权'})
        with self.assertAccessDenied():
            admin_b.create({'county_id': self.county_a.id, 'year': 2027})
        plan_b = admin_b.create({'county_id': self.county_b.id, 'year': 2026})
        with self.assertAccessDenied():
            plan_b.write({'county_id': self.county_a.id})
        self.assertEqual(self.env['league.rotation.plan'].sudo(self.user_city).search_count(
            [('id', 'in', (plan | plan_b).ids)]), 2)

    def test_one_plan_per_county_and_year(self):
        self.new_plan()
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.new_plan()
