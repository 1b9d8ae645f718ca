"""내 신청: the resident's applications (/applications) and one application (/application?id=N)."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.application import (
    answers,
    checklist,
    history,
    status_badge,
    upload_list,
    uploader,
)
from naesone_app.components.evidence import evidence_documents
from naesone_app.components.pwa import needs_network, record_for_url
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.application_views import ApplicationRow, ElsewhereRow
from naesone_app.state.applications import MORE_UPLOAD_ID, ApplicationState, MyApplicationsState

A = ApplicationState


def _row(row: rx.Var[ApplicationRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.a(
            row.title,
            href=routes.APPLICATION.href(locale, id=row.id),
            class_name="item-title",
        ),
        rx.el.p(
            status_badge(row.status, row.status_label),
            rx.cond(row.unread, rx.el.span(_("새 소식"), class_name="badge badge-new")),
            class_name="badges",
        ),
        rx.el.p(_("신청일: "), row.submitted, " · ", _("최근 변경: "), row.updated, class_name="muted"),
        class_name="program-item application-item",
        id="application-" + row.id.to_string(),
    )


def _elsewhere(locale: str) -> rx.Component:
    """Programmes applied for on other sites, as the resident left for them (and told us afterwards)."""
    _ = gettext_for(locale)

    def row(item: rx.Var[ElsewhereRow]) -> rx.Component:
        return rx.el.li(
            rx.el.a(item.title, href=routes.PROGRAM.href(locale, id=item.key), class_name="item-title"),
            rx.el.p(item.where, " · ", _("다녀온 날: "), item.visited, class_name="muted"),
            rx.el.p(_("신청 여부: "), rx.el.strong(item.reported_label)),
            class_name="program-item",
        )

    return rx.el.section(
        rx.el.h2(_("다른 곳에서 신청한 혜택")),
        rx.el.p(
            _(
                "정부24·복지로 등에서 신청하는 혜택은 그곳에서 결과를 알려 줘요. 여기서는 다녀온 기록만 보여요."
            ),
            class_name="hint",
        ),
        rx.el.ul(
            rx.foreach(MyApplicationsState.elsewhere, row),
            class_name="program-list",
            id="applied-elsewhere-list",
        ),
        class_name="program-section",
    )


@page(routes.APPLICATIONS, on_load=MyApplicationsState.open_applications)
def applications(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("내 신청")),
        rx.cond(
            MyApplicationsState.loaded,
            rx.fragment(
                rx.cond(
                    MyApplicationsState.rows.length() > 0,
                    rx.el.ul(
                        rx.foreach(MyApplicationsState.rows, lambda r: _row(r, locale)),
                        class_name="program-list",
                        id="my-applications",
                    ),
                    rx.el.p(
                        _("이 앱에서 신청한 혜택은 아직 없어요. "),
                        rx.el.a(_("전체 혜택 보기"), href=routes.PROGRAMS.href(locale)),
                        class_name="notice",
                    ),
                ),
                rx.cond(MyApplicationsState.elsewhere.length() > 0, _elsewhere(locale)),
            ),
            needs_network(locale, titled=False),  # "loading", or offline: what works without it
        ),
    )


def _more_documents(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("서류 보완 요청")),
        rx.el.p(
            rx.el.strong(_("담당 부서가 요청한 내용: ")),
            A.asked,
            class_name="nearest-miss pre-line",
            id="asked",
        ),
        uploader(
            MORE_UPLOAD_ID,
            A.upload_options,
            A.upload_key,
            A.choose_upload,
            A.upload_document,
            A.upload_error,
            rx.Var.create(""),
            locale,
        ),
        rx.el.div(
            rx.el.button(
                _("다시 제출"),
                type="button",
                class_name="button primary",
                id="resubmit",
                on_click=A.supply_documents,
            ),
            class_name="actions",
        ),
        class_name="program-section",
        id="more-documents",
    )


@page(routes.APPLICATION, on_load=ApplicationState.open_application, query=lambda: {"id": A.application_id})
def application(locale: str, _: Gettext) -> Content:
    body = rx.fragment(
        rx.el.p(rx.el.a(_("← 내 신청"), href=routes.APPLICATIONS.href(locale))),
        rx.el.h1(A.title, id="application-title"),
        rx.el.p(
            _("현재 상태: "),
            rx.el.strong(A.status_label, id="application-status"),
            " · ",
            _("신청일: "),
            A.submitted,
            class_name="lead",
        ),
        rx.cond(
            A.receipt_no != "",
            rx.el.p(_("접수번호: "), rx.el.strong(A.receipt_no, id="application-receipt")),
        ),
        rx.cond(A.processing != "", rx.el.p(A.processing, class_name="hint", id="application-processing")),
        rx.cond(
            A.notice != "", rx.el.p(A.notice, class_name="notice", role="status", id="application-notice")
        ),
        rx.cond(A.status == "more_documents", _more_documents(locale)),
        rx.cond(
            (A.asked != "") & ((A.status == "rejected") | (A.status == "approved")),
            rx.el.p(rx.el.strong(_("결정 사유: ")), A.asked, class_name="notice pre-line"),
        ),
        rx.el.section(rx.el.h2(_("진행 기록")), history(A.history, locale), class_name="program-section"),
        rx.el.section(rx.el.h2(_("제출한 내용")), answers(A.answers), class_name="program-section"),
        checklist(A.official_docs, A.evidence_docs, A.resident_docs, locale),
        rx.el.section(
            rx.el.h2(_("제출한 파일")),
            upload_list(A.uploads, A.remove_file, locale),
            class_name="program-section",
        ),
        evidence_documents(
            A.evidence,
            _("신청서와 함께 제출한 서류예요. 나와 담당 부서만 볼 수 있어요."),
            locale,
        ),
    )
    return (
        record_for_url(
            A.shown_id,
            locale,
            rx.cond(
                A.found,
                body,
                rx.fragment(
                    rx.el.h1(_("신청을 찾을 수 없어요")),
                    rx.el.p(rx.el.a(_("내 신청 보기"), href=routes.APPLICATIONS.href(locale))),
                ),
            ),
        ),
    )
