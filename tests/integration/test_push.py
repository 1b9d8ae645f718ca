"""Push reminders end to end: a browser-shaped subscription, a push-service stand-in on 127.0.0.1, the job.

The "browser" is what a browser holds: a P-256 key pair and a 16-byte auth secret; it subscribes through
the account page's handler with its session cookie, and reads what arrives by decrypting it (http_ece)
like a browser's push stack does. The push service is a real HTTP server that records every request
and answers 201, 410 or 503 as told. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02
from reflex.istate.data import RouterData
from reflex.state import State
from sqlalchemy import text

from naesone_app.api import SESSION_COOKIE
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.reminders import parse_subscription
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.catalog import upsert_programs
from naesone_app.db.engine import engine_for, transaction
from naesone_app.db.personal_data import delete_account, export_account
from naesone_app.db.push import subscribe, subscriptions_of
from naesone_app.db.resident_data import grant_consent, set_saved, withdraw_consent
from naesone_app.integrations import webpush
from naesone_app.state.account import AccountState

PASSWORD = "Sindang-Spring-2026"
SUBJECT = "mailto:push@junggu.example"
CLOSES = date(2026, 12, 5)


# --- the push service and the browser -----------------------------------------------------------------


@dataclass
class Delivery:
    path: str
    headers: dict[str, str]
    body: bytes


class PushService:
    """A push service on 127.0.0.1: records each POST and answers 201 unless told otherwise per path."""

    def __init__(self) -> None:
        self.deliveries: list[Delivery] = []
        self.answers: dict[str, list[int]] = {}
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                service.deliveries.append(
                    Delivery(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                queued = service.answers.get(self.path)
                self.send_response(queued.pop(0) if queued else 201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass
class Browser:
    """What a browser keeps for one push subscription."""

    endpoint: str
    key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self) -> dict:
        """PushSubscription.toJSON(), as the page's script hands it to the handler."""
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": _b64(point), "auth": _b64(self.auth)},
        }

    def read(self, body: bytes) -> dict:
        """Decrypt a push message the way the browser's push stack does."""
        return json.loads(
            http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth, version="aes128gcm")
        )


@pytest.fixture
def push_service() -> Iterator[PushService]:
    service = PushService()
    yield service
    service.close()


@pytest.fixture
def vapid(monkeypatch) -> str:
    """VAPID configured as in production, and loopback endpoints allowed for the stand-in."""
    private, public = webpush.generate_keys()
    monkeypatch.setenv(webpush.ENV_PRIVATE, private)
    monkeypatch.setenv(webpush.ENV_PUBLIC, public)
    monkeypatch.setenv(webpush.ENV_SUBJECT, SUBJECT)
    monkeypatch.setenv(webpush.ENV_ALLOW_LOOPBACK, "1")
    return public


# --- residents, programmes and the page's handlers -----------------------------------------------------


def _program(source_id: str, title_ko: str, title_en: str, closes: date | None = None) -> Program:
    texts = {"ko": ProgramText(title=title_ko), "en": ProgramText(title=title_en)}
    return replace(Program("native", source_id, texts, is_sample=True), closes_on=closes)


def _store(url: str, *programs: Program) -> None:
    with transaction(url) as session:
        upsert_programs(session, list(programs))


def _resident(url: str, login: str, notifications: bool = True) -> tuple[int, str]:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD)
        grant_consent(session, account.id, "account")
        if notifications:
            grant_consent(session, account.id, "notifications")
        return account.id, start_session(session, account.id)


def _page(token: str | None, path: str = "/account") -> AccountState:
    root = State()
    cookie = f"{SESSION_COOKIE}={token}" if token else ""
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": path, "query": {}, "headers": {"cookie": cookie}}
    )
    return root.get_substate(AccountState.get_full_name().split(".")[1:])


def _rows(url: str, table: str) -> list:
    with engine_for(url).connect() as connection:
        return list(connection.execute(text(f"SELECT * FROM {table}")))


