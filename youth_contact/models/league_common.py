# -*- coding: utf-8 -*-
"""Selection lists and helpers shared by several models.

Selection keys are fixed by the data contract (../shared/SPEC.md).
"""
import re
from datetime import datetime, timedelta

import pytz

from odoo import _, fields
from odoo.exceptions import ValidationError

# Time zone of the League offices: every "today" of the app is China's date.
# It is never taken from a client (context, user preferences): the rules that
# depend on the date (cadences, "not in the future", holding an open day)
# must not move with what a caller sends.
LEAGUE_TZ = 'Asia/Shanghai'
DEFAULT_TZ = LEAGUE_TZ

MOBILE_RE = re.compile(r'^1[3-9]\d{9}$')
_FULL_WIDTH = {0xFF10 + i: ord('0') + i for i in range(10)}
_FULL_WIDTH.update({0x3000: None, 0xFF0B: ord('+'), 0xFF0D: None})


def league_today(record=None):
    """Today's date (string) in China (``LEAGUE_TZ``), whoever asks.

    ``record`` is accepted (and ignored) so that the function serves as a
    field default.
    """
    return fields.Date.to_string(datetime.now(pytz.timezone(LEAGUE_TZ)).date())


def quarter_bounds(day):
    """First and last day of the calendar quarter of ``day``."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = day.replace(month=first_month, day=1)
    if first_month == 10:
        end = day.replace(month=12, day=31)
    else:
        end = day.replace(month=first_month + 3, day=1) - timedelta(days=1)
    return start, end


def normalize_mobile(value):
    """Return ``value`` without spaces/dashes, full-width digits made ASCII and
    a leading +86/0086 country code removed; ``False`` stays ``False``."""
    if not value:
        return value
    value = value.translate(_FULL_WIDTH)
    value = re.sub(r'[\s\-()]', '', value)
    for prefix in ('+86', '0086'):
        if value.startswith(prefix):
            value = value[len(prefix):]
    if len(value) == 13 and value.startswith('86'):
        value = value[2:]
    return value


def schedule_activity(record, type_xmlid, user, summary, deadline):
    """Create (as superuser) a mail.activity of type ``type_xmlid`` on ``record``
    for ``user``, due on ``deadline`` (a date or a date string)."""
    env = record.env
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


def is_valid_mobile(value):
    """True when ``value`` (normalized) is an 11-digit mainland mobile number."""
    return bool(value and MOBILE_RE.match(value))


def check_mobile_field(self, field):
    """Constraint helper: refuse a record of ``self`` whose ``field`` is set
    but is not an 11-digit mainland mobile number."""
    for record in self.sudo():
        if record[field] and not is_valid_mobile(record[field]):
            raise ValidationError(_('The mobile number "%s" of "%s" is not a valid 11-digit '
                                    'mainland mobile number.')
                                  % (record[field], record.display_name))


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

CADENCE_STATES = [
    ('met', 'Met'),
    ('behind', 'Behind'),
]
