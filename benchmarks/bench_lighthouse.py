"""Lighthouse (npm, against Debian's Chromium, mobile profile) on the home and results pages.

Prints the category scores (accessibility 100 is the bar) and first contentful paint under
Lighthouse's mobile throttling (4× CPU slowdown, 150 ms RTT / 1.6 Mbps — DevTools' "fast 3G"),
against the DESIGN.md budget of 2 s. Lighthouse is installed from the npm registry into
benchmarks/.lighthouse on first use; the app is served from a private build directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from benchmarks.common import Figure
from benchmarks.server import served_app

ROOT = Path(__file__).resolve().parent.parent
TOOL_DIR = ROOT / "benchmarks" / ".lighthouse"
CLI = TOOL_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("NAESONE_CHROMIUM", "/usr/bin/chromium")
PAGES = {"home": "/", "results": "/results"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _install() -> None:
    if CLI.exists():
        return
    TOOL_DIR.mkdir(parents=True, exist_ok=True)
    npm = shutil.which("npm", path=str(ROOT / ".venv" / "bin")) or "npm"
    subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(TOOL_DIR), "lighthouse@12"],
                   check=True, capture_output=True)  # fmt: skip


def _lighthouse(url: str, *extra: str) -> dict:
    node = shutil.which("node", path=str(ROOT / ".venv" / "bin")) or "node"
    flags = (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"
    )
    result = subprocess.run(
        [node, str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}", *extra],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return json.loads(result.stdout)


def _scores(report: dict) -> dict[str, int]:
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def _failing_accessibility(report: dict) -> list[str]:
    ids = {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]}
    return [a["id"] for a in report["audits"].values() if a["id"] in ids and a.get("score") not in (None, 1)]


def run() -> list[Figure]:
    print("\n== Lighthouse (mobile profile) on home and results")
    if not Path(CHROMIUM).exists():
        print(f"  skipped: no Chromium at {CHROMIUM}")
        return []
    _install()
    figures = []
    with served_app() as url:
        for name, path in PAGES.items():
            report = _lighthouse(url + path)  # Lighthouse's default: simulated mobile throttling
            scores = _scores(report)
            bar = "PASS" if scores["accessibility"] == 100 else "BELOW THE BAR"
            print(
                f"  {name}: "
                + ", ".join(f"{c} {s}" for c, s in scores.items())
                + f" (accessibility 100: {bar})"
            )
            if _failing_accessibility(report):
                print(f"    accessibility audits not passed: {', '.join(_failing_accessibility(report))}")
            simulated = report["audits"]["first-contentful-paint"]["numericValue"]
            # the budget: a real page load with the browser throttled (4x CPU, fast 3G)
            throttled = _lighthouse(url + path, "--throttling-method=devtools")["audits"]["metrics"]
            fcp = throttled["details"]["items"][0]["firstContentfulPaint"]
            for figure in (
                Figure(f"lighthouse {name}: FCP, throttled 4x CPU + fast 3G", 1, fcp, fcp, 2000),
                Figure(f"lighthouse {name}: FCP, simulated (Lantern)", 1, simulated, simulated),
            ):
                print(figure.line())
                figures.append(figure)
    return figures