def _counts(out: str) -> dict[str, int]:
    """'sent 1, deduplicated 0, …' → {'sent': 1, …}"""
    pairs = (part.strip().rsplit(" ", 1) for part in out.strip().split(","))
    return {name: int(value) for name, value in pairs}


# --- the job ---------------------------------------------------------------------------------------


async def test_the_job_delivers_a_reminder_the_browser_decrypts_once_and_never_at_night(
    database: str, naesone, push_service: PushService, vapid: str
) -> None:
    _store(database, _program("closing-soon", "마감 임박 지원금", "Closing-soon grant", CLOSES))
    account_id, token = _resident(database, "halmoni@example.com")
    with transaction(database) as session:
        set_saved(session, account_id, "native:closing-soon", True)
    browser = Browser(push_service.origin + "/push/halmoni-phone")
    page = _page(token, "/en/account")
    await AccountState.subscribe_push.fn(page, browser.subscription(), ["deadline"])
    assert page.push_notice == "This device now receives reminders."

    night = naesone("reminders", "send", "--now", "2026-12-01T23:00")
    assert night.code == 0, night.err
    assert _counts(night.out)["quiet"] == 1 and _counts(night.out)["sent"] == 0
    assert push_service.deliveries == []  # nothing at 23:00 KST; it waits for the morning

    morning = naesone("reminders", "send", "--now", "2026-12-02T08:30")
    assert morning.code == 0, morning.err
    assert _counts(morning.out) == {"sent": 1, "deduplicated": 0, "quiet": 0, "gone": 0, "failed": 0,
                                    "without consent": 0}  # fmt: skip
    assert "halmoni" not in morning.out + morning.err  # counts only
    [delivery] = push_service.deliveries
    assert delivery.path == "/push/halmoni-phone"
    assert delivery.headers["content-encoding"] == "aes128gcm"
    assert int(delivery.headers["ttl"]) > 0
    assert browser.read(delivery.body) == {
        "title": "An application deadline is coming up",
        "body": "Closing-soon grant: applications close on Dec 5, 2026 (3 days left).",
        "url": "/en/program?id=native:closing-soon",
        "tag": "deadline:native:closing-soon:2026-12-05",
        "lang": "en",
    }
    authorization = delivery.headers["authorization"]
    scheme, params = authorization.split(" ", 1)
    parts = dict(p.split("=", 1) for p in params.split(","))
    assert scheme == "vapid" and parts["k"] == vapid  # RFC 8292: vapid t=<JWT>,k=<public key>
    assert Vapid02.verify(authorization)
    claims = json.loads(base64.urlsafe_b64decode(parts["t"].split(".")[1] + "=="))
    assert claims["aud"] == push_service.origin and claims["sub"] == SUBJECT

    again = naesone("reminders", "send", "--now", "2026-12-02T09:30")
    assert _counts(again.out)["sent"] == 0 and _counts(again.out)["deduplicated"] == 1
    assert len(push_service.deliveries) == 1  # once, however often cron runs


async def test_a_new_match_is_announced_in_the_subscriptions_locale(
    database: str, naesone, push_service: PushService, vapid: str
) -> None:
    _store(database, _program("old", "원래 있던 혜택", "Existing benefit"))
    _account_id, token = _resident(database, "halmoni@example.com")
    browser = Browser(push_service.origin + "/push/ko-phone")
    await AccountState.subscribe_push.fn(_page(token, "/account"), browser.subscription(), ["new_match"])
    first = naesone("reminders", "send", "--now", "2026-12-02T10:00")
    assert _counts(first.out)["sent"] == 0  # what already matched is the baseline, not news
    _store(database, _program("new", "새로 생긴 혜택", "New benefit"))
    second = naesone("reminders", "send", "--now", "2026-12-02T11:00")
    assert _counts(second.out)["sent"] == 1, second.out
    message = browser.read(push_service.deliveries[0].body)
    assert message["title"] == "새로 받을 수 있는 혜택이 있어요"
    assert message["body"].startswith("새로 생긴 혜택: ") and message["url"] == "/program?id=native:new"


