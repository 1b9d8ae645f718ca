"""The identity fields (이름, 생년월일, 주소, 동, 연락처) as sign-up, 내 계정 and the first application ask
them: native inputs in a fieldset, each with its label and the server's message for it."""

from __future__ import annotations

from typing import Any

import reflex as rx

from naesone_app.components.forms import field_error, text_field
from naesone_app.core.dongs import DONGS
from naesone_app.core.i18n import N_, gettext_for

WHY = N_(
    "온라인 신청서를 낼 때 담당 부서가 누가 신청했는지 확인하고 연락하는 데만 써요. 암호화해 보관하고, 내 계정에서 고치거나 회원 탈퇴로 지울 수 있어요."
)


def identity_hint(locale: str) -> str:
    """What the identity is for and how it is kept, in the reader's language."""
    return gettext_for(locale)(WHY)


def _dong_select(locale: str, errors: rx.Var[dict[str, str]], value: Any, key: Any) -> rx.Component:
    _ = gettext_for(locale)
    has_error = errors.contains("dong")
    extra = {} if value is None else {"default_value": value, "key": key}
    return rx.el.div(
        rx.el.label(_("주소지 행정동"), html_for="dong"),
        rx.el.select(
            rx.el.option(_("고르지 않음"), value=""),
            *[rx.el.option(_(d.name), value=d.name) for d in DONGS],
            id="dong",
            name="dong",
            aria_describedby=rx.cond(has_error, "dong-error", None),
            aria_invalid=rx.cond(has_error, "true", "false"),
            **extra,
        ),
        field_error("dong", errors),
        class_name="field",
    )


def identity_fields(
    locale: str,
    errors: rx.Var[dict[str, str]],
    values: Any = None,
    key: Any = None,
    *,
    legend: str,
    hint: str,
    phone_hint: str = "",
) -> rx.Component:
    """Name and 생년월일 first (what staff need to tell who applied), then address, 동 and phone.

    `values` (a state var with name, birth_date, address, dong, phone) prefills the inputs; `key`
    changes when they are reloaded, so the browser redraws them with the stored values."""
    _ = gettext_for(locale)

    def given(field: str) -> dict[str, Any]:
        return {} if values is None else {"default_value": values[field], "key": key.to_string() + field}

    return rx.el.fieldset(
        rx.el.legend(legend, class_name="question-legend"),
        rx.el.p(hint, class_name="hint"),
        text_field(_("이름"), "name", errors, auto_complete="name", **given("name")),
        text_field(_("생년월일"), "birth_date", errors, "date", auto_complete="bday", **given("birth_date")),
        text_field(
            _("주소"),
            "address",
            errors,
            hint=_("도로명 주소 (예: 중구 다산로 12, 101호)"),
            auto_complete="street-address",
            **given("address"),
        ),
        _dong_select(locale, errors, None if values is None else values["dong"], key),
        text_field(
            _("연락처 (휴대전화)"),
            "phone",
            errors,
            "tel",
            hint=phone_hint,
            auto_complete="tel",
            **given("phone"),
        ),
        class_name="identity-fields",
        id="identity-fields",
    )
