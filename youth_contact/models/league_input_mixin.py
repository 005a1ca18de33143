# -*- coding: utf-8 -*-
"""Checks of what users type, for every League model (forms, RPC, import).

One definition of sane input, shared by ``create``/``write`` (through
``league.county.mixin``) and the Excel import's row checks
(:meth:`_league_input_problems`), so that a form, an API call and an imported
row are refused for the same reason:

- short texts (``Char``) at most ``CHAR_MAX`` characters (a field's own
  ``size`` when smaller), long texts (``Text``) at most ``TEXT_MAX``; control
  characters other than tab and line breaks are removed, short texts trimmed;
- a required short text is not blank (a name made of spaces is no name);
- a selection value is one of its keys;
- a date is a real calendar date between ``DATE_MIN`` and ``DATE_MAX``
  (dates of the work: contacts, logs, activities, open days...); the fields
  of ``_league_free_dates`` (a birth date) have their own rules.
"""
import datetime
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CHAR_MAX = 200
TEXT_MAX = 20000
DATE_MIN = '2000-01-01'
DATE_MAX = '2100-12-31'
_CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')
_DAY = re.compile(r'^(\d{4})-(\d{2})-(\d{2})$')


def league_day(value):
    """``value`` (a date or a date string) as 'YYYY-MM-DD'; ValueError or
    TypeError when it is not a date.  Fast for 'YYYY-MM-DD' strings (the
    Excel import checks thousands of rows)."""
    match = isinstance(value, str) and _DAY.match(value)
    if match:
        return datetime.date(*map(int, match.groups())).isoformat()
    return fields.Date.to_string(fields.Date.from_string(value))


class LeagueInputMixin(models.AbstractModel):
    _name = 'league.input.mixin'
    _description = 'Checks of typed input'

    # date fields not bound to the work period (own rules in the model)
    _league_free_dates = ()

    @api.model
    def _league_clean_input(self, vals):
        """``vals`` with texts trimmed and control characters removed (a copy)."""
        vals = dict(vals)
        rules = self._league_input_rules()
        for name, value in vals.items():
            rule = rules.get(name)
            if rule is None or rule[1] != 'text' or not isinstance(value, str):
                continue
            value = _CONTROL.sub('', value)
            vals[name] = value.strip() if rule[0].type == 'char' else value
        return vals

    @api.model
    def _league_input_problems(self, vals, creating=False, today=None):
        """Reasons (translated sentences) why ``vals`` cannot be saved; empty
        when they can.  ``vals`` as cleaned by :meth:`_league_clean_input`;
        ``today`` (``league_today``, for the rules of the models comparing a
        date with today) when the caller has it.

        No query, and the labels are translated only for a problem: the Excel
        import calls this for every row of a file."""
        problems = []
        rules = self._league_input_rules()
        for name, value in vals.items():
            rule = rules.get(name)
            if rule is None:
                continue
            field, kind, limit, keys = rule
            if kind == 'text':
                # the usual case first: a text within its limit
                if isinstance(value, str) and len(value) <= limit and (
                        not field.required or value.strip()):
                    continue
                problems += self._league_text_problems(field, value)
            elif kind == 'selection':
                if value in (False, None, '') or keys is not None and value in keys:
                    continue
                labels = dict(field._description_selection(self.env))
                if value not in labels:
                    problems.append(_('%(field)s: "%(value)s" is not one of the choices '
                                      '(%(choices)s).') % {
                        'field': self._league_label(field), 'value': value,
                        'choices': _('list separator|, ').split('|', 1)[-1].join(
                            labels.values())})
            elif kind == 'date' and value:
                problems += self._league_date_problems(field, value)
        return problems

    @api.model
    def _league_input_rules(self):
        """{field name: (field, kind, length limit, selection keys or None)} of
        the fields checked by :meth:`_league_input_problems`; computed once per
        model class of the registry (the fields do not change after setup)."""
        cls = type(self)
        rules = cls.__dict__.get('_league_input_rules_cache')
        if rules is None:
            rules = {}
            for name, field in self._fields.items():
                if field.compute and not field.inverse:
                    continue
                if field.type in ('char', 'text'):
                    limit = min(field.size or CHAR_MAX, CHAR_MAX) if field.type == 'char' \
                        else TEXT_MAX
                    rules[name] = (field, 'text', limit, None)
                elif field.type == 'selection':
                    # static selections: keys known; dynamic ones asked each time
                    keys = {key for key, _label in field.selection} \
                        if isinstance(field.selection, list) else None
                    rules[name] = (field, 'selection', None, keys)
                elif field.type == 'date':
                    rules[name] = (field, 'date', None, None)
            cls._league_input_rules_cache = rules
        return rules

    @api.model
    def _league_label(self, field):
        """The label of ``field`` in the user's language."""
        return field._description_string(self.env)

    @api.model
    def _league_text_problems(self, field, value):
        if value in (False, None):
            return [_('%s is required.') % self._league_label(field)] if field.required else []
        if not isinstance(value, str):
            return [_('%s must be a text.') % self._league_label(field)]
        if field.required and field.type == 'char' and not value.strip():
            return [_('%s cannot be empty or made of spaces only.') % self._league_label(field)]
        limit = min(field.size or CHAR_MAX, CHAR_MAX) if field.type == 'char' else TEXT_MAX
        if len(value) > limit:
            return [_('%(field)s is too long: %(length)s characters, at most %(limit)s.') % {
                'field': self._league_label(field), 'length': len(value), 'limit': limit}]
        return []

    @api.model
    def _league_date_problems(self, field, value):
        try:
            day = league_day(value)
        except (TypeError, ValueError):
            return [_('%(field)s: "%(value)s" is not a date (YYYY-MM-DD).') % {
                'field': self._league_label(field), 'value': value}]
        if field.name not in self._league_free_dates and not DATE_MIN <= day <= DATE_MAX:
            return [_('%(field)s: %(value)s is outside the possible dates (%(min)s to '
                      '%(max)s).') % {'field': self._league_label(field), 'value': day,
                                      'min': DATE_MIN, 'max': DATE_MAX}]
        return []

    @api.model
    def _league_check_input(self, vals, creating=False):
        """Clean ``vals`` and refuse them with a ValidationError listing every
        problem; returns the cleaned values."""
        vals = self._league_clean_input(vals)
        problems = self._league_input_problems(vals, creating=creating)
        if problems:
            raise ValidationError('\n'.join(problems))
        return vals