async def test_gone_endpoints_are_forgotten_and_the_reminder_waits_for_another_device(
    database: str, naesone, push_service: PushService, vapid: str
) -> None:
    _store(database, _program("closing-soon", "마감 임박 지원금", "Closing-soon grant", CLOSES))
    account_id, token = _resident(database, "halmoni@example.com")
    with transaction(database) as session:
        set_saved(session, account_id, "native:closing-soon", True)
    browser = Browser(push_service.origin + "/push/old-phone")
    await AccountState.subscribe_push.fn(_page(token), browser.subscription(), ["deadline"])
    push_service.answers["/push/old-phone"] = [410]
    run = naesone("reminders", "send", "--now", "2026-12-02T09:00")
    assert _counts(run.out)["gone"] == 1 and _counts(run.out)["sent"] == 0
    assert _rows(database, "push_subscription") == []
    assert _rows(database, "sent_reminder") == []  # not delivered anywhere: not recorded as sent
    new_phone = Browser(push_service.origin + "/push/new-phone")
    await AccountState.subscribe_push.fn(_page(token), new_phone.subscription(), ["deadline"])
    later = naesone("reminders", "send", "--now", "2026-12-02T10:00")
    assert _counts(later.out)["sent"] == 1
    assert (
        new_phone.read(push_service.deliveries[-1].body)["tag"] == "deadline:native:closing-soon:2026-12-05"
    )


async def test_a_busy_push_service_is_retried(
    database: str, naesone, push_service: PushService, vapid: str
) -> None:
    _store(database, _program("closing-soon", "마감 임박 지원금", "Closing-soon grant", CLOSES))
    account_id, token = _resident(database, "halmoni@example.com")
    with transaction(database) as session:
        set_saved(session, account_id, "native:closing-soon", True)
    browser = Browser(push_service.origin + "/push/phone")
    await AccountState.subscribe_push.fn(_page(token), browser.subscription(), ["deadline"])
    push_service.answers["/push/phone"] = [503]
    run = naesone("reminders", "send", "--now", "2026-12-02T09:00")
    assert _counts(run.out)["sent"] == 1 and len(push_service.deliveries) == 2
    assert browser.read(push_service.deliveries[1].body)["lang"] == "ko"


async def test_without_the_notifications_consent_nothing_is_sent(
    database: str, naesone, push_service: PushService, vapid: str
) -> None:
    _store(database, _program("closing-soon", "마감 임박 지원금", "Closing-soon grant", CLOSES))
    account_id, token = _resident(database, "halmoni@example.com", notifications=False)
    with transaction(database) as session:
        set_saved(session, account_id, "native:closing-soon", True)
    browser = Browser(push_service.origin + "/push/phone")
    page = _page(token)
    await AccountState.subscribe_push.fn(page, browser.subscription(), ["deadline"])
    assert _rows(database, "push_subscription") == []  # the page refuses without the consent
    assert "동의" in page.push_notice
    with transaction(database) as session:  # a subscription left from before, consent never given
        subscribe(session, account_id, parse_subscription(browser.subscription(), True), "ko", ["deadline"])
    run = naesone("reminders", "send", "--now", "2026-12-02T09:00")
    assert _counts(run.out)["sent"] == 0 and _counts(run.out)["without consent"] == 1
    assert push_service.deliveries == []


async def test_withdrawing_consent_and_deleting_the_account_forget_the_browsers(
    database: str, push_service: PushService, vapid: str
) -> None:
    account_id, token = _resident(database, "halmoni@example.com")
    browser = Browser(push_service.origin + "/push/phone")
    await AccountState.subscribe_push.fn(_page(token), browser.subscription(), ["deadline", "new_match"])
    with transaction(database) as session:
        exported = export_account(session, account_id)
    assert exported["push_subscriptions"][0]["kinds"] == ["deadline", "new_match"]
    assert browser.subscription()["keys"]["auth"] not in json.dumps(exported)  # no keys in the download
    with transaction(database) as session:
        withdraw_consent(session, account_id, "notifications")
    assert _rows(database, "push_subscription") == []
    with transaction(database) as session:
        grant_consent(session, account_id, "notifications")
    await AccountState.subscribe_push.fn(_page(token), browser.subscription(), ["deadline"])
    with transaction(database) as session:
        session.exec(text("INSERT INTO sent_reminder (account_id, dedupe_key, sent_at) "
                          "VALUES (:a, 'deadline:x', CURRENT_TIMESTAMP)").bindparams(a=account_id))  # fmt: skip
        delete_account(session, account_id)
    assert _rows(database, "push_subscription") == [] and _rows(database, "sent_reminder") == []


