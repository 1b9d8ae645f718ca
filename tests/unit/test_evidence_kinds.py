"""core/evidence_kinds: each of the seven documents beside the 등본 proves its facts, and each malformed
field is refused with its name."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from naesone_app.core.application_forms import EVIDENCE_KINDS
from naesone_app.core.evidence import (
    FACT_MAPPERS,
    EvidenceFormatError,
    document_statements,
    facts_from_document,
    merge_facts,
)
from naesone_app.core.evidence_kinds import kind_named, premium_indication
from naesone_app.core.profile import parse_profile
from naesone_app.integrations.mydata_standin import (
    SAMPLE_ABSTRACT,
    SAMPLE_DISABILITY,
    SAMPLE_EMPLOYMENT,
    SAMPLE_FAMILY,
    SAMPLE_HEALTH_INSURANCE,
    SAMPLE_LIVELIHOOD,
    SAMPLE_PREMIUMS,
    SAMPLES,
)

BORN = "1959-04-02"


def test_every_kind_has_a_mapper_and_every_sample_proves_valid_profile_facts() -> None:
    assert set(FACT_MAPPERS) == set(EVIDENCE_KINDS)
    assert {d["kind"] for d in SAMPLES} == set(EVIDENCE_KINDS)
    for doc in SAMPLES:
        facts = facts_from_document(doc)
        assert facts["birth_date"] == BORN  # the same sample resident in every document
        parse_profile(facts)  # every fact is in the profile contract


def test_the_abstract_proves_the_current_dong_and_the_move_into_jung_gu() -> None:
    assert facts_from_document(SAMPLE_ABSTRACT) == {
        "birth_date": BORN, "lives_in_junggu": True, "dong": "신당동", "moved_in_on": "2025-11-01"}  # fmt: skip
    within = copy.deepcopy(SAMPLE_ABSTRACT)  # a move between two 동 of Jung-gu does not restart it
    within["address_history"][0].update(admin_dong_code="1114062500", address="서울 중구 다산동 (예시)")
    assert facts_from_document(within)["moved_in_on"] == "2010-05-10"
    away = copy.deepcopy(SAMPLE_ABSTRACT)
    away["address_history"][0]["moved_out_on"] = None
    away["address_history"][1]["moved_out_on"] = "2026-01-31"
    assert facts_from_document(away) == {"birth_date": BORN, "lives_in_junggu": False}


def test_family_livelihood_disability_insurance_and_employment_facts() -> None:
    assert facts_from_document(SAMPLE_FAMILY)["children"] == [
        {"birth_date": "1986-07-15"}, {"birth_date": "2015-03-01"}]  # fmt: skip
    assert facts_from_document(SAMPLE_LIVELIHOOD)["livelihood"] == "near_poor"
    assert facts_from_document(SAMPLE_DISABILITY)["situations"] == ["disabled"]
    assert "situations" not in facts_from_document(SAMPLE_HEALTH_INSURANCE)  # 지역가입자 now
    employee = copy.deepcopy(SAMPLE_HEALTH_INSURANCE)
    employee["history"][1]["type"] = "직장가입자"
    assert facts_from_document(employee)["situations"] == ["employed"]
    assert facts_from_document(SAMPLE_EMPLOYMENT)["situations"] == ["job_seeker"]
    working = copy.deepcopy(SAMPLE_EMPLOYMENT)
    working["history"][0]["lost_on"] = None
    assert facts_from_document(working)["situations"] == ["employed"]
    assert "situations" not in facts_from_document({**SAMPLE_EMPLOYMENT, "history": []})


def test_the_premium_is_an_indication_and_never_an_income() -> None:
    facts = facts_from_document(SAMPLE_PREMIUMS)
    assert facts == {"birth_date": BORN}
    assert not {"income_percent_of_median", "monthly_income_krw"} & set(facts)
    indication = premium_indication(SAMPLE_PREMIUMS)
    assert (indication.insured_type, indication.months, indication.monthly_average_krw) == (
        "지역가입자",
        3,
        42000,
    )
    statements, _ = document_statements(SAMPLE_PREMIUMS)
    assert ("premium_monthly_average", "₩42,000") in [(s.key, s.value) for s in statements]


BAD_FIELDS: list[tuple[dict[str, Any], str, Any, str]] = [
    (SAMPLE_ABSTRACT, "holder", None, "holder"),
    (SAMPLE_ABSTRACT, "holder", {"name": "김*순", "birth_date": "1959-13-01"}, "holder.birth_date"),
    (SAMPLE_ABSTRACT, "address_history", [], "address_history"),
    (SAMPLE_ABSTRACT, "address_history", [{"address": "x", "moved_in_on": "2020-01-01",
                                           "moved_out_on": "2021-01-01"}], "address_history"),
    (SAMPLE_ABSTRACT, "address_history", [{"address": "x", "moved_in_on": "어제"}],
     "address_history[0].moved_in_on"),
    (SAMPLE_ABSTRACT, "address_history", [{"moved_in_on": "2020-01-01"}], "address_history[0].address"),
    (SAMPLE_ABSTRACT, "address_history", [{"address": "x", "moved_in_on": "2020-01-01",
                                           "moved_out_on": "2019-01-01"}, {"address": "y", "moved_in_on":
                                           "2020-01-01", "admin_dong": "신당동"}],
     "address_history[0].moved_out_on"),
    (SAMPLE_FAMILY, "family", "자녀 한 명", "family"),
    (SAMPLE_FAMILY, "family", [{"relation": "자녀", "birth_date": "2015-02-30"}], "family[0].birth_date"),
    (SAMPLE_FAMILY, "family", [{"relation": "", "birth_date": "2015-02-01"}], "family[0].relation"),
    (SAMPLE_LIVELIHOOD, "certificate", "poor", "certificate"),
    (SAMPLE_LIVELIHOOD, "since", None, "since"),
    (SAMPLE_LIVELIHOOD, "benefits", "생계급여", "benefits"),
    (SAMPLE_DISABILITY, "disability", "지체", "disability"),
    (SAMPLE_DISABILITY, "disability", {"type": "지체장애", "severity": "1급"}, "disability.severity"),
    (SAMPLE_DISABILITY, "disability", {"severity": "심한 장애"}, "disability.type"),
    (SAMPLE_DISABILITY, "registered_on", "2018", "registered_on"),
    (SAMPLE_HEALTH_INSURANCE, "history", [], "history"),
    (SAMPLE_HEALTH_INSURANCE, "history", [{"type": "직장", "acquired_on": "2020-01-01"}], "history[0].type"),
    (SAMPLE_HEALTH_INSURANCE, "history", [{"type": "직장가입자", "acquired_on": "x"}], "history[0].acquired_on"),
    (SAMPLE_HEALTH_INSURANCE, "history", [{"type": "직장가입자", "acquired_on": "2020-01-01",
                                           "lost_on": "2019-01-01"}], "history[0].lost_on"),
    (SAMPLE_PREMIUMS, "insured_type", "피부양자", "insured_type"),
    (SAMPLE_PREMIUMS, "payments", [], "payments"),
    (SAMPLE_PREMIUMS, "payments", [{"month": "2026-13", "premium_krw": 1}], "payments[0].month"),
    (SAMPLE_PREMIUMS, "payments", [{"month": "2026-10", "premium_krw": "41200"}], "payments[0].premium_krw"),
    (SAMPLE_PREMIUMS, "payments", [{"month": "2026-10", "premium_krw": 1}, {"month": "2026-10",
                                   "premium_krw": 1}], "payments[1].month"),
    (SAMPLE_EMPLOYMENT, "history", None, "history"),
    (SAMPLE_EMPLOYMENT, "history", [{"acquired_on": "2020-01-01"}], "history[0].workplace"),
    (SAMPLE_EMPLOYMENT, "history", [{"workplace": "x", "acquired_on": "2020-01-01", "lost_on": "2020"}],
     "history[0].lost_on"),
]  # fmt: skip


@pytest.mark.parametrize("sample, key, value, named", BAD_FIELDS)
def test_a_malformed_field_is_refused_naming_it(sample: dict, key: str, value: Any, named: str) -> None:
    broken = {**sample, key: value}
    with pytest.raises(EvidenceFormatError) as refused:
        facts_from_document(broken)
    assert str(refused.value).startswith(named + ":")


@pytest.mark.parametrize("sample", SAMPLES[1:])
def test_another_kind_in_the_document_is_refused(sample: dict) -> None:
    mapper = FACT_MAPPERS[sample["kind"]]
    with pytest.raises(EvidenceFormatError, match=r"^kind:"):
        mapper({**sample, "kind": "resident_registration_copy"})


def test_a_proved_situation_is_added_to_the_residents_and_other_facts_replace() -> None:
    profile = {"age": 70, "situations": ["veteran"], "livelihood": "none"}
    merged = merge_facts(profile, {"birth_date": BORN, "situations": ["disabled"], "livelihood": "near_poor"})
    assert merged == {"birth_date": BORN, "situations": ["veteran", "disabled"], "livelihood": "near_poor"}
    assert merge_facts({}, {"situations": ["employed"]}) == {}  # unanswered stays unknown, not "only this"
    assert merge_facts({"situations": []}, {"situations": ["employed"]}) == {"situations": ["employed"]}
    assert merge_facts({"situations": ["employed"]}, {"situations": ["employed"]})["situations"] == [
        "employed"
    ]


def test_programme_document_names_map_to_kinds() -> None:
    assert kind_named("주민등록등본") == "resident_registration_copy"
    assert kind_named("가족관계증명서 (필요 시)") == "family_relation_certificate"
    assert kind_named("건강보험료 납부확인서") == "health_insurance_payment"
    assert kind_named("장애인 등록 확인 서류") == "disability_certificate"
    assert kind_named("신분증") is None and kind_named("소득 증빙 서류") is None


def test_a_resident_who_imports_the_documents_is_asked_fewer_questions() -> None:
    from datetime import date

    from naesone_app.core.catalog.rules import parse_rules
    from naesone_app.core.profile import facts_on
    from naesone_app.core.program import Program, ProgramText
    from naesone_app.core.questionnaire import askable
    from naesone_app.core.screening import compile_catalog

    rules = [
        [{"age": {"min": 65}}, {"lives_in_junggu": True}],
        [{"livelihood": ["recipient", "near_poor"]}],
        [{"children": {"max_age_months": 240}}],
        [{"lives_in_junggu": True}, {"residence_months": 6}],
        [{"situations": ["disabled"]}],
        [{"situations": ["job_seeker"]}],
    ]
    catalog = compile_catalog(
        [
            Program("native", f"p{i}", {"ko": ProgramText(title=f"p{i}")}, parse_rules(r))
            for i, r in enumerate(rules)
        ]
    )
    today = date(2026, 11, 25)
    profile: dict = {"situations": []}  # she said "none of these" before she had the certificates
    before = askable(catalog, facts_on(parse_profile(profile), today))
    for doc in SAMPLES:
        profile = merge_facts(profile, facts_from_document(doc))
    after = askable(catalog, facts_on(parse_profile(profile), today))
    assert {"birth_date", "residence", "livelihood", "children", "moved_in_on"} & set(before)
    assert after == [] and len(after) < len(before)
    assert profile["situations"] == ["disabled", "job_seeker"] and profile["livelihood"] == "near_poor"
