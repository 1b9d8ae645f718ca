"""The staff case page's decision beside the evidence: the engine's verdict at submission and now, the
checklist in the officer's words with what is missing, the flag for another application of the same
resident, the override to approve with documents missing, and the dialog that confirms a decision.

The dialog is the browser's own modal `<dialog>` (showModal): it traps focus, is labelled by its title,
and Escape cancels it — no extra JavaScript package.
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from naesone_app.components.forms import field_error
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.state.decision_views import DuplicateLine, StaffDocumentLine, VerdictRow, VerdictSummary

MARKS = {"met": "✓", "unmet": "✕", "unknown": "?"}


def _mark(status: rx.Var[str]) -> rx.Component:
    return rx.el.span(
        rx.match(status, ("met", MARKS["met"]), ("unmet", MARKS["unmet"]), ("unknown", MARKS["unknown"]), ""),
        aria_hidden="true",
        class_name="mark-icon mark-" + status,
    )


def duplicates_flag(duplicates: rx.Var[list[DuplicateLine]], locale: str) -> rx.Component:
    """ "같은 분의 같은 사업 신청이 또 있어요", each other application linked by its 접수번호."""
    _ = gettext_for(locale)
    return rx.cond(
        duplicates.length() > 0,
        rx.el.div(
            rx.el.p(rx.el.strong(_("같은 분의 같은 사업 신청이 또 있어요: 접수번호"))),
            rx.el.ul(
                rx.foreach(
                    duplicates,
                    lambda d: rx.el.li(
                        rx.el.a(d.receipt_no, href=routes.STAFF_APPLICATION.href(locale, id=d.id)),
                        " · ",
                        d.status_label,
                    ),
                ),
            ),
            rx.el.p(
                _("이 기능이 생기기 전에 접수된 중복 신청이에요. 하나만 승인해 주세요."), class_name="hint"
            ),
            class_name="warning-box",
            role="note",
            id="duplicates",
        ),
    )


def _side(status: rx.Var[str], label: rx.Var[str], detail: rx.Var[str], heading: str) -> rx.Component:
    """One side of a criterion; `heading` labels the cell when a phone stacks the table (CSS ::before)."""
    return rx.el.td(
        rx.cond(
            label != "",
            rx.fragment(
                rx.el.p(_mark(status), " ", rx.el.strong(label), class_name="verdict-status"),
                rx.cond(detail != "", rx.el.p(detail, class_name="hint")),
            ),
            rx.el.span("—", class_name="muted"),
        ),
        data_label=heading,
    )


def _verdict_row(row: rx.Var[VerdictRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.tr(
        rx.el.th(
            row.requirement,
            rx.cond(row.changed, rx.el.span(_("바뀜"), class_name="badge badge-changed")),
            scope="row",
        ),
        _side(row.then_status, row.then_label, row.then_detail, _("접수 때")),
        _side(row.now_status, row.now_label, row.now_detail, _("지금")),
        class_name=rx.cond(row.changed, "verdict-changed", ""),
        id="verdict-" + row.key,
    )


def verdict_section(
    summary: rx.Var[VerdictSummary], rows: rx.Var[list[VerdictRow]], locale: str
) -> rx.Component:
    """The programme's status and each criterion at submission and today, changes marked."""
    _ = gettext_for(locale)

    def status(label: rx.Var[str], on: rx.Var[str], status_id: str) -> rx.Component:
        return rx.cond(
            label != "",
            rx.el.span(rx.el.strong(label, id=status_id), " (", on, ")"),
            rx.el.span(_("기록 없음"), class_name="muted", id=status_id),
        )

    return rx.el.section(
        rx.el.h2(_("자격 판정")),
        rx.el.p(
            _(
                "신청할 때 신청한 분의 정보로 엔진이 판정한 결과와, 지금 저장된 정보로 다시 판정한 결과예요. 판정은 참고용이고 결정은 담당자가 합니다."
            ),
            class_name="hint",
        ),
        rx.el.dl(
            rx.el.dt(_("접수 때")),
            rx.el.dd(status(summary.then_label, summary.then_on, "verdict-then")),
            rx.el.dt(_("지금")),
            rx.el.dd(
                status(summary.now_label, summary.now_on, "verdict-now"),
                rx.cond(summary.changed, rx.el.span(_("바뀜"), class_name="badge badge-changed")),
            ),
            rx.cond(
                summary.catalogue != "",
                rx.fragment(rx.el.dt(_("사업 정보 기준일")), rx.el.dd(summary.catalogue)),
            ),
            class_name="facts",
        ),
        rx.cond(
            rows.length() > 0,
            rx.el.div(
                rx.el.table(
                    rx.el.thead(
                        rx.el.tr(
                            rx.el.th(_("조건"), scope="col"),
                            rx.el.th(_("접수 때"), scope="col"),
                            rx.el.th(_("지금"), scope="col"),
                        )
                    ),
                    rx.el.tbody(rx.foreach(rows, lambda r: _verdict_row(r, locale))),
                    id="verdict-table",
                ),
                class_name="table-scroll",
                tab_index=0,
                role="region",
                aria_label=_("조건별 판정"),
            ),
            rx.el.p(_("이 사업에는 판정할 조건이 없어요."), class_name="muted"),
        ),
        class_name="program-section",
        id="verdict",
    )


