# -*- coding: utf-8 -*-
"""Browser smoke flow: log in, open the Chinese app (tests/browser/flows/smoke.js)."""
import os

from browserlib import SHOTS


def test_smoke_admin_opens_the_chinese_app(flow):
    flow('smoke')
    assert os.path.isfile(os.path.join(SHOTS, 'smoke-app.png'))
