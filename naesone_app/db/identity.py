"""The resident's identity (core.identity), stored encrypted like the profile.

Staff read it only through a case of their department (actions check that; the read is audited there);
the functions here take the caller's session so a save is part of the action's one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, select

from naesone_app.core.identity import Identity
from naesone_app.db.account_models import ResidentIdentity
from naesone_app.db.accounts import utc_now
from naesone_app.security.crypto import seal, unseal


def _decode(ciphertext: str) -> Identity:
    data = json.loads(unseal(ciphertext))
    born = data.get("birth_date")
    return Identity(
        name=data.get("name", ""),
        birth_date=date.fromisoformat(born) if born else None,
        address=data.get("address", ""),
        dong=data.get("dong", ""),
        phone=data.get("phone", ""),
    )


def save_identity(session: Session, account_id: int, identity: Identity) -> None:
    """Store (or replace) the resident's identity, encrypted; the caller has validated it."""
    row = session.get(ResidentIdentity, account_id) or ResidentIdentity(account_id=account_id, ciphertext="")
    row.ciphertext = seal(json.dumps(identity.as_dict(), ensure_ascii=False, sort_keys=True))
    row.updated_at = utc_now()
    session.add(row)


def load_identity(session: Session, account_id: int) -> Identity | None:
    """The resident's identity, or None when they have not given it yet."""
    row = session.get(ResidentIdentity, account_id)
    return _decode(row.ciphertext) if row else None


def identities(session: Session, account_ids: Iterable[int]) -> dict[int, Identity]:
    """The identities of these accounts (those who gave one), for a queue page or an export."""
    wanted = sorted(set(account_ids))
    if not wanted:
        return {}
    rows = session.exec(select(ResidentIdentity).where(ResidentIdentity.account_id.in_(wanted))).all()
    return {row.account_id: _decode(row.ciphertext) for row in rows}


def reseal_identities(session: Session, reseal) -> int:
    """Re-encrypt every identity under the newest key (key rotation); returns how many."""
    rows = session.exec(select(ResidentIdentity)).all()
    for row in rows:
        row.ciphertext = reseal(row.ciphertext)
        session.add(row)
    return len(rows)
