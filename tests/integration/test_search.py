"""Asking in words against the sample database `make db` loads: the quality floors on the labelled
question set, `naesone ask` (JSON shape, --batch, --profile, --locale, bad input), and the index
noticing a catalogue change."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import yaml

from naesone_app.actions.search import ask, suggest
from naesone_app.cli import main
from naesone_app.core.search.quality import load_questions, measure
from naesone_app.db import catalog_cache, search_index
from naesone_app.db.search_index import SEARCH
from tests.integration.conftest import one_line_error

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "search" / "questions.yaml"
# Floors set from the measured values (2026-12: recall@5 1.00 — ko 1.00, en 1.00, zh 1.00; no-answer
# 8/8), a little below them so that a catalogue edit elsewhere does not fail this test by one question.
RECALL_FLOOR, LANGUAGE_FLOOR, NO_ANSWER_FLOOR = 0.95, 0.90, 7
# Held-out questions written before reading the lexicon and never tuned to one by one (the stand-in for
# the outside set; 144 questions, 17 of them with nothing to find). Measured 2026-12 after the general
# fixes: recall@5 1.00 (ko 1.00 n=92, en 1.00 n=20, zh 1.00 n=15), MRR@10 0.94, no-answer 17/17, the
# same with the bench's 11,000 synthetic Gov24 rows added. Before them: recall@5 0.99, MRR@10 0.92,
# no-answer 14/17 (with the 11,000 rows: recall@5 0.97, no-answer 13/17).
HELDOUT = ROOT / "tests" / "search" / "heldout.yaml"
HELDOUT_RECALL_FLOOR, HELDOUT_LANGUAGE_FLOOR, HELDOUT_NO_ANSWER_FLOOR = 0.95, 0.90, 15


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    """One SQLite database with the sample catalogue, facilities and courses, for the whole module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'naesone.db'}"
    saved = os.environ.get("NAESONE_DATABASE_URL")
    os.environ["NAESONE_DATABASE_URL"] = url
    for command in (("db", "upgrade"), ("catalog", "load-samples"), ("facilities", "load-samples"),
                    ("classes", "load-samples")):  # fmt: skip
        assert main(list(command)) == 0
    yield url
    if saved is None:
        os.environ.pop("NAESONE_DATABASE_URL", None)
    else:
        os.environ["NAESONE_DATABASE_URL"] = saved


@pytest.fixture
def db(sample_db, monkeypatch) -> str:
    monkeypatch.setenv("NAESONE_DATABASE_URL", sample_db)
    return sample_db


def test_quality_holds_the_measured_floors(db) -> None:
    index = SEARCH.index()
    courses = {d.id: d.texts["title"]["ko"] for d in index.documents if d.kind == "course"}
    kinds = {d.id: d.extra["facility_kind"] for d in index.documents if d.kind == "facility"}
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 150 and sum(not q.expect for q in questions) >= 6
    quality = measure(questions, lambda text, lang: ask(text, locale=lang), courses, kinds)
    assert quality.recall_at_5 >= RECALL_FLOOR, quality.missed
    assert set(quality.by_lang) == {"ko", "en", "zh"}
    assert all(value >= LANGUAGE_FLOOR for value in quality.by_lang.values()), quality.by_lang
    assert quality.no_answer_ok >= NO_ANSWER_FLOOR, quality.missed


def test_heldout_quality_holds_the_measured_floors(db) -> None:
    index = SEARCH.index()
    courses = {d.id: d.texts["title"]["ko"] for d in index.documents if d.kind == "course"}
    kinds = {d.id: d.extra["facility_kind"] for d in index.documents if d.kind == "facility"}
    questions = load_questions(HELDOUT)
    assert len(questions) >= 140 and sum(not q.expect for q in questions) >= 15
    quality = measure(questions, lambda text, lang: ask(text, locale=lang), courses, kinds)
    assert quality.recall_at_5 >= HELDOUT_RECALL_FLOOR, quality.missed
    assert set(quality.by_lang) == {"ko", "en", "zh"}
    assert all(v >= HELDOUT_LANGUAGE_FLOOR for v in quality.by_lang.values()), quality.by_lang
    assert quality.no_answer_ok >= HELDOUT_NO_ANSWER_FLOOR, quality.missed


@pytest.mark.parametrize("path", [QUESTIONS, HELDOUT], ids=["questions", "heldout"])
def test_every_expected_id_exists_in_the_sample_database(db, path) -> None:
    index = SEARCH.index()
    ids = {d.id for d in index.documents}
    titles = {d.texts["title"]["ko"] for d in index.documents if d.kind == "course"}
    kinds = {d.extra["facility_kind"] for d in index.documents if d.kind == "facility"}
    for question in load_questions(path):
        for expected in question.expect:
            kind, _, value = expected.partition(":")
            known = {"facility-kind": kinds, "course-title": titles}.get(kind, ids)
            assert (value if kind in ("facility-kind", "course-title") else expected) in known, expected


def test_outside_the_catalogue_says_so(db) -> None:
    for question in ("여권 재발급", "주차 과태료", "passport renewal"):
        answer = ask(question)
        assert answer.nothing and answer.results == () and answer.problem == "", question
    found = ask("혼자 사는 할머니 점심")
    assert found.results[0].id == "native:junggu-senior-lunch"
    assert all(r.score >= found.threshold for r in found.results)


def test_shelter_question_leads_to_the_safety_map(db) -> None:
    answer = ask("가까운 대피소")
    assert answer.results and answer.results[0].href.startswith("/safety")


