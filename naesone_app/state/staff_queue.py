"""The officer's queue (/staff/applications): search, filters, paging, "내가 맡기", and the export.

Every handler asks who is calling and goes through actions/queue.py, which scopes the cases to the
officer's department (every department for an admin) and audits the read. The filters live in the page's
address (`?q=…&status=…`): the page reads them on load and writes them back with history.replaceState,
so a reload or a link shared with a colleague shows the same cases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.queue import assign, export_cases, read_queue
from naesone_app.core.actor import NotAllowed
from naesone_app.core.dates import seoul_today
from naesone_app.core.dongs import DONGS
from naesone_app.core.i18n import N_, Message, format_date, render
from naesone_app.core.queue import (
    ASSIGNED_ANYONE,
    Case,
    QueueFilter,
    csv_bytes,
    parse_filter,
    waiting_days,
    xlsx_bytes,
)  # fmt: skip
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import NotFound
from naesone_app.state.application_views import status_text
from naesone_app.state.applications import program_title
from naesone_app.state.asking import AskingMixin
from naesone_app.state.locale import locale_of_path
from naesone_app.state.session import mask_login

FILTER_KEYS = ("q", "status", "program", "dong", "from", "to", "assigned", "page")
MAX_DEPARTMENT = 100


@dataclass
class QueueRow:
    """One case as a row of the queue: what identifies it to an officer on the phone."""

    id: int = 0
    receipt_no: str = ""
    applicant: str = ""  # the name; the masked sign-in when the resident has not given one
    dong: str = ""
    title: str = ""
    department: str = ""
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    waiting: str = ""
    waiting_days: int = 0
    assignee: str = ""  # "" when nobody has the case
    mine: bool = False
    duplicate: bool = False  # 중복: the lead wires the duplicate rule in (core.queue.with_duplicates)


@dataclass
class Option:
    value: str = ""
    label: str = ""


def _home(state: rx.State):
    return rx.redirect("/en" if locale_of_path(state.router.url.path) == "en" else "/")


def queue_row(case: Case, today, names: dict[int, str], me: int, locale: str) -> QueueRow:
    days = waiting_days(case, today)
    return QueueRow(
        id=case.id,
        receipt_no=case.receipt_no,
        applicant=case.name or mask_login(case.login),
        dong=case.dong,
        title=program_title(case.program_key, locale),
        department=case.department,
        status=case.status,
        status_label=status_text(case.status, locale),
        submitted=format_date(case.submitted_on, locale),
        waiting=render(Message(N_("{days}일째"), {"days": days}), locale),
        waiting_days=days,
        assignee=names.get(case.assigned_to, "") if case.assigned_to is not None else "",
        mine=case.assigned_to == me,
        duplicate=case.duplicate,
    )


class StaffQueueState(AskingMixin, rx.State):
    """The review queue of the staff member's department (every department for an admin)."""

    allowed: bool = False
    is_admin: bool = False
    department: str = ""  # the staff member's department ("" for an admin: every one)
    # the filters, as the form shows them
    query_text: str = ""
    status_filter: str = "open"
    program_filter: str = ""
    dong_filter: str = ""
    date_from: str = ""
    date_to: str = ""
    assigned_filter: str = ASSIGNED_ANYONE
    department_filter: str = ""  # an admin's choice of department ("" every one)
    form_key: int = 0  # changes whenever the filters are set from outside the form, so it shows them
    page: int = 1
    pages: int = 1
    total: int = 0
    total_text: str = ""
    rows: list[QueueRow] = []
    program_options: list[Option] = []
    officer_options: list[Option] = []
    department_options: list[str] = []
    dong_options: list[str] = [d.name for d in DONGS]
    notice: str = ""

    def _filter(self) -> QueueFilter:
        return parse_filter({
            "q": self.query_text, "status": self.status_filter, "program": self.program_filter,
            "dong": self.dong_filter, "from": self.date_from, "to": self.date_to,
            "assigned": self.assigned_filter, "page": str(self.page),
        })  # fmt: skip

    def _take_filter(self, wanted: QueueFilter, department: str) -> None:
        self.query_text, self.status_filter = wanted.query, wanted.status
        self.program_filter, self.dong_filter = wanted.program, wanted.dong
        self.date_from = wanted.since.isoformat() if wanted.since else ""
        self.date_to = wanted.until.isoformat() if wanted.until else ""
        self.assigned_filter, self.page = wanted.assigned, wanted.page
        self.department_filter = department[:MAX_DEPARTMENT] if self.is_admin else ""
        self.form_key += 1

    def _load(self, staff: Account) -> None:
        locale = self._locale()
        me = int(staff.id or 0)
        try:
            view = read_queue(actor_of(staff), self._filter(), self.department_filter or None)
        except NotAllowed:
            self.rows, self.total = [], 0
            return
        today = seoul_today()
        shown = view.page
        self.rows = [queue_row(case, today, view.assignees, me, locale) for case in shown.cases]
        self.total, self.page, self.pages = shown.total, shown.page, shown.pages
        self.total_text = render(Message(N_("조건에 맞는 신청 {n}건"), {"n": shown.total}), locale)
        self.program_options = sorted(
            (Option(key, program_title(key, locale)) for key in view.programs), key=lambda o: o.label
        )
        self.officer_options = [Option(str(i), login) for i, login in view.officers if i != me]
        self.department_options = view.departments

    def _address(self) -> list:
        """Write the filters into the address bar (no new history entry, no reload)."""
        values = self._filter().as_query()
        if self.department_filter:
            values["department"] = self.department_filter
        query = urlencode(values)
        url = self.router.url.path + ("?" + query if query else "")
        return [rx.call_script(f"window.history.replaceState(null, '', {json.dumps(url)})")]

    @rx.event
    async def open_queue(self):
        """on_load: staff and admins only; the filters come from the address."""
        staff = await self._staff()
        self.allowed = staff is not None
        self.notice = ""
        if staff is None:
            self.rows, self.department, self.total = [], "", 0
            return _home(self)
        self.is_admin = staff.role == "admin"
        self.department = "" if self.is_admin else staff.department
        values = {k: v for k, v in self.router.url.query_parameters.items() if isinstance(v, str)}
        self._take_filter(parse_filter(values), values.get("department", ""))
        self._load(staff)
        return None

    @rx.event
    async def apply_filters(self, form: dict[str, Any]):
        """검색: the search field and every filter at once, from the first page."""
        staff = await self._staff()
        if staff is None or not isinstance(form, dict):
            return None
        values = {key: form.get(key) for key in FILTER_KEYS if isinstance(form.get(key), str)}
        values["page"] = "1"
        department = form.get("department") if isinstance(form.get("department"), str) else ""
        self._take_filter(parse_filter(values), department)
        self._load(staff)
        return self._address()

    @rx.event
    async def clear_filters(self):
        """처음 상태로: every open case of the department."""
        staff = await self._staff()
        if staff is None:
            return None
        self._take_filter(QueueFilter(), "")
        self._load(staff)
        return self._address()

    @rx.event
    async def turn_page(self, step: int):
        """이전 / 다음."""
        staff = await self._staff()
        if staff is None or step not in (-1, 1):
            return None
        self.page = max(1, self.page + step)
        self._load(staff)
        return self._address()

    @rx.event
    async def take(self, application_id: int):
        """내가 맡기: the officer takes the case (recorded in the audit log)."""
        staff = await self._staff()
        if staff is None or not isinstance(application_id, int):
            return
        locale = self._locale()
        try:
            assign(actor_of(staff), application_id, int(staff.id or 0))
        except (NotFound, NotAllowed):
            self.notice = render(Message(N_("이 신청을 맡을 수 없어요.")), locale)
            return
        self._load(staff)
        self.notice = render(Message(N_("신청을 맡았어요.")), locale)

    async def _export(self, kind: str):
        staff = await self._staff()
        if staff is None:
            return None
        try:
            found = export_cases(actor_of(staff), self._filter(), self.department_filter or None)
        except NotAllowed:
            return None
        stamp = seoul_today().isoformat()
        if kind == "csv":
            return rx.download(data=csv_bytes(found.rows), filename=f"applications-{stamp}.csv")
        return rx.download(data=xlsx_bytes(found.rows), filename=f"applications-{stamp}.xlsx")

    @rx.event
    async def export_csv(self):
        """The department's cases that match the filters, as CSV (audited)."""
        return await self._export("csv")

    @rx.event
    async def export_xlsx(self):
        """The same as an Excel workbook (audited)."""
        return await self._export("xlsx")
