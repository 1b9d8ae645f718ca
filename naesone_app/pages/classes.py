"""자치회관 classes: the courses of this quarter and the next by centre, and "내 강좌"."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.contact import office_card
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.class_views import CourseCard, RegistrationLine
from naesone_app.state.classes import ClassesState, MyClassesState
from naesone_app.state.office_views import OfficeView


def fact(term: str, value: rx.Var[str]) -> rx.Component:
    """One line of a course's facts, left out when there is nothing to say."""
    return rx.cond(value != "", rx.fragment(rx.el.dt(term), rx.el.dd(value)))


def course_facts(card: rx.Var[CourseCard], locale: str) -> rx.Component:
    """Schedule, instructor, seats, window, mode, quotas and fees of a course (list and course page)."""
    _ = gettext_for(locale)
    return rx.el.dl(
        fact(_("일정"), card.schedule),
        fact(_("기간"), card.period),
        fact(_("강사"), card.instructor),
        fact(_("자리"), card.seats),
        fact(_("대기자"), card.waitlist),
        fact(_("접수 기간"), card.window),
        fact(_("모집 방식"), card.mode),
        fact(_("우선 배정"), card.priority),
        fact(_("수강료"), card.fee),
        fact(_("재료비 (감면·환불 제외)"), card.materials),
        rx.cond(
            card.your_fee != "",
            rx.fragment(
                rx.el.dt(_("내 수강료")),
                rx.el.dd(
                    rx.el.strong(card.your_fee, class_name="your-fee"),
                    rx.cond(card.reduction != "", rx.el.span(" · ", card.reduction, class_name="reduction")),
                ),
                fact(_("낼 돈 (내 수강료 + 재료비)"), card.your_total),
            ),
        ),
        class_name="course-facts",
    )


def badges(card: rx.Var[CourseCard], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.p(
        rx.el.span(card.centre, class_name="badge badge-level"),
        rx.cond(card.category != "", rx.el.span(card.category_label, class_name="badge badge-level")),
        rx.el.span(
            card.window_state, class_name=rx.cond(card.is_open, "badge badge-eligible", "badge badge-level")
        ),
        rx.cond(card.is_sample, rx.el.span(_("샘플"), class_name="badge badge-sample")),
        class_name="badges",
    )


def _card(card: rx.Var[CourseCard], locale: str) -> rx.Component:
    """A course in four short lines; everything else is on its own page (/course)."""
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.h2(
            rx.el.a(card.title, href=routes.COURSE.href(locale, id=card.code)),
            class_name="item-title",
        ),
        rx.el.p(card.centre, rx.cond(card.schedule != "", rx.fragment(" · ", card.schedule)), class_name="course-line"),
        rx.el.p(
            rx.el.span(card.window_state, class_name=rx.cond(card.is_open, "badge badge-eligible", "badge badge-level")),
            " ",
            rx.el.span(card.places, class_name=rx.cond(card.full, "places full", "places")),
            class_name="course-line",
        ),
        rx.el.p(
            rx.cond(
                card.your_fee != "",
                rx.fragment(_("내 수강료"), " ", rx.el.strong(card.your_fee, class_name="your-fee")),
                rx.fragment(_("수강료"), " ", rx.el.strong(card.fee)),
            ),
            rx.cond(card.is_sample, rx.el.span(_("샘플"), class_name="badge badge-sample")),
            class_name="course-line",
        ),
        class_name="program-item course-item",
    )  # fmt: skip


def _home_choice(locale: str) -> rx.Component:
    """Whose 동 is shown, and the one tap that shows every 동 (or back to one's own)."""
    _ = gettext_for(locale)
    return rx.cond(
        ClassesState.home_centre != "",
        rx.cond(
            ClassesState.centre == ClassesState.home_centre,
            rx.el.p(
                _("우리 동 강좌를 보고 있어요: "), rx.el.strong(ClassesState.home_centre_name), " ",
                rx.el.button(_("모든 동 보기"), type="button", class_name="button small", id="all-centres",
                             on_click=ClassesState.set_centre("")),
                class_name="notice", id="home-centre",
            ),
            rx.el.p(
                rx.el.button(_("우리 동 강좌만 보기"), type="button", class_name="button small", id="home-centre-only",
                             on_click=ClassesState.set_centre(ClassesState.home_centre)),
            ),
        ),
    )  # fmt: skip


