# -*- coding: utf-8 -*-
"""Shared check: every translatable term of an addon has a zh_CN translation,
where Odoo looks for it.

Odoo loads a catalogue entry for each of its references: a view's text is
translated in the views its entry names, a field's label for the fields it
names.  A term translated for one view but missing the reference of another
view that shows it (e.g. a kanban view added later with the same word) stays
English there: such terms are listed too, with the place that lacks them."""
import io
import re

from odoo.modules.module import get_module_resource
from odoo.tools.translate import PoFile, trans_generate

# Entries Odoo finds by their record (the reference matters); the others
# (code, selection values, constraints) by their source text.
BY_RECORD = ('model', 'model_terms')


#: Odoo names a field's record field_<table>_<field>, with the record's id added
#: when the name is taken (league_evaluation_county.id ~ league_evaluation.county_id):
#: that id differs from one database to the next.
FIELD_ID_SUFFIX = re.compile(r'^([\w.]+\.field_\w+)_\d+$')


def _key(type_, name, res_id, src):
    if type_ not in BY_RECORD:
        return (src,)
    return (type_, name, FIELD_ID_SUFFIX.sub(r'\1', str(res_id)), src)


def untranslated_terms(cr, module, lang='zh_CN'):
    """Return the sorted terms of ``module`` Odoo would leave untranslated with
    its .po: the source text, and for a view's or field's text the record."""
    wanted = {_key(row[1], row[2], row[3], row[4])
              for row in trans_generate(None, [module], cr)
              if row[0] == module and row[4] and row[4].strip()}
    path = get_module_resource(module, 'i18n', '%s.po' % lang)
    translated = set()
    if path:
        with open(path, 'rb') as f:
            reader = PoFile(io.BytesIO(f.read()))
        for type_, name, res_id, src, value, _comments in reader:
            if value and value.strip():
                translated.add(_key(type_, name, res_id, src))
    return sorted(' @ '.join(reversed(key[1:])) if len(key) > 1 else key[0]
                  for key in wanted - translated)
