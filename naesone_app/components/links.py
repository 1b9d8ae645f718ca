"""Routes in the reader's locale: Korean at /…, English at /en/…."""

from __future__ import annotations


def localized(path: str, locale: str) -> str:
    """The route of `path` (a Korean route such as /check) in `locale`."""
    if locale == "ko":
        return path
    return f"/{locale}" if path == "/" else f"/{locale}{path}"
