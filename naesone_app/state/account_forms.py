"""Sign-up, sign-in and password reset: validate, act in one transaction, then hand over the cookie."""

from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

import reflex as rx

from naesone_app.actions.accounts import ask_reset, sign_in, sign_up
from naesone_app.actions.accounts import finish_reset as finish_reset_with
from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import STAFF_ROLES
from naesone_app.core.dates import seoul_today
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.identity import IdentityError
from naesone_app.core.identity_form import identity_from_form
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.asking import AskingMixin
from naesone_app.state.campaign import CampaignState
from naesone_app.state.screening import ScreeningState
from naesone_app.state.session import claim_script

MAX_FIELD = 300


def matching_keys(profile: dict[str, Any]) -> list[str]:
    """The programmes a profile is eligible for today (the feed's baseline at sign-up)."""
    catalog = CATALOG.get()
    codes = catalog.statuses(facts_on(parse_profile(profile), seoul_today()))
    return [p.key for p, code in zip(catalog.programs, codes, strict=True) if code == 0]


OPTIONAL_CONSENTS = ("sensitive_profile", "notifications", "campaign_source")


def _text(form: Any, field: str) -> str:
    value = form.get(field) if isinstance(form, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _ticked(form: Any, field: str) -> bool:
    value = form.get(field) if isinstance(form, dict) else None
    return value is True or (isinstance(value, str) and value.lower() in ("on", "true"))


def _oversized(form: Any) -> str | None:
    if not isinstance(form, dict) or len(form) > 20:
        return "form"
    for key, value in form.items():
        if isinstance(value, str) and len(value) > MAX_FIELD:
            return str(key)
    return None


def local_path(value: object) -> str:
    """`next=` of the sign-in page if it is a path of this site (never another origin), else "".

    Any page of this app may ask to come back after sign-in (a course, an application form); the page
    itself still checks who may see it, so only "is it ours?" is decided here."""
    text = value if isinstance(value, str) else ""
    if not text.startswith("/") or text.startswith("//") or "\\" in text or len(text) > 300:
        return ""
    if any(c in text for c in "\r\n\t") or ":" in text.split("?", 1)[0]:
        return ""
    return text


FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")  # also the identity fields' names (core.identity_form)


def focus_script(field: str) -> str:
    """Move focus to the field with the error once it is drawn, and bring its message into view (a
    phone keyboard or a long consent list otherwise leaves it off-screen). The field name is checked
    and passed as JSON, never pasted in raw."""
    name = json.dumps(field if FIELD_NAME.match(field) else "login")
    return (
        "setTimeout(() => { const f = document.getElementById(" + name + "); if (!f) return;"
        " f.focus({preventScroll: true});"
        " const m = document.getElementById(" + name + " + '-error') || f;"
        " m.scrollIntoView({block: 'center'}); }, 50)"
    )


class AccountFormsState(AskingMixin, rx.State):
    """Messages next to fields, and the one notice line of the forms."""

    field_errors: dict[str, str] = {}
    notice: str = ""
    # the sign-up and sign-in links carry `next=` along, so a sign-up begun on 온라인 신청 comes back there
    next_query: str = ""

    def _prefix(self) -> str:
        return "/en" if self._locale() == "en" else ""

    def _next(self) -> str:
        return local_path(self.router.url.query_parameters.get("next", ""))

    def _fail(self, field: str, message: Message) -> Any:
        self.field_errors = {field: render(message, self._locale())}
        self.notice = ""
        return rx.call_script(focus_script(field))

    def _too_long(self, form: Any) -> bool:
        field = _oversized(form)
        if field:
            self._fail(field if field != "form" else "login", Message(N_("입력한 값이 너무 깁니다.")))
        return field is not None

    @rx.event
    def clear(self):
        """on_load of the form pages."""
        self.field_errors, self.notice = {}, ""
        back = self._next()
        self.next_query = "?next=" + quote(back, safe="") if back else ""

    @rx.event
    async def sign_up(self, form: dict[str, Any]):
        """Create the account; the questionnaire answers of this tab become its profile (with consent)."""
        if self._too_long(form):
            return rx.call_script(focus_script("login"))
        if not _ticked(form, "consent_account"):
            return self._fail("consent_account", Message(N_("회원 가입에 필요한 필수 동의입니다.")))
        if _text(form, "password") != _text(form, "password2"):
            return self._fail("password2", Message(N_("두 비밀번호가 같지 않습니다.")))
        answers = (await self.get_state(ScreeningState))._profile_for_others()
        try:
            identity = identity_from_form(form, optional=True)
            chosen = [purpose for purpose in OPTIONAL_CONSENTS if _ticked(form, f"consent_{purpose}")]
            tab_campaign = await self.get_state(CampaignState)  # the campaign this tab came from, if any
            handoff = sign_up(_text(form, "login"), _text(form, "password"), chosen, answers,
                              matching_keys(answers) if answers else (), identity,
                              tab_campaign._pending("signup"))  # fmt: skip
        except (AccountError, IdentityError) as exc:
            return self._fail(exc.field, exc.message)
        tab_campaign._done("signup")
        self.field_errors = {}
        return rx.call_script(claim_script(handoff, self._next() or f"{self._prefix()}/feed"))

    @rx.event
    def sign_in(self, form: dict[str, Any]):
        """Check the credentials (counting failures) and hand over a session."""
        if self._too_long(form):
            return None
        signed = sign_in(_text(form, "login"), _text(form, "password"))
        if isinstance(signed, AccountError):
            return self._fail(signed.field, signed.message)
        account, handoff = signed
        self.field_errors = {}
        if account.role in STAFF_ROLES and account.must_change_password:  # before any other page
            return rx.call_script(claim_script(handoff, f"{self._prefix()}/staff/password"))
        back = self._next()
        target = "/staff" if account.role in STAFF_ROLES else "/feed"
        return rx.call_script(claim_script(handoff, back or f"{self._prefix()}{target}"))

    def _reset_link(self, token: str) -> str:
        base = os.environ.get(
            "NAESONE_PUBLIC_URL", f"http://localhost:{os.environ.get('NAESONE_PORT', '3000')}"
        )
        return f"{base.rstrip('/')}{self._prefix()}/reset/confirm?token={token}"

    @rx.event
    def ask_reset(self, form: dict[str, Any]):
        """Send a one-time link by mail (e-mail accounts) or by text message (phone-number accounts);
        the answer is the same whether or not the account exists."""
        if self._too_long(form):
            return None
        login = _text(form, "login")
        by_phone = bool(login) and "@" not in login
        failed = ask_reset(login, self._reset_link, self._locale())
        if failed is not None:
            return self._fail("login", failed)
        self.field_errors = {}
        sent = (
            N_("가입된 번호이면 재설정 링크를 문자로 보냈습니다. 문자를 확인하세요.")
            if by_phone
            else N_("가입된 계정이면 재설정 링크를 보냈습니다. 메일함을 확인하세요.")
        )
        self.notice = render(Message(sent), self._locale())
        return None

    @rx.event
    def finish_reset(self, form: dict[str, Any]):
        """Set the new password with the token from the link; every old session ends."""
        if self._too_long(form):
            return
        if _text(form, "password") != _text(form, "password2"):
            return self._fail("password2", Message(N_("두 비밀번호가 같지 않습니다.")))
        token = self.router.url.query_parameters.get("token", "")
        try:
            finish_reset_with(token, _text(form, "password"))
        except AccountError as exc:
            return self._fail(exc.field, exc.message)
        self.field_errors = {}
        self.notice = render(
            Message(N_("비밀번호를 바꿨습니다. 새 비밀번호로 로그인하세요.")), self._locale()
        )
