"""What the class pages show of a course and of a registration, already worded in the reader's locale."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from babel.dates import format_date as babel_date

from naesone_app.core import classes as rules
from naesone_app.core.dates import KST
from naesone_app.core.i18n import N_, Message, Won, format_date, format_schedule, format_won, render
from naesone_app.core.offices import centre_of
from naesone_app.core.profile import Facts
from naesone_app.db.class_listing import Listed
from naesone_app.db.class_models import Course, Registration
from naesone_app.state.office_views import OfficeView, office_view

MODE_LABELS = {
    "first_come": N_("선착순"),
    "lottery": N_("추첨 (접수 마감 후 자동 추첨)"),
    "returning_priority": N_("기존 수강생 우선 접수"),
}
# the categories the course data uses, so that they read in English too
CATEGORY_LABELS = {
    "건강·스포츠": N_("건강·스포츠"), "컴퓨터": N_("컴퓨터"), "노래·음악": N_("노래·음악"),
    "교양·문화": N_("교양·문화"), "댄스": N_("댄스"), "어학": N_("어학"),
}  # fmt: skip
CANCEL_REASONS = {
    "resident": N_("취소했어요"),
    "hold_expired": N_("확정 기한이 지나 취소됐어요"),
    "unpaid": N_("납부 기한이 지나 취소됐어요"),
    "course_cancelled": N_("수강 인원이 모자라 폐강됐어요"),
}


@dataclass
class CourseCard:
    """A course as a resident reads it on the list and on its own page."""

    code: str = ""
    title: str = ""
    centre: str = ""
    dong: str = ""
    category: str = ""
    category_label: str = ""
    quarter: str = ""
    schedule: str = ""
    period: str = ""
    instructor: str = ""
    room: str = ""
    seats: str = ""
    waitlist: str = ""
    places: str = ""  # the list's one line: places left, or how many wait
    full: bool = False
    window: str = ""
    window_state: str = ""
    is_open: bool = False
    mode: str = ""
    priority: str = ""
    fee: str = ""
    materials: str = ""
    your_fee: str = ""
    your_total: str = ""  # 수강료 after my reduction + 재료비, when there are materials
    reduction: str = ""
    is_sample: bool = False


@dataclass
class RegistrationLine:
    """One of my registrations: where it stands, what is owed, by when, what came back."""

    id: int = 0
    code: str = ""
    title: str = ""
    centre: str = ""
    status: str = ""
    status_label: str = ""
    fee_due: str = ""
    tuition: str = ""  # 수강료 after the reduction (part of fee_due)
    materials: str = ""  # 재료비 (never reduced; part of fee_due)
    payment: str = ""
    hold: str = ""
    hold_until: str = ""  # the moment a held seat passes on, on its own, for the "to do" card
    refund: str = ""
    reduction: str = ""
    can_cancel: bool = False
    can_confirm: bool = False
    centre_office: OfficeView = field(default_factory=OfficeView)  # where to pay: address, hours, tel:


def moment(value: datetime | None, locale: str) -> str:
    """A date and time in Seoul, the way the locale writes it."""
    if value is None:
        return ""
    seoul = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(KST)
    return f"{format_date(seoul.date(), locale)} {seoul:%H:%M}"


DAY_PATTERNS = {"ko": "y. M. d. (E)", "en": "EEE, MMM d, y"}


def deadline_text(value: datetime | None, locale: str) -> str:
    """A deadline as a person reads it: the date with its weekday, and the time ("2026. 12. 10. (목) 18:00")."""
    if value is None:
        return ""
    seoul = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(KST)
    day = babel_date(seoul.date(), DAY_PATTERNS.get(locale, DAY_PATTERNS["ko"]), locale=locale)
    return f"{day} {seoul:%H:%M}"


def centre_office(dong: str, locale: str) -> OfficeView:
    """The 자치회관's building (its 동 주민센터): address, hours, phone, map."""
    office = centre_of(dong)
    return office_view(office, locale) if office is not None else OfficeView()


def quota_text(rule: dict, locale: str) -> str:
    """A priority quota in words: 만 65세 이상 5석 우선."""
    if "age_min" in rule:
        who = Message(N_("만 {age}세 이상"), {"age": rule["age_min"]})
    else:
        who = Message(N_("우선 대상"))
    return render(Message(N_("{who} {seats}석 우선"), {"who": who, "seats": rule.get("seats", 0)}), locale)


def reduction_text(reduction: rules.Reduction | None, locale: str) -> str:
    """기초생활수급자 감면 100%, or "" when none applies."""
    if reduction is None:
        return ""
    return render(Message(N_("{label} 감면 {percent}%"),
                          {"label": Message(reduction.label), "percent": reduction.percent}), locale)  # fmt: skip


def _window_state(course: Course, now: datetime) -> tuple[str, bool]:
    opens, closes = course.opens_at, course.closes_at
    if course.status == "cancelled":
        return N_("폐강"), False
    if now < opens:
        return N_("접수 예정"), False
    if now < closes:
        return N_("접수 중"), True
    return (N_("추첨 완료") if course.status == "drawn" else N_("접수 마감")), False


def places_text(course: Course, left: int, waiting: int, locale: str) -> str:
    """How full a course is, in one line a resident can act on: places left, or the queue they would join."""
    if course.mode == "lottery" and course.status != "drawn":
        message = Message(
            N_("정원 {capacity}명 · 추첨 신청 {n}명"), {"capacity": course.capacity, "n": waiting}
        )
    elif left > 0:
        message = Message(N_("남은 자리 {left} / {capacity}"), {"left": left, "capacity": course.capacity})
    else:
        message = Message(N_("자리 없음 · 대기 {n}명"), {"n": waiting})
    return render(message, locale)


