# -*- coding: utf-8 -*-
"""Fixtures for the end-to-end tests: a real Odoo server on a free port.

The server runs against the throw-away test database that ``make test``
created (``YC_TEST_DB``), in a process of its own, exactly as users reach it.
"""
import os
import random
import shutil
import subprocess
import time
import xmlrpc.client

import pytest
import requests

from browserlib import ROOT, free_port, run_flow


@pytest.fixture(scope='session')
def test_db():
    db = os.environ.get('YC_TEST_DB')
    if not db:
        pytest.fail('YC_TEST_DB is not set: run the suite with make test')
    # Under pytest-xdist (make test: -n 2) each worker after the first has a copy
    # of its own, made before pytest started (tools/run_tests.sh): <db>_gw1, ...
    worker = os.environ.get('PYTEST_XDIST_WORKER', 'gw0')
    return db if worker == 'gw0' else '%s_%s' % (db, worker)


def _start_server(test_db, log, workers=0):
    """Start Odoo on a free port; return (process, base URL) once it answers.

    The server runs the background jobs as in production (job runner of
    queue_job, configured by tools/write_config.sh): the switch that makes the
    unit tests run them at once (../conftest.py) is removed."""
    port = free_port()
    cmd = ['bash', os.path.join(ROOT, 'tools', 'odoo.sh'), '-d', test_db,
           '--db-filter=^%s$' % test_db, '--http-port=%d' % port,
           '--longpolling-port=%d' % free_port(), '--workers=%d' % workers,
           '--max-cron-threads=0', '--log-level=info', '--logfile=%s' % log]
    env = dict(os.environ)
    env.pop('TEST_QUEUE_JOB_NO_DELAY', None)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    url = 'http://127.0.0.1:%d' % port
    deadline = time.monotonic() + 300   # (a loaded machine: 4 servers start together)
    while True:
        if proc.poll() is not None:
            pytest.fail('Odoo exited with %s: %s' % (proc.returncode, log.read_text()[-3000:]))
        # No request before the registry is loaded (the servers' first requests
        # made Odoo 11's web layer import every addon beside the registry, which
        # then lacked models now and then: tools/odoo-bin turns that import off;
        # waiting keeps the first requests out of the registry's way all the same).
        if not _modules_loaded(log):
            if time.monotonic() > deadline:
                pytest.fail('Odoo did not load its modules within 300 s: %s'
                            % log.read_text()[-3000:])
            time.sleep(0.5)
            continue
        try:
            if requests.get(url + '/web/login', timeout=30).status_code == 200:
                return proc, url
        except requests.RequestException:
            pass  # not listening yet, or still compiling the assets
        if time.monotonic() > deadline:
            pytest.fail('Odoo did not answer on %s within 300 s' % url)
        time.sleep(0.5)


def _modules_loaded(log):
    """Whether the server's log says its registry is loaded (a threaded server
    logs it once, a server with workers once in its master process)."""
    return log.exists() and 'odoo.modules.loading: Modules loaded.' in log.read_text()


def _stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def _registry_complete(url, db):
    """Whether the server's registry knows every model of ir.model (the import
    race described in tools/odoo-bin; fields_get of a model the registry lacks
    answers "Object ... doesn't exist").  A server failing it is restarted, and
    its log kept."""
    common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
    uid = common.authenticate(db, 'admin', 'admin', {})
    models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object')
    names = [row['model'] for row in models.execute_kw(
        db, uid, 'admin', 'ir.model', 'search_read', [[]], {'fields': ['model']})]
    for name in names:
        try:
            models.execute_kw(db, uid, 'admin', name, 'fields_get', [],
                              {'attributes': ['type']})
        except xmlrpc.client.Fault as fault:
            print('odoo_server: the registry lacks %s: %s' % (name, fault.faultString[-200:]))
            return False
    return True


@pytest.fixture(scope='session')
def odoo_server(test_db, tmp_path_factory):
    """Start Odoo on a free port; yield its base URL; stop it."""
    folder = tmp_path_factory.mktemp('odoo')
    for attempt in range(3):
        log = folder / ('server-%d.log' % attempt)
        proc, url = _start_server(test_db, log)
        if _registry_complete(url, test_db):
            break
        _stop_server(proc)
        kept = os.path.join(ROOT, '.odoo', 'incomplete-registry-%d.log' % attempt)
        shutil.copy(str(log), kept)
        print('odoo_server: incomplete registry, restarting (log kept in %s)' % kept)
    else:
        pytest.fail('Odoo kept loading an incomplete registry (logs in .odoo/)')
    try:
        yield url
    finally:
        _stop_server(proc)
    lines = log.read_text().splitlines()
    errors = [line for index, line in enumerate(lines)
              if (' ERROR ' in line or ' CRITICAL ' in line)
              and not _expected_violation(lines[index + 1:index + 2])]
    assert not errors, 'the server logged errors:\n' + '\n'.join(errors)


#: SQL constraints a test breaks on purpose: Odoo logs the refused query at
#: ERROR level ("bad query", then the constraint on the next line) before it
#: answers with the constraint's translated message.
EXPECTED_VIOLATIONS = set()


def _expected_violation(next_lines):
    return any('violates unique constraint' in line and any(
        '"%s"' % name in line for name in EXPECTED_VIOLATIONS) for line in next_lines)


@pytest.fixture
def expect_violation():
    """expect_violation('table_constraint'): the test breaks that SQL constraint."""
    return EXPECTED_VIOLATIONS.add


