"""What the search page is sent, from an answer: results by kind, addresses in the reader's locale, the
question as the browser sent it, bounded."""

from __future__ import annotations

from naesone_app.core.search.answer import Result, SearchAnswer
from naesone_app.state.search import MAX_QUESTION, clean_question, grouped, in_locale


def _result(id_: str, kind: str, title: str = "제목", matched: tuple[str, ...] = ()) -> Result:
    return Result(id_, kind, kind, title, "", 1.0, "", "", f"/x?id={id_}", matched)


def test_results_are_grouped_by_kind_in_a_fixed_order_keeping_the_answers_order_within() -> None:
    answer = SearchAnswer("q", "ko", (), 0.2, (
        _result("help:signup", "help"), _result("facility:1", "facility"), _result("course:2", "course"),
        _result("facility:3", "facility"), _result("partner:9", "partner_offer"), _result("course:1", "course"),
    ), False)  # fmt: skip
    groups = grouped(answer, "ko")
    assert [g.kind for g in groups] == ["course", "partner_offer", "facility", "help"]
    assert [r.id for r in groups[0].results] == ["course:2", "course:1"]
    assert [r.id for r in groups[2].results] == ["facility:1", "facility:3"]


def test_a_result_of_a_kind_the_page_does_not_know_yet_is_still_shown_after_the_others() -> None:
    answer = SearchAnswer("q", "ko", (), 0.2, (_result("event:1", "event"), _result("help:a", "help")), False)
    assert [g.kind for g in grouped(answer, "ko")] == ["help", "event"]


def test_the_found_words_are_marked_in_the_title() -> None:
    [group] = grouped(SearchAnswer("q", "ko", (), 0.2, (_result("course:1", "course", "중구 요가 교실", ("요가",)),),
                                   False), "ko")  # fmt: skip
    assert [(p.text, p.marked) for p in group.results[0].title] == [
        ("중구 ", False),
        ("요가", True),
        (" 교실", False),
    ]


def test_addresses_follow_the_readers_locale_and_only_app_paths_are_kept() -> None:
    assert in_locale("/program?id=native:a", "ko") == "/program?id=native:a"
    assert in_locale("/program?id=native:a", "en") == "/en/program?id=native:a"
    assert in_locale("https://evil.example", "en") == ""
    assert in_locale("//evil.example/x", "ko") == ""
    assert in_locale("javascript:alert(1)", "ko") == ""


def test_a_question_is_text_of_bounded_length_whatever_the_browser_sends() -> None:
    assert clean_question("혼자 사는 할머니 점심") == "혼자 사는 할머니 점심"
    assert clean_question("가" * 10_000) == "가" * (MAX_QUESTION + 1)  # long enough for the answer to say so
    assert clean_question(["a"]) == "" and clean_question(None) == "" and clean_question(5) == ""
    assert (
        clean_question("\u1112\u1161\u11ab") == "한"
    )  # decomposed Hangul (as some keyboards send it) composed
