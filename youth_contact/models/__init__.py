# -*- coding: utf-8 -*-
from . import league_workflow_mixin
