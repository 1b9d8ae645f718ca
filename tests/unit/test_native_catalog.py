"""The native YAML catalogue: every shipped file loads and passes its own test profiles; bad files fail loudly."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from naesone_app.core.catalog.native import CatalogError, load_catalog, load_program_file
from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.eligibility import evaluate
from naesone_app.core.profile import facts_on, parse_profile

PROGRAMS_DIR = Path(__file__).resolve().parents[2] / "data" / "programs"
FILES = sorted(PROGRAMS_DIR.glob("*.yaml"))


def _cases() -> list:
    params = []
    for path in FILES:
        try:
            _program, cases = load_program_file(path)
        except CatalogError:
            continue  # reported by test_every_file_loads
        for i, case in enumerate(cases):
            params.append(pytest.param(path, i, id=f"{path.stem}[{i}]-{case.expect}"))
    return params


def test_catalogue_is_not_empty() -> None:
    assert FILES, f"no programme files in {PROGRAMS_DIR}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_file_loads(path: Path) -> None:
    program, cases = load_program_file(path)
    assert program.source == "native"
    assert program.source_id == path.stem, "the file name should be the programme id"
    assert program.text("ko").title and program.text("en").title
    assert program.provenance
    assert cases, f"{path.name} has no test profiles"


def test_whole_catalogue_loads_with_unique_ids() -> None:
    loaded = load_catalog(PROGRAMS_DIR)
    ids = [p.source_id for p, _ in loaded]
    assert len(ids) == len(set(ids)) == len(FILES)


@pytest.mark.parametrize(("path", "index"), _cases())
def test_file_test_cases(path: Path, index: int) -> None:
    program, cases = load_program_file(path)
    case = cases[index]
    result = evaluate(program, facts_on(parse_profile(case.profile), case.as_of))
    details = [(v.name, v.status) for v in result.criteria]
    assert result.status == case.expect, f"{path.name} tests[{index}]: {details}"


# -- malformed files ----------------------------------------------------------------------------------

GOOD = textwrap.dedent("""\
    id: test-programme
    sample: true
    source_note: 시험용 프로그램
    category: 어르신
    level: district
    title: {ko: 시험, en: Test}
    summary: {ko: 요약, en: Summary}
    audience: {ko: 대상, en: Audience}
    benefit: {ko: 혜택, en: Benefit}
    how_to_apply: {ko: 방문, en: Visit}
    responsible_body: {ko: 중구청, en: Jung-gu Office}
    documents: {ko: [신분증], en: [ID card]}
    apply: {channel: visit}
    application_window: {opens: 2026-01-01, closes: 2026-12-31}
    last_updated: 2026-10-01
    rules:
      - lives_in_junggu: true
      - age: {min: 65}
    tests:
      - profile: {age: 70, lives_in_junggu: true}
        as_of: 2026-11-25
        expect: eligible
      - profile: {children: [{birth_date: 2020-01-01}], age: 30}
        as_of: 2026-11-25
        expect: ineligible
    """)


def write(tmp_path: Path, text: str, name: str = "test-programme.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edit(**changes: object) -> str:
    data = yaml.safe_load(GOOD)
    for key, value in changes.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    return yaml.safe_dump(data, allow_unicode=True)


def test_good_file_loads(tmp_path: Path) -> None:
    program, cases = load_program_file(write(tmp_path, GOOD))
    assert program.source_id == "test-programme"
    assert program.criteria == parse_rules([{"lives_in_junggu": True}, {"age": {"min": 65}}])
    assert program.text("en").documents == "ID card"
    assert (program.opens_on, program.closes_on) == (date(2026, 1, 1), date(2026, 12, 31))
    assert program.is_sample
    assert [c.expect for c in cases] == ["eligible", "ineligible"]
    assert cases[1].profile["children"] == [{"birth_date": "2020-01-01"}]


BAD = [
    ("missing-title", edit(title=...), "title", "missing"),
    ("missing-source-note", edit(source_note=...), "source_note", "missing"),
    ("empty-source-note", edit(source_note=" "), "source_note", "say where"),
    ("unknown-field", edit(colour="red"), "colour", "unknown field"),
    ("bad-id", edit(id="Test_Programme"), "id", "lowercase"),
    ("no-english", edit(title={"ko": "시험"}), "title", "English"),
    ("empty-korean", edit(summary={"ko": " ", "en": "x"}), "summary", "Korean"),
    ("unknown-locale", edit(title={"ko": "a", "en": "b", "fr": "c"}), "title.fr", "unknown locale"),
    ("non-text-locale", edit(title={"ko": "a", "en": "b", "zh": 3}), "title.zh", "expected a text"),
    ("bad-category", edit(category="기타"), "category", "must be one of"),
    ("bad-level", edit(level="province"), "level", "must be one of"),
    ("bad-channel", edit(apply={"channel": "fax"}), "apply.channel", "must be one of"),
    ("bad-apply", edit(apply={"channel": "visit", "phone": 1}), "apply", "expected"),
    ("bad-url", edit(official_url="www.junggu.seoul.kr"), "official_url", "http(s) URL"),
    ("bad-date", edit(last_updated="yesterday"), "last_updated", "YYYY-MM-DD"),
    ("window-reversed", edit(application_window={"opens": "2026-12-31", "closes": "2026-01-01"}),
     "application_window", "opens after"),
    ("bad-documents", edit(documents={"ko": ["a"], "en": ["a", "b"]}), "documents", "differ"),
    ("documents-not-list", edit(documents={"ko": "a", "en": ["a"]}), "documents.ko", "list"),
    ("bad-rule-kind", edit(rules=[{"age": {"min": 65}}, {"agee": 1}]), "rules[1].agee", "unknown rule kind"),
    ("bad-rule-value", edit(rules=[{"any_of": [{"age": {"min": "65"}}]}]), "rules[0].any_of[0].age.min",
     "whole number"),
    ("bad-tests", edit(tests={"profile": {}}), "tests", "expected a list"),
    ("bad-test-keys", edit(tests=[{"profile": {}, "expect": "eligible"}]), "tests[0]", "exactly"),
    ("bad-test-expect", edit(tests=[{"profile": {}, "as_of": "2026-01-01", "expect": "yes"}]),
     "tests[0].expect", "must be one of"),
    ("bad-test-profile", edit(tests=[{"profile": [1], "as_of": "2026-01-01", "expect": "maybe"}]),
     "tests[0].profile", "mapping"),
    ("bad-test-children", edit(tests=[{"profile": {"children": ["2020-01-01"]}, "as_of": "2026-01-01",
                                        "expect": "maybe"}]), "tests[0].profile.children", "list"),
    ("bad-test-date", edit(tests=[{"profile": {}, "as_of": "soon", "expect": "maybe"}]), "tests[0].as_of",
     "YYYY-MM-DD"),
    ("not-a-mapping", "- just\n- a list\n", "(file)", "mapping"),
    ("invalid-yaml", "id: [unclosed\ntitle: x\n", "line", "not valid YAML"),
    ("impossible-date", GOOD.replace("last_updated: 2026-10-01", "last_updated: 2026-13-01"), "last_updated",
     "YYYY-MM-DD"),
    ("week-date", GOOD.replace("last_updated: 2026-10-01", "last_updated: 2026-W01-1"), "last_updated",
     "YYYY-MM-DD"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "field", "problem"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_file_names_file_and_field(tmp_path: Path, text: str, field: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CatalogError) as caught:
        load_program_file(path)
    assert caught.value.file == str(path)
    assert caught.value.field.startswith(field), caught.value.field
    assert problem in caught.value.problem
    assert str(path) in str(caught.value)


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_bytes(b"id: \xff\xfe\xfa")
    with pytest.raises(CatalogError, match="cannot read"):
        load_program_file(path)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    assert caught.value.file.endswith("b.yaml")
    assert caught.value.field == "id"
    assert "a.yaml" in caught.value.problem


def test_one_bad_file_fails_the_whole_load(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, edit(id="other-programme", level="x"), "b.yaml")
    with pytest.raises(CatalogError, match=r"b\.yaml: level"):
        load_catalog(tmp_path)


def test_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not a directory"):
        load_catalog(tmp_path / "missing")


def test_sample_flag_defaults_to_true(tmp_path: Path) -> None:
    assert load_program_file(write(tmp_path, edit(sample=...)))[0].is_sample is True
    assert load_program_file(write(tmp_path, edit(sample=False)))[0].is_sample is False
