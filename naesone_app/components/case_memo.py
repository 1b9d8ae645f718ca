"""On the staff case page: who has the case (take it, hand it to a colleague, let it go) and the officers'
internal memos with author and Seoul time. Never on a resident's page."""

from __future__ import annotations

import reflex as rx

from naesone_app.core.i18n import gettext_for
from naesone_app.state.case_desk import CaseDeskState, MemoLine

D = CaseDeskState


def _memo(memo: rx.Var[MemoLine]) -> rx.Component:
    return rx.el.li(
        rx.el.p(rx.el.strong(memo.author), " · ", memo.at, class_name="hint"),
        rx.el.p(memo.text, class_name="memo-text"),
    )


def _assignment(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.p(
            _("담당: "),
            rx.el.strong(rx.cond(D.assignee != "", D.assignee, _("담당 없음")), id="case-assignee"),
        ),
        rx.el.form(
            rx.el.div(
                rx.el.label(_("다른 직원에게 맡기기"), html_for="case-assignee-choice"),
                rx.el.select(
                    rx.el.option(_("직원을 고르세요"), value=""),
                    rx.foreach(D.officers, lambda o: rx.el.option(o.label, value=o.value)),
                    id="case-assignee-choice",
                    name="assignee",
                ),
                class_name="field",
            ),
            rx.el.div(
                rx.el.button(_("맡기기"), type="submit", class_name="button", id="case-hand-over"),
                rx.cond(
                    ~D.mine,
                    rx.el.button(
                        _("내가 맡기"),
                        type="button",
                        class_name="button primary",
                        on_click=D.take,
                        id="case-take",
                    ),
                ),
                rx.cond(
                    D.assignee != "",
                    rx.el.button(
                        _("담당 해제"),
                        type="button",
                        class_name="button",
                        on_click=D.release,
                        id="case-release",
                    ),
                ),
                class_name="actions",
            ),
            on_submit=D.hand_over,
            reset_on_submit=False,
        ),
    )


def case_desk(locale: str) -> rx.Component:
    """The 담당 · 내부 메모 section (shown only to officers who may see the case)."""
    _ = gettext_for(locale)
    return rx.cond(
        D.shown,
        rx.el.section(
            rx.el.h2(_("담당 · 내부 메모")),
            rx.cond(
                D.desk_notice != "",
                rx.el.p(D.desk_notice, class_name="notice", role="status", id="desk-notice"),
            ),
            _assignment(locale),
            rx.el.h3(_("내부 메모")),
            rx.el.p(
                _(
                    "직원끼리만 보는 메모예요. 신청한 분의 화면에는 보이지 않고, 결정이 끝난 뒤 본인이 "
                    "개인정보를 내려받으면 포함돼요."
                ),
                class_name="hint",
                id="memo-hint",
            ),
            rx.cond(
                D.memos.length() > 0,
                rx.el.ul(rx.foreach(D.memos, _memo), class_name="memo-list", id="case-memos"),
                rx.el.p(_("아직 메모가 없어요."), class_name="hint"),
            ),
            rx.el.div(
                rx.el.label(_("메모 쓰기"), html_for="memo-text"),
                rx.el.textarea(
                    id="memo-text",
                    rows=3,
                    max_length=2000,
                    value=D.memo_text,
                    on_change=D.set_memo_text,
                    aria_describedby=rx.cond(D.memo_error != "", "memo-error memo-hint", "memo-hint"),
                ),
                rx.cond(D.memo_error != "", rx.el.p(D.memo_error, class_name="field-error", id="memo-error")),
                class_name="field",
            ),
            rx.el.button(
                _("메모 남기기"), type="button", class_name="button", on_click=D.add_memo, id="memo-add"
            ),
            class_name="program-section",
            id="case-desk",
        ),
    )
