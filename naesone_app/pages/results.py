"""Results as a person reads them: a summary first, what they can get in order, filters, the closed apart,
the ineligible behind a count. Nothing is decided here: the order, the groups and every sentence come
from core/results.py through ScreeningState."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.pwa import needs_network
from naesone_app.components.results import compact_card
from naesone_app.components.screening import restart_button
from naesone_app.components.text import interpolate
from naesone_app.core.i18n import N_, gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.screening import ScreeningState
from naesone_app.state.views import sentence

FILTER_LABELS = {
    "in_app": N_("앱에서 신청"), "closing_soon": N_("마감 임박"),
    "cash": N_("현금"), "voucher": N_("바우처"), "service": N_("서비스"),
}  # fmt: skip


def _cards(cards, locale: str) -> rx.Component:
    return rx.el.div(rx.foreach(cards, lambda card: compact_card(card, locale)), class_name="card-list")


def _group(key: str, heading: rx.Component, body: rx.Component) -> rx.Component:
    return rx.el.section(
        rx.el.h2(heading, id=f"group-{key}"),
        body,
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


def _summary(locale: str) -> rx.Component:
    """The headline (how many, about how much a year) and the other groups in one line each."""
    _ = gettext_for(locale)
    state = ScreeningState
    return rx.el.section(
        rx.el.h2(_("한눈에 보기"), class_name="visually-hidden", id="summary-heading"),
        rx.cond(state.summary.length() > 0, rx.el.p(state.summary[0], class_name="summary-head")),
        rx.foreach(state.summary[1:], lambda line: rx.el.p(line, class_name="summary-line")),
        aria_labelledby="summary-heading",
        id="results-summary",
        class_name="results-summary",
    )


def _filters(locale: str) -> rx.Component:
    """One filter at a time, as toggle buttons (aria-pressed), each with how many programmes pass it."""
    _ = gettext_for(locale)
    state = ScreeningState

    def chip(name: str, label: str, count) -> rx.Component:
        counted = () if count is None else (" ", rx.el.span(count, class_name="chip-count"))
        button = rx.el.button(
            label,
            *counted,
            type="button",
            class_name="chip",
            aria_pressed=rx.cond(state.filter == name, "true", "false"),
            on_click=state.choose_filter(name),
            id=f"filter-{name or 'all'}",
        )
        if count is None:
            return button
        # a filter that would show nothing is not offered (unless it is the one chosen)
        return rx.cond((count > 0) | (state.filter == name), button, rx.fragment())

    return rx.el.div(
        rx.el.span(_("골라 보기"), id="filters-label", class_name="filters-label"),
        chip("", _("전체"), None),
        *[chip(name, sentence(_(label)), state.filter_counts[name]) for name, label in FILTER_LABELS.items()],
        role="group",
        aria_labelledby="filters-label",
        class_name="filters",
        id="results-filters",
    )


def _answered(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    state = ScreeningState
    return rx.fragment(
        _summary(locale),
        rx.cond(
            state.remaining > 0,
            rx.el.p(
                rx.el.a(
                    interpolate(_("질문 계속하기 (남은 질문 {n}개)"), n=state.remaining),
                    href=routes.CHECK.href(locale),
                    class_name="button primary",
                    id="continue-questions",
                ),
                class_name="actions",
            ),
        ),
        _filters(locale),
        _group(
            "eligible",
            interpolate(_("받을 수 있어요 ({n})"), n=state.eligible.length()),
            rx.cond(
                state.eligible.length() > 0,
                _cards(state.eligible, locale),
                rx.el.p(
                    rx.cond(
                        state.filter == "",
                        _("아직 확실히 받을 수 있는 혜택이 없어요."),
                        _("이 조건에 맞는 혜택이 없어요."),
                    ),
                    class_name="muted",
                ),
            ),
        ),
        _more(_("그 밖의 받을 수 있는 혜택 {n}개는 전체 혜택에서 볼 수 있어요."), state.eligible_more),
        _group(
            "maybe",
            interpolate(_("확인이 더 필요해요 ({n})"), n=state.maybe.length() + state.maybe_rest.length()),
            rx.fragment(
                rx.cond(
                    state.remaining > 0,
                    rx.el.p(_("질문에 몇 가지 더 답하면 확실해져요."), class_name="muted"),
                ),
                rx.cond(
                    state.maybe.length() > 0,
                    _cards(state.maybe, locale),
                    rx.el.p(_("확인이 필요한 혜택이 없어요."), class_name="muted"),
                ),
                rx.cond(
                    state.maybe_rest.length() > 0,
                    rx.el.details(
                        rx.el.summary(interpolate(_("나머지 {n}개 더 보기"), n=state.maybe_rest.length())),
                        _cards(state.maybe_rest, locale),
                        class_name="more-results",
                        id="maybe-rest",
                    ),
                ),
            ),
        ),
        _more(_("확인이 필요한 혜택 {n}개는 질문에 더 답하면 정리돼요."), state.maybe_more),
        rx.cond(
            state.closed.length() > 0,
            _group(
                "closed",
                interpolate(_("마감 ({n})"), n=state.closed.length()),
                rx.fragment(
                    rx.el.p(_("이번 신청 기간이 끝난 혜택이에요."), class_name="muted"),
                    _cards(state.closed, locale),
                ),
            ),
        ),
        rx.cond(
            state.ineligible_total > 0,
            rx.el.section(
                rx.el.details(
                    rx.el.summary(
                        rx.el.h2(
                            interpolate(_("지금은 어려운 혜택 {n}개 보기"), n=state.ineligible_total),
                            id="group-ineligible",
                        ),
                    ),
                    _cards(state.ineligible, locale),
                    _more(_("그 밖에 조건이 맞지 않는 혜택 {n}개는 생략했어요."), state.ineligible_more),
                    class_name="more-results",
                ),
                aria_labelledby="group-ineligible",
                id="results-ineligible",
                class_name="result-group",
            ),
        ),
    )


def _unanswered(locale: str) -> rx.Component:
    """No answers yet: an invitation, and only what is honestly open to everyone."""
    _ = gettext_for(locale)
    state = ScreeningState
    return rx.el.section(
        rx.el.h2(_("아직 알려 주신 내용이 없어요"), id="group-start"),
        rx.el.p(_("나이, 사는 곳, 가족처럼 몇 가지만 답하면 받을 수 있는 혜택을 찾아 드려요. 2~3분이면 돼요.")),
        rx.el.p(
            rx.el.a(_("질문에 답하고 내 혜택 찾기"), href=routes.CHECK.href(locale),
                    class_name="button primary", id="start-questions"),
            " ",
            rx.el.a(_("전체 혜택 둘러보기"), href=routes.PROGRAMS.href(locale), class_name="button"),
            class_name="actions",
        ),
        rx.cond(
            state.open_to_all.length() > 0,
            rx.fragment(
                rx.el.h3(_("조건 없이 누구나 받을 수 있는 혜택")),
                _cards(state.open_to_all, locale),
            ),
        ),
        aria_labelledby="group-start",
        id="results-start",
        class_name="result-group",
    )  # fmt: skip


@page(routes.RESULTS, on_load=ScreeningState.open_results)
def results(locale: str, _: Gettext) -> Content:
    state = ScreeningState
    return (
        rx.el.h1(_("나에게 맞는 혜택")),
        rx.cond(
            state.has_answers,
            rx.el.p(
                _("알려 주신 내용으로 판단한 결과예요. 최종 결정은 담당 기관이 합니다."),
                class_name="lead",
            ),
        ),
        _save_panel(locale),
        rx.cond(
            state.results_ready,
            rx.cond(state.has_answers, _answered(locale), _unanswered(locale)),
            needs_network(locale, titled=False),  # "loading", or offline: what works without it
        ),
        rx.cond(state.has_answers, rx.el.div(restart_button(locale), class_name="actions")),
    )
