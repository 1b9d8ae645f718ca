"""The resident profile: parsing and validation per the DESIGN.md contract, and derived facts.

An absent key is *unknown*, never *no*; a list that is present is complete. Every rejection names the
key, so the CLI, the API and the questionnaire can all say exactly what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from naesone_app.core.dates import add_months, age_on, months_between, parse_iso_date
from naesone_app.core.dongs import find_dong
from naesone_app.core.income import income_percent_of_median

SITUATION_CODES: dict[str, str] = {
    "prospective_parent": "JA0301",
    "pregnant": "JA0302",
    "birth_or_adoption": "JA0303",
    "farmer": "JA0313",
    "fisher": "JA0314",
    "livestock_farmer": "JA0315",
    "forester": "JA0316",
    "elementary_student": "JA0317",
    "middle_school_student": "JA0318",
    "high_school_student": "JA0319",
    "university_student": "JA0320",
    "employed": "JA0326",
    "job_seeker": "JA0327",
    "disabled": "JA0328",
    "veteran": "JA0329",
    "patient": "JA0330",
}
HOUSEHOLD_CODES: dict[str, str] = {
    "multicultural": "JA0401",
    "north_korean_defector": "JA0402",
    "single_parent_or_grandparent": "JA0403",
    "single_person": "JA0404",
    "multi_child": "JA0411",
    "no_house": "JA0412",
    "new_move_in": "JA0413",
    "extended_family": "JA0414",
}
SEXES = ("male", "female")
LIVELIHOODS = ("none", "near_poor", "recipient")
HOUSINGS = ("semi_basement", "rooftop", "other")  # 반지하, 옥탑방, anything else
PROFILE_KEYS = (
    "birth_date", "age", "sex", "lives_in_junggu", "dong", "moved_in_on", "household_size",
    "monthly_income_krw", "income_percent_of_median", "situations", "household", "children",
    "livelihood", "housing",
)  # fmt: skip
# 기초생활수급 (생계 32 %, 의료 40 %, 주거 48 %, 교육 50 %) and 차상위 (50 %) are all decided on 소득인정액,
# which includes income: a recipient's or near-poor resident's income is at most 50 % of the median.
LIVELIHOOD_INCOME_CEILING: dict[str, float] = {"recipient": 50.0, "near_poor": 50.0}
MAX_AGE = 130
MAX_HOUSEHOLD = 30
MAX_CHILDREN = 20
MAX_MONTHLY_INCOME = 10_000_000_000


class ProfileError(ValueError):
    """A profile value that breaks the contract; `key` names the offending key."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"profile key '{key}': {problem}")
        self.key = key
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Profile:
    """A resident's situation as they told it; None means unknown."""

    birth_date: date | None = None
    age: int | None = None
    sex: str | None = None
    lives_in_junggu: bool | None = None
    dong: str | None = None
    moved_in_on: date | None = None
    household_size: int | None = None
    monthly_income_krw: int | None = None
    income_percent_of_median: float | None = None
    situations: frozenset[str] | None = None
    household: frozenset[str] | None = None
    children: tuple[date, ...] | None = None
    livelihood: str | None = None
    housing: str | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules read: the profile resolved on one evaluation date, with the facts it implies.

    Implications are derived here, once, so every rule and the questionnaire see the same resident:
    `income_at_most` bounds an unknown income (수급·차상위 → 50 %); `household_has` / `household_lacks`
    settle household codes known from other answers (household size 1 ↔ 1인 가구) even when the
    household list itself was never given.
    """

    as_of: date
    birth_date: date | None
    age: int | None
    sex: str | None
    lives_in_junggu: bool | None
    dong: str | None
    moved_in_on: date | None
    months_in_junggu: int | None
    household_size: int | None
    income_percent: float | None
    situations: frozenset[str] | None
    household: frozenset[str] | None
    children: tuple[date, ...] | None
    livelihood: str | None
    housing: str | None = None
    income_at_most: float | None = None
    household_has: frozenset[str] = frozenset()
    household_lacks: frozenset[str] = frozenset()


def _expect(key: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise ProfileError(key, f"expected {what}, got {value!r}")
    if not isinstance(value, kind):
        raise ProfileError(key, f"expected {what}, got {value!r}")
    return value


def _date(key: str, value: Any, as_of_limit: date | None = None) -> date:
    if isinstance(value, date):
        parsed = value
    else:
        try:
            parsed = parse_iso_date(_expect(key, value, str, "a YYYY-MM-DD date"))
        except ValueError as exc:
            raise ProfileError(key, str(exc)) from None
    if parsed.year < 1880 or parsed.year > 2200:
        raise ProfileError(key, f"date out of range: {parsed.isoformat()}")
    return parsed


def _int(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = _expect(key, value, int, "a whole number")
    if not low <= number <= high:
        raise ProfileError(key, f"must be between {low} and {high}, got {number}")
    return number


def _codes(key: str, value: Any, allowed: Mapping[str, str]) -> frozenset[str]:
    items = _expect(key, value, list, "a list")
    for item in items:
        if not isinstance(item, str) or item not in allowed:
            raise ProfileError(key, f"unknown value {item!r} (allowed: {', '.join(allowed)})")
    return frozenset(items)


def _children(value: Any) -> tuple[date, ...]:
    items = _expect("children", value, list, 'a list of {"birth_date": ...}')
    if len(items) > MAX_CHILDREN:
        raise ProfileError("children", f"at most {MAX_CHILDREN} children")
    births = []
    for index, child in enumerate(items):
        key = f"children[{index}].birth_date"
        if not isinstance(child, Mapping) or set(child) != {"birth_date"}:
            raise ProfileError(f"children[{index}]", 'expected {"birth_date": "YYYY-MM-DD"}')
        births.append(_date(key, child["birth_date"]))
    return tuple(births)


def _dong(value: Any) -> str:
    found = find_dong(_expect("dong", value, str, "a 행정동 name or 10-digit code"))
    if found is None:
        raise ProfileError("dong", f"not a Jung-gu 행정동 name or code: {value!r}")
    return found.name


def parse_profile(data: Mapping[str, Any]) -> Profile:
    """Validate a profile mapping (the JSON contract) into a Profile; ProfileError names the key."""
    if not isinstance(data, Mapping):
        raise ProfileError("(profile)", "expected a JSON object")
    for key in data:
        if key not in PROFILE_KEYS:
            raise ProfileError(str(key), "unknown key")
    fields: dict[str, Any] = {}
    parsers = {
        "birth_date": lambda v: _date("birth_date", v),
        "age": lambda v: _int("age", v, 0, MAX_AGE),
        "sex": lambda v: _choice("sex", v, SEXES),
        "lives_in_junggu": lambda v: _expect("lives_in_junggu", v, bool, "true or false"),
        "dong": _dong,
        "moved_in_on": lambda v: _date("moved_in_on", v),
        "household_size": lambda v: _int("household_size", v, 1, MAX_HOUSEHOLD),
        "monthly_income_krw": lambda v: _int("monthly_income_krw", v, 0, MAX_MONTHLY_INCOME),
        "income_percent_of_median": _percent,
        "situations": lambda v: _codes("situations", v, SITUATION_CODES),
        "household": lambda v: _codes("household", v, HOUSEHOLD_CODES),
        "children": _children,
        "livelihood": lambda v: _choice("livelihood", v, LIVELIHOODS),
        "housing": lambda v: _choice("housing", v, HOUSINGS),
    }
    for key, value in data.items():
        if value is not None:
            fields[key] = parsers[key](value)
    if fields.get("lives_in_junggu") is False and "dong" in fields:
        raise ProfileError("dong", "a Jung-gu 행정동 was given but lives_in_junggu is false")
    return Profile(**fields)


def _choice(key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ProfileError(key, f"must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _percent(value: Any) -> float:
    number = _expect("income_percent_of_median", value, (int, float), "a number")
    if not 0 <= number <= 10_000 or number != number:
        raise ProfileError("income_percent_of_median", f"must be between 0 and 10000, got {value}")
    return float(number)


def profile_to_json(profile: Profile) -> dict[str, Any]:
    """The contract's JSON form of a profile (only known keys), the inverse of parse_profile."""
    out: dict[str, Any] = {}
    for key in PROFILE_KEYS:
        value = getattr(profile, key)
        if value is None:
            continue
        if key == "children":
            value = [{"birth_date": d.isoformat()} for d in value]
        elif isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    return out


