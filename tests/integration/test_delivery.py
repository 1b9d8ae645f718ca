"""The one deliverer (naesone_app/delivery.py) against a push-service stand-in, on SQLite and PostgreSQL.

The acceptance points of the outbox: a notice recorded in a transaction that rolls back is never
delivered; a change whose delivery fails is still committed and its notice goes out on a later run; two
deliverers at once send each notice once. And what push did before the outbox: never at night, once,
404/410 forgets the endpoint, only the kinds a browser opted into, in the browser's locale.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from naesone_app import delivery
from naesone_app.core.i18n import N_, Localized, Message
from naesone_app.core.notices import MAX_ATTEMPTS
from naesone_app.core.reminders import parse_subscription
from naesone_app.db.accounts import create_account
from naesone_app.db.engine import engine_for, transaction
from naesone_app.db.notices import record_notice
from naesone_app.db.push import subscribe
from naesone_app.db.resident_data import grant_consent, set_saved
from naesone_app.delivery import deliver_due
from tests.integration.test_push import Browser, PushService, vapid  # noqa: F401

MORNING = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
NIGHT = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)  # 23:00 in Seoul
TITLE = Message(N_("신청 상태가 바뀌었어요"))
BODY = Message(N_("{program}: {status}"), {"program": Localized("기초연금", "Basic Pension"),
                                            "status": Message(N_("승인"))})  # fmt: skip


@pytest.fixture
def push_service() -> Iterator[PushService]:
    service = PushService()
    yield service
    service.close()


class Boom(RuntimeError):
    """The change failed after its notice was recorded."""


def _resident(url: str, login: str, browsers: list[tuple[Browser, str, list[str]]]) -> int:
    with transaction(url) as session:
        account = create_account(session, login, "Sindang-Spring-2026")
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "notifications")
        for browser, locale, kinds in browsers:
            subscribe(session, account.id, parse_subscription(browser.subscription(), True), locale, kinds)
        return account.id


def _record(session, account_id: int, key: str, kind: str = "application_result", at=MORNING) -> bool:
    return record_notice(session, account_id=account_id, kind=kind, key=key, title=TITLE, body=BODY,
                         url="/application?id=1", now=at)  # fmt: skip


def _saved(url: str, account_id: int) -> list:
    with engine_for(url).connect() as connection:
        return list(connection.execute(text("SELECT program_key FROM saved_program WHERE account_id = :a"),
                                       {"a": account_id}))  # fmt: skip


@pytest.mark.usefixtures("vapid")
def test_a_notice_recorded_in_a_transaction_that_rolls_back_is_never_delivered(
    database, push_service: PushService
):
    phone = Browser(push_service.origin + "/push/phone")
    account = _resident(database, "halmoni@example.com", [(phone, "ko", ["application_result"])])
    with pytest.raises(Boom), transaction(database) as session:
        set_saved(session, account, "native:closing-soon", True)
        _record(session, account, "application_result:1:1")
        raise Boom
    counts = deliver_due(MORNING)
    assert counts.sent == 0 and push_service.deliveries == [] and _saved(database, account) == []


@pytest.mark.usefixtures("vapid")
def test_a_change_whose_delivery_fails_is_committed_and_delivered_by_a_later_run(
    database, push_service: PushService
):
    phone = Browser(push_service.origin + "/push/phone")
    account = _resident(database, "halmoni@example.com", [(phone, "en", ["application_result"])])
    with transaction(database) as session:
        set_saved(session, account, "native:closing-soon", True)
        _record(session, account, "application_result:1:1")
    push_service.answers["/push/phone"] = [503, 503]  # busy, and busy again on the run's own retry
    failed = deliver_due(MORNING)
    assert (failed.sent, failed.retrying) == (0, 1) and len(push_service.deliveries) == 2
    assert _saved(database, account) == [("native:closing-soon",)]  # the change stands
    assert deliver_due(MORNING + timedelta(minutes=1)).sent == 0  # backing off: not yet
    later = deliver_due(MORNING + timedelta(minutes=10))
    assert later.sent == 1 and len(push_service.deliveries) == 3
    assert phone.read(push_service.deliveries[-1].body) == {
        "title": "Your application status changed", "body": "Basic Pension: Approved",
        "url": "/en/application?id=1", "tag": "application_result:1:1", "lang": "en",
    }  # fmt: skip
    assert deliver_due(MORNING + timedelta(hours=1)).sent == 0  # once


@pytest.mark.usefixtures("vapid")
def test_two_deliverers_at_once_send_each_notice_once(database, push_service: PushService):
    phone = Browser(push_service.origin + "/push/phone")
    account = _resident(database, "halmoni@example.com", [(phone, "ko", ["application_result"])])
    with transaction(database) as session:
        for n in range(12):
            _record(session, account, f"application_result:{n}:1")
    start = threading.Barrier(3)
    results: list[delivery.Counts] = []

    def run() -> None:
        start.wait()
        results.append(deliver_due(MORNING))

    workers = [threading.Thread(target=run) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    tags = sorted(phone.read(d.body)["tag"] for d in push_service.deliveries)
    assert tags == sorted(f"application_result:{n}:1" for n in range(12))  # each once
    assert sum(r.sent for r in results) == 12


@pytest.mark.usefixtures("vapid")
def test_nothing_goes_out_at_night_and_the_morning_sends_what_it_held(database, push_service: PushService):
    phone = Browser(push_service.origin + "/push/phone")
    account = _resident(database, "halmoni@example.com", [(phone, "ko", ["application_result"])])
    with transaction(database) as session:
        _record(session, account, "application_result:1:1", at=NIGHT)
    assert deliver_due(NIGHT + timedelta(minutes=30)).quiet == 1 and push_service.deliveries == []
    morning = NIGHT + timedelta(hours=9, minutes=5)  # 08:05 in Seoul
    assert deliver_due(morning).sent == 1 and len(push_service.deliveries) == 1


@pytest.mark.usefixtures("vapid")
def test_gone_browsers_are_forgotten_and_only_opted_in_kinds_are_sent(database, push_service: PushService):
    old, laptop, tablet = (Browser(push_service.origin + f"/push/{n}") for n in ("old", "laptop", "tablet"))
    account = _resident(database, "halmoni@example.com", [
        (old, "ko", ["application_result"]), (laptop, "ko", ["application_result"]), (tablet, "ko", ["deadline"]),
    ])  # fmt: skip
    with transaction(database) as session:
        _record(session, account, "application_result:1:1")
    push_service.answers["/push/old"] = [404]
    counts = deliver_due(MORNING)
    assert (counts.sent, counts.gone) == (1, 1)
    assert sorted(d.path for d in push_service.deliveries) == ["/push/laptop", "/push/old"]  # not the tablet
    with engine_for(database).connect() as connection:
        endpoints = {row[0] for row in connection.execute(text("SELECT endpoint FROM push_subscription"))}
    assert endpoints == {laptop.endpoint, tablet.endpoint}


@pytest.mark.usefixtures("vapid")
def test_a_notice_no_push_service_takes_is_given_up_after_bounded_attempts(
    database, push_service: PushService
):
    phone = Browser(push_service.origin + "/push/phone")
    account = _resident(database, "halmoni@example.com", [(phone, "ko", ["application_result"])])
    with transaction(database) as session:
        _record(session, account, "application_result:1:1")
    push_service.answers["/push/phone"] = [503] * (2 * MAX_ATTEMPTS)
    at, outcomes = MORNING, []
    for _ in range(MAX_ATTEMPTS + 2):
        counts = deliver_due(at)
        outcomes.append((counts.retrying, counts.failed))
        at += timedelta(days=1)  # past any backoff, in the day, within the week a notice is pushed
    assert outcomes[: MAX_ATTEMPTS - 1] == [(1, 0)] * (MAX_ATTEMPTS - 1)
    assert outcomes[MAX_ATTEMPTS - 1] == (0, 1) and outcomes[MAX_ATTEMPTS:] == [(0, 0), (0, 0)]
    assert len(push_service.deliveries) == 2 * MAX_ATTEMPTS


@pytest.mark.usefixtures("vapid")
def test_a_notice_waits_for_a_browser_and_stops_waiting_after_a_week(database, push_service: PushService):
    account = _resident(database, "halmoni@example.com", [])
    with transaction(database) as session:
        _record(session, account, "application_result:1:1")
        _record(session, account, "application_result:2:1")
    assert deliver_due(MORNING).no_browser == 2
    phone = Browser(push_service.origin + "/push/phone")
    with transaction(database) as session:
        subscribe(
            session, account, parse_subscription(phone.subscription(), True), "ko", ["application_result"]
        )
    assert deliver_due(MORNING + timedelta(hours=1)).sent == 2
    with transaction(database) as session:
        _record(session, account, "application_result:3:1")
    assert deliver_due(MORNING + timedelta(days=8)).expired == 1 and len(push_service.deliveries) == 2


def test_without_vapid_keys_nothing_is_settled(database, push_service: PushService, monkeypatch):
    phone = Browser(push_service.origin + "/push/phone")
    monkeypatch.setenv("NAESONE_PUSH_ALLOW_LOOPBACK", "1")
    account = _resident(database, "halmoni@example.com", [(phone, "ko", ["application_result"])])
    with transaction(database) as session:
        _record(session, account, "application_result:1:1")
    assert not deliver_due(MORNING).any()
    with engine_for(database).connect() as connection:
        assert connection.execute(text("SELECT settled_at FROM notice")).one()[0] is None


@pytest.mark.usefixtures("vapid")
def test_the_cli_delivers_and_prints_counts_only(database, naesone, push_service: PushService):
    phone = Browser(push_service.origin + "/push/phone")
    account = _resident(database, "halmoni@example.com", [(phone, "ko", ["application_result"])])
    with transaction(database) as session:
        _record(session, account, "application_result:1:1")
    night = naesone("notify", "deliver", "--now", "2026-12-07T23:00")
    assert night.code == 0 and night.out.startswith("sent 0, quiet 1,"), night.err
    run = naesone("notify", "deliver", "--now", "2026-12-07T10:00")
    assert run.code == 0 and run.out.startswith("sent 1, quiet 0,"), run.err
    assert "halmoni" not in run.out + run.err


def test_the_cli_refuses_without_vapid_keys(database, naesone, monkeypatch):
    monkeypatch.delenv("NAESONE_VAPID_PRIVATE_KEY", raising=False)
    run = naesone("notify", "deliver")
    assert run.code == 1 and "NAESONE_VAPID_PRIVATE_KEY" in run.err


async def test_the_apps_own_loop_runs_every_period_survives_failures_and_can_be_off(monkeypatch):
    calls: list[int] = []

    def failing(*_args, **_kwargs):
        calls.append(1)
        raise RuntimeError("the database is down")

    monkeypatch.setattr(delivery, "deliver_due", failing)
    task = asyncio.create_task(delivery.deliver_periodically(0.01))
    for _ in range(500):  # a loaded machine may take a while to run the worker thread twice
        await asyncio.sleep(0.01)
        if len(calls) >= 2:
            break
    assert not task.done() and len(calls) >= 2  # logged, and tried again
    task.cancel()
    before = len(calls)
    monkeypatch.setenv("NAESONE_NOTIFY_SECONDS", "0")  # cron runs `naesone notify deliver` instead
    await asyncio.wait_for(delivery.deliver_periodically(), timeout=1)
    assert len(calls) == before
