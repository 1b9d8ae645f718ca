"""Staff administration for admins: the officers' list (/staff/accounts) and the audit log (/staff/audit).

Every handler asks who is asking (an active admin who has set their own password) before it reads or
changes anything; every change is audited by the action; every moment is shown in Seoul time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.staff import (
    audit_log,
    change_staff,
    create_staff,
    disable_officer,
    officers,
    unknown_departments,
)  # fmt: skip
from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import STAFF_ROLES
from naesone_app.core.audit import ACTION_LABELS
from naesone_app.core.departments import departments
from naesone_app.core.i18n import N_, Message, gettext_for, render
from naesone_app.db.account_models import Account
from naesone_app.state.application_views import moment_text
from naesone_app.state.asking import AskingMixin
from naesone_app.state.ids import sent_id
from naesone_app.state.session import mask_login

ROLE_LABELS = {"staff": N_("직원"), "editor": N_("혜택 목록 편집자"), "admin": N_("관리자")}


@dataclass
class OfficerRow:
    id: int = 0
    login: str = ""
    role: str = ""
    role_label: str = ""
    department: str = ""  # as stored (the Korean name): the value of the change form's select
    department_label: str = ""  # in the reader's language
    known_department: bool = True
    created: str = ""
    last_sign_in: str = ""
    disabled: bool = False
    must_change: bool = False
    is_me: bool = False


@dataclass
class Choice:
    value: str = ""
    label: str = ""


@dataclass
class AuditRow:
    code: str = ""  # the action as recorded (for filtering and tests); `action` is its words
    at: str = ""
    actor: str = ""
    action: str = ""
    subject: str = ""
    detail: str = ""


def _text(form: Any, field: str, limit: int = 300) -> str:
    value = form.get(field) if isinstance(form, dict) else None
    return value[:limit].strip() if isinstance(value, str) else ""


def department_choices(locale: str) -> list[Choice]:
    """The departments of the file for a select, labelled with their 국 ("복지국 · 어르신복지과")."""
    return [Choice(d.name, d.label(locale)) for d in departments().all]


class StaffAdminState(AskingMixin, rx.State):
    """The officers' accounts as an admin manages them; empty for anyone else."""

    allowed: bool = False
    rows: list[OfficerRow] = []
    unknown: list[str] = []  # "login: department" lines whose department is not in the file
    departments: list[Choice] = []
    roles: list[Choice] = []
    editing: int = 0  # the account whose role/department form is open
    field_errors: dict[str, str] = {}
    notice: str = ""

    async def _admin(self) -> Account | None:
        account = await self._staff()
        return account if account is not None and account.role == "admin" else None

    def _load(self, admin: Account) -> None:
        locale = self._locale()
        _ = gettext_for(locale)
        known = departments()
        self.rows = [
            OfficerRow(a.id, mask_login(a.login), a.role, _(ROLE_LABELS.get(a.role, a.role)), a.department,
                       known.display_name(a.department, locale), known.by_name(a.department) is not None,
                       moment_text(a.created_at, locale),
                       moment_text(a.last_sign_in_at, locale) or _("로그인한 적 없음"), a.disabled_at is not None,
                       a.must_change_password, a.id == admin.id)
            for a in officers(actor_of(admin))
        ]  # fmt: skip
        self.unknown = [
            f"{mask_login(login)}: {name}" for login, name in unknown_departments(actor_of(admin))
        ]
        self.departments = department_choices(locale)
        self.roles = [Choice(role, _(ROLE_LABELS[role])) for role in STAFF_ROLES]

    def _say(self, msgid: str) -> None:
        self.field_errors, self.notice = {}, render(Message(msgid), self._locale())

    def _fail(self, exc: AccountError) -> None:
        self.field_errors, self.notice = {exc.field: render(exc.message, self._locale())}, ""

    @rx.event
    async def open_accounts(self):
        """on_load of /staff/accounts: admins only; everyone else is sent to the desk (which sends on)."""
        admin = await self._admin()
        self.field_errors, self.notice, self.editing = {}, "", 0
        if admin is None:
            self.allowed, self.rows, self.unknown = False, [], []
            return rx.redirect(("/en" if self._locale() == "en" else "") + "/staff")
        self.allowed = True
        self._load(admin)
        return None

    @rx.event
    async def create(self, form: dict[str, Any]):
        """Create an officer's account with a temporary password and a department from the select."""
        admin = await self._admin()
        if admin is None:
            return None
        try:
            create_staff(actor_of(admin), _text(form, "login", 254), _text(form, "password", 200),
                         _text(form, "role", 16), _text(form, "department", 100))  # fmt: skip
        except AccountError as exc:
            return self._fail(exc)
        self._say(N_("직원 계정을 만들었습니다. 처음 로그인할 때 임시 비밀번호를 바꾸게 됩니다."))
        self._load(admin)
        return [rx.set_value("login", ""), rx.set_value("password", "")]

    @rx.event
    async def set_disabled(self, account_id: int, disabled: bool):
        """Disable (its sessions end now) or enable an officer's account."""
        admin = await self._admin()
        if admin is None or sent_id(account_id) is None or not isinstance(disabled, bool):
            return
        try:
            disable_officer(actor_of(admin), account_id, disabled)
        except AccountError as exc:
            return self._fail(exc)
        self._say(N_("계정 사용을 중지했습니다. 열려 있던 로그인도 모두 끝났습니다.") if disabled
                  else N_("계정을 다시 사용할 수 있게 했습니다."))  # fmt: skip
        self._load(admin)

    @rx.event
    async def edit(self, account_id: int):
        """Open the role/department form of one officer (0 closes it)."""
        if await self._admin() is None or not isinstance(account_id, int) or isinstance(account_id, bool):
            return
        self.editing = account_id if sent_id(account_id) is not None else 0
        self.field_errors = {}

    @rx.event
    async def change(self, form: dict[str, Any]):
        """Change the role and department of the officer whose form is open."""
        admin = await self._admin()
        if admin is None or sent_id(self.editing) is None:
            return
        try:
            change_staff(
                actor_of(admin), self.editing, _text(form, "new_role", 16), _text(form, "new_department", 100)
            )
        except AccountError as exc:
            field = {"role": "new_role", "department": "new_department"}.get(exc.field, exc.field)
            self.field_errors, self.notice = {field: render(exc.message, self._locale())}, ""
            return None
        self.editing = 0
        self._say(N_("역할과 부서를 바꿨습니다."))
        self._load(admin)


class StaffAuditState(AskingMixin, rx.State):
    """The newest audit entries, in Seoul time, for admins."""

    allowed: bool = False
    rows: list[AuditRow] = []

    @rx.event
    async def open_audit(self):
        """on_load of /staff/audit: admins only."""
        account = await self._staff()
        if account is None or account.role != "admin":
            self.allowed, self.rows = False, []
            return rx.redirect(("/en" if self._locale() == "en" else "") + "/staff")
        locale = self._locale()
        _ = gettext_for(locale)
        entries, logins = audit_log(actor_of(account), 200)
        self.allowed = True
        self.rows = [
            AuditRow(
                code=e.action,
                at=moment_text(e.at, locale),
                actor=mask_login(logins[e.actor_id]) if e.actor_id in logins else "-",
                action=_(ACTION_LABELS[e.action]) if e.action in ACTION_LABELS else e.action,
                subject=mask_login(logins[e.subject_id]) if e.subject_id in logins else "-",
                detail=e.detail,
            )
            for e in entries
        ]  # fmt: skip
        return None