def staff_checklist(
    docs: rx.Var[list[StaffDocumentLine]], missing: rx.Var[list[str]], locale: str
) -> rx.Component:
    """Every document with what the office has of it, what is missing named first."""
    _ = gettext_for(locale)

    def line(doc: rx.Var[StaffDocumentLine]) -> rx.Component:
        return rx.el.li(
            rx.el.span(
                rx.cond(doc.missing, "✕", rx.cond(doc.how == "missing", "○", "✓")),
                aria_hidden="true",
                class_name=rx.cond(doc.missing, "mark-icon mark-unmet", "mark-icon mark-met"),
            ),
            " ",
            rx.el.span(doc.label),
            " — ",
            rx.el.strong(doc.how_text, class_name=rx.cond(doc.missing, "doc-missing", "")),
            class_name="document-line",
            id="staff-doc-" + doc.key,
        )

    return rx.el.section(
        rx.el.h2(_("서류 확인")),
        rx.cond(
            missing.length() > 0,
            rx.el.p(
                rx.el.strong(_("누락: ")),
                missing.join(", "),
                class_name="warning-box",
                id="missing-docs",
            ),
            rx.cond(
                docs.length() > 0,
                rx.el.p(_("필수 서류가 모두 있어요."), class_name="notice", id="missing-docs"),
            ),
        ),
        rx.cond(
            docs.length() > 0,
            rx.el.ul(rx.foreach(docs, line), class_name="documents", id="staff-checklist"),
            rx.el.p(_("이 신청서에는 서류가 없어요."), class_name="muted"),
        ),
        class_name="program-section",
        id="staff-docs",
    )


def override_fields(
    missing: rx.Var[list[str]],
    checked: rx.Var[bool],
    reason: rx.Var[str],
    errors: rx.Var[dict[str, str]],
    set_checked: Callable,
    set_reason: Callable,
    case_key: rx.Var[int],
    locale: str,
) -> rx.Component:
    """Only when required documents are missing: tick to approve anyway, and say why (staff only)."""
    _ = gettext_for(locale)
    return rx.cond(
        missing.length() > 0,
        rx.el.fieldset(
            rx.el.legend(_("누락 서류")),
            rx.el.div(
                rx.el.input(
                    type="checkbox",
                    id="override",
                    # uncontrolled, so a tick shows at once (a controlled box waits for the server's
                    # answer); remounted with the server's value for each case
                    default_checked=checked,
                    key=case_key,
                    on_change=set_checked,
                    aria_describedby=rx.cond(
                        errors.contains("override"), "override-error override-hint", "override-hint"
                    ),
                ),
                rx.el.label(_("누락 서류가 있어도 승인"), html_for="override"),
                class_name="check-line",
            ),
            rx.el.p(
                _(
                    "빠진 서류가 있으면 이 칸을 고르고 사유를 적어야 승인할 수 있어요. 사유는 진행 기록에 남고 신청한 분께는 보이지 않아요."
                ),
                id="override-hint",
                class_name="hint",
            ),
            rx.cond(
                checked,
                rx.el.div(
                    rx.el.label(_("누락 서류가 있어도 승인하는 사유"), html_for="override-reason"),
                    rx.el.textarea(
                        id="override-reason",
                        rows=2,
                        max_length=1000,
                        value=reason,
                        on_change=set_reason,
                    ),
                    class_name="field",
                ),
            ),
            field_error("override", errors),
            class_name="override-box",
            id="override-box",
        ),
    )


def confirm_dialog(
    title: rx.Var[str], text: rx.Var[str], confirming: rx.Var[str], confirm: Callable, cancel: Callable,
    locale: str,
) -> rx.Component:  # fmt: skip
    """The modal that says what will happen; its confirm button makes the decision, Escape cancels."""
    _ = gettext_for(locale)
    return rx.el.dialog(
        rx.el.h2(title, id="confirm-title"),
        rx.el.p(text, id="confirm-text"),
        rx.el.div(
            rx.el.button(_("취소"), type="button", class_name="button", id="confirm-cancel", on_click=cancel),
            rx.el.button(
                rx.cond(confirming == "rejected", _("반려하기"), _("승인하기")),
                type="button",
                class_name=rx.cond(confirming == "rejected", "button danger", "button primary"),
                id="confirm-yes",
                on_click=confirm(confirming),
            ),
            class_name="actions",
        ),
        id="confirm-dialog",
        aria_labelledby="confirm-title",
        aria_describedby="confirm-text",
        class_name="confirm-dialog",
    )
