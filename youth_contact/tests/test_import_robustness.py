# -*- coding: utf-8 -*-
"""The Excel import's bad-input corpus (issue 11): file-level cases, row-level
cases (the import and a form refuse the same row with the same reason; every
check of the models applies to imported rows), database refusals kept out of
the log, and two administrators confirming overlapping files at the same moment.

The checks of the models and how they reach an imported row:

=============================================  =======================================
check                                          imported rows
=============================================  =======================================
input rules (league.input.mixin: lengths,      preview: ``_clean_row`` calls the target
blank names, choices, dates, control chars),   model's ``_league_clean_input`` and
youth birth date 1900..today, contact start    ``_league_input_problems`` (same reason)
not in the future
readable targets / county rules                preview: organization, cadre and youth
(league.county.mixin)                          of the user's county; confirm: create and
                                               write rules checked as the user
league.youth.create: mobile normalized, not    preview: mobiles cleaned, matched on the
taken by another youth                         existing youth (update), repeated ones
                                               refused; the unique index stays
league.contact.create: pair not taken, cadre   preview: pairs matched (update) or
by default                                     refused when repeated; cadre required
python constraints (mobile, birth date,        confirm: ``_validate_fields`` after each
contact start)                                 batch (bulk models), ``create``/``write``
                                               (cadres: quota, social account, user)
=============================================  =======================================
"""
import base64
import io
import logging
import zipfile
import zlib
from unittest.mock import patch


from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from odoo.addons.youth_contact.models import league_cadre
from odoo.addons.youth_contact.models.league_input_mixin import CHAR_MAX
from odoo.addons.youth_contact.wizard import league_import_format as fmt

from .test_import import ImportTestCase, make_book, to_bytes


