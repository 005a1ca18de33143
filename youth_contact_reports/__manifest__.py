# -*- coding: utf-8 -*-
{
    'name': 'Youth Contact Reports',
    'summary': 'Evaluation, rankings, bulletins and Excel exports for the youth contact system',
    'description': """
Evaluation (考核评估) of counties and cadres, reporting views, bulletins
(通报), half-year reports and .xlsx exports for the League "direct
contact with youth" system.
""",
    'version': '11.0.1.0.0',
    'category': 'Youth Contact',
    'author': 'Meizhou Youth League',
    'website': 'https://www.mzgqt.gov.cn',
    'license': 'LGPL-3',
    'depends': ['youth_contact'],
    'data': [
        'security/ir.model.access.csv',
        'views/youth_contact_reports_menus.xml',
    ],
    'demo': [
    ],
    'installable': True,
}
