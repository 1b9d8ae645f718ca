"""Record ids that come from a browser: a handler's argument or the page's address.

Every public handler can be called by any browser with any value, so an id is taken only when it is a
whole number a database row can have (PostgreSQL `integer`); whose row it is stays for the handler to ask.
"""

from __future__ import annotations

from urllib.parse import parse_qs

MAX_ID = 2**31 - 1


def sent_id(raw: object) -> int | None:
    """The id a handler was sent (a number, never a bool or text), else None."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None
    return raw if 0 < raw <= MAX_ID else None


def url_id(raw: object) -> int | None:
    """The id in the page's address (`?id=12`, at most 9 digits), else None.

    isdecimal, not isdigit: "²" is a digit that int() refuses, and would stop the page from opening."""
    text = raw if isinstance(raw, str) else ""
    return sent_id(int(text)) if text.isdecimal() and len(text) < 10 else None


def address_id(query: str) -> str:
    """The `?id=` of the page's address (its raw query string) as the browser reads it, '' when absent.

    The first `id` wins, as in the browser's URLSearchParams (the server's own parsing keeps the last).
    A page state keeps it as `shown_id` beside the record it loaded for it, so the page shows that
    record only while the address bar still names it (components.pwa.record_for_url)."""
    values = parse_qs(query if isinstance(query, str) else "", keep_blank_values=True).get("id", [""])
    return values[0]
