"""The staff desk (/staff): an officer's own work (the queue, stale windows, outbound use, the counter
reset); for admins also the resident browser, one stated purpose per search (audited).

Every handler checks the role of whoever asks, whatever the page shows; a resident is read only through
a case of the officer's department (actions.staff.read_profile), every read and refusal audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.staff import outbound, read_profile, residents
from naesone_app.core.accounts import AccountError, normalize_login
from naesone_app.core.actor import STAFF_ROLES, NotAllowed
from naesone_app.core.answers import settled_for
from naesone_app.core.dates import seoul_today
from naesone_app.core.departments import departments
from naesone_app.core.i18n import N_, Message, format_date, gettext_for, render
from naesone_app.core.stale import responsible_department, stale_programs
from naesone_app.db.account_models import Account
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.application_views import moment_text
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


def _text(form: Any, field: str, limit: int = 300) -> str:
    value = form.get(field) if isinstance(form, dict) else None
    return value[:limit] if isinstance(value, str) else ""


class StaffState(AskingMixin, rx.State):
    """What an officer sees on /staff; empty for anyone else."""

    allowed: bool = False
    is_admin: bool = False
    department: str = ""
    residents: list[ResidentRow] = []
    searched: bool = False
    viewing_login: str = ""
    viewing: list[AnswerLine] = []
    outbound_rows: list[OutboundRow] = []
    stale_rows: list[StaleRow] = []
    field_errors: dict[str, str] = {}
    notice: str = ""

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
        """Stale windows of the officer's own department (every department for editors and admins)."""
        locale = self._locale()
        department = None if actor_of(staff).sees_every_department else staff.department
        rows = []
        for program in stale_programs(CATALOG.get().programs, seoul_today(), department):
            days = [format_date(d, locale) for d in (program.opens_on, program.closes_on) if d is not None]
            rows.append(StaleRow(program.key, program.text(locale).title, " ~ ".join(days),
                                 responsible_department(program)))  # fmt: skip
        self.stale_rows = rows

    def _away(self):
        """Where someone who may not see the desk goes: an officer on a temporary password to set their
        own, anyone else home."""
        self.allowed = self.is_admin = self.searched = False
        self.residents, self.stale_rows, self.outbound_rows, self.department = [], [], [], ""
        return rx.redirect("/en" if self._locale() == "en" else "/")

    @rx.event
    async def open_staff(self):
        """on_load: officers only; an officer on a temporary password is sent to change it first."""
        staff = await self._staff()
        self.viewing, self.viewing_login, self.field_errors, self.notice = [], "", {}, ""
        if staff is None:
            me = await self._me()
            away = self._away()
            if me is not None and me.role in STAFF_ROLES and me.must_change_password:
                return rx.redirect(("/en" if self._locale() == "en" else "") + "/staff/password")
            return away
        self.allowed, self.is_admin = True, staff.role == "admin"
        self.department = departments().display_name(staff.department, self._locale())
        self.residents, self.searched = [], False
        self._load_outbound(staff)
        self._load_stale(staff)
        return None

    @rx.event
    async def search(self, form: dict[str, Any]):
        """Admins: find residents (the newest, or one by exact email or phone) for a stated purpose."""
        staff = await self._staff()
        if staff is None or staff.role != "admin" or not isinstance(form, dict):
            return
        query = _text(form, "query", 254).strip()
        try:
            login = normalize_login(query) if query else ""
            found = residents(
                actor_of(staff), login, _text(form, "purpose", 40), _text(form, "purpose_text"), LISTED
            )
        except AccountError as exc:
            self.field_errors = {
                "query" if exc.field == "login" else exc.field: render(exc.message, self._locale())
            }
            return
        self.field_errors, self.searched = {}, True
        self.residents = [ResidentRow(a.id, mask_login(a.login), moment_text(a.created_at, self._locale()),
                                      a.id in found.profiled) for a in found.accounts]  # fmt: skip

    @rx.event
    async def view_resident(self, account_id: int):
        """Open one resident's profile: only through a case of the officer's department (admins: any);
        the read — or the refusal — is written to the audit log first."""
        staff = await self._staff()
        if staff is None or sent_id(account_id) is None:
            return
        try:
            read = read_profile(actor_of(staff), account_id)
        except NotAllowed:
            self.viewing, self.viewing_login = [], ""
            self.notice = render(Message(N_("우리 부서에 이 주민의 신청이나 강좌 등록이 없어 열람할 수 없어요.")),
                                 self._locale())  # fmt: skip
            return
        if read is None:
            return
        resident, profile = read
        self.notice = ""
        self.viewing_login = mask_login(resident.login)
        self.viewing = answer_lines(profile, list(settled_for(profile)), self._locale())
