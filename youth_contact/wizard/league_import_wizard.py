# -*- coding: utf-8 -*-
"""Excel import of youth, cadres and contacts (issue 6).

Flow: upload -> preview (every row: new / update / error with the reason)
-> confirm (all good rows in one savepoint, or nothing) -> done.  The file is
read again and every row checked again at confirmation, so what is imported
is what the checks accept at that moment; when the result differs from the
preview, the preview is refreshed and the user confirms again.

Lookups are set-based: organizations, existing mobiles, users and contacts
are fetched once per file, never per row.
"""
import base64
import datetime
import json
import logging
import time
from collections import OrderedDict, defaultdict

import psycopg2
from psycopg2 import errorcodes
from psycopg2.extras import execute_values

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..models.league_common import league_today
from ..models.league_guard import server_side
from . import league_import_format as fmt

_logger = logging.getLogger(__name__)

IMPORT_TYPES = [
    ('youth', 'Youth Records'),
    ('cadre', 'Cadre Records'),
    ('contact', 'Cadre-Youth Contact Pairs'),
]
IMPORT_STATES = [
    ('upload', 'Upload'),
    ('preview', 'Preview'),
    ('importing', 'Importing'),
    ('done', 'Done'),
]
IMPORT_MODELS = {'youth': 'league.youth', 'cadre': 'league.cadre', 'contact': 'league.contact'}
#: Context of the creates and writes: no chatter message nor follower per row.
IMPORT_CONTEXT = {
    'tracking_disable': True, 'mail_create_nolog': True, 'mail_create_nosubscribe': True,
    'mail_notrack': True, 'no_reset_password': True,
}
#: Models written in batches of BULK_SIZE rows (see ``_bulk_create``).
BULK_MODELS = ('league.youth', 'league.contact')
BULK_SIZE = 1000
#: Rows checked by each job of a confirmation (see ``_import_step``): 10,000
#: rows take a few seconds, far from the time limits of a worker's request.
CHUNK_ROWS = 10000
IMPORT_PHASES = [
    ('read', 'Reading the file'),
    ('check', 'Checking the rows'),
    ('apply', 'Writing the records'),
]
#: Groups whose users are never linked to an imported cadre (privileged users).
PRIVILEGED_GROUPS = ('youth_contact.group_county_admin', 'base.group_erp_manager',
                     'base.group_system')
#: Database errors of a confirmation meaning that another transaction wrote
#: the same records since this one's snapshot (two imports of overlapping
#: files at the same moment): the preview is out of date, not the rows.
CONCURRENCY_ERRORS = (errorcodes.UNIQUE_VIOLATION, errorcodes.SERIALIZATION_FAILURE,
                      errorcodes.DEADLOCK_DETECTED, errorcodes.LOCK_NOT_AVAILABLE)


class RowFailure(Exception):
    """A good row that the database refused at confirmation."""

    def __init__(self, row, message):
        super(RowFailure, self).__init__(row, message)
        self.row = row
        self.message = message


class _ProbeDone(Exception):
    """Leaves the savepoint of ``_bulk_probe`` by a rollback."""


class ConcurrentChange(Exception):
    """The database refused the rows because another transaction wrote the
    same records since the preview (unique key taken, row updated)."""


def _json_value(value):
    """JSON of the values to write that JSON has no type for (dates)."""
    if isinstance(value, datetime.datetime):
        return fields.Datetime.to_string(value)
    if isinstance(value, datetime.date):
        return fields.Date.to_string(value)
    raise TypeError(type(value).__name__)


def _database_failure(rows, err):
    """The exception to raise for the psycopg2 error ``err`` of ``rows`` (a row
    number or range), after one short log line: the row range, the error code
    and the constraint, never the statement nor the values (names, mobiles)."""
    constraint = getattr(getattr(err, 'diag', None), 'constraint_name', None) or ''
    _logger.warning('Excel import: rows %s refused by the database (%s %s)',
                    rows, err.pgcode, constraint)
    if err.pgcode in CONCURRENCY_ERRORS:
        return ConcurrentChange(rows, err.pgcode, constraint)
    return RowFailure(rows, constraint or err.pgcode or type(err).__name__)


