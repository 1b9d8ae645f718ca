"""The app shell's banners: install the app, an update is ready, you are offline.

They are prerendered hidden in every page and shown by assets/app_shell.js, so they work before the
server connection exists (and without it).
"""

from __future__ import annotations

import reflex as rx

from naesone_app.components.address import english_route
from naesone_app.core.i18n import N_, gettext_for
from naesone_app.pages import routes


def banners(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.fragment(
        rx.el.div(
            rx.el.p(_("새 버전이 준비됐어요.")),
            rx.el.button(_("새로고침"), type="button", id="update-button", class_name="button small"),
            id="update-banner",
            class_name="app-banner",
            role="status",
            hidden=True,
        ),
        rx.el.div(
            rx.el.p(
                _("인터넷에 연결되어 있지 않아요. 저장된 정보와 대피소 안내는 계속 볼 수 있어요. "),
                rx.el.a(_("오프라인에서 볼 수 있는 정보"), href=routes.OFFLINE.href(locale)),
            ),
            id="offline-banner",
            class_name="app-banner",
            role="status",
            hidden=True,
        ),
        rx.el.div(
            rx.el.p(_("내손에ON 중구를 홈 화면에 설치하면 인터넷이 없어도 대피소를 찾을 수 있어요.")),
            rx.el.p(
                _("iPhone·iPad: Safari 아래쪽의 공유 버튼을 누른 뒤 '홈 화면에 추가'를 고르세요."),
                id="install-ios",
                hidden=True,
            ),
            rx.el.div(
                rx.el.button(
                    _("설치하기"), type="button", id="install-button", class_name="button small primary"
                ),
                rx.el.button(_("나중에"), type="button", id="install-dismiss", class_name="button small"),
                class_name="actions",
            ),
            id="install-banner",
            class_name="app-banner",
            role="region",
            aria_label=_("앱 설치"),
            hidden=True,
        ),
    )


def connection_notice() -> rx.Component:
    """Shown when the server cannot be reached, in the language of the route it is shown on.

    It replaces Reflex's technical English toast (the app's "Overlay" wrap, see naesone_app.py). The
    overlay is built once for the whole app, so the language is read from the address bar in the
    browser (/en… is English), not fixed when the page is compiled.
    """
    from reflex_components_core.core.banner import has_too_many_connection_errors

    text = N_("서버와 연결이 끊겼어요. 다시 연결하는 중이에요.")
    offline = N_("인터넷 연결이 없으면 저장된 정보와 대피소 안내를 볼 수 있어요.")

    def notice(locale: str) -> rx.Component:
        _ = gettext_for(locale)
        return rx.el.div(
            rx.el.p(_(text)),
            rx.el.p(
                _(offline),
                " ",
                rx.el.a(_("오프라인에서 볼 수 있는 정보"), href=routes.OFFLINE.href(locale)),
            ),
            class_name="connection-notice",
            id="connection-notice",
            role="status",
            lang=locale,
        )

    return rx.cond(has_too_many_connection_errors, rx.cond(english_route(), notice("en"), notice("ko")))


def needs_network(locale: str, titled: bool = True) -> rx.Component:
    """Instead of an endless "loading…": what a page that needs the server says when it cannot reach it.

    While the connection is being made it says "loading"; once the connection has failed it says
    plainly that this page needs the internet, and links to what works without it. `titled`: the
    notice is the page's heading (h1); a page with a heading of its own gets an h2.
    """
    from reflex_components_core.core.banner import has_connection_errors

    _ = gettext_for(locale)
    return rx.cond(
        has_connection_errors,
        rx.el.div(
            (rx.el.h1 if titled else rx.el.h2)(_("인터넷 연결이 필요해요")),
            rx.el.p(_("이 페이지는 서버에서 내용을 받아 와야 해요. 연결되면 저절로 보여 드려요.")),
            rx.el.p(_("인터넷 없이도 볼 수 있는 것:")),
            rx.el.ul(
                rx.el.li(rx.el.a(_("오프라인에서 볼 수 있는 정보"), href=routes.OFFLINE.href(locale))),
                rx.el.li(rx.el.a(_("가까운 대피소 찾기"), href=routes.SAFETY.href(locale))),
            ),
            class_name="notice",
            id="needs-network",
            role="status",
        ),
        rx.el.p(_("불러오는 중이에요…"), class_name="muted", role="status", id="page-loading"),
    )


def record_for_url(shown_id: rx.Var[str], locale: str, content: rx.Component) -> rx.Component:
    """Show `content` only when the state holds the record the URL names (`?id=`), never another one.

    A tab keeps its server state across navigations, so right after opening /program?id=B the state
    still holds A until B's load has answered (a slow load once showed A under B's address). Each such
    state records the `?id=` its last load answered for (`shown_id`, set in the same handler that loads
    the record); until that equals the address bar's, the page says it is loading, or that it needs
    the network. `content` is the page's own found / not-found view.
    """
    from naesone_app.components.address import query_param

    return rx.cond(shown_id == query_param("id"), content, needs_network(locale))
