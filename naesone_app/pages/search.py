"""/search?q=: the answer to a question in the resident's own words.

The facts the question states first, as chips to remove with one tap, and the way into the questionnaire
with them; then the results by kind, each programme with the resident's status and the criterion that
decides it, the words that found it marked. When nothing in the catalogue fits, the page says so and
points to 120 다산콜센터 and 정부24 rather than showing weak matches.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.components.pwa import needs_network
from naesone_app.components.results import status_badge
from naesone_app.components.search_box import search_box
from naesone_app.components.text import interpolate
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.search import FactChip, Found, FoundGroup, Piece, SearchState

GOV24_URL = "https://www.gov.kr"


def _pieces(pieces: rx.Var[list[Piece]]) -> rx.Component:
    return rx.foreach(pieces, lambda piece: rx.cond(piece.marked, rx.el.mark(piece.text), piece.text))


def _chip(fact: rx.Var[FactChip]) -> rx.Component:
    return rx.el.li(
        rx.el.button(
            rx.el.span(fact.label),
            rx.el.span(" ✕", aria_hidden="true", class_name="chip-x"),
            type="button",
            class_name="chip fact-chip",
            aria_label=fact.remove_label,
            on_click=SearchState.drop_fact(fact.key),
        )
    )


def _facts(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.cond(
        SearchState.facts.length() > 0,
        rx.el.section(
            rx.el.h2(_("질문에서 알아낸 조건"), id="facts-heading"),
            rx.el.p(_("맞지 않는 조건은 눌러서 빼세요."), class_name="muted"),
            rx.el.ul(rx.foreach(SearchState.facts, _chip), class_name="chips fact-chips", id="search-facts"),
            rx.el.button(
                _("이 조건으로 혜택 찾기"),
                type="button",
                class_name="button primary",
                on_click=SearchState.carry_facts,
                id="carry-facts",
            ),
            rx.el.p(
                _("이 조건은 내 계정에 저장되지 않아요. 질문에 답한 뒤 직접 저장할 수 있어요."),
                class_name="muted small",
            ),
            aria_labelledby="facts-heading",
            class_name="card search-facts",
        ),
    )


def _result(result: rx.Var[Found], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.h3(
            rx.el.a(_pieces(result.title), href=result.href, lang=result.lang), class_name="found-title"
        ),
        rx.cond(
            result.status != "",
            rx.el.p(status_badge(result.status, locale), class_name="badges"),
        ),
        rx.cond(result.why != "", rx.el.p(result.why, class_name="why")),
        rx.cond(
            result.summary.length() > 0,
            rx.el.p(_pieces(result.summary), class_name="summary", lang=result.lang),
        ),
        class_name="card found",
        data_kind=result.kind,
        data_id=result.id,
        data_status=result.status,
    )


def _group(group: rx.Var[FoundGroup], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    heading_id = "kind-" + group.kind
    return rx.el.section(
        rx.el.h2(
            rx.match(
                group.kind,
                ("program", _("혜택·지원")),
                ("course", _("강좌")),
                ("partner_offer", _("협력기관 프로그램")),
                ("facility", _("시설")),
                ("help", _("도움말")),
                _("그 밖의 결과"),
            ),
            id=heading_id,
        ),
        rx.el.ol(
            rx.foreach(group.results, lambda r: _result(r, locale)), class_name="found-list"
        ),  # best first
        aria_labelledby=heading_id,
        class_name="found-group",
        id="results-" + group.kind,
    )


def _nothing(locale: str) -> rx.Component:
    """Outside the catalogue: say so, and where to ask instead."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("이 질문에 맞는 혜택이나 안내를 찾지 못했어요"), id="nothing-heading"),
        rx.el.p(
            _(
                "내손에ON 중구에는 중구와 서울시, 정부의 혜택과 강좌, 시설 안내가 있어요. 다른 민원은 아래에서 물어보세요."
            )
        ),
        rx.el.ul(
            rx.el.li(
                rx.el.a(_("120 다산콜센터에 전화하기"), href="tel:120", id="call-120"),
                " ",
                rx.el.span(_("(서울시 민원 안내, 24시간)"), class_name="muted"),
            ),
            rx.el.li(
                rx.el.a(
                    _("정부24에서 찾아보기"),
                    href=GOV24_URL,
                    rel="noopener external",
                    target="_blank",
                    id="gov24-link",
                ),
                " ",
                rx.el.span(_("(새 창에서 열려요)"), class_name="muted"),
            ),
        ),
        aria_labelledby="nothing-heading",
        class_name="card nothing",
        id="search-nothing",
    )


def _problem(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.p(
        rx.match(
            SearchState.problem,
            ("empty", _("찾고 싶은 것을 입력해 주세요. 예: 혼자 사는 할머니 점심")),
            ("too_long", _("질문이 너무 길어요. 500자 안으로 줄여서 다시 물어봐 주세요.")),
            _("질문을 알아듣지 못했어요. 다른 말로 다시 물어봐 주세요."),
        ),
        class_name="notice",
        id="search-problem",
    )


def _count(locale: str) -> rx.Component:
    """How many results, read out when it changes (a chip removed, a new question)."""
    _ = gettext_for(locale)
    return rx.el.p(
        rx.cond(
            SearchState.loaded & (SearchState.problem == "") & ~SearchState.nothing,
            interpolate(_("결과 {n}개"), n=SearchState.count),
        ),
        role="status",
        aria_live="polite",
        tab_index=-1,
        id="search-count",
        class_name="search-count",
    )


@page(routes.SEARCH, on_load=SearchState.open_search, query=lambda: {"q": SearchState.question_in_address})
def search(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("내 말로 찾기")),
        search_box(
            locale,
            field_id="search-question",
            default=SearchState.question,
            landmark=_("질문 고쳐 묻기"),
            wide=True,
        ),
        _count(locale),
        rx.cond(
            SearchState.loaded,
            rx.cond(
                SearchState.problem != "",
                _problem(locale),
                rx.fragment(
                    _facts(locale),
                    rx.cond(
                        SearchState.nothing,
                        _nothing(locale),
                        rx.foreach(SearchState.groups, lambda group: _group(group, locale)),
                    ),
                ),
            ),
            needs_network(locale, titled=False),
        ),
    )
