"""The staff case page in the officer's words: checklist states, what is missing, verdict rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from naesone_app.core.application_forms import checklist, form_of
from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.criteria import AgeRange, ResidenceMonths
from naesone_app.core.decision import record_of
from naesone_app.core.program import Program, ProgramText
from naesone_app.state.decision_views import missing_labels, staff_documents, verdict_rows, verdict_summary

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"
LUNCH = form_of(next(p for p, _ in load_catalog(PROGRAMS) if p.source_id == "junggu-senior-lunch").extra)
AS_OF = date(2026, 11, 25)


def test_staff_read_their_own_words_for_each_document_and_what_is_missing() -> None:
    nothing = checklist(LUNCH)
    lines = {d.key: (d.how_text, d.missing) for d in staff_documents(nothing, "ko")}
    assert lines["id_card"] == ("없음 (미제출)", True)
    assert lines["resident_copy"] == ("없음 (미제출)", True)
    assert lines["livelihood_certificate"] == ("행정정보 공동이용으로 확인", False)
    assert missing_labels(nothing, "ko") == ["신분증 사본", "주민등록표등본"]
    provided = checklist(LUNCH, frozenset({"id_card"}), frozenset({"resident_registration_copy"}))
    lines = {d.key: d.how_text for d in staff_documents(provided, "ko")}
    assert (lines["id_card"], lines["resident_copy"]) == ("제출됨 (파일)", "서류 확인됨 (마이데이터)")
    assert missing_labels(provided, "en") == []
    english = {d.key: d.how_text for d in staff_documents(provided, "en")}
    assert english["id_card"] == "Submitted (file)"
    assert all("파일로 올려도" not in d.how_text for d in staff_documents(nothing, "ko"))


def test_verdict_rows_mark_only_a_moved_criterion_and_show_both_sides() -> None:
    program = Program("native", "p", {"ko": ProgramText(title="t")}, (AgeRange(65, None), ResidenceMonths(6)))
    then = record_of(program, {"age": 70, "lives_in_junggu": True, "moved_in_on": "2020-01-01"}, AS_OF)
    now = record_of(program, {"age": 70, "lives_in_junggu": False}, AS_OF)
    rows = verdict_rows(then, now, "ko")
    assert [(r.key, r.then_label, r.now_label, r.changed) for r in rows] == [
        ("age", "충족", "충족", False), ("residence", "충족", "미충족", True)]  # fmt: skip
    summary = verdict_summary(then, now, "en")
    assert (summary.then_label, summary.now_label, summary.changed) == ("Eligible", "Not eligible", True)
    old = verdict_rows(None, now, "ko")  # submitted before verdicts were kept: nothing marked as changed
    assert [(r.then_label, r.changed) for r in old] == [("", False), ("", False)]
