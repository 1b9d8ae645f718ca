"""A programme: who, what, how to apply, documents, deadline, contact, source, last updated."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.contact import contact_text, in_app_badge, office_card
from naesone_app.components.pwa import record_for_url
from naesone_app.components.results import criteria_list, status_badge
from naesone_app.core.i18n import gettext_for
from naesone_app.core.outbound import REPORT_LABELS, REPORTS
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.program import ProgramState


def _section(heading: str, *body: rx.Component) -> rx.Component:
    return rx.el.section(rx.el.h2(heading), *body, class_name="program-section")


def _paragraphs(text: rx.Var[str]) -> rx.Component:
    return rx.el.p(text, class_name="pre-line")


def _apply_elsewhere(locale: str) -> rx.Component:
    """The tracked link to the site where the resident applies, then "did you finish?" once they went."""
    _ = gettext_for(locale)

    def answer(outcome: str, label: str) -> rx.Component:
        return rx.el.button(
            label, type="button", class_name="button", on_click=ProgramState.report_applied(outcome),
            aria_pressed=rx.cond(ProgramState.reported == outcome, "true", "false"),
        )  # fmt: skip

    return rx.fragment(
        rx.el.p(
            rx.el.a(
                ProgramState.view.apply_link_label,
                rx.el.span(_(" (새 창)"), class_name="visually-hidden"),
                href=ProgramState.view.apply_link,
                rel="noopener",
                target="_blank",
                class_name="button primary",
                id="apply-elsewhere",
                on_click=ProgramState.leave_to_apply,
            )
        ),
        rx.cond(
            ProgramState.went_elsewhere,
            rx.el.div(
                rx.el.p(_("신청을 마치셨나요? 알려 주시면 내 신청 목록에 함께 보여 드려요.")),
                rx.el.div(
                    *[answer(outcome, _(REPORT_LABELS[outcome])) for outcome in REPORTS],
                    class_name="actions compact",
                ),
                rx.cond(
                    ProgramState.reported == "applied",
                    rx.el.p(_("신청했다고 기록했어요. 결과는 신청한 곳에서 알려 줘요."), role="status"),
                ),
                class_name="notice",
                id="applied-elsewhere",
            ),
        ),
    )


def _apply_here(locale: str) -> rx.Component:
    """온라인 신청 for a programme with an in-app form; the prefill promise only to those signed out."""
    _ = gettext_for(locale)
    return rx.el.p(
        rx.el.a(
            _("온라인 신청"),
            href=routes.APPLY.href(locale, id=ProgramState.view.key),
            class_name="button primary",
            id="apply-online",
        ),
        rx.cond(
            ~ProgramState.signed_in,
            rx.fragment(
                rx.el.br(),
                rx.el.span(
                    _("로그인하면 저장된 내 정보로 신청서를 채워 드려요."),
                    class_name="hint",
                    id="prefill-hint",
                ),
            ),
        ),
    )


def _office(locale: str) -> rx.Component:
    """Where to go or call: the office, or every 동 주민센터 while the resident's 동 is unknown."""
    _ = gettext_for(locale)
    office = ProgramState.office
    return rx.el.div(
        rx.el.h3(_("찾아가거나 전화할 곳"), id="office-title"),
        rx.cond(
            office.centres.length() > 0,
            rx.fragment(
                rx.el.p(office.pick_dong_note, class_name="hint"),
                rx.el.details(
                    rx.el.summary(_("동 주민센터 15곳 보기")),
                    rx.foreach(office.centres, lambda centre: office_card(centre, locale)),
                ),
            ),
            office_card(office.office, locale, "office-name"),
        ),
        id="office",
    )


