"""Keep personal data and secrets out of the logs, whoever writes them (Reflex logs whole events).

A failing event makes Reflex log the event with its router data (the session cookie, the tab token)
and its payload (which may hold a password or a profile). Every log record is scrubbed as it is made.
"""

from __future__ import annotations

import logging
import re

_SECRETS = (
    (re.compile(r"""(['"]?cookie['"]?\s*[:=]\s*)(['"]).*?\2""", re.I), r"\1\2<redacted>\2"),
    (
        re.compile(r"""(['"]?(?:token|sid|password\d?|handoff)['"]?\s*[:=]\s*)(['"]).*?\2""", re.I),
        r"\1\2<redacted>\2",
    ),
    (re.compile(r"(token=)[\w-]+", re.I), r"\1<redacted>"),
    (re.compile(r"(naesone_session=)[^;\s'\"]+"), r"\1<redacted>"),
)
_PAYLOAD = re.compile(r"""(payload=|['"]payload['"]\s*:\s*)\{""")


def _blank_payloads(text: str) -> str:
    """Replace every event payload (a balanced {...}) with {<redacted>}: it may hold a profile."""
    out, position = [], 0
    for match in _PAYLOAD.finditer(text):
        if match.start() < position:
            continue
        depth, end = 0, len(text)
        for index in range(match.end() - 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0:
                end = index + 1
                break
        out.append(text[position : match.start()] + match.group(1) + "{<redacted>}")
        position = end
    return "".join(out) + text[position:]


def scrub(text: str) -> str:
    """The text with cookies, tokens, passwords and event payloads blanked."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return _blank_payloads(text)


def install() -> None:
    """Scrub every log record from now on (idempotent)."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "_naesone_scrubbing", False):
        return

    def scrubbing_factory(*args, **kwargs) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error path
            return record
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return record

    scrubbing_factory._naesone_scrubbing = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(scrubbing_factory)
