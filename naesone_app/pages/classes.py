"""자치회관 classes: the courses of this quarter and the next by centre, and "내 강좌"."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.layout import localized, page_shell
from naesone_app.core.i18n import gettext_for
from naesone_app.state.class_views import CourseCard, RegistrationLine
from naesone_app.state.classes import ClassesState, MyClassesState


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
    return rx.el.li(
        rx.el.h2(
            rx.el.a(card.title, href=localized("/course", locale) + "?id=" + card.code),
            class_name="item-title",
        ),
        badges(card, locale),
        course_facts(card, locale),
        class_name="program-item course-item",
    )


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


def build(locale: str):
    _ = gettext_for(locale)

    def classes() -> rx.Component:
        return page_shell(
            locale,
            "/classes",
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
                    rx.el.a(_("내 강좌 보기"), href=localized("/my-classes", locale)),
                    class_name="notice",
                ),
                rx.el.p(
                    rx.el.a(
                        _("로그인"),
                        href=localized("/login", locale) + "?next=" + localized("/classes", locale),
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
            rx.el.p(
                _("강좌 수"),
                ": ",
                ClassesState.cards.length().to_string(),
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
        )

    classes.__name__ = f"classes_{locale}"
    return classes


def _registration(line: rx.Var[RegistrationLine], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.h2(rx.el.a(line.title, href=localized("/course", locale) + "?id=" + line.code), class_name="item-title"),
        rx.el.p(line.centre, class_name="muted"),
        rx.el.dl(
            rx.el.dt(_("상태")),
            rx.el.dd(rx.el.strong(line.status_label)),
            fact(_("낼 돈"), line.fee_due),
            fact(_("감면"), line.reduction),
            fact(_("납부 기한"), line.payment),
            fact(_("자리 확보 기한"), line.hold),
            fact(_("환불"), line.refund),
            class_name="course-facts",
        ),
        class_name="program-item",
    )  # fmt: skip


def build_mine(locale: str):
    _ = gettext_for(locale)

    def my_classes() -> rx.Component:
        return page_shell(
            locale,
            "/my-classes",
            rx.el.h1(_("내 강좌")),
            rx.el.p(
                _("수강료는 확정 뒤 납부 기한까지 자치회관에 내요 (온라인 결제는 아직 없어요)."),
                " ",
                rx.el.a(_("강좌 둘러보기"), href=localized("/classes", locale)),
                class_name="lead",
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

    my_classes.__name__ = f"my_classes_{locale}"
    return my_classes
