# -*- coding: utf-8 -*-
{
    'name': 'Youth Contact Reports',
    'summary': 'Evaluation, rankings, bulletins and Excel exports for the youth contact system',
    'description': """
Evaluation (考核评估) of counties and cadres, reporting views, bulletins
(通报), half-year reports and .xlsx exports for the League "direct
contact with youth" system.
""",
    'version': '11.0.1.1.0',
    'category': 'Youth Contact',
    'author': 'Meizhou Youth League',
    'website': 'https://www.mzgqt.gov.cn',
    'license': 'LGPL-3',
    'depends': ['youth_contact', 'board', 'web', 'report_xlsx', 'auditlog'],
    'external_dependencies': {'python': ['xlsxwriter']},
    'data': [
        'security/ir.model.access.csv',
        'security/youth_contact_reports_rules.xml',
        'data/auditlog_rules.xml',
        'report/league_xlsx_reports.xml',
        'data/league_bulletin_data.xml',
        'data/league_translation_data.xml',
        'report/league_document_templates.xml',
        'views/youth_page_templates.xml',
        'views/league_evaluation_views.xml',
        'views/league_bulletin_views.xml',
        'views/league_exemplar_views.xml',
        'views/league_organization_views.xml',
        'views/league_satisfaction_views.xml',
        'views/league_cadre_views.xml',
        'views/league_halfyear_report_views.xml',
        'views/league_report_views.xml',
        'views/league_approval_queue_views.xml',
        'views/league_report_missing_views.xml',
        'views/league_dashboard_views.xml',
        'views/league_graph_assets.xml',
        'views/res_config_settings_views.xml',
        'views/league_settings_views.xml',
        'views/auditlog_log_views.xml',
        'views/youth_contact_reports_menus.xml',
    ],
    'demo': [
        'demo/youth_contact_reports_demo.xml',
    ],
    'installable': True,
}
