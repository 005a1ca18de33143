# -*- coding: utf-8 -*-
"""Which League records a user may read, as a domain on the standard Odoo
models that point to a record with a ``(model name, record id)`` pair
(mail.activity, mail.mail).

Odoo 11 lets every internal user read every ``mail.activity`` and every
``mail.mail``: their summaries, record names and bodies would show the
concerns, reminders and notifications of other counties.  A record rule on
those models keeps, among the pointers to League records (models
``league.*``), only those whose record the user may read (access rights and
record rules of the League model); pointers to other models are left to
Odoo.  The rule is built as one SQL sub-query per League model carrying a
chatter (the record rules of that model applied for the user), so its cost
does not grow with the number of activities or mails.
"""
from odoo import SUPERUSER_ID, api, fields, models
from odoo.osv import expression

GROUP_CITY_ADMIN = 'youth_contact.group_city_admin'


def league_model_names(env):
    """The League models (``league.*``) that have a table."""
    return sorted(name for name, model in env.registry.items()
                  if name.startswith('league.') and not model._abstract
                  and not model._transient)


def readable_query(env, uid, model_name):
    """``(sql, params)`` selecting the ids of the ``model_name`` records that
    user ``uid`` may read (archived ones included), or None if the user has
    no read access to the model at all."""
    model = env[model_name].sudo(uid)
    if not model.check_access_rights('read', raise_exception=False):
        return None
    query = model._where_calc([], active_test=False)
    model._apply_ir_rules(query, 'read')
    from_clause, where_clause, params = query.get_sql()
    sql = 'SELECT "%s".id FROM %s' % (model._table, from_clause)
    if where_clause:
        sql += ' WHERE %s' % where_clause
    return sql, params


def readable_documents_domain(env, uid, model_field, id_field):
    """Domain keeping the records (of the model searched) whose document,
    given by the fields ``model_field`` (model name) and ``id_field``
    (record id), is not a League record or is a League record that user
    ``uid`` may read.  ``[]`` (no restriction) for the superuser and the
    city administrator, who read every League record."""
    if uid == SUPERUSER_ID or env['res.users'].sudo(uid).has_group(GROUP_CITY_ADMIN):
        return []
    names = league_model_names(env)
    domains = [[(model_field, 'not in', names)]]
    for name in names:
        if 'message_ids' not in env[name]._fields:
            continue  # no chatter: nothing to show (kept out of every result)
        readable = readable_query(env, uid, name)
        if readable:
            domains.append(['&', (model_field, '=', name), (id_field, 'inselect', readable)])
    return expression.OR(domains)


class LeagueReadableDocumentMixin(models.AbstractModel):
    """A standard model pointing to a record (``_league_document_fields``: the
    fields holding the model name and the record id) whose pointers to League
    records are readable only by who may read that record: the technical
    field ``league_readable_by`` searched by the model's record rule."""
    _name = 'league.readable.document.mixin'
    _description = 'Pointer to a League record, readable as that record'
    _league_document_fields = ('res_model', 'res_id')

    league_readable_by = fields.Integer(
        'Readable by (technical)', compute='_compute_league_readable_by',
        search='_search_league_readable_by',
        help='Technical field of the record rule: searching it with a user id keeps the '
             'records that user may read.')

    def _compute_league_readable_by(self):
        for record in self:
            record.league_readable_by = self.env.uid

    @api.model
    def _search_league_readable_by(self, operator, value):
        model_field, id_field = self._league_document_fields
        return readable_documents_domain(self.env, value, model_field, id_field)
