"""The results page as a person reads it: a summary first, then what they can get in the order that
matters to them, closed programmes apart, the rest behind a count; filters; one line of why per card.

Everything here is decided once, in pure Python, so the page only shows it. The whole catalogue is
screened (cheap); only the programmes a page shows are fully evaluated with their explanations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from naesone_app.core.criteria import MET, UNKNOWN, UNMET, AllOf, AnyOf, Criterion, what_to_tell
from naesone_app.core.dates import months_between
from naesone_app.core.eligibility import (
    CLOSED,
    ELIGIBLE,
    INELIGIBLE,
    MAYBE,
    PROGRAM_STATUS,
    ProgramResult,
    Window,
    application_window,
    evaluate,
    nearest_miss,
)
from naesone_app.core.i18n import N_, Listed, Message, Won
from naesone_app.core.labels import VALUE_FORM_LABELS
from naesone_app.core.profile import Facts
from naesone_app.core.program import Program, Value, yearly_krw
from naesone_app.core.screening import CompiledCatalog

GROUPS = (ELIGIBLE, MAYBE, CLOSED, INELIGIBLE)
SHOWN = {ELIGIBLE: 100, MAYBE: 50, CLOSED: 30, INELIGIBLE: 60}
CLOSING_SOON_DAYS = 30
FILTERS = ("in_app", "closing_soon", "cash", "voucher", "service")

# The stages of life a category stands for, read from the resident's own facts (see `life_stages`).
YOUTH_AGES, MIDLIFE_AGES, SENIOR_AGE = (19, 39), (40, 64), 65
INFANT_MONTHS, CHILD_MONTHS = 84, 19 * 12  # 영유아: before school (under 7); 아동·청소년: up to 18
BIRTH_SITUATIONS = frozenset({"pregnant", "prospective_parent", "birth_or_adoption"})
LOW_INCOME_PERCENT = 50.0

# Which kind of condition says most about *why this resident* gets a programme: a child of the right
# age says more than living in Jung-gu. The one-line why names the most telling condition met.
TELLING_ORDER = ("children", "situation", "household", "livelihood", "housing", "income", "age",
                 "residence", "dong", "household_size", "sex", "region")  # fmt: skip


@dataclass
class Summary:
    """The top of the page: how many in each group and about what the eligible ones are worth a year."""

    eligible: int = 0
    yearly_krw: int = 0  # the eligible programmes that state an amount, added up over a year
    unpriced: int = 0  # eligible programmes that state no amount (not in yearly_krw)
    maybe: int = 0
    closed: int = 0
    ineligible: int = 0


@dataclass
class Grouped:
    """Decided programmes by group (the shown ones, in order), how many there are in all, the summary."""

    shown: dict[str, list[ProgramResult]] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    summary: Summary = field(default_factory=Summary)


# -- who the resident is, and how well a programme fits -------------------------------------------------


def life_stages(facts: Facts) -> frozenset[str]:
    """The categories that describe this resident's life now (only from facts they gave)."""
    stages: set[str] = set()
    children = [months_between(b, facts.as_of) for b in facts.children or () if b <= facts.as_of]
    if (facts.situations or frozenset()) & BIRTH_SITUATIONS or any(m < 12 for m in children):
        stages.add("임신·출산")
    if any(m < INFANT_MONTHS for m in children):
        stages.add("영유아")
    if any(INFANT_MONTHS <= m < CHILD_MONTHS for m in children) or (facts.age is not None and facts.age < 19):
        stages.add("아동·청소년")
    if facts.age is not None:
        for stage, (low, high) in (("청년", YOUTH_AGES), ("중장년", MIDLIFE_AGES)):
            if low <= facts.age <= high:
                stages.add(stage)
        if facts.age >= SENIOR_AGE:
            stages.add("어르신")
    situations, household = (
        facts.situations or frozenset(),
        (facts.household or frozenset()) | facts.household_has,
    )
    if "disabled" in situations:
        stages.add("장애인")
    if "job_seeker" in situations:
        stages.add("일자리")
    if household & {"multicultural", "north_korean_defector"}:
        stages.add("다문화")
    if "no_house" in household:
        stages.add("주거")
    income = facts.income_percent if facts.income_percent is not None else facts.income_at_most
    if facts.livelihood in ("recipient", "near_poor") or (
        income is not None and income <= LOW_INCOME_PERCENT
    ):
        stages.add("저소득")
    return frozenset(stages)


def fit(program: Program, stages: frozenset[str]) -> int:
    """2: the programme is first of all for the resident's stage of life; 1: also for it; 0: not."""
    categories = program.categories or ((program.category,) if program.category else ())
    if categories and categories[0] in stages:
        return 2
    return 1 if any(c in stages for c in categories) else 0


