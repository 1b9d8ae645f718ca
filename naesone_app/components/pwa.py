"""The app shell's banners: install the app, an update is ready, you are offline.

They are prerendered hidden in every page and shown by assets/app_shell.js, so they work before the
server connection exists (and without it).
"""

from __future__ import annotations

import reflex as rx

from naesone_app.components.links import localized
from naesone_app.core.i18n import N_, gettext_for


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
                rx.el.a(_("오프라인에서 볼 수 있는 정보"), href=localized("/offline", locale)),
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
    """Shown when the server cannot be reached (replaces Reflex's technical English toast).

    One notice serves both locales (the app-wide overlay is built once), so it says it in both.
    """
    from reflex_components_core.core.banner import has_too_many_connection_errors

    text = N_("서버와 연결이 끊겼어요. 다시 연결하는 중이에요.")
    return rx.cond(
        has_too_many_connection_errors,
        rx.el.div(
            rx.el.span(gettext_for("ko")(text), lang="ko"),
            " · ",
            rx.el.span(gettext_for("en")(text), lang="en"),
            class_name="connection-notice",
            role="status",
        ),
    )