# --- the handlers only ever work for the signed-in resident -------------------------------------------------


async def test_handlers_only_touch_the_signed_in_residents_own_subscriptions(
    database: str, push_service: PushService, vapid: str
) -> None:
    halmoni_id, halmoni_token = _resident(database, "halmoni@example.com")
    neighbour_id, neighbour_token = _resident(database, "neighbour@example.com")
    phone = Browser(push_service.origin + "/push/halmoni-phone")
    await AccountState.subscribe_push.fn(_page(halmoni_token), phone.subscription(), ["deadline"])

    neighbour = _page(neighbour_token)
    forged = {**Browser(push_service.origin + "/push/forged").subscription(), "account_id": halmoni_id}
    await AccountState.subscribe_push.fn(
        neighbour, forged, ["deadline"]
    )  # an account id in the data is ignored
    await AccountState.unsubscribe_push.fn(neighbour, phone.endpoint)  # not theirs: nothing happens
    await AccountState.set_push_kinds.fn(neighbour, ["new_match"])
    assert neighbour.push_notice == "알림 설정을 저장했어요."
    anonymous = _page(None)
    await AccountState.subscribe_push.fn(
        anonymous, Browser(push_service.origin + "/push/anon").subscription(), ["deadline"]
    )
    await AccountState.unsubscribe_push.fn(anonymous, phone.endpoint)
    await AccountState.set_push_kinds.fn(anonymous, [])

    with transaction(database) as session:
        halmonis = subscriptions_of(session, halmoni_id)
        neighbours = subscriptions_of(session, neighbour_id)
    assert [(s.endpoint, s.kinds) for s in halmonis] == [(phone.endpoint, '["deadline"]')]
    assert [(s.endpoint, s.kinds) for s in neighbours] == [(forged["endpoint"], '["new_match"]')]
    assert len(_rows(database, "push_subscription")) == 2

    own = _page(halmoni_token)
    await AccountState.unsubscribe_push.fn(own, phone.endpoint)
    assert own.push_notice == "이 기기의 알림을 껐어요."
    with transaction(database) as session:
        assert subscriptions_of(session, halmoni_id) == []


async def test_endpoints_the_server_must_not_post_to_are_refused(
    database: str, push_service: PushService, vapid: str, monkeypatch
) -> None:
    _account_id, token = _resident(database, "halmoni@example.com")
    page = _page(token)
    for endpoint in ("http://10.0.0.5/push", "https://169.254.169.254/latest", "javascript:alert(1)"):
        await AccountState.subscribe_push.fn(page, Browser(endpoint).subscription(), ["deadline"])
    monkeypatch.delenv(webpush.ENV_ALLOW_LOOPBACK)
    await AccountState.subscribe_push.fn(
        page, Browser(push_service.origin + "/push/x").subscription(), ["deadline"]
    )
    await AccountState.subscribe_push_from_browser.fn(page, {"error": "denied"})
    assert "allow" not in page.push_notice and "허용" in page.push_notice
    assert _rows(database, "push_subscription") == []


def test_the_job_refuses_to_run_without_vapid_keys(database: str, naesone, monkeypatch) -> None:
    monkeypatch.delenv(webpush.ENV_PRIVATE, raising=False)
    run = naesone("reminders", "send")
    assert run.code == 1 and "NAESONE_VAPID_PRIVATE_KEY" in run.err
    keys = naesone("reminders", "vapid-keys")
    assert keys.code == 0 and keys.out.startswith(webpush.ENV_PRIVATE + "=")