@pytest.fixture(scope='module')
def workers_server(test_db, tmp_path_factory):
    """A server of its own run as in production: two workers, Odoo's default
    time limits, the job runner of queue_job in its master process."""
    log = tmp_path_factory.mktemp('odoo_workers') / 'server.log'
    proc, url = _start_server(test_db, log, workers=2)
    try:
        assert _registry_complete(url, test_db)
        yield url
    finally:
        _stop_server(proc)
    text = log.read_text()
    assert 'starting jobrunner thread (in prefork server)' in text
    errors = [line for line in text.splitlines() if ' ERROR ' in line or ' CRITICAL ' in line]
    assert not errors, 'the server logged errors:\n' + '\n'.join(errors)


class Rpc(object):
    """A logged-in XML-RPC session as one user."""

    def __init__(self, url, db, login, password):
        self.db, self.password = db, password
        common = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common')
        self.uid = common.authenticate(db, login, password, {})
        if not self.uid:
            raise AssertionError('login %s refused' % login)
        self.models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object', allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        return self.models.execute_kw(self.db, self.uid, self.password, model, method,
                                      list(args), kwargs)


@pytest.fixture(scope='session')
def rpc(odoo_server, test_db):
    """Factory: rpc(login, password) -> callable(model, method, *args, **kw)."""
    return lambda login, password: Rpc(odoo_server, test_db, login, password)


@pytest.fixture(scope='module')
def workers_rpc(workers_server, test_db):
    """Factory as ``rpc``, on the ``workers_server``."""
    return lambda login, password: Rpc(workers_server, test_db, login, password)


@pytest.fixture
def flow(odoo_server):
    """flow('name', login, password) runs tests/browser/flows/name.js as that user."""
    return lambda name, login='admin', password='admin': run_flow(odoo_server, name,
                                                                   login, password)


#: The League roles of the users a test makes: group, and the Chinese end of
#: their names (the menu crawl, on the same database, fails on Latin words).
ROLES = {
    'admin': ('youth_contact.group_county_admin', '县管理员'),
    'city': ('youth_contact.group_city_admin', '市管理员'),
    'cadre': ('youth_contact.group_cadre', '干部'),
}


@pytest.fixture
def new_county(rpc):
    """Factory: a county of its own, made through XML-RPC as admin, with a random
    suffix in every name.  new_county(prefix, login_prefix, sectors=('rural',),
    town=False, roles=(), established=0) returns a dict: suffix, name (the
    county's), county, town (None without), units (one League branch per sector,
    under the town when there is one), logins ({role: (login, user id)} for the
    roles of ROLES asked, password = login; the county administrator of this
    county) and established (ids of as many established full-time cadres of the
    county committee, the first two leaders)."""
    admin = rpc('admin', 'admin')

    def make(prefix, login_prefix, sectors=('rural',), town=False, roles=(), established=0):
        suffix = '%06d' % random.randrange(10 ** 6)
        name = '%s县团委%s' % (prefix, suffix)
        county = admin('league.organization', 'create', {'name': name, 'level': 'county'})
        town_id = town and admin('league.organization', 'create', {
            'name': '%s镇团委%s' % (prefix, suffix), 'level': 'town', 'parent_id': county})
        units = [admin('league.organization', 'create', {
            'name': '%s单位%d团支部%s' % (prefix, index, suffix), 'level': 'unit',
            'sector': sector, 'parent_id': town_id or county})
            for index, sector in enumerate(sectors)]
        logins = {}
        for role in roles:
            xmlid, role_name = ROLES[role]
            login = '%s_%s_%s' % (login_prefix, role, suffix)
            extra = {'league_admin_county_id': county} if role == 'admin' else {}
            group = admin('ir.model.data', 'xmlid_to_res_id', xmlid)
            logins[role] = (login, admin('res.users', 'create', dict(
                extra, name=prefix + role_name, login=login, password=login, lang='zh_CN',
                tz='Asia/Shanghai', groups_id=[(6, 0, [group])])))
        cadres = [admin('league.cadre', 'create', {
            'name': '在编干部%d号%s' % (index, suffix), 'organization_id': county,
            'category': 'full_time', 'established': True, 'is_leader': index < 2,
            'wechat': 'wx_%s_%s_%d' % (login_prefix, suffix, index)})
            for index in range(established)]
        return {'suffix': suffix, 'name': name, 'county': county, 'town': town_id or None,
                'units': units, 'logins': logins, 'established': cadres}
    return make


@pytest.fixture
def new_cadre(rpc, new_county):
    """Factory: a county of its own (new_county) with a village League branch,
    and a cadre of one of them with a user (password = login) working in Chinese.
    new_cadre(prefix, login_prefix, name, in_county=False, category=...) returns a
    dict: suffix (the random part of the names), county, unit, login, user, cadre."""
    admin = rpc('admin', 'admin')

    def make(prefix, login_prefix, name, in_county=False, category='other_part_time'):
        made = new_county(prefix, login_prefix)
        suffix, county, unit = made['suffix'], made['county'], made['units'][0]
        login = '%s_%s' % (login_prefix, suffix)
        user = admin('res.users', 'create', {'name': name, 'login': login, 'password': login,
                                             'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})
        cadre = admin('league.cadre', 'create', {
            'name': name, 'user_id': user, 'organization_id': county if in_county else unit,
            'category': category, 'wechat': 'wx_%s' % login})
        return {'suffix': suffix, 'county': county, 'unit': unit, 'login': login,
                'user': user, 'cadre': cadre}
    return make
