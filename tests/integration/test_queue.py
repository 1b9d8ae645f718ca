"""The officer's queue on SQLite and PostgreSQL: search by name, phone and 접수번호 within the department,
assignment and memos (audited, never on a resident's page, in their download only once decided), the
export's contents and its audit row, and another department's staff refused by every handler."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from naesone_app.actions.accounts import export_data
from naesone_app.actions.queue import assign, case_desk, export_cases, read_queue, write_memo
from naesone_app.core.actor import Actor, NotAllowed
from naesone_app.core.applications import receipt_number
from naesone_app.core.identity import Identity
from naesone_app.core.queue import QueueFilter
from naesone_app.db.account_models import Account, AuditEntry
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.application_access import NotFound
from naesone_app.db.application_models import Application, ApplicationMemo
from naesone_app.db.engine import transaction
from naesone_app.db.identity import save_identity
from naesone_app.db.resident_data import grant_consent, save_profile
from naesone_app.security.crypto import seal
from naesone_app.state.applications import ApplicationState
from naesone_app.state.case_desk import CaseDeskState
from naesone_app.state.staff_queue import StaffQueueState
from tests.integration.test_application_handlers import _page

PASSWORD = "Sindang-Spring-2026"
SENIOR, SAFETY = "어르신복지과", "안전총괄과"


def _person(login: str, role: str = "resident", department: str = "") -> tuple[Actor, str]:
    with transaction() as session:
        account = create_account(session, login, PASSWORD, role=role, department=department)
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "sensitive_profile")
        return Actor(int(account.id), role, department), start_session(session, account.id)


def _case(resident: Actor, department: str, *, name: str = "", phone: str = "", dong: str = "",
          profile_dong: str = "", status: str = "submitted", day: int = 1,
          program_key: str = "native:junggu-senior-lunch") -> int:  # fmt: skip
    with transaction() as session:
        if name:
            save_identity(session, resident.account_id, Identity(name, date(1950, 3, 1), "", dong, phone))
        if profile_dong:
            save_profile(session, resident.account_id, {"dong": profile_dong})
        application = Application(
            account_id=resident.account_id, program_key=program_key, department=department, status=status,
            answers_sealed=seal("{}"), idempotency_key=f"k-{program_key}-{day}",
            submitted_at=datetime(2026, 11, day, 1, 0, tzinfo=UTC),
        )  # fmt: skip
        session.add(application)
        session.flush()
        application.receipt_no = receipt_number(int(application.id), date(2026, 11, day))
        if status in ("approved", "rejected"):
            application.decided_at = datetime(2026, 11, day + 1, 1, 0, tzinfo=UTC)
        session.add(application)
        return int(application.id)


@pytest.fixture
def desk(database: str) -> dict:
    """Two residents of 어르신복지과 (one named, one not), one of 안전총괄과, and an officer of each."""
    kim, _ = _person("kim@example.com")
    park, _ = _person("01055557272")
    lee, _ = _person("lee@example.com")
    officer, officer_token = _person("senior@junggu.example", "staff", SENIOR)
    colleague, _ = _person("senior2@junggu.example", "staff", SENIOR)
    other, other_token = _person("safety@junggu.example", "staff", SAFETY)
    admin, _ = _person("admin@junggu.example", "admin")
    return {
        "kim": kim, "park": park, "lee": lee, "officer": officer, "colleague": colleague, "other": other,
        "admin": admin, "officer_token": officer_token, "other_token": other_token,
        "kim_case": _case(kim, SENIOR, name="김영희", phone="01098761234", dong="신당동", day=3),
        "park_case": _case(park, SENIOR, profile_dong="명동", day=1),
        "lee_case": _case(lee, SAFETY, name="이영수", phone="01011112222", dong="중림동", day=2),
    }  # fmt: skip


def _ids(actor: Actor, **wanted) -> list[int]:
    return [case.id for case in read_queue(actor, QueueFilter(**wanted)).page.cases]


def test_search_by_name_phone_and_receipt_within_the_department(desk: dict) -> None:
    officer, kim_case, park_case = desk["officer"], desk["kim_case"], desk["park_case"]
    assert _ids(officer) == [park_case, kim_case]  # longest waiting first; 안전총괄과's case not there
    assert _ids(officer, query="영희") == [kim_case]
    assert _ids(officer, query="이영수") == []  # another department's resident is not found by name
    assert _ids(officer, query="010-9876-1234") == [kim_case]  # the identity's phone
    assert _ids(officer, query="5555-7272") == [park_case]  # the sign-in number of a nameless resident
    assert _ids(officer, query=receipt_number(kim_case, date(2026, 11, 3))) == [kim_case]
    assert _ids(officer, query=receipt_number(desk["lee_case"], date(2026, 11, 2))) == []
    assert _ids(officer, dong="명동") == [park_case]  # the profile's 동 when the identity has none
    assert _ids(officer, dong="신당동") == [kim_case]
    assert _ids(officer, since=date(2026, 11, 2)) == [kim_case]
    assert sorted(_ids(desk["admin"])) == sorted([kim_case, park_case, desk["lee_case"]])
    assert _ids(desk["other"], query="영희") == []
    with pytest.raises(NotAllowed):
        read_queue(desk["kim"], QueueFilter())
    with transaction() as session:
        reads = session.exec(select(AuditEntry).where(AuditEntry.action == "application.queue_read")).all()
    assert reads and all("영희" not in entry.detail for entry in reads)


def test_assignment_to_me_a_colleague_and_nobody_is_audited(desk: dict) -> None:
    officer, colleague, kim_case = desk["officer"], desk["colleague"], desk["kim_case"]
    assign(officer, kim_case, officer.account_id)
    assert _ids(officer, assigned="me") == [kim_case]
    assert _ids(officer, assigned="none") == [desk["park_case"]]
    assign(officer, kim_case, colleague.account_id)
    assert _ids(officer, assigned=str(colleague.account_id)) == [kim_case]
    assert case_desk(officer, kim_case).assignee == "senior2@junggu.example"
    with pytest.raises(NotAllowed):  # an officer of another department cannot be given the case
        assign(officer, kim_case, desk["other"].account_id)
    with pytest.raises(NotAllowed):  # nor the resident
        assign(officer, kim_case, desk["kim"].account_id)
    assign(officer, kim_case, None)
    with pytest.raises(NotFound):
        assign(desk["other"], kim_case, desk["other"].account_id)
    with transaction() as session:
        stored = session.get(Application, kim_case)
        entries = session.exec(select(AuditEntry).where(AuditEntry.action == "application.assigned")).all()
    assert stored.assigned_to is None
    assert [e.subject_id for e in entries] == [desk["kim"].account_id] * 3


def test_memos_are_for_officers_only_and_reach_the_resident_once_decided(desk: dict) -> None:
    officer, kim, kim_case = desk["officer"], desk["kim"], desk["kim_case"]
    memo = write_memo(officer, kim_case, "  전화로 서류 안내함  ")
    assert (memo.text, memo.author) == ("전화로 서류 안내함", "senior@junggu.example")
    with pytest.raises(ValueError):
        write_memo(officer, kim_case, "   ")
    for outsider in (desk["other"], kim):
        with pytest.raises((NotFound, NotAllowed)):
            write_memo(outsider, kim_case, "forged")
        with pytest.raises((NotFound, NotAllowed)):
            case_desk(outsider, kim_case)
    assert [m.text for m in case_desk(officer, kim_case).memos] == ["전화로 서류 안내함"]
    with transaction() as session:
        stored = session.exec(select(ApplicationMemo)).all()
    assert len(stored) == 1 and "서류" not in stored[0].text_sealed  # encrypted at rest

    download = json.dumps(export_data(kim), ensure_ascii=False)
    assert "전화로 서류 안내함" not in download  # withheld while the case is being assessed
    with transaction() as session:
        application = session.get(Application, kim_case)
        application.status = "approved"
        session.add(application)
    download = export_data(kim)
    memos = [a["staff_memos"] for a in download["applications"]]
    assert memos == [[{"at": memos[0][0]["at"], "text": "전화로 서류 안내함"}]]
    assert "senior@junggu.example" not in json.dumps(download, ensure_ascii=False)


async def test_memos_are_not_on_the_residents_page_and_the_desk_refuses_outsiders(desk: dict) -> None:
    kim_case = desk["kim_case"]
    write_memo(desk["officer"], kim_case, "내부 메모 비밀")
    with transaction() as session:
        resident = start_session(session, desk["kim"].account_id)
    mine = _page(ApplicationState, resident, "/application", {"id": str(kim_case)})
    await ApplicationState.open_application.fn(mine)
    assert "내부 메모 비밀" not in json.dumps(mine.dict(), ensure_ascii=False, default=str)
    for token in (desk["other_token"], resident):
        page = _page(CaseDeskState, token, "/staff/application", {"id": str(kim_case)})
        await CaseDeskState.open_desk.fn(page)
        assert not page.shown and page.memos == []
        page.application_id = kim_case  # a forged page state changes nothing either
        page.memo_text = "forged"
        await CaseDeskState.add_memo.fn(page)
        await CaseDeskState.take.fn(page)
        await CaseDeskState.release.fn(page)
    with transaction() as session:
        assert len(session.exec(select(ApplicationMemo)).all()) == 1
        assert session.get(Application, kim_case).assigned_to is None
    page = _page(CaseDeskState, desk["officer_token"], "/staff/application", {"id": str(kim_case)})
    await CaseDeskState.open_desk.fn(page)
    assert page.shown and [m.text for m in page.memos] == ["내부 메모 비밀"]
    await CaseDeskState.take.fn(page)
    assert page.mine and page.assignee == "senior@junggu.example"


def test_export_holds_the_departments_matching_cases_and_is_audited_without_names(desk: dict) -> None:
    officer = desk["officer"]
    found = export_cases(officer, QueueFilter(status="all"))
    rows = {row[0]: row for row in found.rows}
    kim_row = rows[receipt_number(desk["kim_case"], date(2026, 11, 3))]
    assert kim_row[4:8] == ["김영희", "1950-03-01", "신당동", "010-9876-1234"]
    assert len(rows) == 2 and all("이영수" not in row for row in found.rows)
    assert [c.id for c in export_cases(officer, QueueFilter(query="영희")).cases] == [desk["kim_case"]]
    with pytest.raises(NotAllowed):
        export_cases(officer, QueueFilter(), department=SAFETY)
    assert [c.id for c in export_cases(desk["admin"], QueueFilter(), department=SAFETY).cases] == [
        desk["lee_case"]
    ]
    with transaction() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.action == "application.exported")).all()
    assert [e.detail.split(";")[0] for e in entries] == ["2 rows", "1 rows", "1 rows"]
    assert all("영희" not in e.detail and "김" not in e.detail for e in entries)
    assert "q=yes" in entries[1].detail


async def test_the_queue_page_reads_filters_from_the_address_and_exports_csv(desk: dict) -> None:
    query = {"q": "영희", "status": "all"}
    page = _page(StaffQueueState, desk["officer_token"], "/staff/applications", query)
    await StaffQueueState.open_queue.fn(page)
    assert [r.id for r in page.rows] == [desk["kim_case"]] and page.query_text == "영희"
    row = page.rows[0]
    assert (row.applicant, row.dong, row.receipt_no) == (
        "김영희",
        "신당동",
        receipt_number(row.id, date(2026, 11, 3)),
    )
    download = await StaffQueueState.export_csv.fn(page)
    assert "data:" in str(download)
    await StaffQueueState.apply_filters.fn(page, {"q": "", "status": "open"})
    nameless = next(r for r in page.rows if r.id == desk["park_case"])
    assert nameless.applicant == "010****7272" and nameless.dong == "명동"
    await StaffQueueState.take.fn(page, desk["park_case"])
    assert next(r for r in page.rows if r.id == desk["park_case"]).mine

    outsider = _page(StaffQueueState, desk["other_token"], "/staff/applications", query)
    await StaffQueueState.open_queue.fn(outsider)
    assert outsider.rows == []
    await StaffQueueState.take.fn(outsider, desk["kim_case"])
    assert await StaffQueueState.export_csv.fn(outsider) is not None  # 안전총괄과's own cases only
    with transaction() as session:
        assert session.get(Application, desk["kim_case"]).assigned_to is None
        last = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.action == "application.exported" and "department=안전총괄과" in last.detail
    assert Account  # the table the officers come from


def test_csv_export_file_reads_back(desk: dict) -> None:
    from naesone_app.core.queue import csv_bytes

    text = csv_bytes(export_cases(desk["officer"], QueueFilter()).rows).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][:2] == ["접수번호", "신청일"] and len(lines) == 3


def test_the_migration_goes_down_and_up_with_assignments_and_memos(desk: dict, database: str) -> None:
    """0015_queue: downgrading drops the assignment column and the memo table; upgrading again makes them."""
    from alembic.config import Config
    from sqlalchemy import inspect

    from alembic import command
    from naesone_app.cli.common import ROOT
    from naesone_app.db.engine import engine_for

    assign(desk["officer"], desk["kim_case"], desk["officer"].account_id)
    write_memo(desk["officer"], desk["kim_case"], "메모")
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    url = database
    command.downgrade(config, "0014")
    engine_for(url).dispose()
    found = inspect(engine_for(url))
    assert "application_memo" not in found.get_table_names()
    assert "assigned_to" not in {c["name"] for c in found.get_columns("application")}
    command.upgrade(config, "head")
    engine_for(url).dispose()
    assert _ids(desk["officer"], assigned="none") == [desk["park_case"], desk["kim_case"]]
