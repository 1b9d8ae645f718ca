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
            rx.cond(
                state.results_ready,
                rx.fragment(
                    _group(
                        locale,
                        "eligible",
                        _("받을 수 있어요 ({n})"),
                        state.eligible,
                        state.eligible.length(),
                        _("아직 확실히 받을 수 있는 혜택이 없어요."),
                    ),
                    _group(
                        locale,
                        "maybe",
                        _("확인이 더 필요해요 ({n})"),
                        state.maybe,
                        state.maybe.length(),
                        _("확인이 필요한 혜택이 없어요."),
                    ),
                    _group(
                        locale,
                        "ineligible",
                        _("지금은 어려워요 ({n})"),
                        state.ineligible,
                        state.ineligible.length() + state.ineligible_more,
                        _("해당 없음"),
                    ),
                    rx.cond(
                        state.ineligible_more > 0,
                        rx.el.p(
                            interpolate(
                                _("그 밖에 조건이 맞지 않는 혜택 {n}개는 생략했어요."),
                                n=state.ineligible_more,
                            ),
                            class_name="muted",
                        ),
                    ),
                ),
                rx.el.p(_("결과를 불러오는 중이에요…"), class_name="muted", role="status"),
            ),
        )

    results.__name__ = f"results_{locale}"
    return results
