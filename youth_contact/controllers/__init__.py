# -*- coding: utf-8 -*-
from . import youth_page
