"""Ids from a browser are taken only as whole numbers a database row can have."""

from __future__ import annotations

import pytest

from naesone_app.state.ids import MAX_ID, sent_id, url_id


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
