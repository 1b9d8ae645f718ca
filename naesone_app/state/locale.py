"""The reader's locale, taken from the route: /en/... is English, everything else Korean."""

from __future__ import annotations

from naesone_app.core.i18n import DEFAULT_LOCALE, LOCALES


def locale_of_path(path: str) -> str:
    """`en` for /en and /en/..., else the default (Korean)."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in LOCALES and first != DEFAULT_LOCALE else DEFAULT_LOCALE
