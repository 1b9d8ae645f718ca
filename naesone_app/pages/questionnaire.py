"""The questionnaire: one question at a time, the most decisive first, every one skippable."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_connection_errors

from naesone_app.components.forms import field_error, text_field
from naesone_app.components.screening import restart_button
from naesone_app.components.text import interpolate
from naesone_app.core.answers import CHILD_FIELDS, CHILD_GATE_LABELS
from naesone_app.core.dongs import DONGS
from naesone_app.core.i18n import format_won, gettext_for
from naesone_app.core.income import median_income_tables
from naesone_app.core.labels import HOUSING_LABELS, LIVELIHOOD_LABELS, SEX_LABELS
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.screening import Choice, OpenQuestion, ScreeningState


def _error(field: str) -> rx.Component:
    return field_error(field, ScreeningState.field_errors)


def _value(field: str) -> rx.Var:
    """The answer already given for `field` (empty for a new question)."""
    return ScreeningState.form_values[field].to(str)


def _input(label: str, field: str, kind: str = "text", hint: str = "", **props) -> rx.Component:
    return text_field(
        label, field, ScreeningState.field_errors, kind, hint, default_value=_value(field), **props
    )


def _choices(field: str, options: list[tuple[str, str]]) -> rx.Component:
    return rx.el.div(
        *[
            rx.el.div(
                rx.el.input(
                    type="radio",
                    id=f"{field}-{value}",
                    name=field,
                    value=value,
                    default_checked=_value(field) == value,
                ),
                rx.el.label(label, html_for=f"{field}-{value}"),
                class_name="choice",
            )
            for value, label in options
        ],
        _error(field),
        class_name="choices",
    )


def _checks(prefix: str) -> rx.Component:
    """The tick boxes the state offers for this resident (plausible and decisive only)."""

    def one(choice: rx.Var[Choice]) -> rx.Component:
        field = prefix + choice.value.to(str)
        return rx.el.div(
            rx.el.input(type="checkbox", id=field, name=field, default_checked=choice.checked),
            rx.el.label(choice.label, html_for=field),
            class_name="choice",
        )

    return rx.el.div(rx.foreach(ScreeningState.choices, one), class_name="choices")


def _question(locale: str, key: str, legend: str, help_text: str, *fields: rx.Component) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend(legend, class_name="question-legend", id="question-title", tab_index=-1),
            rx.cond(
                ScreeningState.changing,
                rx.el.p(_("전에 한 답이 채워져 있어요. 고친 뒤 '다음'을 누르세요."), class_name="hint"),
            ),
            rx.el.p(help_text, class_name="hint") if help_text else rx.fragment(),
            *fields,
        ),
        rx.el.div(
            rx.el.button(_("다음"), type="submit", class_name="button primary", id="next"),
            rx.el.button(
                _("건너뛰기"), type="button", class_name="button", id="skip", on_click=ScreeningState.skip
            ),
            rx.cond(
                ScreeningState.previous != "",
                rx.el.button(
                    _("이전"),
                    type="button",
                    class_name="button",
                    id="previous",
                    on_click=ScreeningState.go_back,
                ),
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
                    default_value=_value("dong"),
                ),
                _error("dong"),
                class_name="field",
            ),
        ),
        "household_size": _question(
            locale,
            "household_size",
            _("본인을 포함해 함께 사는 사람은 몇 명인가요?"),
            _("주민등록상 같은 세대의 가족 수예요. 혼자 살면 1을 입력하세요."),
            _input(
                _("가구원 수 (본인 포함)"), "household_size", "number", min=1, max=30, input_mode="numeric"
            ),
        ),
        "income": _question(
            locale,
            "income",
            _("가구의 한 달 소득은 얼마인가요?"),
            _("소득은 세전 월 소득의 합계예요. 모르면 건너뛰셔도 됩니다."),
            rx.cond(
                ScreeningState.ask_household_size,
                _input(
                    _("함께 사는 가구원 수 (본인 포함)"),
                    "household_size",
                    "number",
                    min=1,
                    max=30,
                    input_mode="numeric",
                ),
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
            _checks("household__"),
        ),
        "situations": _question(
            locale,
            "situations",
            _("본인에게 해당하는 것을 모두 골라 주세요."),
            _("해당하는 것이 없으면 아무것도 고르지 않고 '다음'을 누르세요."),
            _checks("situation__"),
        ),
        "has_children": _question(
            locale,
            "has_children",
            _("함께 사는 18세 이하 자녀가 있나요?"),
            _("손주를 키우고 계시면 손주도 포함해요."),
            _choices("has_children", [(k, _(v)) for k, v in CHILD_GATE_LABELS.items()]),
        ),
        "children": _question(
            locale,
            "children",
            _("자녀의 생년월일을 알려 주세요."),
            _("자녀 나이에 따라 받을 수 있는 혜택을 확인해요."),
            *[
                rx.cond(
                    ScreeningState.child_fields > i,
                    _input(_("자녀 {n} 생년월일").format(n=i + 1), f, "date"),
                )
                for i, f in enumerate(CHILD_FIELDS)
            ],
        ),
        "moved_in_on": _question(
            locale,
            "moved_in_on",
            _("중구로 전입한 날이 언제인가요?"),
            _("거주 기간 조건을 확인해요. 주민등록상 전입일이에요."),
            _input(_("전입일"), "moved_in_on", "date"),
        ),
        "housing": _question(
            locale,
            "housing",
            _("어떤 집에 살고 계신가요?"),
            _("반지하·옥탑방 가구를 위한 지원이 있어요."),
            _choices("housing", [(k, _(v)) for k, v in HOUSING_LABELS.items()]),
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


def _open_question(item: rx.Var[OpenQuestion]) -> rx.Component:
    return rx.el.li(
        rx.el.button(
            item.title,
            type="button",
            class_name="button small",
            on_click=ScreeningState.reopen(item.question),
        )
    )


def _done(locale: str) -> rx.Component:
    """The end of the questions: what is known, what could still change, and the way to the results."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.h2(_("질문이 끝났어요"), id="question-title", tab_index=-1),
        rx.cond(
            ScreeningState.open_questions.length() > 0,
            rx.el.div(
                rx.el.p(_("건너뛴 질문에 답하면 '확인 필요'인 혜택을 더 정확히 알려 드릴 수 있어요.")),
                rx.el.ul(rx.foreach(ScreeningState.open_questions, _open_question), class_name="answers"),
                id="still-open",
            ),
            rx.el.div(
                rx.el.p(_("결과를 바꿀 질문이 더 없어요.")),
                rx.cond(
                    ScreeningState.maybe_count > 0,
                    rx.el.p(
                        _(
                            "'확인 필요'로 남은 혜택은 앱이 확인할 수 없는 조건이 있어요. 결과에서 무엇을 확인하면 되는지 알려 드려요."
                        )
                    ),
                ),
                id="nothing-left",
            ),
        ),
        rx.el.div(
            rx.el.a(
                interpolate(_("결과 보기 (받을 수 있는 혜택 {n}개)"), n=ScreeningState.eligible_count),
                href=routes.RESULTS.href(locale),
                class_name="button primary",
                id="see-results",
            ),
            class_name="actions",
        ),
        rx.cond(
            ScreeningState.previous != "",
            rx.el.div(
                rx.el.button(
                    _("이전"),
                    type="button",
                    class_name="button",
                    id="previous",
                    on_click=ScreeningState.go_back,
                ),
                class_name="actions",
            ),
        ),
        id="questions-done",
    )


