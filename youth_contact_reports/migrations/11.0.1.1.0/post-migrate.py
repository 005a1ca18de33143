# -*- coding: utf-8 -*-
"""The county of an evaluation (``league.evaluation.county_id``, issue 16) on
an existing database.

Odoo 11 names a field's external id ``field_<table>_<field>``: both the new
``league_evaluation`` + ``county_id`` and the older ``league_evaluation_county``
+ ``id`` make ``field_league_evaluation_county_id``.  The field reflected first
keeps the plain name, the other gets ``_<field id>`` appended.  A new database
reflects ``league.evaluation`` first (the names zh_CN.po uses); an existing
one had the ID field first, so the translations of the .po would label the
ID field "县（市、区）" and leave the new field in English.  Give the plain name
to the new field, as on a new database, and drop the two fields' label
translations: they are loaded again from the .po right after this script.
"""

XMLID = 'field_league_evaluation_county_id'


def _field_id(cr, model, name):
    cr.execute("SELECT id FROM ir_model_fields WHERE model = %s AND name = %s", (model, name))
    row = cr.fetchone()
    return row and row[0]


def migrate(cr, version):
    county_field = _field_id(cr, 'league.evaluation', 'county_id')
    id_field = _field_id(cr, 'league.evaluation.county', 'id')
    if not (county_field and id_field):
        return
    cr.execute("""SELECT id, res_id FROM ir_model_data
                   WHERE module = 'youth_contact_reports' AND model = 'ir.model.fields'
                     AND res_id IN %s""", ((county_field, id_field),))
    rows = dict(cr.fetchall())
    if len(rows) != 2:
        return
    for data_id, res_id in rows.items():
        name = XMLID if res_id == county_field else '%s_%s' % (XMLID, id_field)
        cr.execute("UPDATE ir_model_data SET name = %s WHERE id = %s", (name, data_id))
    cr.execute("""DELETE FROM ir_translation
                   WHERE name = 'ir.model.fields,field_description' AND type = 'model'
                     AND res_id IN %s""", ((county_field, id_field),))
