# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.youth_contact.models.league_common import LEAGUE_TODAY_SQL, SECTORS
from odoo.addons.youth_contact.models.league_concern import (
    CONCERN_KINDS, CONCERN_STATES, DEFAULT_VOICE_KIND, ESCALATIONS, VOICE_KIND_OF,
    VOICE_KIND_SELECTION, VOICE_KINDS,
)


class LeagueReportConcern(models.Model):
    """Concerns by kind, state and county (the problem list in figures)."""
    _name = 'league.report.concern'
    _inherit = ['league.report.view']
    _description = 'Concern Analysis'
    _auto = False
    _order = 'date desc'
    _rec_name = 'concern_id'
    _source_indexes = [('league_concern', ['county_id', 'state'])]

    concern_id = fields.Many2one('league.concern', 'Concern', readonly=True)
    youth_id = fields.Many2one('league.youth', 'Youth', readonly=True)
    cadre_id = fields.Many2one('league.cadre', 'Responsible Cadre', readonly=True)
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    sector = fields.Selection(SECTORS, 'Sector of the Youth', readonly=True)
    kind = fields.Selection(CONCERN_KINDS, readonly=True)
    voice_kind = fields.Selection(VOICE_KIND_SELECTION, 'Youth Voice Kind', readonly=True)
    state = fields.Selection(CONCERN_STATES, 'Status', readonly=True)
    escalation = fields.Selection(ESCALATIONS, 'Escalation Route', readonly=True)
    date = fields.Date('Raised On', readonly=True)
    concern_count = fields.Integer('Concerns', readonly=True)
    open_count = fields.Integer('Open Concerns', readonly=True)
    answered_count = fields.Integer(
        'Answered', readonly=True,
        help='Concerns that received a response: answered, helped, escalated or closed.')
    is_voice = fields.Boolean('Youth Voice', readonly=True,
                              help='A suggestion, an opinion or an idea of a youth.')
    age_days = fields.Integer('Days Open', readonly=True, group_operator='avg',
                              help='Days from raising to closing, or to today when open.')

    @api.model
    def _query(self):
        return """
            SELECT c.id, c.id AS concern_id, c.youth_id, c.cadre_id, c.county_id, y.sector,
                   c.kind, c.voice_kind, c.state, c.escalation, c.date,
                   1 AS concern_count,
                   CASE WHEN c.state != 'closed' THEN 1 ELSE 0 END AS open_count,
                   CASE WHEN c.state != 'new' THEN 1 ELSE 0 END AS answered_count,
                   c.kind = '{voice}' AS is_voice,
                   CASE WHEN c.state = 'closed' THEN coalesce(c.date_closed, c.date) - c.date
                        ELSE {today} - c.date END AS age_days
              FROM league_concern c
              JOIN league_youth y ON y.id = c.youth_id
        """.format(today=LEAGUE_TODAY_SQL, voice=VOICE_KIND_OF)

    @api.model
    def _voice_counts(self, date_from, date_to, county_ids=None):
        """The youth voice (青年之声) of [date_from, date_to] per county, the one
        definition used by the half-year reports and the bulletins (the opinions
        and suggestions by youth voice kind):
        {county_id: {'suggestion': n, 'opinion': n, 'idea': n, 'total': n,
        'answered': n}} (as superuser: the callers summarize counties their
        readers may not read; counties without any are absent)."""
        domain = [('is_voice', '=', True), ('date', '>=', date_from), ('date', '<=', date_to)]
        if county_ids is not None:
            domain.append(('county_id', 'in', list(county_ids)))
        groups = self.sudo().read_group(domain, ['county_id', 'voice_kind', 'concern_count',
                                                 'answered_count'],
                                        ['county_id', 'voice_kind'], lazy=False)
        result = {}
        for group in groups:
            county_id = group['county_id'] and group['county_id'][0]
            counts = result.setdefault(county_id, dict.fromkeys(
                VOICE_KINDS + ('total', 'answered'), 0))
            # by youth voice kind (one missing, written in SQL, as the default)
            counts[group['voice_kind'] or DEFAULT_VOICE_KIND] += group['concern_count']
            counts['total'] += group['concern_count']
            counts['answered'] += group['answered_count']
        return result
