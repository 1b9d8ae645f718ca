"""Staff: every course with its counts (draw, 폐강 check), and one course's roster with payments and attendance."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.pwa import record_for_url
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.classes import badges, course_facts
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.staff_classes import RosterRow, StaffClassesState, StaffCourseLine, StaffCourseState


def _table(label: str, head: list[str], body: rx.Component, table_id: str) -> rx.Component:
    return rx.el.div(
        rx.el.table(
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in head])),
            rx.el.tbody(body),
            id=table_id,
        ),
        class_name="table-scroll",
        tab_index=0,
        role="region",
        aria_label=label,
    )


def _course_line(line: rx.Var[StaffCourseLine], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.tr(
        rx.el.td(rx.el.a(line.title, href=routes.STAFF_COURSE.href(locale, id=line.code))),
        rx.el.td(line.centre),
        rx.el.td(line.quarter),
        rx.el.td(line.mode),
        rx.el.td(line.counts),
        rx.el.td(line.state),
        rx.el.td(
            rx.cond(line.can_draw, rx.el.button(_("추첨"), type="button", class_name="button small",
                                                on_click=StaffClassesState.draw_lottery(line.code))),
            rx.cond(line.can_check, rx.el.button(_("폐강 확인"), type="button", class_name="button small",
                                                 on_click=StaffClassesState.check_minimum(line.code))),
        ),
    )  # fmt: skip


@page(routes.STAFF_CLASSES, on_load=StaffClassesState.open_staff_classes)
def staff_classes(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("자치회관 강좌 관리")),
        rx.cond(
            StaffClassesState.allowed,
            rx.fragment(
                rx.el.p(_("추첨, 확정 기한·납부 기한 처리, 폐강 확인은 몇 분마다 자동으로 실행돼요. 지금 바로 실행할 수도 있어요."),
                        class_name="hint"),
                rx.el.button(_("지금 실행"), type="button", class_name="button",
                             on_click=StaffClassesState.run_jobs_now, id="run-jobs"),
                rx.cond(StaffClassesState.notice != "",
                        rx.el.p(StaffClassesState.notice, class_name="notice", role="status")),
                _table(_("강좌 목록"), [_("강좌"), _("자치회관"), _("분기"), _("모집 방식"), _("인원"),
                                      _("접수"), _("작업")],
                       rx.foreach(StaffClassesState.courses, lambda c: _course_line(c, locale)), "staff-courses"),
            ),
            rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )  # fmt: skip


def _roster_row(row: rx.Var[RosterRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    paid_id = "paid-" + row.id.to_string()
    return rx.el.tr(
        rx.el.td(row.login),
        rx.el.td(row.status_label),
        rx.el.td(row.reduction),
        rx.el.td(row.fee_due, class_name="money"),
        rx.el.td(
            rx.cond(
                row.owes,
                rx.el.div(
                    rx.el.input(type="checkbox", id=paid_id, checked=row.paid,
                                on_change=lambda checked: StaffCourseState.set_paid(row.id, checked)),
                    rx.el.label(_("납부함"), html_for=paid_id),
                    class_name="choice",
                ),
            ),
            rx.cond(row.payment_due != "", rx.el.span(_("기한 "), row.payment_due, class_name="hint")),
        ),
        rx.el.td(
            rx.cond(
                row.learner,
                rx.el.div(
                    rx.el.button(_("출석"), type="button", class_name="button small",
                                 aria_pressed=rx.cond(row.present == "present", "true", "false"),
                                 on_click=StaffCourseState.mark(row.id, True), id="present-" + row.id.to_string()),
                    rx.el.button(_("결석"), type="button", class_name="button small",
                                 aria_pressed=rx.cond(row.present == "absent", "true", "false"),
                                 on_click=StaffCourseState.mark(row.id, False), id="absent-" + row.id.to_string()),
                    rx.el.span(rx.cond(row.present == "present", _("출석"),
                                       rx.cond(row.present == "absent", _("결석"), _("미기록"))),
                               class_name="attendance-mark", id="mark-" + row.id.to_string()),
                    class_name="layer-actions",
                ),
            ),
        ),
    )  # fmt: skip


@page(routes.STAFF_COURSE, on_load=StaffCourseState.open_roster)
def staff_course(locale: str, _: Gettext) -> Content:
    card = StaffCourseState.card
    return (
        rx.el.p(rx.el.a(_("← 강좌 관리"), href=routes.STAFF_CLASSES.href(locale))),
        record_for_url(StaffCourseState.shown_id, locale, rx.cond(
            StaffCourseState.allowed & StaffCourseState.found,
            rx.fragment(
                rx.el.h1(card.title, id="roster-title"),
                badges(card, locale),
                rx.el.details(rx.el.summary(_("강좌 정보")), course_facts(card, locale)),
                rx.el.section(
                    rx.el.h2(_("수강생 명단과 출석")),
                    rx.el.p(_("명단을 열면 감사 기록에 남습니다. 온라인 결제가 없으니, 자치회관에서 받은 납부를 여기에 기록하세요."),
                            class_name="hint"),
                    rx.el.div(
                        rx.el.label(_("수업 날짜"), html_for="session-date"),
                        rx.el.input(type="date", id="session-date", value=StaffCourseState.session_on,
                                    on_change=StaffCourseState.set_session_date),
                        class_name="field",
                    ),
                    rx.cond(StaffCourseState.notice != "",
                            rx.el.p(StaffCourseState.notice, class_name="notice", role="status")),
                    _table(_("수강생 명단"), [_("계정 (연락처)"), _("상태"), _("감면"), _("낼 돈"), _("납부"),
                                          _("출석")],
                           rx.foreach(StaffCourseState.rows, lambda r: _roster_row(r, locale)), "roster"),
                    class_name="program-section",
                ),
            ),
            rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
        )),
    )  # fmt: skip
