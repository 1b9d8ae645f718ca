"""Reminders: what is due, quiet hours, de-duplication keys, the words in each locale, subscriptions, VAPID."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from naesone_app.core.criteria import MET
from naesone_app.core.dates import KST
from naesone_app.core.i18n import Message
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.reminders import (
    KINDS,
    Reminder,
    SubscriptionError,
    due_reminders,
    is_quiet,
    kinds_json,
    new_matches,
    parse_kinds,
    parse_subscription,
    render_notification,
)  # fmt: skip
from naesone_app.core.screening import compile_catalog
from naesone_app.integrations import webpush

TODAY = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=KST)


def _program(key: str, closes: date | None = None) -> Program:
    texts = {"ko": ProgramText(title=f"{key} 지원"), "en": ProgramText(title=f"{key} grant")}
    return replace(Program("native", key, texts), closes_on=closes)


CATALOG = compile_catalog([
    _program("today", TODAY),
    _program("tomorrow", TODAY + timedelta(days=1)),
    _program("week", TODAY + timedelta(days=7)),
    _program("eight-days", TODAY + timedelta(days=8)),
    _program("closed", TODAY - timedelta(days=1)),
    _program("unsaved", TODAY + timedelta(days=2)),
    _program("fresh"),
])  # fmt: skip
SAVED = ["native:today", "native:tomorrow", "native:week", "native:eight-days", "native:closed"]


BY_KEY = {p.key: p for p in CATALOG.programs}


def _due(
    kinds: list[str], first_seen: dict | None = None, pending: list[Reminder] | None = None
) -> list[Reminder]:
    """What is due for a resident with no profile yet (every programme here is open to all)."""
    facts = facts_on(parse_profile({}), TODAY)
    matching = [p for p, code in zip(CATALOG.programs, CATALOG.statuses(facts), strict=True) if code == MET]
    new = new_matches(matching, first_seen or {}, NOW.astimezone(UTC))
    return due_reminders(kinds, TODAY, saved=[BY_KEY[k] for k in SAVED], new=new, pending=pending or [])


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _browser_subscription(
    endpoint: str = "https://fcm.googleapis.com/fcm/send/abc",
) -> tuple[dict, ec.EllipticCurvePrivateKey, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    auth = os.urandom(16)
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return (
        {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": _b64(point), "auth": _b64(auth)}},
        key,
        auth,
    )


# --- what is due -----------------------------------------------------------------------------------


def test_deadlines_of_saved_programmes_within_seven_days_each_with_its_key() -> None:
    due = _due(["deadline"])
    assert [r.dedupe_key for r in due] == [
        "deadline:native:today:2026-12-02",
        "deadline:native:tomorrow:2026-12-03",
        "deadline:native:week:2026-12-09",
    ]  # 8 days ahead, already closed and unsaved programmes are not reminded
    assert {r.kind for r in due} == {"deadline"}


def test_new_matches_only_when_opted_in() -> None:
    first_seen = {
        "native:fresh": NOW.astimezone(UTC) - timedelta(days=1),
        "native:unsaved": NOW.astimezone(UTC) - timedelta(days=15),  # matched too long ago to be news
    }
    assert [r.dedupe_key for r in _due(["new_match"], first_seen)] == ["new_match:native:fresh"]
    assert [r.kind for r in _due(["deadline"], first_seen)] == ["deadline"] * 3
    assert _due([], first_seen) == []


def test_kinds_from_issue_6_pass_through_only_when_chosen() -> None:
    opening = Reminder("class_opening", "class_opening:42", Message("강좌"), Message("접수 시작"), "/classes")
    assert _due(["class_opening"], pending=[opening]) == [opening]
    assert _due(["deadline"], pending=[opening])[-1].kind == "deadline"


def test_kinds_are_checked_and_stored_in_order() -> None:
    assert parse_kinds(["new_match", "deadline", "new_match"]) == ("deadline", "new_match")
    assert parse_kinds(kinds_json(KINDS)) == KINDS
    with pytest.raises(ValueError, match="unknown kind"):
        parse_kinds(["deadline", "spam"])
    with pytest.raises(ValueError):
        parse_kinds("not json")


# --- quiet hours -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "quiet"),
    [
        (21, 59, False),
        (22, 0, True),
        (23, 30, True),
        (0, 0, True),
        (7, 59, True),
        (8, 0, False),
        (12, 0, False),
    ],
)
def test_quiet_from_ten_at_night_to_eight_in_the_morning_seoul_time(
    hour: int, minute: int, quiet: bool
) -> None:
    assert is_quiet(datetime(2026, 12, 2, hour, minute, tzinfo=KST)) is quiet


def test_quiet_hours_are_seoul_hours_whatever_the_clock_zone() -> None:
    assert is_quiet(datetime(2026, 12, 2, 13, 0, tzinfo=UTC))  # 22:00 in Seoul
    assert not is_quiet(datetime(2026, 12, 2, 23, 0, tzinfo=UTC))  # 08:00 in Seoul
    with pytest.raises(ValueError):
        is_quiet(datetime(2026, 12, 2, 12, 0))


# --- the words -------------------------------------------------------------------------------------


def test_notification_in_the_subscribers_locale() -> None:
    today, _, week = _due(["deadline"])
    ko = render_notification(week, "ko")
    assert ko.title == "신청 마감이 다가와요"
    assert ko.body == "week 지원: 2026. 12. 9.에 신청이 마감돼요 (7일 남음)."
    assert ko.url == "/program?id=native:week"
    en = render_notification(week, "en")
    assert en.title == "An application deadline is coming up"
    assert en.body == "week grant: applications close on Dec 9, 2026 (7 days left)."
    assert en.url == "/en/program?id=native:week" and en.tag == week.dedupe_key
    assert render_notification(today, "en").body == "today grant: applications close today."
    payload = json.loads(en.payload())
    assert payload == {"title": en.title, "body": en.body, "url": en.url, "tag": en.tag, "lang": "en"}


# --- subscriptions ----------------------------------------------------------------------------------


def test_a_browser_subscription_is_accepted() -> None:
    data, _, _ = _browser_subscription()
    parsed = parse_subscription(data)
    assert parsed.endpoint == data["endpoint"] and parsed.as_webpush()["keys"] == data["keys"]


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/abc",  # not https
        "https://user:pw@push.example/abc",  # credentials
        "https://10.0.0.5/push",  # private address
        "https://169.254.169.254/latest/meta-data",  # link-local (cloud metadata)
        "https://localhost/push",
        "http://127.0.0.1:9/push",  # loopback, not allowed by default
        "ftp://push.example/abc",
        "https://push.example/" + "a" * 1000,
    ],
)
def test_endpoints_the_server_must_not_post_to_are_refused(endpoint: str) -> None:
    data, _, _ = _browser_subscription(endpoint)
    with pytest.raises(SubscriptionError):
        parse_subscription(data)


def test_loopback_only_where_allowed() -> None:
    data, _, _ = _browser_subscription("http://127.0.0.1:8123/push/1")
    assert parse_subscription(data, allow_loopback=True).endpoint.startswith("http://127.0.0.1:8123/")
    data["endpoint"] = "http://127.0.0.2:8123/push/1"
    with pytest.raises(SubscriptionError):
        parse_subscription(data, allow_loopback=True)


@pytest.mark.parametrize(
    ("p256dh", "auth"),
    [
        (_b64(b"\x04" + b"1" * 63), _b64(b"a" * 16)),  # point too short
        (_b64(b"\x02" + b"1" * 64), _b64(b"a" * 16)),  # not uncompressed
        (_b64(b"\x04" + b"1" * 64), _b64(b"a" * 15)),  # auth secret too short
        ("not base64!", _b64(b"a" * 16)),
        (None, _b64(b"a" * 16)),
    ],
)
def test_keys_must_have_a_browsers_sizes(p256dh, auth) -> None:
    with pytest.raises(SubscriptionError):
        parse_subscription({"endpoint": "https://push.example/a", "keys": {"p256dh": p256dh, "auth": auth}})


# --- VAPID keys and encryption -------------------------------------------------------------------------


def test_generated_keys_load_as_raw_and_as_pem() -> None:
    private, public = webpush.generate_keys()
    env = {
        webpush.ENV_PRIVATE: private,
        webpush.ENV_PUBLIC: public,
        webpush.ENV_SUBJECT: "mailto:push@junggu.example",
    }
    keys = webpush.VapidKeys.from_env(env)
    assert keys is not None and keys.public_key == public
    pem = keys.private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    from_pem = webpush.VapidKeys.from_env({**env, webpush.ENV_PRIVATE: pem.replace("\n", "\\n")})
    assert from_pem is not None and from_pem.public_key == public
    assert webpush.VapidKeys.from_env({}) is None


def test_misconfiguration_names_the_variable() -> None:
    private, _ = webpush.generate_keys()
    _, other_public = webpush.generate_keys()
    subject = {webpush.ENV_SUBJECT: "mailto:push@junggu.example"}
    with pytest.raises(webpush.PushConfigError, match=webpush.ENV_PUBLIC):
        webpush.VapidKeys.from_env(
            {webpush.ENV_PRIVATE: private, webpush.ENV_PUBLIC: other_public, **subject}
        )
    with pytest.raises(webpush.PushConfigError, match=webpush.ENV_SUBJECT):
        webpush.VapidKeys.from_env({webpush.ENV_PRIVATE: private})
    with pytest.raises(webpush.PushConfigError, match=webpush.ENV_PRIVATE):
        webpush.VapidKeys.from_env({webpush.ENV_PRIVATE: "c2hvcnQ", **subject})


def test_the_body_decrypts_with_the_browsers_private_key_and_auth_secret() -> None:
    data, key, auth = _browser_subscription()
    body = webpush.encrypt(data, b'{"title":"hi"}')
    assert http_ece.decrypt(body, private_key=key, auth_secret=auth, version="aes128gcm") == b'{"title":"hi"}'


def test_class_notices_say_what_to_do_by_when_and_a_held_seat_goes_first() -> None:
    from naesone_app.core.reminders import class_update_reminder

    course = {"ko": "요가", "en": "Yoga"}
    until = datetime(2026, 3, 17, 10, 0, tzinfo=UTC)  # 19:00 in Seoul
    held = class_update_reminder(7, "held", course, until=until)
    assert (held.kind, held.dedupe_key, held.path, held.urgent) == (
        "class_update",
        "class_update:7:held",
        "/my-classes",
        True,
    )
    assert (
        render_notification(held, "ko").body
        == "요가: 2026. 3. 17. 19:00까지 '내 강좌'에서 자리를 확정해야 내 자리가 돼요."
    )
    assert render_notification(held, "en").url == "/en/my-classes"
    waitlisted = class_update_reminder(8, "lottery_waitlisted", course, position=3)
    assert render_notification(waitlisted, "en").body == (
        "Yoga: you are number 3 on the waiting list. We will tell you as soon as a seat frees up."
    )
    assert not waitlisted.urgent
    closed_free = class_update_reminder(9, "course_cancelled", course, amount_krw=0)
    assert "돌려받을 금액은 없어요" in render_notification(closed_free, "ko").body
    won_free = class_update_reminder(10, "lottery_won", course, amount_krw=0)
    assert render_notification(won_free, "ko").body == "요가: 당첨돼 수강이 확정됐어요."
    with pytest.raises(ValueError, match="unknown class notice kind"):
        class_update_reminder(11, "opening", course)
    assert _due(["class_update"], pending=[waitlisted, held]) == [held, waitlisted]
    assert held not in _due(["deadline", "new_match"], pending=[held])  # switched off: not sent
