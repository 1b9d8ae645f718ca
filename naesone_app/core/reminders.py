"""Reminders by web push: which are due for one resident, when they may go out, and their words.

Pure: the producers (the reminder job `naesone reminders send` in actions/reminders.py, the class
operations, staff decisions) gather the facts and record what this module words as notices in the
outbox (db/notices.py); the deliverer (naesone_app/delivery.py) sends them. A resident opts in per kind:

- ``deadline``: a saved programme closes within 7 days (once per programme and closing date, so a
  moved deadline is announced again);
- ``new_match``: a programme newly matches the stored profile — the feed's "new for you" (once per
  programme);
- ``application_result``: staff changed the status of one of the resident's applications (recorded by
  the decision, actions/application_notices.py);
- ``class_update``: something happened to one of the resident's class registrations — a seat is held
  for them (the most urgent: it lapses), a lottery result, 폐강 with the refund, a payment deadline near
  (recorded by the class operation, db/class_locks.py);
- ``class_opening``: accepted and stored so that a resident's choice is kept; its producer (자치회관
  class registration) hands its reminders to `due_reminders(..., pending=...)`.

Nothing is sent at night (22:00–08:00 KST): a notice due then waits in the outbox for the first
delivery after 08:00.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from naesone_app.core.dates import KST
from naesone_app.core.feed import NEW_FOR
from naesone_app.core.i18n import DEFAULT_LOCALE, LOCALES, N_, Message, Moment, Won, render
from naesone_app.core.program import Program

KINDS = ("deadline", "new_match", "class_opening", "application_result", "class_update")
DEFAULT_KINDS = ("deadline", "new_match", "application_result", "class_update")
KIND_LABELS = {
    "deadline": N_("저장한 혜택의 신청 마감 (마감 7일 전부터)"),
    "new_match": N_("새로 조건에 맞는 혜택"),
    "class_opening": N_("자치회관 강좌 접수 시작"),
    "application_result": N_("신청 결과"),
    "class_update": N_("내 자치회관 강좌 소식 (자리 확보, 추첨 결과, 폐강, 납부 기한)"),
}
# kinds a resident can choose already, though nothing produces them before issue 6 (the page says so)
PENDING_KINDS = frozenset({"class_opening"})
DEADLINE_WITHIN = timedelta(days=7)
QUIET_FROM = time(22, 0)
QUIET_UNTIL = time(8, 0)

MAX_ENDPOINT = 1000
MAX_DEDUPE_KEY = 200
P256DH_BYTES = 65  # an uncompressed P-256 point: 0x04 ‖ X ‖ Y
AUTH_BYTES = 16
_B64URL = re.compile(r"^[A-Za-z0-9_-]+={0,2}$")

DEADLINE_TITLE = Message(N_("신청 마감이 다가와요"))
NEW_MATCH_TITLE = Message(N_("새로 받을 수 있는 혜택이 있어요"))
RESULT_TITLE = Message(N_("신청 상태가 바뀌었어요"))


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder for one resident: its kind, the key that makes it go out once, and its words.

    `program`, when set, supplies `{program}` in the messages in the reader's locale (programme titles
    are data with their own translations, not catalogue strings).
    """

    kind: str
    dedupe_key: str
    title: Message
    body: Message
    path: str  # the Korean route (with query); localised when rendered
    program: Program | None = None
    course: Mapping[str, str] | None = None  # {locale: course title}, supplies `{course}`
    urgent: bool = False  # lapses soon (a held seat): asked of the push service as high urgency


