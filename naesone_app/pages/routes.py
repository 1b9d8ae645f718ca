"""Routes as data: every page's Korean path and title once, and the only way a link gets an address.

A page or component never writes a path as a string: it asks its route (`routes.PROGRAM.href(locale,
id=key)`), so a renamed or removed route breaks at import time instead of leaving a dead link. The
`@page` decorator (pages/page.py) attaches each route's builder and loaders; this module imports nothing
of the app but core, so components may link to any page without importing the pages themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

import reflex as rx
from reflex.vars.sequence import StringVar

from naesone_app.core.i18n import LOCALES, N_

QueryValue = str | rx.Var


def localized(path: str, locale: str) -> str:
    """The address of `path` (a Korean route such as /check) in `locale`: Korean at /…, English at /en/…."""
    if locale not in LOCALES:
        raise ValueError(f"unsupported locale {locale!r} (supported: {', '.join(LOCALES)})")
    if locale == "ko":
        return path
    return f"/{locale}" if path == "/" else f"/{locale}{path}"


def _text(value: QueryValue) -> QueryValue:
    """A query value as text: numbers held in state (an application id) become their decimal digits."""
    if isinstance(value, rx.Var) and not isinstance(value, StringVar):
        return value.to_string()
    return value


@dataclass(frozen=True)
class Route:
    """A page's Korean path and its title (a msgid, translated per locale when the page is registered)."""

    path: str
    title: str

    def __post_init__(self) -> None:
        if not self.path.startswith("/") or "?" in self.path:
            raise ValueError(f"a route is a path starting with '/' without a query, not {self.path!r}")

    def href(self, locale: str, **query: QueryValue) -> str | rx.Var:
        """The address in `locale` with `query` (in the order given); a Var value gives a Var address.
        A dynamic segment (`/c/[campaign_slug]`) is filled from the argument of its name."""
        address: str | rx.Var = localized(self.path, locale)
        for name in [name for name in query if f"[{name}]" in self.path]:
            before, after = str(address).split(f"[{name}]", 1)
            address = before + _text(query.pop(name)) + after
        for position, (name, value) in enumerate(query.items()):
            address = address + ("?" if position == 0 else "&") + name + "=" + _text(value)
        return address


HOME = Route("/", N_("내손에ON 중구 — 나에게 맞는 혜택"))
CHECK = Route("/check", N_("혜택 찾기 — 내손에ON 중구"))
RESULTS = Route("/results", N_("나의 결과 — 내손에ON 중구"))
PROGRAM = Route("/program", N_("혜택 안내 — 내손에ON 중구"))
PROGRAMS = Route("/programs", N_("전체 혜택 — 내손에ON 중구"))
SIGNUP = Route("/signup", N_("회원 가입 — 내손에ON 중구"))
LOGIN = Route("/login", N_("로그인 — 내손에ON 중구"))
RESET = Route("/reset", N_("비밀번호 재설정 — 내손에ON 중구"))
OFFLINE = Route("/offline", N_("오프라인 정보 — 내손에ON 중구"))
FEED = Route("/feed", N_("내 피드 — 내손에ON 중구"))
ACCOUNT = Route("/account", N_("내 계정 — 내손에ON 중구"))
STAFF = Route("/staff", N_("직원 화면 — 내손에ON 중구"))
SAFETY = Route("/safety", N_("안전 지도 — 내손에ON 중구"))
CLASSES = Route("/classes", N_("자치회관 강좌 — 내손에ON 중구"))
COURSE = Route("/course", N_("강좌 안내 — 내손에ON 중구"))
MY_CLASSES = Route("/my-classes", N_("내 강좌 — 내손에ON 중구"))
STAFF_CLASSES = Route("/staff/classes", N_("강좌 관리 — 내손에ON 중구"))
STAFF_COURSE = Route("/staff/course", N_("수강생 명단 — 내손에ON 중구"))
APPLY = Route("/apply", N_("온라인 신청 — 내손에ON 중구"))
APPLICATIONS = Route("/applications", N_("내 신청 — 내손에ON 중구"))
NOTICES = Route("/notices", N_("알림 — 내손에ON 중구"))
APPLICATION = Route("/application", N_("신청 내용 — 내손에ON 중구"))
STAFF_APPLICATIONS = Route("/staff/applications", N_("신청 검토 — 내손에ON 중구"))
STAFF_APPLICATION = Route("/staff/application", N_("신청서 검토 — 내손에ON 중구"))
STAFF_ACCOUNTS = Route("/staff/accounts", N_("직원 관리 — 내손에ON 중구"))
STAFF_AUDIT = Route("/staff/audit", N_("감사 기록 — 내손에ON 중구"))
STAFF_PASSWORD = Route("/staff/password", N_("비밀번호 변경 — 내손에ON 중구"))
RESET_CONFIRM = Route("/reset/confirm", N_("새 비밀번호 — 내손에ON 중구"))
CAMPAIGN = Route("/c/[campaign_slug]", N_("내손에ON 중구 — 캠페인"))  # a poster's QR opens it (/c/<slug>)
STAFF_CAMPAIGNS = Route("/staff/campaigns", N_("캠페인과 QR 코드 — 내손에ON 중구"))
SEARCH = Route("/search", N_("검색 — 내손에ON 중구"))

ROUTES: tuple[Route, ...] = tuple(value for value in list(globals().values()) if isinstance(value, Route))


def resolve(address: str) -> tuple[Route, str, dict[str, str]] | None:
    """The route, locale and query an address names (the inverse of `href`); None when no route has it."""
    parts = urlsplit(address)
    path, locale = parts.path, "ko"
    for other in LOCALES:
        prefix = f"/{other}"
        if other != "ko" and (path == prefix or path.startswith(prefix + "/")):
            path, locale = path[len(prefix) :] or "/", other
    query = dict(parse_qsl(parts.query))
    route = next((route for route in ROUTES if route.path == path), None)
    if route is None:  # a dynamic route: /c/danurim-2027 is CAMPAIGN with campaign_slug=danurim-2027
        for candidate in (r for r in ROUTES if "[" in r.path):
            pattern, given = candidate.path.strip("/").split("/"), path.strip("/").split("/")
            if len(pattern) == len(given) and all(
                p == g or p.startswith("[") for p, g in zip(pattern, given, strict=True)
            ):
                filled = {p[1:-1]: g for p, g in zip(pattern, given, strict=True) if p.startswith("[")}
                return candidate, locale, filled | query
    return None if route is None else (route, locale, query)
