"""Gov24 files (raw API pages and plain arrays) → `naesone catalog import-gov24` → SQLite / PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from naesone_app.core.catalog.gov24 import plan_import
from naesone_app.db.catalog import find_program, load_programs
from naesone_app.db.engine import engine_for
from tests.integration.conftest import fingerprint
from tests.integration.gov24_data import (
    IMPORTED,
    SKIPPED,
    condition_rows,
    detail_rows,
    service_rows,
    write_pages,
)


def import_args(tmp_path: Path, services: list[dict] | None = None, per_page: int = 3) -> list[str]:
    lists = write_pages(tmp_path / "gov24", "serviceList", services or service_rows(), per_page)
    conds = write_pages(tmp_path / "gov24", "supportConditions", condition_rows(), 5)
    details = tmp_path / "gov24" / "serviceDetail.json"
    details.write_text(json.dumps(detail_rows(), ensure_ascii=False), "utf-8")  # a plain array of rows
    return ["catalog", "import-gov24", "--service-list", *lists, "--support-conditions", *conds,
            "--service-detail", str(details)]  # fmt: skip


def summary_lines(out: str) -> list[str]:
    return [line.strip() for line in out.strip().splitlines()]


def ids_in(url: str) -> dict[str, int]:
    with engine_for(url).connect() as connection:
        rows = connection.execute(text("SELECT source_id, id FROM program WHERE source = 'gov24'")).all()
    return dict(rows)


def test_import_counts_and_skips_by_reason(database, naesone, tmp_path) -> None:
    args = import_args(tmp_path)
    assert len([a for a in args if "serviceList_p" in a]) == 3  # really several pages
    run = naesone(*args)
    assert run.code == 0, run.err
    assert run.err == ""
    lines = summary_lines(run.out)
    assert lines[0] == "Gov24 import: 4 imported, 0 updated, 0 unchanged, 5 skipped"
    skipped = {line.split(":")[1].split()[0]: int(line.split()[1].rstrip(":")) for line in lines[1:]}
    assert skipped == SKIPPED
    assert sorted(ids_in(database)) == sorted(IMPORTED)


def test_stored_programmes_read_back_equal_to_the_plan(database, naesone, tmp_path) -> None:
    assert naesone(*import_args(tmp_path)).code == 0
    plan = plan_import([(r, "l") for r in service_rows()], [(r, "c") for r in condition_rows()],
                       [(r, "d") for r in detail_rows()])  # fmt: skip
    with Session(engine_for(database)) as session:
        stored = {p.source_id: p for p in load_programs(session)}
        pension = find_program(session, "gov24", "000000465790")
    assert set(stored) == set(IMPORTED)
    for planned in plan.programs:
        got = stored[planned.source_id]
        assert got.criteria == planned.criteria, planned.source_id
        assert got.texts == planned.texts
        assert (got.level, got.category, got.last_updated) == (
            planned.level,
            planned.category,
            planned.last_updated,
        )
    assert pension is not None
    assert pension.text("ko").documents == "- 신분증\n- 통장 사본"
    assert pension.apply_url == "https://www.bokjiro.go.kr"
    assert pension.extra == {"법령": "기초연금법(제3조)"}
    assert stored["301000000002"].level == "district"


def test_reimport_updates_in_place(database, naesone, tmp_path) -> None:
    assert naesone(*import_args(tmp_path)).code == 0
    before = ids_in(database)
    again = naesone(*import_args(tmp_path))
    assert summary_lines(again.out)[0] == "Gov24 import: 0 imported, 0 updated, 4 unchanged, 5 skipped"
    services = service_rows()
    services[2]["서비스명"] = "중구 1인가구 지원 (개편)"
    changed = naesone(*import_args(tmp_path, services))
    assert changed.code == 0, changed.err
    assert summary_lines(changed.out)[0] == "Gov24 import: 0 imported, 1 updated, 3 unchanged, 5 skipped"
    assert ids_in(database) == before  # same ids: updated, not re-created
    with Session(engine_for(database)) as session:
        program = find_program(session, "gov24", "301000000001")
    assert program.text("ko").title == "중구 1인가구 지원 (개편)"
    assert program.program_id == before["301000000001"]
    assert fingerprint(database)[:2] == (4, 4)


def test_plain_json_arrays_are_accepted(database, naesone, tmp_path) -> None:
    lists, conds = tmp_path / "list.json", tmp_path / "cond.json"
    lists.write_text(json.dumps(service_rows(), ensure_ascii=False), "utf-8")
    conds.write_text(json.dumps(condition_rows(), ensure_ascii=False), "utf-8")
    run = naesone("catalog", "import-gov24", "--service-list", str(lists), "--support-conditions", str(conds))
    assert run.code == 0, run.err
    assert summary_lines(run.out)[0] == "Gov24 import: 4 imported, 0 updated, 0 unchanged, 5 skipped"


def test_sample_flag_marks_rows(database, naesone, tmp_path) -> None:
    assert naesone(*import_args(tmp_path), "--sample").code == 0
    with Session(engine_for(database)) as session:
        programs = load_programs(session)
    assert programs and all(p.is_sample for p in programs)
    assert all("샘플" in p.provenance for p in programs)


def test_eligibility_json_for_imported_programmes(database, naesone, tmp_path) -> None:
    assert naesone(*import_args(tmp_path)).code == 0
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"birth_date": "1961-11-25", "sex": "female", "dong": "신당동",
                                   "income_percent_of_median": 60, "household": ["single_person"]}),
                       "utf-8")  # fmt: skip
    run = naesone("eligibility", "--profile", str(profile), "--as-of", "2026-11-25", "--json")
    assert run.code == 0, run.err
    payload = json.loads(run.out)
    assert payload["as_of"] == "2026-11-25"
    statuses = {r["source_id"]: r["status"] for r in payload["results"]}
    assert statuses == {
        "000000465790": "eligible",  # turns 65 on the evaluation date
        "611000000127": "eligible",  # Seoul, income ≤ 75 %
        "301000000001": "eligible",  # Jung-gu, single-person household
        "301000000002": "ineligible",  # women 19–34
    }
    young = next(r for r in payload["results"] if r["source_id"] == "301000000002")
    assert young == {
        **young,
        "program_id": "gov24:301000000002",
        "source": "gov24",
        "title": "중구 청년 여성 지원",
    }
    assert [(c["name"], c["status"]) for c in young["criteria"]] == [
        ("region", "met"), ("sex", "met"), ("age", "unmet")]  # fmt: skip
    assert [r["status"] for r in payload["results"]] == ["eligible"] * 3 + ["ineligible"]
    # a day earlier she is 64
    run = naesone("eligibility", "--profile", str(profile), "--as-of", "2026-11-24", "--json")
    statuses = {r["source_id"]: r["status"] for r in json.loads(run.out)["results"]}
    assert statuses["000000465790"] == "ineligible"


def test_reimport_without_detail_keeps_the_stored_documents(database, naesone, tmp_path) -> None:
    assert naesone(*import_args(tmp_path)).code == 0
    with Session(engine_for(database)) as session:
        before = {p.source_id: (p.texts["ko"].documents, p.apply_url) for p in load_programs(session)}
    assert any(documents for documents, _ in before.values())
    args = import_args(tmp_path)
    without_detail = args[: args.index("--service-detail")]
    run = naesone(*without_detail)
    assert run.code == 0, run.err
    assert summary_lines(run.out)[0].startswith("Gov24 import: 0 imported, 0 updated, 4 unchanged")
    with Session(engine_for(database)) as session:
        after = {p.source_id: (p.texts["ko"].documents, p.apply_url) for p in load_programs(session)}
    assert after == before
