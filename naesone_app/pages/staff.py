"""The staff desk: an officer's own work; admins also find residents, one stated purpose per search."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import checkbox, text_field
from naesone_app.components.tables import data_table
from naesone_app.core.audit import SEARCH_PURPOSES
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.counter_reset import CounterResetState
from naesone_app.state.staff import ResidentRow, StaffState

ERRORS = StaffState.field_errors


def _resident(row: rx.Var[ResidentRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.tr(
        rx.el.td(row.login),
        rx.el.td(row.created),
        rx.el.td(rx.cond(row.has_profile, _("있음"), _("없음"))),
        rx.el.td(
            rx.el.button(
                _("열람"), type="button", class_name="button small", on_click=StaffState.view_resident(row.id)
            )
        ),
    )  # noqa: RUF100


def _work(locale: str) -> rx.Component:
    """Where the officer's work is: the department's queue and the class rosters."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("오늘 할 일")),
        rx.cond(
            StaffState.department != "",
            rx.el.p(_("부서"), ": ", rx.el.strong(StaffState.department), id="my-department"),
        ),
        rx.el.ul(
            rx.el.li(
                rx.el.a(
                    _("업무 대기열: 우리 부서에 들어온 신청"), href=routes.STAFF_APPLICATIONS.href(locale)
                )
            ),
            rx.el.li(rx.el.a(_("자치회관 강좌 관리"), href=routes.STAFF_CLASSES.href(locale))),
        ),
        rx.el.p(
            _(
                "주민 정보는 우리 부서에 들어온 신청(또는 우리 센터 강좌 등록)을 통해서만 볼 수 있고, 볼 때마다 감사 기록에 남습니다."
            ),
            class_name="hint",
        ),
        class_name="program-section",
    )


def _outbound(locale: str) -> rx.Component:
    """How many residents set off to apply elsewhere through the app, and how many said they did."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("다른 곳에서 신청하는 혜택: 최근 30일 바로가기 이용")),
        rx.el.p(
            _(
                "개인을 알 수 있는 정보 없이 숫자만 모읍니다. '신청했다고 답함'은 로그인한 주민이 직접 알려 준 수입니다."
            ),
            class_name="hint",
        ),
        rx.cond(
            StaffState.outbound_rows.length() > 0,
            data_table(
                _("바로가기 이용"),
                [_("혜택"), _("신청하는 곳"), _("이용 횟수"), _("로그인한 주민"), _("신청했다고 답함")],
                rx.foreach(
                    StaffState.outbound_rows,
                    lambda row: rx.el.tr(
                        rx.el.td(row.title),
                        rx.el.td(row.where),
                        rx.el.td(row.visits),
                        rx.el.td(row.residents),
                        rx.el.td(row.reported_applied),
                    ),
                ),
                "outbound-use",
            ),
            rx.el.p(_("아직 이용 기록이 없어요."), class_name="muted"),
        ),
        class_name="program-section",
    )


def _stale(locale: str) -> rx.Component:
    """Programmes whose application window is from a past year: residents see them as closed."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("신청 기간을 새로 입력할 혜택")),
        rx.cond(
            StaffState.stale_rows.length() > 0,
            rx.fragment(
                rx.el.p(_("신청 기간이 지난 해 것이에요 — 새 기간을 입력해 주세요"), class_name="hint"),
                rx.el.ul(
                    rx.foreach(
                        StaffState.stale_rows,
                        lambda row: rx.el.li(
                            rx.el.a(row.title, href=routes.PROGRAM.href(locale, id=row.key)),
                            rx.el.br(),
                            rx.el.span(_("저장된 신청 기간"), ": ", row.window),
                            rx.el.br(),
                            rx.el.span(_("담당"), ": ", row.department, class_name="muted"),
                        ),
                    ),
                    id="stale-windows",
                    aria_label=_("신청 기간이 지난 해 것인 혜택"),
                ),
            ),
            rx.el.p(_("신청 기간이 지난 해 것인 혜택이 없어요."), class_name="muted", id="no-stale-windows"),
        ),
        class_name="program-section",
    )


