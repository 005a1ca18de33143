odoo.define('youth_contact_reports.league_graph_renderer', function (require) {
'use strict';
/**
 * Graphs of the League models (league.*) that read right on the dashboard:
 * - count measures (integers) get whole-number axis steps (no 0.5, 1.5);
 * - x labels (county names) are rotated and given room instead of overlapping;
 * - a chart with one series has no legend (it covered the bars; the title
 *   names the measure), and the grouped/stacked controls only with series;
 * - a line per month marks the current, partial month as such (hollow point
 *   and a label suffix) so that its drop is not read as a fall.
 * Only the options of nvd3 charts are changed; Odoo is not patched.
 */
var core = require('web.core');
var GraphRenderer = require('web.GraphRenderer');

var _t = core._t;

function isLeague(renderer) {
    var parent = renderer.getParent && renderer.getParent();
    return !!(parent && parent.modelName && parent.modelName.indexOf('league.') === 0);
}

function isCount(renderer) {
    var measure = renderer.state.measure;
    var field = renderer.state.fields[measure];
    return measure === '__count__' || (field && field.type === 'integer');
}

function maxValue(renderer) {
    return _.max(_.map(renderer.state.data, function (d) { return d.value || 0; }).concat([0]));
}

function integerAxis(renderer, chart) {
    var max = maxValue(renderer);
    chart.forceY([0, Math.max(max, 1)]);
    chart.yAxis.ticks(Math.max(1, Math.min(Math.ceil(max), 6)));
    chart.yAxis.tickFormat(function (d) {
        return Math.round(d) === d ? d3.format(',d')(d) : '';
    });
}

GraphRenderer.include({
    _renderBarChart: function () {
        var chart = this._super.apply(this, arguments);
        if (!chart || !isLeague(this)) {
            return chart;
        }
        var series = this.state.groupedBy.length > 1;
        var labels = _.uniq(_.map(this.state.data, function (d) {
            return String(_.isArray(d.labels) ? d.labels[0] : d.labels);
        }));
        var longest = _.max(_.map(labels, function (l) { return l.length; }).concat([0]));
        // labels that do not fit side by side are written upright (a tilted
        // label still runs into its neighbour on a narrow dashboard column)
        var width = this.$el.width() || 600;
        var crowded = labels.length * Math.max(longest, 2) * 13 > width - 80;
        chart.options({
            showLegend: series,
            // the grouped/stacked switch ran into the legend on narrow charts
            showControls: series && width > 500,
            rotateLabels: crowded ? -90 : 0,
            staggerLabels: false,
            reduceXTicks: false,
            margin: {left: 60, right: 10, top: series ? 40 : 10,
                     bottom: crowded ? Math.min(20 + longest * 13, 200) : 40},
        });
        if (isCount(this)) {
            integerAxis(this, chart);
        }
        chart.update();
        return chart;
    },
    _renderLineChart: function () {
        var chart = this._super.apply(this, arguments);
        if (!chart || !isLeague(this)) {
            return chart;
        }
        var series = this.state.groupedBy.length > 1;
        chart.options({
            showLegend: series,
            margin: {left: 60, right: 20, top: series ? 40 : 10, bottom: 60},
        });
        if (isCount(this)) {
            integerAxis(this, chart);
        }
        var groupBy = this.state.groupedBy[0] || '';
        if (groupBy.split(':')[1] === 'month' || groupBy.split(':').length === 1) {
            this._leagueMarkPartialMonth(chart);
        }
        chart.update();
        return chart;
    },
    /**
     * The last point of a line per month is the current month when the data
     * reaches it: its label reads "(in progress)" and its point is hollow.
     */
    _leagueMarkPartialMonth: function (chart) {
        var data = this.state.data;
        var groupBy = this.state.groupedBy[0] || '';
        var field = this.state.fields[groupBy.split(':')[0]];
        if (!data.length || !field || (field.type !== 'date' && field.type !== 'datetime')) {
            return;
        }
        var current = moment().locale(moment.locale()).format('MMMM YYYY');
        var partial = [];
        var labelOf = function (d) { return _.isArray(d.labels) ? d.labels[0] : d.labels; };
        _.each(data, function (d, index) {
            if (String(labelOf(d)).toLowerCase() === current.toLowerCase()) {
                partial.push(index);
            }
        });
        if (!partial.length) {
            return;
        }
        var suffix = _t(' (in progress)');
        var format = chart.xAxis.tickFormat();
        chart.xAxis.tickFormat(function (d) {
            var text = format(d);
            return _.contains(partial, d) ? text + suffix : text;
        });
        this.$el.addClass('o_league_partial_month');
        this.$el.attr('data-partial-month', current);
    },
});

return GraphRenderer;
});