def applies_in_app(program: Program) -> bool:
    """The app holds the programme's application form (apply.channel district with a form)."""
    return program.apply_channel == "district" and "application" in program.extra


def closing_within(window: Window, on: date, days: int = CLOSING_SOON_DAYS) -> bool:
    """The application window is open and closes within `days` of `on`."""
    closes = window.closes
    return closes is not None and on <= closes <= on + timedelta(days=days)


def filters_of(result: ProgramResult, on: date) -> tuple[str, ...]:
    """The page filters this programme passes (앱에서 신청, 마감 임박, its form of value)."""
    found = []
    if applies_in_app(result.program):
        found.append("in_app")
    if result.status != CLOSED and closing_within(result.window, on):
        found.append("closing_soon")
    if result.program.value is not None:
        found.append(result.program.value.form)
    return tuple(found)


def eligible_order(program: Program, stages: frozenset[str], on: date) -> tuple:
    """The order of what a resident can get, most useful first.

    1. Fit to their stage of life: the 34-year-old mother of a one-year-old came for 부모급여 and
       아동수당, not for a job-training card she could have had at any age; and what is tied to a stage
       ends with it (a child grows out of 부모급여), so it cannot wait.
    2. Value over a year: among equally fitting programmes, the biggest help first (₩1,000,000 a month
       before a one-off voucher); a programme that states no amount comes after those that do.
    3. A near deadline: one that closes soon must be seen before it closes.
    4. Can apply in the app: at equal worth, the one she can finish here and now.
    The title breaks the remaining ties, so the order is stable.
    """
    closes = application_window(program, on).closes
    days_left = (closes - on).days if closes is not None and closes >= on else 10**6
    return (
        -fit(program, stages),
        -_yearly(program.value),
        days_left,
        not applies_in_app(program),
        program.key,
    )


def _unknowns(program: Program, facts: Facts) -> int:
    return sum(c.status(facts) == UNKNOWN for c in program.criteria)


def _miss_order(miss: tuple, key: str) -> tuple[int, int, str]:
    """Programmes one can act on (a nearest miss) first, fewest changes first."""
    return (0 if miss else 1, len(miss), key)


# -- the page's groups and summary ----------------------------------------------------------------------


def group_results(catalog: CompiledCatalog, facts: Facts, shown: dict[str, int] | None = None) -> Grouped:
    """Every programme in its group, each group in its order, and the summary.

    Eligible: see `eligible_order`. Maybe: fit to the stage of life first (a 34-year-old mother need not
    start with 국가유공자 보상금), then fewest unknown conditions (fewest answers settle it), then value. Closed: the next window soonest first. Ineligible: the smallest
    actionable nearest miss first.
    """
    limits = shown or SHOWN
    codes = catalog.statuses(facts)
    groups: dict[str, list[Program]] = {g: [] for g in GROUPS}
    for program, code in zip(catalog.programs, codes, strict=True):
        groups[PROGRAM_STATUS[int(code)]].append(program)
    stages, on = life_stages(facts), facts.as_of
    misses = {p.key: nearest_miss(p.criteria, facts) for p in groups[INELIGIBLE]}
    order = {
        ELIGIBLE: lambda p: eligible_order(p, stages, on),
        MAYBE: lambda p: (-fit(p, stages), _unknowns(p, facts), -_yearly(p.value), p.key),
        CLOSED: lambda p: (application_window(p, on).next_opens or date.max, p.key),
        INELIGIBLE: lambda p: _miss_order(misses[p.key], p.key),
    }
    grouped = Grouped(summary=summarise(groups))
    for status, programs in groups.items():
        chosen = sorted(programs, key=order[status])[: limits[status]]
        grouped.shown[status] = [evaluate(p, facts) for p in chosen]
        grouped.total[status] = len(programs)
    return grouped


def _yearly(value: Value | None) -> int:
    return yearly_krw(value) if value is not None else -1


def summarise(groups: dict[str, list[Program]]) -> Summary:
    """Counts per group and the yearly worth of every eligible programme that states an amount."""
    eligible = groups.get(ELIGIBLE, [])
    priced = [p.value for p in eligible if p.value is not None]
    return Summary(
        eligible=len(eligible),
        yearly_krw=sum(yearly_krw(v) for v in priced),
        unpriced=len(eligible) - len(priced),
        maybe=len(groups.get(MAYBE, [])),
        closed=len(groups.get(CLOSED, [])),
        ineligible=len(groups.get(INELIGIBLE, [])),
    )


