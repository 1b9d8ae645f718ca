"""Staff and admin: look up a resident (every read is audited), create staff accounts, read the audit log.

Every handler checks the role of whoever asks, whatever the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.staff import audit_log, outbound, read_profile, residents
from naesone_app.actions.staff import create_staff as create_staff_account
from naesone_app.core.accounts import AccountError, normalize_login
from naesone_app.core.answers import settled_for
from naesone_app.core.audit import ACTION_LABELS
from naesone_app.core.dates import seoul_today
from naesone_app.core.i18n import N_, Message, format_date, gettext_for, render
from naesone_app.core.stale import responsible_department, stale_programs
from naesone_app.db.account_models import Account
from naesone_app.db.accounts import STAFF_ROLES
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.asking import AskingMixin
from naesone_app.state.ids import sent_id
from naesone_app.state.session import mask_login
from naesone_app.state.views import CHANNEL_LABELS, AnswerLine, answer_lines

LISTED = 50
OUTBOUND_DAYS = 30


@dataclass
class ResidentRow:
    id: int = 0
    login: str = ""
    created: str = ""
    has_profile: bool = False


@dataclass
class AuditRow:
    code: str = ""  # the action as recorded (for filtering and tests); `action` is its words
    at: str = ""
    actor: str = ""
    action: str = ""
    subject: str = ""
    detail: str = ""


@dataclass
class OutboundRow:
    """One programme's tracked-link use (counts only: no resident is named)."""

    title: str = ""
    where: str = ""
    visits: int = 0
    residents: int = 0
    reported_applied: int = 0


@dataclass
class StaleRow:
    """A programme whose application window is from a past year (its department owes new dates)."""

    key: str = ""
    title: str = ""
    window: str = ""
    department: str = ""


class StaffState(AskingMixin, rx.State):
    """What a staff member sees; empty for anyone else."""

    allowed: bool = False
    is_admin: bool = False
    residents: list[ResidentRow] = []
    viewing_login: str = ""
    viewing: list[AnswerLine] = []
    audit_rows: list[AuditRow] = []
    outbound_rows: list[OutboundRow] = []
    stale_rows: list[StaleRow] = []
    field_errors: dict[str, str] = {}
    notice: str = ""

    def _list(self, staff: Account, query: str = "") -> None:
        found = residents(actor_of(staff), query, LISTED)
        rows, profiled = found.accounts, found.profiled
        self.residents = [ResidentRow(a.id, mask_login(a.login), a.created_at.date().isoformat(), a.id in profiled)
                          for a in rows]  # fmt: skip

    def _load_audit(self, admin: Account) -> None:
        _ = gettext_for(self._locale())
        entries, logins = audit_log(actor_of(admin), 100)
        self.audit_rows = [
            AuditRow(
                code=e.action,
                at=e.at.isoformat(timespec="seconds"),
                actor=mask_login(logins[e.actor_id]) if e.actor_id in logins else "-",
                action=_(ACTION_LABELS[e.action]) if e.action in ACTION_LABELS else e.action,
                subject=mask_login(logins[e.subject_id]) if e.subject_id in logins else "-",
                detail=e.detail,
            )
            for e in entries
        ]  # fmt: skip

    def _load_outbound(self, staff: Account) -> None:
        locale = self._locale()
        since = seoul_today() - timedelta(days=OUTBOUND_DAYS - 1)
        summary = outbound(actor_of(staff), since)
        rows = []
        for line in summary:
            program = CATALOG.program(line.program_key)
            title = program.text(locale).title if program else line.program_key
            where = (
                gettext_for(locale)(CHANNEL_LABELS[line.channel]) if line.channel in CHANNEL_LABELS else ""
            )
            rows.append(OutboundRow(title, where, line.visits, line.residents, line.reported_applied))
        self.outbound_rows = rows

    def _load_stale(self, staff: Account) -> None:
        """Stale windows of the staff member's own department (every department for an admin)."""
        locale = self._locale()
        department = None if staff.role == "admin" else staff.department
        rows = []
        for program in stale_programs(CATALOG.get().programs, seoul_today(), department):
            days = [format_date(d, locale) for d in (program.opens_on, program.closes_on) if d is not None]
            rows.append(StaleRow(program.key, program.text(locale).title, " ~ ".join(days),
                                 responsible_department(program)))  # fmt: skip
        self.stale_rows = rows

    @rx.event
    async def open_staff(self):
        """on_load: staff and admins only; everyone else is sent home."""
        staff = await self._staff()
        self.allowed, self.is_admin = staff is not None, staff is not None and staff.role == "admin"
        self.viewing, self.viewing_login, self.field_errors, self.notice = [], "", {}, ""
        if staff is None:
            self.residents, self.audit_rows, self.stale_rows = [], [], []
            return rx.redirect("/en" if self._locale() == "en" else "/")
        self._list(staff)
        self._load_outbound(staff)
        self._load_stale(staff)
        if self.is_admin:
            self._load_audit(staff)
        return None

    @rx.event
    async def search(self, form: dict[str, Any]):
        """Find a resident by their exact email or phone number."""
        staff = await self._staff()
        if staff is None or not isinstance(form, dict):
            return
        text = form.get("query") if isinstance(form.get("query"), str) else ""
        try:
            self._list(staff, normalize_login(text[:254]) if text.strip() else "")
        except AccountError as exc:
            self.field_errors = {"query": render(exc.message, self._locale())}

    @rx.event
    async def view_resident(self, account_id: int):
        """Open one resident's profile; the read is written to the audit log first."""
        staff = await self._staff()
        if staff is None or sent_id(account_id) is None:
            return
        read = read_profile(actor_of(staff), account_id)
        if read is None:
            return
        resident, profile = read
        self.viewing_login = mask_login(resident.login)
        self.viewing = answer_lines(profile, list(settled_for(profile)), self._locale())
        if self.is_admin:
            self._load_audit(staff)

    @rx.event
    async def create_staff(self, form: dict[str, Any]):
        """Admins create staff (and admin) accounts."""
        admin = await self._staff()
        if admin is None or admin.role != "admin" or not isinstance(form, dict):
            return
        text = {k: (v[:300] if isinstance(v, str) else "") for k, v in form.items()}
        role = text.get("role") if text.get("role") in STAFF_ROLES else "staff"
        try:
            create_staff_account(actor_of(admin), text.get("login", ""), text.get("password", ""), role,
                         text.get("department", "").strip())  # fmt: skip
        except AccountError as exc:
            self.field_errors = {exc.field: render(exc.message, self._locale())}
            return
        self.field_errors = {}
        self.notice = render(Message(N_("직원 계정을 만들었습니다.")), self._locale())
        self._load_audit(admin)
