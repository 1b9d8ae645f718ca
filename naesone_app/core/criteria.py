"""Criteria: the typed conditions a programme sets, each deciding *and* explaining itself.

A criterion's `status` is the single source of truth; `explain` only words the decided status, so
the "why" can never disagree with the "what". Statuses are ordered MET < UNKNOWN < UNMET, which
lets all_of take the worst and any_of the best.

The words are for a resident, not an engineer: `explain` is one sentence, "what is asked — what we know
of you" ("만 65세 이상 — 지금 만 64세예요."). The status itself is shown beside it as an icon and a word by
whoever renders it, never as a tag inside the sentence; an any_of keeps its options as separate lines
(`Verdict.parts`), each with its own status, so nothing is squeezed into brackets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from naesone_app.core.dates import add_months, anniversary
from naesone_app.core.i18n import N_, Listed, Localized, Message, Percent
from naesone_app.core.labels import (
    HOUSEHOLD_LABELS,
    HOUSING_LABELS,
    LIVELIHOOD_LABELS,
    SEX_LABELS,
    SITUATION_LABELS,
)
from naesone_app.core.profile import Facts

MET, UNKNOWN, UNMET = 0, 1, 2
STATUS_NAMES = ("met", "unknown", "unmet")


@dataclass(frozen=True, slots=True)
class Change:
    """A date on which a criterion may flip, with what happens then."""

    on: date
    event: Message


class Criterion:
    """Base of every condition; subclasses are frozen dataclasses, so equal rules share a verdict.

    A subclass says what it asks (`requirement`), what we know of the resident (`fact`, for a met or
    unmet status) and what to tell us when the fact is missing (`asks`); `explain` puts them together.
    """

    kind: ClassVar[str] = ""
    asks: ClassVar[str] = ""  # "{what} 알려 주시면 …": the missing fact with its particle, e.g. "나이를"

    def status(self, facts: Facts) -> int:
        raise NotImplementedError

    def requirement(self) -> Message:
        """What the programme asks, e.g. "만 65세 이상"."""
        raise NotImplementedError

    def asking(self, facts: Facts) -> str:
        """`asks` for this resident: only what is still missing (a subclass may drop what she told us)."""
        return self.asks

    def fact(self, facts: Facts, status: int) -> Message:
        """What we know of the resident that decided a met or unmet status, e.g. "지금 만 64세예요."."""
        raise NotImplementedError

    def fact_among_others(self, facts: Facts, status: int) -> Message:
        """`fact` when it is read beside other conditions' facts, without its own rule before it."""
        return self.fact(facts, status)

    def explain(self, facts: Facts, status: int) -> Message:
        """Why `status`, in one sentence: the requirement, then the resident's own fact."""
        fact = _ask(self.asking(facts)) if status == UNKNOWN else self.fact(facts, status)
        return Message(N_("{rule} — {fact}"), {"rule": self.requirement(), "fact": fact})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        """Dates after facts.as_of on which this criterion could change by time alone."""
        return ()


def _unknown(question: str) -> Message:
    return Message(N_("아직 모름: {question}"), {"question": Message(question)})


def _ask(what: str) -> Message:
    """The sentence for a fact we do not have: "나이를 알려 주시면 확인할 수 있어요."."""
    return Message(N_("{what} 알려 주시면 확인할 수 있어요."), {"what": Message(what)})


def what_to_tell(criterion: Criterion, facts: Facts) -> Message:
    """For an unknown criterion: what the resident could tell us to settle it, as a sentence."""
    if criterion.asks:
        return _ask(criterion.asking(facts))
    if criterion.kind == "declared":  # nothing to tell the app: the office checks it
        return Message(N_("{rule} — 담당 부서가 확인해요."), {"rule": criterion.requirement()})
    return Message(N_("{rule} — 아직 확인할 수 없어요."), {"rule": criterion.requirement()})


