odoo.define('youth_contact.league_crash_manager', function (require) {
'use strict';
// Error dialogs of user errors read as such: the server sends every error with
// the message "Odoo Server Error", which the web client shows as the title of
// the dialog (with the kind of error as a subtitle).  A user or validation error
// is titled by its kind ("提示", "校验错误"...); real server errors are unchanged.
var core = require('web.core');
var CrashManager = require('web.CrashManager');

var _lt = core._lt;

var TITLES = {
    user_error: _lt('Notice'),
    warning: _lt('Notice'),
    except_orm: _lt('Notice'),
    validation_error: _lt('Invalid Input'),
    access_error: _lt('Not Allowed'),
    access_denied: _lt('Not Allowed'),
    missing_error: _lt('Record Not Found'),
};

CrashManager.include({
    show_warning: function (error) {
        var kind = error && error.data && error.data.exception_type;
        if (_.has(TITLES, kind)) {
            error = _.extend({}, error, {
                type: String(TITLES[kind]),
                data: _.extend({}, error.data, {title: ''}),
            });
        }
        return this._super(error);
    },
});

return {titles: TITLES};
});
