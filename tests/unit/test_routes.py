"""Routes give their own addresses: no page or component writes a path, and every href leads back to its route."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import reflex as rx

from naesone_app.core.i18n import LOCALES
from naesone_app.pages import routes

APP = Path(__file__).resolve().parents[2] / "naesone_app"
ROUTE_PATHS = {route.path for route in routes.ROUTES}


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of docstring nodes: prose may name an address, a link may not."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _is_route_path(text: str) -> bool:
    """A string that names one of the app's pages: "/program", "/program?id=", "/en/check".

    A bare "/" is everywhere (f"/{name}", startswith("/")), so it counts only as an href (see below)."""
    path = text.split("?", 1)[0]
    if path.startswith("/en/") or path == "/en":
        path = path[3:] or "/"
    return path in ROUTE_PATHS and path != "/"


def _href_values(tree: ast.AST) -> set[int]:
    """The ids of string literals given as `href=` or `to=`: there even "/" is a written link to 홈."""
    return {
        id(keyword.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg in ("href", "to") and isinstance(keyword.value, ast.Constant)
    }


def written_paths(folder: Path) -> list[str]:
    """Every string literal in `folder` that is a page's path (outside docstrings and the routes module)."""
    found = []
    for source in sorted(folder.rglob("*.py")):
        if source == APP / "pages" / "routes.py":
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        prose, links = _docstrings(tree), _href_values(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in prose:
                continue
            if _is_route_path(node.value) or (id(node) in links and node.value.startswith("/")):
                found.append((source.relative_to(folder.parent), node.lineno, node.value))
    return [f"{where}:{line}: {text!r}" for where, line, text in sorted(found)]


@pytest.mark.parametrize("folder", ["pages", "components"])
def test_no_page_or_component_writes_a_path(folder: str) -> None:
    assert written_paths(APP / folder) == [], "ask the route for its href (routes.X.href(locale, …))"


def test_the_scan_finds_a_written_path(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.py").write_text(
        '"""Links to /program."""\nlink = rx.el.a(href="/program?id=" + key)\nshelters = "/en/safety"\nasset = "/offline_page.js"\nhome = rx.el.a(href="/")\n'
    )
    assert written_paths(folder) == [
        "pages/page.py:2: '/program?id='",
        "pages/page.py:3: '/en/safety'",
        "pages/page.py:5: '/'",
    ]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("route", routes.ROUTES, ids=lambda route: route.path)
def test_every_href_leads_back_to_its_route(route: routes.Route, locale: str) -> None:
    assert routes.resolve(route.href(locale)) == (route, locale, {})
    assert routes.resolve(route.href(locale, id="12", next="/classes")) == (
        route,
        locale,
        {"id": "12", "next": "/classes"},
    )


def test_english_addresses_carry_the_prefix_and_korean_ones_none() -> None:
    assert routes.HOME.href("ko") == "/" and routes.HOME.href("en") == "/en"
    assert routes.PROGRAM.href("en", id="native:youth") == "/en/program?id=native:youth"
    assert routes.LOGIN.href("ko", next=routes.CLASSES.href("ko")) == "/login?next=/classes"


def test_a_var_in_the_query_gives_the_same_address_as_writing_it_out() -> None:
    key = rx.Var("key").to(str)
    number = rx.Var("number").to(int)
    assert str(routes.PROGRAM.href("en", id=key)) == str("/en/program?id=" + key)
    assert str(routes.APPLICATION.href("ko", id=number)) == str("/application?id=" + number.to_string())


def test_an_unknown_locale_or_a_path_with_a_query_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported locale 'fr'"):
        routes.PROGRAM.href("fr")
    with pytest.raises(ValueError, match="without a query"):
        routes.Route("/program?id=1", "title")
    assert routes.resolve("/nowhere") is None


def test_every_route_has_exactly_one_page() -> None:
    import naesone_app.pages.site  # noqa: F401 — registers every page
    from naesone_app.pages.page import PAGES

    assert sorted(page.route.path for page in PAGES) == sorted(ROUTE_PATHS)
