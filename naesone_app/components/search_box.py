"""The search field: in the header of every page, and on /search to change the question.

A real <form role="search"> with a label. Suggestions come from the server while typing (debounced, the
field itself is never controlled by the server, so typing is never held up) into a native <datalist>:
the browser's own list is keyboard-usable (↓/↑, Enter) and announced by screen readers, with no
hand-made combobox to get wrong.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.core.i18n import gettext_for
from naesone_app.state.search import SuggestState

DEBOUNCE_MS = 250


def search_box(locale: str, *, field_id: str = "site-search", default: rx.Var | str = "",
               landmark: str = "", wide: bool = False) -> rx.Component:  # fmt: skip
    """The form; `landmark` names it among the page's search landmarks, `default` fills the field."""
    _ = gettext_for(locale)
    suggestions_id = f"{field_id}-suggestions"
    return rx.el.form(
        rx.el.label(
            _("무엇이 필요하세요? 내 말로 찾기"),
            html_for=field_id,
            class_name="search-label" if wide else "visually-hidden",
        ),
        rx.el.div(
            rx.el.input(
                type="search",
                id=field_id,
                name="q",
                list=suggestions_id,
                placeholder=_("예: 혼자 사는 할머니 점심"),
                auto_complete="off",
                enter_key_hint="search",
                default_value=default,
                # a question changed by the page (a new /search) refills the field: a new key remounts it
                **({"key": default} if isinstance(default, rx.Var) else {}),
                on_change=SuggestState.suggest_for.debounce(DEBOUNCE_MS),
            ),
            rx.el.datalist(
                rx.foreach(SuggestState.suggestions, lambda text: rx.el.option(value=text)),
                id=suggestions_id,
            ),
            rx.el.button(
                rx.icon("search", aria_hidden="true", class_name="search-icon", size=20),
                rx.el.span(_("검색"), class_name="search-word"),
                type="submit",
                class_name="search-button",
            ),
            class_name="search-row",
        ),
        role="search",
        aria_label=landmark or _("사이트 검색"),
        on_submit=SuggestState.go,
        class_name="search-box wide" if wide else "search-box",
        id=f"{field_id}-form",
    )
