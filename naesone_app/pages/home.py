"""Home: what the app does, and entry points by stage of life."""

from __future__ import annotations

import reflex as rx

from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page

LIFE_STAGES = (
    ("임신·출산", "heart"), ("영유아", "baby"), ("아동·청소년", "backpack"), ("청년", "graduation-cap"),
    ("중장년", "briefcase"), ("어르신", "armchair"), ("장애인", "accessibility"), ("저소득", "hand-heart"),
    ("다문화", "globe"), ("주거", "house"), ("교육", "book-open"), ("문화", "palette"), ("안전", "shield-check"),
)  # fmt: skip


@page(routes.HOME)
def home(locale: str, _: Gettext) -> Content:
    return (
        rx.el.section(
            rx.el.h1(_("나에게 맞는 중구의 혜택을 한 번에")),
            rx.el.p(
                _(
                    "나라·서울시·중구의 혜택 중 지금 받을 수 있는 것을 몇 가지 질문으로 찾아 드려요. "
                    "왜 받을 수 있는지, 무엇이 부족한지도 항목별로 알려 드립니다."
                )
            ),
            rx.el.a(
                _("혜택 찾기 시작"),
                href=routes.CHECK.href(locale),
                class_name="button primary",
                id="start-check",
            ),
            class_name="hero",
        ),
        rx.el.section(
            rx.el.h2(_("생애주기별로 살펴보기")),
            rx.el.ul(
                *[
                    rx.el.li(
                        rx.el.a(
                            rx.icon(icon, aria_hidden="true", class_name="stage-icon", size=24),
                            rx.el.span(_(stage)),
                            href=routes.PROGRAMS.href(locale, category=stage),
                        )
                    )
                    for stage, icon in LIFE_STAGES
                ],
                class_name="stage-grid",
            ),
        ),
        rx.el.section(
            rx.el.h2(_("이렇게 알려 드려요")),
            rx.el.ul(
                rx.el.li(_("받을 수 있어요: 알려 주신 상황으로 모든 조건을 충족해요.")),
                rx.el.li(_("확인이 더 필요해요: 아직 모르는 조건이 있어요. 질문에 답하면 정확해져요.")),
                rx.el.li(_("지금은 어려워요: 충족하지 않는 조건이 있어요. 무엇이 부족한지 보여 드려요.")),
            ),
        ),
    )
