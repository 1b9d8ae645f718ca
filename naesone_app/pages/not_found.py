"""The page for an address that is no page: in the app's frame and in the reader's language.

Reflex has one 404 page for the whole app (the route "404", served for every unknown address, and
rendered by the browser for unknown client-side routes and offline), so both languages are built and
the address bar decides which one shows: /en… is English, anything else Korean.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.components.address import english_route
from naesone_app.components.layout import page_shell
from naesone_app.core.i18n import N_, gettext_for
from naesone_app.pages import routes

TITLE = N_("페이지를 찾을 수 없어요")


def _content(locale: str) -> rx.Component:
    return page_shell(locale, routes.HOME, not_found_body(locale))


def not_found_body(locale: str) -> rx.Component:
    """What the 404 says, for a page whose address looked right but names nothing (an unknown campaign)."""
    _ = gettext_for(locale)
    return rx.fragment(
        rx.el.h1(_(TITLE), id="not-found-title"),
        rx.el.p(_("주소가 바뀌었거나 없는 페이지예요. 찾던 것을 아래에서 골라 보세요."), class_name="lead"),
        rx.el.ul(
            rx.el.li(rx.el.a(_("홈으로 가기"), href=routes.HOME.href(locale), id="not-found-home")),
            rx.el.li(
                rx.el.a(_("나에게 맞는 혜택 찾기"), href=routes.CHECK.href(locale), id="not-found-check")
            ),
            rx.el.li(
                rx.el.a(
                    _("안전 지도와 가까운 대피소"), href=routes.SAFETY.href(locale), id="not-found-safety"
                )
            ),
            class_name="link-list",
        ),
    )


def not_found() -> rx.Component:
    """Korean or English by the address, each in the full page frame."""
    return rx.cond(english_route(), _content("en"), _content("ko"))


def title() -> str:
    """One title for both languages: the page's <title> is fixed when it is built."""
    return f"{gettext_for('ko')(TITLE)} · {gettext_for('en')(TITLE)} — 내손에ON 중구"
