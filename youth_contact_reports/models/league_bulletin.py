# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.youth_contact.models.league_common import league_today
from odoo.addons.youth_contact.models.league_guard import server_side

TOP_COUNT = 10   # cadres named at the top and at the bottom of a bulletin
SEQUENCE_CODE = 'league.bulletin'   # the document numbers, per year


class LeagueBulletin(models.Model):
    """A bulletin (通报), created when an evaluation is published: the city
    committee's is readable by every county, a county self-evaluation's by
    that county and the city only.  Its lines are snapshots (names and
    scores), so that no county reads another county's records through it."""
    _name = 'league.bulletin'
    _inherit = ['mail.thread', 'league.server.record.mixin']
    _description = 'Bulletin'
    _order = 'date desc, id desc'

    name = fields.Char('Title', compute='_compute_name')
    evaluation_id = fields.Many2one('league.evaluation', 'Evaluation', readonly=True,
                                    ondelete='restrict')
    date = fields.Date('Published On', required=True, default=league_today, readonly=True)
    date_from = fields.Date('Period Start', readonly=True)
    date_to = fields.Date('Period End', readonly=True)
    period_label = fields.Char('Period', compute='_compute_name')
    line_ids = fields.One2many('league.bulletin.line', 'bulletin_id', 'Lines', readonly=True)
    county_line_ids = fields.One2many('league.bulletin.line', 'bulletin_id', 'County Ranking',
                                      domain=[('kind', '=', 'county')], readonly=True)
    special_line_ids = fields.One2many('league.bulletin.line', 'bulletin_id',
                                       'Special Unit Ranking',
                                       domain=[('kind', '=', 'special')], readonly=True)
    top_line_ids = fields.One2many('league.bulletin.line', 'bulletin_id', 'Top Cadres',
                                   domain=[('kind', '=', 'top')], readonly=True)
    bottom_line_ids = fields.One2many('league.bulletin.line', 'bulletin_id', 'Bottom Cadres',
                                      domain=[('kind', '=', 'bottom')], readonly=True)
    note = fields.Text('Notes', readonly=True)
    # the county of a county self-evaluation's bulletin: read by that county and
    # the city only (empty: the city's bulletin, read by every county)
    county_id = fields.Many2one('league.organization', 'County', readonly=True, index=True,
                                ondelete='restrict')
    document_number = fields.Char('Document Number', readonly=True, copy=False,
                                  help='The number of the document (文号).')
    issuer_name = fields.Char('Issued By', readonly=True,
                              help='The committee issuing the bulletin (its red head).')
    exemplar_ids = fields.Many2many(
        'league.exemplar', 'league_bulletin_exemplar_rel', 'bulletin_id', 'exemplar_id',
        'Exemplars', readonly=True,
        help='Exemplary practices and cadres selected by the city committee.')

    _sql_constraints = [
        ('document_number_uniq', 'unique(document_number)',
         'This document number is already used by another bulletin.'),
    ]

    @api.depends('date_from', 'date_to')
    def _compute_name(self):
        # computed in the reader's language (the bulletin may be created while
        # the translations are not loaded yet, e.g. by the demo data)
        for bulletin in self:
            label = self.env['league.evaluation'].period_label_of(bulletin.date_from,
                                                                  bulletin.date_to)
            bulletin.period_label = label
            bulletin.name = _('Bulletin on the direct contact of cadres with youth: %s') % label

    @api.model
    def _server_record_refusal(self):
        return _('A bulletin is published with its evaluation and cannot be created, changed '
                 'or deleted by hand.')

    @api.model
    def _create_from_evaluation(self, evaluation):
        """Create the bulletin of a published evaluation (as superuser: it
        summarizes every county) and notify the county administrators.
        Private: called by the evaluation's ``action_publish`` only."""
        lines = evaluation.sudo().line_ids.sorted(lambda rec: (rec.rank, rec.id))
        county_lines = evaluation.sudo().county_line_ids.sorted(
            lambda rec: (rec.is_special, rec.rank, rec.id))
        voice = self.env['league.report.concern']._voice_counts(
            evaluation.date_from, evaluation.date_to, county_lines.mapped('county_id').ids)
        top_count = min(TOP_COUNT, (len(lines) + 1) // 2)
        bottom_count = min(TOP_COUNT, len(lines) - top_count)
        values = [(0, 0, dict(self._county_values(county, voice),
                              kind='special' if county.is_special else 'county'))
                  for county in county_lines]
        values += [(0, 0, dict(self._cadre_values(line), kind='top'))
                   for line in lines[:top_count]]
        values += [(0, 0, dict(self._cadre_values(line), kind='bottom'))
                   for line in lines[len(lines) - bottom_count:]] if bottom_count else []
        today = league_today(self)
        Document = self.env['league.report.document']
        if evaluation.scope == 'county':
            # a county's self-evaluation: issued by the county, numbered by it
            # (by hand) or not at all, never with a number of the city's sequence
            number = evaluation.document_number
            issuer = Document._issuer_of(evaluation.county_id)
        else:
            number = evaluation.document_number or self._next_document_number(today)
            issuer = Document._city_issuer()
        bulletin = server_side(self.sudo()).create({
            'evaluation_id': evaluation.id,
            'date': today,
            'document_number': number,
            'issuer_name': issuer,
            'exemplar_ids': [(6, 0, evaluation.sudo().exemplar_ids.ids)],
            'date_from': evaluation.date_from,
            'date_to': evaluation.date_to,
            'note': evaluation.note,
            'line_ids': values,
            'county_id': evaluation.county_id.id,
        })
        if evaluation.scope == 'city':
            partners = self.env['league.approval.mixin']._city_admin_users().mapped('partner_id')
        else:   # a county's self-evaluation: told to that county only
            partners = self.env.user.partner_id
        counties = evaluation.sudo().county_line_ids.mapped('county_id')
        partners |= counties.mapped('admin_user_id.partner_id')
        bulletin.message_subscribe(partner_ids=partners.ids)
        bulletin.message_post(body=_('The bulletin "%s" has been published.') % bulletin.name,
                              subtype='mail.mt_comment', message_type='comment')
        return bulletin.sudo(self.env.uid)

    @api.model
    def _next_document_number(self, date):
        """The next document number of the year of ``date`` (sequence
        ``league.bulletin``, its prefix set by the city), skipping a number the
        city already gave by hand."""
        sequence = self.env['ir.sequence'].sudo().with_context(ir_sequence_date=date)
        Bulletin = self.sudo()
        while True:
            number = sequence.next_by_code(SEQUENCE_CODE)
            if not number or not Bulletin.search_count([('document_number', '=', number)]):
                return number

    @api.model
    def _county_values(self, county_line, voice):
        counts = voice.get(county_line.county_id.id, {})
        return {
            'voice_suggestion_count': counts.get('suggestion', 0),
            'voice_opinion_count': counts.get('opinion', 0),
            'voice_idea_count': counts.get('idea', 0),
            'voice_count': counts.get('total', 0),
            'voice_answered_count': counts.get('answered', 0),
            'rank': county_line.rank,
            'county_name': county_line.county_id.name,
            'cadre_count': county_line.cadre_count,
            'youth_count': county_line.youth_count,
            'score': county_line.score,
            'leaders_lead': county_line.leaders_lead,
        }

    @api.model
    def _cadre_values(self, line):
        return {
            'rank': line.rank,
            'county_name': line.county_id.name,
            'cadre_name': line.cadre_id.name,
            'organization_name': line.organization_id.name,
            'is_leader': line.is_leader,
            'youth_count': line.youth_count,
            'score': line.score,
        }

    @api.multi
    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref('youth_contact_reports.report_bulletin_xlsx').report_action(self)
