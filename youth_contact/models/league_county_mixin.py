# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, api, models


class LeagueCountyMixin(models.AbstractModel):
    """Records isolated by county through record rules.

    - Odoo checks the write record rules on the records *before* a write only,
      so a user could move a record they may write out of their reach (e.g. a
      county administrator moving a youth into another county).  The rules
      are checked again *after* the write.
    - Many2one values are displayed as superuser and related fields are read
      as superuser, so linking a record to a youth one may not read would show
      that youth's name or mobile.  The targets of the fields listed in
      ``_league_readable_fields`` must be readable by the user who sets them.
    """
    _name = 'league.county.mixin'
    _inherit = ['league.input.mixin']
    _description = 'County isolation guard'

    # relational fields whose targets the user must be allowed to read
    _league_readable_fields = ()

    @api.model
    def _check_readable_targets(self, vals):
        if self.env.uid == SUPERUSER_ID:
            return
        for name in self._league_readable_fields:
            value = vals.get(name)
            if not value:
                continue
            field = self._fields[name]
            if field.type == 'many2one':
                ids = [value]
            else:
                ids = []
                for command in value:
                    if command[0] == 6:
                        ids.extend(command[2])
                    elif command[0] == 4:
                        ids.append(command[1])
            targets = self.env[field.comodel_name].browse(ids)
            targets.check_access_rights('read')
            targets.check_access_rule('read')

    @api.model
    def create(self, vals):
        vals = self._league_check_input(vals, creating=True)
        self._check_readable_targets(vals)
        return super(LeagueCountyMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        vals = self._league_check_input(vals)
        self._check_readable_targets(vals)
        res = super(LeagueCountyMixin, self).write(vals)
        if self.env.uid != SUPERUSER_ID:
            self.check_access_rule('write')
        return res