def _labels(codes: frozenset[str], table: dict[str, str]) -> list[Message]:
    return [Message(table[c]) for c in sorted(codes)]


def _either(codes: frozenset[str], table: dict[str, str]) -> Listed:
    """Codes as a choice in words: "장애인 또는 임산부"."""
    return Listed(tuple(_labels(codes, table)), "or")


def age_range_text(low: int | None, high: int | None) -> Message:
    """만 a세 이상 / 이하 / a~b세."""
    if low is not None and low == high:
        return Message(N_("만 {n}세"), {"n": low})
    if low is not None and high is not None:
        return Message(N_("만 {low}~{high}세"), {"low": low, "high": high})
    if low is not None:
        return Message(N_("만 {low}세 이상"), {"low": low})
    return Message(N_("만 {high}세 이하"), {"high": high})


@dataclass(frozen=True, slots=True)
class AgeRange(Criterion):
    """만 나이 on the evaluation date within [low, high]; None is an open bound."""

    low: int | None
    high: int | None
    kind: ClassVar[str] = "age"
    asks: ClassVar[str] = N_("나이를")

    def status(self, facts: Facts) -> int:
        if facts.age is None:
            return UNKNOWN
        if self.low is not None and facts.age < self.low:
            return UNMET
        if self.high is not None and facts.age > self.high:
            return UNMET
        return MET

    def requirement(self) -> Message:
        return age_range_text(self.low, self.high)

    def fact(self, facts: Facts, status: int) -> Message:
        return Message(N_("지금 만 {age}세예요."), {"age": facts.age})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        if facts.birth_date is None:
            return ()
        found = []
        for years in (self.low, None if self.high is None else self.high + 1):
            if years is not None:
                on = anniversary(facts.birth_date, years)
                found.append(Change(on, Message(N_("만 {age}세가 됩니다"), {"age": years})))
        return tuple(c for c in found if c.on > facts.as_of)


class _OneValue(Criterion):
    """One fact with a single value (sex, 수급 status, kind of home) must be among `allowed`.

    Subclasses name the fact, the labels of its values, the rule's wording (with the placeholder that
    takes the allowed values) and the sentence that states each value of the resident's.
    """

    __slots__ = ()
    allowed: frozenset[str]
    fact_name: ClassVar[str]
    labels: ClassVar[dict[str, str]]
    rule: ClassVar[str]
    rule_key: ClassVar[str] = "items"
    statements: ClassVar[dict[str, str]] = {}

    def status(self, facts: Facts) -> int:
        value = getattr(facts, self.fact_name)
        if value is None:
            return UNKNOWN
        return MET if value in self.allowed else UNMET

    def requirement(self) -> Message:
        return Message(self.rule, {self.rule_key: _either(self.allowed, self.labels)})

    def fact(self, facts: Facts, status: int) -> Message:
        return Message(self.statements[getattr(facts, self.fact_name)])


SEX_FACTS = {"male": N_("남성이에요."), "female": N_("여성이에요.")}


@dataclass(frozen=True, slots=True)
class Sex(_OneValue):
    """The resident's sex must be one of `allowed`."""

    allowed: frozenset[str]
    kind: ClassVar[str] = "sex"
    asks: ClassVar[str] = N_("성별을")
    fact_name: ClassVar[str] = "sex"
    labels: ClassVar[dict[str, str]] = SEX_LABELS
    rule: ClassVar[str] = N_("{sexes} 대상")
    rule_key: ClassVar[str] = "sexes"
    statements: ClassVar[dict[str, str]] = SEX_FACTS


