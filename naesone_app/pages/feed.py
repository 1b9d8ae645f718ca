"""The personal feed: the home of a signed-in resident."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.results import result_card
from naesone_app.components.text import interpolate
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.feed import FeedState, TimelineItem
from naesone_app.state.session import SessionState


def _cards(locale: str, key: str, heading: str, cards, empty: str) -> rx.Component:
    return rx.el.section(
        rx.el.h2(heading, id=f"feed-{key}-heading"),
        rx.cond(
            cards.length() > 0,
            rx.el.div(rx.foreach(cards, lambda card: result_card(card, locale)), class_name="card-list"),
            rx.el.p(empty, class_name="muted"),
        ),
        aria_labelledby=f"feed-{key}-heading",
        id=f"feed-{key}",
    )


def _timeline_item(item: rx.Var[TimelineItem], locale: str) -> rx.Component:
    return rx.el.li(
        rx.el.p(item.text),
        rx.el.a(item.title, href=routes.PROGRAM.href(locale, id=item.key)),
        class_name="timeline-item",
    )


@page(routes.FEED, on_load=FeedState.open_feed)
def feed(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("내 피드")),
        rx.el.p(interpolate(_("{who} 님, 지금 받을 수 있는 혜택은 {n}개예요."), who=SessionState.login_hint,
                            n=FeedState.eligible_count), class_name="lead"),
        rx.cond(
            FeedState.loaded & ~FeedState.has_profile,
            rx.el.p(_("아직 저장된 상황이 없어요. "), rx.el.a(_("내 상황 입력하기"), href=routes.ACCOUNT.href(locale)),
                    class_name="notice"),
        ),
        _cards(locale, "new", _("새로 받을 수 있게 된 혜택"), FeedState.new_matches,
               _("최근 2주 동안 새로 맞게 된 혜택이 없어요.")),
        _cards(locale, "deadlines", _("다가오는 신청 마감 (30일 안)"), FeedState.deadlines,
               _("30일 안에 마감되는 혜택이 없어요.")),
        _cards(locale, "saved", _("저장한 혜택"), FeedState.saved,
               _("저장한 혜택이 없어요. 혜택 안내 페이지에서 저장할 수 있어요.")),
        rx.el.section(
            rx.el.h2(_("앞으로의 변화"), id="feed-timeline-heading"),
            rx.cond(
                FeedState.timeline.length() > 0,
                rx.el.ol(rx.foreach(FeedState.timeline, lambda i: _timeline_item(i, locale)), class_name="timeline"),
                rx.el.p(_("나이·거주 기간에 따라 달라질 혜택이 아직 없어요."), class_name="muted"),
            ),
            aria_labelledby="feed-timeline-heading",
            id="feed-timeline",
        ),
    )  # fmt: skip
