# -*- coding: utf-8 -*-
from odoo import api, models

from .league_indicators import INDICATOR_KEYS


class ReportBulletin(models.AbstractModel):
    """Values of the printed bulletin (通报)."""
    _name = 'report.youth_contact_reports.report_bulletin'
    _inherit = ['league.report.document']
    _description = 'Printed Bulletin'

    @api.model
    def get_report_values(self, docids, data=None):
        values = self._document_values('league.bulletin', docids)
        values['indicators'] = self._indicators
        return values

    @api.model
    def _indicators(self, bulletin):
        """[(label, weight)] of the bulletin's evaluation (read with the
        reader's rights: a published evaluation is readable by every cadre)."""
        evaluation = bulletin.evaluation_id
        if not evaluation:
            return []
        labels = self.env['league.evaluation.county']
        return [(labels._fields['%s_score' % key].get_description(self.env)['string'],
                 evaluation['weight_%s' % key]) for key in INDICATOR_KEYS]
