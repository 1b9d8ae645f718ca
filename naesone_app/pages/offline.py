"""What works without the network: saved programmes and latest results kept in this browser, the
nearest shelters, and the numbers to call. The data is filled in the browser, not by the server: the
programmes by assets/offline_page.js, the shelters by the safety page's own guidance
(assets/shelter_guide.js, from the copy /safety keeps in localStorage)."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.leaflet import shelter_guide
from naesone_app.core.i18n import N_
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page

PHONE_NUMBERS = (
    ("119", N_("화재·구조·구급")),
    ("112", N_("범죄 신고")),
    ("02-3396-4114", N_("중구청 대표전화")),
    ("120", N_("서울 다산콜센터")),
    ("129", N_("보건복지상담센터")),
    ("1577-1366", N_("여성긴급전화")),
)


def _list(list_id: str, empty: str) -> rx.Component:
    return rx.fragment(
        rx.el.ul(id=list_id, class_name="offline-list"),
        rx.el.p(empty, id=f"{list_id}-empty", class_name="muted"),
    )


@page(routes.OFFLINE)
def offline(locale: str, _: Gettext) -> Content:
    """The page the service worker keeps for the times the network is gone."""
    return (
        rx.el.h1(_("오프라인에서 볼 수 있는 정보")),
        rx.el.div(
            rx.el.p(
                _("이 정보는 마지막으로 연결했을 때의 것입니다: "),
                rx.el.strong("", id="offline-saved-at"),
                id="offline-when",
                hidden=True,
            ),
            rx.el.p(_("새 결과 보기, 신청, 계정 변경은 인터넷 연결이 필요해요.")),
            class_name="notice",
            role="note",
        ),
        rx.el.section(
            rx.el.h2(_("저장한 혜택")),
            _list(
                "offline-saved",
                _("이 기기에 저장된 혜택이 없어요. 로그인한 상태로 내 피드를 한 번 열어 두세요."),
            ),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("최근 결과: 받을 수 있는 혜택")),
            _list("offline-eligible", _("이 기기에 저장된 결과가 없어요.")),
            class_name="program-section",
        ),
        rx.el.section(
            # the guidance of the safety page itself (assets/shelter_guide.js): it reads the shelters
            # /safety stored in this browser, says how many and from when, and lists the nearest
            rx.el.h2(_("가까운 대피소"), id="offline-shelters-title"),
            shelter_guide(locale),
            rx.el.p(rx.el.a(_("안전 지도에서 모든 대피소 보기"), href=routes.SAFETY.href(locale))),
            aria_labelledby="offline-shelters-title",
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("전화번호")),
            rx.el.ul(
                *[
                    rx.el.li(rx.el.a(number, href=f"tel:{number}"), " ", _(label))
                    for number, label in PHONE_NUMBERS
                ]
            ),
            class_name="program-section",
        ),
        rx.el.div(id="offline-data", data_prefix="" if locale == "ko" else f"/{locale}"),
        rx.el.script(src="/offline_page.js", defer=True),
    )
