"""A page's record and the address it was loaded for travel together (the /program race).

A tab keeps one server state across navigations: after /program?id=A the state holds A, and the page
for B may render before B's load answers. The state therefore records the `?id=` each load answered
for (`shown_id`) with the record, and the page (components.pwa.record_for_url) shows the record only
while the browser's address names that id; the browser side is tested in tests/e2e/test_offline_edges.py.
"""

from __future__ import annotations

import importlib
from urllib.parse import urlencode

import pytest
from reflex.istate.data import RouterData
from reflex.state import State

from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.program import ProgramState

TOY_LIBRARY = "native:junggu-toy-library"
SENIOR_LUNCH = "native:junggu-senior-lunch"


@pytest.fixture
def catalogue(database, naesone):
    assert naesone("catalog", "load-native").code == 0
    CATALOG.invalidate()
    yield
    CATALOG.invalidate()


def _navigate(page: ProgramState, path: str, query: str) -> None:
    """What the browser's next event carries: the new address, in the same tab's state."""
    page.parent_state.router = RouterData.from_router_data(
        {"pathname": path, "asPath": f"{path}?{query}", "query": {}, "headers": {}}
    )


def _program_page() -> ProgramState:
    return State().get_substate(ProgramState.get_full_name().split(".")[1:])


async def test_each_load_records_the_address_it_answered_for(catalogue) -> None:
    page = _program_page()
    _navigate(page, "/en/program", urlencode({"id": TOY_LIBRARY}))
    await ProgramState.open_program.fn(page)
    assert (page.shown_id, page.view.key, page.view.title) == (
        TOY_LIBRARY,
        TOY_LIBRARY,
        "Jung-gu Toy Library",
    )

    # before B's load has answered, the state still holds A: it says so (shown_id is A, not B)
    _navigate(page, "/en/program", urlencode({"id": SENIOR_LUNCH}))
    assert page.shown_id == TOY_LIBRARY
    await ProgramState.open_program.fn(page)
    assert (page.shown_id, page.view.key) == (SENIOR_LUNCH, SENIOR_LUNCH)
    assert page.view.title == "Free lunch at senior community cafeterias"


async def test_an_unknown_programme_is_answered_for_its_own_address(catalogue) -> None:
    page = _program_page()
    _navigate(page, "/program", urlencode({"id": TOY_LIBRARY}))
    await ProgramState.open_program.fn(page)
    _navigate(page, "/program", urlencode({"id": "native:no-such-programme"}))
    await ProgramState.open_program.fn(page)
    assert (page.shown_id, page.found, page.loaded, page.view.key) == (
        "native:no-such-programme",
        False,
        True,
        "",
    )


async def test_the_first_id_of_the_address_is_the_one_loaded_and_recorded(catalogue) -> None:
    """The browser reads the first `id` of `?id=A&id=B`; the page must load that one, not the last."""
    page = _program_page()
    _navigate(page, "/program", f"id={TOY_LIBRARY}&id={SENIOR_LUNCH}")
    await ProgramState.open_program.fn(page)
    assert (page.shown_id, page.view.key) == (TOY_LIBRARY, TOY_LIBRARY)


@pytest.mark.parametrize(
    ("state", "handler", "path", "record_id"),
    [
        ("naesone_app.state.course.CourseState", "open_course", "/course", "NO-SUCH-COURSE"),
        ("naesone_app.state.apply.ApplyState", "open_apply", "/apply", SENIOR_LUNCH),
        ("naesone_app.state.applications.ApplicationState", "open_application", "/application", "12"),
        (
            "naesone_app.state.staff_applications.StaffApplicationState",
            "open_review",
            "/staff/application",
            "12",
        ),
        (
            "naesone_app.state.staff_classes.StaffCourseState",
            "open_roster",
            "/staff/course",
            "NO-SUCH-COURSE",
        ),
    ],
)
async def test_every_record_page_records_the_address_it_answered_for(
    catalogue, state: str, handler: str, path: str, record_id: str
) -> None:
    """Signed in or not, found or not: the answer says which address it is for, so no page shows it
    under another (the pages share components.pwa.record_for_url)."""
    module, name = state.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    page = State().get_substate(cls.get_full_name().split(".")[1:])
    page.parent_state.router = RouterData.from_router_data(
        {"pathname": path, "asPath": f"{path}?{urlencode({'id': record_id})}", "query": {}, "headers": {}}
    )
    await getattr(cls, handler).fn(page)
    assert page.shown_id == record_id
