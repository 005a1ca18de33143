odoo.define('youth_contact.league_initial_passwords', function (require) {
'use strict';
// Client action "league_initial_passwords": the initial passwords just issued
// (league.initial.password.wizard), shown once in a dialog, printable and
// downloadable as a list.  They live only in this widget: closing the dialog
// forgets them (the server keeps their hash only).
var core = require('web.core');
var Widget = require('web.Widget');

var _t = core._t;
var QWeb = core.qweb;

// One CSV cell: quoted, and never read as a formula by a spreadsheet.
function csvCell(value) {
    var text = String(value === undefined || value === null ? '' : value);
    if (/^[=+\-@]/.test(text)) {
        text = "'" + text;
    }
    return '"' + text.replace(/"/g, '""') + '"';
}

var InitialPasswords = Widget.extend({
    template: 'youth_contact.InitialPasswords',
    events: {
        'click .o_league_print': '_onPrint',
        'click .o_league_download': '_onDownload',
        'click .o_league_close': '_onClose',
    },
    init: function (parent, action) {
        this._super.apply(this, arguments);
        this.rows = (action.params && action.params.rows) || [];
    },
    _headers: function () {
        return [_t('Cadre'), _t('Organization'), _t('Login'), _t('Initial Password')];
    },
    _onPrint: function () {
        var win = window.open('', '_blank');
        win.document.write(QWeb.render('youth_contact.InitialPasswordsPrint', {
            title: _t('Initial Passwords'), headers: this._headers(), rows: this.rows,
        }));
        win.document.close();
        win.focus();
        win.print();
    },
    _onDownload: function () {
        var lines = [this._headers()].concat(_.map(this.rows, function (row) {
            return [row.name, row.organization, row.login, row.password];
        }));
        var csv = '\ufeff' + _.map(lines, function (line) {
            return _.map(line, csvCell).join(',');
        }).join('\r\n') + '\r\n';
        var url = URL.createObjectURL(new Blob([csv], {type: 'text/csv;charset=utf-8'}));
        var link = document.createElement('a');
        link.href = url;
        link.download = _t('Initial Passwords') + '.csv';
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    },
    _onClose: function () {
        this.rows = [];
        this.do_action({type: 'ir.actions.act_window_close'});
    },
});

core.action_registry.add('league_initial_passwords', InitialPasswords);
return InitialPasswords;
});
