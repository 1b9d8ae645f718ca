"""The results page's handlers, driven as a browser would: an empty tab, the mother's answers, filters."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from reflex.istate.data import RouterData
from reflex.state import State

from naesone_app.cli import main
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.screening import ScreeningState

MOTHER = {
    "birth_date": "1992-05-10", "sex": "female", "lives_in_junggu": True, "dong": "신당동",
    "moved_in_on": "2026-11-01", "household_size": 3, "children": [{"birth_date": "2025-10-01"}],
    "monthly_income_krw": 3_500_000, "livelihood": "none",
}  # fmt: skip


@pytest.fixture
def catalogue(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NAESONE_DATABASE_URL", sqlite_url)
    assert main(["db", "upgrade"]) == 0
    assert main(["catalog", "load-native"]) == 0
    CATALOG.invalidate()
    yield
    CATALOG.invalidate()


def _tab(path: str = "/results", answers: dict | None = None) -> ScreeningState:
    root = State()
    root.router = RouterData.from_router_data({"pathname": path, "asPath": path, "headers": {}})
    state = root.get_substate(ScreeningState.get_full_name().split(".")[1:])
    if answers is not None:  # the browser sends its sessionStorage on hydrate
        state.saved_answers = json.dumps({"profile": answers, "settled": ["birth_date"], "fresh": False})
    return state


async def test_an_empty_tab_gets_an_invitation_not_every_programme(catalogue: None) -> None:
    state = _tab()
    await ScreeningState.open_results.fn(state)
    assert state.results_ready and not state.has_answers
    assert (state.eligible, state.maybe, state.maybe_rest, state.closed, state.ineligible) == ([],) * 5
    assert state.summary == [] and len(state.open_to_all) <= 5


async def test_the_mothers_results_summary_first_and_in_order(catalogue: None) -> None:
    state = _tab(answers=MOTHER)
    await ScreeningState.open_results.fn(state)
    assert state.has_answers
    assert state.summary[0].startswith(f"받을 수 있는 혜택 {len(state.eligible)}개 · 연 약 ₩")
    assert state.eligible[0].title == "부모급여"
    assert state.eligible[0].value == "월 ₩1,000,000 · 현금"
    assert len(state.maybe) <= 5 and state.maybe_rest
    assert state.ineligible and state.ineligible_total == len(state.ineligible)
    english = _tab("/en/results", MOTHER)
    await ScreeningState.open_results.fn(english)
    assert english.summary[0].endswith("a year") and english.eligible[0].why.startswith("You fit:")


@pytest.mark.parametrize("name", ["in_app", "closing_soon", "cash", "voucher", "service"])
async def test_a_filter_shows_only_what_passes_it_and_all_comes_back(catalogue: None, name: str) -> None:
    state = _tab(answers=MOTHER)
    await ScreeningState.open_results.fn(state)
    everything = [c.key for c in state.eligible + state.maybe + state.maybe_rest + state.closed]
    ScreeningState.choose_filter.fn(state, name)
    shown = state.eligible + state.maybe + state.maybe_rest + state.closed
    assert all(name in card.filters for card in shown)
    assert len(shown) == state.filter_counts[name]
    ScreeningState.choose_filter.fn(state, "nonsense")  # anything a browser sends
    assert state.filter == name
    ScreeningState.choose_filter.fn(state, "")
    assert [c.key for c in state.eligible + state.maybe + state.maybe_rest + state.closed] == everything
