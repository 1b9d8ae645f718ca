"""Questionnaire answers (form fields, all strings) → profile contract keys, or a message per field.

Each question owns some profile keys; answering replaces them, skipping leaves them unknown. The
result is always re-validated by `parse_profile`, so the questionnaire can never build a profile
the CLI would reject.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from naesone_app.core.dates import age_on, parse_iso_date
from naesone_app.core.dongs import find_dong
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import (
    HOUSEHOLD_CODES,
    HOUSINGS,
    LIVELIHOODS,
    MAX_AGE,
    MAX_CHILDREN,
    MAX_HOUSEHOLD,
    SEXES,
    SITUATION_CODES,
    ProfileError,
    parse_profile,
)  # fmt: skip

QUESTION_KEYS: dict[str, tuple[str, ...]] = {
    "birth_date": ("birth_date", "age"),
    "residence": ("lives_in_junggu", "dong"),
    "household_size": ("household_size",),
    "income": ("monthly_income_krw", "income_percent_of_median"),
    "livelihood": ("livelihood",),
    "household": ("household",),
    "situations": ("situations",),
    "has_children": (),  # "no" sets children to []; "yes" leaves the birth dates to the next question
    "children": ("children",),
    "moved_in_on": ("moved_in_on",),
    "housing": ("housing",),
    "sex": ("sex",),
}
CHILD_FIELDS = tuple(f"child_{i}" for i in range(1, MAX_CHILDREN // 4 + 1))  # five date inputs
# the one-tap gate before any birth date: its choices and how many date fields each opens
CHILD_COUNTS: dict[str, int] = {"no": 0, "1": 1, "2": 2, "3": 3, "more": len(CHILD_FIELDS)}
CHILD_GATE_LABELS: dict[str, str] = {
    "no": N_("없어요"),
    "1": N_("네, 1명"),
    "2": N_("네, 2명"),
    "3": N_("네, 3명"),
    "more": N_("네, 4명 이상"),
}


class AnswerError(ValueError):
    """An answer that cannot be used; `field` is the form field to show `message` next to."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(field)
        self.field, self.message = field, message


def _text(form: Mapping[str, Any], field: str) -> str:
    value = form.get(field)
    return "" if value is None else str(value).strip()


def _date(form: Mapping[str, Any], field: str, today: date) -> date | None:
    text = _text(form, field)
    if not text:
        return None
    try:
        value = parse_iso_date(text)
    except ValueError:
        raise AnswerError(field, Message(N_("날짜를 YYYY-MM-DD 형식으로 입력하세요."))) from None
    if value > today or value.year < 1880:
        raise AnswerError(field, Message(N_("오늘 이전의 날짜를 입력하세요.")))
    return value


