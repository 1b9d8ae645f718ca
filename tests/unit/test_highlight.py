"""The words that found a result, marked in its title."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from naesone_app.core.highlight import highlight


def test_each_occurrence_of_a_found_word_is_marked() -> None:
    assert highlight("경로식당 무료 점심 급식", ["점심", "경로식당"]) == [
        ("경로식당", True),
        (" 무료 ", False),
        ("점심", True),
        (" 급식", False),
    ]


def test_case_is_ignored_and_overlapping_words_merge_into_one_mark() -> None:
    assert highlight("Rent support for Young people", ["rent", "young", "you"]) == [
        ("Rent", True),
        (" support for ", False),
        ("Young", True),
        (" people", False),
    ]
    assert highlight("청년월세지원", ["청년월세", "월세지원"]) == [("청년월세지원", True)]


def test_a_latin_word_is_marked_only_where_a_word_starts_a_korean_one_anywhere() -> None:
    assert highlight("Young parents renting", ["rent"]) == [
        ("Young parents ", False),
        ("rent", True),
        ("ing", False),
    ]
    assert highlight("서울 어르신께", ["어르신"]) == [("서울 ", False), ("어르신", True), ("께", False)]
    assert highlight("청년월세", ["월세"]) == [("청년", False), ("월세", True)]


def test_nothing_to_mark_gives_the_text_whole_and_an_empty_text_nothing() -> None:
    assert highlight("기초연금", []) == [("기초연금", False)]
    assert highlight("기초연금", ["", " "]) == [("기초연금", False)]
    assert highlight("", ["기초"]) == []


@given(st.text(max_size=60), st.lists(st.text(max_size=5), max_size=6))
def test_the_pieces_always_join_back_into_the_text(text: str, words: list[str]) -> None:
    pieces = highlight(text, words)
    assert "".join(piece for piece, _ in pieces) == text
    assert all(piece for piece, _ in pieces)
    assert all(a[1] != b[1] for a, b in pairwise(pieces))