def test_suggestions_come_from_popular_questions_and_titles(db) -> None:
    assert suggest("청년")[0].startswith("청년")
    assert "기초연금" in suggest("기초연")
    assert len(suggest("", limit=3)) == 3
    english = suggest("rent", locale="en")
    assert english[0] == "rent support for young people" and "Youth rent support (national)" in english
    assert not any("parent" in s.lower() for s in english)


# -- naesone ask ------------------------------------------------------------------------------------------


def test_ask_json_follows_the_contract(db, naesone) -> None:
    run = naesone("ask", "혼자 사는 할머니 점심", "--json", "--limit", "3")
    assert run.code == 0, run.err
    answer = json.loads(run.out)
    assert set(answer) >= {"question", "inferred", "threshold", "results"}
    assert answer["inferred"] == {"household": ["single_person"], "age": 65}
    assert len(answer["results"]) <= 3
    first = answer["results"][0]
    assert set(first) >= {"program_id", "kind", "source", "title", "score", "status", "why"}
    assert (first["program_id"], first["kind"], first["source"]) == (
        "native:junggu-senior-lunch",
        "program",
        "native",
    )
    assert first["status"] in ("eligible", "maybe", "ineligible", "closed") and first["why"]
    assert all(r["score"] >= answer["threshold"] for r in answer["results"])


def test_ask_batch_profile_and_locale(db, naesone, tmp_path) -> None:
    batch = tmp_path / "questions.json"
    batch.write_text(json.dumps(["경로식당 점심", "여권 재발급", "yoga class"]), encoding="utf-8")
    run = naesone("ask", "--batch", str(batch), "--json")
    answers = json.loads(run.out)
    assert [a["question"] for a in answers] == ["경로식당 점심", "여권 재발급", "yoga class"]
    assert answers[0]["results"][0]["status"] == "maybe" and answers[1]["results"] == []
    assert answers[2]["results"][0]["kind"] == "course" and answers[2]["results"][0]["status"] is None

    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"age": 40, "lives_in_junggu": True}), encoding="utf-8")
    run = naesone("ask", "경로식당 점심", "--json", "--profile", str(profile))
    assert json.loads(run.out)["results"][0]["status"] == "ineligible"

    english = json.loads(naesone("ask", "basic pension", "--json", "--locale", "en").out)
    assert english["results"][0]["title"] == "Basic Pension for older people"
    chinese = json.loads(naesone("ask", "养老金", "--json", "--locale", "zh").out)
    assert chinese["results"][0]["program_id"] == "native:natl-basic-pension"
    text = naesone("ask", "주차 과태료")
    assert text.code == 0 and "120" in text.out


def test_ask_bad_input_exits_with_one_line(db, naesone, tmp_path) -> None:
    not_list = tmp_path / "bad.json"
    not_list.write_text('{"q": "x"}', encoding="utf-8")
    bad_item = tmp_path / "item.json"
    bad_item.write_text('["괜찮은 질문", 3]', encoding="utf-8")
    bad_profile = tmp_path / "profile.json"
    bad_profile.write_text('{"hobby": "knitting"}', encoding="utf-8")
    cases = {
        ("ask", "", "--json"): "empty question",
        ("ask", "   ", "--json"): "empty question",
        ("ask", "가" * 600, "--json"): "too long",
        ("ask", "월세\x07", "--json"): "control characters",
        ("ask", "월세", "--limit", "0"): "--limit",
        ("ask", "월세", "--limit", "many"): "--limit",
        ("ask", "월세", "--locale", "fr"): "--locale",
        ("ask", "--json"): "QUESTION or --batch",
        ("ask", "월세", "--batch", str(not_list)): "not both",
        ("ask", "--batch", str(not_list), "--json"): "JSON list",
        ("ask", "--batch", str(bad_item), "--json"): "item 2",
        ("ask", "--batch", str(tmp_path / "missing.json")): "no such file",
        ("ask", "월세", "--profile", str(bad_profile)): "hobby",
    }
    for args, words in cases.items():
        assert words in one_line_error(naesone(*args)), args


def test_ask_needs_the_schema(tmp_path, monkeypatch, naesone) -> None:
    monkeypatch.setenv("NAESONE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    assert "naesone db upgrade" in one_line_error(naesone("ask", "월세"))


# -- the index follows the catalogue ------------------------------------------------------------------------


def test_the_index_notices_a_catalogue_change(db, naesone, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(catalog_cache, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(search_index, "RECHECK_SECONDS", 0.0)
    question = "뜨개질 공방 재료비"
    assert ask(question).nothing
    source = yaml.safe_load((ROOT / "data/programs/junggu-toy-library.yaml").read_text(encoding="utf-8"))
    source.pop("gov24_id", None)
    source["id"] = "junggu-knitting-test"
    source["title"] = {"ko": "중구 뜨개질 공방 재료비 지원", "en": "Jung-gu knitting workshop materials"}
    folder = tmp_path / "native"
    folder.mkdir()
    (folder / "junggu-knitting-test.yaml").write_text(
        yaml.safe_dump(source, allow_unicode=True), encoding="utf-8"
    )
    assert naesone("catalog", "load-native", "--dir", str(folder)).code == 0
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the rebuild runs in the background; questions never wait for it
        found = ask(question)
        if found.results:
            break
        time.sleep(0.2)
    assert found.results[0].id == "native:junggu-knitting-test"
