"""Push subscriptions, and the reminders sent before the outbox: the queries the opt-in handlers, the
deliverer and the reminder job need.

Every function takes the session it works in and every query that a resident can trigger is scoped to
their account id, so a handler can only ever touch the signed-in resident's own rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func
from sqlmodel import Session, select

from naesone_app.core.i18n import DEFAULT_LOCALE, LOCALES
from naesone_app.core.reminders import Subscription, kinds_json, parse_kinds
from naesone_app.db.account_models import SeenMatch
from naesone_app.db.push_models import PushSubscription, SentReminder


def subscribe(
    session: Session, account_id: int, subscription: Subscription, locale: str, kinds: Iterable[str]
) -> PushSubscription:
    """Store (or refresh) this browser's subscription for the account.

    An endpoint already stored for another account is taken over: the endpoint is a secret only that
    browser knows, so whoever hands it in is signed in on that browser now (a shared device changing
    hands), and the previous owner's reminders must stop arriving there.
    """
    row = session.exec(
        select(PushSubscription).where(PushSubscription.endpoint == subscription.endpoint)
    ).first()
    if row is None:
        row = PushSubscription(account_id=account_id, endpoint=subscription.endpoint, p256dh="", auth="")
    row.account_id = account_id
    row.p256dh, row.auth = subscription.p256dh, subscription.auth
    row.locale = locale if locale in LOCALES else DEFAULT_LOCALE
    row.kinds = kinds_json(kinds)
    session.add(row)
    session.flush()
    return row


def unsubscribe(session: Session, account_id: int, endpoint: str) -> bool:
    """Forget one of the account's browsers; False if the account has no such endpoint."""
    result = session.exec(
        delete(PushSubscription).where(
            PushSubscription.account_id == account_id, PushSubscription.endpoint == endpoint
        )
    )
    return bool(result.rowcount)


def forget_endpoint(session: Session, endpoint: str) -> None:
    """Delete an endpoint the push service reported gone (404/410), whoever it belonged to."""
    session.exec(delete(PushSubscription).where(PushSubscription.endpoint == endpoint))


def unsubscribe_all(session: Session, account_id: int) -> int:
    """Forget every browser of the account (the notifications consent was withdrawn)."""
    result = session.exec(delete(PushSubscription).where(PushSubscription.account_id == account_id))
    return result.rowcount or 0


def set_kinds(session: Session, account_id: int, kinds: Iterable[str]) -> int:
    """Set the opted-in kinds on every browser of the account; returns how many browsers."""
    stored = kinds_json(kinds)
    rows = subscriptions_of(session, account_id)
    for row in rows:
        row.kinds = stored
        session.add(row)
    return len(rows)


def subscriptions_of(session: Session, account_id: int) -> list[PushSubscription]:
    return list(
        session.exec(
            select(PushSubscription)
            .where(PushSubscription.account_id == account_id)
            .order_by(PushSubscription.id)
        )
    )


def row_kinds(row: PushSubscription) -> tuple[str, ...]:
    """The stored kinds of a subscription (an unreadable value counts as none, never as all)."""
    try:
        return parse_kinds(row.kinds)
    except ValueError:
        return ()


def subscribed_accounts(session: Session) -> list[int]:
    """Every account with at least one subscription, in id order (the job's work list)."""
    return list(
        session.exec(select(PushSubscription.account_id).distinct().order_by(PushSubscription.account_id))
    )


def sent_keys(session: Session, account_id: int, keys: Iterable[str]) -> set[str]:
    """Which of `keys` were sent to the account before the outbox (`sent_reminder`, kept so that a
    deadline or new match told then is not told again)."""
    keys = list(keys)
    if not keys:
        return set()
    rows = session.exec(
        select(SentReminder.dedupe_key).where(
            SentReminder.account_id == account_id, SentReminder.dedupe_key.in_(keys)
        )
    )
    return set(rows)


def sent_reminders(session: Session, account_id: int) -> list[SentReminder]:
    return list(
        session.exec(
            select(SentReminder).where(SentReminder.account_id == account_id).order_by(SentReminder.id)
        )
    )


def has_seen_matches(session: Session, account_id: int) -> bool:
    """Whether "new for you" has a baseline yet (see db.resident_data.note_matches)."""
    count = session.exec(select(func.count(SeenMatch.id)).where(SeenMatch.account_id == account_id)).one()
    return bool(count)
