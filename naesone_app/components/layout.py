"""The page frame: skip link, header with navigation and language switch, main, footer."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.contact import static_contact
from naesone_app.components.pwa import banners
from naesone_app.components.search_box import search_box
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.state.session import SessionState

LOCALE_NAMES = {"ko": "한국어", "en": "English"}


def _counted(href: str, label: str, count: rx.Var[int], what: str, count_id: str) -> rx.Component:
    """A menu link with a count of what waits there (new news, things to do), shown only when there is some."""
    return rx.el.li(
        rx.el.a(
            label,
            rx.cond(
                count > 0,
                rx.fragment(
                    rx.el.span(count.to_string(), class_name="nav-count", id=count_id),
                    rx.el.span(" " + what, class_name="visually-hidden"),
                ),
            ),
            href=href,
        )
    )


def _item(route: routes.Route, label: str, locale: str, current: routes.Route) -> rx.Component:
    """A menu link; the page's own link says so (aria-current) and is marked for sighted readers too."""
    here = route == current
    return rx.el.li(rx.el.a(label, href=route.href(locale), aria_current="page" if here else None,
                            class_name="current" if here else None))  # fmt: skip


def _sign_out(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.button(_("로그아웃"), type="button", on_click=SessionState.sign_out, class_name="link-button",
                     id="sign-out"),
    )  # fmt: skip


def _staff_items(locale: str, current: routes.Route) -> rx.Component:
    """An officer's menu: their work, and for admins the staff list and the audit log; nothing of a
    resident's own (내 신청, 알림, 내 강좌…). On a temporary password only the change and sign-out."""
    _ = gettext_for(locale)
    item = lambda route, label: _item(route, label, locale, current)  # noqa: E731
    return rx.cond(
        SessionState.password_due,
        rx.fragment(item(routes.STAFF_PASSWORD, _("비밀번호 변경")), _sign_out(locale)),
        rx.fragment(
            item(routes.STAFF, _("직원 화면")),
            item(routes.STAFF_APPLICATIONS, _("업무 대기열")),
            item(routes.STAFF_CLASSES, _("강좌 관리")),
            item(routes.PROGRAMS, _("전체 혜택")),
            rx.cond((SessionState.role == "admin") | (SessionState.role == "editor"),
                    item(routes.STAFF_CAMPAIGNS, _("캠페인·QR"))),
            rx.cond(SessionState.role == "admin", rx.fragment(
                item(routes.STAFF_ACCOUNTS, _("직원 관리")),
                item(routes.STAFF_AUDIT, _("감사 기록")),
            )),
            item(routes.STAFF_PASSWORD, _("비밀번호 변경")),
            _sign_out(locale),
        ),
    )  # fmt: skip


def _resident_items(locale: str, current: routes.Route) -> rx.Component:
    _ = gettext_for(locale)
    links = [
        (routes.HOME, _("홈")),
        (routes.CHECK, _("혜택 찾기")),
        (routes.RESULTS, _("나의 결과")),
        (routes.PROGRAMS, _("전체 혜택")),
        (routes.SAFETY, _("안전 지도")),
        (routes.CLASSES, _("자치회관 강좌")),
    ]
    item = lambda route, label: _item(route, label, locale, current)  # noqa: E731
    return rx.fragment(
        *[item(route, label) for route, label in links],
        rx.cond(
            SessionState.signed_in,
            rx.fragment(
                item(routes.FEED, _("내 피드")),
                _counted(routes.NOTICES.href(locale), _("알림"), SessionState.unread_notices,
                         _("새 알림"), "unread-notices"),
                _counted(routes.APPLICATIONS.href(locale), _("내 신청"), SessionState.unread_applications,
                         _("새 소식"), "unread-applications"),
                _counted(routes.MY_CLASSES.href(locale), _("내 강좌"), SessionState.classes_to_act_on,
                         _("할 일"), "classes-to-act-on"),
                item(routes.ACCOUNT, _("내 계정")),
                _sign_out(locale),
            ),
            rx.fragment(item(routes.LOGIN, _("로그인")), item(routes.SIGNUP, _("회원 가입"))),
        ),
    )  # fmt: skip


def _nav(locale: str, current: routes.Route) -> rx.Component:
    """The main menu: a resident's (or a visitor's), or an officer's once one is signed in."""
    _ = gettext_for(locale)
    return rx.el.nav(
        rx.el.ul(
            rx.cond(SessionState.is_officer, _staff_items(locale, current), _resident_items(locale, current)),
        ),
        aria_label=_("주 메뉴"),
        class_name="site-nav",
    )


def _language_switch(locale: str, other_href: rx.Var | str) -> rx.Component:
    _ = gettext_for(locale)
    other = "en" if locale == "ko" else "ko"
    return rx.el.a(
        LOCALE_NAMES[other],
        href=other_href,
        lang=other,
        hreflang=other,
        class_name="language-switch",
        aria_label=_("언어 바꾸기: {language}").format(language=LOCALE_NAMES[other]),
        id="language-switch",
    )


def page_shell(locale: str, route: routes.Route, *children: rx.Component,
               other_href: rx.Var | str | None = None) -> rx.Component:  # fmt: skip
    """Wrap a page's content; `other_href` overrides the language switch target (for query routes)."""
    _ = gettext_for(locale)
    other = "en" if locale == "ko" else "ko"
    return rx.el.div(
        # the document's language follows the route (one Reflex app serves both locales)
        rx.el.script(f"document.documentElement.lang = {locale!r};"),
        rx.el.a(_("본문으로 건너뛰기"), href="#main", class_name="skip-link"),
        rx.el.header(
            rx.el.div(
                rx.el.a(_("내손에ON 중구"), href=routes.HOME.href(locale), class_name="brand"),
                _language_switch(locale, other_href if other_href is not None else route.href(other)),
                class_name="header-row",
            ),
            search_box(locale),
            _nav(locale, route),
            class_name="site-header",
        ),
        banners(locale),
        rx.el.main(*children, id="main", tab_index=-1, class_name="site-main"),
        rx.el.footer(
            rx.el.p(
                _(
                    "이 서비스의 혜택 정보에는 시연용 샘플이 포함되어 있습니다. 신청 전 담당 기관에 꼭 확인하세요."
                )
            ),
            static_contact(_("문의: 중구청 대표전화 02-3396-4114 · 다산콜센터 120 · 보건복지상담센터 129")),
            class_name="site-footer",
        ),
        lang=locale,
        class_name="page",
    )
