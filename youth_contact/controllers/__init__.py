# -*- coding: utf-8 -*-
from . import main
from . import youth_page