def damaged(data, member='xl/worksheets/sheet1.xml', at=0.5, count=4):
    """``data`` (an .xlsx) with ``count`` bytes flipped inside the compressed
    data of ``member``, at the fraction ``at`` of it."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    header = data[info.header_offset:info.header_offset + 30]
    start = (info.header_offset + 30 + int.from_bytes(header[26:28], 'little')
             + int.from_bytes(header[28:30], 'little'))
    offset = start + int(info.compress_size * at)
    flipped = bytes(b ^ 0xFF for b in data[offset:offset + count])
    return data[:offset] + flipped + data[offset + count:]


class TestImportRobustness(ImportTestCase):

    # ------------------------------------------------------------------
    # file-level cases
    # ------------------------------------------------------------------
    def test_damaged_workbook(self):
        """Flipped bytes in a worksheet's compressed data, a truncated file: the
        "not an Excel workbook" answer, whatever the error inside (zlib.error...)."""
        data = to_bytes(make_book('youth', [self.youth_row() for _i in range(50)]))
        raised = set()
        for at in (0.2, 0.5, 0.8):
            bad = damaged(data, at=at)
            try:   # what the reader met before: an error escaping from the archive
                zipfile.ZipFile(io.BytesIO(bad)).read('xl/worksheets/sheet1.xml')
            except (zlib.error, zipfile.BadZipFile) as err:
                raised.add(type(err))
            self.assertFileRefused(bad, 'is not an Excel workbook')
        self.assertIn(zlib.error, raised, 'a damaged deflate stream was tried')
        self.assertFileRefused(data[:len(data) // 2], 'is not an Excel workbook')
        self.assertFileRefused(damaged(data, 'xl/workbook.xml'), 'is not an Excel workbook')
        # any other failure of the reader is the same answer
        with patch.object(fmt, '_read_sheet', side_effect=MemoryError):
            self.assertFileRefused(data, 'is not an Excel workbook')

    def test_file_size_limit(self):
        data = to_bytes(make_book('youth', [self.youth_row()]))
        with patch.object(fmt, 'MAX_FILE_SIZE', len(data) - 1):
            self.assertFileRefused(data, 'is larger than 0 MB')
        self.assertEqual(fmt.MAX_FILE_SIZE, 20 * 1024 * 1024)

    # ------------------------------------------------------------------
    # row-level cases
    # ------------------------------------------------------------------
    def test_long_name_among_20_rows(self):
        """One 1,000-character name in 20 rows: that row refused at the preview
        with the model's reason, the 19 others imported."""
        rows = [self.youth_row('青年%d' % i) for i in range(20)]
        rows[7][0] = '张' * 1000
        wizard = self.preview('youth', rows)
        res = self.results(wizard)
        self.assertRowError(res, 10, 'Name is too long: 1000 characters, at most %d.'
                            % CHAR_MAX)
        self.assertEqual((wizard.count_new, wizard.count_error), (19, 1))
        wizard.action_confirm()
        self.assertEqual((wizard.state, wizard.created_count), ('done', 19))
        self.assertFalse(self.Youth.search([('mobile', '=', rows[7][3])]))

    def form_message(self, model, vals, user=None):
        """The message of a form (create as the user) refusing ``vals``."""
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            self.env[model].sudo(user or self.user_admin_a).create(vals)
        return ctx.exception.name

    def assertSameReason(self, kind, row, model, vals, fragment):
        wizard = self.preview(kind, [row])
        status, message = self.results(wizard)[3]
        self.assertEqual(status, 'error', message)
        self.assertIn(fragment, message)
        self.assertEqual(message, self.form_message(model, vals))

    def test_same_reason_as_the_form(self):
        """Each input rule of the models: the import and the form refuse the
        same row with the same message."""
        org = self.imp_town_a

        def youth(**kw):
            vals = {'name': '林小明', 'gender': 'male', 'mobile': self.next_mobile(),
                    'sector': 'rural', 'organization_id': org.id}
            vals.update(kw)
            row = self.youth_row(vals['name'], vals['mobile'], gender=kw.pop('_gender', '男'),
                                 birth=vals.get('birthdate', ''), unit=vals.get('unit', ''))
            return row, vals

        cases = [
            (youth(name='张' * 1000), 'Name is too long: 1000 characters'),
            (youth(name='   '), 'Name cannot be empty or made of spaces only'),
            (youth(unit='单' * 201), 'Work / Study Unit is too long: 201 characters'),
            (youth(gender='未知', _gender='未知'), 'Gender: "未知" is not one of the choices'),
            (youth(birthdate='2001-02-30'), 'Birth Date: "2001-02-30" is not a date'),
            (youth(birthdate='1800-01-01'),
             'Birth Date: 1800-01-01 is before 1900-01-01, not a possible birth date'),
            (youth(birthdate='2999-01-01'), 'Birth Date: 2999-01-01 is in the future'),
        ]
        for (row, vals), fragment in cases:
            vals.pop('_gender', None)
            self.assertSameReason('youth', row, 'league.youth', vals, fragment)
        cadre_vals = {'name': '黄志强', 'organization_id': org.id, 'category': 'full_time',
                      'wechat': 'wx_hzq', 'is_leader': False, 'established': True}
        for field, value, fragment in (
                ('position', '职' * 300, 'Position is too long: 300 characters'),
                ('wechat', 'w' * 201, 'WeChat is too long: 201 characters'),
                ('category', '挂职干部', 'Category: "挂职干部" is not one of the choices')):
            mobile = self.next_mobile()
            row = self.cadre_row(mobile=mobile, **{
                {'position': 'position', 'wechat': 'wechat', 'category': 'category'}[field]:
                value})
            vals = dict(cadre_vals, mobile=mobile, **{field: value})
            self.assertSameReason('cadre', row, 'league.cadre', vals, fragment)
        future = self.days_ago(-30)
        for day, channel, fragment in (
                ('1999-12-31', '微信', 'In Contact Since: 1999-12-31 is outside the possible '
                                     'dates (2000-01-01 to 2100-12-31)'),
                (future, '微信', 'In Contact Since: %s is in the future' % future),
                ('', '短信', 'Channel: "短信" is not one of the choices')):
            youth_record = self.make_youth('联系%s' % channel, self.imp_town_a)
            row = [self.cadre_a.mobile, youth_record.mobile, day, channel]
            vals = {'cadre_id': self.cadre_a.id, 'youth_id': youth_record.id,
                    'channel': 'wechat' if channel == '微信' else channel}
            if day:
                vals['date_start'] = day
            self.assertSameReason('contact', row, 'league.contact', vals, fragment)

    def test_control_characters(self):
        """openpyxl leaves Excel's escapes (_x0007_) as text: decoded, then the
        control characters are dropped, as a form drops them."""
        self.assertEqual(fmt.as_text('李_x0007_明_x000B_'), '李明')
        self.assertEqual(fmt.as_text('A_x005F_x0041_B'), 'A_x0041_B', "an escaped '_'")
        self.assertEqual(fmt.as_text('第一行_x000A_第二行'), '第一行\n第二行')
        mobile = self.next_mobile()
        wizard = self.preview('youth', [self.youth_row('李_x0007_明', mobile,
                                                       unit='东山_x001F_中学')])
        self.assertEqual(self.results(wizard)[3], ('new', ''))
        wizard.action_confirm()
        imported = self.Youth.search([('mobile', '=', mobile)])
        typed = self.env['league.youth'].sudo(self.user_admin_a).create({
            'name': '李\x07明', 'gender': 'male', 'mobile': self.next_mobile(),
            'sector': 'rural', 'organization_id': self.imp_town_a.id,
            'unit': '东山\x1f中学'})
        self.assertEqual((imported.name, imported.unit), (typed.name, typed.unit))
        self.assertEqual(imported.name, '李明')
        # a name made of escapes only is a blank name, as on the form
        mobile = self.next_mobile()
        wizard = self.preview('youth', [self.youth_row('_x0007__x0008_', mobile)])
        self.assertEqual(self.results(wizard)[3], ('error', self.form_message('league.youth', {
            'name': '\x07\x08', 'gender': 'male', 'mobile': mobile, 'sector': 'rural',
            'organization_id': self.imp_town_a.id})))
        self.assertIn('Name cannot be empty', self.results(wizard)[3][1])

    def test_model_checks_apply_to_imported_rows(self):
        """The checks of the models outside the input rules (see the module's
        table) refuse imported rows too."""
        Youth = type(self.env['league.youth'])
        Contact = type(self.env['league.contact'])
        # county rules: an organization of another county, on the form and in the file
        wizard = self.preview('youth', [self.youth_row(org='导入测试乙镇团委')])
        self.assertRowError(self.results(wizard), 3, 'outside your county')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['league.youth'].sudo(self.user_admin_a).create({
                'name': '乙', 'gender': 'male', 'mobile': self.next_mobile(),
                'sector': 'school', 'organization_id': self.imp_unit_b.id})
        # create: the mobile normalized and matched on the youth who has it
        wizard = self.preview('youth', [self.youth_row('新名字', '+86 ' + self.youth_a1.mobile)])
        self.assertEqual(self.results(wizard)[3][0], 'update')
        wizard.action_confirm()
        self.assertEqual(self.youth_a1.name, '新名字')
        # python constraints run on the bulk rows: with the input rules blinded,
        # the birth date and the mobile constraints still refuse the row
        with patch.object(Youth, '_league_input_problems',
                          lambda self, vals, creating=False, today=None: []):
            wizard = self.preview('youth', [self.youth_row('古人', birth='1800-01-01')])
            with self.assertRaises(UserError) as ctx:
                wizard.action_confirm()
        self.assertIn('"古人": Birth Date: 1800-01-01 is before 1900-01-01', ctx.exception.name)
        with patch.object(fmt, 'clean_mobile', lambda value: '1234567890x'):
            wizard = self.preview('youth', [self.youth_row('坏号')])
            with self.assertRaises(UserError) as ctx:
                wizard.action_confirm()
        self.assertIn('is not a valid 11-digit mainland mobile number', ctx.exception.name)
        # contacts: the start date constraint on the bulk rows, pairs matched
        youth = self.make_youth('联系甲', self.imp_town_a)
        future = self.days_ago(-30)
        with patch.object(Contact, '_league_input_problems',
                          lambda self, vals, creating=False, today=None: []):
            wizard = self.preview('contact', [[self.cadre_a.mobile, youth.mobile, future, '微信']])
            with self.assertRaises(UserError) as ctx:
                wizard.action_confirm()
        self.assertIn('cannot start in the future', ctx.exception.name)
        self.make_contact(self.cadre_a, youth, channel='qq')
        wizard = self.preview('contact', [[self.cadre_a.mobile, youth.mobile, '', '电话']] * 2)
        res = self.results(wizard)
        self.assertEqual(res[3][0], 'update')
        self.assertRowError(res, 4, 'this cadre and youth are already on row 3')
        # cadres go through create: quota of the category, social account, group
        mobile = self.next_mobile()
        wizard = self.preview('cadre', [
            self.cadre_row('兼职', mobile, category='其他兼职团干部'),
            self.cadre_row('无号', wechat='')])
        self.assertRowError(self.results(wizard), 4, 'At least one of WeChat, QQ or Weibo')
        wizard.action_confirm()
        cadre = self.env['league.cadre'].search([('mobile', '=', mobile)])
        self.assertEqual(cadre.quota, 10)
        self.assertTrue(cadre.user_id.has_group('youth_contact.group_cadre'))

    # ------------------------------------------------------------------
    # database refusals: short log lines, no personal data
    # ------------------------------------------------------------------
    def test_refusals_keep_personal_data_out_of_the_log(self):
        """A statement refused by the database is not logged with its values
        (names and mobiles): one short line with the rows and the constraint."""
        Wizard = type(self.env['league.import.wizard'])
        rows = [self.youth_row('甲'), self.youth_row('乙', self.youth_a2.mobile),
                self.youth_row('丙')]
        mobiles = [row[3] for row in rows]
        with patch.object(Wizard, '_fetch_by_mobile', lambda *args: {}):
            wizard = self.preview('youth', rows)
            with self.assertLogs('odoo', logging.INFO) as logs, \
                    self.assertRaises(UserError) as ctx:
                wizard.action_confirm()
        self.assertIn('The data changed since the preview', ctx.exception.name)
        self.assertIn('rows 3-5 refused by the database (23505 league_youth_mobile_uniq)',
                      '\n'.join(logs.output))
        for mobile in mobiles:
            self.assertNotIn(mobile, '\n'.join(logs.output))
        # cadres through the ORM: Odoo logs a refused INSERT whole ("bad query")
        mobile = self.next_mobile()
        wizard = self.preview('cadre', [self.cadre_row('丁', mobile)])
        quotas = dict.fromkeys(league_cadre.CATEGORY_QUOTA, 0)
        with patch.dict(league_cadre.CATEGORY_QUOTA, quotas), \
                self.assertLogs('odoo', logging.INFO) as logs, \
                self.assertRaises(UserError) as ctx:
            wizard.action_confirm()
        self.assertIn('row 3 was refused (league_cadre_quota_positive)', ctx.exception.name)
        self.assertNotIn(mobile, '\n'.join(logs.output))
        self.assertNotIn('bad query', '\n'.join(logs.output))


