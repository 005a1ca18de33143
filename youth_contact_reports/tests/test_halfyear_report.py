# -*- coding: utf-8 -*-
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from odoo.addons.youth_contact.tests.scheme_common import SchemeTestCase


class TestHalfyearReport(SchemeTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestHalfyearReport, cls).setUpClass()
        cls.make_contact(cls.cadre_a, cls.youth_a1, date_start='2025-01-10')
        cls.make_contact(cls.cadre_a, cls.youth_a2, date_start='2024-10-10')
        cls.make_log(cls.cadre_a, cls.youth_a1, date='2025-02-01', mode='face_to_face')
        cls.make_log(cls.cadre_a, cls.youth_a1 | cls.youth_a2, date='2025-03-01')
        cls.make_log(cls.cadre_a, cls.youth_a2, date='2025-08-01')     # second half
        cls.Report = cls.env['league.halfyear.report']

    def make_report(self, user=None, **vals):
        values = {'year': '2025', 'half': '1', 'work_summary': '全面开展联系青年工作'}
        values.update(vals)
        return self.Report.sudo(user or self.user_admin_a).create(values)

    def test_figures(self):
        report = self.make_report()
        self.assertEqual(report.county_id, self.county_a)     # the user's county
        self.assertEqual((report.date_from, report.date_to), ('2025-01-01', '2025-06-30'))
        report.action_refresh_figures()
        self.assertEqual((report.cadre_count, report.youth_count, report.new_contact_count),
                         (2, 2, 1))
        self.assertEqual((report.log_count, report.face_to_face_count), (2, 1))
        self.assertTrue(report.figures_date)
        second = self.make_report(half='2')
        second.action_refresh_figures()
        self.assertEqual((second.date_from, second.log_count), ('2025-07-01', 1))
        with mute_logger('odoo.sql_db'), self.assertRejected('county_period_uniq',
                                                            IntegrityError):
            self.make_report()

    def test_workflow(self):
        report = self.make_report()
        with self.assertRejected('', AccessError):
            report.sudo(self.user_cadre_a).read(['name'])
        with self.assertRejected('', AccessError):
            report.sudo(self.user_admin_b).read(['name'])
        with self.assertRejected('', AccessError):
            self.make_report(user=self.user_admin_b, county_id=self.county_a.id, half='2')
        with self.assertRejected('buttons', UserError):
            report.write({'state': 'submitted'})
        empty = self.make_report(half='2', work_summary=False)
        with self.assertRejected('Describe the work', UserError):
            empty.action_submit()
        report.action_submit()
        self.assertEqual(report.state, 'submitted')
        self.assertTrue(report.date_submitted)
        self.assertEqual(report.youth_count, 2)          # figures frozen at submission
        activities = self.env['mail.activity'].search([
            ('res_model', '=', report._name), ('res_id', '=', report.id)])
        self.assertIn(self.user_city, activities.mapped('user_id'))
        with self.assertRejected('no longer be changed', UserError):
            report.sudo(self.user_admin_a).write({'work_summary': '改过'})
        with self.assertRejected('', AccessError):
            report.sudo(self.user_admin_a).action_acknowledge()
        # returning needs a reason and puts the report back in draft
        with self.assertRejected('reason', UserError):
            report.sudo(self.user_city).action_reject()
        # the "Return for Revision" button asks for the reason in a dialog (issue 13)
        self.env['league.reject.wizard'].sudo(self.user_city).with_context(
            active_model=report._name, active_ids=report.ids).create(
            {'reason': '请补充问题分析'}).action_reject()
        self.assertEqual((report.state, report.reject_reason), ('draft', '请补充问题分析'))
        report.sudo(self.user_admin_a).write({'problems': '兼职团干部联系偏少'})
        report.sudo(self.user_admin_a).action_submit()
        report.sudo(self.user_city).write({'city_feedback': '收悉'})
        report.sudo(self.user_city).action_acknowledge()
        self.assertEqual(report.state, 'acknowledged')
        self.assertFalse(self.env['mail.activity'].search([
            ('res_model', '=', report._name), ('res_id', '=', report.id)]))
        with self.assertRejected('no longer be changed', UserError):
            report.sudo(self.user_city).write({'city_feedback': '再改'})
        with self.assertRejected('cannot be deleted', UserError):
            report.sudo(self.user_admin_a).unlink()
        self.assertIn(report, self.Report.sudo(self.user_city).search([]))