@page(routes.PROGRAM, on_load=ProgramState.open_program, query=lambda: {"id": ProgramState.view.key})
def program(locale: str, _: Gettext) -> Content:
    view = ProgramState.view
    body = rx.fragment(
        rx.el.h1(view.title, id="program-title"),
        rx.el.p(
            rx.el.span(view.level, class_name="badge badge-level"),
            rx.el.span(view.category, class_name="badge badge-level"),
            rx.cond(view.is_sample, rx.el.span(_("샘플"), class_name="badge badge-sample")),
            class_name="badges",
        ),
        rx.cond(
            view.korean_only,
            rx.el.p(_("이 혜택의 설명은 원문(한국어)으로만 제공됩니다."), class_name="notice", lang="en"),
        ),
        rx.el.p(view.summary, class_name="lead"),
        rx.cond(
            ProgramState.signed_in,
            rx.el.button(
                rx.cond(ProgramState.saved, _("저장됨 (저장 취소)"), _("이 혜택 저장")),
                type="button",
                class_name="button",
                on_click=ProgramState.toggle_save,
                aria_pressed=rx.cond(ProgramState.saved, "true", "false"),
                id="save-program",
            ),
        ),
        rx.cond(
            ProgramState.status != "",
            _section(
                _("나의 상황으로 판단하면"),
                rx.el.p(status_badge(ProgramState.status, locale)),
                criteria_list(ProgramState.criteria, locale),
                rx.cond(
                    ProgramState.nearest_miss != "",
                    rx.el.p(ProgramState.nearest_miss, class_name="nearest-miss"),
                ),
                rx.cond(
                    ProgramState.next_change != "",
                    rx.el.p(ProgramState.next_change, class_name="next-change"),
                ),
            ),
            rx.el.p(rx.el.a(_("내 상황으로 확인하기"), href=routes.CHECK.href(locale)), class_name="notice"),
        ),
        _section(
            _("누가 받을 수 있나요"),
            _paragraphs(view.audience),
            rx.cond(
                view.requirements.length() > 0,
                rx.el.ul(rx.foreach(view.requirements, rx.el.li), class_name="requirements"),
            ),
        ),
        _section(_("무엇을 받나요"), _paragraphs(view.benefit)),
        _section(
            _("어떻게 신청하나요"),
            rx.el.p(
                rx.el.strong(view.apply_channel),
                rx.cond(view.applies_here, rx.fragment(" ", in_app_badge(locale))),
            ),
            rx.cond(view.applies_here, _apply_here(locale)),
            _paragraphs(view.how_to_apply),
            rx.cond(view.apply_link != "", _apply_elsewhere(locale)),
            rx.cond(ProgramState.has_office, _office(locale)),
        ),
        _section(
            _("필요한 서류"),
            rx.cond(
                view.documents.length() > 0,
                rx.el.ul(rx.foreach(view.documents, rx.el.li)),
                rx.el.p(_("별도로 안내된 서류가 없어요."), class_name="muted"),
            ),
        ),
        _section(
            _("신청 기간"),
            rx.cond(view.window != "", rx.el.p(view.window)),
            rx.cond(
                view.deadline != "",
                _paragraphs(view.deadline),
                rx.el.p(_("안내 없음"), class_name="muted"),
            ),
        ),
        _section(
            _("문의"),
            rx.el.p(view.responsible_body),
            contact_text(ProgramState.contact),
        ),
        _section(
            _("출처"),
            rx.el.dl(
                rx.el.dt(_("정보 출처")),
                rx.el.dd(view.source),
                rx.el.dt(_("근거")),
                rx.el.dd(view.provenance, lang="ko"),  # the sources are noted in Korean
                rx.el.dt(_("최종 수정일")),
                rx.el.dd(rx.cond(view.last_updated != "", view.last_updated, "-")),
                rx.el.dt(_("공식 안내")),
                rx.el.dd(
                    rx.cond(
                        view.official_url != "",
                        rx.el.a(view.official_url, href=view.official_url, rel="noopener"),
                        "-",
                    )
                ),
            ),
        ),
    )
    return (
        record_for_url(  # never another programme than the URL names; offline, says so
            ProgramState.shown_id,
            locale,
            rx.cond(
                ProgramState.found,
                body,
                rx.fragment(
                    rx.el.h1(_("혜택을 찾을 수 없어요")),
                    rx.el.p(rx.el.a(_("전체 혜택 보기"), href=routes.PROGRAMS.href(locale))),
                ),
            ),
        ),
    )
