"""core/evidence: a consent's state at a moment, and what a document states, as the issuer wrote it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from naesone_app.core.evidence import Member, Statement, consent_status, document_statements
from naesone_app.integrations.mydata_standin import SAMPLE_COPY

NOW = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)


def test_a_consent_is_active_until_it_expires_and_withdrawal_wins() -> None:
    assert consent_status(NOW + timedelta(seconds=1), None, NOW) == "active"
    assert consent_status(NOW, None, NOW) == "expired"  # the expiry moment itself allows nothing
    assert consent_status(NOW - timedelta(days=1), NOW - timedelta(days=2), NOW) == "withdrawn"
    assert consent_status(NOW + timedelta(days=9), NOW, NOW) == "withdrawn"


def test_the_sample_copy_states_issuer_dates_address_and_members() -> None:
    statements, members = document_statements(SAMPLE_COPY)
    assert statements == [
        Statement("issuer", "서울특별시 중구 신당동장 (예시)"),
        Statement("issued_on", "2026-11-20"),
        Statement("address", "서울특별시 중구 다산로 000, 000호 (예시)"),
        Statement("moved_in_on", "2025-11-01"),
    ]
    assert members[1] == Member("자녀", "이*민", "2015-03-01", "male")


def test_fields_this_app_does_not_know_are_shown_not_dropped() -> None:
    doc = {"kind": "health_insurance_qualification", "issued_on": "2026-11-01",
           "insured_type": "지역가입자", "periods": [{"from": "2020-01-01", "to": None}], "sample": True}  # fmt: skip
    statements, members = document_statements(doc)
    assert statements == [
        Statement("issued_on", "2026-11-01"),
        Statement("insured_type", "지역가입자"),
        Statement("periods", "from: 2020-01-01, to: "),
    ]
    assert members == []
    assert document_statements("not a document") == ([], [])  # type: ignore[arg-type]
