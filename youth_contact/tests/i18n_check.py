# -*- coding: utf-8 -*-
"""Shared check: every translatable term of an addon has a zh_CN translation."""
import io

from odoo.modules.module import get_module_resource
from odoo.tools.translate import PoFile, trans_generate


def untranslated_terms(cr, module, lang='zh_CN'):
    """Return the sorted source terms of ``module`` lacking a translation in its .po."""
    terms = {row[4] for row in trans_generate(None, [module], cr)
             if row[0] == module and row[4] and row[4].strip()}
    path = get_module_resource(module, 'i18n', '%s.po' % lang)
    translated = set()
    if path:
        with open(path, 'rb') as f:
            reader = PoFile(io.BytesIO(f.read()))
        for _type, _name, _res_id, src, value, _comments in reader:
            if value and value.strip():
                translated.add(src)
    return sorted(terms - translated)
