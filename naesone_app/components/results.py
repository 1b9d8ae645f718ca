"""How a decided programme looks: status badge, criteria with marks, the result card."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.contact import in_app_badge
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.state.views import CriterionLine, CriterionOption, ResultCard


def status_badge(status: rx.Var[str], locale: str) -> rx.Component:
    """Programme status in words (never colour alone)."""
    _ = gettext_for(locale)
    return rx.el.span(
        rx.match(
            status,
            ("eligible", _("받을 수 있어요")),
            ("maybe", _("확인이 더 필요해요")),
            ("ineligible", _("지금은 어려워요")),
            ("closed", _("마감됐어요")),
            "",
        ),
        class_name="badge badge-" + status,
    )


def criterion_mark(status: rx.Var[str], locale: str) -> rx.Component:
    """A criterion's status as an icon and a word; the icon is decoration, the word is what is read."""
    _ = gettext_for(locale)
    return rx.el.span(
        rx.el.span(
            rx.match(status, ("met", "✓"), ("unmet", "✗"), "?"), aria_hidden="true", class_name="mark-icon"
        ),
        " ",
        rx.match(status, ("met", _("충족")), ("unmet", _("미충족")), _("확인 필요")),
        class_name="mark mark-" + status,
    )


def _option_item(option: rx.Var[CriterionOption], locale: str) -> rx.Component:
    return rx.el.li(
        criterion_mark(option.status, locale), " ", rx.el.span(option.detail), class_name="criterion"
    )


def criterion_item(line: rx.Var[CriterionLine], locale: str) -> rx.Component:
    """One criterion: a mark in words, then why; an "any one of these" lists its options below."""
    return rx.el.li(
        criterion_mark(line.status, locale),
        " ",
        rx.el.span(line.detail),
        rx.cond(
            line.options.length() > 0,
            rx.el.ul(
                rx.foreach(line.options, lambda option: _option_item(option, locale)),
                class_name="criteria criterion-options",
            ),
        ),
        class_name="criterion",
    )


def criteria_list(lines: rx.Var[list[CriterionLine]], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.cond(
        lines.length() > 0,
        rx.el.ul(rx.foreach(lines, lambda line: criterion_item(line, locale)), class_name="criteria"),
        rx.el.p(_("누구나 받을 수 있는 혜택이에요 (조건 없음)."), class_name="muted"),
    )


def result_card(card: rx.Var[ResultCard], locale: str) -> rx.Component:
    """A programme in the results list, with the criteria that decided it."""
    _ = gettext_for(locale)
    return rx.el.article(
        rx.el.h3(rx.el.a(card.title, href=routes.PROGRAM.href(locale, id=card.key))),
        rx.el.p(
            status_badge(card.status, locale),
            rx.el.span(card.level, class_name="badge badge-level"),
            rx.cond(card.is_sample, rx.el.span(_("샘플"), class_name="badge badge-sample")),
            class_name="badges",
        ),
        rx.cond(card.summary != "", rx.el.p(card.summary, class_name="summary")),
        criteria_list(card.criteria, locale),
        rx.cond(card.nearest_miss != "", rx.el.p(card.nearest_miss, class_name="nearest-miss")),
        rx.cond(card.next_change != "", rx.el.p(card.next_change, class_name="next-change")),
        rx.cond(
            card.deadline != "", rx.el.p(rx.el.strong(_("신청 기간: ")), card.deadline, class_name="deadline")
        ),
        class_name="card result-card",
        data_status=card.status,
    )


def compact_card(card: rx.Var[ResultCard], locale: str) -> rx.Component:
    """A programme on the results page: title, one line of why, what it is worth, when to apply by,
    and "앱에서 신청" when the form is here. The reasons in full are on the programme page."""
    _ = gettext_for(locale)
    return rx.el.article(
        rx.el.h3(
            rx.el.a(
                card.title,
                href=routes.PROGRAM.href(locale, id=card.key),
                lang=rx.cond(card.korean_only, "ko", locale),
            )
        ),
        rx.cond(
            card.is_sample,
            rx.fragment(" ", rx.el.span(_("샘플"), class_name="badge badge-sample after-title")),
        ),
        rx.el.p(card.why, class_name="why"),
        rx.el.p(
            rx.cond(card.value != "", rx.el.span(card.value, class_name="value")),
            rx.cond(card.deadline != "", rx.el.span(card.deadline, class_name="deadline")),
            rx.cond(card.in_app, in_app_badge(locale)),
            class_name="card-facts",
        ),
        rx.cond(
            card.korean_only,
            rx.el.p(_("한국어로만 제공돼요"), class_name="korean-only"),
        ),
        class_name="card result-card compact",
        data_status=card.status,
    )
