"""Staff: look up residents (audited); admins also create staff accounts and read the audit log."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import text_field
from naesone_app.components.layout import localized, page_shell
from naesone_app.core.i18n import gettext_for
from naesone_app.state.staff import AuditRow, ResidentRow, StaffState

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


def _audit(row: rx.Var[AuditRow]) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row.at),
        rx.el.td(row.actor),
        rx.el.td(row.action),
        rx.el.td(row.subject),
        rx.el.td(row.detail),
    )


def _admin(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.fragment(
        rx.el.section(
            rx.el.h2(_("직원 계정 만들기")),
            rx.cond(StaffState.notice != "", rx.el.p(StaffState.notice, class_name="notice", role="status")),
            rx.el.form(
                text_field(_("이메일 또는 휴대전화 번호"), "login", ERRORS),
                text_field(_("임시 비밀번호"), "password", ERRORS, "password", auto_complete="new-password"),
                text_field(_("부서"), "department", ERRORS),
                rx.el.div(
                    rx.el.label(_("역할"), html_for="role"),
                    rx.el.select(
                        rx.el.option(_("직원"), value="staff"),
                        rx.el.option(_("관리자"), value="admin"),
                        id="role",
                        name="role",
                    ),
                    class_name="field",
                ),
                rx.el.button(_("만들기"), type="submit", class_name="button primary", id="create-staff"),
                on_submit=StaffState.create_staff,
                no_validate=True,
                id="create-staff-form",
            ),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("감사 기록")),
            rx.el.div(
                rx.el.table(
                    rx.el.thead(
                        rx.el.tr(
                            rx.el.th(_("시각"), scope="col"),
                            rx.el.th(_("누가"), scope="col"),
                            rx.el.th(_("무엇을"), scope="col"),
                            rx.el.th(_("누구의"), scope="col"),
                            rx.el.th(_("부서·내용"), scope="col"),
                        )
                    ),
                    rx.el.tbody(rx.foreach(StaffState.audit_rows, _audit)),
                    id="audit-log",
                ),
                class_name="table-scroll",
                tab_index=0,
                role="region",
                aria_label=_("감사 기록"),
            ),
            class_name="program-section",
        ),
    )


def build(locale: str):
    _ = gettext_for(locale)

    def staff() -> rx.Component:
        return page_shell(
            locale,
            "/staff",
            rx.el.h1(_("직원 화면")),
            rx.el.p(rx.el.a(_("자치회관 강좌 관리"), href=localized("/staff/classes", locale))),
            rx.cond(
                StaffState.allowed,
                rx.fragment(
                    rx.el.section(
                        rx.el.h2(_("주민 찾기")),
                        rx.el.p(_("주민의 정보를 열람하면 감사 기록에 남습니다."), class_name="hint"),
                        rx.el.form(
                            text_field(_("이메일 또는 휴대전화 번호"), "query", ERRORS),
                            rx.el.button(_("찾기"), type="submit", class_name="button"),
                            on_submit=StaffState.search,
                            no_validate=True,
                        ),
                        rx.el.div(
                            rx.el.table(
                                rx.el.thead(
                                    rx.el.tr(
                                        rx.el.th(_("계정"), scope="col"),
                                        rx.el.th(_("가입일"), scope="col"),
                                        rx.el.th(_("상황 정보"), scope="col"),
                                        rx.el.th(_("열람"), scope="col"),
                                    )
                                ),
                                rx.el.tbody(rx.foreach(StaffState.residents, lambda r: _resident(r, locale))),
                                id="residents",
                            ),
                            class_name="table-scroll",
                            tab_index=0,
                            role="region",
                            aria_label=_("주민 목록"),
                        ),
                        class_name="program-section",
                    ),
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
                    rx.cond(StaffState.is_admin, _admin(locale)),
                ),
                rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
            ),
        )

    staff.__name__ = f"staff_{locale}"
    return staff
