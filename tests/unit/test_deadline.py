"""Best-effort reading of published application windows (Gov24 신청기한)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naesone_app.core.deadline import parse_window


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("2025.6.11.(수) 10:00 ~ 6. 24.(화)18:00", (date(2025, 6, 11), date(2025, 6, 24))),
        ("2026-03-02 ~ 2026-03-31", (date(2026, 3, 2), date(2026, 3, 31))),
        ("2026년 3월 2일 ~ 2026년 4월 1일", (date(2026, 3, 2), date(2026, 4, 1))),
        ("2025.12.1 ~ 1.31", (date(2025, 12, 1), date(2026, 1, 31))),  # crosses the year
        ("2026.3.2～3.31", (date(2026, 3, 2), date(2026, 3, 31))),  # full-width tilde
        ("2026. 3. 31.까지", (None, date(2026, 3, 31))),
        ("상시신청", (None, None)),
        ("접수기관 별 상이", (None, None)),
        ("", (None, None)),
        ("2026.3.2 시작", (None, None)),  # a single date without 까지 is not a deadline
        ("2026.2.30 ~ 3.31", (None, None)),  # impossible opening date
        ("2026.5.1 ~ 2025.4.1", (None, None)),  # closes before it opens, explicit year
    ],
)
def test_parse_window(text: str, window: tuple) -> None:
    assert parse_window(text) == window


@given(st.text(max_size=60))
def test_never_raises_and_windows_are_ordered(text: str) -> None:
    opens, closes = parse_window(text)
    if opens is not None:
        assert closes is not None and opens <= closes


@given(st.dates(date(2000, 1, 1), date(2098, 12, 31)), st.integers(0, 300))
def test_reads_back_any_formatted_window(opens: date, days: int) -> None:
    closes = date.fromordinal(opens.toordinal() + days)
    text = f"{opens.year}.{opens.month}.{opens.day}. ~ {closes.year}.{closes.month}.{closes.day}."
    assert parse_window(text) == (opens, closes)
