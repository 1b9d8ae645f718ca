"""Staff: the department's review queue (/staff/applications) and one application (/staff/application)."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.applicant import applicant_block
from naesone_app.components.application import answers, history, status_badge, upload_list
from naesone_app.components.decision import (
    confirm_dialog,
    duplicates_flag,
    override_fields,
    staff_checklist,
    verdict_section,
)
from naesone_app.components.evidence import evidence_documents
from naesone_app.components.forms import field_error
from naesone_app.components.pwa import record_for_url
from naesone_app.core.applications import STATUS_LABELS
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.staff_applications import (
    QueueRow,
    StaffApplicationState,
    StaffQueueState,
)

Q, R = StaffQueueState, StaffApplicationState


def _queue_row(row: rx.Var[QueueRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.tr(
        rx.el.td(row.submitted),
        rx.el.td(row.waiting),
        rx.el.td(rx.el.a(row.title, href=routes.STAFF_APPLICATION.href(locale, id=row.id))),
        rx.el.td(row.department),
        rx.el.td(status_badge(row.status, row.status_label)),
    )


@page(routes.STAFF_APPLICATIONS, on_load=StaffQueueState.open_queue)
def staff_applications(locale: str, _: Gettext) -> Content:
    options = [("open", _("진행 중 전체"))] + [(s, _(m.msgid)) for s, m in STATUS_LABELS.items()]
    return (
        rx.el.h1(_("신청 검토")),
        rx.cond(
            Q.allowed,
            rx.fragment(
                rx.el.p(
                    rx.cond(Q.department != "", Q.department, _("모든 부서 (관리자)")),
                    " · ",
                    _("먼저 들어온 신청부터 보여요. 신청서를 열면 감사 기록에 남습니다."),
                    class_name="hint",
                ),
                rx.el.div(
                    rx.el.label(_("상태"), html_for="status-filter"),
                    rx.el.select(
                        *[rx.el.option(label, value=value) for value, label in options],
                        id="status-filter",
                        value=Q.status_filter,
                        on_change=Q.set_filter,
                    ),
                    class_name="field",
                ),
                rx.cond(
                    Q.rows.length() > 0,
                    rx.el.div(
                        rx.el.table(
                            rx.el.thead(
                                rx.el.tr(
                                    rx.el.th(_("신청일"), scope="col"),
                                    rx.el.th(_("대기"), scope="col"),
                                    rx.el.th(_("혜택"), scope="col"),
                                    rx.el.th(_("부서"), scope="col"),
                                    rx.el.th(_("상태"), scope="col"),
                                )
                            ),
                            rx.el.tbody(rx.foreach(Q.rows, lambda r: _queue_row(r, locale))),
                            id="review-queue",
                        ),
                        class_name="table-scroll",
                        tab_index=0,
                        role="region",
                        aria_label=_("신청 목록"),
                    ),
                    rx.el.p(_("이 상태의 신청이 없어요."), class_name="notice", id="queue-empty"),
                ),
            ),
            rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
        ),
    )


def _actions(locale: str) -> rx.Component:
    _ = gettext_for(locale)

    def action(value: str, label: str, extra: str = "") -> rx.Component:
        ask = R.ask_confirm(value) if value in ("approved", "rejected") else R.decide(value)  # a dialog first
        return rx.el.button(
            label, type="button", class_name="button " + extra, id="action-" + value, on_click=ask
        )

    final = (R.status == "approved") | (R.status == "rejected")
    return rx.cond(
        final,
        rx.el.p(_("결정된 신청이에요."), class_name="notice"),
        rx.el.div(
            rx.el.div(
                rx.el.label(_("사유 · 요청할 서류"), html_for="reason"),
                rx.el.p(
                    _("서류 보완 요청과 반려에는 꼭 적어 주세요. 신청한 분께 그대로 보여요."),
                    id="reason-hint",
                    class_name="hint",
                ),
                rx.el.textarea(
                    id="reason",
                    name="reason",
                    rows=3,
                    max_length=1000,
                    value=R.reason_text,
                    on_change=R.set_reason,
                    aria_describedby=rx.cond(
                        R.field_errors.contains("reason"), "reason-error reason-hint", "reason-hint"
                    ),
                ),
                field_error("reason", R.field_errors),
                class_name="field",
            ),
            override_fields(
                R.missing_docs,
                R.override,
                R.override_reason,
                R.field_errors,
                R.set_override,
                R.set_override_reason,
                R.application_id,
                locale,
            ),
            rx.el.div(
                rx.cond(R.status != "in_review", action("in_review", _("검토 시작"))),
                action("more_documents", _("서류 보완 요청")),
                action("approved", _("승인하기"), "primary"),
                action("rejected", _("반려하기"), "danger"),
                class_name="actions",
            ),
            confirm_dialog(R.confirm_title, R.confirm_text, R.confirming, R.decide, R.cancel_confirm, locale),
            id="decision",
        ),
    )


@page(
    routes.STAFF_APPLICATION,
    on_load=StaffApplicationState.open_review,
    query=lambda: {"id": R.application_id},
)
def staff_application(locale: str, _: Gettext) -> Content:
    body = rx.fragment(
        rx.el.p(rx.el.a(_("← 신청 검토"), href=routes.STAFF_APPLICATIONS.href(locale))),
        rx.el.h1(R.title, id="review-title"),
        rx.el.p(
            _("신청한 분: "),
            R.applicant,
            " · ",
            R.department,
            " · ",
            _("신청일: "),
            R.submitted,
            class_name="lead",
        ),
        rx.el.p(_("현재 상태: "), rx.el.strong(R.status_label, id="review-status")),
        applicant_block(R.applicant_rows, locale),
        rx.cond(R.notice != "", rx.el.p(R.notice, class_name="notice", role="status", id="review-notice")),
        duplicates_flag(R.duplicates, locale),
        verdict_section(R.verdict, R.verdict_rows, locale),
        staff_checklist(R.staff_docs, R.missing_docs, locale),
        rx.el.section(rx.el.h2(_("처리")), _actions(locale), class_name="program-section"),
        rx.el.section(rx.el.h2(_("신청 내용")), answers(R.answers), class_name="program-section"),
        rx.el.section(
            rx.el.h2(_("제출 파일")),
            rx.el.p(_("내려받기는 감사 기록에 남습니다."), class_name="hint"),
            upload_list(R.uploads, None, locale),
            class_name="program-section",
        ),
        evidence_documents(
            R.evidence,
            _("신청한 분이 동의를 받아 발급 기관에서 가져온 내용 그대로예요. 열람은 감사 기록에 남습니다."),
            locale,
        ),
        rx.el.section(rx.el.h2(_("진행 기록")), history(R.history, locale), class_name="program-section"),
    )
    return (
        record_for_url(
            R.shown_id,
            locale,
            rx.cond(
                R.allowed,
                rx.cond(
                    R.found,
                    body,
                    rx.fragment(
                        rx.el.h1(_("신청을 찾을 수 없어요")),
                        rx.el.p(_("다른 부서의 신청이거나 없는 신청이에요.")),
                    ),
                ),
                rx.el.p(_("직원만 볼 수 있는 화면입니다."), class_name="notice"),
            ),
        ),
    )
