# -*- coding: utf-8 -*-
"""Selection lists and helpers shared by several models.

Selection keys are fixed by the data contract (../shared/SPEC.md).
"""
from datetime import datetime, timedelta

import pytz

from odoo import SUPERUSER_ID, _, fields, tools
from odoo.exceptions import ValidationError

# Time zone of the League offices: every "today" of the app is China's date.
# It is never taken from a client (context, user preferences): the rules that
# depend on the date (cadences, "not in the future", holding an open day)
# must not move with what a caller sends.
LEAGUE_TZ = 'Asia/Shanghai'
DEFAULT_TZ = LEAGUE_TZ



# The same date in SQL (views, reports): China's date whatever the session's time zone.
LEAGUE_TODAY_SQL = "(now() AT TIME ZONE '%s')::date" % LEAGUE_TZ


def league_now():
    """The current time in China (an aware datetime)."""
    return datetime.now(pytz.timezone(LEAGUE_TZ))


def league_today(record=None):
    """Today's date (string) in China (``LEAGUE_TZ``), whoever asks: the one
    "today" of the application (``LEAGUE_TODAY_SQL`` in SQL).

    ``record`` is accepted (and ignored) so that the function serves as a
    field default.
    """
    return fields.Date.to_string(league_now().date())


def in_user_lang(records):
    """``records`` in their user's language when the context has none (XML-RPC
    clients, data files, server jobs).  Odoo's ``_()`` then falls back on the
    user's language while the ORM reads in English: chatter text, activity
    summaries and record names rendered once and stored would mix both."""
    if records._context.get('lang'):
        return records
    return records.with_context(lang=records.env.user.lang)


def quarter_of(day):
    """The calendar quarter (1-4) of ``day``: the one quarter arithmetic of the
    application (bounds, open days, counts of quarters)."""
    return (day.month - 1) // 3 + 1


def quarter_index(day):
    """A number that grows by one each quarter (for counting quarters)."""
    return day.year * 4 + quarter_of(day) - 1


