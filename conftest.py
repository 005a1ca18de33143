# -*- coding: utf-8 -*-
"""pytest set-up shared by the addons' tests and the end-to-end tests/.

pytest-odoo 1.0.1 reads the manifest of the addon around every collected path,
and fails on paths outside any addon (it looks for ``/__manifest__.py``).  The
end-to-end ``tests/`` folder is not an addon: tell pytest to collect it
before pytest-odoo's hook runs.

The addons' unit tests run in this process and run the background jobs
(OCA queue_job) at once: ``with_delay()`` returns the record itself when the
environment holds ``TEST_QUEUE_JOB_NO_DELAY`` (queue_job's own switch for
tests).  The tests of the jobs themselves remove it while they enqueue, and
the end-to-end servers (tests/conftest.py) are started without it.
"""
import os
from pathlib import Path

import pytest

os.environ['TEST_QUEUE_JOB_NO_DELAY'] = '1'


def _inside_addon(path):
    path = Path(str(path)).resolve()
    return any((p / '__manifest__.py').is_file() for p in [path] + list(path.parents)[:5])


@pytest.hookimpl(tryfirst=True)
def pytest_ignore_collect(collection_path):
    if _inside_addon(collection_path):
        return None  # pytest-odoo and pytest's own rules decide
    if collection_path.name in ('node_modules', '__pycache__', 'screenshots'):
        return True
    return False


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path, parent):
    # Same pytest-odoo limitation for modules: plain modules outside addons.
    if not _inside_addon(module_path):
        return pytest.Module.from_parent(parent, path=module_path)
    return None
