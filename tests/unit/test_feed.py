"""The feed: new matches, deadlines, saved programmes and the life timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.feed import build_feed, compare
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.screening import compile_catalog

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _program(key: str, rules: list, closes: date | None = None) -> Program:
    return replace(
        Program("native", key, {"ko": ProgramText(title=key)}, parse_rules(rules)), closes_on=closes
    )


CATALOG = compile_catalog([
    _program("senior", [{"age": {"min": 65}}]),
    _program("junggu", [{"lives_in_junggu": True}], closes=TODAY + timedelta(days=10)),
    _program("late-deadline", [{"lives_in_junggu": True}], closes=TODAY + timedelta(days=40)),
    _program("youth", [{"age": {"max": 34}}]),
    _program("unknown-income", [{"income": {"max_percent": 50}}], closes=TODAY + timedelta(days=5)),
])  # fmt: skip


def test_sections_of_the_feed() -> None:
    facts = facts_on(parse_profile({"birth_date": "1962-03-02", "lives_in_junggu": True}), TODAY)
    first_seen = {"native:junggu": NOW - timedelta(days=3), "native:late-deadline": NOW - timedelta(days=30)}
    feed = build_feed(CATALOG, facts, ["native:youth"], first_seen, NOW)
    assert [r.program.source_id for r in feed.new_matches] == ["junggu"]
    assert [r.program.source_id for r in feed.deadlines] == [
        "unknown-income",
        "junggu",
    ]  # maybe counts, soonest first
    assert [r.program.source_id for r in feed.saved] == ["youth"]
    timeline = [(r.program.source_id, r.next_change.on) for r in feed.timeline]
    assert timeline == [("senior", date(2027, 3, 2))]  # "at 65 on 2027-03-02 you become eligible"
    assert sorted(feed.eligible_keys) == ["native:junggu", "native:late-deadline"]


def test_compare_shows_what_saving_would_change() -> None:
    before = facts_on(parse_profile({"age": 30, "lives_in_junggu": True}), TODAY)
    after = facts_on(parse_profile({"age": 70, "lives_in_junggu": True}), TODAY)
    gained, lost = compare(CATALOG, before, after)
    assert [p.source_id for p in gained] == ["senior"]
    assert [p.source_id for p in lost] == ["youth"]
