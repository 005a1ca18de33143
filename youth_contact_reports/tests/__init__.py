# -*- coding: utf-8 -*-
from . import test_i18n
from . import test_evaluation
from . import test_exports
from . import test_export_queries
from . import test_satisfaction
from . import test_halfyear_report
from . import test_report_views
from . import test_report_contact_lines
from . import test_settings
from . import test_integrity_results
from . import test_integrity_ratings
from . import test_evaluation_queries
from . import test_approval_queue
from . import test_evaluation_job
from . import test_evaluation_county
from . import test_dashboard_menu
