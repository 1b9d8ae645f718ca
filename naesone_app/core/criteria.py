"""Criteria: the typed conditions a programme sets, each deciding *and* explaining itself.

A criterion's `status` is the single source of truth; `explain` only words the decided status, so
the "why" can never disagree with the "what". Statuses are ordered MET < UNKNOWN < UNMET, which
lets all_of take the worst and any_of the best.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from naesone_app.core.dates import add_months, anniversary
from naesone_app.core.i18n import N_, Localized, Message, Percent
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
    """Base of every condition; subclasses are frozen dataclasses, so equal rules share a verdict."""

    kind: ClassVar[str] = ""

    def status(self, facts: Facts) -> int:
        raise NotImplementedError

    def requirement(self) -> Message:
        """What the programme asks, e.g. "만 65세 이상"."""
        raise NotImplementedError

    def explain(self, facts: Facts, status: int) -> Message:
        """Why `status`, in the resident's own facts."""
        raise NotImplementedError

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        """Dates after facts.as_of on which this criterion could change by time alone."""
        return ()


def _unknown(question: str) -> Message:
    return Message(N_("아직 모름: {question}"), {"question": Message(question)})


def _labels(codes: frozenset[str], table: dict[str, str]) -> list[Message]:
    return [Message(table[c]) for c in sorted(codes)]


def age_range_text(low: int | None, high: int | None) -> Message:
    """만 a세 이상 / 이하 / a~b세."""
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

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("나이"))
        return Message(N_("만 {age}세 (대상: {rule})"), {"age": facts.age, "rule": self.requirement()})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        if facts.birth_date is None:
            return ()
        found = []
        for years in (self.low, None if self.high is None else self.high + 1):
            if years is not None:
                on = anniversary(facts.birth_date, years)
                found.append(Change(on, Message(N_("만 {age}세가 됩니다"), {"age": years})))
        return tuple(c for c in found if c.on > facts.as_of)


@dataclass(frozen=True, slots=True)
class Sex(Criterion):
    """The resident's sex must be one of `allowed`."""

    allowed: frozenset[str]
    kind: ClassVar[str] = "sex"

    def status(self, facts: Facts) -> int:
        if facts.sex is None:
            return UNKNOWN
        return MET if facts.sex in self.allowed else UNMET

    def requirement(self) -> Message:
        return Message(N_("{sexes} 대상"), {"sexes": _labels(self.allowed, SEX_LABELS)})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("성별"))
        return Message(
            N_("{sex} (대상: {rule})"),
            {"sex": Message(SEX_LABELS[facts.sex]), "rule": self.requirement()},
        )


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
        return Message(N_("{bands}"), {"bands": [income_band_text(lo, hi) for lo, hi in self.bands]})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN and facts.income_at_most is not None:
            return Message(
                N_(
                    "{group}: 소득이 기준 중위소득 {ceiling} 이하예요. 이 혜택의 기준({rule})에 드는지는 소득을 알아야 해요"
                ),
                {
                    "group": Message(LIVELIHOOD_LABELS[facts.livelihood]),
                    "ceiling": Percent(facts.income_at_most),
                    "rule": self.requirement(),
                },
            )
        if status == UNKNOWN:
            return _unknown(N_("소득 (가구원 수와 월 소득)"))
        if facts.income_percent is None:
            return Message(
                N_("{group}: 소득이 기준 중위소득 {ceiling} 이하 (대상: {rule})"),
                {
                    "group": Message(LIVELIHOOD_LABELS[facts.livelihood]),
                    "ceiling": Percent(facts.income_at_most),
                    "rule": self.requirement(),
                },
            )
        return Message(
            N_("기준 중위소득의 {value} (대상: {rule})"),
            {"value": Percent(facts.income_percent), "rule": self.requirement()},
        )


@dataclass(frozen=True, slots=True)
class Region(Criterion):
    """Lives in Seoul (`seoul`) or in Jung-gu (`junggu`). Living in Jung-gu means living in Seoul."""

    scope: str
    kind: ClassVar[str] = "region"

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

    def explain(self, facts: Facts, status: int) -> Message:
        if status == MET:
            return Message(N_("중구에 살고 있음 (대상: {rule})"), {"rule": self.requirement()})
        if status == UNMET:
            return Message(N_("중구에 살지 않음 (대상: {rule})"), {"rule": self.requirement()})
        if self.scope == "seoul" and facts.lives_in_junggu is False:
            return Message(N_("서울시 거주 여부를 알 수 없음 (대상: {rule})"), {"rule": self.requirement()})
        return _unknown(N_("중구 거주 여부"))