def joined_bands(
    bands: tuple[tuple[float | None, float | None], ...],
) -> tuple[tuple[float | None, float | None], ...]:
    """Bands that touch, as one: Gov24's checkboxes "50 % 이하", "50~75 %", "75~100 %" say "100 % 이하"
    (a person reads one limit, not three adjoining ranges). The bands decide the same either way."""
    ordered = sorted(bands, key=lambda b: -1.0 if b[0] is None else b[0])
    out: list[tuple[float | None, float | None]] = []
    for low, high in ordered:
        if out and out[-1][1] is not None and (low is None or low <= out[-1][1]):
            last_low, last_high = out[-1]
            out[-1] = (last_low, None if high is None else max(last_high, high))
        else:
            out.append((low, high))
    return tuple(out)


def income_band_text(low: float | None, high: float | None) -> Message:
    """One band of income as % of median: (low, high]."""
    if low is None and high is None:
        return Message(N_("소득 무관"))
    if low is None:
        return Message(N_("기준 중위소득 {high} 이하"), {"high": Percent(high)})
    if high is None:
        return Message(N_("기준 중위소득 {low} 초과"), {"low": Percent(low)})
    return Message(N_("기준 중위소득 {low} 초과 {high} 이하"), {"low": Percent(low), "high": Percent(high)})


@dataclass(frozen=True, slots=True)
class IncomeBands(Criterion):
    """Income % of median inside one of the bands; each band is open below and closed above.

    When the income itself is unknown but bounded (수급·차상위: at most 50 %), the bound can settle it:
    met if the bands cover all of (0, bound], unmet if no band reaches below the bound.
    """

    bands: tuple[tuple[float | None, float | None], ...]
    kind: ClassVar[str] = "income"
    asks: ClassVar[str] = N_("가구원 수와 소득을")

    def asking(self, facts: Facts) -> str:
        """Once the household size is known, only the income is missing."""
        return N_("소득을") if facts.household_size is not None else self.asks

    def status(self, facts: Facts) -> int:
        value = facts.income_percent
        if value is None:
            return UNKNOWN if facts.income_at_most is None else self._bounded(facts.income_at_most)
        for low, high in self.bands:
            if (low is None or value > low) and (high is None or value <= high):
                return MET
        return UNMET

    def _bounded(self, ceiling: float) -> int:
        if all(low is not None and low >= ceiling for low, _ in self.bands):
            return UNMET
        covered = 0.0  # (0, covered] lies inside the bands
        for low, high in sorted(self.bands, key=lambda b: -1.0 if b[0] is None else b[0]):
            if low is not None and low > covered:
                break
            covered = max(covered, float("inf") if high is None else high)
        return MET if covered >= ceiling else UNKNOWN

    def requirement(self) -> Message:
        bands = tuple(income_band_text(lo, hi) for lo, hi in joined_bands(self.bands))
        return Message(N_("{bands}"), {"bands": Listed(bands, "or")})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN and facts.income_at_most is not None:  # bounded, but not enough to decide
            bound = Message(INCOME_BOUND_FACTS[facts.livelihood], {"ceiling": Percent(facts.income_at_most)})
            fact = Message(N_("{facts}"), {"facts": Listed((bound, _ask(self.asking(facts))), "sentences")})
            return Message(N_("{rule} — {fact}"), {"rule": self.requirement(), "fact": fact})
        return Criterion.explain(self, facts, status)

    def fact(self, facts: Facts, status: int) -> Message:
        if facts.income_percent is None:  # settled by 수급·차상위 status, which bounds the income
            return Message(INCOME_BOUND_FACTS[facts.livelihood], {"ceiling": Percent(facts.income_at_most)})
        return Message(
            N_("가구 소득이 기준 중위소득의 {value}예요."), {"value": Percent(facts.income_percent)}
        )


INCOME_BOUND_FACTS = {
    "recipient": N_("기초생활수급자라 소득이 기준 중위소득 {ceiling} 이하예요."),
    "near_poor": N_("차상위계층이라 소득이 기준 중위소득 {ceiling} 이하예요."),
}


