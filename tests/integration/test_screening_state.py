"""The questionnaire's handlers, driven as a browser would (they are callable by anyone)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from reflex.istate.data import RouterData
from reflex.state import State

from naesone_app.cli import main
from naesone_app.core.dates import age_on, seoul_today
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.screening import ScreeningState

BIRTH_DATE = (seoul_today() - timedelta(days=30)).replace(year=seoul_today().year - 68, day=1).isoformat()


@pytest.fixture
def catalogue(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NAESONE_DATABASE_URL", sqlite_url)
    assert main(["db", "upgrade"]) == 0
    assert main(["catalog", "load-native"]) == 0
    CATALOG.invalidate()
    yield
    CATALOG.invalidate()


def _fresh() -> ScreeningState:
    """A new tab's state inside a full state tree (the handlers look up the session state)."""
    root = State()
    root.router = RouterData.from_router_data({"pathname": "/check", "asPath": "/check", "headers": {}})
    return root.get_substate(ScreeningState.get_full_name().split(".")[1:])


async def _state() -> ScreeningState:
    state = _fresh()
    await ScreeningState.open_questionnaire.fn(state)
    return state


async def test_answering_moves_to_the_next_question_and_saves_the_tab(catalogue: None) -> None:
    state = await _state()
    assert state.question == "birth_date"
    before = state.maybe_count
    ScreeningState.answer.fn(state, {"birth_date": BIRTH_DATE, "age": ""})
    assert state.question not in ("", "birth_date")
    assert state.answered == 1
    assert state.maybe_count < before
    saved = json.loads(state.saved_answers)
    assert saved == {"profile": {"birth_date": BIRTH_DATE}, "settled": ["birth_date"], "fresh": False}


async def test_a_bad_answer_keeps_the_question_and_names_the_field(catalogue: None) -> None:
    state = await _state()
    ScreeningState.answer.fn(state, {"birth_date": "", "age": "abc"})
    assert state.question == "birth_date"
    assert set(state.field_errors) == {"age"}
    assert state.saved_answers == ""


@pytest.mark.parametrize(
    "form",
    [
        "not a form",
        {f"f{i}": "x" for i in range(100)},
        {"birth_date": "1" * 10_000},
        {"birth_date": {"nested": "object"}},
    ],
)
async def test_hostile_forms_change_nothing(catalogue: None, form: object) -> None:
    state = await _state()
    ScreeningState.answer.fn(state, form)
    assert state.question == "birth_date" and state.answered == 0 and state.saved_answers == ""


async def test_answers_come_back_after_a_fresh_server_state(catalogue: None) -> None:
    state = await _state()
    ScreeningState.answer.fn(state, {"birth_date": BIRTH_DATE})
    saved = state.saved_answers
    fresh = _fresh()
    fresh.saved_answers = saved  # the browser sends its sessionStorage on hydrate
    await ScreeningState.open_results.fn(fresh)
    assert fresh.answered == 1
    assert fresh.results_ready
    assert age_on(date.fromisoformat(BIRTH_DATE), seoul_today()) == 68
    assert any(card.why == "만 65세 이상에 해당해요." for card in fresh.eligible)  # decided at 68


async def test_tampered_saved_answers_are_dropped(catalogue: None) -> None:
    fresh = _fresh()
    fresh.saved_answers = json.dumps({"profile": {"age": "old"}, "settled": ["birth_date"]})
    await ScreeningState.open_questionnaire.fn(fresh)
    assert fresh.saved_answers == "" and fresh.answered == 0


async def test_skip_and_restart(catalogue: None) -> None:
    state = await _state()
    ScreeningState.skip.fn(state)
    assert state.answered == 1 and state.question != "birth_date"
    ScreeningState.restart.fn(state)
    assert state.answered == 0 and state.question == "birth_date"
    assert json.loads(state.saved_answers) == {"profile": {}, "settled": [], "fresh": True}
