"""One 자치회관 course: its facts, the fee after my reduction, register, confirm a held seat, cancel."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.contact import office_card
from naesone_app.components.pwa import record_for_url
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.classes import badges, course_facts, fact, fee_breakdown
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.course import CourseState


def _mine(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    mine = CourseState.mine
    return rx.el.section(
        rx.el.h2(_("내 신청")),
        rx.el.dl(
            rx.el.dt(_("상태")),
            rx.el.dd(rx.el.strong(mine.status_label, id="my-status")),
            fee_breakdown(mine, locale),
            fact(_("감면"), mine.reduction),
            fact(_("납부 기한"), mine.payment),
            fact(_("자리 확보 기한"), mine.hold),
            fact(_("환불"), mine.refund),
            class_name="course-facts",
        ),
        rx.cond(
            mine.can_confirm,
            rx.el.button(
                _("자리 확정하기"),
                type="button",
                class_name="button primary",
                on_click=CourseState.confirm_seat,
                id="confirm-seat",
            ),
        ),
        rx.cond(
            mine.can_cancel,
            rx.cond(
                CourseState.confirming_cancel,
                rx.el.div(
                    rx.el.p(CourseState.refund_text, id="refund-preview", class_name="notice"),
                    rx.el.p(
                        _(
                            "평생교육법 시행령 제23조의 반환 기준에 따라 계산했어요. 재료비는 돌려받지 못해요."
                        ),
                        class_name="hint",
                    ),
                    rx.el.div(
                        rx.el.button(
                            _("취소 확정"),
                            type="button",
                            class_name="button danger",
                            on_click=CourseState.cancel_registration,
                            id="confirm-cancel",
                        ),
                        rx.el.button(
                            _("취소하지 않기"),
                            type="button",
                            class_name="button",
                            on_click=CourseState.keep_registration,
                        ),
                        class_name="actions",
                    ),
                    role="group",
                    aria_label=_("신청 취소 확인"),
                ),
                rx.el.button(
                    _("신청 취소"),
                    type="button",
                    class_name="button",
                    on_click=CourseState.ask_cancel,
                    id="ask-cancel",
                ),
            ),
        ),
        class_name="program-section",
        id="my-registration",
    )


def _register(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    card = CourseState.card
    can_sign_up = card.is_open & (~CourseState.has_mine | (CourseState.mine.status == "cancelled"))
    return rx.cond(
        CourseState.signed_in,
        rx.cond(
            CourseState.is_resident,
            rx.cond(
                can_sign_up,
                rx.el.button(_("이 강좌 신청하기"), type="button", class_name="button primary",
                             on_click=CourseState.sign_up_for_course, id="register"),
                rx.cond(~card.is_open & ~CourseState.has_mine,
                        rx.el.p(_("지금은 신청할 수 없어요: "), card.window_state, class_name="notice")),
            ),
            rx.el.p(_("주민 계정으로 신청할 수 있어요."), class_name="notice"),
        ),
        rx.el.p(
            rx.el.a(_("로그인하고 신청하기"), href=CourseState.login_href, class_name="button primary",
                    id="login-to-register"),
        ),
    )  # fmt: skip


@page(routes.COURSE, on_load=CourseState.open_course, query=lambda: {"id": CourseState.card.code})
def course(locale: str, _: Gettext) -> Content:
    card = CourseState.card
    body = rx.fragment(
        rx.el.p(rx.el.a(_("← 강좌 목록"), href=routes.CLASSES.href(locale))),
        rx.el.h1(card.title, id="course-title"),
        badges(card, locale),
        rx.el.section(course_facts(card, locale), class_name="program-section"),
        rx.cond(CourseState.outcome != "", rx.el.p(CourseState.outcome, class_name="next-change",
                                                  role="status", id="outcome")),
        rx.cond(CourseState.error != "", rx.el.p(CourseState.error, class_name="field-error", role="alert",
                                                id="course-error")),
        rx.cond(CourseState.has_mine, _mine(locale)),
        _register(locale),
        rx.el.p(_("확정된 뒤 수강료는 납부 기한까지 자치회관에 내요. 기한이 지나면 자리가 다음 대기자에게 넘어가요."),
                class_name="hint"),
        rx.el.section(rx.el.h2(_("자치회관 찾아가기")), office_card(CourseState.centre_office, locale),
                      class_name="program-section", id="centre-office"),
    )  # fmt: skip
    return (
        record_for_url(
            CourseState.shown_id,
            locale,
            rx.cond(
                CourseState.found,
                body,
                rx.fragment(
                    rx.el.h1(_("강좌를 찾을 수 없어요")),
                    rx.el.p(rx.el.a(_("강좌 목록 보기"), href=routes.CLASSES.href(locale))),
                ),
            ),
        ),
    )
