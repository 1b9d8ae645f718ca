"""Staff administration pages: the officers' list (admins), the audit log (admins), and the officer's own
password change (where a temporary password sends them first)."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import select_field, text_field
from naesone_app.components.tables import data_table
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.staff_admin import AuditRow, OfficerRow, StaffAdminState, StaffAuditState
from naesone_app.state.staff_password import StaffPasswordState

ERRORS = StaffAdminState.field_errors


def _notice() -> rx.Component:
    return rx.el.div(
        rx.cond(StaffAdminState.notice != "", rx.el.p(StaffAdminState.notice, class_name="notice")),
        rx.cond(ERRORS.contains("account"), rx.el.p(ERRORS["account"], class_name="field-error")),
        role="status",
        id="staff-admin-status",
    )


def _create(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("직원 계정 만들기")),
        rx.el.form(
            text_field(_("이메일 또는 휴대전화 번호"), "login", ERRORS, auto_complete="off"),
            text_field(_("임시 비밀번호"), "password", ERRORS, "password", auto_complete="new-password",
                       hint=_("처음 로그인할 때 직원이 자기 비밀번호로 바꿔야 합니다.")),
            select_field(_("부서"), "department", ERRORS, StaffAdminState.departments, _("부서를 고르세요")),
            select_field(_("역할"), "role", ERRORS, StaffAdminState.roles),
            rx.el.button(_("만들기"), type="submit", class_name="button primary", id="create-staff"),
            on_submit=StaffAdminState.create,
            reset_on_submit=False,
            no_validate=True,
            id="create-staff-form",
        ),
        class_name="program-section",
    )  # fmt: skip


def _change_form(locale: str, row: rx.Var[OfficerRow]) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.form(
        select_field(_("역할"), "new_role", ERRORS, StaffAdminState.roles, default_value=row.role),
        select_field(_("부서"), "new_department", ERRORS, StaffAdminState.departments, _("부서를 고르세요"),
                     default_value=rx.cond(row.known_department, row.department, "")),
        rx.el.button(_("바꾸기"), type="submit", class_name="button small primary", id="change-staff"),
        rx.el.button(_("닫기"), type="button", class_name="button small", on_click=StaffAdminState.edit(0)),
        on_submit=StaffAdminState.change,
        no_validate=True,
        class_name="inline-form",
        id="change-staff-form",
    )  # fmt: skip


def _officer(locale: str, row: rx.Var[OfficerRow]) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.tr(
        rx.el.td(row.login, rx.cond(row.is_me, rx.el.span(" (", _("나"), ")"))),
        rx.el.td(row.role_label),
        rx.el.td(row.department_label, rx.cond(~row.known_department & (row.department != ""),
                                         rx.el.span(" — ", _("목록에 없는 부서"), class_name="field-error"))),
        rx.el.td(row.created),
        rx.el.td(row.last_sign_in),
        rx.el.td(rx.cond(row.disabled, rx.el.strong(_("중지됨")),
                         rx.cond(row.must_change, _("임시 비밀번호"), _("사용 중")))),
        rx.el.td(
            rx.cond(
                row.is_me,
                rx.el.span("-", class_name="muted"),
                rx.el.div(
                    rx.cond(
                        row.disabled,
                        rx.el.button(_("다시 사용"), type="button", class_name="button small",
                                     on_click=StaffAdminState.set_disabled(row.id, False)),
                        rx.el.button(_("사용 중지"), type="button", class_name="button small",
                                     on_click=StaffAdminState.set_disabled(row.id, True)),
                    ),
                    rx.el.button(_("역할·부서 바꾸기"), type="button", class_name="button small",
                                 on_click=StaffAdminState.edit(row.id)),
                    rx.cond(StaffAdminState.editing == row.id, _change_form(locale, row)),
                    class_name="row-actions",
                ),
            ),
        ),
        id="officer-" + row.id.to_string(),
    )  # fmt: skip


@page(routes.STAFF_ACCOUNTS, on_load=StaffAdminState.open_accounts)
def staff_accounts(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("직원 관리")),
        rx.cond(
            StaffAdminState.allowed,
            rx.fragment(
                _notice(),
                rx.el.section(
                    rx.el.h2(_("직원 계정")),
                    rx.el.p(_("시각은 한국 시간입니다. 계정을 중지하면 열려 있던 로그인이 바로 끝납니다."),
                            class_name="hint"),
                    data_table(
                        _("직원 계정"),
                        [_("계정"), _("역할"), _("부서"), _("만든 때"), _("마지막 로그인"), _("상태"), _("관리")],
                        rx.foreach(StaffAdminState.rows, lambda row: _officer(locale, row)),
                        "officers",
                    ),
                    class_name="program-section",
                ),
                rx.cond(
                    StaffAdminState.unknown.length() > 0,
                    rx.el.section(
                        rx.el.h2(_("부서 목록에 없는 부서")),
                        rx.el.p(_("예전에 직접 입력한 부서입니다. 자동으로 바꾸지 않으니 '역할·부서 바꾸기'로 목록의 부서를 골라 주세요."),
                                class_name="hint"),
                        rx.el.ul(rx.foreach(StaffAdminState.unknown, lambda line: rx.el.li(line)),
                                 id="unknown-departments"),
                        class_name="program-section",
                    ),
                ),
                _create(locale),
            ),
            rx.el.p(_("관리자만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )  # fmt: skip


def _audit(row: rx.Var[AuditRow]) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row.at),
        rx.el.td(row.actor),
        rx.el.td(row.action),
        rx.el.td(row.subject),
        rx.el.td(row.detail),
    )


@page(routes.STAFF_AUDIT, on_load=StaffAuditState.open_audit)
def staff_audit(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("감사 기록")),
        rx.cond(
            StaffAuditState.allowed,
            rx.fragment(
                rx.el.p(_("최근 200건, 한국 시간입니다."), class_name="hint"),
                data_table(
                    _("감사 기록"),
                    [_("시각"), _("누가"), _("무엇을"), _("누구의"), _("부서·내용")],
                    rx.foreach(StaffAuditState.rows, _audit),
                    "audit-log",
                ),
            ),
            rx.el.p(_("관리자만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )


@page(routes.STAFF_PASSWORD, on_load=StaffPasswordState.open_password)
def staff_password(locale: str, _: Gettext) -> Content:
    errors = StaffPasswordState.field_errors
    return (
        rx.el.h1(_("비밀번호 변경")),
        rx.cond(
            StaffPasswordState.allowed,
            rx.fragment(
                rx.cond(
                    StaffPasswordState.temporary,
                    rx.el.p(_("관리자가 정한 임시 비밀번호로 로그인했습니다. 직원 화면을 쓰기 전에 자기 비밀번호를 정하세요."),
                            class_name="notice", id="password-due"),
                ),
                rx.el.form(
                    text_field(_("지금 비밀번호"), "current", errors, "password", auto_complete="current-password"),
                    text_field(_("새 비밀번호"), "password", errors, "password", auto_complete="new-password",
                               hint=_("10자 이상, 흔하지 않은 비밀번호")),
                    text_field(_("새 비밀번호 확인"), "password2", errors, "password", auto_complete="new-password"),
                    rx.el.button(_("비밀번호 바꾸기"), type="submit", class_name="button primary",
                                 id="staff-password-submit"),
                    on_submit=StaffPasswordState.change,
                    no_validate=True,
                    id="staff-password-form",
                    class_name="card",
                ),
                rx.el.p(_("바꾸면 다른 기기의 로그인은 모두 끝납니다."), class_name="hint"),
            ),
            rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )  # fmt: skip
