"""The resident's identity (name, 생년월일, address/동, phone): read and saved by the resident alone.

Staff read it only inside the audited read of a case (actions.applications.review_application); no
one but the resident changes it, so a saved identity is what the resident said, in their own words.
"""

from __future__ import annotations

from naesone_app.core.actor import Actor, NotAllowed, require_account
from naesone_app.core.identity import Identity
from naesone_app.db.audit import audit
from naesone_app.db.engine import transaction
from naesone_app.db.identity import load_identity, save_identity


def my_identity(actor: Actor) -> Identity | None:
    """The acting resident's identity, or None when they have not given it yet."""
    account_id = require_account(actor)
    with transaction() as session:
        return load_identity(session, account_id)


def save_my_identity(actor: Actor, account_id: int, identity: Identity) -> None:
    """Store the identity of `account_id`, which must be the acting resident's own account (`NotAllowed`
    otherwise: neither another resident nor staff write someone's identity). Audited."""
    if require_account(actor) != account_id:
        raise NotAllowed("a resident saves only their own identity")
    with transaction() as session:
        save_identity(session, account_id, identity)
        audit(session, account_id, "identity.saved", account_id)