@dataclass(frozen=True, slots=True)
class InDong(Criterion):
    """Lives in one of the named 행정동 of Jung-gu."""

    dongs: frozenset[str]
    kind: ClassVar[str] = "dong"

    def status(self, facts: Facts) -> int:
        if facts.lives_in_junggu is False:
            return UNMET
        if facts.dong is None:
            return UNKNOWN
        return MET if facts.dong in self.dongs else UNMET

    def requirement(self) -> Message:
        return Message(N_("{dongs} 거주자"), {"dongs": [Message(d) for d in sorted(self.dongs)]})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("사는 동"))
        place = Message(facts.dong) if facts.dong else Message(N_("중구 밖"))
        return Message(N_("{place} 거주 (대상: {rule})"), {"place": place, "rule": self.requirement()})


@dataclass(frozen=True, slots=True)
class ResidenceMonths(Criterion):
    """Has lived in Jung-gu for at least `months` months (counted from moved_in_on)."""

    months: int
    kind: ClassVar[str] = "residence"

    def status(self, facts: Facts) -> int:
        if facts.lives_in_junggu is False:
            return UNMET
        if facts.months_in_junggu is None:
            return UNKNOWN
        return MET if facts.months_in_junggu >= self.months else UNMET

    def requirement(self) -> Message:
        return Message(N_("중구 거주 {months}개월 이상"), {"months": self.months})

    def explain(self, facts: Facts, status: int) -> Message:
        if facts.lives_in_junggu is False:
            return Message(N_("중구에 살지 않음 (대상: {rule})"), {"rule": self.requirement()})
        if status == UNKNOWN:
            return _unknown(N_("중구 전입일"))
        return Message(
            N_("중구 거주 {have}개월 (대상: {rule})"),
            {"have": max(facts.months_in_junggu, 0), "rule": self.requirement()},
        )

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        if facts.moved_in_on is None:
            return ()
        on = add_months(facts.moved_in_on, self.months)
        event = Message(N_("중구 거주 {months}개월이 됩니다"), {"months": self.months})
        return (Change(on, event),) if on > facts.as_of else ()


@dataclass(frozen=True, slots=True)
class Livelihood(Criterion):
    """기초생활수급 / 차상위 status among `allowed`."""

    allowed: frozenset[str]
    kind: ClassVar[str] = "livelihood"

    def status(self, facts: Facts) -> int:
        if facts.livelihood is None:
            return UNKNOWN
        return MET if facts.livelihood in self.allowed else UNMET

    def requirement(self) -> Message:
        return Message(N_("{groups} 대상"), {"groups": _labels(self.allowed, LIVELIHOOD_LABELS)})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("기초생활수급·차상위 여부"))
        return Message(
            N_("{have} (대상: {rule})"),
            {"have": Message(LIVELIHOOD_LABELS[facts.livelihood]), "rule": self.requirement()},
        )


class _CodeSet(Criterion):
    """At least one of `any_of` is among the resident's codes (situations or household types).

    Subclasses name the fact they read, the labels of its codes and how to ask and state it.
    """

    __slots__ = ()
    any_of: frozenset[str]
    fact: ClassVar[str]
    labels: ClassVar[dict[str, str]]
    question: ClassVar[str]
    rule: ClassVar[str]

    def status(self, facts: Facts) -> int:
        have = getattr(facts, self.fact)
        if have is None:
            return self._settled(facts)
        return MET if have & self.any_of else UNMET

    def _settled(self, facts: Facts) -> int:
        """The status when the list itself is unknown (other answers may still settle some codes)."""
        return UNKNOWN

    def requirement(self) -> Message:
        return Message(self.rule, {"items": _labels(self.any_of, self.labels)})

    def _have(self, facts: Facts) -> frozenset[str]:
        return getattr(facts, self.fact) or frozenset()

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(self.question)
        if status == MET:
            have = _labels(self._have(facts) & self.any_of, self.labels)
            return Message(N_("{have} 해당 (대상: {rule})"), {"have": have, "rule": self.requirement()})
        return Message(N_("해당 없음 (대상: {rule})"), {"rule": self.requirement()})


