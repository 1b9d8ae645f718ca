"""Results: every programme grouped eligible / maybe / not eligible, each with its reasons."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.layout import localized, page_shell
from naesone_app.components.results import result_card
from naesone_app.components.screening import restart_button
from naesone_app.components.text import interpolate
from naesone_app.core.i18n import gettext_for
from naesone_app.state.screening import ScreeningState


def _group(locale: str, key: str, heading: str, cards, count, empty: str) -> rx.Component:
    return rx.el.section(
        rx.el.h2(interpolate(heading, n=count), id=f"group-{key}"),
        rx.cond(
            count > 0,
            rx.el.div(rx.foreach(cards, lambda card: result_card(card, locale)), class_name="card-list"),
            rx.el.p(empty, class_name="muted"),
        ),
        aria_labelledby=f"group-{key}",
        id=f"results-{key}",
        class_name="result-group",
    )


def _more(template: str, count) -> rx.Component:
    return rx.cond(count > 0, rx.el.p(interpolate(template, n=count), class_name="muted"))


def _titles(titles) -> rx.Component:
    return rx.el.ul(rx.foreach(titles, rx.el.li))


def _save_panel(locale: str) -> rx.Component:
    """For a signed-in resident whose answers differ from the stored profile: what saving would change."""
    _ = gettext_for(locale)
    state = ScreeningState
    return rx.fragment(
        rx.cond(state.save_message != "", rx.el.p(state.save_message, class_name="notice", role="status")),
        rx.cond(
            state.signed_in & state.saved_differs,
            rx.el.section(
                rx.el.h2(_("저장된 내 상황과 달라요"), id="save-heading"),
                rx.cond(state.gained.length() > 0,
                        rx.fragment(rx.el.p(_("저장하면 새로 받을 수 있는 혜택:")), _titles(state.gained))),
                rx.cond(state.lost.length() > 0,
                        rx.fragment(rx.el.p(_("저장하면 받을 수 없게 되는 혜택:")), _titles(state.lost))),
                rx.cond((state.gained.length() == 0) & (state.lost.length() == 0),
                        rx.el.p(_("받을 수 있는 혜택은 달라지지 않아요."))),
                rx.el.button(_("이 답변으로 내 상황 저장"), type="button", class_name="button primary",
                             on_click=state.save_to_account, id="save-profile"),
                aria_labelledby="save-heading",
                class_name="card",
                id="save-panel",
            ),
        ),
    )  # fmt: skip


def build(locale: str):
    _ = gettext_for(locale)

    def results() -> rx.Component:
        state = ScreeningState
        return page_shell(
            locale,
            "/results",
            rx.el.h1(_("나에게 맞는 혜택")),
            rx.el.p(
                _("알려 주신 내용으로 판단한 결과예요. 최종 결정은 담당 기관이 합니다."),
                class_name="lead",
            ),
            rx.el.div(
                rx.cond(
                    state.remaining > 0,
                    rx.el.a(
                        interpolate(_("질문 계속하기 (남은 질문 {n}개)"), n=state.remaining),
                        href=localized("/check", locale),
                        class_name="button primary",
                        id="continue-questions",
                    ),
                ),
                restart_button(locale),
                class_name="actions",
            ),
            _save_panel(locale),
            rx.cond(
                state.results_ready,
                rx.fragment(
                    _group(
                        locale,
                        "eligible",
                        _("받을 수 있어요 ({n})"),
                        state.eligible,
                        state.eligible.length() + state.eligible_more,
                        _("아직 확실히 받을 수 있는 혜택이 없어요."),
                    ),
                    _more(
                        _("그 밖의 받을 수 있는 혜택 {n}개는 전체 혜택에서 볼 수 있어요."),
                        state.eligible_more,
                    ),
                    _group(
                        locale,
                        "maybe",
                        _("확인이 더 필요해요 ({n})"),
                        state.maybe,
                        state.maybe.length() + state.maybe_more,
                        _("확인이 필요한 혜택이 없어요."),
                    ),
                    _more(_("확인이 필요한 혜택 {n}개는 질문에 더 답하면 정리돼요."), state.maybe_more),
                    _group(
                        locale,
                        "ineligible",
                        _("지금은 어려워요 ({n})"),
                        state.ineligible,
                        state.ineligible.length() + state.ineligible_more,
                        _("해당 없음"),
                    ),
                    _more(_("그 밖에 조건이 맞지 않는 혜택 {n}개는 생략했어요."), state.ineligible_more),
                ),
                rx.el.p(_("결과를 불러오는 중이에요…"), class_name="muted", role="status"),
            ),
        )

    results.__name__ = f"results_{locale}"
    return results
