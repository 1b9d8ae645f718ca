"""Sign-up, sign-in and password reset pages."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import checkbox, field_error, text_field
from naesone_app.components.identity import identity_fields, identity_hint
from naesone_app.core.consent import PURPOSES
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.account_forms import AccountFormsState

ERRORS = AccountFormsState.field_errors


def _notice() -> rx.Component:
    return rx.cond(
        AccountFormsState.notice != "", rx.el.p(AccountFormsState.notice, class_name="notice", role="status")
    )


def _consents(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.fieldset(
        rx.el.legend(_("개인정보 수집·이용 동의"), class_name="question-legend"),
        *[
            rx.el.div(
                checkbox(_(p.title), f"consent_{p.key}", ERRORS),
                rx.el.dl(
                    rx.el.dt(_("수집 항목")),
                    rx.el.dd(_(p.items)),
                    rx.el.dt(_("목적")),
                    rx.el.dd(_(p.why)),
                    rx.el.dt(_("보유 기간")),
                    rx.el.dd(_(p.keep_for)),
                    class_name="consent-terms",
                ),
                class_name="consent",
            )
            for p in PURPOSES
        ],
        rx.el.p(
            _("선택 항목은 동의하지 않아도 가입할 수 있으며, 언제든 계정 페이지에서 철회할 수 있습니다."),
            class_name="hint",
        ),
    )


@page(routes.SIGNUP, on_load=AccountFormsState.clear)
def signup(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("회원 가입")),
        rx.el.p(_("가입하면 답한 내용이 저장되고, 나에게 맞는 혜택과 마감을 한곳에서 볼 수 있어요.")),
        rx.el.form(
            text_field(_("이메일 또는 휴대전화 번호"), "login", ERRORS, auto_complete="username"),
            text_field(
                _("비밀번호"),
                "password",
                ERRORS,
                "password",
                hint=_("10자 이상, 흔하지 않은 비밀번호"),
                auto_complete="new-password",
            ),
            text_field(_("비밀번호 확인"), "password2", ERRORS, "password", auto_complete="new-password"),
            identity_fields(
                locale,
                ERRORS,
                legend=_("신청할 때 쓰는 내 정보 (선택)"),
                hint=identity_hint(locale),
                phone_hint=_("비워 두면 가입한 휴대전화 번호를 연락처로 써요."),
            ),
            _consents(locale),
            rx.el.div(
                rx.el.button(_("가입하기"), type="submit", class_name="button primary", id="signup-submit"),
                class_name="actions",
            ),
            on_submit=AccountFormsState.sign_up,
            no_validate=True,
            id="signup-form",
            class_name="card",
        ),
        rx.el.p(
            _("이미 가입했나요? "),
            rx.el.a(_("로그인"), href=routes.LOGIN.href(locale) + AccountFormsState.next_query),
        ),
    )


@page(routes.LOGIN, on_load=AccountFormsState.clear)
def login(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("로그인")),
        rx.el.form(
            text_field(_("이메일 또는 휴대전화 번호"), "login", ERRORS, auto_complete="username"),
            text_field(_("비밀번호"), "password", ERRORS, "password", auto_complete="current-password"),
            rx.el.div(
                rx.el.button(_("로그인"), type="submit", class_name="button primary", id="login-submit"),
                class_name="actions",
            ),
            on_submit=AccountFormsState.sign_in,
            no_validate=True,
            id="login-form",
            class_name="card",
        ),
        rx.el.p(
            rx.el.a(_("비밀번호를 잊었어요"), href=routes.RESET.href(locale)),
            " · ",
            rx.el.a(
                _("회원 가입"),
                href=routes.SIGNUP.href(locale) + AccountFormsState.next_query,
                id="signup-link",
            ),
        ),
    )


@page(routes.RESET, on_load=AccountFormsState.clear)
def reset(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("비밀번호 재설정")),
        rx.el.p(
            _(
                "가입한 이메일이나 휴대전화 번호로 30분 동안 쓸 수 있는 재설정 링크를 보내 드려요. 휴대전화 번호로 가입했다면 문자로 보내요."
            )
        ),
        rx.el.p(
            _(
                "문자를 받을 수 없다면 신분증을 가지고 가까운 동 주민센터에 가세요. 직원이 본인인지 확인한 뒤 재설정을 도와드려요."
            ),
            class_name="hint",
            id="reset-at-centre",
        ),
        _notice(),
        rx.el.form(
            text_field(_("이메일 또는 휴대전화 번호"), "login", ERRORS, auto_complete="username"),
            rx.el.div(
                rx.el.button(_("링크 받기"), type="submit", class_name="button primary", id="reset-submit"),
                class_name="actions",
            ),
            on_submit=AccountFormsState.ask_reset,
            no_validate=True,
            id="reset-form",
            class_name="card",
        ),
    )


@page(routes.RESET_CONFIRM, on_load=AccountFormsState.clear)
def reset_confirm(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("새 비밀번호 정하기")),
        _notice(),
        field_error("token", ERRORS),
        rx.el.form(
            text_field(
                _("새 비밀번호"),
                "password",
                ERRORS,
                "password",
                hint=_("10자 이상, 흔하지 않은 비밀번호"),
                auto_complete="new-password",
            ),
            text_field(_("새 비밀번호 확인"), "password2", ERRORS, "password", auto_complete="new-password"),
            rx.el.div(
                rx.el.button(
                    _("비밀번호 바꾸기"),
                    type="submit",
                    class_name="button primary",
                    id="reset-confirm-submit",
                ),
                class_name="actions",
            ),
            on_submit=AccountFormsState.finish_reset,
            no_validate=True,
            id="reset-confirm-form",
            class_name="card",
        ),
        rx.el.p(rx.el.a(_("로그인하러 가기"), href=routes.LOGIN.href(locale))),
    )
