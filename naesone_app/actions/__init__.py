"""Actions: one function per thing a resident, an officer or a job does.

Each takes who is acting and what they asked for and, in one transaction, checks they may (rules in
core), changes the data (db), writes the audit row and records the notice. States, the CLI and the jobs
call these; only actions (and the deliverer) may use `integrations`.
"""

from __future__ import annotations

from naesone_app.core.actor import Actor
from naesone_app.db.account_models import Account
from naesone_app.integrations.http import OutboundError

__all__ = [
    "OutboundError",
    "actor_of",
]  # OutboundError: what every outbound call raises; entry points catch it


def actor_of(account: Account) -> Actor:
    """The actor a signed-in account is (states find the account: "who is asking")."""
    return Actor(int(account.id or 0), account.role, account.department or "",
                 must_change_password=bool(account.must_change_password))  # fmt: skip