class TestImportConcurrency(common.TransactionCase):
    """Two transactions of their own, committed: no fixture in the test's
    transaction (creating a user there locks rows a committed user needs)."""

    # ------------------------------------------------------------------
    # concurrency: two transactions
    # ------------------------------------------------------------------
    def test_overlapping_confirmations(self):
        """Two administrators confirm overlapping files at the same moment: the
        first imports, the second is told that the data changed since its
        preview (new rows: unique mobile taken; updated rows: serialization
        failure), in two real transactions committed one after the other."""
        registry = self.env.registry
        mobiles = ['1990300%04d' % i for i in range(3)]
        ids = {}

        def env_of(cr, uid=SUPERUSER_ID):
            return api.Environment(cr, uid, {'lang': 'en_US', 'tracking_disable': True,
                                             'mail_create_nolog': True,
                                             'no_reset_password': True})

        def cleanup():
            with registry.cursor() as cr:
                env = env_of(cr)
                cr.execute('DELETE FROM league_youth WHERE mobile = ANY(%s)', [mobiles])
                if ids.get('user'):
                    cr.execute('DELETE FROM league_import_wizard WHERE create_uid = %s',
                               [ids['user']])
                    user = env['res.users'].browse(ids['user'])
                    partner = user.partner_id
                    user.unlink()
                    partner.unlink()
                env['league.organization'].browse(ids.get('orgs', [])).unlink()
                cr.commit()

        self.addCleanup(cleanup)
        with registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '20s'")
            env = env_of(cr)
            Org = env['league.organization']
            city = Org.create({'name': '并发测试市团委', 'level': 'city'})
            county = Org.create({'name': '并发测试县团委', 'level': 'county',
                                 'parent_id': city.id})
            town = Org.create({'name': '并发测试镇团委', 'level': 'town', 'parent_id': county.id})
            ids['orgs'] = [town.id, county.id, city.id]
            ids['user'] = env['res.users'].create({
                'name': '并发测试管理员', 'login': 'yc_concurrency_admin', 'lang': False,
                'groups_id': [(6, 0, [env.ref('youth_contact.group_county_admin').id])],
                'league_admin_county_id': county.id}).id
            cr.commit()

        def file_of(name):
            return base64.b64encode(to_bytes(make_book('youth', [
                ['%s%d' % (name, i), '男', '2000-01-01', mobile, '', '农村', '', '并发测试镇团委', '']
                for i, mobile in enumerate(mobiles)])))

        def confirm_both(name):
            """A and B preview; B's confirmation starts; A confirms and commits;
            then B confirms: returns B's refusal and B's wizard."""
            wizards = []
            for cr in (cr_a, cr_b):
                wizard = env_of(cr, ids['user'])['league.import.wizard'].create({
                    'import_type': 'youth', 'file': file_of(name), 'filename': 'a.xlsx'})
                wizard.action_preview()
                cr.commit()
                wizards.append(wizard)
            cr_b.execute('SELECT 1')   # B's transaction has its snapshot
            wizards[0].action_confirm()
            self.assertEqual(wizards[0].state, 'done')
            cr_a.commit()
            with self.assertLogs('odoo', logging.INFO) as logs, \
                    self.assertRaises(UserError) as ctx:
                wizards[1].action_confirm()
            cr_b.rollback()
            for mobile in mobiles:
                self.assertNotIn(mobile, '\n'.join(logs.output))
            return ctx.exception.name, '\n'.join(logs.output), wizards[1]

        cr_a, cr_b = registry.cursor(), registry.cursor()
        try:
            for cr in (cr_a, cr_b):   # never wait on the test's own transaction
                cr.execute("SET lock_timeout = '20s'")
            message, log, wizard = confirm_both('新')
            self.assertIn('The data changed since the preview', message)
            self.assertIn('23505 league_youth_mobile_uniq', log)
            # previewed again, B's rows are updates
            wizard.invalidate_cache()
            wizard.action_preview()
            self.assertEqual(wizard.count_update, 3)
            cr_b.commit()
            # both update the same youth: B's UPDATE meets A's committed one
            message, log, wizard = confirm_both('改')
            self.assertIn('The data changed since the preview', message)
            self.assertIn('40001', log)
            cr_b.execute('SELECT name FROM league_youth WHERE mobile = ANY(%s) ORDER BY mobile',
                         [mobiles])
            self.assertEqual([row[0] for row in cr_b.fetchall()], ['改0', '改1', '改2'])
        finally:
            for cr in (cr_a, cr_b):
                cr.rollback()
                cr.execute('RESET lock_timeout')
                cr.close()


class TestImportName(ImportTestCase):

    def test_wizard_has_a_user_name(self):
        wizard = self.env['league.import.wizard'].create(
            {'import_type': 'youth', 'filename': '团员青年.xlsx'})
        name = wizard.with_context(lang='zh_CN').display_name
        self.assertNotIn('league.import.wizard', name)
        self.assertIn('团员青年.xlsx', name)
