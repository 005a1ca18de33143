# -*- coding: utf-8 -*-
"""Printed documents (issue 16): the bulletin and the half-year report as PDF
(wkhtmltopdf, text read back with pdftotext), 典型 (exemplars) as real users of
two counties, and the youth voice (青年之声) counts."""
import base64
import shutil
import subprocess
from unittest import mock

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import config, mute_logger

from odoo.addons.youth_contact.models.league_common import league_today

from .common import DATE_FROM, DATE_TO, EvaluationTestCase

# a 1x1 PNG
PNG = base64.b64encode(bytes.fromhex(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489'
    '0000000d4944415478da63f8cfc0f01f0005000201e2d5e2b60000000049454e44ae426082'))


class TestDocuments(EvaluationTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestDocuments, cls).setUpClass()
        # names found once in the bulletin's lines, whatever else the database holds
        for county in (cls.county_a, cls.county_c):
            county.write({'name': '%s%d' % (county.name, county.id)})
        # youth voice (opinions and suggestions, by youth voice kind) of the period:
        # county A 2 suggestions (1 answered), 1 opinion, 1 idea, 1 difficulty (not
        # voice), 1 suggestion after the period; county B 1 idea
        Concern = cls.env['league.concern']
        y = cls.youth_x

        def concern(cadre, youth, voice_kind, day, answer=None):
            kind = {'voice_kind': voice_kind, 'kind': 'suggestion'} if voice_kind else {
                'kind': 'difficulty'}
            rec = Concern.create(dict(kind, name='青年之声%s' % voice_kind, cadre_id=cadre.id,
                                      youth_id=youth.id, date=day,
                                      description='希望多组织技能培训'))
            if answer:
                rec.write({'answer': answer})
                rec.action_answer()
            return rec
        concern(cls.cadre_a2, y[0], 'suggestion', '2025-02-01', answer='已安排培训')
        concern(cls.cadre_a2, y[1], 'suggestion', '2025-03-01')
        concern(cls.cadre_a2, y[2], 'opinion', '2025-04-01')
        concern(cls.cadre_a2, y[3], 'idea', '2025-05-01')
        concern(cls.cadre_a2, y[3], None, '2025-05-02')
        concern(cls.cadre_a2, y[4], 'suggestion', '2025-07-10')
        concern(cls.cadre_b, cls.youth_b1, 'idea', '2025-06-01', answer='已转交')

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def make_exemplar(self, user, organization, name, **vals):
        values = {'name': name, 'organization_id': organization.id, 'date': DATE_TO,
                  'summary': '组建青年志愿服务队，服务留守儿童。',
                  'photo_ids': [(0, 0, {'name': '志愿服务', 'image': PNG})]}
        values.update(vals)
        return self.env['league.exemplar'].sudo(user).create(values)

    def pdf_text(self, xmlid, records, user):
        """Render the report ``xmlid`` of ``records`` to PDF as ``user`` (with
        wkhtmltopdf, as a download would) and return the text pdftotext reads."""
        self.assertTrue(shutil.which('wkhtmltopdf') and shutil.which('pdftotext'),
                        'wkhtmltopdf and pdftotext are installed by tools/setup_pdf.sh')
        # the style sheets of the page are fetched from this address: none in a test
        self.env['ir.config_parameter'].set_param('report.url', 'http://127.0.0.1:9')
        report = self.env.ref(xmlid).sudo(user).with_context(lang=self.lang)
        # Odoo renders HTML instead when testing, unless given a report directory
        # (test_enable stays on: off, the style sheets would be committed)
        with mock.patch.dict(config.options, {'test_enable': True,
                                              'test_report_directory': '/nonexistent'}):
            pdf, kind = report.render_qweb_pdf(records.ids)
        self.assertEqual(kind, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        text = subprocess.run(['pdftotext', '-layout', '-', '-'], input=pdf,
                              stdout=subprocess.PIPE, check=True).stdout.decode('utf-8')
        return ' '.join(text.split())

    @property
    def lang(self):
        return 'zh_CN' if self.env['res.lang'].search([('code', '=', 'zh_CN')]) else 'en_US'

    def published(self, **vals):
        evaluation = self.make_evaluation(**vals)
        evaluation.sudo(self.user_city).action_compute()
        evaluation.sudo(self.user_city).action_publish()
        return evaluation

    # ------------------------------------------------------------------
    # youth voice
    # ------------------------------------------------------------------
    def test_voice_counts(self):
        counts = self.env['league.report.concern']._voice_counts(DATE_FROM, DATE_TO)
        self.assertEqual(counts[self.county_a.id], {
            'suggestion': 2, 'opinion': 1, 'idea': 1, 'total': 4, 'answered': 1})
        self.assertEqual(counts[self.county_b.id], {
            'suggestion': 0, 'opinion': 0, 'idea': 1, 'total': 1, 'answered': 1})
        # the half-year report of county A freezes the same figures
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'year': '2025', 'half': '1',
            'work_summary': '开展青年之声活动'})
        report.action_refresh_figures()
        self.assertEqual((report.voice_suggestion_count, report.voice_opinion_count,
                          report.voice_idea_count, report.voice_count,
                          report.voice_answered_count), (2, 1, 1, 4, 1))
        # and the bulletin, per county
        bulletin = self.published().bulletin_id
        line_a = bulletin.county_line_ids.filtered(lambda rec: rec.county_name == self.county_a.name)
        self.assertEqual((line_a.voice_suggestion_count, line_a.voice_opinion_count,
                          line_a.voice_idea_count, line_a.voice_count,
                          line_a.voice_answered_count), (2, 1, 1, 4, 1))

    # ------------------------------------------------------------------
    # 典型: workflow and rights as the administrators of two counties
    # ------------------------------------------------------------------
    def test_exemplar_workflow_and_rights(self):
        Exemplar = self.env['league.exemplar']
        exemplar = self.make_exemplar(self.user_admin_a, self.town_a, '西阳镇青年之家',
                                      cadre_id=self.cadre_a.id)
        self.assertEqual(exemplar.county_id, self.county_a)
        self.assertEqual(exemplar.photo_count, 1)
        # county B neither reads a draft of county A nor records one for county A
        self.assertFalse(Exemplar.sudo(self.user_admin_b).search([('id', '=', exemplar.id)]))
        with self.assertRejected('', AccessError):
            exemplar.sudo(self.user_admin_b).read(['name'])
        with self.assertRejected('', AccessError):
            self.make_exemplar(self.user_admin_b, self.town_a, '冒名典型')
        with self.assertRejected('', AccessError):
            exemplar.sudo(self.user_admin_b).write({'name': '改名'})
        # nor a county its own county onto another
        with self.assertRejected('', AccessError):
            exemplar.sudo(self.user_admin_a).write({'organization_id': self.town_b.id})
        # county A submits; only the city selects
        exemplar.sudo(self.user_admin_a).action_submit()
        self.assertEqual(exemplar.state, 'submitted')
        self.assertTrue(exemplar.activity_ids, 'an approval activity for the city')
        with self.assertRejected('', AccessError):
            exemplar.sudo(self.user_admin_a).action_select()
        with self.assertRefused('can no longer be changed'):
            exemplar.sudo(self.user_admin_a).write({'name': '改名'})
        with self.assertRefused('only be changed while it is a draft'):
            exemplar.photo_ids.sudo(self.user_admin_a).write({'name': '改名'})
        with self.assertRejected('', ValidationError):
            # the city cannot publish an exemplar it has not selected
            self.make_evaluation().sudo(self.user_city).write(
                {'exemplar_ids': [(6, 0, exemplar.ids)]})
        exemplar.sudo(self.user_city).action_select()
        self.assertEqual(exemplar.state, 'selected')
        self.assertEqual(exemplar.date_selected, league_today(exemplar))
        self.assertFalse(exemplar.activity_ids)
        # selected: published to every League user, still written by nobody
        self.assertEqual(exemplar.sudo(self.user_admin_b).read(['name'])[0]['name'],
                         '西阳镇青年之家')
        self.assertTrue(exemplar.photo_ids.sudo(self.user_cadre_b).read(['name']))
        with self.assertRejected('', (AccessError, UserError)):
            exemplar.sudo(self.user_admin_b).write({'name': '改名'})
        with self.assertRejected('', UserError):
            exemplar.sudo(self.user_admin_a).unlink()
        # a county cannot put it in a bulletin: evaluations are the city's
        evaluation = self.make_evaluation()
        with self.assertRejected('', AccessError):
            evaluation.sudo(self.user_admin_a).write({'exemplar_ids': [(6, 0, exemplar.ids)]})
        # the city records its own exemplars (no county), which counties do not read
        own = self.make_exemplar(self.user_city, self.city, '团市委青年讲师团')
        self.assertFalse(own.county_id)
        self.assertFalse(Exemplar.sudo(self.user_admin_a).search([('id', '=', own.id)]))

    # ------------------------------------------------------------------
    # document numbers
    # ------------------------------------------------------------------
    def test_document_numbers(self):
        year = league_today(self.env['league.bulletin'])[:4]
        first = self.published().bulletin_id
        second = self.published(name='第二次考核').bulletin_id
        self.assertRegex(first.document_number, r'^梅团通〔%s〕\d+号$' % year)
        number = int(first.document_number[len('梅团通〔2026〕'):-1])
        self.assertEqual(second.document_number, '梅团通〔%s〕%d号' % (year, number + 1))
        self.assertEqual(first.evaluation_id.document_number, first.document_number)
        # a number given by the city is kept, and unique
        third = self.published(name='第三次考核', document_number='梅团通〔2025〕99号')
        self.assertEqual(third.bulletin_id.document_number, '梅团通〔2025〕99号')
        for used in (first.document_number, '梅团通〔2025〕99号'):
            with mute_logger('odoo.sql_db'), self.assertRejected(
                    'document_number_uniq', psycopg2.IntegrityError):
                self.make_evaluation(name='第四次考核', document_number=used)

    # ------------------------------------------------------------------
    # the PDFs
    # ------------------------------------------------------------------
    def test_bulletin_pdf(self):
        exemplar = self.make_exemplar(self.user_admin_a, self.town_a, '西阳镇青年之家服务零距离',
                                      cadre_id=self.cadre_a.id)
        exemplar.sudo(self.user_admin_a).action_submit()
        exemplar.sudo(self.user_city).action_select()
        self.env['league.organization'].search([('level', '=', 'city')]).write(
            {'official_name': '共青团梅州市委员会'})
        evaluation = self.published(exemplar_ids=[(6, 0, exemplar.ids)])
        bulletin = evaluation.bulletin_id
        self.assertEqual(bulletin.exemplar_ids, exemplar)
        self.assertEqual(bulletin.issuer_name, '共青团梅州市委员会')
        county_c = bulletin.county_line_ids.filtered(lambda rec: rec.county_name == self.county_c.name)
        top = bulletin.top_line_ids[0]
        # printed by the administrator of county B: the bulletin is every county's
        text = self.pdf_text('youth_contact_reports.action_report_bulletin', bulletin,
                             self.user_admin_b)
        for expected in ('共青团梅州市委员会', bulletin.document_number, '测试县',
                         '%.2f' % county_c.score, top.cadre_name, '%.2f' % top.score,
                         '西阳镇青年之家服务零距离', '组建青年志愿服务队'):
            self.assertIn(expected, text)
        self.assertRegex(text, r'— ?1 ?—')     # the page number
        if self.lang == 'zh_CN':
            today = league_today(bulletin)
            self.assertIn('%d年%d月%d日' % (int(today[:4]), int(today[5:7]), int(today[8:])),
                          text)
            self.assertIn('2025年1月1日', text)
        # the youth voice table: county A's row "2 1 1 4 1"
        self.assertRegex(text, r'%s 2 1 1 4 1' % self.county_a.name)

    def test_halfyear_pdf_rights(self):
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'county_id': self.county_a.id, 'year': '2025', 'half': '1',
            'work_summary': '全区团干部经常联系团员青年',
            'problems': '兼职团干部联系数量不足'})
        report.sudo(self.user_admin_a).action_refresh_figures()
        self.county_a.write({'official_name': '共青团梅州市梅江区委员会'})
        text = self.pdf_text('youth_contact_reports.action_report_halfyear', report,
                             self.user_admin_a)
        for expected in ('共青团梅州市梅江区委员会', report.with_context(lang=self.lang).name,
                         '全区团干部经常联系团员青年',
                         '兼职团干部联系数量不足'):
            self.assertIn(expected, text)
        # figures: cadres, logs, youth voice (2 1 1 4 1)
        self.assertRegex(text, r'\b%d\b' % report.log_count)
        self.assertIn('2 1 1 4 1', text)
        # another county cannot print it
        with self.assertRejected('', AccessError):
            self.pdf_text('youth_contact_reports.action_report_halfyear', report,
                          self.user_admin_b)