def _resident_browser(locale: str) -> rx.Component:
    """Admins only: find residents for a stated purpose (recorded with the search in the audit log)."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("주민 찾기 (관리자)")),
        rx.el.p(_("찾을 때마다 목적을 밝혀야 하고, 목적과 함께 감사 기록에 남습니다. 열람도 모두 기록됩니다."),
                class_name="hint"),
        rx.el.form(
            rx.el.div(
                rx.el.label(_("찾는 목적"), html_for="purpose"),
                rx.el.select(
                    rx.el.option(_("목적을 고르세요"), value=""),
                    *[rx.el.option(_(label), value=code) for code, label in SEARCH_PURPOSES.items()],
                    id="purpose", name="purpose",
                    aria_invalid=rx.cond(ERRORS.contains("purpose"), "true", "false"),
                    aria_describedby=rx.cond(ERRORS.contains("purpose"), "purpose-error", None),
                ),
                rx.cond(ERRORS.contains("purpose"),
                        rx.el.p(ERRORS["purpose"], id="purpose-error", class_name="field-error", role="alert")),
                class_name="field",
            ),
            text_field(_("목적 설명 (민원 번호, 요청 내용 등)"), "purpose_text", ERRORS, auto_complete="off"),
            text_field(_("이메일 또는 휴대전화 번호 (비우면 최근 가입자)"), "query", ERRORS, auto_complete="off"),
            rx.el.button(_("찾기"), type="submit", class_name="button", id="resident-search"),
            on_submit=StaffState.search,
            no_validate=True,
            id="resident-search-form",
        ),
        rx.cond(
            StaffState.searched,
            data_table(
                _("주민 목록"),
                [_("계정"), _("가입"), _("상황 정보"), _("열람")],
                rx.foreach(StaffState.residents, lambda r: _resident(r, locale)),
                "residents",
            ),
        ),
        class_name="program-section",
        id="resident-browser",
    )  # fmt: skip


def _counter_reset(locale: str) -> rx.Component:
    """Reset a phone-number account's password for a resident at the counter, after an ID check."""
    _ = gettext_for(locale)
    errors = CounterResetState.field_errors
    return rx.el.section(
        rx.el.h2(_("창구 비밀번호 재설정")),
        rx.el.p(
            _(
                "휴대전화 번호로 가입한 주민이 문자를 받을 수 없을 때, 신분증으로 본인인지 확인한 뒤 재설정 링크를 발급해요. 발급은 감사 기록에 남아요."
            ),
            class_name="hint",
        ),
        rx.el.form(
            text_field(_("주민의 휴대전화 번호"), "reset_login", errors, auto_complete="off"),
            checkbox(_("신분증으로 본인인지 확인했어요"), "reset_id_checked", errors),
            rx.el.button(
                _("재설정 링크 발급"), type="submit", class_name="button", id="counter-reset-submit"
            ),
            on_submit=CounterResetState.reset_at_counter,
            reset_on_submit=True,
            no_validate=True,
            id="counter-reset-form",
        ),
        rx.cond(
            CounterResetState.notice != "",
            rx.el.div(
                rx.el.p(CounterResetState.notice, role="status"),
                rx.el.p(
                    rx.el.a(CounterResetState.link, href=CounterResetState.link, id="counter-reset-link"),
                    class_name="pre-line",
                ),
                class_name="notice",
            ),
        ),
        class_name="program-section",
        id="counter-reset",
    )


@page(routes.STAFF, on_load=(StaffState.open_staff, CounterResetState.clear))
def staff(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("직원 화면")),
        rx.cond(
            StaffState.allowed,
            rx.fragment(
                rx.cond(
                    StaffState.notice != "", rx.el.p(StaffState.notice, class_name="notice", role="status")
                ),
                _work(locale),
                rx.cond(StaffState.is_admin, _resident_browser(locale)),
                rx.cond(
                    StaffState.viewing_login != "",
                    rx.el.section(
                        rx.el.h2(StaffState.viewing_login),
                        rx.el.ul(
                            rx.foreach(
                                StaffState.viewing,
                                lambda line: rx.el.li(rx.el.strong(line.title), " ", line.answer),
                            )
                        ),
                        class_name="program-section",
                        id="resident-profile",
                    ),
                ),
                _stale(locale),
                _counter_reset(locale),
                _outbound(locale),
            ),
            rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )
