"""Best-effort reading of a published application window from free text (Gov24 신청기한 and the like).

The raw text is always kept and shown; a parsed window only adds dates the feed can sort and remind by.
"""

from __future__ import annotations

import re
from datetime import date

_FULL = r"(?P<y1>20\d{2})\s*[.\-/년]\s*(?P<m1>\d{1,2})\s*[.\-/월]\s*(?P<d1>\d{1,2})"
_END = r"(?:(?P<y2>20\d{2})\s*[.\-/년]\s*)?(?P<m2>\d{1,2})\s*[.\-/월]\s*(?P<d2>\d{1,2})"
_RANGE = re.compile(_FULL + r"[^~～]*?[~～]\s*" + _END)
_SINGLE = re.compile(_FULL)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_window(text: str) -> tuple[date | None, date | None]:
    """(opens, closes) from text such as "2025.6.11.(수) 10:00 ~ 6. 24.(화)18:00"; Nones if unreadable.

    A single date is read as the closing date ("2026. 3. 31.까지").
    """
    if not text:
        return None, None
    match = _RANGE.search(text)
    if match:
        y1 = int(match["y1"])
        opens = _safe(y1, int(match["m1"]), int(match["d1"]))
        y2 = int(match["y2"]) if match["y2"] else y1
        closes = _safe(y2, int(match["m2"]), int(match["d2"]))
        if opens and closes and closes < opens and not match["y2"]:
            closes = _safe(y1 + 1, closes.month, closes.day)  # "2025.12.1 ~ 1.31" crosses the year
        if opens and closes and opens <= closes:
            return opens, closes
        return None, None
    single = _SINGLE.search(text)
    if single and "까지" in text[single.end() : single.end() + 8]:
        return None, _safe(int(single["y1"]), int(single["m1"]), int(single["d1"]))
    return None, None
