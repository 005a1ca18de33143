# -*- coding: utf-8 -*-
from odoo import _, models

from odoo.addons.youth_contact.models.league_approval_mixin import (
    GROUP_COUNTY_ADMIN, check_group,
)


class ReportAdminsXlsx(models.AbstractModel):
    """Administrator information form (管理员信息表): the administrator and
    mobile number of each county; for administrators only."""
    _name = 'report.youth_contact_reports.admins_xlsx'
    _inherit = 'league.xlsx.report'
    _description = 'Administrator Information Form (Excel)'

    def _file_name(self, organizations):
        return _('Administrator information form.xlsx')

    def _get_objs_for_report(self, docids, data):
        check_group(self.env, GROUP_COUNTY_ADMIN,
                    _('Only administrators can export the administrator information form.'))
        return super(ReportAdminsXlsx, self)._get_objs_for_report(docids, data)

    def _build(self, book, organizations):
        user = self.env.user
        cadre = user.sudo().league_cadre_id
        phone = cadre.mobile or user.partner_id.mobile or user.partner_id.phone or ''
        info = [(_('Filled in by: %s') % user.name, _('Phone: %s') % phone)]
        info += self._info(self._today_period())
        columns = [(_('League Organization'), 'text', 30), (_('Administrator Name'), 'text', 16),
                   (_('Mobile Number'), 'text', 16)]
        table = book.sheet(_('Administrators'),
                           _('Administrator information form of the cadre-youth contact '
                             'management system'), info, columns)
        counties = [row for row in self._read_rows(organizations, [
            'level', 'parent_left', 'name', 'admin_mobile', 'admin_user_id'])
            if row['level'] == 'county']
        admins = self._names(self.env['res.users'].sudo().browse(
            {row['admin_user_id'] for row in counties if row['admin_user_id']}))
        for county in sorted(counties, key=lambda row: (row['parent_left'], row['id'])):
            table.write_row([county['name'], admins[county['admin_user_id']] or '',
                             county['admin_mobile'] or ''])
        table.finish(autofilter=False)
