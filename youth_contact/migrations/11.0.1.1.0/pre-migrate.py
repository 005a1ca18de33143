# -*- coding: utf-8 -*-
"""The youth voice kind of the concerns (``league.concern.voice_kind``).

For a while (issue 16) the kinds of a concern held 'opinion' and 'idea' beside
'suggestion', which the data contract of SPEC.md does not allow: the kinds are
confusion, difficulty and suggestion (意见建议), and what an opinion or
suggestion is (a suggestion 建议, an opinion 意见 or an idea 想法) is its youth
voice kind.  Before the module is loaded: the column, an 'opinion' or 'idea'
kind becomes an opinion or suggestion of that youth voice kind, the other
opinions and suggestions are suggestions (the default), and the other kinds
have none.  (Added here, the column is not filled with the field's default by
the ORM.)
"""
import logging

_logger = logging.getLogger(__name__)

VOICE_KIND_OF = 'suggestion'
FORMER_KINDS = ('opinion', 'idea')
DEFAULT_VOICE_KIND = 'suggestion'


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE league_concern ADD COLUMN IF NOT EXISTS voice_kind varchar")
    cr.execute("""UPDATE league_concern SET voice_kind = kind, kind = %s
                   WHERE kind IN %s""", (VOICE_KIND_OF, FORMER_KINDS))
    moved = cr.rowcount
    cr.execute("""UPDATE league_concern SET voice_kind = %s
                   WHERE kind = %s AND voice_kind IS NULL""", (DEFAULT_VOICE_KIND, VOICE_KIND_OF))
    cr.execute("""UPDATE league_concern SET voice_kind = NULL
                   WHERE kind != %s AND voice_kind IS NOT NULL""", (VOICE_KIND_OF,))
    _logger.info('league.concern: %d opinions and ideas became opinions and suggestions of '
                 'that youth voice kind', moved)
