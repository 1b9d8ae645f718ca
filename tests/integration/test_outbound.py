"""Tracked links to programmes applied for elsewhere, on SQLite and PostgreSQL: the redirect, the counts,
the resident's own record and report, what staff see, export and deletion."""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from reflex.istate.data import RouterData
from reflex.state import State
from sqlalchemy import text

from naesone_app.api import SESSION_COOKIE
from naesone_app.core.dates import seoul_today
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.engine import transaction
from naesone_app.db.outbound import external_applications_of, outbound_summary, record_visit, report
from naesone_app.db.personal_data import delete_account, export_account
from naesone_app.state.program import ProgramState
from naesone_app.state.staff import StaffState

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PASSWORD = "Long-Enough-Pass-1"
PENSION = "native:natl-basic-pension"  # applied for on 복지로; no application URL, an official page
VISIT_ONLY = "native:junggu-birth-support"  # applied for at the 동 주민센터: nowhere to send anyone


@pytest.fixture
def client(database, naesone) -> TestClient:
    assert naesone("catalog", "load-native").code == 0
    CATALOG.invalidate()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from naesone_app.api import api

        yield TestClient(api, follow_redirects=False)
    CATALOG.invalidate()


def _account(url: str, login: str, role: str = "resident") -> tuple[int, str]:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD, role=role, department="복지정책과")
        return account.id, start_session(session, account.id)


def _count(url: str, table: str) -> int:
    with transaction(url) as session:
        return session.exec(text(f"SELECT coalesce(sum(visits), 0) FROM {table}")).one()[0]


def test_the_link_counts_the_visit_and_redirects_to_the_stored_destination(client, database) -> None:
    response = client.get("/api/go", params={"id": PENSION})
    assert response.status_code == 303
    assert response.headers["location"] == "https://www.bokjiro.go.kr"
    assert response.headers["cache-control"] == "no-store"
    assert _count(database, "outbound_count") == 1
    assert _count(database, "external_application") == 0  # an anonymous visit leaves only the count


def test_a_signed_in_residents_visit_is_theirs(client, database) -> None:
    account_id, token = _account(database, "halmoni@example.com")
    for _ in range(2):
        client.get("/api/go", params={"id": PENSION}, cookies={SESSION_COOKIE: token})
    with transaction(database) as session:
        [visit] = external_applications_of(session, account_id)
    assert (visit.program_key, visit.channel, visit.visits, visit.reported) == (PENSION, "bokjiro", 2, "")
    assert _count(database, "outbound_count") == 2


@pytest.mark.parametrize("key", [VISIT_ONLY, "native:no-such-programme", "https://evil.example/", ""])
def test_nowhere_to_go_leads_back_to_the_programme_page_and_counts_nothing(client, database, key) -> None:
    response = client.get("/api/go", params={"id": key})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/program?id=")
    assert "//" not in response.headers["location"]  # never off this site
    assert _count(database, "outbound_count") == 0


def test_simultaneous_visits_are_all_counted(database) -> None:
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: _visit(database), range(40)))
    assert _count(database, "outbound_count") == 40


def _visit(url: str) -> None:
    with transaction(url) as session:
        record_visit(session, PENSION, "bokjiro", None)


def test_a_report_needs_a_visit_and_a_known_answer(database) -> None:
    account_id, _ = _account(database, "halmoni@example.com")
    with transaction(database) as session, pytest.raises(LookupError):
        report(session, account_id, PENSION, "applied")
    with transaction(database) as session:
        record_visit(session, PENSION, "bokjiro", account_id)
    with transaction(database) as session, pytest.raises(ValueError, match="outcome"):
        report(session, account_id, PENSION, "maybe")
    with transaction(database) as session:
        assert report(session, account_id, PENSION, "applied").reported == "applied"


