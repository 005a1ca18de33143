# -*- coding: utf-8 -*-
"""The stored computed fields written by the bulk import (issue 10) are those
the ORM computes: the import fills some of them in its INSERT instead of
letting the ORM recompute them."""
from unittest.mock import patch

from odoo.addons.youth_contact.wizard import league_import_wizard

from .test_import import ImportTestCase, make_book, to_bytes


class TestImportComputed(ImportTestCase):

    def stored(self, records):
        """{(model, id): {field: column value}} of every stored computed field,
        read from the database."""
        Model = records.env[records._name]
        names = sorted(name for name, field in Model._fields.items()
                       if field.store and field.compute and field.column_type)
        self.assertTrue(names)
        self.env.cr.execute('SELECT id, %s FROM "%s" WHERE id = ANY(%%s)' % (
            ', '.join('"%s"' % name for name in names), Model._table), [records.ids])
        return {(records._name, row[0]): dict(zip(names, row[1:]))
                for row in self.env.cr.fetchall()}

    def assertStoredAsOrm(self, *recordsets):
        """Every stored computed field of the records has the value the ORM
        computes: recomputed by the ORM from scratch, nothing changes."""
        before, after = {}, {}
        for records in recordsets:
            self.assertTrue(records)
            before.update(self.stored(records))
        self.env.cache.invalidate()
        for records in recordsets:
            records = records.sudo().with_context(active_test=False)
            for field in records._fields.values():
                if field.store and field.compute and field.column_type:
                    self.env.add_todo(field, records)
        self.env['league.youth'].recompute()
        for records in recordsets:
            after.update(self.stored(records))
        self.assertEqual(before, after)

    def assertAuthor(self, records, user):
        """Created and last written by the importing user."""
        self.env.cr.execute('SELECT DISTINCT create_uid, write_uid FROM "%s" WHERE id = ANY(%%s)'
                            % records._table, [records.ids])
        self.assertEqual(self.env.cr.fetchall(), [(user.id, user.id)])

    def confirm(self, kind, rows, user):
        wizard = self.wizard(kind, to_bytes(make_book(kind, rows)), user)
        wizard.action_preview()
        self.assertFalse(wizard.count_error, wizard.line_ids.mapped('message'))
        # small batches: the first row alone, then several batches
        with patch.object(league_import_wizard, 'BULK_SIZE', 2):
            wizard.action_confirm()
        self.assertEqual(wizard.state, 'done')
        return wizard

    def test_youth_computed_fields(self):
        """New youth of two counties (county by organization, no cadre yet, no
        activity): the stored values are the ORM's; a stale one is seen."""
        mobiles = [self.next_mobile() for _i in range(7)]
        orgs = ['导入测试甲镇团委', '导入测试乙学校团委', '导入测试甲企业团支部']
        rows = [self.youth_row('青年%d' % i, mobile, org=orgs[i % 3])
                for i, mobile in enumerate(mobiles)]
        rows.append(self.youth_row('刘洋', self.youth_a1.mobile, org='导入测试乙学校团委'))
        wizard = self.confirm('youth', rows, self.user_city)
        self.assertEqual((wizard.created_count, wizard.updated_count), (7, 1))
        youth = self.Youth.search([('mobile', 'in', mobiles)])
        self.assertEqual(len(youth), 7)
        self.assertEqual(set(youth.mapped('county_id')), {self.county_a, self.county_b})
        self.assertAuthor(youth, self.user_city)
        self.env.cr.execute('SELECT write_uid FROM league_youth WHERE id = %s',
                            self.youth_a1.ids)
        self.assertEqual(self.env.cr.fetchone()[0], self.user_city.id)
        self.assertStoredAsOrm(youth, self.youth_a1)
        self.assertEqual(self.youth_a1.county_id, self.county_b)

        # the check fails on a value left stale (e.g. not filled by the INSERT)
        for column, value in (('county_id', self.county_b.id), ('cadre_count', None)):
            self.env.cr.execute('UPDATE league_youth SET "%s" = %%s WHERE id = %%s' % column,
                                [value, youth.filtered(
                                    lambda y: y.county_id == self.county_a)[-1].id])
            with self.assertRaises(AssertionError):
                self.assertStoredAsOrm(youth)

    def test_contact_computed_fields(self):
        """New contacts: their county and sector, the youth's number of cadres
        and the cadres' counters and cadences are the ORM's."""
        youth = self.youth_a1 | self.youth_a2 | self.make_youth('新青年', self.imp_unit_a,
                                                                 sector='enterprise')
        existing = self.make_contact(self.cadre_a2, self.youth_a1)
        rows = [[cadre.mobile, person.mobile, '', '微信']
                for cadre in (self.cadre_a, self.cadre_a2) for person in youth
                if (cadre, person) != (self.cadre_a2, self.youth_a1)]
        self.assertEqual(len(rows), 5)
        self.confirm('contact', rows, self.user_admin_a)
        contacts = self.env['league.contact'].search([('youth_id', 'in', youth.ids)])
        self.assertEqual(len(contacts), 6)
        self.assertEqual(youth.mapped('cadre_count'), [2, 2, 2])
        self.assertEqual(set(contacts.mapped('county_id')), {self.county_a})
        self.assertAuthor(contacts - existing, self.user_admin_a)
        self.assertStoredAsOrm(contacts, youth, self.cadre_a | self.cadre_a2)

    def test_fields_written_by_the_insert(self):
        """The youth's county, number of cadres and next activity, and the
        contacts' county, sector and youth county are written by the INSERT:
        left to the ORM, its recomputation re-read every column of the new
        rows (two thirds of the time of an import)."""
        Wizard = self.env['league.import.wizard']
        Youth, Contact = self.env['league.youth'], self.env['league.contact']
        related, same = Wizard._bulk_computed(Youth, ['name', 'mobile', 'organization_id'])
        self.assertEqual({field.name: (head.name, target.name)
                          for field, (head, target) in related.items()},
                         {'county_id': ('organization_id', 'county_id')})
        self.assertEqual({field.name for field in same}, {'cadre_count', 'activity_date_deadline'})
        related, same = Wizard._bulk_computed(Contact, ['cadre_id', 'youth_id', 'channel'])
        self.assertEqual({field.name: head.name for field, (head, _t) in related.items()},
                         {'county_id': 'cadre_id', 'sector': 'youth_id',
                          'youth_county_id': 'youth_id'})
        self.assertEqual(same, [])
        # a related field of a many2one the file does not fill is left to the ORM
        related, same = Wizard._bulk_computed(Youth, ['name', 'mobile'])
        self.assertEqual(related, {})
