"""알림 (/notices): everything the app told the resident, newest first — with or without push."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.pwa import needs_network
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.notices import NoticeRow, NoticesState


def _row(row: rx.Var[NoticeRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.p(
            rx.cond(
                row.href != "",
                rx.el.a(row.title, href=row.href, class_name="item-title"),
                rx.el.span(row.title, class_name="item-title"),
            ),
        ),
        rx.cond(
            row.new, rx.el.p(rx.el.span(_("새 알림"), class_name="badge badge-new"), class_name="badges")
        ),
        rx.el.p(row.body),
        rx.el.p(rx.el.time(row.at), class_name="muted"),
        class_name="program-item notice-item",
        id="notice-" + row.id.to_string(),
    )


@page(routes.NOTICES, on_load=NoticesState.open_notices)
def notices(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("알림")),
        rx.el.p(
            _("신청 결과, 강좌 소식, 마감 알림처럼 이 앱이 알려 드린 내용을 모두 여기서 볼 수 있어요."),
            class_name="hint",
        ),
        rx.cond(
            NoticesState.loaded,
            rx.cond(
                NoticesState.rows.length() > 0,
                rx.el.ul(
                    rx.foreach(NoticesState.rows, lambda r: _row(r, locale)),
                    class_name="program-list",
                    id="my-notices",
                ),
                rx.el.p(
                    _("아직 받은 알림이 없어요. "),
                    rx.el.a(_("알림 설정 보기"), href=routes.ACCOUNT.href(locale)),
                    class_name="notice",
                ),
            ),
            needs_network(locale, titled=False),  # "loading", or offline: what works without it
        ),
    )