@dataclass(frozen=True, slots=True)
class Region(Criterion):
    """Lives in Seoul (`seoul`) or in Jung-gu (`junggu`). Living in Jung-gu means living in Seoul."""

    scope: str
    kind: ClassVar[str] = "region"
    asks: ClassVar[str] = N_("중구에 사는지")

    def status(self, facts: Facts) -> int:
        if facts.lives_in_junggu:
            return MET
        if self.scope == "junggu" and facts.lives_in_junggu is False:
            return UNMET
        return UNKNOWN  # not in Jung-gu says nothing about the rest of Seoul

    def requirement(self) -> Message:
        if self.scope == "seoul":
            return Message(N_("서울시 거주자"))
        return Message(N_("중구 거주자"))

    def fact(self, facts: Facts, status: int) -> Message:
        return Message(N_("중구에 살아요.") if status == MET else N_("중구에 살지 않아요."))

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN and self.scope == "seoul" and facts.lives_in_junggu is False:
            fact = Message(N_("중구 밖 어디에 사는지는 아직 몰라요."))
            return Message(N_("{rule} — {fact}"), {"rule": self.requirement(), "fact": fact})
        return Criterion.explain(self, facts, status)


@dataclass(frozen=True, slots=True)
class InDong(Criterion):
    """Lives in one of the named 행정동 of Jung-gu."""

    dongs: frozenset[str]
    kind: ClassVar[str] = "dong"
    asks: ClassVar[str] = N_("사는 동을")

    def status(self, facts: Facts) -> int:
        if facts.lives_in_junggu is False:
            return UNMET
        if facts.dong is None:
            return UNKNOWN
        return MET if facts.dong in self.dongs else UNMET

    def requirement(self) -> Message:
        dongs = tuple(Message(d) for d in sorted(self.dongs))
        return Message(N_("{dongs} 거주자"), {"dongs": Listed(dongs, "or")})

    def fact(self, facts: Facts, status: int) -> Message:
        if not facts.dong:
            return Message(N_("중구 밖에 살아요."))
        return Message(N_("{place}에 살아요."), {"place": Message(facts.dong)})


@dataclass(frozen=True, slots=True)
class ResidenceMonths(Criterion):
    """Has lived in Jung-gu for at least `months` months (counted from moved_in_on)."""

    months: int
    kind: ClassVar[str] = "residence"
    asks: ClassVar[str] = N_("중구 전입일을")

    def status(self, facts: Facts) -> int:
        if facts.lives_in_junggu is False:
            return UNMET
        if facts.months_in_junggu is None:
            return UNKNOWN
        return MET if facts.months_in_junggu >= self.months else UNMET

    def requirement(self) -> Message:
        return Message(N_("중구 거주 {months}개월 이상"), {"months": self.months})

    def fact(self, facts: Facts, status: int) -> Message:
        if facts.lives_in_junggu is False:
            return Message(N_("중구에 살지 않아요."))
        return Message(N_("중구에 산 지 {have}개월이에요."), {"have": max(facts.months_in_junggu, 0)})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        if facts.moved_in_on is None:
            return ()
        on = add_months(facts.moved_in_on, self.months)
        event = Message(N_("중구 거주 {months}개월이 됩니다"), {"months": self.months})
        return (Change(on, event),) if on > facts.as_of else ()


LIVELIHOOD_FACTS = {
    "none": N_("기초생활수급자도 차상위계층도 아니에요."),
    "near_poor": N_("차상위계층이에요."),
    "recipient": N_("기초생활수급자예요."),
}


@dataclass(frozen=True, slots=True)
class Livelihood(_OneValue):
    """기초생활수급 / 차상위 status among `allowed`."""

    allowed: frozenset[str]
    kind: ClassVar[str] = "livelihood"
    asks: ClassVar[str] = N_("기초생활수급·차상위 여부를")
    fact_name: ClassVar[str] = "livelihood"
    labels: ClassVar[dict[str, str]] = LIVELIHOOD_LABELS
    rule: ClassVar[str] = N_("{groups}")
    rule_key: ClassVar[str] = "groups"
    statements: ClassVar[dict[str, str]] = LIVELIHOOD_FACTS


