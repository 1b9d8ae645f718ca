"""The officer's working queue: which cases a search and the filters keep, in which order, one page of
them, and a case as a row of the department's export. Pure Python.

One search field takes what a caller quotes on the phone: the 접수번호 ("중구-2026-000123", or just its
number), a phone number (the identity's or the sign-in number), or a part of the name. The filters are
plain values so that they can travel in the page's address and be written, without names, to the audit
log when the cases are exported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from naesone_app.core.dates import KST
from naesone_app.core.identity import Identity, name_matches

PAGE_SIZE = 50
STATUS_FILTERS = ("open", "all", "submitted", "in_review", "more_documents", "approved", "rejected")
OPEN = ("submitted", "in_review", "more_documents")
ASSIGNED_ANYONE, ASSIGNED_ME, ASSIGNED_NOBODY = "any", "me", "none"
MAX_QUERY = 60

_RECEIPT = re.compile(r"^(?:중구-?)?(?:(\d{4})-)?0*(\d{1,6})$")
_PHONE_LIKE = re.compile(r"^\+?[\d\-().]{7,}$")


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the officer asked for. Every field has a "no restriction" value ("" or the default)."""

    query: str = ""
    status: str = "open"  # one of STATUS_FILTERS
    program: str = ""  # a programme key
    dong: str = ""  # a 행정동 name
    since: date | None = None  # submitted on or after (Seoul date)
    until: date | None = None  # submitted on or before
    assigned: str = ASSIGNED_ANYONE  # any | me | none | a colleague's account id in digits
    page: int = 1

    def statuses(self) -> tuple[str, ...] | None:
        """The statuses to read from the database (None: every status)."""
        if self.status == "all":
            return None
        return OPEN if self.status == "open" else (self.status,)

    def as_query(self) -> dict[str, str]:
        """The filter as URL query parameters, only those that restrict (a reload or shared link keeps
        them); `parse_filter` reads them back."""
        values = {
            "q": self.query,
            "status": "" if self.status == "open" else self.status,
            "program": self.program,
            "dong": self.dong,
            "from": self.since.isoformat() if self.since else "",
            "to": self.until.isoformat() if self.until else "",
            "assigned": "" if self.assigned == ASSIGNED_ANYONE else self.assigned,
            "page": "" if self.page == 1 else str(self.page),
        }
        return {key: value for key, value in values.items() if value}

    def query_string(self) -> str:
        return urlencode(self.as_query())

    def audit_text(self) -> str:
        """The filters for the audit log: never the search text (it may be a name), only that there was one."""
        parts = {key: value for key, value in self.as_query().items() if key not in ("q", "page")}
        if self.query:
            parts["q"] = "yes"
        return ",".join(f"{key}={value}" for key, value in sorted(parts.items())) or "none"


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


def parse_filter(values: dict[str, str]) -> QueueFilter:
    """A filter from URL query parameters (or form values); what cannot be read is left unrestricted."""

    def text(key: str, limit: int = 140) -> str:
        value = values.get(key, "")
        return value.strip()[:limit] if isinstance(value, str) else ""

    status = text("status") or "open"
    assigned = text("assigned") or ASSIGNED_ANYONE
    if assigned not in (ASSIGNED_ANYONE, ASSIGNED_ME, ASSIGNED_NOBODY) and not assigned.isdigit():
        assigned = ASSIGNED_ANYONE
    page = text("page")
    return QueueFilter(
        query=text("q", MAX_QUERY),
        status=status if status in STATUS_FILTERS else "open",
        program=text("program"),
        dong=text("dong", 20),
        since=_day(text("from", 10)),
        until=_day(text("to", 10)),
        assigned=assigned,
        page=int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1,
    )


@dataclass(frozen=True, slots=True)
class Case:
    """One application as the queue knows it: what the database holds, with the identity decrypted."""

    id: int
    receipt_no: str
    program_key: str
    department: str
    status: str
    submitted_at: datetime
    login: str  # the resident's sign-in (email or mobile number)
    identity: Identity | None = None
    profile_dong: str = ""  # the profile's 동 when the identity has none
    assigned_to: int | None = None
    decided_at: datetime | None = None
    duplicate: bool = False  # the same resident has another active or approved case of this programme

    @property
    def submitted_on(self) -> date:
        return seoul_day(self.submitted_at)

    @property
    def dong(self) -> str:
        return (self.identity.dong if self.identity else "") or self.profile_dong

    @property
    def name(self) -> str:
        return self.identity.name if self.identity else ""

    @property
    def phone(self) -> str:
        return (self.identity.phone if self.identity else "") or (self.login if self.login.isdigit() else "")