def _waiting(locale: str) -> rx.Component:
    """Before the server answers: loading, or (offline) why the questions cannot go on."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.cond(
            has_connection_errors,
            rx.el.div(
                rx.el.h2(_("인터넷 연결이 필요해요")),
                rx.el.p(_("질문을 이어 가려면 인터넷에 연결되어 있어야 해요.")),
                rx.el.p(
                    _("지금까지 한 답은 이 창에 그대로 남아 있어요. 다시 연결되면 이어서 답할 수 있어요.")
                ),
                id="questions-offline",
            ),
            rx.el.p(_("질문을 불러오고 있어요…"), id="questions-loading"),
        ),
        role="status",
    )


@page(routes.CHECK, on_load=ScreeningState.open_questionnaire)
def questionnaire(locale: str, _: Gettext) -> Content:
    questions = _questions(locale)
    asking = rx.fragment(
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
        rx.cond(
            has_connection_errors,
            rx.el.p(
                _("인터넷 연결이 끊겼어요. 지금까지 한 답은 남아 있고, 다시 연결되면 이어서 답할 수 있어요."),
                class_name="notice",
                role="status",
                id="questions-offline",
            ),
        ),
        rx.el.section(
            rx.match(ScreeningState.question, *questions.items(), _done(locale)),
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
            rx.cond(
                ScreeningState.question != "",
                rx.el.a(
                    _("지금까지 답한 것으로 결과 보기"),
                    href=routes.RESULTS.href(locale),
                    class_name="button",
                    id="results-so-far",
                ),
            ),
            restart_button(locale),
            class_name="actions",
        ),
    )
    return (
        rx.el.h1(_("나에게 맞는 혜택 찾기")),
        rx.cond(
            ScreeningState.loaded,
            asking,
            rx.el.section(_waiting(locale), class_name="card question"),
        ),
    )