class _CodeSet(Criterion):
    """At least one of `any_of` is among the resident's codes (situations or household types).

    Subclasses name the fact they read, the labels of its codes and how to ask and state it.
    """

    __slots__ = ()
    any_of: frozenset[str]
    fact_name: ClassVar[str]
    labels: ClassVar[dict[str, str]]
    rule: ClassVar[str]

    def status(self, facts: Facts) -> int:
        have = getattr(facts, self.fact_name)
        if have is None:
            return self._settled(facts)
        return MET if have & self.any_of else UNMET

    def _settled(self, facts: Facts) -> int:
        """The status when the list itself is unknown (other answers may still settle some codes)."""
        return UNKNOWN

    def requirement(self) -> Message:
        return Message(self.rule, {"items": _either(self.any_of, self.labels)})

    def _have(self, facts: Facts) -> frozenset[str]:
        return getattr(facts, self.fact_name) or frozenset()

    def fact(self, facts: Facts, status: int) -> Message:
        if status == MET:
            have = _labels(self._have(facts) & self.any_of, self.labels)
            return Message(N_("{have}에 해당해요."), {"have": Listed(tuple(have))})
        return Message(N_("해당하지 않아요."))

    def fact_among_others(self, facts: Facts, status: int) -> Message:
        if status == UNMET:  # "해당하지 않아요" alone would not say what does not apply
            return Message(N_("{items}에 해당하지 않아요."), {"items": _either(self.any_of, self.labels)})
        return self.fact(facts, status)


@dataclass(frozen=True, slots=True)
class Situation(_CodeSet):
    """At least one of the personal situations (Gov24 JA03xx) applies."""

    any_of: frozenset[str]
    kind: ClassVar[str] = "situation"
    fact_name: ClassVar[str] = "situations"
    labels: ClassVar[dict[str, str]] = SITUATION_LABELS
    asks: ClassVar[str] = N_("본인 상황(장애, 임신, 학생 등)을")
    rule: ClassVar[str] = N_("{items}")


@dataclass(frozen=True, slots=True)
class Household(_CodeSet):
    """At least one of the household types (Gov24 JA04xx) applies."""

    any_of: frozenset[str]
    kind: ClassVar[str] = "household"
    fact_name: ClassVar[str] = "household"
    labels: ClassVar[dict[str, str]] = HOUSEHOLD_LABELS
    asks: ClassVar[str] = N_("가구 상황(1인 가구, 한부모 등)을")
    rule: ClassVar[str] = N_("{items}")

    def _settled(self, facts: Facts) -> int:
        """Codes implied by other answers (household size 1 ↔ 1인 가구) decide without the list."""
        if facts.household_has & self.any_of:
            return MET
        if self.any_of <= facts.household_lacks:
            return UNMET
        return UNKNOWN

    def _have(self, facts: Facts) -> frozenset[str]:
        return facts.household if facts.household is not None else facts.household_has


@dataclass(frozen=True, slots=True)
class Housing(_OneValue):
    """The home the resident lives in is one of `allowed` (반지하, 옥탑방, other)."""

    allowed: frozenset[str]
    kind: ClassVar[str] = "housing"
    asks: ClassVar[str] = N_("사는 집의 형태(반지하·옥탑방)를")
    fact_name: ClassVar[str] = "housing"
    labels: ClassVar[dict[str, str]] = HOUSING_LABELS
    rule: ClassVar[str] = N_("{items}에 사는 가구")

    def fact(self, facts: Facts, status: int) -> Message:
        """A sentence about her home ("반지하에 살지 않아요."), not a form field echoed back."""
        if status == UNMET:
            return Message(N_("{items}에 살지 않아요."), {"items": _either(self.allowed, HOUSING_LABELS)})
        return Message(N_("{have}에 살아요."), {"have": Message(HOUSING_LABELS[facts.housing])})


