"""Every page of the site added to the app: each route in each of its locales, and the 404 page."""

from __future__ import annotations

import reflex as rx

from naesone_app.core.i18n import N_, gettext_for
from naesone_app.pages import (  # noqa: F401 — importing a page module registers its pages
    account,
    applications,
    apply,
    auth,
    browse,
    campaign,
    classes,
    course,
    feed,
    home,
    not_found,
    notices,
    offline,
    program,
    questionnaire,
    results,
    safety,
    search,
    staff,
    staff_admin,
    staff_applications,
    staff_campaigns,
    staff_classes,
    staff_queue,
)
from naesone_app.pages.page import PAGES
from naesone_app.pages.routes import localized
from naesone_app.state.session import SessionState

DESCRIPTION = N_("중구 주민을 위한 맞춤 혜택 안내")


def register(app: rx.App) -> None:
    """Add every page in every locale it has, and the page for addresses that are none of them."""
    app.add_page(
        not_found.not_found,
        route="404",
        title=not_found.title(),
        description=gettext_for("ko")(DESCRIPTION),
        on_load=[SessionState.load_session],
    )
    for page in PAGES:
        for locale in page.locales:
            _ = gettext_for(locale)
            app.add_page(
                page.component(locale),
                route=localized(page.route.path, locale),
                title=_(page.route.title),
                description=_(DESCRIPTION),
                on_load=[SessionState.load_session, *page.on_load],
            )
