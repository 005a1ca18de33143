# -*- coding: utf-8 -*-
from . import league_workflow_mixin
from . import league_county_mixin
from . import league_organization
from . import league_cadre
from . import res_users
from . import league_youth
from . import league_contact
from . import league_contact_log
from . import league_activity
from . import league_concern
from . import league_pairing