@dataclass(frozen=True, slots=True)
class Declared(Criterion):
    """A condition the app does not ask and cannot check (e.g. a landlord's consent): the office decides.

    Always unknown, so a programme with one is never "eligible" on the app's word alone; the
    questionnaire has no question for it (kind `declared` is not askable).
    """

    ko: str
    en: str
    kind: ClassVar[str] = "declared"

    def status(self, facts: Facts) -> int:
        return UNKNOWN

    def requirement(self) -> Message:
        return Message(N_("{condition}"), {"condition": Localized(self.ko, self.en)})

    def explain(self, facts: Facts, status: int) -> Message:
        return Message(N_("담당 부서가 확인해요: {condition}"), {"condition": Localized(self.ko, self.en)})


def child_age_text(low: int | None, high: int | None) -> Message:
    """Ages in months, shown in years when whole years."""

    def part(months: int) -> Message:
        if months == 12:
            return Message(N_("만 1세"))  # "1 year old", not "1 years old"
        if months % 12 == 0:
            return Message(N_("만 {n}세"), {"n": months // 12})
        return Message(N_("{n}개월"), {"n": months})

    if low == 0:
        low = None  # "from birth" is no bound a parent needs to read
    if low is None and high == 0:
        return Message(N_("만 1세 미만"))
    if low is not None and high is not None:
        return Message(N_("{low}~{high}"), {"low": part(low), "high": part(high)})
    if low is not None:
        return Message(N_("{low} 이상"), {"low": part(low)})
    if high is not None:
        return Message(N_("{high} 이하"), {"high": part(high)})
    return Message(N_("나이 무관"))


@dataclass(frozen=True, slots=True)
class ChildAge(Criterion):
    """At least `count` children whose age in completed months lies in [low, high] (None: open).

    `high` is inclusive in whole units: "up to 만 5세" is stored as 71 months (5×12+11).
    """

    low_months: int | None
    high_months: int | None
    count: int = 1
    kind: ClassVar[str] = "children"
    asks: ClassVar[str] = N_("자녀와 자녀의 생년월일을")

    def _qualifying(self, facts: Facts) -> int:
        from naesone_app.core.dates import months_between

        n = 0
        for birth in facts.children or ():
            months = months_between(birth, facts.as_of)
            if months < 0:
                continue
            if (self.low_months is None or months >= self.low_months) and (
                self.high_months is None or months <= self.high_months
            ):
                n += 1
        return n

    def status(self, facts: Facts) -> int:
        if facts.children is None:
            return UNKNOWN
        return MET if self._qualifying(facts) >= self.count else UNMET

    def requirement(self) -> Message:
        ages = child_age_text(self.low_months, self._high_display())
        if self.count == 1:
            return Message(N_("자녀 ({ages})가 있는 가구"), {"ages": ages})
        return Message(N_("자녀 ({ages}) {count}명 이상"), {"ages": ages, "count": self.count})

    def _high_display(self) -> int | None:
        if self.high_months is not None and self.high_months % 12 == 11:
            return self.high_months - 11  # 71 months reads as "up to 만 5세"
        return self.high_months

    def fact(self, facts: Facts, status: int) -> Message:
        n = self._qualifying(facts)
        if n == 0:
            return Message(N_("해당하는 나이의 자녀가 없어요."))
        return Message(N_("해당하는 나이의 자녀가 {n}명 있어요."), {"n": n})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        found = []
        for birth in facts.children or ():
            if self.low_months is not None:
                on = add_months(birth, self.low_months)
                found.append(Change(on, Message(N_("자녀가 대상 나이가 됩니다"))))
            if self.high_months is not None:
                on = add_months(birth, self.high_months + 1)
                found.append(Change(on, Message(N_("자녀가 대상 나이를 넘습니다"))))
        return tuple(c for c in found if c.on > facts.as_of)


@dataclass(frozen=True, slots=True)
class HouseholdSize(Criterion):
    """Number of people in the household within [low, high]."""

    low: int | None
    high: int | None
    kind: ClassVar[str] = "household_size"
    asks: ClassVar[str] = N_("가구원 수를")

    def status(self, facts: Facts) -> int:
        size = facts.household_size
        if size is None:
            return UNKNOWN
        too_small = self.low is not None and size < self.low
        too_big = self.high is not None and size > self.high
        return UNMET if too_small or too_big else MET

    def requirement(self) -> Message:
        if self.high is None:
            return Message(N_("가구원 {low}명 이상"), {"low": self.low})
        if self.low is None:
            return Message(N_("가구원 {high}명 이하"), {"high": self.high})
        return Message(N_("가구원 {low}~{high}명"), {"low": self.low, "high": self.high})

    def fact(self, facts: Facts, status: int) -> Message:
        return Message(N_("가구원이 {n}명이에요."), {"n": facts.household_size})


@dataclass(frozen=True, slots=True)
class AllOf(Criterion):
    """Every part must hold."""

    parts: tuple[Criterion, ...]
    kind: ClassVar[str] = "all_of"

    def status(self, facts: Facts) -> int:
        return max((p.status(facts) for p in self.parts), default=MET)

    def requirement(self) -> Message:
        return Message(N_("{parts}"), {"parts": Listed(tuple(p.requirement() for p in self.parts))})

    def fact(self, facts: Facts, status: int) -> Message:
        """Met: all of them; otherwise what we know of the parts that are not met (or not known)."""
        if status == MET:
            return Message(N_("모두 해당해요."))
        return _combined(tuple(p for p in self.parts if p.status(facts) != MET), facts)

    def explain(self, facts: Facts, status: int) -> Message:
        return Message(N_("{rule} — {fact}"), {"rule": self.requirement(), "fact": self.fact(facts, status)})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        return tuple(c for p in self.parts for c in p.changes(facts))


@dataclass(frozen=True, slots=True)
class AnyOf(Criterion):
    """At least one part must hold."""

    parts: tuple[Criterion, ...]
    kind: ClassVar[str] = "any_of"

    def status(self, facts: Facts) -> int:
        return min((p.status(facts) for p in self.parts), default=MET)

    def requirement(self) -> Message:
        return Message(N_("{parts}"), {"parts": Listed(tuple(p.requirement() for p in self.parts), "or")})

    def fact(self, facts: Facts, status: int) -> Message:
        """Met: the option that holds; unmet: none holds; unknown: some cannot be checked yet."""
        if status == MET:
            met = next(p for p in self.parts if p.status(facts) == MET)
            return met.fact(facts, MET)
        if status == UNMET:
            return Message(N_("어느 것에도 해당하지 않아요."))
        return Message(N_("아직 확인할 수 없는 것이 있어요."))

    def explain(self, facts: Facts, status: int) -> Message:
        """The flat form (lists, the command line): "다음 중 하나면 돼요: A 또는 B — …"."""
        return Message(N_("{lead}: {rule} — {fact}"),
                       {"lead": Message(ANY_OF_LEAD), "rule": self.requirement(), "fact": self.fact(facts, status)})  # fmt: skip

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        return tuple(c for p in self.parts for c in p.changes(facts))


ANY_OF_LEAD = N_("다음 중 하나면 돼요")


def _combined(parts: tuple[Criterion, ...], facts: Facts) -> Message:
    """What we know of several parts, sentence after sentence (no status tags: they are shown apart)."""
    facts_said = []
    for part in parts:
        status = part.status(facts)
        if isinstance(part, AllOf | AnyOf):
            facts_said.append(part.fact(facts, status))
        else:
            facts_said.append(
                _ask(part.asking(facts)) if status == UNKNOWN else part.fact_among_others(facts, status)
            )
    return Message(N_("{facts}"), {"facts": Listed(tuple(facts_said), "sentences")})