class LeagueImportWizard(models.TransientModel):
    _name = 'league.import.wizard'
    _inherit = ['league.workflow.mixin', 'league.job.mixin']
    _description = 'Excel Import of Youth, Cadres and Contacts'
    _server_fields = ('job_id', 'job_error', 'import_phase', 'import_step', 'import_steps',
                      'import_checked')

    import_type = fields.Selection(IMPORT_TYPES, 'Import', required=True, default='youth')
    state = fields.Selection(IMPORT_STATES, required=True, default='upload', readonly=True)
    file = fields.Binary('Excel File', attachment=False)
    filename = fields.Char('File Name')
    scope = fields.Char('Import Into', compute='_compute_scope')
    line_ids = fields.One2many('league.import.line', 'wizard_id', 'Data Rows', readonly=True)
    error_line_ids = fields.One2many('league.import.line', 'wizard_id', 'Rejected Rows',
                                     domain=[('status', '=', 'error')], readonly=True)
    count_total = fields.Integer('Total Rows', readonly=True)
    count_new = fields.Integer('New', readonly=True)
    count_update = fields.Integer('Updates', readonly=True)
    count_error = fields.Integer('Errors', readonly=True)
    created_count = fields.Integer('Created', readonly=True)
    updated_count = fields.Integer('Updated', readonly=True)
    note = fields.Text('Message', readonly=True)
    # progress of the confirmation's jobs (see ``_import_step``)
    import_phase = fields.Selection(IMPORT_PHASES, 'Import Step', readonly=True, copy=False)
    import_step = fields.Integer('Job', readonly=True, copy=False)
    import_steps = fields.Integer('Jobs', readonly=True, copy=False)
    import_checked = fields.Integer('Rows Checked', readonly=True, copy=False)
    import_progress = fields.Char('Progress', compute='_compute_import_progress')

    @api.model_cr
    def init(self):
        """The staging table of the confirmation's jobs: the rows of the file
        as read, then the values to write (out of the ORM: no client reads
        or writes it; deleted with the wizard)."""
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS league_import_stage (
                wizard_id integer NOT NULL
                    REFERENCES league_import_wizard (id) ON DELETE CASCADE,
                row integer NOT NULL,
                cells text NOT NULL,
                status varchar,
                vals text,
                res_id integer,
                res_write_date timestamp,
                dup_key varchar,
                create_user boolean,
                PRIMARY KEY (wizard_id, row))""")

    @api.depends('state', 'import_phase', 'import_step', 'import_steps', 'import_checked',
                 'count_total')
    def _compute_import_progress(self):
        for wizard in self:
            if wizard.state != 'importing' or not wizard.import_phase:
                wizard.import_progress = False
                continue
            params = {'done': '{:,}'.format(wizard.import_checked),
                      'total': '{:,}'.format(wizard.count_total),
                      'step': wizard.import_step, 'steps': wizard.import_steps}
            if wizard.import_phase == 'read':
                text = _('Reading the file (job %(step)s of %(steps)s)')
            elif wizard.import_phase == 'check':
                text = _('%(done)s / %(total)s rows checked (job %(step)s of %(steps)s)')
            else:
                text = _('%(done)s / %(total)s rows checked, writing the records (job '
                         '%(step)s of %(steps)s)')
            wizard.import_progress = text % params

    @api.multi
    def name_get(self):
        """What the user imports (the file's name), never the technical
        ``league.import.wizard,197`` that Odoo shows for a record without a name
        (e.g. in the refusal of a button clicked in the wrong state)."""
        kinds = dict(self._fields['import_type']._description_selection(self.env))
        template = _('Excel import of %(kind)s (%(file)s)')
        return [(wizard.id, template % {'kind': kinds.get(wizard.import_type, ''),
                                        'file': wizard.filename or '-'}) for wizard in self]
    template_file = fields.Binary('Template', attachment=False, readonly=True)
    template_filename = fields.Char('Template File Name', readonly=True)
    error_file = fields.Binary('Rejected Rows File', attachment=False, readonly=True)
    error_filename = fields.Char('Rejected Rows File Name', readonly=True)

    # ------------------------------------------------------------------
    # rights and scope
    # ------------------------------------------------------------------
    @api.model
    def _import_scope(self):
        """The county the user may import into (empty for the city administrator).

        Transient models have no access rights in Odoo 11, so the groups are
        checked here, on every entry point.
        """
        user = self.env.user
        if not user.has_group('youth_contact.group_county_admin'):
            raise AccessError(_('Only county and city administrators can import data '
                                'from Excel.'))
        if user.has_group('youth_contact.group_city_admin'):
            return self.env['league.organization']
        county = user.sudo().league_county_id
        if not county:
            raise AccessError(_('Your user is not attached to a county: ask the city '
                                'administrator to set the county you administer.'))
        return county

    @api.depends('import_type')
    def _compute_scope(self):
        user = self.env.user
        for wizard in self:
            if user.has_group('youth_contact.group_city_admin'):
                wizard.scope = _('All counties (city administrator)')
            else:
                wizard.scope = user.sudo().league_county_id.name or _('No county')

    @api.model
    def create(self, vals):
        self._import_scope()
        return super(LeagueImportWizard, self).create(vals)

    @api.multi
    def _reopen(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Import from Excel'),
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
            # a plain dict: the environment's frozendict cannot be marshalled
            # by XML-RPC
            'context': dict(self.env.context),
        }

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    @api.multi
    def action_get_template(self):
        """Generate the template of the chosen import for download."""
        self.ensure_one()
        self._import_scope()
        self.write({
            'template_file': base64.b64encode(
                fmt.build_template(self.import_type, self._vocabularies())),
            'template_filename': '%s导入模板.xlsx' % fmt.TITLES[self.import_type],
        })
        return self._reopen()

    @api.multi
    def action_preview(self):
        """Read the file and check every row (nothing is written but the preview)."""
        self.ensure_one()
        self._import_scope()
        self._check_state(['upload', 'preview'], _('Preview'))
        results = self._analyse(self._read_file())
        self._store_lines(results)
        self.note = False
        if self.state != 'preview':
            self._set_state('preview')
        return self._reopen()

    @api.multi
    def action_back(self):
        """Back to the upload step (to choose another file)."""
        self.ensure_one()
        self._check_state(['preview'], _('Back'))
        self._clear_lines()
        self.write({'file': False, 'filename': False, 'note': False})
        self._set_state('upload')
        return self._reopen()

    @api.multi
    def action_confirm(self):
        """Import every good row in one transaction, or nothing at all: in
        background jobs (see ``league.job.mixin`` and ``_import_step``), the
        user can go on working."""
        self.ensure_one()
        self._import_scope()
        self._check_state(['preview'], _('Import'))
        steps = 2 + -(-self.count_total // CHUNK_ROWS)
        server_side(self).write({'import_phase': 'read', 'import_step': 1,
                                 'import_steps': steps, 'import_checked': 0})
        if not self._league_enqueue('_import_step', self._step_description()):
            self._set_state('importing', note=False)
        return self._reopen()

    @api.multi
    def action_refresh(self):
        """Show the wizard again (the state of its job)."""
        self.ensure_one()
        return self._reopen()

    @api.multi
    def _step_description(self):
        return _('Excel import: %(name)s (job %(step)s of %(steps)s)') % {
            'name': self.display_name, 'step': self.import_step, 'steps': self.import_steps}

    # ------------------------------------------------------------------
    # confirmation: a chain of jobs
    # ------------------------------------------------------------------
    @api.multi
    def _import_step(self):
        """One job of the confirmation (each one well within Odoo's time
        limits of a worker's request, whatever the size of the file):

        1. *read*: read the file and keep its rows (cells as read) in the
           staging table ``league_import_stage``;
        2. *check*, CHUNK_ROWS rows per job: check the rows again as the
           preview did (duplicates in the file against the rows of the
           previous jobs), keep the values to write in the staging table;
        3. *apply*: write every good row in one transaction (``_apply``), or
           nothing.

        Each job commits its progress (shown on the wizard) and enqueues the
        next one.  A row whose result differs from the preview sends the
        wizard back to the preview, checked again; a refusal (a job failing)
        leaves nothing written.  The records matched for an update must be
        unchanged between their check and the last job (``_staged_changes``).
        Returns the text of the notification (last job), None otherwise.
        """
        self.ensure_one()
        uuid = self.env.context.get('job_uuid')
        if uuid and self.sudo().job_id.uuid != uuid:
            return None   # the job of an earlier confirmation, replaced
        self._import_scope()
        self._check_state(['preview', 'importing'], _('Import'))
        phase, step = self.import_phase, self.import_step
        if not phase:
            return None   # the chain ended (done, failed or sent back to the preview)
        started, cpu = time.time(), time.process_time()
        done = getattr(self, '_import_%s' % phase)()
        _logger.info('Excel import %s: step %s of %s (%s) in %.1f s CPU, %.1f s', self.id,
                     step, self.import_steps, phase, time.process_time() - cpu,
                     time.time() - started)
        if done is None:   # next step
            self._league_enqueue('_import_step', self._step_description())
        return done

    @api.multi
    def _next_step(self, phase, checked):
        server_side(self).write({'import_phase': phase, 'import_checked': checked,
                                 'import_step': self.import_step + 1})

    @api.multi
    def _clear_stage(self):
        self.env.cr.execute('DELETE FROM league_import_stage WHERE wizard_id IN %s',
                            [tuple(self.ids)])
        server_side(self).write({'import_phase': False})

    @api.multi
    def _import_read(self):
        """Step 1: read the file, keep its rows for the next jobs."""
        read = self._read_file()
        rows = read[1]
        if [number for number, _record in rows] != [row for row, _s in
                                                     self._stored_statuses()]:
            return self._import_changed(self._analyse(read))
        self._clear_stage()
        execute_values(self.env.cr, 'INSERT INTO league_import_stage (wizard_id, row, cells) '
                       'VALUES %s', [(self.id, number, fmt.dump_record(record))
                                     for number, record in rows], page_size=2000)
        self._next_step('check', 0)

    @api.multi
    def _staged_read(self):
        """The rows of the file kept by ``_import_read`` (as ``_read_file``)."""
        self.env.cr.execute('SELECT row, cells FROM league_import_stage WHERE wizard_id = %s '
                            'ORDER BY row', [self.id])
        return None, [(number, fmt.load_record(cells))
                      for number, cells in self.env.cr.fetchall()]

    @api.multi
    def _import_check(self):
        """Steps 2 to n-1: check the next CHUNK_ROWS rows again."""
        cr = self.env.cr
        cr.execute('SELECT row, cells FROM league_import_stage WHERE wizard_id = %s '
                   'ORDER BY row OFFSET %s LIMIT %s', [self.id, self.import_checked, CHUNK_ROWS])
        rows = [(number, fmt.load_record(cells)) for number, cells in cr.fetchall()]
        if not rows:
            raise UserError(_('The rows of the file were lost during the import: preview the '
                              'file again, then confirm.'))
        first, last = rows[0][0], rows[-1][0]
        # the keys (mobiles, cadre-youth pairs) of the rows checked before:
        # a duplicate is told on the same row, with the same first row
        cr.execute('SELECT dup_key, min(row) FROM league_import_stage WHERE wizard_id = %s '
                   'AND row < %s AND dup_key IS NOT NULL GROUP BY dup_key', [self.id, first])
        seen = dict(cr.fetchall())
        results = self._analyse((None, rows), seen)
        cr.execute('SELECT row, status FROM league_import_line WHERE wizard_id = %s '
                   'AND row BETWEEN %s AND %s ORDER BY row', [self.id, first, last])
        if [(r['row'], r['status']) for r in results] != cr.fetchall():
            return self._import_changed(self._analyse(self._staged_read()))
        keys = {row: key for key, row in seen.items() if row >= first}
        execute_values(cr, """
            UPDATE league_import_stage s
               SET status = v.status, vals = v.vals, res_id = v.res_id,
                   res_write_date = v.res_write_date, dup_key = v.dup_key,
                   create_user = v.create_user
              FROM (VALUES %s) AS v (row, status, vals, res_id, res_write_date, dup_key,
                                     create_user)
             WHERE s.wizard_id = {} AND s.row = v.row""".format(int(self.id)), [
            (res['row'], res['status'],
             None if res['status'] == 'error' else json.dumps(res['vals'], default=_json_value),
             res.get('res_id'), res.get('res_write_date'), keys.get(res['row']),
             bool(res.get('create_user'))) for res in results],
            template='(%s, %s, %s, %s::int, %s::timestamp, %s, %s::boolean)', page_size=2000)
        checked = self.import_checked + len(rows)
        self._next_step('check' if checked < self.count_total else 'apply', checked)

    @api.multi
    def _import_changed(self, results):
        """The rows checked again differ from the preview: show them."""
        self._store_lines(results)
        self._clear_stage()
        self.note = _('The data changed since the preview: every row has been checked '
                      'again. Review the preview below and confirm again.')
        if self.state != 'preview':
            self._set_state('preview')
        return '%s\n%s' % (self._job_title(), self.note)

    @api.multi
    def _concurrent_change(self):
        self.env.clear()
        return UserError(_('The data changed since the preview: another user saved some of '
                           'these records at the same moment. Nothing was imported: preview '
                           'the file again, then confirm.'))

    @api.multi
    def _staged_changes(self, good):
        """Whether a record matched by the check of the rows was written (or
        deleted) since, or a new cadre's mobile taken: the checks of the rows
        no longer hold.  (New youth and contacts: their unique keys are the
        database's.)"""
        cr = self.env.cr
        table = self.env[IMPORT_MODELS[self.import_type]]._table
        cr.execute("""SELECT 1 FROM league_import_stage s
                        LEFT JOIN "{}" t ON t.id = s.res_id
                       WHERE s.wizard_id = %s AND s.status = 'update'
                         AND (t.id IS NULL OR t.write_date IS DISTINCT FROM s.res_write_date)
                       LIMIT 1""".format(table), [self.id])
        if cr.fetchone():
            return True
        if self.import_type == 'cadre':
            mobiles = [res['vals']['mobile'] for res in good if res['status'] == 'new']
            cr.execute('SELECT 1 FROM league_cadre WHERE mobile = ANY(%s) LIMIT 1', [mobiles])
            return bool(cr.fetchone())
        return False

    @api.multi
    def _import_apply(self):
        """Last step: write the good rows kept by the checks, all or nothing;
        returns the text of the notification."""
        cr = self.env.cr
        cr.execute("SELECT row, status, vals, res_id, create_user FROM league_import_stage "
                   "WHERE wizard_id = %s AND status != 'error' ORDER BY row", [self.id])
        good = [{'row': row, 'status': status, 'vals': json.loads(vals), 'res_id': res_id,
                 'create_user': create_user}
                for row, status, vals, res_id, create_user in cr.fetchall()]
        if not good:
            raise UserError(_('There is no row to import: correct the rejected rows and '
                              'upload the file again.'))
        if len(good) != self.count_new + self.count_update or self._staged_changes(good):
            raise self._concurrent_change()
        try:
            # Odoo logs a failing statement whole ("bad query": thousands of
            # names and mobiles): _database_failure logs a short line instead
            with tools.mute_logger('odoo.sql_db'), self.env.cr.savepoint():
                self._apply(good)
        except ConcurrentChange:
            raise self._concurrent_change()
        except RowFailure as failure:
            self.env.clear()
            _logger.info('Excel import refused at row %s', failure.row)
            if failure.row is None:
                raise UserError(_('Nothing was imported: the import was refused (%s).')
                                % failure.message)
            raise UserError(_('Nothing was imported: row %s was refused (%s). Correct it '
                              'and import the file again.') % (failure.row, failure.message))
        self._clear_stage()
        self.write({
            'created_count': sum(1 for r in good if r['status'] == 'new'),
            'updated_count': sum(1 for r in good if r['status'] == 'update'),
            'note': False,
        })
        self._set_state('done')
        return '%s\n%s' % (self._job_title(), _(
            'Imported: %(created)s created, %(updated)s updated, %(errors)s rows rejected.') % {
                'created': self.created_count, 'updated': self.updated_count,
                'errors': self.count_error})

    @api.multi
    def _job_title(self):
        return _('Excel import "%s"') % (self.filename or '-')

    @api.multi
    def _league_job_message(self, success, detail):
        if success:
            return detail
        return '%s\n%s' % (self._job_title(), _('Nothing was imported. Reason: %s') % detail)

    @api.multi
    def _league_job_rollback_state(self):
        self._clear_stage()
        for wizard in self.filtered(lambda w: w.state == 'importing'):
            wizard._set_state('preview', note=wizard.job_error)

    @api.multi
    def _league_notify_target(self, user):
        return user.partner_id

    # ------------------------------------------------------------------
    # reading
    # ------------------------------------------------------------------
    @api.multi
    def _read_file(self):
        self.ensure_one()
        if not self.file:
            raise UserError(_('Choose the Excel file to import.'))
        try:
            data = base64.b64decode(self.file)
        except (TypeError, ValueError):
            data = b''
        try:
            return fmt.read_rows(data, self.import_type)
        except fmt.ImportFileError as err:
            raise UserError(self._file_error_message(err))
        except Exception as err:  # any other failure to read the file: not a workbook
            _logger.info('Excel import: unreadable file (%s)', type(err).__name__)
            raise UserError(self._file_error_message(fmt.ImportFileError('not_xlsx')))

    @api.multi
    def _file_error_message(self, err):
        params = dict(err.params, file=self.filename or '')
        messages = {
            'empty_file': _('The file "%(file)s" is empty.'),
            'too_big': _('The file "%(file)s" is larger than %(limit)s MB: split it into '
                         'several files.'),
            'xls': _('"%(file)s" is an Excel 97-2003 (.xls) file: open it in Excel or WPS '
                     'and save it as an Excel workbook (.xlsx), then upload it again.'),
            'not_xlsx': _('"%(file)s" is not an Excel workbook (.xlsx): download the template, '
                          'fill it in and upload it.'),
            'empty_sheet': _('The first sheet of "%(file)s" is empty: fill in the template '
                             'from the third row on.'),
            'no_rows': _('The first sheet "%(sheet)s" has headers but no data row.'),
            'merged': _('The sheet "%(sheet)s" contains merged cells (%(ranges)s): unmerge '
                        'them and fill in every cell, then upload the file again.'),
            'duplicate_header': _('The column "%(header)s" appears twice in the header row.'),
            'too_many_rows': _('The file has more than %(limit)s data rows: split it into '
                               'several files.'),
        }
        if err.code == 'wrong_headers':
            message = _('The headers of the sheet "%(sheet)s" do not match the template of '
                        'this import. Expected columns: %(expected)s.') % params
            if params.get('missing'):
                message += ' ' + _('Missing columns: %(missing)s.') % params
            if params.get('unknown'):
                message += ' ' + _('Unknown columns: %(unknown)s.') % params
            return message + ' ' + _('Download the template and copy your data into it.')
        return messages[err.code] % params

    # ------------------------------------------------------------------
    # checking
    # ------------------------------------------------------------------
    @api.model
    def _row_messages(self):
        """Translated row error messages (built once per file, not per row)."""
        return {
            'required': _('Missing required cell "%(column)s".'),
            'mobile': _('"%(value)s" in "%(column)s" is not an 11-digit mainland mobile '
                        'number.'),
            'date': _('"%(value)s" in "%(column)s" is not a date (write it as 2000-01-31).'),
            'choice': _('"%(value)s" is not allowed in "%(column)s": choose one of '
                        '%(allowed)s.'),
            'formula': _('The cell "%(column)s" contains a formula (%(value)s): paste the '
                         'values instead of the formulas.'),
            'stray': _('A cell of column %(column)s has a value but the column has no '
                       'header.'),
            'org_unknown': _('Unknown organization "%(value)s".'),
            'org_ambiguous': _('Several organizations are named "%(value)s": write '
                               '"county/organization", e.g. "%(example)s".'),
            'org_county': _('The organization "%(value)s" is outside your county '
                            '(%(county)s).'),
            'duplicate': _('Duplicate in the file: the mobile %(value)s is already on row '
                           '%(row)s.'),
            'duplicate_pair': _('Duplicate in the file: this cadre and youth are already on '
                                'row %(row)s.'),
            'other_county': _('The mobile %(value)s belongs to a record of another county '
                              '(%(county)s): ask the administrator of that county.'),
            'several': _('Several records have the mobile %(value)s: correct them first.'),
            'social': _('At least one of WeChat, QQ or Weibo is required.'),
            'login_taken': _('The login %(value)s is already used by the user "%(user)s", '
                             'who is linked to another cadre.'),
            'login_admin': _('The login %(value)s belongs to the administrator "%(user)s", '
                             'who cannot be linked by an import.'),
            'cadre_unknown': _('No cadre has the mobile %(value)s: import the cadre first.'),
            'youth_unknown': _('No youth has the mobile %(value)s: import the youth first.'),
        }

    @api.multi
    def _analyse(self, read, seen=None):
        """Check every row; returns a list of result dicts (see ``_clean_row``).

        ``seen``: {key: row} of the mobiles (cadre-youth pairs for contacts)
        of the rows checked before these ones (the jobs of a confirmation
        check a file in parts), completed with those of these rows."""
        self.ensure_one()
        _present, rows = read
        county = self._import_scope()
        msgs = self._row_messages()
        cols = fmt.columns(self.import_type)
        # the model's own input rules (league.input.mixin and its overrides),
        # as for a form: the same row is refused with the same reason
        vocabularies = self._vocabularies()
        ctx = {'msgs': msgs, 'lookups': self._cleaners(cols, vocabularies),
               'vocabularies': vocabularies,
               'model': self.env[IMPORT_MODELS[self.import_type]],
               'today': league_today(self)}
        cleaned = [self._clean_row(cols, number, record, ctx) for number, record in rows]
        checker = getattr(self, '_check_%s' % self.import_type)
        checker(cleaned, county, msgs, {} if seen is None else seen)
        for res in cleaned:
            res['status'] = 'error' if res['errors'] else res.get('status', 'new')
            res['message'] = ' '.join(res['errors'])
        return cleaned

    @api.model
    def _vocabularies(self):
        """{list column key: OrderedDict(selection key: Chinese label)}: the
        selections of the models' fields (``fmt.SELECTION_FIELDS``) with their
        zh_CN labels, whatever the user's language (the templates are Chinese)."""
        env = self.with_context(lang='zh_CN').env
        return {key: OrderedDict(env[model]._fields[field]._description_selection(env))
                for key, (model, field) in fmt.SELECTION_FIELDS.items()}

    @api.model
    def _cleaners(self, cols, vocabularies):
        """{column key: {normalized list value: selection key}} of the list columns."""
        lookups = {}
        for column in cols:
            if column.kind == 'selection':
                lookups[column.key] = fmt.choice_lookup(
                    vocabularies[column.key], fmt.VALUE_ALIASES.get(column.key, {}))
            elif column.kind == 'bool':
                lookups[column.key] = fmt.choice_lookup(fmt.BOOLEANS, fmt.VALUE_ALIASES['bool'])
        return lookups

    @api.model
    def _clean_row(self, cols, number, record, ctx):
        """Cells of one row cleaned: {'row', 'raw', 'vals', 'errors'}.

        Blank optional cells are left out of ``vals`` (an update keeps the
        stored value); list values are turned into selection keys.  The values
        are then cleaned and checked by the target model's input rules
        (``_league_clean_input``, ``_league_input_problems``: lengths, blank
        names, choices, possible dates, control characters), the very methods
        its ``create`` and ``write`` call, without any query.
        """
        msgs, lookups, model = ctx['msgs'], ctx['lookups'], ctx['model']
        raw = [fmt.raw_text(record.get(column.key)) for column in cols]
        vals, errors = {}, []
        if '__stray__' in record:
            errors.append(msgs['stray'] % {'column': _column_letter(record['__stray__'])})
        for column, text in zip(cols, raw):
            value = record.get(column.key)
            params = {'column': column.header, 'value': text}
            if fmt.is_formula(value):
                errors.append(msgs['formula'] % params)
                continue
            if not text:
                if column.required:
                    # a cell of spaces: the model's reason (as for a form)
                    problems = column.kind == 'char' and value not in (None, '') and \
                        model._league_input_problems({column.key: ''})
                    errors.extend(problems or [msgs['required'] % params])
                continue
            if value.__class__ is str:
                value = text   # the text read once (as_text)
            if column.kind == 'mobile':
                value = fmt.clean_mobile(value)
            elif column.kind == 'date':
                value = fmt.clean_date(value)
                if not isinstance(value, fmt.CellError):
                    value = value.isoformat()   # a date: 'YYYY-MM-DD'
                elif model._league_input_problems({column.key: text}):
                    value = text  # not a date: refused below with the model's reason
            elif column.kind in ('selection', 'bool'):
                key = fmt.norm_key(text)
                lookup = lookups[column.key]
                if key in lookup:
                    value = lookup[key]
                elif column.kind == 'selection' and model._league_input_problems(
                        {column.key: text}):
                    value = text  # refused below with the model's reason
                else:
                    allowed = fmt.BOOLEANS if column.kind == 'bool' else \
                        ctx['vocabularies'][column.key]
                    params['allowed'] = '、'.join(allowed.values())
                    value = fmt.CellError('choice')
            else:
                value = text
            if isinstance(value, fmt.CellError):
                errors.append(msgs[value.code] % params)
                continue
            vals[column.key] = value
        vals = model._league_clean_input(vals)
        problems = model._league_input_problems(vals, today=ctx['today'])
        if problems:
            errors.extend(problems)
        return {'row': number, 'raw': raw, 'vals': vals, 'errors': errors}

    @api.model
    def _organization_resolver(self, county, msgs):
        """A function organization text -> (organization id, error message or None).

        Organizations are read once; names are compared without spaces and
        full-width/half-width differences.  "county/organization" and the
        full name "A / B / C" are accepted to tell apart equal names.
        """
        orgs = self.env['league.organization'].sudo().search_read(
            [], ['name', 'complete_name', 'county_id'])
        by_name, by_full = defaultdict(list), defaultdict(list)
        for org in orgs:
            org['county_key'] = fmt.norm_key(org['county_id'][1]) if org['county_id'] else ''
            by_name[fmt.norm_key(org['name'])].append(org)
            by_full[fmt.norm_key(org['complete_name'] or org['name'])].append(org)
        memo = {}

        def resolve(text):
            key = fmt.norm_key(text)
            if key in memo:
                return memo[key]
            params = {'value': text}
            found = by_name.get(key) or by_full.get(key) or []
            if not found and '/' in key:
                prefix, name = key.rsplit('/', 1)
                prefix = prefix.split('/')[0]
                found = [o for o in by_name.get(name, []) if prefix in o['county_key']
                         or prefix in fmt.norm_key(o['complete_name'] or '')]
            if county and found:
                # a county administrator means the organization of their county
                mine = [o for o in found if o['county_id'] and o['county_id'][0] == county.id]
                if not mine:
                    params['county'] = county.name
                    memo[key] = (found[0]['id'], msgs['org_county'] % params)
                    return memo[key]
                found = mine
            if not found:
                result = (False, msgs['org_unknown'] % params)
            elif len(found) > 1:
                params['example'] = '%s/%s' % (found[0]['county_id'] and
                                               found[0]['county_id'][1] or '', found[0]['name'])
                result = (False, msgs['org_ambiguous'] % params)
            else:
                result = (found[0]['id'], None)
            memo[key] = result
            return result

        return resolve

    @api.model
    def _check_duplicate(self, res, seen, key, msgs, code='duplicate'):
        """Flag ``res`` when ``key`` was already seen on an earlier row."""
        if key in seen:
            res['errors'].append(msgs[code] % {'value': key if code == 'duplicate' else '',
                                               'row': seen[key]})
            return True
        seen[key] = res['row']
        return False

    @api.model
    def _resolve_organization(self, res, resolve):
        text = res['vals'].pop('organization', None)
        if text:
            org_id, error = resolve(text)
            if error:
                res['errors'].append(error)
            else:
                res['vals']['organization_id'] = org_id

    @api.model
    def _fetch_by_mobile(self, table, mobiles, extra=''):
        """{mobile: [row dicts]} of ``table`` for ``mobiles``: one query."""
        # Raw SQL on purpose: one query for the whole file, across counties
        # (to tell the user that a mobile is taken elsewhere); the records
        # themselves are only written through the ORM, as the user.
        query = """SELECT t.*, c.name AS county_name FROM {table} t
                     LEFT JOIN league_organization c ON c.id = t.county_id
                    WHERE t.mobile = ANY(%s) {extra}""".format(table=table, extra=extra)
        self.env.cr.execute(query, [list(mobiles)])
        found = defaultdict(list)
        for row in self.env.cr.dictfetchall():
            found[row['mobile']].append(row)
        return found

    @api.model
    def _check_existing(self, res, records, mobile, county, msgs):
        """Match ``res`` on an existing record; sets status/res_id or an error."""
        if not records:
            res['status'] = 'new'
            return None
        if len(records) > 1:
            res['errors'].append(msgs['several'] % {'value': mobile})
            return None
        record = records[0]
        if county and record['county_id'] != county.id:
            res['errors'].append(msgs['other_county'] % {
                'value': mobile, 'county': record['county_name'] or '-'})
            return None
        res['status'] = 'update'
        res['res_id'] = record['id']
        res['res_write_date'] = record['write_date']
        return record

    @api.model
    def _match_on_mobile(self, results, county, msgs, table, seen):
        """Resolve the organizations, flag the mobiles repeated in the file and
        match the rows on the records of ``table`` with the same mobile.

        Yields ``(result, existing record dict or None)`` for the rows whose
        mobile is usable; an archived record found again is revived.
        """
        resolve = self._organization_resolver(county, msgs)
        existing = self._fetch_by_mobile(
            table, {r['vals']['mobile'] for r in results if 'mobile' in r['vals']})
        for res in results:
            self._resolve_organization(res, resolve)
            mobile = res['vals'].get('mobile')
            if not mobile or self._check_duplicate(res, seen, mobile, msgs):
                continue
            record = self._check_existing(res, existing.get(mobile), mobile, county, msgs)
            if record:
                res['vals']['active'] = True
            yield res, record

    @api.model
    def _check_youth(self, results, county, msgs, seen):
        for _match in self._match_on_mobile(results, county, msgs, 'league_youth', seen):
            pass  # nothing else to check on a youth row

    @api.model
    def _check_cadre(self, results, county, msgs, seen):
        users = self._fetch_users({r['vals']['mobile'] for r in results
                                   if 'mobile' in r['vals']})
        for res, record in self._match_on_mobile(results, county, msgs, 'league_cadre',
                                                      seen):
            vals, mobile = res['vals'], res['vals']['mobile']
            accounts = [vals.get(name) or (record or {}).get(name)
                        for name in ('wechat', 'qq', 'weibo')]
            if not any(accounts):
                res['errors'].append(msgs['social'])
            if record and record['user_id'] or res['errors']:
                continue
            user = users.get(mobile)
            if not user:
                res['create_user'] = True
            elif user['cadre_id'] and user['cadre_id'] != (record or {}).get('id'):
                res['errors'].append(msgs['login_taken'] % {'value': mobile,
                                                            'user': user['name']})
            elif user['privileged']:
                res['errors'].append(msgs['login_admin'] % {'value': mobile,
                                                            'user': user['name']})
            else:
                vals['user_id'] = user['id']

    @api.model
    def _fetch_users(self, logins):
        """{login: {id, name, cadre_id, privileged}} of the users with these logins."""
        groups = [self.env.ref(xmlid).id for xmlid in PRIVILEGED_GROUPS]
        self.env.cr.execute("""
            SELECT u.id, u.login, p.name, min(c.id) AS cadre_id,
                   bool_or(r.gid IS NOT NULL) AS privileged
              FROM res_users u
              JOIN res_partner p ON p.id = u.partner_id
              LEFT JOIN league_cadre c ON c.user_id = u.id
              LEFT JOIN res_groups_users_rel r ON r.uid = u.id AND r.gid = ANY(%s)
             WHERE u.login = ANY(%s)
             GROUP BY u.id, u.login, p.name""", [groups, list(logins)])
        return {row['login']: row for row in self.env.cr.dictfetchall()}

    @api.model
    def _check_contact(self, results, county, msgs, seen):
        cadres = self._fetch_by_mobile(
            'league_cadre', {r['vals']['cadre_mobile'] for r in results
                             if 'cadre_mobile' in r['vals']}, 'AND t.active')
        youth = self._fetch_by_mobile(
            'league_youth', {r['vals']['youth_mobile'] for r in results
                             if 'youth_mobile' in r['vals']}, 'AND t.active')
        cadre_ids = [rows[0]['id'] for rows in cadres.values()]
        youth_ids = [rows[0]['id'] for rows in youth.values()]
        self.env.cr.execute("""SELECT cadre_id, youth_id, id, write_date FROM league_contact
                                WHERE cadre_id = ANY(%s) AND youth_id = ANY(%s)""",
                            [cadre_ids, youth_ids])
        contacts = {(c, y): (i, d) for c, y, i, d in self.env.cr.fetchall()}
        today = league_today(self)
        for res in results:
            vals = res['vals']
            ids = []
            for key, found, unknown in (('cadre_mobile', cadres, 'cadre_unknown'),
                                        ('youth_mobile', youth, 'youth_unknown')):
                mobile = vals.pop(key, None)
                if not mobile:
                    continue
                records = found.get(mobile)
                if not records:
                    res['errors'].append(msgs[unknown] % {'value': mobile})
                # the cadre and the youth must be unique and in the user's county
                elif self._check_existing(res, records, mobile, county, msgs):
                    ids.append(records[0]['id'])
            if len(ids) < 2:
                continue
            vals.update(cadre_id=ids[0], youth_id=ids[1])
            if self._check_duplicate(res, seen, '%s,%s' % tuple(ids), msgs, 'duplicate_pair'):
                continue
            res.pop('res_id', None)
            res.pop('res_write_date', None)
            if tuple(ids) in contacts:
                res['status'] = 'update'
                res['res_id'], res['res_write_date'] = contacts[tuple(ids)]
            else:
                res['status'] = 'new'
                vals.setdefault('date_start', today)

    # ------------------------------------------------------------------
    # preview lines and rejected rows
    # ------------------------------------------------------------------
    @api.multi
    def _clear_lines(self):
        self.env.cr.execute('DELETE FROM league_import_line WHERE wizard_id IN %s',
                            [tuple(self.ids)])
        self.invalidate_cache(['line_ids', 'error_line_ids'])

    @api.multi
    def _store_lines(self, results):
        """Replace the preview lines by ``results`` (bulk insert: 100,000 rows in seconds)."""
        self.ensure_one()
        self._clear_lines()
        cols = fmt.columns(self.import_type)
        keys = [c.key for c in cols]
        index = {key: keys.index(key) for key in keys}
        name_col = index.get('name', index.get('cadre_mobile'))
        mobile_col = index.get('mobile', index.get('youth_mobile'))
        org_col = index.get('organization', index.get('channel'))
        uid = self.env.uid
        values = [(uid, uid, self.id, res['row'], res['status'], res['raw'][name_col] or None,
                   res['raw'][mobile_col] or None, res['raw'][org_col] or None,
                   res['message'] or None, json.dumps(res['raw'], ensure_ascii=False))
                  for res in results]
        execute_values(self.env.cr, """
            INSERT INTO league_import_line (create_uid, write_uid, create_date, write_date,
                wizard_id, row, status, name, mobile, organization, message, raw)
            VALUES %s""", values,
            template="(%s, %s, now() at time zone 'UTC', now() at time zone 'UTC', "
                     "%s, %s, %s, %s, %s, %s, %s, %s)", page_size=2000)
        errors = [res for res in results if res['status'] == 'error']
        counts = defaultdict(int)
        for res in results:
            counts[res['status']] += 1
        self.write({
            'count_total': len(results),
            'count_new': counts['new'],
            'count_update': counts['update'],
            'count_error': counts['error'],
            'error_file': base64.b64encode(self._rejected_file(errors)) if errors else False,
            'error_filename': '%s导入错误行.xlsx' % fmt.TITLES[self.import_type]
                              if errors else False,
        })

    @api.multi
    def _rejected_file(self, errors):
        """The rejected rows as an .xlsx in the template layout plus a reason column."""
        template = _('Row %s: %s')   # translated here: a comprehension has no self
        reasons = [template % (res['row'], res['message']) for res in errors]
        return fmt.build_workbook(self.import_type, [res['raw'] for res in errors],
                                  reasons=reasons, vocabularies=self._vocabularies())

    @api.multi
    def _stored_statuses(self):
        self.env.cr.execute('SELECT row, status FROM league_import_line WHERE wizard_id = %s '
                            'ORDER BY row', [self.id])
        return self.env.cr.fetchall()

    # ------------------------------------------------------------------
    # import
    # ------------------------------------------------------------------
    @api.multi
    def _apply(self, results):
        """Create or update the records of the good rows.

        The rows were checked against the user's county by ``_analyse``; the
        rights are checked again here, set-based, as the user: access rights
        and write rules of the records to update before writing, create and
        write rules of every imported record after writing.  The records
        themselves are written as superuser with the recomputation of stored
        fields postponed to the end, so that computed fields (county, counts,
        cadences) are computed once for the whole file instead of per row.
        Youth and contacts are written in batches (``_bulk_create``,
        ``_bulk_update``), cadres one by one through the ORM (users to create).

        Raises RowFailure (inside the caller's savepoint) when a row or the
        final check is refused: the caller rolls everything back.
        """
        model_name = IMPORT_MODELS[self.import_type]
        as_user = self.env[model_name]
        new = [res for res in results if res['status'] == 'new']
        updates = [res for res in results if res['status'] == 'update']
        old = as_user.browse([res['res_id'] for res in updates])
        try:
            if new:
                as_user.check_access_rights('create')
            if old:
                as_user.check_access_rights('write')
                old.check_access_rule('write')
        except AccessError as err:
            raise RowFailure(results[0]['row'], err.name)
        model = as_user.sudo().with_context(**IMPORT_CONTEXT)
        with self.env.norecompute():
            if model_name in BULK_MODELS:
                created = self._bulk_create(model, new)
                self._bulk_update(model, updates)
            else:
                created = self._orm_apply(model, results)
        try:
            model.recompute()
            # authorship: the importing user, not the superuser (only the rows
            # written by the superuser: rewriting 100,000 inserted rows that
            # already name the user took a sixth of the import)
            uid = self.env.uid
            self.env.cr.execute(
                'UPDATE "{0}" SET create_uid = %s, write_uid = %s WHERE id = ANY(%s) '
                'AND (create_uid IS DISTINCT FROM %s OR write_uid IS DISTINCT FROM %s); '
                'UPDATE "{0}" SET write_uid = %s WHERE id = ANY(%s) '
                'AND write_uid IS DISTINCT FROM %s'.format(model._table),
                [uid, uid, created.ids, uid, uid, uid, old.ids, uid])
            (created | old).invalidate_cache()
            created.sudo(self.env.uid).check_access_rule('create')
            (created | old).sudo(self.env.uid).check_access_rule('write')
        except psycopg2.Error as err:
            raise _database_failure(None, err)
        except Exception as err:  # a computed field refused, or a record out of reach
            raise RowFailure(None, getattr(err, 'name', None) or tools.ustr(err))
        return created

    @api.model
    def _orm_apply(self, model, results):
        """Create or update row by row through the ORM (cadres)."""
        created = []
        for res in results:
            try:
                vals = dict(res['vals'])
                if res.get('create_user'):
                    vals['user_id'] = self._create_cadre_user(vals).id
                if res['status'] == 'new':
                    created.append(model.create(vals).id)
                else:
                    model.browse(res['res_id']).write(vals)
            except psycopg2.Error as err:
                raise _database_failure(res['row'], err)
            except Exception as err:  # any refusal of a model
                raise RowFailure(res['row'], getattr(err, 'name', None) or tools.ustr(err))
        return model.browse(created)

    @api.model
    def _bulk_fields(self, model, names):
        """The fields ``names`` of ``model``, which must all be plain columns."""
        result = []
        for name in names:
            field = model._fields[name]
            if not (field.store and field.column_type) or field.compute or field.translate:
                raise UserError(_('The field "%s" cannot be imported in bulk.') % field.string)
            result.append(field)
        return result

    @api.model
    def _bulk_run(self, model, rows, query, names, created=False, filled=()):
        """Run ``query`` for ``rows`` (result dicts) in batches of BULK_SIZE.

        ``query(batch, fields_)`` returns the SQL of one batch; after each
        batch the ORM does what create/write do after their SQL: mark the
        fields as modified (all of them for new records, as ``_create``
        does: computed fields, triggers on other models), run the Python
        constraints and recompute, set-based.  ``filled``: stored computed
        fields of the new records whose values the query wrote itself (see
        ``_bulk_computed``), left out of the recomputation.
        """
        cr = self.env.cr
        fields_ = self._bulk_fields(model, names)
        checked = list(names) + [field.name for field in filled]
        ids = []
        for start in range(0, len(rows), BULK_SIZE):
            batch = rows[start:start + BULK_SIZE]
            try:
                cr.execute(query(batch, fields_), log_exceptions=False)
                records = model.browse([row[0] for row in cr.fetchall()])
                records.invalidate_cache()
                records.modified(list(model._fields) if created else names)
                for field in filled:
                    self.env.remove_todo(field, records)
                records._validate_fields(checked)
                # recompute batch by batch: a growing to-do list costs more
                # than recomputing a few shared records again
                model.recompute()
            except psycopg2.Error as err:  # a database constraint, a concurrent write
                raise _database_failure('%s-%s' % (batch[0]['row'], batch[-1]['row']), err)
            except Exception as err:  # a Python constraint
                raise RowFailure('%s-%s' % (batch[0]['row'], batch[-1]['row']),
                                 getattr(err, 'name', None) or tools.ustr(err))
            ids.extend(records.ids)
        return model.browse(ids)

    @api.model
    def _bulk_computed(self, model, names):
        """The stored computed fields of ``model`` that a bulk INSERT of the
        columns ``names`` can write itself, with the values the ORM would
        compute (the ORM's recomputation after each batch read every column
        of the new rows again: two thirds of the time of an import):

        - ``related``: {field: (many2one, field of the comodel)} for a field
          related to a field of an inserted many2one column (a youth's county
          is its organization's): the comodel's values are read once per
          batch, as superuser like the ORM's related fields;
        - ``same``: the fields that depend only on x2many fields of the new
          record (a youth's number of cadres, its next activity): nothing
          points to a record being inserted, so these fields have the same
          value on every new record, computed by the ORM (``_bulk_probe``).

        Every other stored computed field (several steps, other columns,
        added by another module) is recomputed by the ORM as before.
        """
        related, same = {}, []
        for field in model._fields.values():
            if not (field.store and field.compute and field.column_type):
                continue
            group = [f for f in model._field_computed.get(field, [field]) if f.store]
            path = field.related or ()
            first = model._fields.get(path[0]) if path else None
            if len(path) == 2 and len(group) == 1 and first is not None \
                    and first.type == 'many2one' \
                    and first.name in names and field.related_sudo:
                target = first.comodel_name and self.env[first.comodel_name]._fields[path[1]]
                if target.store and target.column_type and not target.translate:
                    related[field] = (first, target)
                    continue
            heads = [model._fields.get(dep.split('.')[0]) for dep in field.depends]
            if heads and all(head is not None and head.type in ('one2many', 'many2many')
                             for head in heads):
                same.append(field)
        return related, same

    @api.model
    def _bulk_probe(self, model, sql, fields_):
        """The values the ORM computes for the fields ``fields_`` of the record
        that ``sql`` inserts (one row), the row being removed again (rollback
        to a savepoint): {field: column value}, or {} when the database
        refuses the row (the batch of that row will then tell why)."""
        cr = self.env.cr
        values = {}
        try:
            with cr.savepoint():
                cr.execute(sql, log_exceptions=False)
                record = model.browse(cr.fetchone()[0])
                for field in fields_:
                    field.compute_value(record)
                    values[field] = field.convert_to_column(
                        field.convert_to_write(record[field.name], record), record)
                raise _ProbeDone()
        except _ProbeDone:
            pass
        except psycopg2.Error:
            values = {}
        self.env.cache.invalidate()   # the probe's record is gone
        return values

    @api.model
    def _bulk_create(self, model, rows):
        """INSERT the new rows, a batch per query.

        The model's ``create`` overrides are not called: what they check
        (mobile or cadre-youth pair already taken, readable organization) was
        checked for the whole file by ``_analyse``; the unique constraints of
        the database stay in force.  The stored computed fields that the
        INSERT can fill (``_bulk_computed``) are written with the rows, with
        the values the ORM would compute.
        """
        if not rows:
            return model.browse()
        names = sorted({name for res in rows for name in res['vals']})
        defaults = {name: value for name, value in model.default_get([
            name for name, field in model._fields.items()
            if field.store and field.column_type and not field.compute
            and name not in models.MAGIC_COLUMNS and name not in names]).items()
            if value is not None and value is not False}
        names = sorted(set(names) | set(defaults))
        related, same = self._bulk_computed(model, names)
        uid = self.env.uid
        mogrify = self.env.cr.mogrify
        constants = {}   # field of ``same``: column value

        def value(res, field):
            return field.convert_to_column(res['vals'].get(field.name, defaults.get(field.name)),
                                           model)

        def query(batch, fields_):
            # the comodel's values of the related fields, as superuser
            targets = {}
            for field, (head, target) in related.items():
                ids = {value(res, head) for res in batch} - {None}
                records = self.env[head.comodel_name].sudo().with_context(
                    active_test=False, prefetch_fields=False).browse(ids)
                targets[field] = {rec.id: target.convert_to_column(
                    target.convert_to_write(rec[target.name], rec), rec) for rec in records}
            filled = list(related) + list(constants)
            template = "(%s, %s, now() at time zone 'UTC', now() at time zone 'UTC', {})".format(
                ', '.join(['%s'] * (len(fields_) + len(filled))))
            values = b', '.join(mogrify(template, [uid, uid] + [
                value(res, field) for field in fields_] + [
                targets[field].get(value(res, head)) for field, (head, _t) in related.items()
            ] + list(constants.values())) for res in batch)
            return ('INSERT INTO "%s" (create_uid, write_uid, create_date, write_date, %s) VALUES '
                    % (model._table, ', '.join('"%s"' % f.name for f in fields_ + filled))
                    + values.decode() + ' RETURNING id')

        if same:
            constants.update(self._bulk_probe(
                model, query(rows[:1], self._bulk_fields(model, names)), same))
        return self._bulk_run(model, rows, query, names, created=True,
                              filled=list(related) + list(constants))

    @api.model
    def _bulk_update(self, model, rows):
        """UPDATE the matched records, a batch per query and set of columns."""
        groups = defaultdict(list)
        for res in rows:
            groups[tuple(sorted(res['vals']))].append(res)
        uid = self.env.uid
        mogrify = self.env.cr.mogrify
        for names, group in groups.items():

            def query(batch, fields_):
                template = '(%s, {})'.format(', '.join(['%s'] * len(fields_)))
                values = b', '.join(mogrify(template, [res['res_id']] + [
                    field.convert_to_column(res['vals'][field.name], model)
                    for field in fields_]) for res in batch)
                columns = ', '.join('"%s" = v."%s"::%s' % (f.name, f.name, f.column_type[1])
                                    for f in fields_)
                return ('UPDATE "%s" t SET %s, write_uid = %d, '
                        "write_date = now() at time zone 'UTC' FROM (VALUES "
                        % (model._table, columns, uid) + values.decode()
                        + ') AS v (id, %s) WHERE t.id = v.id RETURNING t.id'
                        % ', '.join('"%s"' % f.name for f in fields_))

            self._bulk_run(model, group, query, list(names))

    @api.model
    def _create_cadre_user(self, vals):
        """A user for an imported cadre: generated login, cadre group, no password.

        The login is "tg" (团干) followed by a number of the sequence
        ``league.cadre.login`` (tg00001, tg00002...): short, readable, unique,
        and never the mobile number, which any user could otherwise read in
        the users' list.  The administrator tells the cadre their login and
        sends the invitation (or sets a password) later.  Created as
        superuser: county administrators cannot manage users.
        """
        group = self.env.ref('youth_contact.group_cadre')
        Users = self.env['res.users'].sudo().with_context(active_test=False)
        return Users.with_context(**IMPORT_CONTEXT).create({
            'name': vals['name'],
            'login': self._new_cadre_login(),
            'lang': self.env.user.lang,
            'tz': self.env.user.tz,
            'groups_id': [(6, 0, [group.id])],
        })

    @api.model
    def _new_cadre_login(self):
        """The next free login of the sequence ``league.cadre.login``."""
        Sequence = self.env['ir.sequence'].sudo()
        Users = self.env['res.users'].sudo().with_context(active_test=False)
        while True:
            login = Sequence.next_by_code('league.cadre.login')
            if not login:
                raise UserError(_('The sequence of the cadre logins is missing: update the '
                                  'Youth Contact module.'))
            if not Users.search_count([('login', '=', login)]):
                return login


def _column_letter(index):
    """Excel column letter of a 0-based column index."""
    letters = ''
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
