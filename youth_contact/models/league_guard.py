# -*- coding: utf-8 -*-
"""Server-side permission for the writes that no client may make.

A client sets the whole context of its calls (web client, XML-RPC, JSON-RPC),
so a context *key* can never open a guard: a caller would simply send it.
The writes that only the server may make (workflow transitions, the results
of a computation, the figures recorded on closing, a rating given by a youth
on their page) run in an environment marked with a module-private object.
Its value cannot be sent by a client (RPC contexts hold marshalled data only:
strings, numbers, lists, dicts) and it is compared by identity, so the mark
cannot be forged.  Public (RPC-callable) methods never hand such an
environment back to the client.

Usage::

    from .league_guard import server_side, is_server_side
    server_side(records).write({'state': 'approved'})    # inside an action_*
    if not is_server_side(self): raise UserError(...)   # inside write()
"""

_SERVER = object()
_KEY = 'league_server_side'


def server_side(records):
    """``records`` in an environment allowed to make the guarded writes."""
    return records.with_context(**{_KEY: _SERVER})


def is_server_side(records):
    """Whether ``records`` come from :func:`server_side` (never from a client)."""
    return records.env.context.get(_KEY) is _SERVER
