"""온라인 신청 (/apply?id=…): the programme's form, prefilled and saved as a draft, its documents, submit."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.application import checklist, form_field, upload_list, uploader
from naesone_app.components.identity import identity_fields, identity_hint
from naesone_app.components.pwa import record_for_url
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.apply import UPLOAD_ID, ApplyState
from naesone_app.state.identity import IdentityState

S, ID = ApplyState, IdentityState


def _eligibility(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.match(
        S.eligibility,
        ("eligible", rx.el.p(_("저장된 내 정보로 보면 신청 대상이에요."), class_name="notice eligible-note")),
        ("maybe", rx.el.p(_("일부 조건은 담당 공무원이 확인해요. 신청할 수 있어요."), class_name="notice")),
        ("closed", rx.el.p(_("신청 기간이 지났어요. 다음 신청 기간을 확인해 주세요."), class_name="notice")),
        (
            "ineligible",
            rx.el.div(
                rx.el.p(
                    rx.el.strong(_("저장된 내 정보로는 대상이 아닌 것으로 보여요.")), id="ineligible-title"
                ),
                rx.el.ul(rx.foreach(S.unmet, rx.el.li)),
                rx.el.p(
                    _("정보가 바뀌었거나 사정이 있다면 그래도 신청할 수 있어요. 담당 공무원이 최종 판단해요.")
                ),
                class_name="nearest-miss",
                id="ineligible-notice",
            ),
        ),
        rx.el.p(
            _("상황 정보를 저장하면 대상인지 미리 알려 드려요. "),
            rx.el.a(_("내 상황 입력하기"), href=routes.CHECK.href(locale)),
            class_name="notice",
        ),
    )


def _mydata(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.cond(
        S.mydata_available,
        rx.el.div(
            rx.cond(
                S.consent_until == "",
                rx.el.div(
                    rx.el.p(
                        rx.el.strong(_("가져올 서류: ")),
                        S.evidence_name,
                        rx.el.br(),
                        rx.el.strong(_("쓰는 곳: ")),
                        S.consent_scope,
                        rx.el.br(),
                        rx.el.strong(_("동의 기간: ")),
                        _("오늘부터 30일 (언제든 철회할 수 있어요)"),
                    ),
                    rx.el.button(
                        _("동의합니다"),
                        type="button",
                        class_name="button",
                        id="mydata-consent",
                        on_click=S.give_evidence_consent,
                    ),
                    class_name="consent-box",
                ),
                rx.el.div(
                    rx.el.p(S.consent_until, class_name="hint", id="mydata-consented"),
                    rx.el.button(
                        _("마이데이터로 가져오기"),
                        type="button",
                        class_name="button primary",
                        id="mydata-import",
                        on_click=S.import_document,
                    ),
                ),
            ),
            rx.cond(
                S.evidence_error != "", rx.el.p(S.evidence_error, class_name="field-error", role="alert")
            ),
            rx.cond(
                S.evidence_notice != "",
                rx.el.p(S.evidence_notice, class_name="notice", role="status", id="mydata-notice"),
            ),
            class_name="mydata",
        ),
        rx.el.p(_("지금은 마이데이터 연결이 준비되지 않았어요. 파일로 올려 주세요."), class_name="hint"),
    )


def _applicant(locale: str) -> rx.Component:
    """Who applies: asked once (name and 생년월일 at least) before the first application; then shown."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("신청하는 분")),
        rx.cond(
            ID.complete,
            rx.el.p(
                rx.el.strong(ID.summary, id="applicant-summary"),
                " · ",
                rx.el.a(_("내 계정에서 고치기"), href=routes.ACCOUNT.href(locale)),
            ),
            rx.el.form(
                identity_fields(
                    locale,
                    ID.field_errors,
                    ID.values,
                    ID.version,
                    legend=_("이름과 생년월일은 꼭 적어 주세요"),
                    hint=identity_hint(locale),
                ),
                rx.el.button(_("저장"), type="submit", class_name="button primary", id="identity-save"),
                on_submit=ID.save_for_application,
                no_validate=True,
                id="identity-form",
            ),
        ),
        rx.cond(
            ID.notice != "", rx.el.p(ID.notice, role="status", class_name="notice", id="identity-notice")
        ),
        class_name="program-section",
        id="applicant",
    )


