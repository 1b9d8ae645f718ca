"""`make bench`: every benchmark, its figures against the DESIGN.md budgets, and a summary table.

    .venv/bin/python -m benchmarks.run [--only gov24 native fanout facilities] [--strict]

Exit status is 0 whatever the figures say (a budget is reported, not asserted); `--strict` exits 1
when a budget is over.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

from benchmarks import (
    bench_classes,
    bench_facilities,
    bench_fanout,
    bench_gov24,
    bench_lighthouse,
    bench_native,
    bench_search,
)
from benchmarks.common import Figure, table

BENCHMARKS = {
    "gov24": bench_gov24.run,
    "native": bench_native.run,
    "fanout": bench_fanout.run,
    "facilities": bench_facilities.run,
    "lighthouse": bench_lighthouse.run,
    "classes": bench_classes.run,
    "search": bench_search.run,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), help="run only these benchmarks")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is over")
    args = parser.parse_args(argv)
    print(
        f"benchmarks on Python {platform.python_version()}, {os.cpu_count()} CPU(s), "
        f"{platform.machine()} — seeded (2026), figures in milliseconds"
    )
    start = time.perf_counter()
    figures: list[Figure] = []
    for name in args.only or BENCHMARKS:
        figures += BENCHMARKS[name]()
    print(f"\n== summary ({time.perf_counter() - start:.1f} s)\n")
    print(table(figures))
    over = [f.name for f in figures if f.verdict == "OVER"]
    if over:
        print(f"\nover budget: {', '.join(over)}")
    return 1 if over and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
