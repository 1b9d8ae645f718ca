"""The page decorator: one function per page, registered for every locale with the site's frame.

    @page(routes.PROGRAM, on_load=ProgramState.open_program, query=lambda: {"id": ProgramState.view.key})
    def program(locale: str, _: Gettext) -> rx.Component: ...

The function gets the locale and its `_` and returns the page's content; the decorator wraps it in
`page_shell` (skip link, header, language switch, footer), names the compiled component per locale and
records it in PAGES, from which pages/site.py adds every page to the app. `query` names the Vars the
page's address carries, so the language switch keeps them (/program?id=… ↔ /en/program?id=…).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import reflex as rx

from naesone_app.components.layout import page_shell
from naesone_app.core.i18n import LOCALES, gettext_for
from naesone_app.pages.routes import QueryValue, Route

Gettext = Callable[[str], str]
Content = rx.Component | Sequence[rx.Component]
Body = Callable[[str, Gettext], Content]
Loader = Callable | tuple[Callable, ...] | None


@dataclass(frozen=True)
class Page:
    """A route with what builds it, what runs when it opens and the locales it exists in."""

    route: Route
    body: Body
    on_load: tuple[Callable, ...]
    locales: tuple[str, ...]
    query: Callable[[], dict[str, QueryValue]] | None

    def component(self, locale: str) -> Callable[[], rx.Component]:
        """The page in `locale`, named per locale (Reflex tells the prerendered pages apart by name)."""
        _ = gettext_for(locale)
        other = "en" if locale == "ko" else "ko"

        def render() -> rx.Component:
            content = self.body(locale, _)
            children = (content,) if isinstance(content, rx.Component) else tuple(content)
            other_href = self.route.href(other, **self.query()) if self.query is not None else None
            return page_shell(locale, self.route, *children, other_href=other_href)

        render.__name__ = f"{self.body.__name__}_{locale}"
        return render


PAGES: list[Page] = []


def page(route: Route, *, on_load: Loader = None, query: Callable[[], dict[str, QueryValue]] | None = None,
         locales: tuple[str, ...] = LOCALES) -> Callable[[Body], Body]:  # fmt: skip
    """Register the decorated body as `route`'s page; several loaders run in the order given."""
    if any(known.route == route for known in PAGES):
        raise ValueError(f"{route.path} has a page already")
    unknown = set(locales) - set(LOCALES)
    if unknown:
        raise ValueError(f"unsupported locales {sorted(unknown)} for {route.path}")
    loaders = () if on_load is None else on_load if isinstance(on_load, tuple) else (on_load,)

    def register(body: Body) -> Body:
        PAGES.append(Page(route, body, loaders, tuple(locales), query))
        return body

    return register
