# -*- coding: utf-8 -*-
from odoo import api, models


class LeagueCountyMixin(models.AbstractModel):
    """Records isolated by county through record rules.

    Odoo checks the write record rules on the records *before* a write only,
    so a user could move a record they may write out of their reach (e.g. a
    county administrator moving a youth into another county).  This mixin
    checks the rules again *after* the write, so that the result must still be
    writable by the user.
    """
    _name = 'league.county.mixin'
    _description = 'County isolation guard'

    @api.multi
    def write(self, vals):
        res = super(LeagueCountyMixin, self).write(vals)
        if self.env.uid != 1 and not self.env.context.get('league_skip_rule_recheck'):
            self.check_access_rule('write')
        return res
