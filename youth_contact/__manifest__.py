# -*- coding: utf-8 -*-
{
    'name': 'Youth Contact',
    'summary': 'League cadres in direct contact with youth: 1+100, 8+4, 4+1 and open days',
    'description': """
Communist Youth League "direct contact with youth" work system
(Meizhou notice 梅市团字〔2016〕12号): organizations, cadres, youth,
contacts, contact logs, activities, concerns, pairing aid, "8+4"
rotation plans, "4+1" grassroots days and quarterly open days.
""",
    'version': '11.0.1.0.0',
    'category': 'Youth Contact',
    'author': 'Meizhou Youth League',
    'website': 'https://www.mzgqt.gov.cn',
    'license': 'LGPL-3',
    'depends': ['base', 'mail', 'web'],
    'data': [
        'security/youth_contact_security.xml',
        'security/ir.model.access.csv',
        'security/youth_contact_rules.xml',
        'data/league_contact_data.xml',
        'wizard/league_contact_add_wizard_views.xml',
        'views/res_config_settings_views.xml',
        'data/league_rotation_task_data.xml',
        'data/league_scheme_data.xml',
        'wizard/league_reject_wizard_views.xml',
        'wizard/league_open_day_convert_wizard_views.xml',
        'views/league_rotation_task_views.xml',
        'views/league_rotation_plan_views.xml',
        'views/league_rotation_batch_views.xml',
        'views/league_rotation_group_views.xml',
        'views/league_grassroots_day_views.xml',
        'views/league_grassroots_compliance_views.xml',
        'views/league_open_day_views.xml',
        'views/league_open_day_quarter_views.xml',
        'views/youth_contact_menus.xml',
    ],
    'demo': [
    ],
    'application': True,
    'installable': True,
}