def _whole(form: Mapping[str, Any], field: str, low: int, high: int) -> int | None:
    text = _text(form, field).replace(",", "").replace(" ", "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        problem = Message(N_("{low}에서 {high} 사이의 숫자를 입력하세요."), {"low": low, "high": high})
        raise AnswerError(field, problem)
    return int(text)


def _birth_date(form: Mapping[str, Any], today: date) -> dict[str, Any]:
    birth = _date(form, "birth_date", today)
    if birth is not None:
        if age_on(birth, today) > MAX_AGE:
            raise AnswerError("birth_date", Message(N_("생년월일을 다시 확인하세요.")))
        return {"birth_date": birth.isoformat()}
    age = _whole(form, "age", 0, MAX_AGE)
    if age is None:
        raise AnswerError("birth_date", Message(N_("생년월일이나 나이를 입력하거나 건너뛰세요.")))
    return {"age": age}


def _residence(form: Mapping[str, Any], _: date) -> dict[str, Any]:
    lives = _text(form, "lives_in_junggu")
    if lives == "no":
        return {"lives_in_junggu": False}
    if lives != "yes":
        raise AnswerError("lives_in_junggu", Message(N_("중구에 사는지 선택하세요.")))
    dong = _text(form, "dong")
    if dong and find_dong(dong) is None:
        raise AnswerError("dong", Message(N_("목록에서 동을 선택하세요.")))
    return {"lives_in_junggu": True} | ({"dong": dong} if dong else {})


def _household_size(form: Mapping[str, Any], _: date) -> dict[str, Any]:
    size = _whole(form, "household_size", 1, MAX_HOUSEHOLD)
    if size is None:
        raise AnswerError("household_size", Message(N_("함께 사는 가구원 수를 입력하세요.")))
    return {"household_size": size}


def _income(form: Mapping[str, Any], _: date) -> dict[str, Any]:
    """Monthly income or % of median; the household size comes with it when it was not asked before."""
    out: dict[str, Any] = {}
    if _text(form, "household_size"):
        out = _household_size(form, _)
    percent_text = _text(form, "income_percent").replace("%", "")
    if percent_text:
        try:
            percent = float(percent_text)
        except ValueError:
            percent = -1.0
        if not 0 <= percent <= 1000:
            raise AnswerError("income_percent", Message(N_("0에서 1000 사이의 비율을 입력하세요.")))
        return out | {"income_percent_of_median": percent}
    income = _whole(form, "monthly_income", 0, 10_000_000_000)
    if income is None:
        raise AnswerError("monthly_income", Message(N_("월 소득이나 비율을 입력하거나 건너뛰세요.")))
    return out | {"monthly_income_krw": income}


def child_count(form: Mapping[str, Any]) -> int:
    """The gate's answer: how many children 18 or younger live with the resident (0: none)."""
    choice = _text(form, "has_children")
    if choice not in CHILD_COUNTS:
        raise AnswerError("has_children", Message(N_("하나를 선택하거나 건너뛰세요.")))
    return CHILD_COUNTS[choice]


def _has_children(form: Mapping[str, Any], _: date) -> dict[str, Any]:
    return {"children": []} if child_count(form) == 0 else {}


def _choice(field: str, allowed: tuple[str, ...]):
    def parse(form: Mapping[str, Any], _: date) -> dict[str, Any]:
        value = _text(form, field)
        if value not in allowed:
            raise AnswerError(field, Message(N_("하나를 선택하거나 건너뛰세요.")))
        return {field: value}

    return parse


def _checked(prefix: str, key: str, codes: Mapping[str, str]):
    def parse(form: Mapping[str, Any], _: date) -> dict[str, Any]:
        chosen = sorted(c for c in codes if _ticked(form.get(f"{prefix}{c}")))
        return {key: chosen}

    return parse


def _ticked(value: Any) -> bool:
    """A checkbox as a browser sends it: the form's "on", or the element's checked flag."""
    return value is True or str(value).strip().lower() in ("on", "true", "yes")


def _children(form: Mapping[str, Any], today: date) -> dict[str, Any]:
    births = [d for d in (_date(form, f, today) for f in CHILD_FIELDS) if d is not None]
    return {"children": [{"birth_date": d.isoformat()} for d in births]}


def _moved_in(form: Mapping[str, Any], today: date) -> dict[str, Any]:
    moved = _date(form, "moved_in_on", today)
    if moved is None:
        raise AnswerError("moved_in_on", Message(N_("전입일을 입력하거나 건너뛰세요.")))
    return {"moved_in_on": moved.isoformat()}


PARSERS = {
    "birth_date": _birth_date,
    "residence": _residence,
    "household_size": _household_size,
    "income": _income,
    "livelihood": _choice("livelihood", LIVELIHOODS),
    "household": _checked("household__", "household", HOUSEHOLD_CODES),
    "situations": _checked("situation__", "situations", SITUATION_CODES),
    "has_children": _has_children,
    "children": _children,
    "moved_in_on": _moved_in,
    "housing": _choice("housing", HOUSINGS),
    "sex": _choice("sex", SEXES),
}


def apply_answer(
    profile: Mapping[str, Any],
    question: str,
    form: Mapping[str, Any],
    today: date,
    offered: tuple[str, ...] | None = None,
) -> dict:
    """The profile with `question`'s keys replaced by the answer; AnswerError if it is unusable.

    `offered`: the choices the household or situations question showed; a code recorded earlier but
    not shown this time (e.g. 1인 가구 once the household size says so) is kept, not dropped.
    """
    if question not in PARSERS:
        raise AnswerError("question", Message(N_("알 수 없는 질문입니다.")))
    updates = PARSERS[question](form, today)
    if offered is not None and question in ("household", "situations"):
        chosen = {c for c in updates[question] if c in offered}
        kept = {c for c in profile.get(question, []) if c not in offered}
        updates = {question: sorted(chosen | kept)}
    sizeless = "household_size" not in updates | dict(profile)
    if question == "income" and sizeless and "monthly_income_krw" in updates:
        raise AnswerError("household_size", Message(N_("함께 사는 가구원 수를 입력하세요.")))
    merged = {k: v for k, v in profile.items() if k not in QUESTION_KEYS[question]} | updates
    try:
        parse_profile(merged)
    except ProfileError as exc:
        raise AnswerError(exc.key, Message(N_("입력한 값을 확인하세요."))) from None
    return merged


def forget_answer(profile: Mapping[str, Any], question: str) -> dict:
    """The profile with `question`'s keys removed (skipped: unknown again)."""
    return {k: v for k, v in profile.items() if k not in QUESTION_KEYS.get(question, ())}


__all__ = ["CHILD_COUNTS", "CHILD_FIELDS", "CHILD_GATE_LABELS", "QUESTION_KEYS", "AnswerError", "apply_answer", "child_count",
           "forget_answer"]  # fmt: skip


def settled_for(profile: Mapping[str, Any]) -> tuple[str, ...]:
    """The questions a stored profile already answers (so they are not asked again)."""
    answered = {q for q, keys in QUESTION_KEYS.items() if any(k in profile for k in keys)}
    if "children" in profile:
        answered.add("has_children")
    return tuple(q for q in QUESTION_KEYS if q in answered)


def with_stated_facts(profile: Mapping[str, Any], stated: Mapping[str, Any]) -> dict:
    """The answers with the facts a typed question states added ("혼자 사는 할머니" → 1인 가구, 65세 이상).

    What the resident already answered stands (an answer given to a question is more exact than words
    typed in a search box); a list fact (가구 상황, 본인 상황) adds its codes to those answered; a stated
    fact whose question is still open fills it. A combination the profile contract refuses leaves the
    answers as they were.
    """
    merged = dict(profile)
    for key, value in stated.items():
        question = next((q for q, keys in QUESTION_KEYS.items() if key in keys), None)
        if question is None:
            continue
        if key in ("household", "situations") and isinstance(value, list):
            merged[key] = sorted(set(merged.get(key, [])) | {v for v in value if isinstance(v, str)})
        elif not any(k in profile for k in QUESTION_KEYS[question]):
            merged[key] = value
    try:
        parse_profile(merged)
    except ProfileError:
        return dict(profile)
    return merged


def answer_form(profile: Mapping[str, Any], question: str) -> dict[str, str]:
    """The form fields that show the current answer to `question` (to reopen it filled in)."""
    p = profile
    if question == "birth_date":
        return {"birth_date": p.get("birth_date", ""), "age": str(p.get("age", ""))}
    if question == "residence":
        lives = {True: "yes", False: "no"}.get(p.get("lives_in_junggu"), "")
        return {"lives_in_junggu": lives, "dong": p.get("dong", "")}
    if question in ("household_size", "income"):
        percent = p.get("income_percent_of_median")
        return {
            "household_size": str(p.get("household_size", "")),
            "monthly_income": str(p.get("monthly_income_krw", "")),
            "income_percent": "" if percent is None else f"{percent:g}",
        }
    if question in ("livelihood", "sex", "moved_in_on", "housing"):
        return {question: str(p.get(question, ""))}
    if question == "has_children":
        if "children" not in p:
            return {}
        n = len(p["children"])
        return {"has_children": "no" if n == 0 else str(n) if n <= 3 else "more"}
    if question == "children":
        births = [c["birth_date"] for c in p.get("children", [])]
        return {field: births[i] if i < len(births) else "" for i, field in enumerate(CHILD_FIELDS)}
    if question in ("household", "situations"):
        prefix = "household__" if question == "household" else "situation__"
        return {f"{prefix}{code}": "on" for code in p.get(question, [])}
    return {}


QUESTION_TITLES: dict[str, str] = {
    "birth_date": N_("생년월일"),
    "residence": N_("사는 곳"),
    "household_size": N_("가구원 수 (본인 포함)"),
    "income": N_("소득"),
    "livelihood": N_("기초생활수급·차상위"),
    "household": N_("가구 상황"),
    "situations": N_("본인 상황"),
    "has_children": N_("18세 이하 자녀"),
    "children": N_("자녀 생년월일"),
    "moved_in_on": N_("전입일"),
    "housing": N_("사는 집"),
    "sex": N_("본인 성별"),
}


def describe_answer(profile: Mapping[str, Any], question: str) -> list[Message | str]:
    """What the resident answered to `question`, as words (an empty list: skipped)."""
    from naesone_app.core.i18n import Percent, Won
    from naesone_app.core.labels import (
        HOUSEHOLD_LABELS,
        HOUSING_LABELS,
        LIVELIHOOD_LABELS,
        SEX_LABELS,
        SITUATION_LABELS,
    )

    p = profile
    if question == "birth_date":
        if "birth_date" in p:
            return [Message(N_("{date}"), {"date": date.fromisoformat(p["birth_date"])})]
        return [Message(N_("만 {n}세"), {"n": p["age"]})] if "age" in p else []
    if question == "residence":
        if p.get("lives_in_junggu") is False:
            return [Message(N_("중구 밖에 살아요"))]
        if p.get("lives_in_junggu"):
            return [Message(N_("중구에 살아요"))] + ([Message(p["dong"])] if "dong" in p else [])
        return []
    if question == "household_size":
        return [Message(N_("가구원 {n}명"), {"n": p["household_size"]})] if "household_size" in p else []
    if question == "has_children":
        if "children" not in p:
            return []
        if not p["children"]:
            return [Message(N_("자녀 없음"))]
        return [Message(N_("자녀 {n}명"), {"n": len(p["children"])})]
    if question == "income":
        out: list[Message | str] = []
        if "income_percent_of_median" in p:
            out.append(Message(N_("기준 중위소득의 {p}"), {"p": Percent(p["income_percent_of_median"])}))
        elif "monthly_income_krw" in p:
            out.append(Message(N_("월 소득 {amount}"), {"amount": Won(p["monthly_income_krw"])}))
        return out
    if question == "children":
        if "children" not in p:
            return []
        births = [date.fromisoformat(c["birth_date"]) for c in p["children"]]
        # the dates alone: the line's title already says "자녀 생년월일"
        return [Message(N_("{date}"), {"date": born}) for born in births] or [Message(N_("자녀 없음"))]
    if question == "moved_in_on":
        return (
            [Message(N_("{date} 전입"), {"date": date.fromisoformat(p["moved_in_on"])})]
            if "moved_in_on" in p
            else []
        )
    tables = {"livelihood": LIVELIHOOD_LABELS, "sex": SEX_LABELS, "household": HOUSEHOLD_LABELS,
              "situations": SITUATION_LABELS, "housing": HOUSING_LABELS}  # fmt: skip
    value = p.get(question)
    if value is None:
        return []
    if isinstance(value, list):
        return [Message(tables[question][v]) for v in value] or [Message(N_("해당 없음"))]
    return [Message(tables[question][value])]
