"""Public-MyData pieces: an imported document as the issuer stated it (application pages, resident and
staff), and the resident's consents and imported documents (account page)."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from naesone_app.components.application import status_badge
from naesone_app.components.tables import data_table
from naesone_app.core.i18n import gettext_for
from naesone_app.state.evidence_views import ConsentRow, EvidenceView, HeldRow


def _document(doc: rx.Var[EvidenceView], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.h3(doc.name),
        rx.el.p(
            _("가져온 때: "),
            doc.received,
            rx.cond(doc.sample, rx.el.span(_("예시 자료"), class_name="badge badge-sample")),
            class_name="muted",
        ),
        rx.el.dl(
            rx.foreach(doc.statements, lambda s: rx.fragment(rx.el.dt(s.label), rx.el.dd(s.value))),
            class_name="facts",
        ),
        rx.cond(
            doc.members.length() > 0,
            data_table(
                _("세대 구성원"),
                [_("관계"), _("이름"), _("생년월일"), _("성별")],
                rx.foreach(
                    doc.members,
                    lambda m: rx.el.tr(
                        rx.el.td(m.relation), rx.el.td(m.name), rx.el.td(m.birth_date), rx.el.td(m.sex)
                    ),
                ),
            ),
        ),
        class_name="evidence-document",
        id="evidence-" + doc.id.to_string(),
    )


def evidence_documents(docs: rx.Var[list[EvidenceView]], hint: str, locale: str) -> rx.Component:
    """The imported documents submitted with an application, each with what it states."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("마이데이터로 가져온 서류")),
        rx.el.p(hint, class_name="hint"),
        rx.cond(
            docs.length() > 0,
            rx.el.ul(rx.foreach(docs, lambda d: _document(d, locale)), class_name="evidence-list"),
            rx.el.p(_("가져온 서류가 없어요."), class_name="muted"),
        ),
        class_name="program-section",
        id="evidence",
    )


def _consent(line: rx.Var[ConsentRow], withdraw: Callable, locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.p(rx.el.strong(line.documents), " ", status_badge(line.status, line.status_label)),
        rx.el.dl(
            rx.el.dt(_("목적")),
            rx.el.dd(line.scope),
            rx.el.dt(_("가져오는 곳")),
            rx.el.dd(line.provider),
            rx.el.dt(_("동의한 때")),
            rx.el.dd(line.granted),
            rx.el.dt(_("유효 기한")),
            rx.el.dd(line.expires),
            rx.cond(
                line.withdrawn != "",
                rx.fragment(rx.el.dt(_("철회한 때")), rx.el.dd(line.withdrawn)),
            ),
            class_name="facts",
        ),
        rx.cond(
            line.status == "active",
            rx.el.button(
                _("동의 철회"),
                type="button",
                class_name="button small",
                aria_label=_("동의 철회") + ": " + line.documents + " · " + line.scope,
                on_click=withdraw(line.id),
                id="withdraw-evidence-" + line.id.to_string(),
            ),
        ),
        class_name="consent",
        id="evidence-consent-" + line.id.to_string(),
    )


def _held(line: rx.Var[HeldRow], delete: Callable, locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.strong(line.name),
        " · ",
        rx.el.span(_("가져온 때: "), line.received, class_name="muted"),
        rx.cond(
            line.deletable,
            rx.el.button(
                _("지우기"),
                type="button",
                class_name="button small danger",
                aria_label=_("가져온 서류 지우기") + ": " + line.name + " " + line.received,
                on_click=delete(line.id),
                id="delete-evidence-" + line.id.to_string(),
            ),
            rx.el.p(
                _("신청서와 함께 제출한 서류예요. 담당 부서가 이 서류를 보고 결정하므로 지울 수 없어요."),
                class_name="hint",
            ),
        ),
        class_name="consent",
        id="held-evidence-" + line.id.to_string(),
    )


def consent_section(
    consents: rx.Var[list[ConsentRow]],
    documents: rx.Var[list[HeldRow]],
    notice: rx.Var[str],
    withdraw: Callable,
    delete: Callable,
    locale: str,
) -> rx.Component:
    """공공 마이데이터 동의: each consent with its scope, dates and state, and the documents it brought."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("공공 마이데이터 동의")),
        rx.el.p(
            _(
                "동의를 철회하면 그 동의로는 더 이상 서류를 가져오지 않아요. 이미 가져온 서류 중 신청서와 함께 제출한 것은 담당 부서가 그 서류로 결정했기 때문에 신청에 그대로 남아요. 제출하지 않은 서류는 아래에서 지울 수 있어요."
            ),
            class_name="hint",
        ),
        rx.cond(
            consents.length() > 0,
            rx.el.ul(rx.foreach(consents, lambda c: _consent(c, withdraw, locale)), class_name="consents"),
            rx.el.p(_("마이데이터 동의 기록이 없어요."), class_name="muted"),
        ),
        rx.el.h3(_("가져온 서류")),
        rx.cond(
            documents.length() > 0,
            rx.el.ul(rx.foreach(documents, lambda d: _held(d, delete, locale)), class_name="consents"),
            rx.el.p(_("가져온 서류가 없어요."), class_name="muted"),
        ),
        rx.el.p(notice, role="status", id="evidence-notice"),
        class_name="program-section",
        id="mydata-consents",
    )