def _form(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.fragment(
        _eligibility(locale),
        _applicant(locale),
        rx.el.section(
            rx.el.h2(_("신청서")),
            rx.el.p(
                _("저장된 내 정보로 미리 채운 칸은 표시되어 있어요. 입력하는 대로 자동 저장돼요."),
                class_name="hint",
            ),
            rx.cond(
                S.draft_note != "", rx.el.p(S.draft_note, class_name="hint", role="status", id="draft-note")
            ),
            rx.el.form(
                rx.foreach(
                    S.fields, lambda f: form_field(f, S.form_version, S.save_field, locale, S.submitted)
                ),
                on_submit=S.submit_application,
                prevent_default=True,
                no_validate=True,
                id="apply-form",
            ),
            class_name="program-section",
        ),
        checklist(
            S.official_docs,
            S.evidence_docs,
            S.resident_docs,
            locale,
            evidence_extra=_mydata(locale),
        ),
        rx.el.section(
            rx.el.h2(_("파일 올리기")),
            uploader(
                UPLOAD_ID,
                S.upload_options,
                S.upload_key,
                S.choose_upload,
                S.upload_document,
                S.upload_error,
                S.upload_notice,
                locale,
            ),
            rx.el.h3(_("올린 파일")),
            upload_list(S.uploads, S.remove_file, locale),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("제출")),
            rx.cond(S.missing_note != "", rx.el.p(S.missing_note, class_name="hint", id="missing-note")),
            rx.cond(S.submit_error != "", rx.el.p(S.submit_error, class_name="field-error", role="alert")),
            rx.el.button(
                _("신청서 제출"),
                type="submit",
                form="apply-form",
                class_name="button primary",
                id="submit-application",
            ),
            class_name="program-section",
        ),
    )


def _existing(locale: str) -> rx.Component:
    """The resident already applied: their application, not a blank form (one active per programme)."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("이미 신청했어요"), id="existing-title"),
        rx.el.p(
            _(
                "이 혜택은 신청이 진행 중이거나 승인되어 다시 신청할 수 없어요. 반려된 경우에만 새로 신청할 수 있어요."
            )
        ),
        rx.el.dl(
            rx.el.dt(_("현재 상태")),
            rx.el.dd(rx.el.strong(S.existing_label, id="existing-status")),
            rx.el.dt(_("접수번호")),
            rx.el.dd(S.existing_receipt, id="existing-receipt"),
            rx.el.dt(_("신청일")),
            rx.el.dd(S.existing_submitted),
            class_name="facts",
        ),
        rx.el.p(
            rx.el.a(
                _("신청 내용 보기"),
                href=routes.APPLICATION.href(locale, id=S.existing_id),
                class_name="button primary",
                id="view-existing",
            )
        ),
        class_name="program-section",
    )


def _done(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("제출되었어요"), id="submitted-title"),
        rx.el.p(_("접수번호: "), rx.el.strong(S.receipt_no, id="receipt-no")),
        rx.el.p(_("문의할 때 접수번호를 알려 주세요."), class_name="hint"),
        rx.cond(S.processing != "", rx.el.p(S.processing, id="processing-note")),
        rx.el.p(_("담당 부서가 검토하고 결과를 알려 드려요. 진행 상황은 '내 신청'에서 볼 수 있어요.")),
        rx.el.p(
            rx.el.a(
                _("신청 내용 보기"),
                href=routes.APPLICATION.href(locale, id=S.submitted_id),
                class_name="button primary",
                id="view-application",
            ),
            " ",
            rx.el.a(_("내 신청 전체"), href=routes.APPLICATIONS.href(locale), class_name="button"),
        ),
        class_name="program-section submitted",
        role="status",
    )


@page(
    routes.APPLY,
    on_load=(ApplyState.open_apply, IdentityState.open_identity),
    query=lambda: {"id": S.program_key},
)
def apply(locale: str, _: Gettext) -> Content:
    return (
        record_for_url(  # never another programme's form than the URL names
            S.shown_id,
            locale,
            rx.cond(
                S.found,
                rx.fragment(
                    rx.el.p(
                        rx.el.a(
                            _("← 혜택 안내로"),
                            href=routes.PROGRAM.href(locale, id=S.program_key),
                        )
                    ),
                    rx.el.h1(_("온라인 신청: "), S.title, id="apply-title"),
                    rx.cond(
                        S.submitted,
                        _done(locale),
                        rx.cond(S.existing_id > 0, _existing(locale), _form(locale)),
                    ),
                ),
                rx.fragment(
                    rx.el.h1(_("온라인으로 신청할 수 없는 혜택이에요")),
                    rx.el.p(rx.el.a(_("전체 혜택 보기"), href=routes.PROGRAMS.href(locale))),
                ),
            ),
        ),
    )
