"""Ids from a browser are taken only as whole numbers a database row can have."""

from __future__ import annotations

import pytest

from naesone_app.state.ids import MAX_ID, address_id, sent_id, url_id


@pytest.mark.parametrize("good", [1, 42, 999_999_999, MAX_ID])
def test_a_row_id_is_taken(good: int) -> None:
    assert sent_id(good) == good


@pytest.mark.parametrize("good", [1, 42, 999_999_999])
def test_an_id_in_the_address_is_taken(good: int) -> None:
    assert url_id(str(good)) == good


@pytest.mark.parametrize("bad", [0, -1, MAX_ID + 1, True, False, None, 1.0, "7", "1; drop", [1], {"id": 1}])
def test_anything_else_sent_to_a_handler_is_not_an_id(bad: object) -> None:
    assert sent_id(bad) is None


@pytest.mark.parametrize("bad", ["", "0", "-1", "1 OR 1=1", "²", "9999999999", "2147483648", 7, None])
def test_anything_else_in_the_address_is_not_an_id(bad: object) -> None:
    assert url_id(bad) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("id=native%3Ajunggu-toy-library", "native:junggu-toy-library"),
        ("x=1&id=12", "12"),
        ("id=a&id=b", "a"),  # the first, as the browser's URLSearchParams reads it
        ("id=a+b", "a b"),
        ("id=", ""),
        ("", ""),
        ("other=1", ""),
    ],
)
def test_the_id_of_the_address_is_read_as_the_browser_reads_it(query: str, expected: str) -> None:
    assert address_id(query) == expected


def test_an_address_that_is_no_text_has_no_id() -> None:
    assert address_id(None) == ""  # type: ignore[arg-type]
