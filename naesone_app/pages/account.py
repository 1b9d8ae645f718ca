"""My account: my situation, consents, download my data, log out everywhere, delete the account."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import text_field
from naesone_app.components.layout import localized, page_shell
from naesone_app.core.i18n import gettext_for
from naesone_app.state.account import AccountState, ConsentLine
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


def build(locale: str):
    _ = gettext_for(locale)

    def account() -> rx.Component:
        return page_shell(
            locale,
            "/account",
            rx.el.h1(_("내 계정")),
            rx.el.p(SessionState.login_hint, class_name="lead"),
            rx.el.section(
                rx.el.h2(_("내 상황")),
                rx.el.p(
                    _("답한 내용을 보고 고친 뒤, 결과 화면에서 달라지는 혜택을 확인하고 저장할 수 있어요.")
                ),
                rx.el.a(_("내 상황 보기·고치기"), href=localized("/check", locale), class_name="button"),
                class_name="program-section",
            ),
            rx.el.section(
                rx.el.h2(_("개인정보 동의")),
                rx.el.ul(
                    rx.foreach(AccountState.consents, lambda c: _consent(c, locale)), class_name="consents"
                ),
                class_name="program-section",
            ),
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

    account.__name__ = f"account_{locale}"
    return account
