# -*- coding: utf-8 -*-
from . import league_contact_add_wizard
