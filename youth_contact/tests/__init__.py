# -*- coding: utf-8 -*-
from . import test_i18n
from . import test_organization
from . import test_cadre
from . import test_youth
from . import test_contact
from . import test_concern
from . import test_reminders
from . import test_access
from . import test_import
from . import test_rotation_plan
from . import test_grassroots_day
from . import test_open_day
from . import test_settings
from . import test_integrity_workflow
from . import test_job_queries