@dataclass(frozen=True, slots=True)
class Notification:
    """What the service worker shows: title, body, the page a tap opens, and a tag that collapses repeats."""

    title: str
    body: str
    url: str
    tag: str
    lang: str

    def payload(self) -> bytes:
        """The JSON the service worker's `push` listener reads (encrypted before it leaves the server)."""
        data = {"title": self.title, "body": self.body, "url": self.url, "tag": self.tag, "lang": self.lang}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Subscription:
    """A browser's push subscription (PushSubscription.toJSON()), checked."""

    endpoint: str
    p256dh: str
    auth: str

    def as_webpush(self) -> dict[str, Any]:
        """The shape pywebpush's WebPusher expects."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class SubscriptionError(ValueError):
    """A subscription that cannot be used; the message (English, for logs and tests) says why."""


# --- kinds ---------------------------------------------------------------------------------------


def parse_kinds(value: Any) -> tuple[str, ...]:
    """Opted-in kinds from a list (a handler's argument) or its JSON text (the stored column).

    Unknown kinds are refused rather than dropped, so a stale or forged page cannot store nonsense.
    """
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise ValueError("kinds: not JSON") from None
    if not isinstance(value, list | tuple) or len(value) > len(KINDS) * 2:
        raise ValueError("kinds: expected a short list")
    for kind in value:
        if kind not in KINDS:
            raise ValueError(f"kinds: unknown kind {str(kind)[:40]!r}; known: {', '.join(KINDS)}")
    return tuple(k for k in KINDS if k in value)


def kinds_json(kinds: Iterable[str]) -> str:
    """The stored form of opted-in kinds (always in KINDS order)."""
    return json.dumps(list(parse_kinds(list(kinds))))


# --- time ----------------------------------------------------------------------------------------


def is_quiet(now: datetime) -> bool:
    """True from 22:00 to 08:00 in Seoul: no push may wake a resident then."""
    if now.tzinfo is None:
        raise ValueError("is_quiet needs an aware datetime")
    clock = now.astimezone(KST).time()
    return clock >= QUIET_FROM or clock < QUIET_UNTIL


def seoul_date(now: datetime) -> date:
    """The day in Seoul at `now` (deadlines are Seoul days)."""
    if now.tzinfo is None:
        raise ValueError("seoul_date needs an aware datetime")
    return now.astimezone(KST).date()


# --- what is due ----------------------------------------------------------------------------------


def program_path(program: Program) -> str:
    """The programme's page (Korean route)."""
    return "/program?id=" + quote(program.key, safe=":")


def deadline_reminder(program: Program, today: date) -> Reminder | None:
    """A reminder that a (saved) programme closes within 7 days, or None if it does not."""
    closes = program.closes_on
    if closes is None or not today <= closes <= today + DEADLINE_WITHIN:
        return None
    days = (closes - today).days
    if days == 0:
        body = Message(N_("{program}: 오늘 신청이 마감돼요."))
    elif days == 1:
        body = Message(N_("{program}: 내일 신청이 마감돼요."))
    else:
        body = Message(
            N_("{program}: {date}에 신청이 마감돼요 ({days}일 남음)."), {"date": closes, "days": days}
        )
    key = f"deadline:{program.key}:{closes.isoformat()}"
    return Reminder("deadline", key, DEADLINE_TITLE, body, program_path(program), program)


def new_match_reminder(program: Program) -> Reminder:
    """A reminder that a programme now matches the resident's stored profile."""
    body = Message(N_("{program}: 이제 조건에 맞아요. 받을 수 있는지 확인해 보세요."))
    return Reminder(
        "new_match", f"new_match:{program.key}", NEW_MATCH_TITLE, body, program_path(program), program
    )


def application_result_reminder(
    application_id: int, event_id: int, status_label: Message, program: Program | None
) -> Reminder:
    """A reminder that staff moved one of the resident's applications on (once per status change)."""
    body = Message(
        N_("{program}: {status}"), {"status": status_label, **({} if program else {"program": ""})}
    )
    return Reminder("application_result", f"application_result:{application_id}:{event_id}", RESULT_TITLE, body,
                    f"/application?id={application_id}", program)  # fmt: skip


CLASS_TITLES = {
    "held": N_("자리가 났어요. 확정해 주세요"),
    "lottery_won": N_("강좌 추첨에 당첨됐어요"),
    "lottery_waitlisted": N_("강좌 추첨 결과를 알려 드려요"),
    "course_cancelled": N_("강좌가 폐강됐어요"),
    "payment_due": N_("수강료 납부 기한이 다가와요"),
}
CLASS_NOTICE_KINDS = tuple(CLASS_TITLES)


def class_notice_key(registration_id: int, kind: str) -> str:
    """The outbox key of a class notice: one per registration and kind (a repeated job run is a no-op)."""
    if kind not in CLASS_TITLES:
        raise ValueError(f"unknown class notice kind {kind!r}")
    return f"class_update:{registration_id}:{kind}"


def class_update_reminder(
    registration_id: int, kind: str, course: Mapping[str, str], *, until: datetime | None = None,
    position: int | None = None, amount_krw: int | None = None,
) -> Reminder:  # fmt: skip
    """A class notice (db/class_locks._notify), worded for what the resident must do next.

    A held seat names the moment it lapses and is urgent; the others say the result and the money.
    """
    when = {"when": Moment(until)} if until is not None else {}
    owed = amount_krw or 0
    if kind == "held":
        body = Message(N_("{course}: {when}까지 '내 강좌'에서 자리를 확정해야 내 자리가 돼요."), when)
    elif kind == "lottery_won" and owed and until is not None:
        body = Message(N_("{course}: 당첨됐어요. {when}까지 수강료 {amount}을 자치회관에 내 주세요."),
                       {**when, "amount": Won(owed)})  # fmt: skip
    elif kind == "lottery_won":
        body = Message(N_("{course}: 당첨돼 수강이 확정됐어요."))
    elif kind == "lottery_waitlisted":
        body = Message(N_("{course}: 대기 {n}번이에요. 자리가 나면 바로 알려 드려요."), {"n": position or 0})
    elif kind == "course_cancelled" and owed:
        body = Message(N_("{course}: 신청 인원이 모자라 폐강됐어요. 낸 돈 {amount}을 모두 돌려 드려요."),
                       {"amount": Won(owed)})  # fmt: skip
    elif kind == "course_cancelled":
        body = Message(N_("{course}: 신청 인원이 모자라 폐강됐어요. 낸 돈이 없어 돌려받을 금액은 없어요."))
    elif kind == "payment_due":
        body = Message(N_("{course}: {when}까지 수강료 {amount}을 자치회관에 내 주세요. 지나면 자리가 다음 대기자에게 넘어가요."),
                       {**when, "amount": Won(owed)})  # fmt: skip
    else:
        raise ValueError(f"unknown class notice kind {kind!r}")
    return Reminder("class_update", class_notice_key(registration_id, kind), Message(CLASS_TITLES[kind]), body,
                    "/my-classes", course=course, urgent=kind == "held")  # fmt: skip


def new_matches(
    matching: Iterable[Program], first_seen: Mapping[str, datetime], now: datetime
) -> list[Program]:
    """The matching programmes first seen matching within the feed's "new for you" window.

    The same rule as core.feed.build_feed, without deciding every criterion of every programme: the job
    runs this for every subscriber, so it only needs the catalogue's fast status pass.
    """
    return [p for p in matching if p.key in first_seen and now - first_seen[p.key] <= NEW_FOR]


def due_reminders(
    kinds: Iterable[str],
    today: date,
    saved: Iterable[Program] = (),
    new: Iterable[Program] = (),
    pending: Iterable[Reminder] = (),
) -> list[Reminder]:
    """Every reminder of the opted-in `kinds` that is due today, each key once.

    `saved` are the resident's saved programmes, `new` the ones newly matching their profile (see
    `new_matches`); `pending` are reminders other producers made (application results, class updates).
    The urgent ones (a held seat lapses) come first.
    """
    wanted = set(parse_kinds(list(kinds)))
    found: list[Reminder] = []
    if "deadline" in wanted:
        soonest = sorted(saved, key=lambda p: p.closes_on or date.max)
        found += [r for r in (deadline_reminder(p, today) for p in soonest) if r is not None]
    if "new_match" in wanted:
        found += [new_match_reminder(p) for p in new]
    found += [r for r in pending if r.kind in wanted]
    seen: set[str] = set()
    unique = []
    for reminder in sorted(found, key=lambda r: not r.urgent):
        if reminder.dedupe_key not in seen and len(reminder.dedupe_key) <= MAX_DEDUPE_KEY:
            seen.add(reminder.dedupe_key)
            unique.append(reminder)
    return unique


def render_notification(reminder: Reminder, locale: str) -> Notification:
    """The notification in the subscriber's locale (the locale stored with the subscription)."""
    locale = locale if locale in LOCALES else DEFAULT_LOCALE
    extra = {"program": reminder.program.text(locale).title} if reminder.program else {}
    if reminder.course:
        extra["course"] = reminder.course.get(locale) or reminder.course.get(DEFAULT_LOCALE, "")
    title = render(Message(reminder.title.msgid, {**reminder.title.params, **extra}), locale)
    body = render(Message(reminder.body.msgid, {**reminder.body.params, **extra}), locale)
    url = reminder.path if locale == DEFAULT_LOCALE else f"/{locale}{reminder.path}"
    return Notification(title, body, url, reminder.dedupe_key, locale)


# --- subscriptions ---------------------------------------------------------------------------------


def _b64url_bytes(value: Any, name: str, size: int) -> str:
    if not isinstance(value, str) or not value or len(value) > 200 or not _B64URL.match(value):
        raise SubscriptionError(f"keys.{name}: not base64url")
    try:
        raw = base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        raise SubscriptionError(f"keys.{name}: not base64url") from None
    if len(raw) != size:
        raise SubscriptionError(f"keys.{name}: {len(raw)} bytes, expected {size}")
    if name == "p256dh" and raw[0] != 0x04:
        raise SubscriptionError("keys.p256dh: not an uncompressed P-256 point")
    return value.rstrip("=")


def _check_endpoint(endpoint: Any, allow_loopback: bool) -> str:
    """https to a public host; http://127.0.0.1 only where loopback is allowed (tests, development).

    The server POSTs to whatever endpoint a resident hands in, so an endpoint is a request the server
    makes on someone's behalf: plain http, credentials in the URL and private addresses are refused.
    """
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > MAX_ENDPOINT:
        raise SubscriptionError(f"endpoint: expected a URL of at most {MAX_ENDPOINT} characters")
    try:
        parts = urlsplit(endpoint)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise SubscriptionError("endpoint: not a URL") from None
    if not host or parts.username is not None or parts.password is not None or parts.fragment:
        raise SubscriptionError("endpoint: expected scheme://host/path without credentials")
    if any(ch.isspace() for ch in endpoint):
        raise SubscriptionError("endpoint: contains spaces")
    loopback = host == "127.0.0.1"
    if loopback:
        if not allow_loopback:
            raise SubscriptionError("endpoint: loopback endpoints are not allowed on this server")
        if parts.scheme not in ("http", "https"):
            raise SubscriptionError("endpoint: expected http or https")
        return endpoint
    if parts.scheme != "https":
        raise SubscriptionError("endpoint: expected https")
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        raise SubscriptionError("endpoint: not a public host")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return endpoint
    if not address.is_global:
        raise SubscriptionError("endpoint: not a public address")
    return endpoint


def parse_subscription(data: Any, allow_loopback: bool = False) -> Subscription:
    """A browser's PushSubscription JSON ({endpoint, expirationTime, keys: {p256dh, auth}}), checked."""
    if not isinstance(data, dict) or len(data) > 5:
        raise SubscriptionError("expected {endpoint, keys: {p256dh, auth}}")
    keys = data.get("keys")
    if not isinstance(keys, dict) or len(keys) > 5:
        raise SubscriptionError("keys: expected {p256dh, auth}")
    return Subscription(
        endpoint=_check_endpoint(data.get("endpoint"), allow_loopback),
        p256dh=_b64url_bytes(keys.get("p256dh"), "p256dh", P256DH_BYTES),
        auth=_b64url_bytes(keys.get("auth"), "auth", AUTH_BYTES),
    )


def push_service(endpoint: str) -> str:
    """The push service's host, the only part of an endpoint fit for a log line."""
    try:
        return urlsplit(endpoint).hostname or "?"
    except ValueError:
        return "?"
