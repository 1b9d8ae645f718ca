"""Programme texts as a resident reads them: the government's bullet marks made readable.

Gov24 writes its texts with "○" heading bullets, "- " sub-items and Windows line ends
("○ 지원대상 : …\r\n  - 유아 및 보호자 …"). Shown raw, the hollow circle reads like an unticked box (the
application checklist uses ○ for "not yet"). The stored text stays as the source sent it; the pages show
it through `readable`.
"""

from __future__ import annotations

import re

_HEADING_MARKS = "○◦●◎□■▪▶►❍"
_SUB_MARKS = "-–·ㆍ*"
_HEADING = re.compile(rf"^\s*[{_HEADING_MARKS}]\s*")
_SUB = re.compile(rf"^\s*[{re.escape(_SUB_MARKS)}]\s+")


def readable(text: str) -> str:
    """One line per item: "• " for a heading bullet, "  – " for a sub-item, blank lines collapsed."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _HEADING.match(raw):
            line = "• " + _HEADING.sub("", raw).rstrip()
        elif _SUB.match(raw):
            line = "  – " + _SUB.sub("", raw).rstrip()
        else:
            line = raw.strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")
