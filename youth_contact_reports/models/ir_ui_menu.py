# -*- coding: utf-8 -*-
from odoo import api, models, tools


class IrUiMenu(models.Model):
    _inherit = 'ir.ui.menu'

    @api.model
    @tools.ormcache('frozenset(self.env.user.groups_id.ids)', 'debug')
    def _visible_menu_ids(self, debug=False):
        """One dashboard: League users have the League dashboard (考核与报表 ›
        仪表板), not Odoo's empty Dashboards app of the top bar."""
        visible = super(IrUiMenu, self)._visible_menu_ids(debug)
        board = self.env.ref('base.menu_board_root', raise_if_not_found=False)
        if board and board.id in visible and self.env.user.has_group('youth_contact.group_cadre'):
            visible = set(visible) - {board.id}
        return visible