def _household_size(profile: Profile) -> int | None:
    """The size given, or 1 when the resident said they live alone (1인 가구)."""
    if profile.household_size is not None:
        return profile.household_size
    if profile.household is not None and "single_person" in profile.household:
        return 1
    return None


def _household(profile: Profile) -> tuple[frozenset[str] | None, frozenset[str], frozenset[str]]:
    """The household list, and the codes settled without it: size 1 is 1인 가구, size 2+ is not.

    A stated size wins over a stated list where they disagree: it is the more concrete answer.
    """
    size = profile.household_size
    if size is None:
        return profile.household, frozenset(), frozenset()
    single = frozenset({"single_person"})
    if profile.household is None:
        return None, (single if size == 1 else frozenset()), (single if size >= 2 else frozenset())
    codes = profile.household | single if size == 1 else profile.household - single
    return codes, frozenset(), frozenset()


def facts_on(profile: Profile, on: date) -> Facts:
    """Resolve a profile on an evaluation date: 만 나이, income %, months in Jung-gu, implied facts."""
    age = age_on(profile.birth_date, on) if profile.birth_date else profile.age
    lives = profile.lives_in_junggu
    if lives is None and profile.dong is not None:
        lives = True  # a Jung-gu 행정동 places the resident in Jung-gu
    household, has, lacks = _household(profile)
    income = _income_percent(profile, on)
    ceiling = LIVELIHOOD_INCOME_CEILING.get(profile.livelihood or "") if income is None else None
    return Facts(
        as_of=on,
        birth_date=profile.birth_date,
        age=age,
        sex=profile.sex,
        lives_in_junggu=lives,
        dong=profile.dong,
        moved_in_on=profile.moved_in_on,
        months_in_junggu=months_between(profile.moved_in_on, on) if profile.moved_in_on else None,
        household_size=_household_size(profile),
        income_percent=income,
        situations=profile.situations,
        household=household,
        children=profile.children,
        livelihood=profile.livelihood,
        housing=profile.housing,
        income_at_most=ceiling,
        household_has=has,
        household_lacks=lacks,
    )


def _income_percent(profile: Profile, on: date) -> float | None:
    if profile.income_percent_of_median is not None:
        return profile.income_percent_of_median
    size = _household_size(profile)
    if profile.monthly_income_krw is None or size is None:
        return None
    return income_percent_of_median(profile.monthly_income_krw, size, on)


def moved_forward(facts: Facts, on: date) -> Facts:
    """The same resident on a later date: ages and residence move on, income stays as assessed."""
    from dataclasses import replace

    return replace(
        facts,
        as_of=on,
        age=age_on(facts.birth_date, on) if facts.birth_date else facts.age,
        months_in_junggu=months_between(facts.moved_in_on, on) if facts.moved_in_on else None,
    )


__all__ = [
    "HOUSEHOLD_CODES", "HOUSINGS", "SITUATION_CODES", "Facts", "Profile", "ProfileError", "add_months",
    "facts_on", "moved_forward", "parse_profile", "profile_to_json",
]  # fmt: skip
