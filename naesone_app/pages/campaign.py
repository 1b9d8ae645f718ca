"""The campaign landing page (/c/<slug>): what a person who scanned a poster needs in five seconds.

The campaign's title and words, one clear action, and the campaign's programmes (decided for the resident
when this tab or their account knows their answers). An ended campaign says so and still leads to the
benefit check; an unknown address is the site's 404. The page is light: text, a few cards, no images.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.components.pwa import needs_network
from naesone_app.components.results import compact_card
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.not_found import not_found_body
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.campaign import CampaignState


def _action(locale: str) -> rx.Component:
    """The one primary action: check my benefits, sign up, or register for a class."""
    targets = {"check": routes.CHECK, "signup": routes.SIGNUP, "classes": routes.CLASSES}
    return rx.el.p(
        rx.match(
            CampaignState.action,
            *[
                (
                    action,
                    rx.el.a(
                        CampaignState.action_label,
                        href=route.href(locale),
                        class_name="button primary campaign-action",
                        id="campaign-action",
                    ),
                )
                for action, route in targets.items()
            ],
        ),
        class_name="actions",
    )


def _programmes(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.cond(
        CampaignState.cards.length() > 0,
        rx.el.section(
            rx.el.h2(_("이 캠페인의 혜택"), id="campaign-programmes-title"),
            rx.cond(
                ~CampaignState.has_answers,
                rx.el.p(_("몇 가지 질문에 답하면 받을 수 있는지 바로 알려 드려요."), class_name="hint"),
            ),
            rx.el.div(
                rx.foreach(CampaignState.cards, lambda card: compact_card(card, locale)),
                class_name="cards",
                id="campaign-programmes",
            ),
            aria_labelledby="campaign-programmes-title",
        ),
    )


def _courses(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.cond(
        CampaignState.shows == "courses",
        rx.el.p(
            rx.el.a(_("자치회관 강좌 전체 보기"), href=routes.CLASSES.href(locale), id="campaign-courses"),
        ),
    )


def _landing(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.fragment(
        rx.el.h1(CampaignState.title, id="campaign-title", lang=CampaignState.title_lang),
        rx.cond(
            CampaignState.ended_note != "",
            rx.el.p(CampaignState.ended_note, class_name="notice", id="campaign-ended", role="status"),
        ),
        rx.cond(
            CampaignState.text != "",
            rx.el.p(CampaignState.text, class_name="lead pre-line", lang=CampaignState.text_lang),
        ),
        _action(locale),
        _programmes(locale),
        _courses(locale),
        rx.el.p(_("내손에ON 중구는 서울특별시 중구가 운영하는 주민 혜택 안내 앱이에요."), class_name="hint"),
    )


@page(routes.CAMPAIGN, on_load=CampaignState.open_landing,
      query=lambda: {"campaign_slug": CampaignState.slug})  # fmt: skip
def campaign(locale: str, _: Gettext) -> Content:
    return rx.cond(
        CampaignState.loaded,
        rx.cond(CampaignState.found, _landing(locale), not_found_body(locale)),
        needs_network(locale),
    )
