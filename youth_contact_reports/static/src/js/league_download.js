odoo.define('youth_contact_reports.league_download', function (require) {
'use strict';
// Client action "league_xlsx_download" (params: url): downloads an export and
// is done at once.  An ir.actions.act_url with target "self" never finishes in
// the web client (it waits for the page to go away, which a download does not
// do): the buttons of the form stayed disabled until the page was reloaded,
// and the redirection had switched the error dialogs off.
var core = require('web.core');
var crashManager = require('web.crash_manager');
var framework = require('web.framework');
var session = require('web.session');

function download(parent, action) {
    framework.blockUI();
    session.get_file({
        url: action.params.url,
        complete: framework.unblockUI,
        error: crashManager.rpc_error.bind(crashManager),
    });
}

core.action_registry.add('league_xlsx_download', download);
return download;
});
