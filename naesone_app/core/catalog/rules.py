"""Rules as data: the native rule language ↔ `Criterion` trees.

The same dictionaries are the YAML an officer writes and the JSON the database stores, so a stored
programme reads back exactly as it was reviewed. Each rule is a one-key mapping:

    age: {min: 65, max: 120}          sex: female            lives_in_junggu: true
    lives_in_seoul: true              dong: [신당동, 황학동]   residence_months: 6
    income: {max_percent: 150}        livelihood: [recipient, near_poor]
    situations: [disabled]            household: [single_person]
    children: {min_age: 0, max_age: 5, count: 1}     household_size: {min: 3}
    housing: [semi_basement]          declared: {ko: 집주인 동의, en: the landlord's consent}
    any_of: [rule, ...]               all_of: [rule, ...]

`declared` is a condition the app cannot ask or check: always unknown, decided by the office.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from naesone_app.core.criteria import (
    AgeRange,
    AllOf,
    AnyOf,
    ChildAge,
    Criterion,
    Declared,
    Household,
    HouseholdSize,
    Housing,
    IncomeBands,
    InDong,
    Livelihood,
    Region,
    ResidenceMonths,
    Sex,
    Situation,
)  # fmt: skip
from naesone_app.core.dongs import find_dong
from naesone_app.core.profile import HOUSEHOLD_CODES, HOUSINGS, LIVELIHOODS, SEXES, SITUATION_CODES

MAX_DECLARED_TEXT = 300

MAX_RULE_AGE = 150
MAX_CHILD_AGE = 40


class RuleError(ValueError):
    """A rule that cannot be read; `path` names where (e.g. ``rules[2].age.min``)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _mapping(path: str, value: Any, allowed: set[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RuleError(path, f"expected a mapping, got {value!r}")
    for key in value:
        if key not in allowed:
            raise RuleError(f"{path}.{key}", f"unknown field (allowed: {', '.join(sorted(allowed))})")
    return value


def _number(path: str, value: Any, low: float, high: float, integer: bool = True) -> Any:
    kinds = (int,) if integer else (int, float)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
        kind = "whole number" if integer else "number"
        raise RuleError(path, f"expected a {kind} between {low} and {high}, got {value!r}")
    return value


def _required(path: str, value: Any, low: float, high: float) -> int:
    """A whole number that must be there (a rule with a missing threshold would decide nothing)."""
    if value is None:
        raise RuleError(path, f"a whole number between {low} and {high} is required")
    return _number(path, value, low, high)


def _codes(path: str, value: Any, allowed: Mapping[str, Any] | tuple[str, ...]) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise RuleError(path, f"expected a non-empty list, got {value!r}")
    for item in items:
        if not isinstance(item, str) or item not in allowed:
            raise RuleError(path, f"unknown value {item!r} (allowed: {', '.join(allowed)})")
    return frozenset(items)


def _age(path: str, value: Any) -> Criterion:
    spec = _mapping(path, value, {"min", "max"})
    low = _number(f"{path}.min", spec.get("min"), 0, MAX_RULE_AGE)
    high = _number(f"{path}.max", spec.get("max"), 0, MAX_RULE_AGE)
    if low is None and high is None:
        raise RuleError(path, "needs min or max")
    if low is not None and high is not None and low > high:
        raise RuleError(path, f"min {low} is above max {high}")
    return AgeRange(low, high)


def _true(path: str, value: Any) -> None:
    if value is not True:
        raise RuleError(path, f"only `true` is supported, got {value!r}")


def _region(scope: str) -> Callable[[str, Any], Criterion]:
    def parse(path: str, value: Any) -> Criterion:
        _true(path, value)
        return Region(scope)

    return parse


def _dong(path: str, value: Any) -> Criterion:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise RuleError(path, f"expected a list of 행정동, got {value!r}")
    names = set()
    for item in items:
        found = find_dong(item) if isinstance(item, str) else None
        if found is None:
            raise RuleError(path, f"not a Jung-gu 행정동: {item!r}")
        names.add(found.name)
    return InDong(frozenset(names))


def _residence(path: str, value: Any) -> Criterion:
    if isinstance(value, Mapping):
        value = _mapping(path, value, {"min_months"}).get("min_months")
    return ResidenceMonths(_required(path, value, 1, 1200))


def _income(path: str, value: Any) -> Criterion:
    spec = _mapping(path, value, {"min_percent", "max_percent", "bands"})
    if "bands" in spec:
        if set(spec) != {"bands"}:
            raise RuleError(path, "give either bands or min_percent/max_percent")
        return IncomeBands(_bands(f"{path}.bands", spec["bands"]))
    low = _number(f"{path}.min_percent", spec.get("min_percent"), 0, 10_000, integer=False)
    high = _number(f"{path}.max_percent", spec.get("max_percent"), 0, 10_000, integer=False)
    if low is None and high is None:
        raise RuleError(path, "needs max_percent or min_percent")
    if low is not None and high is not None and low >= high:
        raise RuleError(path, f"min_percent {low} is not below max_percent {high}")
    return IncomeBands(((_float(low), _float(high)),))


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _bands(path: str, value: Any) -> tuple[tuple[float | None, float | None], ...]:
    if not isinstance(value, list) or not value:
        raise RuleError(path, "expected a non-empty list of [above, up_to] pairs")
    bands = []
    for i, band in enumerate(value):
        if not isinstance(band, list | tuple) or len(band) != 2:
            raise RuleError(f"{path}[{i}]", f"expected [above, up_to], got {band!r}")
        low = _number(f"{path}[{i}][0]", band[0], 0, 10_000, integer=False)
        high = _number(f"{path}[{i}][1]", band[1], 0, 10_000, integer=False)
        if low is not None and high is not None and low >= high:
            raise RuleError(
                f"{path}[{i}]", f"the band's lower bound {low} is not below its upper bound {high}"
            )
        bands.append((_float(low), _float(high)))
    return tuple(bands)


def _children(path: str, value: Any) -> Criterion:
    spec = _mapping(path, value, {"min_age", "max_age", "min_age_months", "max_age_months", "count"})
    low = _number(f"{path}.min_age", spec.get("min_age"), 0, MAX_CHILD_AGE)
    high = _number(f"{path}.max_age", spec.get("max_age"), 0, MAX_CHILD_AGE)
    most = MAX_CHILD_AGE * 12 + 11  # what max_age: 40 is stored as, so a stored rule reads back
    low_m = _number(f"{path}.min_age_months", spec.get("min_age_months"), 0, most)
    high_m = _number(f"{path}.max_age_months", spec.get("max_age_months"), 0, most)
    low_months = low_m if low_m is not None else (None if low is None else low * 12)
    high_months = high_m if high_m is not None else (None if high is None else high * 12 + 11)
    if low_months is not None and high_months is not None and low_months > high_months:
        raise RuleError(path, "minimum age is above maximum age")
    count = _required(f"{path}.count", spec.get("count", 1), 1, 20)
    return ChildAge(low_months, high_months, count)


def _household_size(path: str, value: Any) -> Criterion:
    spec = _mapping(path, value, {"min", "max"})
    low = _number(f"{path}.min", spec.get("min"), 1, 30)
    high = _number(f"{path}.max", spec.get("max"), 1, 30)
    if low is None and high is None:
        raise RuleError(path, "needs min or max")
    return HouseholdSize(low, high)


def _declared(path: str, value: Any) -> Criterion:
    spec = _mapping(path, value, {"ko", "en"})
    texts = {}
    for locale in ("ko", "en"):
        text = spec.get(locale)
        if not isinstance(text, str) or not text.strip():
            raise RuleError(f"{path}.{locale}", "the condition needs a non-empty text in Korean and English")
        if len(text) > MAX_DECLARED_TEXT:
            raise RuleError(f"{path}.{locale}", f"at most {MAX_DECLARED_TEXT} characters")
        texts[locale] = text.strip()
    return Declared(texts["ko"], texts["en"])


def _group(kind: type[AllOf] | type[AnyOf]) -> Callable[[str, Any], Criterion]:
    def parse(path: str, value: Any) -> Criterion:
        if not isinstance(value, list) or not value:
            raise RuleError(path, "expected a non-empty list of rules")
        return kind(tuple(parse_rule(f"{path}[{i}]", v) for i, v in enumerate(value)))

    return parse


PARSERS: dict[str, Callable[[str, Any], Criterion]] = {
    "age": _age,
    "sex": lambda p, v: Sex(_codes(p, v, SEXES)),
    "lives_in_junggu": _region("junggu"),
    "lives_in_seoul": _region("seoul"),
    "dong": _dong,
    "residence_months": _residence,
    "income": _income,
    "livelihood": lambda p, v: Livelihood(_codes(p, v, LIVELIHOODS)),
    "situations": lambda p, v: Situation(_codes(p, v, SITUATION_CODES)),
    "household": lambda p, v: Household(_codes(p, v, HOUSEHOLD_CODES)),
    "children": _children,
    "household_size": _household_size,
    "housing": lambda p, v: Housing(_codes(p, v, HOUSINGS)),
    "declared": _declared,
    "all_of": _group(AllOf),
    "any_of": _group(AnyOf),
}


def parse_rule(path: str, value: Any) -> Criterion:
    """One rule mapping (``{kind: spec}``) into a Criterion."""
    if not isinstance(value, Mapping) or len(value) != 1:
        raise RuleError(path, f"expected a one-key mapping like {{age: {{min: 65}}}}, got {value!r}")
    ((kind, spec),) = value.items()
    parser = PARSERS.get(kind)
    if parser is None:
        raise RuleError(f"{path}.{kind}", f"unknown rule kind (known: {', '.join(PARSERS)})")
    return parser(f"{path}.{kind}", spec)


def parse_rules(value: Any, path: str = "rules") -> tuple[Criterion, ...]:
    """A programme's rules: a list of rules (all must hold), or one rule; None means no condition."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(parse_rule(f"{path}[{i}]", v) for i, v in enumerate(value))
    criterion = parse_rule(path, value)
    return criterion.parts if isinstance(criterion, AllOf) else (criterion,)


def rule_to_data(criterion: Criterion) -> dict[str, Any]:
    """The rule-language form of a criterion (what `parse_rule` reads back to an equal criterion)."""
    match criterion:
        case AgeRange(low=low, high=high):
            return {"age": {k: v for k, v in (("min", low), ("max", high)) if v is not None}}
        case Sex(allowed=allowed):
            return {"sex": sorted(allowed)}
        case Region(scope=scope):
            return {"lives_in_junggu" if scope == "junggu" else "lives_in_seoul": True}
        case InDong(dongs=dongs):
            return {"dong": sorted(dongs)}
        case ResidenceMonths(months=months):
            return {"residence_months": months}
        case IncomeBands(bands=bands):
            return {"income": {"bands": [list(b) for b in bands]}}
        case Livelihood(allowed=allowed):
            return {"livelihood": sorted(allowed)}
        case Situation(any_of=codes):
            return {"situations": sorted(codes)}
        case Household(any_of=codes):
            return {"household": sorted(codes)}
        case ChildAge(low_months=low, high_months=high, count=count):
            spec = {"min_age_months": low, "max_age_months": high, "count": count}
            return {"children": {k: v for k, v in spec.items() if v is not None}}
        case HouseholdSize(low=low, high=high):
            return {"household_size": {k: v for k, v in (("min", low), ("max", high)) if v is not None}}
        case Housing(allowed=allowed):
            return {"housing": sorted(allowed)}
        case Declared(ko=ko, en=en):
            return {"declared": {"ko": ko, "en": en}}
        case AllOf(parts=parts):
            return {"all_of": [rule_to_data(p) for p in parts]}
        case AnyOf(parts=parts):
            return {"any_of": [rule_to_data(p) for p in parts]}
    raise TypeError(f"no rule form for {criterion!r}")


def rules_to_data(criteria: tuple[Criterion, ...]) -> list[dict[str, Any]]:
    """A programme's criteria as a list of rule mappings."""
    return [rule_to_data(c) for c in criteria]
