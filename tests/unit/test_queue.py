"""The queue's pure logic: what one search field finds, what the filters keep, the order, the paging, the
filter in the address and in the audit, and the export's rows (spreadsheet formulas disarmed)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from naesone_app.core.identity import Identity
from naesone_app.core.queue import (
    EXPORT_HEADERS,
    Case,
    ExportLabels,
    QueueFilter,
    cell_text,
    csv_bytes,
    export_row,
    page_of,
    parse_filter,
    search_kind,
    search_matches,
    select_cases,
    waiting_days,
    with_duplicates,
    xlsx_bytes,
)

KIM = Identity("김영희", date(1950, 3, 1), "서울 중구 다산로 1", "신당동", "01098761234")


def case(id: int = 123, **changes) -> Case:
    values = dict(
        id=id, receipt_no=f"중구-2026-{id:06d}", program_key="native:lunch", department="어르신복지과",
        status="submitted", submitted_at=datetime(2026, 12, 1, 1, 0, tzinfo=UTC), login="01055557272",
        identity=KIM,
    )  # fmt: skip
    values.update(changes)
    return Case(**values)


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("", ""), ("  ", ""), ("중구-2026-000123", "receipt"), ("2026-000123", "receipt"), ("123", "number"),
        ("7272", "number"), ("010-5555-7272", "phone"), ("01055557272", "phone"), ("김영", "name"),
        ("Kim", "name"),
    ],
)  # fmt: skip
def test_one_field_tells_what_was_typed(query: str, kind: str) -> None:
    assert search_kind(query) == kind


def test_search_finds_by_receipt_number_phone_and_part_of_the_name() -> None:
    found = case()
    for query in ("중구-2026-000123", "2026-000123", "123", "김영", "영희", "김 영 희", "010-9876-1234",
                  "98761234", "1234", "010 5555 7272", "7272", "+82 10-5555-7272"):  # fmt: skip
        assert search_matches(found, query), query
    for query in ("중구-2025-000123", "124", "박", "010-1111-2222", "9999"):
        assert not search_matches(found, query), query


def test_a_resident_without_a_name_is_found_by_login_phone_not_by_a_name() -> None:
    nameless = case(identity=None, login="01055557272")
    assert search_matches(nameless, "5555-7272") and not search_matches(nameless, "김")
    assert nameless.name == "" and nameless.phone == "01055557272"


def test_the_identity_dong_wins_over_the_profile_dong() -> None:
    assert case(profile_dong="명동").dong == "신당동"
    assert case(identity=None, profile_dong="명동").dong == "명동"


def test_filters_keep_status_programme_dong_dates_and_assignment() -> None:
    cases = [
        case(1, status="submitted", assigned_to=7),
        case(2, status="approved", program_key="native:other"),
        case(3, status="in_review", identity=None, profile_dong="명동",
             submitted_at=datetime(2026, 11, 20, 16, 0, tzinfo=UTC)),  # 11-21 in Seoul
        case(4, status="more_documents", assigned_to=8),
    ]  # fmt: skip

    def ids(**wanted) -> list[int]:
        return [c.id for c in select_cases(cases, QueueFilter(**wanted), me=7)]

    assert ids() == [3, 1, 4]  # open ones, longest waiting first
    assert ids(status="all") == [3, 1, 2, 4]
    assert ids(status="approved") == [2]
    assert ids(status="all", program="native:other") == [2]
    assert ids(dong="명동") == [3]
    assert ids(since=date(2026, 11, 21), until=date(2026, 11, 21)) == [3]
    assert ids(since=date(2026, 11, 22)) == [1, 4]
    assert ids(assigned="me") == [1]
    assert ids(assigned="none") == [3]
    assert ids(assigned="8") == [4]


def test_waiting_days_count_seoul_days_from_one() -> None:
    late_evening = case(submitted_at=datetime(2026, 12, 1, 15, 30, tzinfo=UTC))  # 12-02 00:30 in Seoul
    assert waiting_days(late_evening, date(2026, 12, 2)) == 1
    assert waiting_days(late_evening, date(2026, 12, 11)) == 10


def test_paging_fifty_a_page_with_the_total() -> None:
    cases = [case(i) for i in range(1, 121)]
    first, last = page_of(cases, 1), page_of(cases, 3)
    assert (first.total, first.pages, len(first.cases), first.cases[0].id) == (120, 3, 50, 1)
    assert (len(last.cases), last.cases[0].id) == (20, 101)
    assert page_of(cases, 9).page == 3 and page_of([], 2).page == 1


def test_the_filter_travels_in_the_address_and_reaches_the_audit_without_the_search_text() -> None:
    wanted = QueueFilter("김영희", "approved", "native:lunch", "신당동", date(2026, 11, 1), None, "me", 2)
    assert parse_filter(wanted.as_query()) == wanted
    assert QueueFilter().as_query() == {}
    assert "김영희" not in wanted.audit_text() and "q=yes" in wanted.audit_text()
    bad = parse_filter(
        {"status": "drop table", "from": "2026-13-40", "assigned": "x", "page": "-3", "q": "x" * 99}
    )
    assert (bad.status, bad.since, bad.assigned, bad.page, len(bad.query)) == ("open", None, "any", 1, 60)


def test_export_rows_in_header_order_with_formulas_disarmed() -> None:
    decided = case(status="approved", assigned_to=7, decided_at=datetime(2026, 12, 3, 16, 0, tzinfo=UTC),
                   identity=Identity("=HYPERLINK(\"http://x\")", date(1950, 3, 1), "", "", ""))  # fmt: skip
    labels = ExportLabels({"native:lunch": "경로식당"}, {"approved": "승인"}, {7: "officer@junggu.example"})
    row = export_row(decided, labels)
    assert dict(zip(EXPORT_HEADERS, row, strict=True)) == {
        "접수번호": "중구-2026-000123", "신청일": "2026-12-01", "사업": "경로식당", "상태": "승인",
        "이름": "'=HYPERLINK(\"http://x\")", "생년월일": "1950-03-01", "동": "", "연락처": "010-5555-7272",
        "담당": "officer@junggu.example", "처리일": "2026-12-04",
    }  # fmt: skip
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1"):
        assert cell_text(dangerous).startswith("'")
    assert cell_text("김영희") == "김영희"


def test_csv_and_xlsx_carry_the_korean_headers_and_the_rows() -> None:
    rows = [export_row(case(), ExportLabels())]
    text = csv_bytes(rows).decode("utf-8")
    assert text.startswith("\ufeff")
    parsed = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert parsed[0] == list(EXPORT_HEADERS) and parsed[1][4] == "김영희"
    sheet = load_workbook(io.BytesIO(xlsx_bytes(rows))).active
    values = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert values[0] == list(EXPORT_HEADERS) and values[1][0] == "중구-2026-000123"


def test_duplicates_are_flagged_on_the_ids_given() -> None:
    flagged = with_duplicates([case(1), case(2)], [2])
    assert [c.duplicate for c in flagged] == [False, True]