def open_to_everyone(catalog: CompiledCatalog) -> list[Program]:
    """Programmes with no condition at all: what an honest page can list before any answer."""
    return [p for p in catalog.programs if not p.criteria]


# -- one line per card -----------------------------------------------------------------------------------


def _telling_met(criterion: Criterion, facts: Facts) -> Criterion:
    """The condition that actually let the resident in: an any_of's met option, recursively."""
    if isinstance(criterion, AnyOf):
        return _telling_met(next(p for p in criterion.parts if p.status(facts) == MET), facts)
    return criterion


def _first(criterion: Criterion, facts: Facts, status: int) -> Criterion:
    """The first leaf with `status` inside a group (the group itself when it is a leaf)."""
    if isinstance(criterion, AllOf | AnyOf):
        for part in criterion.parts:
            if part.status(facts) == status:
                return _first(part, facts, status)
    return criterion


def why(result: ProgramResult, facts: Facts) -> Message:
    """One sentence saying why the programme sits in its group, for a compact card."""
    criteria = result.program.criteria
    if result.status == CLOSED:
        if result.window.next_opens is not None:
            return Message(
                N_("신청 기간이 끝났어요. 다음 신청은 {date}부터예요."), {"date": result.window.next_opens}
            )
        return Message(N_("신청 기간이 끝났어요. 다음 일정은 아직 안내되지 않았어요."))
    if result.status == ELIGIBLE:
        met = [_telling_met(c, facts) for c in criteria]
        met.sort(key=lambda c: TELLING_ORDER.index(c.kind) if c.kind in TELLING_ORDER else len(TELLING_ORDER))
        if not met:
            return Message(N_("조건 없이 누구나 받을 수 있어요."))
        return Message(N_("{rule}에 해당해요."), {"rule": met[0].requirement()})
    if result.status == MAYBE:
        unknown = next(c for c in criteria if c.status(facts) == UNKNOWN)
        return what_to_tell(_first(unknown, facts, UNKNOWN), facts)
    miss = result.nearest_miss  # decided with the result: the first thing the resident could change
    unmet = (
        miss[0].criterion
        if miss
        else _first(next(c for c in criteria if c.status(facts) == UNMET), facts, UNMET)
    )
    return unmet.explain(facts, UNMET)


def value_text(value: Value) -> Message:
    """What it is worth in words: "월 ₩1,000,000 · 현금"."""
    amount = Won(value.amount_krw)
    period = {
        "once": Message(N_("1회 {amount}"), {"amount": amount}),
        "month": Message(N_("월 {amount}"), {"amount": amount}),
        "year": Message(N_("연 {amount}"), {"amount": amount}),
    }[value.period]
    return Message(
        N_("{amount} · {form}"), {"amount": period, "form": Message(VALUE_FORM_LABELS[value.form])}
    )


def deadline_text(result: ProgramResult, on: date) -> Message | None:
    """When to apply by, if the window is open and has an end; "마감 임박" when it ends within 30 days."""
    closes = result.window.closes
    if result.status == CLOSED or closes is None or closes < on:
        return None
    if closing_within(result.window, on):
        return Message(N_("마감 임박 · {date}까지 신청"), {"date": closes})
    return Message(N_("{date}까지 신청"), {"date": closes})


def summary_lines(summary: Summary) -> tuple[Message | Listed, ...]:
    """The summary in sentences: the headline, then the other groups that hold something ("마감된 혜택
    0개" tells a resident nothing), then what the total leaves out."""
    if summary.eligible and summary.yearly_krw:
        head = Message(N_("받을 수 있는 혜택 {n}개 · 연 약 {amount}"),
                       {"n": summary.eligible, "amount": Won(summary.yearly_krw)})  # fmt: skip
    else:
        head = Message(N_("받을 수 있는 혜택 {n}개"), {"n": summary.eligible})
    lines: list[Message | Listed] = [head]
    groups = (
        (summary.maybe, N_("확인이 더 필요한 혜택 {n}개")),
        (summary.closed, N_("마감된 혜택 {n}개")),
        (summary.ineligible, N_("지금은 어려운 혜택 {n}개")),
    )
    rest = tuple(Message(msgid, {"n": n}) for n, msgid in groups if n)
    if rest:
        lines.append(Listed(rest, "parts"))
    if summary.eligible and summary.unpriced == summary.eligible:
        lines.append(Message(N_("받을 수 있는 혜택들은 금액을 밝히지 않아 합계를 낼 수 없어요.")))
    elif summary.unpriced:
        lines.append(
            Message(N_("금액을 밝히지 않은 혜택 {n}개는 합계에 들어 있지 않아요."), {"n": summary.unpriced})
        )
    return tuple(lines)
