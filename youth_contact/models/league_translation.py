# -*- coding: utf-8 -*-
from odoo import api, models

#: the translations of a field Odoo reads per field record
FIELD_TERMS = ('ir.model.fields,field_description', 'ir.model.fields,help')


class LeagueTranslation(models.AbstractModel):
    """Translations of the fields a League model takes from a mixin.

    Odoo translates a field's label and help per field record, and its selection
    values per model and field: a model taking fields from a mixin (mail.thread's
    关注者 and 消息, the approval mixin's 提交日期) shows them in English unless its
    own fields have them.  A module's catalogue is loaded when the module is
    installed, before the models of the modules installed after it exist, and
    mail's catalogue never names our models.  Called by each addon's data once its
    models exist: the mixins' translations are copied to the League models'
    fields that have none (a translation the addon's catalogue gives is kept)."""
    _name = 'league.translation'
    _description = 'Translations of Inherited Fields'

    @api.model
    def _copy_inherited_translations(self):
        pairs = set()   # (model, the model of a mixin or parent it takes fields from)
        for name in self.env.registry:
            if name.startswith('league.'):
                pairs.update((name, cls._name) for cls in type(self.env[name]).mro()
                             if getattr(cls, '_name', None) not in (None, name))
        if not pairs:
            return
        models_, parents = zip(*sorted(pairs))
        cr = self.env.cr
        cr.execute("""
            WITH pair AS (SELECT * FROM unnest(%s::varchar[], %s::varchar[]) AS p(model, parent))
            INSERT INTO ir_translation (lang, type, name, res_id, src, value, module, state)
            SELECT DISTINCT ON (t.lang, t.name, f.id)
                   t.lang, t.type, t.name, f.id, t.src, t.value, t.module, t.state
              FROM pair
              JOIN ir_model_fields f ON f.model = pair.model
              JOIN ir_model_fields m ON m.model = pair.parent AND m.name = f.name
              JOIN ir_translation t ON t.type = 'model' AND t.name IN %s AND t.res_id = m.id
                   AND t.value != '' AND t.src = CASE t.name
                       WHEN 'ir.model.fields,help' THEN f.help ELSE f.field_description END
             WHERE NOT EXISTS (SELECT 1 FROM ir_translation x
                                WHERE x.type = 'model' AND x.name = t.name
                                  AND x.res_id = f.id AND x.lang = t.lang)
            ORDER BY t.lang, t.name, f.id, t.id""", (list(models_), list(parents), FIELD_TERMS))
        cr.execute("""
            WITH pair AS (SELECT * FROM unnest(%s::varchar[], %s::varchar[]) AS p(model, parent))
            INSERT INTO ir_translation (lang, type, name, res_id, src, value, module, state)
            SELECT DISTINCT ON (t.lang, f.model, f.name, t.src)
                   t.lang, 'selection', f.model || ',' || f.name, 0, t.src, t.value, t.module,
                   t.state
              FROM pair
              JOIN ir_model_fields f ON f.model = pair.model AND f.ttype = 'selection'
              JOIN ir_translation t ON t.type = 'selection' AND t.value != ''
                   AND t.name = pair.parent || ',' || f.name
             WHERE NOT EXISTS (SELECT 1 FROM ir_translation x
                                WHERE x.type = 'selection' AND x.lang = t.lang
                                  AND x.name = f.model || ',' || f.name AND x.src = t.src)
            ORDER BY t.lang, f.model, f.name, t.src, t.id""", (list(models_), list(parents)))
        self.env['ir.translation'].clear_caches()
        return True
