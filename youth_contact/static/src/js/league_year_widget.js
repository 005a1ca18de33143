odoo.define('youth_contact.league_year_widget', function (require) {
'use strict';
// widget="league_year": an integer year shown as "2026", not "2,026".
var basicFields = require('web.basic_fields');
var fieldRegistry = require('web.field_registry');

var LeagueYear = basicFields.FieldInteger.extend({
    _formatValue: function (value) {
        return (value || value === 0) ? String(value) : '';
    },
});

fieldRegistry.add('league_year', LeagueYear);
return LeagueYear;
});
