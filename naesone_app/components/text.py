"""Translated text with live values: "{n}개" where n is a state var, in the reader's word order."""

from __future__ import annotations

import re

import reflex as rx

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def interpolate(template: str, **values: rx.Var | str | int) -> rx.Component:
    """A span with the translated `template`'s placeholders filled by vars (kept reactive)."""
    parts: list[rx.Var | str | int] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            parts.append(template[position : match.start()])
        parts.append(values[match.group(1)])
        position = match.end()
    if position < len(template):
        parts.append(template[position:])
    return rx.el.span(*parts)
