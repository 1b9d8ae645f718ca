"""Staff: the department's review queue (/staff/applications) — one search field, the filters, the cases
that identify who applied, 내가 맡기, paging and the export."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.application import status_badge
from naesone_app.components.tables import card_table, labelled_cell
from naesone_app.core.applications import STATUS_LABELS
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.staff_queue import QueueRow, StaffQueueState

Q = StaffQueueState


def _select(name: str, label: str, options: list[tuple[str, str]], value: rx.Var, extra=None) -> rx.Component:
    """A labelled select of the filter form (uncontrolled: the form is re-mounted when the state sets it)."""
    return rx.el.div(
        rx.el.label(label, html_for="queue-" + name),
        rx.el.select(
            *[rx.el.option(text, value=key) for key, text in options],
            *([extra] if extra is not None else []),
            id="queue-" + name,
            name=name,
            default_value=value,
        ),
        class_name="field",
    )


def _date(name: str, label: str, value: rx.Var) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for="queue-" + name),
        rx.el.input(type="date", id="queue-" + name, name=name, default_value=value),
        class_name="field",
    )


def _filters(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    statuses = [("open", _("진행 중 전체")), ("all", _("모든 상태"))] + [
        (s, _(m.msgid)) for s, m in STATUS_LABELS.items()
    ]
    assigned = [("any", _("담당 상관없이")), ("me", _("내가 맡은 신청")), ("none", _("담당 없음"))]
    return rx.el.form(
        rx.el.div(
            rx.el.label(_("검색"), html_for="queue-q"),
            rx.el.p(_("이름 일부, 전화번호 또는 접수번호"), id="queue-q-hint", class_name="hint"),
            rx.el.input(
                type="search",
                id="queue-q",
                name="q",
                default_value=Q.query_text,
                max_length=60,
                aria_describedby="queue-q-hint",
                auto_complete="off",
            ),
            class_name="field queue-search",
        ),
        rx.el.div(
            _select("status", _("상태"), statuses, Q.status_filter),
            _select(
                "program",
                _("사업"),
                [("", _("모든 사업"))],
                Q.program_filter,
                rx.foreach(Q.program_options, lambda o: rx.el.option(o.label, value=o.value)),
            ),
            _select(
                "dong",
                _("동"),
                [("", _("모든 동"))],
                Q.dong_filter,
                rx.foreach(Q.dong_options, lambda d: rx.el.option(d, value=d)),
            ),
            _date("from", _("접수일부터"), Q.date_from),
            _date("to", _("접수일까지"), Q.date_to),
            _select(
                "assigned",
                _("담당"),
                assigned,
                Q.assigned_filter,
                rx.foreach(Q.officer_options, lambda o: rx.el.option(o.label, value=o.value)),
            ),
            rx.cond(
                Q.is_admin,
                _select(
                    "department",
                    _("부서"),
                    [("", _("모든 부서"))],
                    Q.department_filter,
                    rx.foreach(Q.department_options, lambda d: rx.el.option(d, value=d)),
                ),
            ),
            class_name="queue-filters",
        ),
        rx.el.div(
            rx.el.button(_("검색"), type="submit", class_name="button primary", id="queue-apply"),
            rx.el.button(
                _("조건 지우기"),
                type="button",
                class_name="button",
                id="queue-clear",
                on_click=Q.clear_filters,
            ),
            class_name="actions",
        ),
        key=Q.form_key,
        id="queue-filters",
        role="search",
        aria_label=_("신청 찾기"),
        on_submit=Q.apply_filters,
        reset_on_submit=False,
    )


def _row(row: rx.Var[QueueRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.tr(
        labelled_cell(_("접수번호"), row.receipt_no, class_name="case-receipt"),
        labelled_cell(
            _("신청한 분"),
            row.applicant,
            rx.cond(row.duplicate, rx.el.span(_("중복"), class_name="badge badge-duplicate")),
        ),
        labelled_cell(_("동"), rx.cond(row.dong != "", row.dong, "-"), class_name="nowrap"),
        labelled_cell(
            _("사업"),
            rx.el.a(row.title, href=routes.STAFF_APPLICATION.href(locale, id=row.id)),
            rx.cond(Q.is_admin, rx.el.span(" · ", row.department, class_name="hint")),
        ),
        labelled_cell(_("상태"), status_badge(row.status, row.status_label), class_name="nowrap"),
        labelled_cell(_("접수일"), row.submitted, class_name="nowrap"),
        labelled_cell(_("대기 일수"), row.waiting, class_name="nowrap"),
        labelled_cell(
            _("담당"),
            rx.cond(row.assignee != "", row.assignee, _("담당 없음")),
            rx.cond(
                ~row.mine,
                rx.el.button(
                    _("내가 맡기"),
                    rx.el.span(" ", row.receipt_no, class_name="visually-hidden"),
                    type="button",
                    class_name="button small",
                    on_click=Q.take(row.id),
                ),
            ),
        ),
        id="case-" + row.id.to_string(),
    )


def _paging(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.nav(
        rx.el.button(
            _("이전"),
            type="button",
            class_name="button",
            on_click=Q.turn_page(-1),
            disabled=Q.page <= 1,
            id="queue-previous",
        ),
        rx.el.span(Q.page, " / ", Q.pages, class_name="queue-page"),
        rx.el.button(
            _("다음"),
            type="button",
            class_name="button",
            on_click=Q.turn_page(1),
            disabled=Q.page >= Q.pages,
            id="queue-next",
        ),
        class_name="actions queue-paging",
        aria_label=_("쪽 이동"),
    )


def _queue(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    headers = [
        _("접수번호"),
        _("신청한 분"),
        _("동"),
        _("사업"),
        _("상태"),
        _("접수일"),
        _("대기 일수"),
        _("담당"),
    ]
    return rx.fragment(
        _filters(locale),
        rx.el.p(
            rx.el.strong(Q.total_text),
            " · ",
            _("오래 기다린 신청부터 보여요. 신청서를 열면 감사 기록에 남습니다."),
            class_name="hint",
            id="queue-total",
            role="status",
        ),
        rx.cond(Q.notice != "", rx.el.p(Q.notice, class_name="notice", role="status", id="queue-notice")),
        rx.el.div(
            rx.el.button(
                _("CSV로 내려받기"),
                type="button",
                class_name="button",
                on_click=Q.export_csv,
                id="export-csv",
            ),
            rx.el.button(
                _("엑셀로 내려받기"),
                type="button",
                class_name="button",
                on_click=Q.export_xlsx,
                id="export-xlsx",
            ),
            rx.el.p(
                _("조건에 맞는 우리 부서 신청 전체를 내려받아요. 내려받기는 감사 기록에 남습니다."),
                class_name="hint",
            ),
            class_name="actions queue-export",
        ),
        rx.cond(
            Q.rows.length() > 0,
            rx.fragment(
                card_table(
                    _("신청 목록"), headers, rx.foreach(Q.rows, lambda r: _row(r, locale)), "review-queue"
                ),
                rx.cond(Q.pages > 1, _paging(locale)),
            ),
            rx.el.p(_("조건에 맞는 신청이 없어요."), class_name="notice", id="queue-empty"),
        ),
    )


@page(routes.STAFF_APPLICATIONS, on_load=StaffQueueState.open_queue)
def staff_applications(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("신청 검토")),
        rx.cond(
            Q.allowed,
            rx.fragment(
                rx.el.p(
                    rx.cond(Q.department != "", Q.department, _("모든 부서 (관리자)")), class_name="lead"
                ),
                _queue(locale),
            ),
            rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )
