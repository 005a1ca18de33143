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
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CHAR_MAX = 200
TEXT_MAX = 20000
DATE_MIN = '2000-01-01'
DATE_MAX = '2100-12-31'
_CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


class LeagueInputMixin(models.AbstractModel):
    _name = 'league.input.mixin'
    _description = 'Checks of typed input'

    # date fields not bound to the work period (own rules in the model)
    _league_free_dates = ()

    @api.model
    def _league_clean_input(self, vals):
        """``vals`` with texts trimmed and control characters removed (a copy)."""
        vals = dict(vals)
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or not isinstance(value, str) or field.type not in ('char', 'text'):
                continue
            value = _CONTROL.sub('', value)
            vals[name] = value.strip() if field.type == 'char' else value
        return vals

    @api.model
    def _league_input_problems(self, vals, creating=False):
        """Reasons (translated sentences) why ``vals`` cannot be saved; empty
        when they can.  ``vals`` as cleaned by :meth:`_league_clean_input`."""
        problems = []
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or field.compute and not field.inverse:
                continue
            label = field._description_string(self.env)
            if field.type in ('char', 'text'):
                problems += self._league_text_problems(field, label, value)
            elif field.type == 'selection' and value not in (False, None, ''):
                keys = dict(field._description_selection(self.env))
                if value not in keys:
                    problems.append(_('%(field)s: "%(value)s" is not one of the choices '
                                      '(%(choices)s).') % {
                        'field': label, 'value': value,
                        'choices': _('list separator|, ').split('|', 1)[-1].join(keys.values())})
            elif field.type == 'date' and value:
                problems += self._league_date_problems(name, label, value)
        return problems

    @api.model
    def _league_text_problems(self, field, label, value):
        if value in (False, None):
            return [_('%s is required.') % label] if field.required else []
        if not isinstance(value, str):
            return [_('%s must be a text.') % label]
        if field.required and field.type == 'char' and not value.strip():
            return [_('%s cannot be empty or made of spaces only.') % label]
        limit = min(field.size or CHAR_MAX, CHAR_MAX) if field.type == 'char' else TEXT_MAX
        if len(value) > limit:
            return [_('%(field)s is too long: %(length)s characters, at most %(limit)s.') % {
                'field': label, 'length': len(value), 'limit': limit}]
        return []

    @api.model
    def _league_date_problems(self, name, label, value):
        try:
            day = fields.Date.to_string(fields.Date.from_string(value))
        except (TypeError, ValueError):
            return [_('%(field)s: "%(value)s" is not a date (YYYY-MM-DD).') % {
                'field': label, 'value': value}]
        if name not in self._league_free_dates and not DATE_MIN <= day <= DATE_MAX:
            return [_('%(field)s: %(value)s is outside the possible dates (%(min)s to '
                      '%(max)s).') % {'field': label, 'value': day, 'min': DATE_MIN,
                                      'max': DATE_MAX}]
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
