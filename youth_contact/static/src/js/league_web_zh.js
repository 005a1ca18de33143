odoo.define('youth_contact.league_web_zh', function (require) {
'use strict';
// Words of Odoo's web client that its Chinese catalogue lacks, or that come from
// its libraries in English: the controls of bar charts (nvd3), the tooltips of the
// calendar's sidebar and of its month picker (jQuery UI).  Translated in
// youth_contact/i18n/zh_CN.po.
var core = require('web.core');
var CalendarRenderer = require('web.CalendarRenderer');
var GraphRenderer = require('web.GraphRenderer');

var _t = core._t;

GraphRenderer.include({
    _renderBarChart: function () {
        // nvd3 is loaded with the first graph view: wrap its bar chart then, once
        if (!nv.models.multiBarChart.leagueLabels) {
            var multiBarChart = nv.models.multiBarChart;
            nv.models.multiBarChart = function () {
                var chart = multiBarChart.apply(this, arguments);
                chart.controlLabels({grouped: _t('Grouped'), stacked: _t('Stacked')});
                return chart;
            };
            nv.models.multiBarChart.leagueLabels = true;
        }
        return this._super.apply(this, arguments);
    },
});

CalendarRenderer.include({
    _initCalendarMini: function () {
        $.datepicker.setDefaults({
            dayNames: moment.weekdays(),
            prevText: _t('Previous month'),
            nextText: _t('Next month'),
        });
        return this._super.apply(this, arguments);
    },
    _render: function () {
        var self = this;
        return $.when(this._super.apply(this, arguments)).then(function () {
            self.$('.o_calendar_sidebar_toggler').attr(
                'title', self.state.fullWidth ? _t('Open Sidebar') : _t('Close Sidebar'));
        });
    },
});
});