def seoul_day(moment: datetime) -> date:
    """The Seoul calendar day of a stored moment (naive moments are UTC, as the database keeps them)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(KST).date()


def waiting_days(case: Case, today: date) -> int:
    """The day of waiting the case is on: 1 on the day it came in."""
    return (today - case.submitted_on).days + 1


def search_kind(query: str) -> str:
    """What the officer typed: "receipt" (a 접수번호), "number" (up to 6 digits: a 접수번호's number or
    the end of a phone number), "phone", "name" or "" (nothing)."""
    text = "".join(query.split())
    if not text:
        return ""
    if text.startswith("중구") or re.match(r"^(?:19|20)\d{2}-\d{1,6}$", text):
        return "receipt" if _RECEIPT.match(text) else "name"
    if text.isdigit() and len(text) <= 6:
        return "number"
    if _PHONE_LIKE.match(text):
        return "phone"
    return "name"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phone_has(case: Case, digits: str) -> bool:
    if digits.startswith("82") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return any(digits in _digits(number) for number in (case.phone, case.login) if number)


def search_matches(case: Case, query: str) -> bool:
    """Whether the search finds the case (an empty search finds every case)."""
    kind = search_kind(query)
    text = "".join(query.split())
    if kind == "":
        return True
    if kind == "receipt":
        found = _RECEIPT.match(text)
        year, number = (found.group(1), int(found.group(2))) if found else (None, 0)
        return case.id == number and (year is None or case.receipt_no.startswith(f"중구-{year}-"))
    if kind == "number":
        return case.id == int(text) or (len(text) >= 4 and _phone_has(case, text))
    if kind == "phone":
        return _phone_has(case, _digits(text))
    return case.identity is not None and name_matches(case.identity, query)


def keeps(case: Case, wanted: QueueFilter, me: int) -> bool:
    """Whether the filter (status aside, which the database applies) and the search keep the case."""
    if wanted.program and case.program_key != wanted.program:
        return False
    if wanted.dong and case.dong != wanted.dong:
        return False
    if wanted.since and case.submitted_on < wanted.since:
        return False
    if wanted.until and case.submitted_on > wanted.until:
        return False
    if wanted.assigned == ASSIGNED_ME and case.assigned_to != me:
        return False
    if wanted.assigned == ASSIGNED_NOBODY and case.assigned_to is not None:
        return False
    if wanted.assigned.isdigit() and case.assigned_to != int(wanted.assigned):
        return False
    statuses = wanted.statuses()
    if statuses is not None and case.status not in statuses:
        return False
    return search_matches(case, wanted.query)


def select_cases(cases: Iterable[Case], wanted: QueueFilter, me: int) -> list[Case]:
    """The cases the filter keeps, longest waiting first (then by number)."""
    kept = [case for case in cases if keeps(case, wanted, me)]
    return sorted(kept, key=lambda case: (_utc(case), case.id))


def _utc(case: Case) -> datetime:
    moment = case.submitted_at
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class QueuePage:
    cases: list[Case]
    total: int
    page: int  # 1-based, within 1..pages
    pages: int


def page_of(cases: Sequence[Case], page: int, size: int = PAGE_SIZE) -> QueuePage:
    """One page of the cases (a page past the end shows the last one)."""
    pages = max(1, -(-len(cases) // size))
    page = min(max(1, page), pages)
    return QueuePage(list(cases[(page - 1) * size : page * size]), len(cases), page, pages)


# --- the export ---------------------------------------------------------------------------------------

EXPORT_HEADERS = ("접수번호", "신청일", "사업", "상태", "이름", "생년월일", "동", "연락처", "담당", "처리일")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: str) -> str:
    """A cell a spreadsheet will not run: text starting with = + - @ (or a tab/CR) gets a leading
    apostrophe (OWASP's CSV injection advice), so "=HYPERLINK(…)" typed as a name stays text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass(frozen=True, slots=True)
class ExportLabels:
    """What the caller names in words: the programme's title, the status label, the assignee."""

    program: dict[str, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    assignee: dict[int, str] = field(default_factory=dict)


def export_row(case: Case, labels: ExportLabels) -> list[str]:
    """One case as the export's row, in EXPORT_HEADERS order, every cell safe for a spreadsheet."""
    identity = case.identity or Identity()
    cells = [
        case.receipt_no,
        case.submitted_on.isoformat(),
        labels.program.get(case.program_key, case.program_key),
        labels.status.get(case.status, case.status),
        identity.name,
        identity.birth_date.isoformat() if identity.birth_date else "",
        case.dong,
        _phone_text(case.phone),
        labels.assignee.get(case.assigned_to, "") if case.assigned_to is not None else "",
        seoul_day(case.decided_at).isoformat() if case.decided_at else "",
    ]
    return [cell_text(cell) for cell in cells]


def _phone_text(digits: str) -> str:
    """01012345678 → 010-1234-5678 (what an officer dials); anything else as it is."""
    if len(digits) == 11 and digits.isdigit():
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def with_duplicates(cases: Sequence[Case], flagged: Iterable[int]) -> list[Case]:
    """The cases with `duplicate` set on the ids given (the duplicate rule is decided elsewhere)."""
    ids = set(flagged)
    return [replace(case, duplicate=case.id in ids) for case in cases]


def csv_bytes(rows: Iterable[Sequence[str]]) -> bytes:
    """The export as CSV in UTF-8 with a byte-order mark (so that Excel shows the Korean), headers first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADERS)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows: Iterable[Sequence[str]], sheet: str = "신청") -> bytes:
    """The export as an Excel workbook: one sheet, headers first, every cell stored as text."""
    from openpyxl import Workbook  # imported here: only an export needs it

    book = Workbook(write_only=True)
    page = book.create_sheet(sheet)
    page.append(list(EXPORT_HEADERS))
    for row in rows:
        page.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
