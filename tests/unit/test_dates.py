"""Calendar arithmetic as Korean law counts it: 만 나이, 29 February, months of residence."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naesone_app.core.dates import add_months, age_on, anniversary, months_between, parse_iso_date


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1961, 11, 25), date(2026, 11, 25), 65),  # the birthday itself counts
        (date(1961, 11, 25), date(2026, 11, 24), 64),
        (date(1961, 11, 25), date(2026, 12, 31), 65),
        (date(2000, 1, 1), date(2000, 1, 1), 0),
        (date(2000, 2, 29), date(2024, 2, 29), 24),  # leap year: on the day
        (date(2000, 2, 29), date(2024, 2, 28), 23),
        (date(2000, 2, 29), date(2025, 2, 28), 24),  # common year: not yet on 28 Feb
        (date(2000, 2, 29), date(2025, 3, 1), 25),  # ... but on 1 March
        (date(1960, 2, 29), date(2025, 3, 1), 65),
        (date(1960, 2, 29), date(2025, 2, 28), 64),
    ],
)
def test_age_on(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_anniversary_of_29_february() -> None:
    assert anniversary(date(2000, 2, 29), 25) == date(2025, 3, 1)
    assert anniversary(date(2000, 2, 29), 24) == date(2024, 2, 29)
    assert anniversary(date(1962, 3, 2), 65) == date(2027, 3, 2)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 3, 1)),
        (date(2024, 1, 31), 1, date(2024, 3, 1)),
        (date(2024, 1, 29), 1, date(2024, 2, 29)),
        (date(2026, 9, 15), 6, date(2027, 3, 15)),
        (date(2026, 11, 30), 3, date(2027, 3, 1)),
        (date(2026, 3, 31), -1, date(2026, 3, 1)),
        (date(2026, 5, 10), 0, date(2026, 5, 10)),
    ],
)
def test_add_months_rolls_a_missing_day_to_the_next_first(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "on", "months"),
    [
        (date(2025, 11, 1), date(2026, 5, 1), 6),
        (date(2025, 11, 1), date(2026, 4, 30), 5),
        (date(2026, 1, 31), date(2026, 3, 1), 1),
        (date(2026, 1, 31), date(2026, 2, 28), 0),
        (date(2026, 5, 1), date(2026, 5, 1), 0),
        (date(2026, 5, 10), date(2026, 3, 10), -2),
        (date(2026, 5, 10), date(2026, 3, 11), -1),
    ],
)
def test_months_between(start: date, on: date, months: int) -> None:
    assert months_between(start, on) == months


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(0, 1200))
def test_months_between_inverts_add_months(start: date, months: int) -> None:
    target = add_months(start, months)
    assert months_between(start, target) == months
    if target > start:
        before = date.fromordinal(target.toordinal() - 1)
        assert months_between(start, before) == months - 1


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(0, 120))
def test_age_changes_exactly_on_anniversary(birth: date, years: int) -> None:
    on = anniversary(birth, years)
    assert age_on(birth, on) == years
    if years > 0:
        assert age_on(birth, date.fromordinal(on.toordinal() - 1)) == years - 1


def test_parse_iso_date() -> None:
    assert parse_iso_date("2027-03-02") == date(2027, 3, 2)
    for bad in ("2027-02-30", "27-3-2", "", "2027/03/02"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            parse_iso_date(bad)


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(0, 120))
def test_years_and_twelve_months_agree(birth: date, years: int) -> None:
    """A child born 29 February ages out of "up to 만 5세" on the day they turn 6, by either count."""
    assert add_months(birth, 12 * years) == anniversary(birth, years)