def _select(label: str, field: str, everything: str, options, value, on_change) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=field),
        rx.el.select(
            rx.el.option(everything, value=""),
            options,
            id=field,
            value=value,
            on_change=on_change,
        ),
        class_name="field",
    )


@page(routes.CLASSES, on_load=ClassesState.open_classes)
def classes(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("자치회관 강좌")),
        rx.el.p(
            _("동 주민센터 자치회관의 이번 분기와 다음 분기 강좌예요. 강좌를 눌러 신청하세요."),
            class_name="lead",
        ),
        rx.cond(
            ClassesState.signed_in,
            rx.el.p(
                rx.cond(
                    ClassesState.has_profile,
                    _("내 상황 정보로 받을 수 있는 감면을 적용한 수강료를 함께 보여 드려요."),
                    _("내 상황을 저장하면 감면받는 수강료를 함께 보여 드려요."),
                ),
                " ",
                rx.el.a(_("내 강좌 보기"), href=routes.MY_CLASSES.href(locale)),
                class_name="notice",
            ),
            rx.el.p(
                rx.el.a(
                    _("로그인"),
                    href=routes.LOGIN.href(locale, next=routes.CLASSES.href(locale)),
                ),
                _("하면 내 감면 수강료를 보고 바로 신청할 수 있어요."),
                class_name="notice",
            ),
        ),
        rx.el.form(
            _select(
                _("자치회관"),
                "centre",
                _("전체 자치회관"),
                rx.foreach(ClassesState.centres, lambda c: rx.el.option(c[1], value=c[0])),
                ClassesState.centre,
                ClassesState.set_centre,
            ),
            _select(
                _("분야"),
                "category",
                _("전체 분야"),
                rx.foreach(ClassesState.category_labels, lambda c: rx.el.option(c[1], value=c[0])),
                ClassesState.category,
                ClassesState.set_category,
            ),
            class_name="filters",
            aria_label=_("강좌 고르기"),
            on_submit=rx.prevent_default,
        ),
        _home_choice(locale),
        rx.el.p(
            _("강좌 수"),
            ": ",
            ClassesState.total.to_string(),
            class_name="muted",
            role="status",
            id="course-count",
        ),
        rx.cond(
            ClassesState.loaded & (ClassesState.cards.length() == 0),
            rx.el.p(_("조건에 맞는 강좌가 없어요."), class_name="notice"),
        ),
        rx.el.ul(
            rx.foreach(ClassesState.cards, lambda c: _card(c, locale)),
            class_name="program-list",
            id="courses",
        ),
        rx.cond(
            ClassesState.total > ClassesState.cards.length(),
            rx.el.button(
                _("강좌 더 보기"),
                " (",
                (ClassesState.total - ClassesState.cards.length()).to_string(),
                _("개 더"),
                ")",
                type="button",
                class_name="button",
                on_click=ClassesState.show_more,
                id="more-courses",
            ),
        ),
    )


def fee_breakdown(line: rx.Var[RegistrationLine], locale: str) -> rx.Component:
    """낼 돈 with its parts when there is a 재료비: 수강료 (after the reduction) + 재료비 = 낼 돈."""
    _ = gettext_for(locale)
    return rx.cond(
        line.materials != "",
        rx.fragment(
            rx.el.dt(_("낼 돈")),
            rx.el.dd(
                rx.el.dl(
                    rx.el.dt(_("수강료 (감면 후)")),
                    rx.el.dd(line.tuition),
                    rx.el.dt(_("+ 재료비 (감면 없음)")),
                    rx.el.dd(line.materials),
                    rx.el.dt(_("= 낼 돈"), class_name="fee-total"),
                    rx.el.dd(line.fee_due, class_name="fee-total"),
                    class_name="fee-breakdown",
                ),
            ),
        ),
        fact(_("낼 돈"), line.fee_due),
    )


