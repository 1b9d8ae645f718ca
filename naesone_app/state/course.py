"""One course: register (once, however often the button is pressed), confirm a held seat, cancel.

Every handler works on the course this page opened and on the signed-in resident's own registration,
found on the server; nothing the browser sends names a registration. The idempotency key is made per
page view, so a double click or a resent event makes one registration.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from urllib.parse import quote

import reflex as rx

from naesone_app.actions.classes import cancel, confirm_hold, register
from naesone_app.core.i18n import N_, Message, render
from naesone_app.db.class_listing import course_by_code, my_registration
from naesone_app.db.class_locks import ClassError
from naesone_app.db.class_models import Registration
from naesone_app.db.classes import refund_for
from naesone_app.state.asking import AskingMixin
from naesone_app.state.class_views import (
    CourseCard,
    RegistrationLine,
    centre_office,
    course_card,
    refund_preview,
    registration_line,
    status_label,
)
from naesone_app.state.classes import resident_facts
from naesone_app.state.ids import address_id
from naesone_app.state.office_views import OfficeView
from naesone_app.state.session import SessionState

MAX_CODE_LENGTH = 60


class CourseState(AskingMixin, rx.State):
    """The course named by `?id=` in the URL, and where this resident stands on it."""

    card: CourseCard = CourseCard()
    found: bool = False
    loaded: bool = False
    shown_id: str = ""  # the `?id=` the page's record was loaded for (components.pwa.record_for_url)
    signed_in: bool = False
    is_resident: bool = False
    login_href: str = "/login"
    mine: RegistrationLine = RegistrationLine()
    centre_office: OfficeView = OfficeView()  # the 자치회관's building: address, hours, tel:, map
    has_mine: bool = False
    outcome: str = ""
    error: str = ""
    refund_text: str = ""
    confirming_cancel: bool = False
    _course_id: int = 0
    _key: str = ""

    def _show(self, row: Registration | None) -> None:
        listed = course_by_code(self.card.code) if self.card.code else None
        if row is None or listed is None:
            self.mine, self.has_mine = RegistrationLine(), False
            return
        self.mine, self.has_mine = (
            registration_line(row, listed.course, self.card.centre, self._locale(), self.card.dong),
            True,
        )

    def _refresh_card(self, account) -> None:
        listed = course_by_code(self.card.code)
        if listed is not None:
            self.card = course_card(listed, self._locale(), datetime.now(UTC), resident_facts(account))

    @rx.event
    async def open_course(self):
        """on_load: the course, the fee after this resident's reduction, and their registration."""
        locale = self._locale()
        code = self.router.url.query_parameters.get("id", "")[:MAX_CODE_LENGTH]
        listed = course_by_code(code) if code else None
        account = await self._me()
        self.loaded, self.found = True, listed is not None
        self.shown_id = address_id(self.router.url.query)
        self.outcome, self.error, self.refund_text, self.confirming_cancel = "", "", "", False
        self.signed_in, self.is_resident = (
            account is not None,
            account is not None and account.role == "resident",
        )
        prefix = "/en" if locale == "en" else ""
        self.login_href = f"{prefix}/login?next={quote(f'{prefix}/course?id={code}', safe='')}"
        self._key = secrets.token_urlsafe(18)
        if listed is None:
            self.card, self._course_id = CourseCard(), 0
            self._show(None)
            return
        self._course_id = listed.course.id
        self.card = course_card(listed, locale, datetime.now(UTC), resident_facts(account))
        self.centre_office = centre_office(listed.centre.dong, locale)
        self._show(my_registration(account.id, listed.course.id) if self.is_resident else None)

    @rx.event
    async def sign_up_for_course(self):
        """Register this resident (idempotent per page view); the outcome is said plainly."""
        account = await self._resident()
        if account is None or not self._course_id:
            return
        try:
            outcome = register(account.id, self._course_id, self._key, facts=resident_facts(account))
        except ClassError as exc:
            self.error, self.outcome = render(exc.message, self._locale()), ""
            return
        row = outcome.registration
        self.error = ""
        self.outcome = render(Message(N_("신청 결과: {status}"), {"status": status_label(row, self._locale())}),
                              self._locale())  # fmt: skip
        self._show(row)
        self._refresh_card(account)

    @rx.event
    async def confirm_seat(self):
        """Take the seat held for this resident after a promotion."""
        account = await self._resident()
        row = my_registration(account.id, self._course_id) if account and self._course_id else None
        if row is None:
            return
        try:
            row = confirm_hold(row.id, account.id)
        except ClassError as exc:
            self.error = render(exc.message, self._locale())
            row = my_registration(account.id, self._course_id)
        self._show(row)
        (await self.get_state(SessionState)).load_session()  # the menu's count of things to do

    @rx.event
    async def ask_cancel(self):
        """Show what cancelling now gives back, before anything is cancelled."""
        account = await self._resident()
        row = my_registration(account.id, self._course_id) if account and self._course_id else None
        listed = course_by_code(self.card.code) if row is not None else None
        if row is None or listed is None or row.status == "cancelled":
            return
        self.refund_text = refund_preview(refund_for(row, listed.course, datetime.now(UTC)), self._locale())
        self.confirming_cancel = True

    @rx.event
    def keep_registration(self):
        """Change of mind: nothing is cancelled."""
        self.confirming_cancel, self.refund_text = False, ""

    @rx.event
    async def cancel_registration(self):
        """Cancel this resident's registration; the refund is per 평생교육법 시행령 제23조."""
        account = await self._resident()
        row = my_registration(account.id, self._course_id) if account and self._course_id else None
        if row is None or not self.confirming_cancel:
            return
        try:
            row = cancel(row.id, account.id)
        except ClassError as exc:
            self.error = render(exc.message, self._locale())
            return
        self.confirming_cancel, self.refund_text, self.outcome, self.error = False, "", "", ""
        self._key = secrets.token_urlsafe(18)  # signing up again after a cancellation is a new registration
        self._show(row)
        self._refresh_card(account)
