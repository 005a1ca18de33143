# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# kind of record -> model; every record of these models in state "submitted"
# waits for the decision of the city committee (league.approval.mixin)
QUEUE_KINDS = [
    ('plan', '"8+4" Rotation Plan'),
    ('open_day', 'Open Day'),
    ('halfyear', 'Half-year Report'),
    ('exemplar', 'Exemplar'),
]
QUEUE_MODELS = {
    'plan': 'league.rotation.plan',
    'open_day': 'league.open.day',
    'halfyear': 'league.halfyear.report',
    'exemplar': 'league.exemplar',
}
DECIDERS = [
    ('city', 'City Committee'),
    ('county', 'County Committee'),
]


class LeagueApprovalQueue(models.Model):
    """Everything waiting for a decision, whatever its year (read-only SQL
    view): the submitted "8+4" plans and open days to approve or reject and
    the submitted half-year reports to acknowledge or return.

    ``decider`` is the level that decides: the city committee for all of them
    today; a county administrator sees the rows of his county that his level
    decides (record rules), none as long as no workflow is decided by a county.
    """
    _name = 'league.approval.queue'
    _description = 'Waiting for Approval'
    _inherit = ['league.report.view']
    _auto = False
    _order = 'date_submitted, id'
    _rec_name = 'name'

    kind = fields.Selection(QUEUE_KINDS, 'Record Kind', readonly=True)
    res_id = fields.Integer('Record ID', readonly=True)
    name = fields.Char('Record', compute='_compute_name')
    county_id = fields.Many2one('league.organization', 'County', readonly=True)
    year = fields.Integer(readonly=True, group_operator='max')
    date = fields.Date('Date', readonly=True,
                       help='Date of the open day, end of the half-year of a report.')
    date_submitted = fields.Date('Submitted On', readonly=True)
    decider = fields.Selection(DECIDERS, 'Decided By', readonly=True)

    @api.model
    def _query(self):
        # rows submitted before the submission date was recorded show the
        # date of their last change
        return """
            SELECT p.id * 10 + 1 AS id, 'plan'::varchar AS kind, p.id AS res_id,
                   p.county_id, p.year, NULL::date AS date,
                   COALESCE(p.date_submitted, p.write_date::date) AS date_submitted,
                   'city'::varchar AS decider
              FROM league_rotation_plan p
             WHERE p.state = 'submitted'
            UNION ALL
            SELECT d.id * 10 + 2, 'open_day', d.id, d.county_id, d.year, d.date,
                   COALESCE(d.date_submitted, d.write_date::date), 'city'
              FROM league_open_day d
             WHERE d.state = 'submitted'
            UNION ALL
            SELECT r.id * 10 + 3, 'halfyear', r.id, r.county_id, r.year::int, r.date_to,
                   COALESCE(r.date_submitted, r.write_date::date), 'city'
              FROM league_halfyear_report r
             WHERE r.state = 'submitted'
            UNION ALL
            SELECT e.id * 10 + 4, 'exemplar', e.id, e.county_id,
                   extract(year FROM e.date)::int, e.date,
                   COALESCE(e.date_submitted, e.write_date::date), 'city'
              FROM league_exemplar e
             WHERE e.state = 'submitted'"""

    @api.multi
    def _documents(self):
        """{(kind, res_id): record} of the rows, read with the user's rights."""
        result = {}
        for kind, model in QUEUE_MODELS.items():
            rows = self.filtered(lambda r: r.kind == kind)
            records = self.env[model].browse(rows.mapped('res_id'))
            for record in records.exists():
                result[(kind, record.id)] = record
        return result

    @api.multi
    def _compute_name(self):
        documents = self._documents()
        for row in self:
            document = documents.get((row.kind, row.res_id))
            # the half-year report names itself in its name (its display name
            # is the county's, the rec_name of league.approval.mixin)
            row.name = (document['name'] if 'name' in document._fields
                        else document.display_name) if document else False

    @api.multi
    def action_open_document(self):
        """Open the record waiting for the decision (its own form, buttons included)."""
        self.ensure_one()
        document = self._documents().get((self.kind, self.res_id))
        if not document:
            raise UserError(_('This record is no longer waiting for a decision.'))
        document.check_access_rule('read')
        return {
            'type': 'ir.actions.act_window',
            'res_model': document._name,
            'res_id': document.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'current',
        }
