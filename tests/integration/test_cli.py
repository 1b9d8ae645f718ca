"""The `naesone` command (DESIGN.md "The `naesone` command"): output shapes, and bad input that changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from naesone_app.core.catalog.native import load_catalog
from tests.integration.conftest import fingerprint, one_line_error
from tests.integration.gov24_data import condition_rows, service_rows, write_pages
from tests.integration.test_gov24_import import import_args

PROGRAMS_DIR = Path(__file__).resolve().parents[2] / "data" / "programs"

GOOD_YAML = """\
id: cli-test-programme
source_note: 시험
category: 어르신
level: district
title: {ko: 시험, en: Test}
summary: {ko: 요약, en: Summary}
audience: {ko: 대상, en: Audience}
benefit: {ko: 혜택, en: Benefit}
how_to_apply: {ko: 방문, en: Visit}
responsible_body: {ko: 중구청, en: Jung-gu Office}
last_updated: 2026-10-01
rules:
  - age: {min: 65}
"""


def write_json(path: Path, payload: object) -> str:
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return str(path)


@pytest.fixture
def loaded(database, naesone, tmp_path) -> str:
    """A database holding the Gov24 test catalogue and the shipped native catalogue."""
    assert naesone(*import_args(tmp_path)).code == 0
    run = naesone("catalog", "load-native", "--dir", str(PROGRAMS_DIR))
    assert run.code == 0, run.err
    return database


def test_db_upgrade_is_idempotent(database, naesone) -> None:
    run = naesone("db", "upgrade")
    assert run.code == 0, run.err
    assert fingerprint(database)[:2] == (0, 0)


def test_load_native_counts(database, naesone) -> None:
    count = len(load_catalog(PROGRAMS_DIR))
    first = naesone("catalog", "load-native", "--dir", str(PROGRAMS_DIR))
    assert first.code == 0, first.err
    assert f": {count} imported, 0 updated, 0 unchanged" in first.out
    second = naesone("catalog", "load-native", "--dir", str(PROGRAMS_DIR))
    assert f": 0 imported, 0 updated, {count} unchanged" in second.out
    assert fingerprint(database)[0] == count
    assert fingerprint(database)[1] == 2 * count  # Korean and English texts


def test_eligibility_json_shape(loaded, naesone, tmp_path) -> None:
    profile = write_json(tmp_path / "p.json", {"birth_date": "1962-03-02", "lives_in_junggu": True,
                                                "livelihood": "recipient"})  # fmt: skip
    run = naesone("eligibility", "--profile", profile, "--as-of", "2026-11-25", "--json")
    assert run.code == 0, run.err
    assert run.err == ""
    payload = json.loads(run.out)
    assert set(payload) == {"as_of", "results"}
    assert payload["as_of"] == "2026-11-25"
    total = fingerprint(loaded)[0]
    assert len(payload["results"]) == total
    for result in payload["results"]:
        assert {"program_id", "source", "source_id", "title", "status", "criteria"} <= set(result)
        assert result["source"] in ("native", "gov24")
        assert result["program_id"] == f"{result['source']}:{result['source_id']}"
        assert isinstance(result["title"], str) and result["title"]
        assert result["status"] in ("eligible", "maybe", "ineligible", "closed")
        assert set(result["window"]) >= {"opens", "closes"}
        assert result["value"] is None or {"amount_krw", "period", "per", "form"} <= set(result["value"])
        assert result["categories"] == [] or isinstance(result["categories"][0], str)
        for criterion in result["criteria"]:
            assert {"name", "status", "detail"} <= set(criterion)
            assert criterion["status"] in ("met", "unmet", "unknown")
            assert isinstance(criterion["detail"], str) and criterion["detail"]
        statuses = {c["status"] for c in result["criteria"]}
        expected = "ineligible" if "unmet" in statuses else "maybe" if "unknown" in statuses else "eligible"
        closes = result["window"]["closes"]
        if expected != "ineligible" and closes is not None and closes < "2026-11-25":
            expected = "closed"
        assert result["status"] == expected
    order = {"eligible": 0, "maybe": 1, "closed": 2, "ineligible": 3}
    assert [order[r["status"]] for r in payload["results"]] == sorted(
        order[r["status"]] for r in payload["results"]
    )
    lunch = next(r for r in payload["results"] if r["source_id"] == "junggu-senior-lunch")
    assert lunch["status"] == "eligible"  # 64, but 60+ is enough; recipient
    pension = next(r for r in payload["results"] if r["source_id"] == "000000465790")
    assert pension["status"] == "ineligible"
    assert pension["next_change"] == {
        "date": "2027-03-02",
        "status": "eligible",
        "because": ["만 65세가 됩니다"],
    }
    assert pension["criteria"] == [{"name": "age", "status": "unmet", "detail": "만 65세 이상 — 지금 만 64세예요.",
                                    "requirement": "만 65세 이상"}]  # fmt: skip


def test_eligibility_json_windows_values_and_categories(loaded, naesone, tmp_path) -> None:
    """Issue 10: a closed window is part of the verdict; value and categories come from the database."""
    profile = write_json(tmp_path / "p.json", {"birth_date": "1954-03-01", "dong": "회현동", "household_size": 1,
                                                "livelihood": "recipient"})  # fmt: skip
    run = naesone("eligibility", "--profile", profile, "--as-of", "2026-12-07", "--json")
    assert run.code == 0, run.err
    results = {r["program_id"]: r for r in json.loads(run.out)["results"]}
    card = results["native:natl-culture-nuri-card"]
    assert card["status"] == "closed"
    assert card["window"] == {"opens": "2026-02-02", "closes": "2026-11-30", "next_opens": "2027-02-02"}
    assert card["stale"] is False
    assert card["value"] == {"amount_krw": 150000, "period": "year", "per": "person", "form": "voucher"}
    assert card["categories"][0] == "문화" and "저소득" in card["categories"]
    open_ended = results["native:natl-basic-pension"]
    assert open_ended["window"] == {"opens": None, "closes": None, "next_opens": None}
    assert open_ended["status"] == "eligible"  # 수급자: income at most 50 % of the median
    barrier = results["native:junggu-flood-barrier"]
    assert barrier["value"] is None and barrier["status"] == "maybe"  # housing never given
    assert all(r["status"] != "eligible" or r["window"]["closes"] is None or r["window"]["closes"] >= "2026-12-07"
               for r in results.values())  # fmt: skip


def test_eligibility_text_output_and_default_date(loaded, naesone, tmp_path) -> None:
    profile = write_json(tmp_path / "p.json", {"age": 70, "lives_in_junggu": True})
    run = naesone("eligibility", "--profile", profile)
    assert run.code == 0, run.err
    assert "[maybe] 경로식당 무료 점심 급식 (native:junggu-senior-lunch)" in run.out


def test_eligibility_empty_profile_is_all_maybe_or_eligible(loaded, naesone, tmp_path) -> None:
    run = naesone("eligibility", "--profile", write_json(tmp_path / "p.json", {}), "--as-of", "2026-01-01",
                  "--json")  # fmt: skip
    statuses = {r["status"] for r in json.loads(run.out)["results"]}
    assert "ineligible" not in statuses  # an unknown is never a no


# -- bad input: exit 1, one line on stderr, database unchanged ----------------------------------------


def test_malformed_profile_json(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    bad = tmp_path / "bad.json"
    bad.write_text('{"age": 70,,}', "utf-8")
    line = one_line_error(naesone("eligibility", "--profile", str(bad), "--json"))
    assert str(bad) in line and "not valid JSON" in line and "line 1" in line
    assert fingerprint(loaded) == before


def test_profile_with_bad_key(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    line = one_line_error(naesone("eligibility", "--profile", write_json(tmp_path / "p.json",
                                                                          {"age": 70, "incme": 3})))  # fmt: skip
    assert "'incme'" in line and "unknown key" in line
    line = one_line_error(naesone("eligibility", "--profile", write_json(tmp_path / "q.json",
                                                                          {"household_size": "two"})))  # fmt: skip
    assert "'household_size'" in line
    assert fingerprint(loaded) == before


def test_missing_profile_file_and_bad_as_of(loaded, naesone, tmp_path) -> None:
    line = one_line_error(naesone("eligibility", "--profile", str(tmp_path / "none.json")))
    assert "no such file" in line
    profile = write_json(tmp_path / "p.json", {})
    line = one_line_error(naesone("eligibility", "--profile", profile, "--as-of", "2026-02-30"))
    assert "--as-of" in line


def test_gov24_file_that_is_not_json(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    lists = write_pages(tmp_path / "new", "serviceList", service_rows(), 4)
    broken = tmp_path / "new" / "supportConditions.json"
    broken.write_text("<html>502 Bad Gateway</html>", "utf-8")
    line = one_line_error(naesone("catalog", "import-gov24", "--service-list", *lists,
                                  "--support-conditions", str(broken)))  # fmt: skip
    assert str(broken) in line and "not valid JSON" in line
    assert fingerprint(loaded) == before


def test_gov24_row_with_bad_age(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    services = service_rows()
    services[0]["서비스명"] = "would be an update"
    services.append({**services[1], "서비스ID": "611000000999"})  # would be new
    conditions = condition_rows()
    conditions[6]["JA0110"] = "sixty-five"  # row 7 → page 2, row 2 with 5 rows per page
    lists = write_pages(tmp_path / "new", "serviceList", services, 4)
    conds = write_pages(tmp_path / "new", "supportConditions", conditions, 5)
    line = one_line_error(naesone("catalog", "import-gov24", "--service-list", *lists,
                                  "--support-conditions", *conds))  # fmt: skip
    assert "supportConditions_p2.json: row 2 (000000000777)" in line
    assert "JA0110" in line and "sixty-five" in line
    assert fingerprint(loaded) == before


def test_gov24_envelope_without_data(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    lists = write_json(tmp_path / "l.json", {"page": 1, "perPage": 10, "totalCount": 0})
    conds = write_pages(tmp_path / "new", "supportConditions", condition_rows(), 5)
    line = one_line_error(naesone("catalog", "import-gov24", "--service-list", lists,
                                  "--support-conditions", *conds))  # fmt: skip
    assert "l.json" in line and '"data"' in line
    assert fingerprint(loaded) == before


def test_malformed_yaml_directory(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    directory = tmp_path / "programs"
    directory.mkdir()
    (directory / "a-good.yaml").write_text(GOOD_YAML, "utf-8")
    (directory / "b-bad.yaml").write_text(GOOD_YAML.replace("id: cli-test-programme", "id: other-one")
                                          .replace("age: {min: 65}", "age: {min: 65"), "utf-8")  # fmt: skip
    line = one_line_error(naesone("catalog", "load-native", "--dir", str(directory)))
    assert "b-bad.yaml" in line and "not valid YAML" in line
    assert fingerprint(loaded) == before


def test_yaml_with_bad_rule(loaded, naesone, tmp_path) -> None:
    before = fingerprint(loaded)
    directory = tmp_path / "programs"
    shutil.copytree(PROGRAMS_DIR, directory)
    (directory / "zz-bad.yaml").write_text(GOOD_YAML.replace("age: {min: 65}", "age: {min: sixty}"), "utf-8")
    line = one_line_error(naesone("catalog", "load-native", "--dir", str(directory)))
    assert "zz-bad.yaml: rules[0].age.min" in line
    assert fingerprint(loaded) == before


def test_commands_need_the_schema(db_url, monkeypatch, naesone, tmp_path) -> None:
    monkeypatch.setenv("NAESONE_DATABASE_URL", db_url)
    line = one_line_error(naesone(*import_args(tmp_path)))
    assert "naesone db upgrade" in line
    line = one_line_error(naesone("eligibility", "--profile", write_json(tmp_path / "p.json", {})))
    assert "naesone db upgrade" in line


def test_import_needs_files_or_api(database, naesone, tmp_path) -> None:
    line = one_line_error(naesone("catalog", "import-gov24"))
    assert "--service-list" in line
    lists = write_json(tmp_path / "l.json", [])
    line = one_line_error(naesone("catalog", "import-gov24", "--from-api", "--service-list", lists))
    assert "--from-api cannot be combined" in line


def test_from_api_without_a_key(database, naesone, monkeypatch) -> None:
    monkeypatch.delenv("NAESONE_GOV24_SERVICE_KEY", raising=False)
    line = one_line_error(naesone("catalog", "import-gov24", "--from-api"))
    assert "NAESONE_GOV24_SERVICE_KEY" in line
