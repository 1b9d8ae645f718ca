"""Timing, figures and the budget verdict shared by every benchmark.

A benchmark prints figures; it never fails a test. `Figure.verdict` compares the median (or the total,
for a one-shot budget) with the budget in DESIGN.md and says PASS or OVER.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

SEED = 2026


@dataclass(frozen=True)
class Figure:
    """One measured line: median and p95 in milliseconds over n samples, against an optional budget."""

    name: str
    n: int
    median_ms: float
    p95_ms: float
    budget_ms: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.budget_ms is None:
            return "info"
        return "PASS" if self.median_ms < self.budget_ms else "OVER"

    def line(self) -> str:
        budget = f"< {self.budget_ms:g} ms" if self.budget_ms is not None else "—"
        return (
            f"  {self.name}: median {fmt_ms(self.median_ms)}, p95 {fmt_ms(self.p95_ms)}, "
            f"n={self.n}; budget {budget} → {self.verdict}"
        )


def fmt_ms(ms: float) -> str:
    if ms < 1:
        return f"{ms * 1000:.1f} µs"
    return f"{ms:.2f} ms" if ms < 100 else f"{ms:.0f} ms"


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between closest ranks."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def figure(name: str, samples_ms: list[float], budget_ms: float | None = None, note: str = "") -> Figure:
    return Figure(
        name, len(samples_ms), statistics.median(samples_ms), percentile(samples_ms, 95), budget_ms, note
    )


def time_each(
    items: Iterable[Any], work: Callable[[Any], object], rounds: int = 1, collect: bool = True
) -> list[float]:
    """Milliseconds of `work(item)` for every item, `rounds` times over (garbage collected before each round)."""
    items = list(items)
    samples = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        if collect:
            gc.collect()
        for item in items:
            start = clock()
            work(item)
            samples.append((clock() - start) / 1e6)
    return samples


def time_calls(work: Callable[[], object], rounds: int) -> list[float]:
    """Milliseconds of `work()`, `rounds` times (garbage collected before each)."""
    samples = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter_ns()
        work()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return samples


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


def table(figures: list[Figure]) -> str:
    """The compact summary table printed at the end of a run."""
    rows = [("benchmark", "n", "median", "p95", "budget", "")]
    for f in figures:
        budget = f"< {f.budget_ms:g} ms" if f.budget_ms is not None else "—"
        rows.append((f.name, str(f.n), fmt_ms(f.median_ms), fmt_ms(f.p95_ms), budget, f.verdict))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for i, row in enumerate(rows):
        cells = [_pad(c, w, right=0 < j < 5) for j, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: Hangul and other wide characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space
