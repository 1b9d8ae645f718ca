"""Issue 10's programme facts in the database: categories, value and windows survive a load and a re-load
(in place), and staff see the programmes whose window is from a past year — their own department's only."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from reflex.istate.data import RouterData
from reflex.state import State

from naesone_app.api import SESSION_COOKIE
from naesone_app.core.program import Value
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.catalog import find_program, load_programs
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.engine import transaction
from naesone_app.state.staff import StaffState

PROGRAMS_DIR = Path(__file__).resolve().parents[2] / "data" / "programs"
PASSWORD = "Long-Enough-Pass-1"
HEATING = "gov24:301000000106"  # 중구 취약가구 냉난방비 지원, 서울특별시 중구 복지정책과, 2025 dates


def test_categories_value_and_window_are_stored_and_reloaded_in_place(database, naesone, tmp_path) -> None:
    copy = tmp_path / "programs"
    shutil.copytree(PROGRAMS_DIR, copy)
    assert naesone("catalog", "load-native", "--dir", str(copy)).code == 0
    with transaction(database) as session:
        card = find_program(session, "native", "natl-culture-nuri-card")
        everything = load_programs(session)
    assert card is not None
    assert card.categories == ("문화", "저소득")
    assert card.value == Value(150_000, "year", "person", "voucher")
    assert (card.opens_on, card.closes_on, card.recurs) == (date(2026, 2, 2), date(2026, 11, 30), "yearly")
    assert "value" not in card.extra and "categories" not in card.extra  # split out again on reading
    parent = next(p for p in everything if p.source_id == "natl-parent-allowance")
    assert parent.value == Value(1_000_000, "month", "person", "cash", 12)
    assert next(p for p in everything if p.source_id == "junggu-flood-barrier").value is None

    path = copy / "natl-culture-nuri-card.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("amount_krw: 150000", "amount_krw: 160000").replace(
        "  recurs: yearly\n", "  recurs: yearly\n  next_opens: 2027-02-01\n"), encoding="utf-8")  # fmt: skip
    again = naesone("catalog", "load-native", "--dir", str(copy))
    assert again.code == 0, again.err
    assert ": 0 imported, 1 updated," in again.out
    with transaction(database) as session:
        card = find_program(session, "native", "natl-culture-nuri-card")
    assert card.value.amount_krw == 160_000 and card.next_opens_on == date(2027, 2, 1)


def _substate(path: str, cookie: str):
    root = State()
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": path, "query": {}, "headers": {"cookie": cookie}}
    )
    return root.get_substate(StaffState.get_full_name().split(".")[1:])


def _signed_in(url: str, login: str, role: str, department: str = "") -> str:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD, role=role, department=department)
        return f"{SESSION_COOKIE}={start_session(session, account.id)}"


@pytest.fixture
def samples(database, naesone) -> str:
    run = naesone("catalog", "load-samples")
    assert run.code == 0, run.err
    CATALOG.invalidate()
    yield database
    CATALOG.invalidate()


async def test_staff_see_their_departments_stale_windows(samples: str) -> None:
    welfare = _substate("/staff", _signed_in(samples, "welfare@junggu.test", "staff", "복지정책과"))
    await StaffState.open_staff.fn(welfare)
    keys = [row.key for row in welfare.stale_rows]
    assert HEATING in keys
    heating = next(row for row in welfare.stale_rows if row.key == HEATING)
    assert heating.title == "중구 취약가구 냉난방비 지원" and heating.window == "2025. 11. 3. ~ 2025. 11. 28."
    assert all("복지정책과" in row.department.split() for row in welfare.stale_rows)

    flood = _substate("/staff", _signed_in(samples, "flood@junggu.test", "staff", "치수과"))
    await StaffState.open_staff.fn(flood)
    assert flood.stale_rows == []

    admin = _substate("/en/staff", _signed_in(samples, "admin@junggu.test", "admin"))
    await StaffState.open_staff.fn(admin)
    assert set(keys) < {row.key for row in admin.stale_rows}  # every department's
    assert next(r for r in admin.stale_rows if r.key == HEATING).window == "Nov 3, 2025 ~ Nov 28, 2025"

    resident = _substate("/staff", _signed_in(samples, "halmoni@example.com", "resident"))
    await StaffState.open_staff.fn(resident)
    assert resident.stale_rows == []
