"""The resident reads their notices (알림): the inbox, marked read once shown."""

from __future__ import annotations

from naesone_app.core.actor import Actor, require_account
from naesone_app.db.engine import transaction
from naesone_app.db.notices import InboxNotice, inbox, mark_read


def read_inbox(actor: Actor) -> list[InboxNotice]:
    """The resident's notices, newest first, as they were before this read; all are read after it."""
    account_id = require_account(actor)
    with transaction() as session:
        shown = inbox(session, account_id)
        mark_read(session, account_id)
        return shown
