# -*- coding: utf-8 -*-
from . import test_i18n
from . import test_organization
