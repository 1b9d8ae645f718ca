"""기준 중위소득 tables: which year applies, household sizes beyond the table."""

from __future__ import annotations

from datetime import date

import pytest

from naesone_app.core.income import income_percent_of_median, median_income_table, median_income_tables


def test_tables_2025_and_2026_are_published() -> None:
    years = [t.year for t in median_income_tables()]
    assert years[:2] == [2025, 2026]
    assert years == sorted(years)


@pytest.mark.parametrize(
    ("on", "year"),
    [
        (date(2025, 1, 1), 2025),
        (date(2025, 12, 31), 2025),
        (date(2026, 1, 1), 2026),
        (date(2026, 11, 25), 2026),
        (date(2024, 6, 1), 2025),  # before any table: the earliest
    ],
)
def test_table_in_force(on: date, year: int) -> None:
    assert median_income_table(on).year == year


def test_table_values_from_the_notice() -> None:
    t2025, t2026 = median_income_table(date(2025, 6, 1)), median_income_table(date(2026, 6, 1))
    assert t2025.for_household(1) == 2392013
    assert t2025.for_household(4) == 6097773
    assert t2026.for_household(1) == 2564238
    assert t2026.for_household(4) == 6494738


@pytest.mark.parametrize("year_on", [date(2025, 6, 1), date(2026, 6, 1)])
def test_beyond_seven_adds_the_seven_minus_six_step(year_on: date) -> None:
    table = median_income_table(year_on)
    step = table.for_household(7) - table.for_household(6)
    assert step > 0
    assert table.for_household(8) == table.for_household(7) + step
    assert table.for_household(12) == table.for_household(7) + 5 * step


def test_household_of_zero_is_rejected() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        median_income_table(date(2026, 1, 1)).for_household(0)


def test_percent() -> None:
    assert income_percent_of_median(1282119, 1, date(2026, 2, 1)) == pytest.approx(50.0, abs=1e-4)
    assert income_percent_of_median(0, 3, date(2026, 2, 1)) == 0.0
    assert income_percent_of_median(9515150 * 2, 7, date(2026, 2, 1)) == pytest.approx(200.0)
