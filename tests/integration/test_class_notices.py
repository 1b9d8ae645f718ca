"""Residents are told of what happens to their class registrations: a seat held for them, a lottery
result, 폐강 with the refund, a payment deadline near — each exactly once, never at night, and a push
service that fails never fails the class operation. Real databases (SQLite and PostgreSQL), a real push
service stand-in on 127.0.0.1, and browsers that decrypt what arrives."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from naesone_app.actions.class_jobs import run_due
from naesone_app.actions.classes import cancel, pushing_at_once, record_payment, register
from naesone_app.core.class_policy import at_closing, policy
from naesone_app.core.reminders import DEFAULT_KINDS, parse_subscription
from naesone_app.db.class_models import Course
from naesone_app.db.classes import registrations_of
from naesone_app.db.engine import transaction
from naesone_app.db.notice_models import Notice
from naesone_app.db.push import subscribe
from naesone_app.integrations import webpush
from tests.integration.test_class_registration import NOW, make_course
from tests.integration.test_push import Browser, PushService, _counts, _resident, vapid  # noqa: F401

pytestmark = pytest.mark.usefixtures("vapid")  # push configured as in production

SEOUL_NIGHT = datetime(2026, 3, 30, 15, 0, tzinfo=UTC)  # 00:00 in Seoul, 31 March
SEOUL_MORNING = datetime(2026, 3, 30, 23, 30, tzinfo=UTC)  # 08:30 in Seoul


@pytest.fixture
def push_service() -> Iterator[PushService]:
    service = PushService()
    yield service
    service.close()


def _subscribed(url: str, service: PushService, name: str, locale: str = "ko") -> tuple[int, Browser]:
    """A resident who agreed to notifications, with one browser subscribed to the default kinds."""
    account_id, _ = _resident(url, f"{name}@example.test")
    browser = Browser(f"{service.origin}/push/{name}")
    with transaction(url) as session:
        subscribe(session, account_id, parse_subscription(browser.subscription(), allow_loopback=True), locale,
                  DEFAULT_KINDS)  # fmt: skip
    return account_id, browser


def _received(service: PushService, browser: Browser) -> list[dict]:
    path = browser.endpoint.split("127.0.0.1", 1)[1].split("/", 1)[1]
    return [browser.read(d.body) for d in service.deliveries if d.path == "/" + path]


def _notices(url: str) -> list[tuple[int, str]]:
    """The class notices in the outbox, as (account, class notice kind)."""
    with transaction(url) as session:
        rows = session.exec(select(Notice).where(Notice.kind == "class_update").order_by(Notice.id))
        return [(n.account_id, n.key.rsplit(":", 1)[1]) for n in rows]


def test_a_freed_seat_is_pushed_at_once_to_the_first_waitlisted_and_only_once(
    database: str, push_service: PushService
) -> None:
    a, _ = _subscribed(database, push_service, "first")
    b, b_browser = _subscribed(database, push_service, "waiting", locale="en")
    course = make_course(database, capacity=1)
    seat = register(a, course, "k", NOW, url=database).registration
    waiting = register(b, course, "k", NOW, url=database).registration
    assert push_service.deliveries == []  # signing up is seen on the page; nothing to push

    with pushing_at_once():
        cancel(seat.id, a, NOW, url=database)
    [held] = _received(push_service, b_browser)
    assert held["title"] == "A seat is held for you: please confirm it"
    assert held["body"] == "요가: confirm the seat under 'My classes' by Mar 17, 2026 19:00 to keep it."
    assert (held["url"], held["lang"]) == ("/en/my-classes", "en")
    assert [d.headers["urgency"] for d in push_service.deliveries] == ["high"]  # it lapses: most urgent

    with pushing_at_once():  # the jobs run again and again: nothing is told twice
        run_due(NOW + timedelta(minutes=5), url=database)
        run_due(NOW + timedelta(minutes=10), url=database)
        cancel(seat.id, a, NOW, url=database)
    assert len(push_service.deliveries) == 1
    assert _notices(database) == [(b, "held")]
    assert {r.id: r.status for r in registrations_of(course, database)}[waiting.id] == "held"


def test_a_lottery_tells_every_applicant_their_result_once(database: str, push_service: PushService) -> None:
    people = [_subscribed(database, push_service, f"applicant{i}") for i in range(3)]
    course = make_course(database, capacity=2, mode="lottery", minimum=0)
    for account_id, _ in people:
        register(account_id, course, "k", NOW, url=database)
    drawn_at = NOW + timedelta(days=2, minutes=5)  # the window closed: the job draws

    report = run_due(drawn_at, url=database)
    assert len(report.drawn) == 1
    run_due(drawn_at + timedelta(minutes=5), url=database)
    bodies = sorted(m["body"] for _, browser in people for m in _received(push_service, browser))
    assert len(push_service.deliveries) == 3
    assert bodies == [  # three days after the draw is a Saturday: Monday, at the centre's closing time
        "요가: 당첨됐어요. 2026. 3. 23. 18:00까지 수강료 ₩35,000을 자치회관에 내 주세요.",
        "요가: 당첨됐어요. 2026. 3. 23. 18:00까지 수강료 ₩35,000을 자치회관에 내 주세요.",
        "요가: 대기 1번이에요. 자리가 나면 바로 알려 드려요.",
    ]
    assert sorted(kind for _, kind in _notices(database)) == [
        "lottery_waitlisted",
        "lottery_won",
        "lottery_won",
    ]


def test_a_course_closed_at_night_is_told_with_the_refund_by_the_morning_job_once(
    database: str, push_service: PushService, naesone
) -> None:
    resident, browser = _subscribed(database, push_service, "learner")
    staff, _ = _resident(database, "staff@junggu.example")
    course = make_course(database, capacity=10, minimum=3)
    seat = register(resident, course, "k", NOW, url=database).registration
    record_payment(seat.id, True, staff, NOW, url=database)

    report = run_due(SEOUL_NIGHT, url=database)  # 폐강 is decided two days before the start, at midnight
    assert len(report.cancelled) == 1
    assert push_service.deliveries == []  # nobody is woken
    assert _notices(database) == [(resident, "course_cancelled")]

    morning = naesone("reminders", "send", "--now", "2026-03-31T08:30")
    assert morning.code == 0 and _counts(morning.out)["sent"] == 1
    [closed] = _received(push_service, browser)
    assert closed["title"] == "강좌가 폐강됐어요"
    assert closed["body"] == "요가: 신청 인원이 모자라 폐강됐어요. 낸 돈 ₩35,000을 모두 돌려 드려요."
    again = naesone("reminders", "send", "--now", "2026-03-31T09:30")
    assert _counts(again.out)["sent"] == 0
    run_due(SEOUL_MORNING, url=database)
    assert len(push_service.deliveries) == 1


def test_an_unpaid_resident_is_reminded_a_day_before_the_payment_deadline_once(
    database: str, push_service: PushService
) -> None:
    resident, browser = _subscribed(database, push_service, "payer")
    course = make_course(database, capacity=10, minimum=0)
    seat = register(resident, course, "k", NOW, url=database).registration
    deadline = seat.payment_due_at
    assert deadline == at_closing(NOW + timedelta(days=3), policy())  # Thursday 18:00 in Seoul

    assert run_due(deadline - timedelta(hours=25), url=database).reminded == []  # not yet
    assert run_due(deadline - timedelta(hours=23), url=database).reminded == ["c1"]
    assert run_due(deadline - timedelta(hours=22), url=database).reminded == []  # once
    [reminder] = _received(push_service, browser)
    assert reminder["title"] == "수강료 납부 기한이 다가와요"
    assert reminder["body"].startswith("요가: 2026. 3. 19. 18:00까지 수강료 ₩35,000을 자치회관에 내 주세요.")
    assert _notices(database) == [(resident, "payment_due")]


def test_a_failing_push_service_never_fails_the_class_operation_and_the_job_tries_again(
    database: str, push_service: PushService, naesone, monkeypatch
) -> None:
    a, _ = _subscribed(database, push_service, "first")
    b, b_browser = _subscribed(database, push_service, "waiting")
    course = make_course(database, capacity=1)
    seat = register(a, course, "k", NOW, url=database).registration
    register(b, course, "k", NOW, url=database)
    push_service.answers["/push/waiting"] = [500, 500]  # the at-once push tries twice, then gives up

    with pushing_at_once():
        assert cancel(seat.id, a, NOW, url=database).status == "cancelled"
    assert _notices(database) == [(b, "held")]
    with transaction(database) as session:  # not sent: the notice waits for a later run
        assert session.exec(select(Notice.settled_at)).all() == [None]
    key = os.environ[webpush.ENV_PRIVATE]
    monkeypatch.setenv(webpush.ENV_PRIVATE, "not a key")  # a broken configuration fails nothing either
    with pushing_at_once():
        assert cancel(seat.id, a, NOW, url=database).status == "cancelled"
    monkeypatch.setenv(webpush.ENV_PRIVATE, key)
    push_service.deliveries.clear()
    later = naesone("reminders", "send", "--now", "2026-03-16T20:00")  # the seat is still held
    assert _counts(later.out)["sent"] == 1
    [held] = _received(push_service, b_browser)
    assert held["title"] == "자리가 났어요. 확정해 주세요"


def test_a_resident_who_switched_class_news_off_gets_none(database: str, push_service: PushService) -> None:
    a, _ = _subscribed(database, push_service, "first")
    b, _ = _subscribed(database, push_service, "waiting")
    with transaction(database) as session:
        from naesone_app.db.push import set_kinds

        set_kinds(session, b, ["deadline"])
    course = make_course(database, capacity=1)
    seat = register(a, course, "k", NOW, url=database).registration
    register(b, course, "k", NOW, url=database)
    with pushing_at_once():
        cancel(seat.id, a, NOW, url=database)
    assert push_service.deliveries == [] and _notices(database) == [(b, "held")]
    with transaction(database) as session:
        assert session.exec(select(Course.status)).all() == ["open"]