def test_staff_see_counts_for_the_period_and_who_said_they_applied(database) -> None:
    first, _ = _account(database, "a@example.com")
    second, _ = _account(database, "b@example.com")
    with transaction(database) as session:
        record_visit(session, PENSION, "bokjiro", first)
        record_visit(session, PENSION, "bokjiro", second)
        record_visit(session, PENSION, "bokjiro", None)
        record_visit(session, "native:seoul-youth-allowance", "partner", None)
    with transaction(database) as session:
        report(session, first, PENSION, "applied")
        report(session, second, PENSION, "not_yet")
    with transaction(database) as session:
        summary = outbound_summary(session, seoul_today() - timedelta(days=29))
        later = outbound_summary(session, seoul_today() + timedelta(days=1))
    assert [(s.program_key, s.visits, s.residents, s.reported_applied) for s in summary] == [
        (PENSION, 3, 2, 1), ("native:seoul-youth-allowance", 1, 0, 0),
    ]  # fmt: skip
    assert later == []


def test_export_holds_the_visits_and_deletion_removes_them(database) -> None:
    account_id, _ = _account(database, "halmoni@example.com")
    with transaction(database) as session:
        record_visit(session, PENSION, "bokjiro", account_id)
    with transaction(database) as session:
        exported = export_account(session, account_id)["applied_elsewhere"]
        assert [(e["programme"], e["where"], e["visits"]) for e in exported] == [(PENSION, "bokjiro", 1)]
        delete_account(session, account_id)
    with transaction(database) as session:
        assert external_applications_of(session, account_id) == []
    assert _count(database, "outbound_count") == 1  # the anonymous count stays


def _substate(cls, path: str, cookie: str = "", query: dict | None = None):
    root = State()
    as_path = path + ("?" + urlencode(query) if query else "")
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": as_path, "query": query or {}, "headers": {"cookie": cookie}}
    )
    return root.get_substate(cls.get_full_name().split(".")[1:])


async def test_the_programme_page_asks_after_a_visit_and_keeps_the_answer(client, database) -> None:
    account_id, token = _account(database, "halmoni@example.com")
    cookie = f"{SESSION_COOKIE}={token}"
    page = _substate(ProgramState, "/program", cookie, {"id": PENSION})
    await ProgramState.open_program.fn(page)
    assert (
        page.view.apply_link == f"/api/go?id={PENSION}"
        and page.view.apply_link_label == "복지로에서 신청하기"
    )
    assert not page.went_elsewhere
    await ProgramState.report_applied.fn(page, "applied")  # no visit yet: nothing to report on
    assert page.reported == ""
    client.get("/api/go", params={"id": PENSION}, cookies={SESSION_COOKIE: token})
    await ProgramState.open_program.fn(page)
    assert page.went_elsewhere and page.reported == ""
    await ProgramState.report_applied.fn(page, "<script>")
    assert page.reported == ""
    await ProgramState.report_applied.fn(page, "applied")
    reopened = _substate(ProgramState, "/program", cookie, {"id": PENSION})
    await ProgramState.open_program.fn(reopened)
    assert reopened.reported == "applied"
    anonymous = _substate(ProgramState, "/program", "", {"id": PENSION})
    await ProgramState.open_program.fn(anonymous)
    await ProgramState.report_applied.fn(anonymous, "not_yet")
    with transaction(database) as session:
        assert [v.reported for v in external_applications_of(session, account_id)] == ["applied"]


async def test_staff_page_lists_the_use_of_the_links(client, database) -> None:
    _, token = _account(database, "clerk@junggu.test", role="staff")
    client.get("/api/go", params={"id": PENSION})
    staff = _substate(StaffState, "/staff", f"{SESSION_COOKIE}={token}")
    await StaffState.open_staff.fn(staff)
    assert [(r.title, r.visits) for r in staff.outbound_rows] == [("기초연금", 1)]
    _, resident_token = _account(database, "halmoni@example.com")
    as_resident = _substate(StaffState, "/staff", f"{SESSION_COOKIE}={resident_token}")
    await StaffState.open_staff.fn(as_resident)
    assert as_resident.outbound_rows == []
