"""My account: my situation, consents, reminders, download my data, log out everywhere, delete the account."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.evidence import consent_section
from naesone_app.components.forms import text_field
from naesone_app.components.identity import identity_fields, identity_hint
from naesone_app.core.i18n import gettext_for
from naesone_app.core.reminders import KIND_LABELS, KINDS, PENDING_KINDS
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.account import SUBSCRIBE_SCRIPT, UNSUBSCRIBE_SCRIPT, AccountState, ConsentLine
from naesone_app.state.evidence import EvidenceConsentState
from naesone_app.state.identity import IdentityState
from naesone_app.state.session import SessionState


def _consent(line: rx.Var[ConsentLine], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.strong(line.title),
        rx.el.p(
            rx.cond(line.given, rx.el.span(_("동의함 · "), line.since), rx.el.span(_("동의하지 않음"))),
            rx.cond(line.outdated, rx.el.span(_(" · 내용이 바뀌어 다시 동의가 필요해요"))),
            class_name="muted",
        ),
        rx.cond(
            line.required,
            rx.el.p(_("필수 항목은 회원 탈퇴로만 철회할 수 있어요."), class_name="hint"),
            rx.cond(
                line.given & ~line.outdated,
                rx.el.button(
                    _("동의 철회"),
                    type="button",
                    class_name="button small",
                    on_click=AccountState.set_consent(line.purpose, False),
                ),
                rx.el.button(
                    _("동의하기"),
                    type="button",
                    class_name="button small",
                    on_click=AccountState.set_consent(line.purpose, True),
                ),
            ),
        ),
        class_name="consent",
        id="consent-" + line.purpose,
    )  # noqa: RUF100


def _kind_choice(kind: str, locale: str) -> rx.Component:
    """One kind of reminder as a checkbox; its change is saved at once for every device."""
    _ = gettext_for(locale)
    field = f"push-kind-{kind}"
    return rx.el.div(
        rx.el.input(
            type="checkbox",
            id=field,
            checked=AccountState.push_kinds.contains(kind),
            on_change=lambda checked: AccountState.toggle_push_kind(kind, checked),
            aria_describedby=f"{field}-hint" if kind in PENDING_KINDS else None,
        ),
        rx.el.label(_(KIND_LABELS[kind]), html_for=field),
        rx.el.p(
            _("준비 중이에요. 골라 두면 시작할 때부터 알려 드려요."), id=f"{field}-hint", class_name="hint"
        )
        if kind in PENDING_KINDS
        else rx.fragment(),
        class_name="choice",
    )


def _reminders(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("알림")),
        rx.el.p(
            _(
                "저장한 혜택의 마감과 새로 받을 수 있는 혜택을 이 기기로 알려 드려요. 밤 10시부터 아침 8시까지는 보내지 않아요. 로그아웃하면 이 기기의 알림도 꺼져요."
            )
        ),
        rx.el.fieldset(
            rx.el.legend(_("받을 알림")),
            *[_kind_choice(kind, locale) for kind in KINDS],
            class_name="choices",
        ),
        rx.cond(
            AccountState.push_consent,
            rx.el.div(
                rx.el.button(
                    _("이 기기에서 알림 받기"),
                    type="button",
                    class_name="button",
                    id="push-subscribe",
                    on_click=rx.call_script(
                        SUBSCRIBE_SCRIPT, callback=AccountState.subscribe_push_from_browser
                    ),
                ),
                rx.el.button(
                    _("이 기기에서 알림 끄기"),
                    type="button",
                    class_name="button",
                    id="push-unsubscribe",
                    on_click=rx.call_script(UNSUBSCRIBE_SCRIPT, callback=AccountState.unsubscribe_push),
                ),
                class_name="actions",
            ),
            rx.el.p(
                _("알림을 받으려면 먼저 위의 ‘새 혜택·마감 알림 수신’에 동의해 주세요."), class_name="hint"
            ),
        ),
        rx.el.p(AccountState.push_devices, class_name="muted"),
        rx.el.p(AccountState.push_notice, role="status", id="push-notice"),
        class_name="program-section",
        id="reminders",
    )


def _identity(locale: str) -> rx.Component:
    """내 정보: the name, 생년월일, address/동 and phone staff see on an application, to see and correct."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("신청할 때 쓰는 내 정보")),
        rx.el.form(
            identity_fields(
                locale,
                IdentityState.field_errors,
                IdentityState.values,
                IdentityState.version,
                legend=_("이름·생년월일·주소·연락처"),
                hint=identity_hint(locale),
            ),
            rx.el.button(_("내 정보 저장"), type="submit", class_name="button primary", id="identity-save"),
            on_submit=IdentityState.save,
            no_validate=True,
            id="identity-form",
        ),
        rx.el.p(IdentityState.notice, role="status", id="identity-notice"),
        class_name="program-section",
        id="identity",
    )


@page(
    routes.ACCOUNT,
    on_load=(AccountState.open_account, EvidenceConsentState.open_evidence, IdentityState.open_identity),
)
def account(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("내 계정")),
        rx.el.p(SessionState.login_hint, class_name="lead"),
        _identity(locale),
        rx.el.section(
            rx.el.h2(_("내 상황")),
            rx.el.p(_("답한 내용을 보고 고친 뒤, 결과 화면에서 달라지는 혜택을 확인하고 저장할 수 있어요.")),
            rx.el.a(_("내 상황 보기·고치기"), href=routes.CHECK.href(locale), class_name="button"),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("내 강좌")),
            rx.el.p(_("신청한 자치회관 강좌의 상태, 낼 돈, 납부 기한, 환불을 봐요.")),
            rx.el.a(_("내 강좌 보기"), href=routes.MY_CLASSES.href(locale), class_name="button"),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("개인정보 동의")),
            rx.el.ul(rx.foreach(AccountState.consents, lambda c: _consent(c, locale)), class_name="consents"),
            class_name="program-section",
        ),
        consent_section(
            EvidenceConsentState.consents,
            EvidenceConsentState.documents,
            EvidenceConsentState.notice,
            EvidenceConsentState.withdraw,
            EvidenceConsentState.delete,
            locale,
        ),
        _reminders(locale),
        rx.el.section(
            rx.el.h2(_("내 정보 내려받기")),
            rx.el.p(_("이 서비스가 가진 나에 대한 모든 정보를 JSON 파일로 받아요.")),
            rx.el.button(
                _("내려받기"),
                type="button",
                class_name="button",
                on_click=AccountState.download_data,
                id="download-data",
            ),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("모든 기기에서 로그아웃")),
            rx.el.button(
                _("모든 기기에서 로그아웃"),
                type="button",
                class_name="button",
                on_click=SessionState.sign_out_everywhere,
                id="sign-out-everywhere",
            ),
            class_name="program-section",
        ),
        rx.el.section(
            rx.el.h2(_("회원 탈퇴")),
            rx.el.p(_("계정과 저장된 모든 개인정보가 즉시 삭제되며 되돌릴 수 없어요.")),
            rx.el.form(
                text_field(
                    _("비밀번호 확인"),
                    "password",
                    AccountState.field_errors,
                    "password",
                    auto_complete="current-password",
                ),
                rx.el.button(
                    _("탈퇴하고 모든 정보 삭제"),
                    type="submit",
                    class_name="button danger",
                    id="delete-account",
                ),
                on_submit=AccountState.delete_me,
                no_validate=True,
                id="delete-form",
            ),
            class_name="program-section",
        ),
    )