def week_label(day):
    """The week (Monday to Sunday) of ``day`` as its dates, e.g. "2026-11-30 ~ 12-06":
    read alike in any language, sorted as the weeks (the one week label of lists,
    groups and pivots)."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    end = sunday.strftime('%m-%d' if sunday.year == monday.year else '%Y-%m-%d')
    return '%s ~ %s' % (monday.strftime('%Y-%m-%d'), end)


def quarter_bounds(day):
    """First and last day of the calendar quarter of ``day``."""
    first_month = 3 * quarter_of(day) - 2
    start = day.replace(month=first_month, day=1)
    if first_month == 10:
        end = day.replace(month=12, day=31)
    else:
        end = day.replace(month=first_month + 3, day=1) - timedelta(days=1)
    return start, end


def normalize_mobile(value):
    """``value`` cleaned by the one mobile rule (``league_import_format``, the
    Odoo-free module the Excel import and the templates share); ``False``
    stays ``False``."""
    if not value:
        return value
    # imported here: the wizard package imports this module
    from ..wizard.league_import_format import normalize_mobile as mobile_rule
    return mobile_rule(value)


def schedule_activity(record, type_xmlid, user, summary, deadline):
    """Create (as superuser) a mail.activity of type ``type_xmlid`` on ``record``
    for ``user``, due on ``deadline`` (a date or a date string)."""
    env = in_user_lang(record).env  # the record's name stored on the activity
    # no tracking: subscribing the user to the record would otherwise read
    # (and prefetch) the tracked fields of every record of the environment
    return env['mail.activity'].sudo().with_context(tracking_disable=True).create({
        'res_model_id': env['ir.model']._get(record._name).id,
        'res_id': record.id,
        'activity_type_id': env.ref(type_xmlid).id,
        'user_id': user.id,
        'summary': summary,
        'date_deadline': deadline if isinstance(deadline, str) else deadline.isoformat(),
    })


def schedule_activities(env, model_name, rows):
    """Create many mail.activity at once, as ``mail.activity.create`` would
    create them one by one (as superuser, without tracking), in a number of
    queries that does not depend on the number of rows.

    ``rows``: list of (res_id, activity_type_id, user_id, summary, deadline)
    on records of ``model_name``; ``deadline`` a date or a date string.

    What the ORM does for each activity is done for all of them: one INSERT,
    the assigned users' partners made followers of the records (with the
    default subtypes, as ``message_subscribe``), the stored fields that depend
    on the activities (those of mail.activity itself, whoever defines them,
    and the records' next deadline) marked and recomputed, the users' activity
    counters notified for activities due today or earlier.  Returns the
    activities.
    """
    env = in_user_lang(env['mail.activity']).env(user=SUPERUSER_ID)  # names in the user's language
    Activity = env['mail.activity']
    if not rows:
        return Activity
    cr = env.cr
    model_id = env['ir.model']._get(model_name).id
    # res_model and res_name (stored computed) are written by the INSERT, with
    # the values their computation gives (one name_get of all the records);
    # computing them afterwards would write them with one UPDATE per name
    names = dict(env[model_name].browse(sorted({row[0] for row in rows})).name_get())
    values = [(model_id, model_name, res_id, names.get(res_id), type_id, user_id, summary,
               deadline if isinstance(deadline, str) else deadline.isoformat())
              for res_id, type_id, user_id, summary, deadline in rows]
    cr.execute("""
        INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id,
                                   user_id, summary, date_deadline, create_uid, create_date,
                                   write_uid, write_date)
        SELECT v.model_id, v.model, v.res_id, v.res_name, v.type_id, v.user_id, v.summary,
               v.deadline::date, %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
          FROM unnest(%s::int[], %s::varchar[], %s::int[], %s::varchar[], %s::int[], %s::int[],
                      %s::varchar[], %s::varchar[])
               AS v(model_id, model, res_id, res_name, type_id, user_id, summary, deadline)
        RETURNING id""", (env.uid, env.uid) + tuple(list(column) for column in zip(*values)))
    activities = Activity.browse([row[0] for row in cr.fetchall()])
    _subscribe_users(env, model_name, {(res_id, user_id) for res_id, _t, user_id, _s, _d in rows})
    # what create() does after its INSERT: every field of the new records is
    # modified (dependent stored fields of other models marked, e.g. the
    # records' next activity deadline), and every other stored computed field
    # of mail.activity (whoever defines it) is computed on them by the ORM
    written = [Activity._fields['res_model'], Activity._fields['res_name']]
    with env.protecting(written, activities):
        activities.modified(list(Activity._fields))
    for field in Activity._fields.values():
        if field.compute and field.store and field not in written:
            env.add_todo(field, activities)
    Activity.recompute()
    _notify_activity_users(env, [(row[5], row[7]) for row in values])
    return activities


def update_activity_summaries(env, summaries):
    """Write the summary of many mail.activity at once (as superuser):
    ``summaries`` is {activity_id: summary}; one UPDATE, then what ``write``
    does after its SQL (dependent fields marked and recomputed)."""
    env = env(user=SUPERUSER_ID)
    Activity = env['mail.activity']
    if not summaries:
        return Activity
    ids = sorted(summaries)
    env.cr.execute("""
        UPDATE mail_activity a
           SET summary = v.summary, write_uid = %s, write_date = now() at time zone 'UTC'
          FROM unnest(%s::int[], %s::varchar[]) AS v(id, summary)
         WHERE a.id = v.id""", (env.uid, ids, [summaries[i] for i in ids]))
    activities = Activity.browse(ids)
    activities.modified(['summary', 'write_uid', 'write_date'])
    Activity.recompute()
    return activities


def close_activities(env, activities, feedback):
    """Mark many mail.activity done at once, as ``action_feedback`` does one by
    one (as superuser, the jobs' author), in a number of queries that does not
    depend on the number of activities.

    ``feedback``: the text of every activity, or {activity id: text}.

    For each activity, the "done" log message Odoo posts on its record: the
    template ``mail.message_activity_done`` rendered in Python (the feedback
    written first, as ``action_feedback`` does), and the values the composer
    and ``message_post`` give (subject "Re: <record name>", author and sender
    the current user, reply-to of the records, subtype Activities, the
    activity type, the record's first message as parent) inserted by one
    INSERT for all.  Then the activities are deleted by one DELETE, after what
    ``unlink`` does that matters: their fields marked as modified (the
    records' stored next deadline recomputed), the users' activity counters
    notified (once per user instead of once per activity).

    Left out: the notification of the records' followers subscribed to the
    Activities subtype (an inbox entry, or an e-mail for those who asked for
    them).  The activities closed here are the cadres' own automatic
    reminders, and the follower is the cadre's user whom the reminder was
    for: the message stays in the record's chatter, the reminder disappears
    from their activities.  Returns the messages.
    """
    env = in_user_lang(env['mail.activity']).env(user=SUPERUSER_ID)  # the message too
    Message = env['mail.message']
    activities = env['mail.activity'].browse(activities.ids)
    if not activities:
        return Message
    cr = env.cr
    texts = feedback if isinstance(feedback, dict) else dict.fromkeys(activities.ids, feedback)
    Activity = env['mail.activity']
    html = Activity._fields['feedback']
    ids = sorted(texts)
    cr.execute("""
        UPDATE mail_activity a
           SET feedback = v.feedback, write_uid = %s, write_date = now() at time zone 'UTC'
          FROM unnest(%s::int[], %s::text[]) AS v(id, feedback)
         WHERE a.id = v.id""", (env.uid, ids, [html.convert_to_column(texts[i], Activity)
                                              for i in ids]))
    activities.invalidate_cache(['feedback', 'write_uid', 'write_date'])
    activities.modified(['feedback', 'write_uid', 'write_date'])
    Activity.recompute()

    by_model = {}
    for activity in activities:
        by_model.setdefault(activity.res_model, []).append(activity)
    view = env.ref('mail.message_activity_done')
    try:
        from odoo.addons.http_routing.models.ir_http import slug
    except ImportError:
        def slug(record):
            return record.id
    author = env.user.partner_id.id
    email_from = Message._get_default_from()
    subtype_id = env.ref('mail.mt_activities').id
    prefix = _reply_prefix(env['mail.compose.message'])
    body_field = Message._fields['body']
    now = fields.Datetime.now()
    has_type = 'mail_activity_type_id' in Message._fields
    rows = []
    for model_name, model_activities in by_model.items():
        res_ids = sorted({activity.res_id for activity in model_activities})
        Record = env[model_name]
        names = dict(Record.browse(res_ids).name_get())
        reply_to = env['mail.thread'].with_context(thread_model=model_name).message_get_reply_to(
            res_ids, default=email_from)
        # the flat thread of message_post: the record's first message
        # (e-mails first) is the parent of the new ones
        parents = {}
        if Record._mail_flat_thread:
            cr.execute("""
                SELECT DISTINCT ON (res_id) res_id, id FROM mail_message
                 WHERE model = %s AND res_id IN %s
                 ORDER BY res_id, message_type = 'email' DESC, id""", (model_name, tuple(res_ids)))
            parents = dict(cr.fetchall())
        for activity in model_activities:
            record = Record.browse(activity.res_id)
            body = view.render({'activity': activity, 'object': record, 'slug': slug},
                               engine='ir.qweb')
            if isinstance(body, bytes):
                body = body.decode()
            name = names.get(activity.res_id) or ''
            subject = name
            if subject and not (subject.startswith('Re:') or subject.startswith(prefix)):
                subject = '%s %s' % (prefix, subject)
            rows.append({
                'activity': activity, 'model': model_name, 'res_id': activity.res_id,
                'record_name': name, 'subject': subject or None,
                'body': body_field.convert_to_column(body, Message),
                'reply_to': reply_to.get(activity.res_id),
                'message_id': tools.generate_tracking_message_id(
                    '%s-%s' % (activity.res_id, model_name)),
                'parent_id': parents.get(activity.res_id),
                'type_id': activity.activity_type_id.id,
            })
    # ids allocated first: a record without message gets its first new
    # message as the parent of the next ones, as message_post would
    cr.execute("SELECT nextval('mail_message_id_seq') FROM generate_series(1, %s)", (len(rows),))
    new_ids = [row[0] for row in cr.fetchall()]
    first = {}
    for message_id, row in zip(new_ids, rows):
        row['id'] = message_id
        key = (row['model'], row['res_id'])
        if row['parent_id'] is None and env[row['model']]._mail_flat_thread:
            row['parent_id'] = first.get(key)
        first.setdefault(key, message_id)
    columns = ['id', 'model', 'res_id', 'record_name', 'subject', 'body', 'reply_to',
               'message_id', 'parent_id']
    types = ['int', 'varchar', 'int', 'varchar', 'varchar', 'text', 'varchar', 'varchar', 'int']
    if has_type:
        columns.append('type_id')
        types.append('int')
    cr.execute("""
        INSERT INTO mail_message (id, model, res_id, record_name, subject, body, reply_to,
                                  message_id, parent_id, {type_column} message_type, subtype_id,
                                  author_id, email_from, no_auto_thread, date, create_uid,
                                  create_date, write_uid, write_date)
        SELECT {values}, 'notification', %s, %s, %s, false, %s, %s,
               now() at time zone 'UTC', %s, now() at time zone 'UTC'
          FROM unnest({arrays}) AS v({names})""".format(
        type_column='mail_activity_type_id,' if has_type else '',
        values=', '.join('v.%s' % column for column in columns),
        arrays=', '.join('%%s::%s[]' % t for t in types),
        names=', '.join(columns)),
        [subtype_id, author, email_from, now, env.uid, env.uid]
        + [[row[column] for row in rows] for column in columns])
    messages = Message.browse(new_ids)
    # what create() does after its INSERT (see schedule_activities)
    messages.modified(list(Message._fields))
    for field in Message._fields.values():
        if field.compute and field.store:
            env.add_todo(field, messages)
    Message.recompute()
    for model_name, model_activities in by_model.items():
        env[model_name].invalidate_cache(ids=sorted({a.res_id for a in model_activities}))

    # unlink: the dependent fields marked before the rows go, then one DELETE
    user_deadlines = [(activity.user_id.id, activity.date_deadline) for activity in activities]
    activities.modified(list(Activity._fields))
    cr.execute("DELETE FROM mail_activity WHERE id IN %s", (tuple(activities.ids),))
    activities.invalidate_cache()
    Activity.recompute()
    _notify_activity_users(env, user_deadlines, {'type': 'activity_updated',
                                                 'activity_deleted': True})
    return messages


def _reply_prefix(self):
    """The "Re:" of the composer's subject, in the language ``_`` finds for
    ``self`` (a model of the environment), as ``get_record_data`` does."""
    return _('Re:')


def _subscribe_users(env, model_name, pairs):
    """Make the partner of each user a follower of the record (res_id, user_id),
    with the default subtypes of the model (the external ones for portal
    users), replacing an existing subscription as ``message_subscribe`` does."""
    cr = env.cr
    res_ids, user_ids = zip(*sorted(pairs))
    cr.execute("""
        SELECT v.res_id, u.partner_id, u.share
          FROM unnest(%s::int[], %s::int[]) AS v(res_id, user_id)
          JOIN res_users u ON u.id = v.user_id
         WHERE u.partner_id IS NOT NULL""", (list(res_ids), list(user_ids)))
    followers = sorted(set(cr.fetchall()))
    if not followers:
        return
    res_ids, partner_ids, shares = zip(*followers)
    cr.execute("""
        DELETE FROM mail_followers f
         USING unnest(%s::int[], %s::int[]) AS v(res_id, partner_id)
         WHERE f.res_model = %s AND f.res_id = v.res_id AND f.partner_id = v.partner_id""",
               (list(res_ids), list(partner_ids), model_name))
    cr.execute("""
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT %s, v.res_id, v.partner_id FROM unnest(%s::int[], %s::int[]) AS v(res_id, partner_id)
        RETURNING id, partner_id""", (model_name, list(res_ids), list(partner_ids)))
    inserted = cr.fetchall()
    default, _internal, external = env['mail.message.subtype'].default_subtypes(model_name)
    share = dict(zip(partner_ids, shares))
    rel = [(follower_id, subtype_id) for follower_id, partner_id in inserted
           for subtype_id in (external if share[partner_id] else default).ids]
    if rel:
        cr.execute("""
            INSERT INTO mail_followers_mail_message_subtype_rel
                   (mail_followers_id, mail_message_subtype_id)
            SELECT * FROM unnest(%s::int[], %s::int[])""",
                   ([r[0] for r in rel], [r[1] for r in rel]))
    env['mail.followers'].invalidate_cache()
    env[model_name].invalidate_cache(['message_follower_ids', 'message_partner_ids',
                                      'message_channel_ids'],
                                     sorted(set(res_ids)))


def _notify_activity_users(env, user_deadlines, message=None):
    """Tell the web clients of the users of the activities due today or
    earlier that their activities changed (the bus.bus notification of
    ``mail.activity.create``, once per user instead of once per activity),
    in one INSERT; the listeners are woken after the commit as by
    ``bus.bus.sendmany``."""
    today = fields.Date.today()
    user_ids = sorted({user_id for user_id, deadline in user_deadlines if deadline <= today})
    if not user_ids:
        return
    from odoo.addons.bus.models.bus import json_dump
    cr = env.cr
    cr.execute("SELECT partner_id FROM res_users WHERE id IN %s ORDER BY id",
               (tuple(user_ids),))
    channels = [(cr.dbname, 'res.partner', partner_id) for partner_id, in cr.fetchall()]
    message = json_dump(message or {'type': 'activity_updated', 'activity_created': True})
    cr.execute("""
        INSERT INTO bus_bus (channel, message, create_uid, create_date, write_uid, write_date)
        SELECT channel, %s, %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
          FROM unnest(%s::varchar[]) AS channel""",
               (message, env.uid, env.uid, [json_dump(channel) for channel in channels]))

    def notify():
        import odoo
        with odoo.sql_db.db_connect('postgres').cursor() as pg_cr:
            pg_cr.execute("notify imbus, %s", (json_dump(channels),))
    cr.after('commit', notify)


def is_valid_mobile(value):
    """True when ``value`` (normalized) is an 11-digit mainland mobile number."""
    from ..wizard.league_import_format import MOBILE_RE
    return bool(value and MOBILE_RE.match(value))


def check_mobile_field(self, field):
    """Constraint helper: refuse a record of ``self`` whose ``field`` is set
    but is not an 11-digit mainland mobile number.

    The values of saved records are read with one query (an import checks
    thousands of records at once: reading them through the ORM prefetched
    every column of every row); create/write have written them already."""
    ids = [record_id for record_id in self.ids if isinstance(record_id, int)]
    values = {}
    if ids:
        self.env.cr.execute('SELECT id, "%s" FROM "%s" WHERE id = ANY(%%s)' % (
            field, self._table), (ids,))
        values = dict(self.env.cr.fetchall())
    for record in self.sudo():
        value = values[record.id] if record.id in values else record[field]
        if value and not is_valid_mobile(value):
            raise ValidationError(_('The mobile number "%s" of "%s" is not a valid 11-digit '
                                    'mainland mobile number.')
                                  % (value, record.display_name))


SECTORS = [
    ('enterprise', 'Enterprise'),
    ('rural', 'Rural'),
    ('organ', 'Government Organ'),
    ('school', 'School'),
    ('community', 'Street / Community'),
    ('social_org', 'Youth Social Organization'),
    ('new_media', 'New Media'),
]

ORGANIZATION_LEVELS = [
    ('city', 'City'),
    ('county', 'County'),
    ('town', 'Town / Street'),
    ('unit', 'Grassroots Unit'),
]

CADRE_CATEGORIES = [
    ('full_time', 'Full-time Cadre'),
    ('organ_part_time', 'Attached / Part-time Cadre of a Leading Organ'),
    ('other_part_time', 'Other Part-time Cadre'),
]

# Minimum number of youth a cadre of each category must contact ("1+100").
CATEGORY_QUOTA = {
    'full_time': 100,
    'organ_part_time': 100,
    'other_part_time': 10,
}

GENDERS = [
    ('male', 'Male'),
    ('female', 'Female'),
]

POLITICAL_STATUSES = [
    ('league_member', 'League Member'),
    ('party_member', 'Party Member'),
    ('probationary', 'Probationary Party Member'),
    ('masses', 'Ordinary Citizen'),
]

HARDSHIPS = [
    ('migrant', 'Urban Non-registered Resident Youth'),
    ('poor_family', 'Youth from Poor Families'),
    ('left_behind', 'Left-behind Child'),
    ('disabled', 'Disabled Youth'),
]

CONTACT_CHANNELS = [
    ('wechat', 'WeChat'),
    ('qq', 'QQ'),
    ('weibo', 'Weibo'),
    ('phone', 'Phone'),
    ('offline', 'Offline'),
]

LOG_MODES = [
    ('wechat', 'WeChat'),
    ('qq', 'QQ'),
    ('weibo', 'Weibo'),
    ('phone', 'Phone'),
    ('activity', 'Offline Activity'),
    ('face_to_face', 'Face-to-face'),
]

ONLINE_MODES = ('wechat', 'qq', 'weibo', 'phone')

LOG_TOPICS = [
    ('guidance', 'Ideological Guidance'),
    ('concern', 'Concerns and Demands'),
    ('growth', 'Helping Growth'),
]

ACTIVITY_KINDS = [
    ('sports_culture', 'Sports and Culture'),
    ('matchmaking', 'Matchmaking and Friendship'),
    ('skills', 'Skills Improvement'),
    ('volunteer', 'Volunteer Service'),
    ('other', 'Other'),
]

# A cadence never done (no contact log, no offline activity, no youth met
# face-to-face) and not overdue reads "not started", never "met".
CADENCE_STATES = [
    ('met', 'Met'),
    ('behind', 'Behind'),
    ('not_started', 'Not Started'),
]

# "4+1": a cadre whose share of the year's elapsed weeks with a grassroots day is
# below this percentage is behind, even with a grassroots day last week.
GRASSROOTS_MIN_RATE = 80
