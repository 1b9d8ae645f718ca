"""Staff and classes: every course with its counts, the roster with payments, attendance per session date.

Every handler checks the role of whoever asks (staff or admin), whatever the page shows; every roster
read is audited per resident listed, every payment and attendance mark is audited with the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.class_jobs import new_seed, run_jobs_now
from naesone_app.actions.classes import (
    check_minimum_now,
    draw_now,
    record_payment,
    require_roster_keeper,
)
from naesone_app.core import classes as rules
from naesone_app.core.actor import Actor, NotAllowed
from naesone_app.core.class_policy import quarters_shown
from naesone_app.core.dates import KST, seoul_today
from naesone_app.core.i18n import N_, Message, format_won, render
from naesone_app.db.account_models import Account
from naesone_app.db.class_listing import course_by_code, courses_in
from naesone_app.db.class_locks import ClassError
from naesone_app.db.class_roster import mark_attendance, roster
from naesone_app.state.asking import AskingMixin
from naesone_app.state.class_views import CourseCard, course_card, moment, reduction_text, status_label
from naesone_app.state.ids import address_id, sent_id

MAX_CODE_LENGTH = 60


@dataclass
class StaffCourseLine:
    """A course in the staff list: what it is and how full."""

    code: str = ""
    title: str = ""
    centre: str = ""
    quarter: str = ""
    mode: str = ""
    counts: str = ""
    state: str = ""
    can_draw: bool = False
    can_check: bool = False


@dataclass
class RosterRow:
    """One learner or applicant on the roster."""

    id: int = 0
    login: str = ""
    status: str = ""
    status_label: str = ""
    reduction: str = ""
    fee_due: str = ""
    owes: bool = False
    paid: bool = False
    payment_due: str = ""
    learner: bool = False
    present: str = ""  # "present" | "absent" | "" (not marked) on the chosen date


class StaffClassesState(AskingMixin, rx.State):
    """The courses of this quarter and the next, for staff; empty for anyone else."""

    allowed: bool = False
    courses: list[StaffCourseLine] = []
    notice: str = ""

    def _load(self) -> None:
        locale, now = self._locale(), datetime.now(UTC)
        lines = []
        for listed in courses_in(quarters_shown(seoul_today())):
            card, course = course_card(listed, locale, now, None), listed.course
            closed = now >= course.closes_at
            lines.append(StaffCourseLine(
                code=course.code, title=card.title, centre=card.centre, quarter=course.quarter, mode=card.mode,
                counts=render(Message(N_("확정·확보 {seated} / {capacity} · 대기 {waiting} · 최소 {minimum}"),
                                      {"seated": listed.seated, "capacity": course.capacity,
                                       "waiting": listed.waiting, "minimum": course.minimum_enrolment}), locale),
                state=card.window_state,
                can_draw=closed and course.mode == "lottery" and course.status == "open",
                can_check=closed and course.status != "cancelled" and course.minimum_checked_at is None,
            ))  # fmt: skip
        self.courses = lines

    @rx.event
    async def open_staff_classes(self):
        """on_load: staff and admins only; everyone else is sent home."""
        staff = await self._staff()
        self.allowed, self.notice = staff is not None, ""
        if staff is None:
            self.courses = []
            return rx.redirect("/en" if self._locale() == "en" else "/")
        self._load()
        return None

    async def _act(self, code: str, work) -> None:
        staff = await self._staff()
        if staff is None or not isinstance(code, str) or len(code) > MAX_CODE_LENGTH:
            return
        listed = course_by_code(code)
        if listed is None:
            return
        try:
            message = work(actor_of(staff), listed.course)
        except ClassError as exc:
            message = exc.message
        self.notice = render(message, self._locale())
        self._load()

    @rx.event
    async def draw_lottery(self, code: str):
        """Draw a lottery whose window has closed (the same draw run_due would make; never twice)."""

        def draw(actor: Actor, course) -> Message:
            seed = course.lottery_seed if course.lottery_seed is not None else new_seed()
            result = draw_now(actor, course.id, course.code, seed)
            return Message(N_("추첨했어요: 선정 {winners}명, 대기 {waiting}명"),
                           {"winners": len(result.winners), "waiting": len(result.waitlist)})  # fmt: skip

        await self._act(code, draw)

    @rx.event
    async def check_minimum(self, code: str):
        """폐강 check now: below the minimum enrolment the course is cancelled with full refunds."""

        def check(actor: Actor, course) -> Message:
            if check_minimum_now(actor, course.id, course.code):
                return Message(N_("수강 인원이 최소 인원보다 적어 폐강했어요. 낸 돈은 모두 돌려드려요."))
            return Message(N_("최소 인원을 넘어 강좌를 그대로 열어요."))

        await self._act(code, check)

    @rx.event
    async def run_jobs_now(self):
        """Run everything that is due now (what the scheduled job does every few minutes)."""
        staff = await self._staff()
        if staff is None:
            return
        report = run_jobs_now(actor_of(staff))
        self.notice = render(Message(N_("추첨 {drawn}건, 자리 넘김 {settled}건, 폐강 {cancelled}건을 처리했어요."),
                                     {"drawn": len(report.drawn), "settled": len(report.settled),
                                      "cancelled": len(report.cancelled)}), self._locale())  # fmt: skip
        self._load()


class StaffCourseState(AskingMixin, rx.State):
    """One course's roster and attendance, for staff; empty for anyone else."""

    allowed: bool = False
    found: bool = False
    shown_id: str = ""  # the `?id=` the page's record was loaded for (components.pwa.record_for_url)
    card: CourseCard = CourseCard()
    rows: list[RosterRow] = []
    session_on: str = ""
    notice: str = ""
    _course_id: int = 0
    _ids: list[int] = []

    def _date(self) -> date:
        return date.fromisoformat(self.session_on)

    def _load(self, staff: Account) -> None:
        locale = self._locale()
        lines = roster(self._course_id, staff.id, staff.department, self._date())
        self._ids = [line.registration_id for line in lines]
        self.rows = [
            RosterRow(
                id=line.registration_id, login=line.login, status=r.status, status_label=status_label(r, locale),
                reduction=reduction_text(rules.REDUCTIONS_BY_CODE.get(r.reduction_code), locale),
                fee_due=format_won(r.fee_due_krw, locale), owes=r.status == "confirmed" and r.fee_due_krw > 0,
                paid=r.paid_at is not None, payment_due=moment(r.payment_due_at, locale) if r.paid_at is None else "",
                learner=r.status == "confirmed",
                present="" if line.present is None else ("present" if line.present else "absent"),
            )
            for line in lines
            for r in (line.registration,)
        ]  # fmt: skip

    @rx.event
    async def open_roster(self):
        """on_load: staff only; the roster read is audited per resident."""
        staff = await self._staff()
        self.allowed, self.notice, self.rows, self._ids = staff is not None, "", [], []
        self.shown_id = address_id(self.router.url.query)
        if staff is None:
            self.found, self.card = False, CourseCard()
            return rx.redirect("/en" if self._locale() == "en" else "/")
        listed = course_by_code(self.router.url.query_parameters.get("id", "")[:MAX_CODE_LENGTH])
        self.found = listed is not None
        if listed is None:
            return None
        course = listed.course
        try:
            require_roster_keeper(actor_of(staff), course.id)
        except NotAllowed:  # another department's officer: the course is public, its roster is not
            self.notice = render(Message(N_("이 강좌의 명단은 해당 동 주민센터와 자치행정과 직원만 볼 수 있어요.")),
                                 self._locale())  # fmt: skip
            self.card = course_card(listed, self._locale(), datetime.now(UTC), None)
            return None
        self._course_id = course.id
        self.card = course_card(listed, self._locale(), datetime.now(UTC), None)
        today = datetime.now(KST).date()
        self.session_on = min(max(today, course.starts_on), course.ends_on).isoformat()
        self._load(staff)
        return None

    @rx.event
    async def set_session_date(self, value: str):
        """Show attendance for another session date of the course."""
        staff = await self._staff()
        if staff is None or not self._course_id or not isinstance(value, str):
            return
        try:
            date.fromisoformat(value[:10])
        except ValueError:
            self.notice = render(Message(N_("날짜를 YYYY-MM-DD 형식으로 골라 주세요")), self._locale())
            return
        self.session_on, self.notice = value[:10], ""
        self._load(staff)

    def _row(self, registration_id: object) -> int | None:
        row_id = sent_id(registration_id)
        return row_id if row_id in self._ids else None  # only lines of this roster

    @rx.event
    async def set_paid(self, registration_id: int, paid: bool):
        """Record that the learner paid at the centre (or take a mistaken record back)."""
        staff = await self._staff()
        row_id = self._row(registration_id)
        if staff is None or row_id is None:
            return
        try:
            saved = record_payment(row_id, paid is True, staff.id)
        except ClassError as exc:
            self.notice = render(exc.message, self._locale())
            return
        self._update(row_id, paid=saved.paid_at is not None, payment_due="" if saved.paid_at else
                     moment(saved.payment_due_at, self._locale()), status_label=status_label(saved, self._locale()))  # fmt: skip

    @rx.event
    async def mark(self, registration_id: int, present: bool):
        """Mark the learner present or absent on the chosen session date (saved at once)."""
        staff = await self._staff()
        row_id = self._row(registration_id)
        if staff is None or row_id is None:
            return
        try:
            saved = mark_attendance(row_id, self._date(), present is True, staff.id)
        except ClassError as exc:
            self.notice = render(exc.message, self._locale())
            return
        self.notice = ""
        self._update(row_id, present="present" if saved.present else "absent")

    def _update(self, row_id: int, **changes) -> None:
        rows = []
        for row in self.rows:
            if row.id == row_id:
                row = RosterRow(**{**row.__dict__, **changes})
            rows.append(row)
        self.rows = rows
