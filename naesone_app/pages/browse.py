"""Every programme of a stage of life, to browse without answering questions."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.text import interpolate
from naesone_app.core.i18n import gettext_for
from naesone_app.core.labels import CATEGORY_LABELS
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.browse import BrowseState, ProgramLink


def _item(link: rx.Var[ProgramLink], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.a(
            link.title,
            href=routes.PROGRAM.href(locale, id=link.key),
            class_name="item-title",
            lang=rx.cond(link.korean_only, "ko", locale),
        ),
        " ",
        rx.el.span(link.level, class_name="badge badge-level"),
        rx.cond(link.is_sample, rx.el.span(_("샘플"), class_name="badge badge-sample")),
        rx.el.p(link.summary, class_name="summary", lang=rx.cond(link.korean_only, "ko", locale)),
        rx.cond(link.korean_only, rx.el.p(_("한국어로만 제공돼요"), class_name="korean-only")),
        class_name="program-item",
    )


@page(routes.PROGRAMS, on_load=BrowseState.open_category, query=lambda: {"category": BrowseState.category})
def browse(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(rx.cond(BrowseState.category_label != "", BrowseState.category_label, _("전체 혜택"))),
        rx.el.nav(
            rx.el.ul(
                rx.el.li(
                    rx.el.a(
                        _("전체"),
                        href=routes.PROGRAMS.href(locale),
                        aria_current=rx.cond(BrowseState.category == "", "page", None),
                    )
                ),
                *[
                    rx.el.li(
                        rx.el.a(
                            _(c),
                            href=routes.PROGRAMS.href(locale, category=c),
                            aria_current=rx.cond(BrowseState.category == c, "page", None),
                        )
                    )
                    for c in CATEGORY_LABELS
                ],
                class_name="chips",
            ),
            aria_label=_("분야"),
        ),
        rx.el.p(interpolate(_("혜택 {n}개"), n=BrowseState.total), class_name="muted"),
        rx.el.ul(
            rx.foreach(BrowseState.programs, lambda link: _item(link, locale)), class_name="program-list"
        ),
    )
