"""기준 중위소득 tables (dated parameters) and income as a percentage of the median."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

_TABLE_FILE = Path(__file__).parent / "parameters" / "median_income.yaml"


@dataclass(frozen=True, slots=True)
class MedianIncomeTable:
    """One year's 기준 중위소득, monthly won by household size, with its legal source."""

    year: int
    effective_from: date
    source: str
    monthly_krw: dict[int, int]

    def for_household(self, size: int) -> int:
        """Median for `size` persons; beyond the table, add (largest − second largest) per person."""
        if size < 1:
            raise ValueError(f"household size must be at least 1, got {size}")
        largest = max(self.monthly_krw)
        if size <= largest:
            return self.monthly_krw[size]
        step = self.monthly_krw[largest] - self.monthly_krw[largest - 1]
        return self.monthly_krw[largest] + step * (size - largest)


@cache
def median_income_tables() -> tuple[MedianIncomeTable, ...]:
    """Every published table, oldest first."""
    rows = yaml.safe_load(_TABLE_FILE.read_text(encoding="utf-8"))
    tables = [
        MedianIncomeTable(
            year=int(r["year"]),
            effective_from=r["effective_from"],
            source=str(r["source"]),
            monthly_krw={int(k): int(v) for k, v in r["monthly_krw"].items()},
        )
        for r in rows
    ]
    return tuple(sorted(tables, key=lambda t: t.year))


def median_income_table(on: date) -> MedianIncomeTable:
    """The table in force on `on`: that year's, else the latest earlier one (else the earliest)."""
    tables = median_income_tables()
    earlier = [t for t in tables if t.effective_from <= on]
    return earlier[-1] if earlier else tables[0]


def income_percent_of_median(monthly_income_krw: int, household_size: int, on: date) -> float:
    """Household income as % of the 기준 중위소득 for its size, in the year of `on`."""
    median = median_income_table(on).for_household(household_size)
    return round(monthly_income_krw * 100 / median, 6)
