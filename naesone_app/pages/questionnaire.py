"""The questionnaire: one question at a time, the most decisive first, every one skippable."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import field_error, text_field
from naesone_app.components.layout import localized, page_shell
from naesone_app.components.screening import restart_button
from naesone_app.components.text import interpolate
from naesone_app.core.answers import CHILD_FIELDS
from naesone_app.core.dongs import DONGS
from naesone_app.core.i18n import format_won, gettext_for
from naesone_app.core.income import median_income_tables
from naesone_app.core.labels import HOUSEHOLD_LABELS, LIVELIHOOD_LABELS, SEX_LABELS, SITUATION_LABELS
from naesone_app.state.screening import ScreeningState


def _error(field: str) -> rx.Component:
    return field_error(field, ScreeningState.field_errors)


def _input(label: str, field: str, kind: str = "text", hint: str = "", **props) -> rx.Component:
    return text_field(label, field, ScreeningState.field_errors, kind, hint, **props)


def _choices(field: str, options: list[tuple[str, str]]) -> rx.Component:
    return rx.el.div(
        *[
            rx.el.div(
                rx.el.input(type="radio", id=f"{field}-{value}", name=field, value=value),
                rx.el.label(label, html_for=f"{field}-{value}"),
                class_name="choice",
            )
            for value, label in options
        ],
        _error(field),
        class_name="choices",
    )


def _checks(prefix: str, options: list[tuple[str, str]]) -> rx.Component:
    return rx.el.div(
        *[
            rx.el.div(
                rx.el.input(type="checkbox", id=f"{prefix}{value}", name=f"{prefix}{value}"),
                rx.el.label(label, html_for=f"{prefix}{value}"),
                class_name="choice",
            )
            for value, label in options
        ],
        class_name="choices",
    )


def _question(locale: str, key: str, legend: str, help_text: str, *fields: rx.Component) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend(legend, class_name="question-legend", id="question-title", tab_index=-1),
            rx.el.p(help_text, class_name="hint") if help_text else rx.fragment(),
            *fields,
        ),
        rx.el.div(
            rx.el.button(_("다음"), type="submit", class_name="button primary", id="next"),
            rx.el.button(
                _("건너뛰기"), type="button", class_name="button", id="skip", on_click=ScreeningState.skip
            ),
            class_name="actions",
        ),
        on_submit=ScreeningState.answer,
        no_validate=True,
        reset_on_submit=False,
        id=f"question-{key}",
        key=key,
    )


def _median_hint(locale: str) -> str:
    _ = gettext_for(locale)
    table = median_income_tables()[-1]
    sizes = " · ".join(
        _("{n}인 {amount}").format(n=n, amount=format_won(table.for_household(n), locale))
        for n in range(1, 5)
    )
    return _("{year}년 기준 중위소득(월): {sizes}").format(year=table.year, sizes=sizes)


def _questions(locale: str) -> dict[str, rx.Component]:
    _ = gettext_for(locale)
    return {
        "birth_date": _question(
            locale,
            "birth_date",
            _("생년월일이 언제인가요?"),
            _("만 나이로 받을 수 있는 혜택을 확인해요."),
            _input(_("생년월일"), "birth_date", "date"),
            _input(_("또는 만 나이"), "age", "number", min=0, max=130, input_mode="numeric"),
        ),
        "residence": _question(
            locale,
            "residence",
            _("중구에 살고 계신가요?"),
            _("주민등록상 주소 기준이에요."),
            _choices("lives_in_junggu", [("yes", _("네, 중구에 살아요")), ("no", _("아니요"))]),
            rx.el.div(
                rx.el.label(_("사는 동 (행정동)"), html_for="dong"),
                rx.el.select(
                    rx.el.option(_("선택 안 함"), value=""),
                    *[rx.el.option(_(d.name), value=d.name) for d in DONGS],
                    id="dong",
                    name="dong",
                ),
                _error("dong"),
                class_name="field",
            ),
        ),
        "income": _question(
            locale,
            "income",
            _("가구원 수와 소득을 알려 주세요."),
            _("소득은 세전 월 소득의 합계예요. 모르면 비워 두셔도 됩니다."),
            _input(
                _("함께 사는 가구원 수 (본인 포함)"),
                "household_size",
                "number",
                min=1,
                max=30,
                input_mode="numeric",
            ),
            _input(
                _("가구의 월 소득 (원)"),
                "monthly_income",
                "text",
                hint=_median_hint(locale),
                input_mode="numeric",
                auto_complete="off",
            ),
            _input(_("또는 기준 중위소득 대비 비율 (%)"), "income_percent", "text", input_mode="decimal"),
        ),
        "livelihood": _question(
            locale,
            "livelihood",
            _("기초생활수급자나 차상위계층인가요?"),
            "",
            _choices("livelihood", [(k, _(v)) for k, v in LIVELIHOOD_LABELS.items()]),
        ),
        "household": _question(
            locale,
            "household",
            _("가구 상황에 해당하는 것을 모두 골라 주세요."),
            _("해당하는 것이 없으면 아무것도 고르지 않고 '다음'을 누르세요."),
            _checks("household__", [(k, _(v)) for k, v in HOUSEHOLD_LABELS.items()]),
        ),
        "situations": _question(
            locale,
            "situations",
            _("본인에게 해당하는 것을 모두 골라 주세요."),
            _("해당하는 것이 없으면 아무것도 고르지 않고 '다음'을 누르세요."),
            _checks("situation__", [(k, _(v)) for k, v in SITUATION_LABELS.items()]),
        ),
        "children": _question(
            locale,
            "children",
            _("자녀가 있다면 생년월일을 알려 주세요."),
            _("자녀가 없으면 비워 두고 '다음'을 누르세요. 임신 중이면 이전 질문에서 '임산부'를 고르세요."),
            *[_input(_("자녀 {n} 생년월일").format(n=i + 1), f, "date") for i, f in enumerate(CHILD_FIELDS)],
        ),
        "moved_in_on": _question(
            locale,
            "moved_in_on",
            _("중구로 전입한 날이 언제인가요?"),
            _("거주 기간 조건을 확인해요."),
            _input(_("전입일"), "moved_in_on", "date"),
        ),
        "sex": _question(
            locale,
            "sex",
            _("성별을 알려 주세요."),
            "",
            _choices("sex", [(k, _(v)) for k, v in SEX_LABELS.items()]),
        ),
    }


def _answer_line(line, locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.strong(line.title),
        " ",
        rx.el.span(line.answer),
        " ",
        rx.el.button(
            _("고치기"),
            type="button",
            class_name="button small",
            on_click=ScreeningState.reopen(line.question),
            aria_label=line.title + " " + _("고치기"),
        ),
        class_name="answer-line",
    )


def build(locale: str):
    _ = gettext_for(locale)

    def questionnaire() -> rx.Component:
        questions = _questions(locale)
        done = rx.el.div(
            rx.el.h2(_("질문이 끝났어요")),
            rx.el.p(_("결과를 바꿀 질문이 더 없어요.")),
            class_name="card",
        )
        return page_shell(
            locale,
            "/check",
            rx.el.h1(_("나에게 맞는 혜택 찾기")),
            rx.el.p(
                interpolate(
                    _("받을 수 있는 혜택 {eligible}개 · 확인이 필요한 혜택 {maybe}개"),
                    eligible=ScreeningState.eligible_count,
                    maybe=ScreeningState.maybe_count,
                ),
                rx.el.br(),
                interpolate(
                    _("답한 질문 {answered}개 · 남은 질문 {remaining}개"),
                    answered=ScreeningState.answered,
                    remaining=ScreeningState.remaining,
                ),
                class_name="progress",
                aria_live="polite",
                id="progress",
            ),
            rx.el.section(
                rx.match(ScreeningState.question, *questions.items(), done),
                class_name="card question",
            ),
            rx.cond(
                ScreeningState.answers.length() > 0,
                rx.el.section(
                    rx.el.h2(_("내 답변"), id="answers-heading"),
                    rx.el.ul(
                        rx.foreach(ScreeningState.answers, lambda line: _answer_line(line, locale)),
                        class_name="answers",
                    ),
                    aria_labelledby="answers-heading",
                ),
            ),
            rx.el.div(
                rx.el.a(
                    _("결과 보기"),
                    href=localized("/results", locale),
                    class_name="button primary",
                    id="see-results",
                ),
                restart_button(locale),
                class_name="actions",
            ),
        )

    questionnaire.__name__ = f"questionnaire_{locale}"
    return questionnaire