def course_card(
    listed: Listed, locale: str, now: datetime, facts: Facts | None, room: str = ""
) -> CourseCard:
    """The card of a course; `facts` (a signed-in resident's) add the fee after their reduction."""
    course, centre = listed.course, listed.centre
    state, is_open = _window_state(course, now)
    mode = render(Message(MODE_LABELS.get(course.mode, course.mode)), locale)
    if course.mode == "returning_priority" and course.returning_until is not None:
        mode += " · " + render(Message(N_("{until}까지 기존 수강생 재등록"),
                                       {"until": moment(course.returning_until, locale)}), locale)  # fmt: skip
    reduction = rules.best_reduction(facts, course.starts_on) if facts is not None else None
    left = max(course.capacity - listed.seated, 0)
    return CourseCard(
        code=course.code,
        title=course.title_en if locale == "en" and course.title_en else course.title_ko,
        centre=centre.name_en if locale == "en" and centre.name_en else centre.name_ko,
        dong=centre.dong,
        category=course.category,
        category_label=render(Message(CATEGORY_LABELS.get(course.category, course.category)), locale)
        if course.category else "",
        quarter=course.quarter,
        schedule=format_schedule(course.schedule, locale),
        period=render(Message(N_("{start} ~ {end} · {n}회"),
                              {"start": course.starts_on, "end": course.ends_on, "n": course.sessions}), locale),
        instructor=course.instructor,
        room=room,
        seats=render(Message(N_("남은 자리 {left} / {capacity}"), {"left": left, "capacity": course.capacity}),
                     locale),
        waitlist=render(Message(N_("{n}명"), {"n": listed.waiting}), locale),
        places=places_text(course, left, listed.waiting, locale),
        full=left == 0,
        window=f"{moment(course.opens_at, locale)} ~ {moment(course.closes_at, locale)}",
        window_state=render(Message(state), locale),
        is_open=is_open,
        mode=mode,
        priority=", ".join(quota_text(r, locale) for r in json.loads(course.priority_rules or "[]")),
        fee=format_won(course.fee_krw, locale),
        materials=format_won(course.materials_fee_krw, locale) if course.materials_fee_krw else "",
        your_fee=format_won(rules.reduced_fee(course.fee_krw, reduction), locale) if facts is not None else "",
        your_total=format_won(rules.reduced_fee(course.fee_krw, reduction) + course.materials_fee_krw, locale)
        if facts is not None and course.materials_fee_krw else "",
        reduction=reduction_text(reduction, locale),
        is_sample=course.sample,
    )  # fmt: skip


def status_label(row: Registration, locale: str) -> str:
    """확정 / 대기 n번 / 추첨 대기 …, in plain words."""
    if row.status == "confirmed":
        if row.fee_due_krw <= 0:
            message = Message(N_("확정"))
        elif row.paid_at is not None:
            message = Message(N_("확정 · 납부 완료"))
        else:
            message = Message(N_("확정 · 납부 대기"))
    elif row.status == "waitlisted":
        message = Message(N_("대기 {n}번"), {"n": row.position or 0})
    elif row.status == "lottery_pending":
        message = Message(N_("추첨 대기"))
    elif row.status == "held":
        message = Message(N_("자리 확보됨 · 확정해 주세요"))
    else:
        message = Message(CANCEL_REASONS.get(row.cancel_reason, N_("취소됨")))
    return render(message, locale)


def registration_line(
    row: Registration, course: Course, centre_name: str, locale: str, centre_dong: str = ""
) -> RegistrationLine:
    """One of my registrations as the resident reads it, the amount due broken into 수강료 and 재료비."""
    reduction = rules.REDUCTIONS_BY_CODE.get(row.reduction_code)
    owes = row.status == "confirmed" and row.fee_due_krw > 0 and row.paid_at is None
    materials = min(course.materials_fee_krw, max(row.fee_due_krw, 0))
    shown = row.status != "cancelled"
    return RegistrationLine(
        id=row.id or 0,
        code=course.code,
        title=course.title_en if locale == "en" and course.title_en else course.title_ko,
        centre=centre_name,
        status=row.status,
        status_label=status_label(row, locale),
        fee_due=format_won(row.fee_due_krw, locale) if shown else "",
        tuition=format_won(row.fee_due_krw - materials, locale) if shown and materials else "",
        materials=format_won(materials, locale) if shown and materials else "",
        payment=render(Message(N_("{when}까지 자치회관에 납부해 주세요"),
                               {"when": deadline_text(row.payment_due_at, locale)}), locale)
        if owes and row.payment_due_at else "",
        hold=render(Message(N_("{when}까지 확정하지 않으면 다음 대기자에게 넘어가요"),
                            {"when": moment(row.hold_expires_at, locale)}), locale)
        if row.status == "held" else "",
        hold_until=moment(row.hold_expires_at, locale) if row.status == "held" else "",
        refund=format_won(row.refund_krw, locale) if row.refund_krw else "",
        reduction=reduction_text(reduction, locale),
        can_cancel=row.status != "cancelled",
        can_confirm=row.status == "held",
        centre_office=centre_office(centre_dong, locale) if centre_dong else OfficeView(),
    )  # fmt: skip


def refund_preview(refund: rules.Refund | None, locale: str) -> str:
    """What cancelling now gives back, said before the resident confirms."""
    if refund is None:
        return render(Message(N_("아직 낸 돈이 없어서 돌려받을 금액이 없어요.")), locale)
    return render(Message(N_("돌려받는 금액: {amount} ({reason})"),
                          {"amount": Won(refund.amount_krw), "reason": refund.reason}), locale)  # fmt: skip
