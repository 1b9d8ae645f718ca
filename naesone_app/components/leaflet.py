"""The safety map and shelter guidance: client-side islands configured at compile time per locale.

Why not react-leaflet's components one by one from Python, as in the recipe: the facilities live in the
browser (fetched once, kept in localStorage for offline use), not in Reflex state, which needs the backend.
So one local module (assets/safety_map.jsx) composes react-leaflet itself, and Python hands it everything
that is known at compile time: translated strings, kind labels, the 동, the tile source.

The guidance (assets/shelter_guide.js) is a classic script loaded by a raw <script> tag, not a React
component: it must answer when nothing but the cached HTML and that one file are available (no backend,
no React bundle). It mounts into a container that React renders with an empty dangerouslySetInnerHTML,
so hydration never touches what the script draws there.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import reflex as rx

from naesone_app.actions.safety import routing_enabled
from naesone_app.core.dong_boundaries import dong_boundaries
from naesone_app.core.dongs import DONGS
from naesone_app.core.facilities.coords import BOX_PAD, JUNGGU_BOX
from naesone_app.core.facilities.model import KIND_LABELS, KINDS, SHELTER_KINDS
from naesone_app.core.i18n import N_, gettext_for

# 중구청 (창경궁로 17): where the facility list measures from until the person gives a position
JUNGGU_OFFICE = (37.56364, 126.99766)
REACT_LEAFLET = "react-leaflet@5.0.0"
LEAFLET = "leaflet@1.9.4"
# assets/ is copied to the web root at build; "$/public/…" is how a component imports such a file
SAFETY_MAP_MODULE = "$/public/safety_map.jsx"
SHELTER_GUIDE_SCRIPT = "shelter_guide.js"
ASSETS = Path(__file__).resolve().parents[2] / "assets"

COMPASS_NAMES = (N_("북쪽"), N_("북동쪽"), N_("동쪽"), N_("남동쪽"), N_("남쪽"), N_("남서쪽"), N_("서쪽"), N_("북서쪽"))  # fmt: skip
# the same eight sectors, relative to where the phone points (0 = ahead, clockwise)
TURN_NAMES = (N_("정면"), N_("오른쪽 앞"), N_("오른쪽"), N_("오른쪽 뒤"), N_("뒤쪽"), N_("왼쪽 뒤"), N_("왼쪽"), N_("왼쪽 앞"))  # fmt: skip


class SafetyMap(rx.NoSSRComponent):
    """Layer toggles, the map and the accessible list (assets/safety_map.jsx); client-only (Leaflet needs window)."""

    library = SAFETY_MAP_MODULE
    tag = "SafetyMap"
    lib_dependencies: list[str] = [REACT_LEAFLET, LEAFLET]
    config: rx.Var[dict[str, Any]]


@cache
def _versioned(name: str) -> str:
    """/name?v=<content hash>: a deploy with a changed script is never answered from an HTTP cache."""
    digest = hashlib.sha256((ASSETS / name).read_bytes()).hexdigest()[:10]
    return f"/{name}?v={digest}"


def tile_source() -> tuple[str, str] | None:
    """(URL template, attribution) from NAESONE_TILE_URL / NAESONE_TILE_ATTRIBUTION, or None (plain map).

    Read when the pages are compiled (every `reflex run` builds). A template that is not an http(s) or
    same-origin URL with {z}, {x} and {y} is ignored rather than shipped broken.
    """
    url = (os.environ.get("NAESONE_TILE_URL") or "").strip()
    if not url or not all(part in url for part in ("{z}", "{x}", "{y}")):
        return None
    scheme = urlparse(url.replace("{", "").replace("}", "")).scheme
    if scheme not in ("http", "https") and not url.startswith("/"):
        return None
    return url, (os.environ.get("NAESONE_TILE_ATTRIBUTION") or "").strip()


def _dongs(locale: str) -> list[dict[str, Any]]:
    _ = gettext_for(locale)
    return [{"name": d.name, "label": _(d.name), "lat": d.lat, "lon": d.lon} for d in DONGS]


def _shared(locale: str) -> dict[str, Any]:
    _ = gettext_for(locale)
    return {
        "locale": locale,
        "kinds": list(KINDS),
        "kindLabels": {kind: _(label) for kind, label in KIND_LABELS.items()},
        "shelterKinds": sorted(SHELTER_KINDS),
        "dongs": _dongs(locale),
    }


def guide_config(locale: str) -> dict[str, Any]:
    """Everything shelter_guide.js shows, in `locale`; `routing` says whether the server can draw routes."""
    _ = gettext_for(locale)
    strings = {
        "locate": _("내 위치로 가까운 대피소 찾기"),
        "locating": _("현재 위치를 확인하는 중이에요…"),
        "dong_label": _("위치를 쓸 수 없으면 동을 고르세요"),
        "dong_placeholder": _("동 선택"),
        "located": _("현재 위치에서 가까운 대피소 {n}곳이에요."),
        "located_dong": _("{dong} 중심에서 가까운 대피소 {n}곳이에요."),
        "denied": _("위치 권한이 없어 현재 위치를 알 수 없어요. 동을 골라 주세요."),
        "unavailable": _("현재 위치를 알 수 없어요. 동을 골라 주세요."),
        "need_location": _("가까운 대피소를 보려면 위치를 알려 주거나 동을 고르세요."),
        "loading": _("대피소 자료를 불러오는 중이에요…"),
        "no_data": _("대피소 자료가 아직 없어요. 인터넷에 연결된 상태에서 이 페이지를 한 번 열어 주세요."),
        "offline": _("인터넷 연결 없이 이 기기에 저장된 자료로 안내해요."),
        "data_saved": _("대피소 {n}곳, {date} 자료. 이 기기에 저장되어 인터넷 없이도 쓸 수 있어요."),
        "data_sample": _("시연용 샘플 위치가 포함되어 있어요."),
        "walk": _("걸어서 약 {minutes}분"),
        "choose": _("안내 시작"),
        "choose_label": _("안내 시작: {name}"),
        "guide_title": _("{name} 가는 방향"),
        "straight": _("직선거리 {distance}, 걸어서 약 {minutes}분"),
        "arrived": _("대피소 가까이에 왔어요. 주변 안내 표지를 확인하세요."),
        "arrow_compass": _("대피소는 {direction}에 있어요({turn})."),
        "turn_right": _("오른쪽으로 {degrees}도"),
        "turn_left": _("왼쪽으로 {degrees}도"),
        "turn_none": _("똑바로"),
        "arrow_north": _("대피소는 {direction} 방향({degrees}도)이에요."),
        "north_mark": _("북"),
        "mode_compass": _("휴대전화를 앞으로 들고 화살표 쪽으로 가세요. 나침반을 쓰고 있어요."),
        "mode_north": _("나침반을 쓸 수 없어 화면 위쪽을 북쪽으로 두고 방향을 보여 줘요."),
        "mode_ar": _("카메라 화면 위에 대피소 방향을 표시하고 있어요."),
        "mode_ar_north": _("카메라 화면 위에 표시하지만 나침반이 없어 화면 위쪽이 북쪽이에요."),
        "compass_enable": _("방향 센서 켜기"),
        "compass_denied": _("방향 센서를 쓸 수 없어 북쪽 기준으로 안내해요."),
        "camera": _("카메라 화면으로 보기 (AR)"),
        "camera_off": _("카메라 끄기"),
        "camera_failed": _("카메라를 쓸 수 없어 화살표로만 안내해요."),
        "show_map": _("지도에서 보기"),
        "back": _("목록으로 돌아가기"),
        "route_loading": _("도보 경로를 찾는 중이에요…"),
        "route_ok": _("도보 경로 {distance}, 걸어서 약 {minutes}분. 지도에 경로를 그렸어요."),
        "route_failed": _("도보 경로를 받을 수 없어 직선 방향으로 안내해요."),
        "route_straight": _("지도에는 직선으로 표시해요. 실제로 걷는 길은 더 길 수 있어요."),
        "map_loading": _("지도를 불러오는 중이에요…"),
        "map_unavailable": _(
            "지금은 지도를 불러올 수 없어요. 위의 가까운 대피소 안내는 인터넷 없이도 쓸 수 있어요."
        ),
    }
    return _shared(locale) | {
        "strings": strings,
        "compass": [_(name) for name in COMPASS_NAMES],
        "turns": [_(name) for name in TURN_NAMES],
        "routing": routing_enabled(),
        "limit": 5,
    }


def map_config(locale: str) -> dict[str, Any]:
    """Everything safety_map.jsx shows, in `locale`, with the tile source (or none)."""
    _ = gettext_for(locale)
    west, south, east, north = JUNGGU_BOX
    pad = BOX_PAD * 5  # room to pan a little beyond the district, not to wander off
    tiles = tile_source()
    strings = {
        "map_label": _("안전 지도: 대피소와 안전·편의 시설 위치. 같은 시설이 아래 목록에도 있어요."),
        "layers": _("지도와 목록에 표시할 시설"),
        "layer": _("{label} ({n})"),
        "all": _("모두 표시"),
        "shelters_only": _("대피소만"),
        "skip_map": _("지도 건너뛰고 시설 목록으로"),
        "zoom_in": _("지도 확대"),
        "zoom_out": _("지도 축소"),
        "cluster": _("시설 {n}곳, 눌러서 확대"),
        "no_tiles": _("배경 지도 없이 시설과 동 위치만 표시해요."),
        "tiles_offline": _("인터넷에 연결되어 있지 않아 배경 지도 없이 표시해요."),
        "tiles_failed": _("배경 지도를 불러올 수 없어 시설과 동 위치만 표시해요."),
        "you_are_here_note": _("파란 점이 현재 위치예요."),
        "list_title": _("시설 목록"),
        "list_count": _("선택한 종류의 시설 {n}곳"),
        "loading": _("시설 자료를 불러오는 중이에요…"),
        "no_data": _("시설 자료가 아직 없어요. 인터넷에 연결된 상태에서 이 페이지를 한 번 열어 주세요."),
        "more": _("{n}곳 더 보기 ({left}곳 남음)"),
        "order_you": _("현재 위치에서 가까운 순서예요."),
        "order_dong": _("{dong} 중심에서 가까운 순서예요."),
        "order_office": _(
            "중구청에서 가까운 순서예요. 위의 '내 위치로 가까운 대피소 찾기'를 누르면 내 위치에서 가까운 순서로 바뀌어요."
        ),
        "boundary_attribution": _(
            "동 경계: 통계청 통계지리정보서비스(SGIS) 센서스용 행정구역경계(2013), 공공누리 제1유형."
        ),
        "address": _("주소"),
        "capacity": _("수용 인원"),
        "people": _("{n}명"),
        "hours": _("운영 시간"),
        "phone": _("전화"),
        "sample": _("샘플 위치"),
        "guide_here": _("이 대피소로 안내"),
        "guide_here_label": _("이 대피소로 안내: {name}"),
        "show_on_map": _("지도에서 보기"),
        "show_on_map_label": _("지도에서 보기: {name}"),
    }
    return _shared(locale) | {
        "strings": strings,
        "bounds": [[south, west], [north, east]],
        "maxBounds": [[south - pad, west - pad], [north + pad, east + pad]],
        "tileUrl": tiles[0] if tiles else "",
        "tileAttribution": tiles[1] if tiles else "",
        "boundaries": dong_boundaries(),
        "origin": {"lat": JUNGGU_OFFICE[0], "lon": JUNGGU_OFFICE[1]},
    }


def safety_map(locale: str) -> rx.Component:
    """The map with its toggles and list."""
    return SafetyMap.create(config=map_config(locale))


def shelter_guide(locale: str) -> rx.Component:
    """The nearest shelters and the guidance view: an empty container and the script that fills it.

    A classic script (not type=module): it is fetched without CORS, so the service worker's cached copy
    answers it offline exactly like the page; `defer` runs it once the container is parsed.
    """
    config = json.dumps(guide_config(locale), ensure_ascii=False, separators=(",", ":"))
    return rx.fragment(
        rx.html("", id="shelter-guide", class_name="guide-root", custom_attrs={"data-config": config}),
        rx.el.script(src=_versioned(SHELTER_GUIDE_SCRIPT), defer=True),
    )