def pay_at(office: rx.Var[OfficeView], locale: str) -> rx.Component:
    """Where the fee is paid: the 자치회관's building, with address, hours, a tel: phone and a map."""
    _ = gettext_for(locale)
    return rx.cond(
        office.name != "",
        rx.el.div(
            rx.el.p(rx.el.strong(_("납부·문의하는 곳"))), office_card(office, locale), class_name="pay-at"
        ),
    )


def _registration(line: rx.Var[RegistrationLine], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.h2(rx.el.a(line.title, href=routes.COURSE.href(locale, id=line.code)), class_name="item-title"),
        rx.el.p(line.centre, class_name="muted"),
        rx.el.dl(
            rx.el.dt(_("상태")),
            rx.el.dd(rx.el.strong(line.status_label)),
            fee_breakdown(line, locale),
            fact(_("감면"), line.reduction),
            fact(_("납부 기한"), line.payment),
            fact(_("자리 확보 기한"), line.hold),
            fact(_("환불"), line.refund),
            class_name="course-facts",
        ),
        class_name="program-item",
    )  # fmt: skip


def _todo(line: rx.Var[RegistrationLine], locale: str) -> rx.Component:
    """One thing that waits on the resident: a held seat to confirm by a time, or a fee to pay by a date."""
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.h3(rx.el.a(line.title, href=routes.COURSE.href(locale, id=line.code))),
        rx.cond(
            line.can_confirm,
            rx.fragment(
                rx.el.p(rx.el.strong(_("자리가 났어요. "), line.hold_until, _("까지 확정해 주세요."))),
                rx.el.p(_("확정하지 않으면 자리가 다음 대기자에게 넘어가요."), class_name="hint"),
                rx.el.button(_("자리 확정하기"), type="button", class_name="button primary",
                             on_click=MyClassesState.confirm_seat(line.id), id="confirm-" + line.id.to_string()),
            ),
            rx.fragment(
                rx.el.p(rx.el.strong(line.fee_due), " · ", line.payment),
                rx.cond(line.materials != "",
                        rx.el.p(_("수강료 "), line.tuition, _(" + 재료비 "), line.materials, class_name="hint")),
                pay_at(line.centre_office, locale),
            ),
        ),
        class_name="todo-item",
    )  # fmt: skip


@page(routes.MY_CLASSES, on_load=MyClassesState.open_my_classes)
def my_classes(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("내 강좌")),
        rx.el.p(
            _("수강료는 확정 뒤 납부 기한까지 자치회관에 내요 (온라인 결제는 아직 없어요)."),
            " ",
            rx.el.a(_("강좌 둘러보기"), href=routes.CLASSES.href(locale)),
            class_name="lead",
        ),
        rx.cond(
            MyClassesState.outcome != "",
            rx.el.p(MyClassesState.outcome, class_name="next-change", role="status", id="my-classes-outcome"),
        ),
        rx.cond(
            MyClassesState.error != "",
            rx.el.p(MyClassesState.error, class_name="field-error", role="alert", id="my-classes-error"),
        ),
        rx.cond(
            MyClassesState.todo.length() > 0,
            rx.el.section(
                rx.el.h2(_("지금 하실 일"), id="todo-heading"),
                rx.el.ul(
                    rx.foreach(MyClassesState.todo, lambda line: _todo(line, locale)),
                    class_name="todo-list",
                ),
                class_name="todo",
                id="todo",
                aria_labelledby="todo-heading",
            ),
        ),
        rx.cond(
            MyClassesState.loaded & (MyClassesState.lines.length() == 0),
            rx.el.p(_("아직 신청한 강좌가 없어요."), class_name="notice"),
        ),
        rx.el.ul(
            rx.foreach(MyClassesState.lines, lambda line: _registration(line, locale)),
            class_name="program-list",
            id="my-registrations",
        ),
    )
