"""Who may read or change an application, and the errors every application function raises.

An application's personal data is for its owner, staff of the responsible department, or an admin.
Anyone else gets `NotFound` — the same answer as for an id that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from naesone_app.core.actor import may_review
from naesone_app.core.i18n import Message
from naesone_app.db.account_models import Account
from naesone_app.db.application_models import (
    Application,
)  # fmt: skip
from naesone_app.security.crypto import seal, unseal


class NotFound(LookupError):
    """No such record for the account asking (it may exist but belong to someone else)."""


class Forbidden(PermissionError):
    """The account asking may not do this (e.g. a resident changing a status)."""


class ApplicationInvalid(ValueError):
    """Answers that cannot be submitted or saved; `errors` maps field names to Messages."""

    def __init__(self, errors: Mapping[str, Message]) -> None:
        super().__init__(", ".join(sorted(errors)))
        self.errors = dict(errors)


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """What a page says of an application without its answers (usable after the session is closed)."""

    id: int
    program_key: str
    status: str
    receipt_no: str
    submitted_at: datetime

    @classmethod
    def of(cls, application: Application) -> ApplicationSummary:
        return cls(int(application.id or 0), application.program_key, application.status,
                   application.receipt_no or "", application.submitted_at)  # fmt: skip


class AlreadyApplied(ValueError):
    """The resident already has an active application for this programme (see core ACTIVE_STATUSES);
    `application` summarises that one, so the page can show it instead of a blank form."""

    def __init__(self, application: Application) -> None:
        super().__init__(f"application {application.id} for {application.program_key} is still active")
        self.application = ApplicationSummary.of(application)


class EvidenceConsentMissing(PermissionError):
    """No active consent covers importing this document kind from this provider; `reason` says whether the
    one that did was `withdrawn` or has `expired` (or `none` ever did), so the page can say which."""

    def __init__(self, message: str, reason: str = "none") -> None:
        super().__init__(message)
        self.reason = reason


def utc_now() -> datetime:
    return datetime.now(UTC)


def _seal_json(value: Any) -> str:
    return seal(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _unseal_json(value: str) -> Any:
    return json.loads(unseal(value))


def _account(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound("account")
    return account


def _is_reviewer(account: Account, department: str) -> bool:
    """core.actor's reviewing rule; a disabled account, or one on a temporary password, reviews nothing."""
    usable = account.disabled_at is None and not account.must_change_password
    return usable and may_review(account.role, account.department, department)


def _readable(session: Session, requester_id: int, application_id: int) -> tuple[Account, Application]:
    requester = _account(session, requester_id)
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("application")
    if application.account_id != requester_id and not _is_reviewer(requester, application.department):
        raise NotFound("application")
    return requester, application
