"""The safety map: the nearest shelters with guidance (works offline), then the map and list of facilities.

Layout only. Both interactive parts are client-side islands (components/leaflet.py) that read the
facility data themselves, because in a disaster the backend, and so Reflex state, may be unreachable.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.components.leaflet import safety_map, shelter_guide
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page


@page(routes.SAFETY)
def safety(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("안전 지도와 대피소 안내")),
        rx.el.p(
            _(
                "가까운 대피소와 소화기·제설함 같은 안전·편의 시설을 찾아보세요. "
                "한 번 열어 두면 인터넷이 끊겨도 가까운 대피소를 볼 수 있어요."
            ),
            class_name="lead",
        ),
        rx.el.p(
            _("긴급한 상황에서는 119(화재·구조·구급) 또는 112(경찰)에 먼저 신고하세요."),
            class_name="notice emergency",
        ),
        rx.el.section(
            rx.el.h2(_("가까운 대피소"), id="nearest-title"),
            shelter_guide(locale),
            aria_labelledby="nearest-title",
            id="nearest",
            class_name="safety-section",
        ),
        rx.el.section(
            rx.el.h2(_("안전 지도"), id="map-title"),
            rx.el.p(
                _("시설 위치에는 시연용 샘플이 포함되어 있어요. 대피할 때는 현장 안내와 방송을 따르세요."),
                class_name="muted",
            ),
            # filled by shelter_guide.js (loading…, or "needs the network" when the map cannot load)
            rx.html("", id="map-fallback", class_name="muted"),
            safety_map(locale),
            aria_labelledby="map-title",
            id="map-section",
            class_name="safety-section",
        ),
    )
