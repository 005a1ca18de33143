# -*- coding: utf-8 -*-
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .league_common import GRASSROOTS_START_PARAM
from .league_open_day import DEFAULT_MIN_ATTENDEES, MIN_ATTENDEES_PARAM
from .league_youth import MAX_CADRES_DEFAULT, MAX_CADRES_PARAM


class LeagueSettingsMixin(models.AbstractModel):
    """The settings of the youth contact system, kept in ir.config_parameter.

    One piece of code for both forms that edit them: ``league.settings`` (the
    city administrator's form) and ``res.config.settings`` (the system
    administrator's settings page) inherit this mixin.  Addons add settings
    by extending ``_league_param_specs`` (and ``_league_check_values``).

    A setting is an integer (a boolean is kept as 0 or 1) or a date (kept as
    'YYYY-MM-DD', unset when empty; its minimum is None)."""
    _name = 'league.settings.mixin'
    _description = 'Youth Contact Settings (Parameters)'

    league_max_cadres_per_youth = fields.Integer(
        'Maximum Cadres per Youth', default=MAX_CADRES_DEFAULT,
        help='A youth in contact with more cadres than this is flagged, to avoid the '
             'repeated contact of a few youth.')
    league_open_day_min_attendees = fields.Integer(
        'Minimum Open Day Attendance', default=DEFAULT_MIN_ATTENDEES,
        help='An open day can be closed once at least this many youth attended it '
             '(the document asks for at least 50 ordinary youth every quarter).')
    league_grassroots_start = fields.Date(
        '"4+1" Counted From',
        help='The "4+1" weeks are counted from the week of this date when it is later than the '
             'start of the year (an office that starts using the system mid-year). Empty: from '
             'the start of the year.')

    @api.model
    def _league_param_specs(self):
        """[(field, ir.config_parameter key, default, minimum)] of the settings."""
        return [
            ('league_max_cadres_per_youth', MAX_CADRES_PARAM, MAX_CADRES_DEFAULT, 1),
            ('league_open_day_min_attendees', MIN_ATTENDEES_PARAM, DEFAULT_MIN_ATTENDEES, 1),
            ('league_grassroots_start', GRASSROOTS_START_PARAM, False, None),
        ]

    @api.model
    def _league_get_values(self):
        """{field: value} from the system parameters (the default when a parameter
        is unset, not a number or below its minimum)."""
        params = self.env['ir.config_parameter'].sudo()
        values = {}
        for field, param, default, minimum in self._league_param_specs():
            if self._fields[field].type == 'date':
                values[field] = _date_value(params.get_param(param)) or default
                continue
            try:
                value = int(params.get_param(param) or default)
            except ValueError:
                value = default
            value = value if value >= minimum else default
            # a boolean setting is kept as 0 or 1
            values[field] = bool(value) if self._fields[field].type == 'boolean' else value
        return values

    @api.multi
    def _league_values(self, fields_list=None):
        """{field: value} of this record, for all the settings or ``fields_list``."""
        self.ensure_one()
        names = fields_list or [spec[0] for spec in self._league_param_specs()]
        return {name: self[name] for name in names}

    @api.model
    def _league_check_values(self, values):
        """Refuse a value below the minimum of its setting."""
        for field, _param, _default, minimum in self._league_param_specs():
            if minimum is not None and field in values and values[field] < minimum:
                raise ValidationError(_('"%(setting)s" must be at least %(minimum)s.') % {
                    'setting': self._fields[field].get_description(self.env)['string'],
                    'minimum': minimum,
                })

    @api.model
    def _league_check_access(self):
        user = self.env.user
        if not (user._is_superuser() or user.has_group('youth_contact.group_city_admin')
                or user.has_group('base.group_system')):
            raise AccessError(_('Only the city administrator can change the settings of the '
                                'youth contact system.'))

    @api.model
    def _league_set_values(self, values):
        """Check the user and the values, then store them as system parameters."""
        self._league_check_access()
        self._league_check_values(values)
        params = self.env['ir.config_parameter'].sudo()
        for field, param, _default, _minimum in self._league_param_specs():
            if field not in values:
                continue
            if self._fields[field].type == 'date':
                # an empty date removes the parameter
                params.set_param(param, _date_value(values[field]) or False)
            else:
                params.set_param(param, str(int(values[field])))

    @api.constrains('league_max_cadres_per_youth', 'league_open_day_min_attendees')
    def _check_league_thresholds(self):
        for settings in self:
            settings._league_check_values(settings._league_values(
                ['league_max_cadres_per_youth', 'league_open_day_min_attendees']))


def _date_value(value):
    """'YYYY-MM-DD' of a date setting, False when empty or not a date."""
    if not value:
        return False
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    try:
        return fields.Date.to_string(fields.Date.from_string(value))
    except (TypeError, ValueError):
        return False
