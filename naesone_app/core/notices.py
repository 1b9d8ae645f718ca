"""Notices to a resident as data: their words stored as JSON, and shown in the reader's locale.

A notice is recorded (db/notices.py) in the transaction of the change that caused it, long before anyone
reads it, and read in more than one language (each browser's locale for the push, the page's locale in
the inbox). So its title and body are kept as `Message`s — a Korean msgid and typed parameters — and
rendered only when shown. Parameters are typed (Won, Moment, Localized, nested Message…), so they are
stored with a tag naming their type; anything else is refused at recording time, not at reading time.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from naesone_app.core.i18n import (
    DEFAULT_LOCALE,
    LOCALES,
    Listed,
    Localized,
    Message,
    Moment,
    Percent,
    Won,
    render,
)
from naesone_app.core.reminders import KINDS, MAX_DEDUPE_KEY, Notification, Reminder

MAX_URL = 500
RETRY_BASE = timedelta(minutes=5)  # the first retry after a 5xx or a silence; doubled each attempt
RETRY_CAP = timedelta(hours=6)
MAX_ATTEMPTS = 6  # about a day of retries (5 min … 6 h); then the notice stays in the inbox only


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Message):
        return {"$": "message", "msgid": value.msgid, "params": _encode_params(value.params)}
    if isinstance(value, Won):
        return {"$": "won", "amount": value.amount}
    if isinstance(value, Moment):
        return {"$": "moment", "at": value.at.isoformat()}
    if isinstance(value, Percent):
        return {"$": "percent", "value": value.value}
    if isinstance(value, Localized):
        return {"$": "localized", "ko": value.ko, "en": value.en}
    if isinstance(value, Listed):
        return {"$": "listed", "items": [_encode(v) for v in value.items], "style": value.style}
    if isinstance(value, datetime):
        return {"$": "moment", "at": value.isoformat()}
    if isinstance(value, date):
        return {"$": "date", "on": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    raise ValueError(f"notice parameter of type {type(value).__name__} cannot be stored")


def _encode_params(params: dict[str, Any]) -> dict[str, Any]:
    return {str(k): _encode(v) for k, v in params.items()}


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    tag = value.get("$")
    if tag == "message":
        return Message(value["msgid"], {k: _decode(v) for k, v in value.get("params", {}).items()})
    if tag == "won":
        return Won(int(value["amount"]))
    if tag == "moment":
        return Moment(datetime.fromisoformat(value["at"]))
    if tag == "percent":
        return Percent(float(value["value"]))
    if tag == "localized":
        return Localized(value.get("ko", ""), value.get("en", ""))
    if tag == "listed":
        return Listed(tuple(_decode(v) for v in value["items"]), value.get("style", "and"))
    if tag == "date":
        return date.fromisoformat(value["on"])
    raise ValueError(f"stored notice parameter with unknown tag {str(tag)[:20]!r}")


def message_json(message: Message) -> str:
    """The stored form of a notice's title or body."""
    if not isinstance(message, Message):
        raise ValueError(f"a notice's title and body are Messages, not {type(message).__name__}")
    return json.dumps(_encode(message), ensure_ascii=False, separators=(",", ":"))


def message_from_json(text: str) -> Message:
    """A stored title or body back as a Message (ValueError when the text is not one)."""
    try:
        value = _decode(json.loads(text))
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"stored notice text is not a message ({exc.__class__.__name__})") from None
    if not isinstance(value, Message):
        raise ValueError("stored notice text is not a message")
    return value


def check_notice(kind: str, key: str, url: str) -> None:
    """Refuse a notice that could never be delivered or shown; the message names the problem."""
    if kind not in KINDS:
        raise ValueError(f"notice kind {kind!r} unknown; known: {', '.join(KINDS)}")
    if not key or len(key) > MAX_DEDUPE_KEY:
        raise ValueError(f"notice key must be 1 to {MAX_DEDUPE_KEY} characters, got {len(key)}")
    if len(url) > MAX_URL or (url and not url.startswith("/")):
        raise ValueError(f"notice url must be an app path starting with '/' (at most {MAX_URL} characters)")


def localized_url(url: str, locale: str) -> str:
    """The Korean route `url` in the reader's locale (English pages live under /en)."""
    if not url or locale == DEFAULT_LOCALE:
        return url
    return f"/{locale}{url}"


def notification(key: str, title: Message, body: Message, url: str, locale: str) -> Notification:
    """What one browser is sent: the notice in the browser's locale; the key collapses repeats."""
    locale = locale if locale in LOCALES else DEFAULT_LOCALE
    return Notification(render(title, locale), render(body, locale), localized_url(url, locale), key, locale)


def retry_at(attempts: int, now: datetime) -> datetime | None:
    """When to try again after `attempts` failed deliveries (5xx, timeouts); None once it is time to stop."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_CAP)


def reminder_words(reminder: Reminder) -> tuple[Message, Message]:
    """A reminder's title and body with its programme or course title as a parameter, so the stored
    notice reads the same as the reminder would have in every locale."""
    extra: dict[str, Any] = {}
    if reminder.program is not None:
        extra["program"] = Localized(*(reminder.program.text(locale).title for locale in LOCALES))
    if reminder.course:
        ko = reminder.course.get(DEFAULT_LOCALE, "")
        extra["course"] = Localized(ko, reminder.course.get("en", "") or ko)
    title = Message(reminder.title.msgid, {**reminder.title.params, **extra})
    body = Message(reminder.body.msgid, {**reminder.body.params, **extra})
    return title, body
