# -*- coding: utf-8 -*-
import re

from odoo.tests import common

from odoo.addons.youth_contact.tests.i18n_check import untranslated_terms

#: Latin a Chinese label may hold (the names of things, as the menu crawl allows)
ALLOWED_LATIN = re.compile(r'Excel|xlsx|QQ|PDF|ISO|ID\b|URL|WeChat|Email|E-mail')


@common.at_install(False)
@common.post_install(True)
class TestTranslations(common.TransactionCase):

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env.cr, 'youth_contact_reports')
        self.assertFalse(missing, 'zh_CN.po lacks translations for: %s' % missing)

    def test_field_labels_in_chinese(self):
        """What a user reads of each field (fields_get: label, help, selection
        values) is Chinese on every League model, also for the fields a model of
        this addon takes from a mixin of youth_contact (their translations are
        youth_contact's, loaded before this addon's models existed)."""
        english = []
        for model in self.env['ir.model'].search([('model', '=like', 'league.%')]).mapped('model'):
            Model = self.env[model].with_context(lang='zh_CN')
            for name, field in Model.fields_get(attributes=['string', 'selection']).items():
                texts = [field['string']] + [label for _value, label in
                                             field.get('selection') or []
                                             if isinstance(label, str)]
                english += ['%s.%s: %s' % (model, name, text) for text in texts
                            if any('a' <= char.lower() <= 'z' for char in text)
                            and not ALLOWED_LATIN.search(text)]
        self.assertFalse(english, 'English shown to a Chinese user:\n' + '\n'.join(english))
