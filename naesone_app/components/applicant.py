"""신청한 분: who applied, as the resident typed it, beside what their imported documents state — a
mismatch marked in words and colour, never by colour alone."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.contact import phone_link
from naesone_app.core.i18n import gettext_for
from naesone_app.state.applicant_views import ApplicantRow, StatedRow


def _stated(row: rx.Var[StatedRow]) -> rx.Component:
    return rx.el.li(row.text, class_name="identity-" + row.status)


def _row(row: rx.Var[ApplicantRow], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.fragment(
        rx.el.dt(row.label),
        rx.el.dd(
            rx.cond(
                row.typed != "",
                rx.cond(row.href != "", phone_link(row.typed, row.href), rx.el.span(row.typed)),
                rx.el.span(
                    rx.cond(row.stated.length() > 0, _("적지 않음 (서류에만 있음)"), _("적지 않음")),
                    class_name="muted",
                ),
            ),
            rx.cond(
                row.stated.length() > 0,
                rx.el.ul(rx.foreach(row.stated, _stated), class_name="identity-checks"),
            ),
            id="applicant-" + row.key,
        ),
    )


def applicant_block(rows: rx.Var[list[ApplicantRow]], locale: str) -> rx.Component:
    """The applicant's identity rows (name, 생년월일 with 만 나이, address, 동, phone, then what only
    documents state: 전입일, children)."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("신청한 분")),
        rx.el.p(
            _(
                "신청한 분이 적은 내용이에요. 옆에는 마이데이터로 가져온 서류에 적힌 내용을 함께 보여 줘요. 다르면 신청한 분께 확인해 주세요."
            ),
            class_name="hint",
        ),
        rx.el.dl(rx.foreach(rows, lambda r: _row(r, locale)), class_name="facts applicant-facts"),
        class_name="program-section",
        id="applicant",
    )
