"""Staff: one application (/staff/application); the queue is pages/staff_queue.py."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.applicant import applicant_block
from naesone_app.components.application import answers, history, upload_list
from naesone_app.components.case_memo import case_desk
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
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.case_desk import CaseDeskState
from naesone_app.state.staff_applications import StaffApplicationState

R = StaffApplicationState


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
    on_load=(StaffApplicationState.open_review, CaseDeskState.open_desk),
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
        case_desk(locale),
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
