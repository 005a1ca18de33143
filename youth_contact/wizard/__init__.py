# -*- coding: utf-8 -*-
from . import league_import_line
from . import league_import_wizard
from . import league_reject_wizard
from . import league_open_day_convert_wizard
from . import league_contact_add_wizard
from . import league_concern_answer_wizard
from . import league_concern_escalate_wizard
from . import league_initial_password_wizard
from . import league_contact_link_wizard
