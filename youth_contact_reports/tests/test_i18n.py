# -*- coding: utf-8 -*-
from odoo.tests import common

from odoo.addons.youth_contact.tests.i18n_check import untranslated_terms


@common.at_install(False)
@common.post_install(True)
class TestTranslations(common.TransactionCase):

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env.cr, 'youth_contact_reports')
        self.assertFalse(missing, 'zh_CN.po lacks translations for: %s' % missing)
