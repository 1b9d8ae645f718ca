"""The apply form as a reader sees it: a dong is chosen from the 15 행정동, named in the reader's language."""

from __future__ import annotations

from pathlib import Path

from naesone_app.core.application_forms import form_of, prefill, validate_draft
from naesone_app.core.catalog.native import load_catalog
from naesone_app.state.application_views import answer_rows, field_views

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"
LUNCH = form_of(next(p for p, _ in load_catalog(PROGRAMS) if p.source_id == "junggu-senior-lunch").extra)


def test_an_english_form_shows_the_english_dong_and_keeps_the_korean_value() -> None:
    answers = prefill(LUNCH, {"dong": "신당동"})
    assert answers["dong"] == "신당동"  # what the office files under
    (dong,) = [f for f in field_views(LUNCH, answers, answers, {}, "en") if f.name == "dong"]
    assert dong.kind == "choice" and dong.value == "신당동"
    assert len(dong.choices) == 15
    assert {c.value: c.label for c in dong.choices}["신당동"] == "Sindang-dong"
    (korean,) = [f for f in field_views(LUNCH, answers, answers, {}, "ko") if f.name == "dong"]
    assert {c.value: c.label for c in korean.choices}["신당동"] == "신당동"
    rows = {row.label: row.value for row in answer_rows(LUNCH, answers, "en")}
    assert "Sindang-dong" in rows.values()


def test_a_dong_outside_jung_gu_is_refused_by_name() -> None:
    assert validate_draft(LUNCH, {"dong": "역삼1동"})["dong"].msgid == "목록에서 동을 골라 주세요."
    assert "dong" not in validate_draft(LUNCH, {"dong": "회현동"})
