"""Controls shared by the questionnaire and the results page."""

from __future__ import annotations

import reflex as rx

from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.state.screening import ScreeningState


def restart_button(locale: str) -> rx.Component:
    """Forget this tab's answers and start the questionnaire again."""
    _ = gettext_for(locale)
    return rx.el.button(
        _("처음부터 다시"),
        type="button",
        class_name="button",
        on_click=[ScreeningState.restart, rx.redirect(routes.CHECK.href(locale))],
        id="restart",
    )