@dataclass(frozen=True, slots=True)
class Situation(_CodeSet):
    """At least one of the personal situations (Gov24 JA03xx) applies."""

    any_of: frozenset[str]
    kind: ClassVar[str] = "situation"
    fact: ClassVar[str] = "situations"
    labels: ClassVar[dict[str, str]] = SITUATION_LABELS
    question: ClassVar[str] = N_("해당하는 상황 (장애, 임신, 학생 등)")
    rule: ClassVar[str] = N_("다음 중 하나: {items}")


@dataclass(frozen=True, slots=True)
class Household(_CodeSet):
    """At least one of the household types (Gov24 JA04xx) applies."""

    any_of: frozenset[str]
    kind: ClassVar[str] = "household"
    fact: ClassVar[str] = "household"
    labels: ClassVar[dict[str, str]] = HOUSEHOLD_LABELS
    question: ClassVar[str] = N_("가구 유형 (1인 가구, 한부모 등)")
    rule: ClassVar[str] = N_("가구 유형: {items}")

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
class Housing(Criterion):
    """The home the resident lives in is one of `allowed` (반지하, 옥탑방, other)."""

    allowed: frozenset[str]
    kind: ClassVar[str] = "housing"

    def status(self, facts: Facts) -> int:
        if facts.housing is None:
            return UNKNOWN
        return MET if facts.housing in self.allowed else UNMET

    def requirement(self) -> Message:
        return Message(N_("사는 집: {items}"), {"items": _labels(self.allowed, HOUSING_LABELS)})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("사는 집의 형태 (반지하·옥탑방)"))
        return Message(
            N_("{have} (대상: {rule})"),
            {"have": Message(HOUSING_LABELS[facts.housing]), "rule": self.requirement()},
        )


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
        if months % 12 == 0:
            return Message(N_("만 {n}세"), {"n": months // 12})
        return Message(N_("{n}개월"), {"n": months})

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

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("자녀와 자녀의 생년월일"))
        return Message(
            N_("해당 자녀 {n}명 (대상: {rule})"),
            {"n": self._qualifying(facts), "rule": self.requirement()},
        )

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

    def explain(self, facts: Facts, status: int) -> Message:
        if status == UNKNOWN:
            return _unknown(N_("가구원 수"))
        return Message(
            N_("가구원 {n}명 (대상: {rule})"), {"n": facts.household_size, "rule": self.requirement()}
        )


@dataclass(frozen=True, slots=True)
class AllOf(Criterion):
    """Every part must hold."""

    parts: tuple[Criterion, ...]
    kind: ClassVar[str] = "all_of"

    def status(self, facts: Facts) -> int:
        return max((p.status(facts) for p in self.parts), default=MET)

    def requirement(self) -> Message:
        return Message(N_("모두 충족: {parts}"), {"parts": [p.requirement() for p in self.parts]})

    def explain(self, facts: Facts, status: int) -> Message:
        return _combined(self.parts, facts)

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
        return Message(N_("다음 중 하나: {parts}"), {"parts": [p.requirement() for p in self.parts]})

    def explain(self, facts: Facts, status: int) -> Message:
        if status == MET:
            met = next(p for p in self.parts if p.status(facts) == MET)
            return Message(N_("다음 중 하나를 충족: {detail}"), {"detail": met.explain(facts, MET)})
        return Message(N_("다음 중 하나 — {parts}"), {"parts": _combined(self.parts, facts)})

    def changes(self, facts: Facts) -> tuple[Change, ...]:
        return tuple(c for p in self.parts for c in p.changes(facts))


_MARKS = {MET: N_("충족"), UNKNOWN: N_("확인 필요"), UNMET: N_("미충족")}


def _combined(parts: tuple[Criterion, ...], facts: Facts) -> Message:
    pieces = []
    for part in parts:
        status = part.status(facts)
        pieces.append(
            Message(
                N_("{detail} [{mark}]"),
                {"detail": part.explain(facts, status), "mark": Message(_MARKS[status])},
            )
        )
    return Message(N_("{items}"), {"items": pieces})
