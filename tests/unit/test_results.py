"""The results page's decisions: groups, the order of what one can get, the summary, filters, one line of why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import given, settings

from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.eligibility import evaluate
from naesone_app.core.i18n import render, render_line
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText, Value
from naesone_app.core.results import (
    deadline_text,
    eligible_order,
    filters_of,
    fit,
    group_results,
    life_stages,
    open_to_everyone,
    summary_lines,
    value_text,
    why,
)
from naesone_app.core.screening import compile_catalog
from tests.unit.strategies import as_of_dates, valid_profiles

TODAY = date(2026, 12, 7)
NATIVE = {p.source_id: p for p, _ in load_catalog(Path(__file__).resolve().parents[2] / "data" / "programs")}
MOTHER = {
    "birth_date": "1992-05-10", "sex": "female", "lives_in_junggu": True, "dong": "신당동",
    "moved_in_on": "2026-11-01", "household_size": 3, "children": [{"birth_date": "2025-10-01"}],
    "monthly_income_krw": 3_500_000, "livelihood": "none",
}  # fmt: skip
MOTHER_FACTS = facts_on(parse_profile(MOTHER), TODAY)


def programme(source_id: str, rules=None, **changes) -> Program:
    base = Program("native", source_id, {"ko": ProgramText(title=source_id)}, parse_rules(rules))
    return replace(base, **changes)


def test_the_mothers_stages_are_a_young_adult_with_an_infant() -> None:
    assert life_stages(MOTHER_FACTS) == {"청년", "영유아"}
    senior = facts_on(parse_profile({"age": 72, "livelihood": "recipient", "household_size": 1}), TODAY)
    assert life_stages(senior) == {"어르신", "저소득"}
    assert life_stages(facts_on(parse_profile({}), TODAY)) == frozenset()


def test_fit_is_strongest_for_a_programme_first_of_all_for_the_residents_stage() -> None:
    stages = frozenset({"영유아"})
    assert fit(programme("a", category="영유아"), stages) == 2
    assert fit(programme("b", category="교육", categories=("교육", "영유아")), stages) == 1
    assert fit(programme("c", category="교육"), stages) == 0


def test_parent_benefit_comes_before_the_job_training_card_for_the_mother() -> None:
    """부모급여 (영유아, ₩1,000,000 a month) before a job-training card even if the card were worth more."""
    parent = NATIVE["natl-parent-allowance"]
    assert parent.value == Value(1_000_000, "month", "person", "cash", 12)
    card = programme("learning-card", [{"age": {"min": 15}}], category="교육", categories=("교육", "일자리"),
                     value=Value(30_000_000, "once", "person", "voucher"))  # fmt: skip
    toys = replace(NATIVE["junggu-toy-library"], value=None)  # 영유아 too, but states no amount
    grouped = group_results(compile_catalog([card, toys, parent]), MOTHER_FACTS)
    assert [r.program.source_id for r in grouped.shown["eligible"]] == [
        "natl-parent-allowance", "junggu-toy-library", "learning-card"]  # fmt: skip


def test_at_equal_fit_value_then_a_near_deadline_then_applying_in_the_app() -> None:
    stages = frozenset({"영유아"})
    common = {"category": "영유아", "value": Value(100_000, "once", "person", "cash")}
    big = programme("big", **{**common, "value": Value(200_000, "month", "person", "cash")})
    soon = programme("soon", **common, opens_on=date(2026, 12, 1), closes_on=date(2026, 12, 20))
    later = programme("later", **common, opens_on=date(2026, 12, 1), closes_on=date(2027, 3, 1))
    in_app = programme("in-app", **common, apply_channel="district", extra={"application": {}})
    plain = programme("plain", **common)
    ordered = sorted([plain, in_app, later, soon, big], key=lambda p: eligible_order(p, stages, TODAY))
    assert [p.source_id for p in ordered] == ["big", "soon", "later", "in-app", "plain"]


def test_groups_keep_closed_apart_and_the_summary_adds_up_a_year() -> None:
    monthly = programme("monthly", value=Value(500_000, "month", "person", "cash"))
    once = programme("once", value=Value(2_000_000, "once", "person", "voucher"))
    unpriced = programme("unpriced")
    closed = programme("closed", opens_on=date(2026, 2, 2), closes_on=date(2026, 11, 30))
    maybe = programme("maybe", [{"situations": ["disabled"]}])
    out = programme("out", [{"age": {"min": 65}}])
    grouped = group_results(compile_catalog([monthly, once, unpriced, closed, maybe, out]), MOTHER_FACTS)
    assert {k: [r.program.source_id for r in v] for k, v in grouped.shown.items()} == {
        "eligible": ["monthly", "once", "unpriced"], "maybe": ["maybe"], "closed": ["closed"],
        "ineligible": ["out"]}  # fmt: skip
    summary = grouped.summary
    assert (summary.eligible, summary.yearly_krw, summary.unpriced) == (3, 8_000_000, 1)
    assert (summary.maybe, summary.closed, summary.ineligible) == (1, 1, 1)
    assert [render_line(m) for m in summary_lines(summary)] == [
        "받을 수 있는 혜택 3개 · 연 약 ₩8,000,000",
        "확인이 더 필요한 혜택 1개 · 마감된 혜택 1개 · 지금은 어려운 혜택 1개",
        "금액을 밝히지 않은 혜택 1개는 합계에 들어 있지 않아요.",
    ]
    assert render(summary_lines(summary)[0], "en") == "3 programmes you can get · about ₩8,000,000 a year"
    assert render_line(summary_lines(summary)[1], "en") == ("1 to check · 1 closed · 1 not for you now")


def test_the_summary_leaves_out_groups_that_hold_nothing() -> None:
    grouped = group_results(compile_catalog([programme("a"), programme("out", [{"age": {"min": 65}}])]),
                            MOTHER_FACTS)  # fmt: skip
    assert [render_line(m) for m in summary_lines(grouped.summary)][1] == "지금은 어려운 혜택 1개"
    alone = group_results(compile_catalog([programme("a")]), MOTHER_FACTS)
    assert [render_line(m) for m in summary_lines(alone.summary)][:1] == ["받을 수 있는 혜택 1개"]
    assert not any("0개" in render_line(m) for m in summary_lines(alone.summary))


def test_a_summary_without_any_stated_amount_says_so() -> None:
    grouped = group_results(compile_catalog([programme("a"), programme("b")]), MOTHER_FACTS)
    lines = [render_line(m) for m in summary_lines(grouped.summary)]
    assert lines[0] == "받을 수 있는 혜택 2개"
    assert lines[-1] == "받을 수 있는 혜택들은 금액을 밝히지 않아 합계를 낼 수 없어요."


def test_filters_in_app_closing_soon_and_form() -> None:
    form = programme("form", apply_channel="district", extra={"application": {}},
                     value=Value(10_000, "once", "household", "service"))  # fmt: skip
    soon = programme("soon", opens_on=date(2026, 12, 1), closes_on=date(2027, 1, 6))
    far = programme("far", opens_on=date(2026, 12, 1), closes_on=date(2027, 1, 7))
    link = programme("link", apply_channel="bokjiro", extra={"application": {}})
    decided = {p.source_id: evaluate(p, MOTHER_FACTS) for p in (form, soon, far, link)}
    assert filters_of(decided["form"], TODAY) == ("in_app", "service")
    assert filters_of(decided["soon"], TODAY) == ("closing_soon",)
    assert filters_of(decided["far"], TODAY) == ()
    assert filters_of(decided["link"], TODAY) == ()
    assert render(deadline_text(decided["soon"], TODAY)) == "마감 임박 · 2027. 1. 6.까지 신청"
    assert render(deadline_text(decided["far"], TODAY), "en") == "Apply by Jan 7, 2027"


def test_one_line_of_why_per_group() -> None:
    facts = MOTHER_FACTS
    assert render(why(evaluate(NATIVE["natl-parent-allowance"], facts), facts)) == (
        "자녀 (만 1세 이하)가 있는 가구에 해당해요.")  # fmt: skip
    assert render(why(evaluate(programme("open"), facts), facts)) == "조건 없이 누구나 받을 수 있어요."
    maybe = evaluate(programme("m", [{"lives_in_junggu": True}, {"situations": ["disabled"]}]), facts)
    assert render(why(maybe, facts)) == "본인 상황(장애, 임신, 학생 등)을 알려 주시면 확인할 수 있어요."
    out = evaluate(programme("o", [{"age": {"min": 65}}]), facts)
    assert render(why(out, facts)) == "만 65세 이상 — 지금 만 34세예요."
    closed = evaluate(programme("c", opens_on=date(2026, 2, 2), closes_on=date(2026, 11, 30),
                                next_opens_on=date(2027, 2, 1)), facts)  # fmt: skip
    assert render(why(closed, facts)) == "신청 기간이 끝났어요. 다음 신청은 2027. 2. 1.부터예요."
    assert (
        render(why(closed, facts), "en") == "Applications have closed. The next round opens on Feb 1, 2027."
    )


def test_value_in_words() -> None:
    assert render(value_text(Value(1_000_000, "month", "person", "cash"))) == "월 ₩1,000,000 · 현금"
    assert render(value_text(Value(200_000, "once", "person", "voucher")), "en") == "₩200,000 once · voucher"


def test_before_any_answer_only_what_is_open_to_everyone() -> None:
    catalog = compile_catalog([programme("open"), programme("jung-gu", [{"lives_in_junggu": True}])])
    assert [p.source_id for p in open_to_everyone(catalog)] == ["open"]


@settings(max_examples=60, deadline=None)
@given(valid_profiles(), as_of_dates)
def test_every_card_has_a_why_and_the_summary_counts_every_programme(profile: dict, on: date) -> None:
    facts = facts_on(parse_profile(profile), on)
    catalog = compile_catalog(list(NATIVE.values()))
    grouped = group_results(catalog, facts)
    summary = grouped.summary
    assert summary.eligible + summary.maybe + summary.closed + summary.ineligible == len(NATIVE)
    for results in grouped.shown.values():
        for result in results:
            for locale in ("ko", "en"):
                assert render(why(result, facts), locale)


def test_a_recipient_who_gave_her_household_size_is_asked_only_for_her_income() -> None:
    """The 72-year-old on 기초생활수급 told her household size (1) and skipped income: 생계급여 (at most
    32 % of the median, below what 수급 alone settles) asks for her income, not her household size again."""
    elder = {"birth_date": "1954-03-02", "lives_in_junggu": True, "dong": "회현동", "household_size": 1,
             "livelihood": "recipient"}  # fmt: skip
    facts = facts_on(parse_profile(elder), TODAY)
    result = evaluate(NATIVE["natl-livelihood-benefit"], facts)
    assert result.status == "maybe"
    assert render(why(result, facts)) == "소득을 알려 주시면 확인할 수 있어요."
    assert render(why(result, facts), "en") == "Tell us your income to check this."
    unknown = facts_on(parse_profile({k: v for k, v in elder.items() if k != "household_size"}), TODAY)
    assert render(why(evaluate(NATIVE["natl-livelihood-benefit"], unknown), unknown)) == (
        "가구원 수와 소득을 알려 주시면 확인할 수 있어요.")  # fmt: skip


def test_a_housing_condition_reads_as_a_sentence_not_a_form_field() -> None:
    """ "사는 집: 반지하 — 사는 집: 그 밖의 집." echoed the questionnaire; the card says it in words."""
    flood = NATIVE["junggu-flood-barrier"]
    facts = facts_on(parse_profile({**MOTHER, "housing": "other"}), TODAY)
    result = evaluate(flood, facts)
    assert result.status == "ineligible"
    assert render(why(result, facts)) == "반지하에 사는 가구 — 반지하에 살지 않아요."
    assert (
        render(why(result, facts), "en")
        == "Households living in: Semi-basement — You do not live in: Semi-basement."
    )
    below = facts_on(parse_profile({**MOTHER, "housing": "semi_basement"}), TODAY)
    from naesone_app.core.criteria import MET

    assert render(flood.criteria[-2].explain(below, MET)) == "반지하에 사는 가구 — 반지하에 살아요."


def test_adjoining_income_bands_read_as_one_limit() -> None:
    """중구 어르신 공로수당 read "기준 중위소득 50% 이하, 50% 초과 75% 이하 또는 75% 초과 100% 이하"."""
    from naesone_app.core.criteria import IncomeBands

    three = IncomeBands(((None, 50.0), (50.0, 75.0), (75.0, 100.0)))
    assert render(three.requirement()) == "기준 중위소득 100% 이하"
    assert render(three.requirement(), "en") == render(IncomeBands(((None, 100.0),)).requirement(), "en")
    apart = IncomeBands(((None, 50.0), (75.0, 100.0)))  # a gap stays a choice
    assert render(apart.requirement()) == "기준 중위소득 50% 이하 또는 기준 중위소득 75% 초과 100% 이하"
    assert render(IncomeBands(((50.0, 75.0), (75.0, None))).requirement()) == "기준 중위소득 50% 초과"
