"""axe-core finds no serious or critical violation on any page, in Korean and in English."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.e2e.conftest import ServedApp, screenshot, wait_hydrated

PAGES = {
    "home": "/",
    "questionnaire": "/check",
    "results": "/results",
    "program": "/program?id=native:junggu-senior-lunch",
    "browse": "/programs?category=어르신",
    "classes": "/classes",
    "course": "/course?id=sample-2027Q1-1114052000-2",
}


@pytest.mark.parametrize("locale", ["ko", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(page: Page, app: ServedApp, name: str, locale: str) -> None:
    prefix = "" if locale == "ko" else "/en"
    path = PAGES[name]
    page.goto(f"{app.url}{prefix}{path if path != '/' or not prefix else ''}")
    wait_hydrated(page)
    if name == "program":
        page.locator("#program-title").wait_for()
    if name == "course":
        page.locator("#course-title").wait_for()
    screenshot(page, f"{locale}-{name}")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("name", list(PAGES))
def test_fits_a_360px_phone_at_200_percent_text(page: Page, app: ServedApp, name: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{app.url}{PAGES[name]}")
    wait_hydrated(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if name in ("home", "questionnaire"):
        screenshot(page, f"ko-{name}-360px-200pct")
    assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at 360px and 200% text"


# --- signed-in pages (applications, issue 6) ------------------------------------------------------------

SIGNED_IN_PAGES = {
    "apply": ("resident", "/apply?id=native:junggu-senior-lunch"),
    "applications": ("resident", "/applications"),
    "application": ("resident", "/application?id={id}"),
    "staff-applications": ("staff", "/staff/applications"),
    "staff-application": ("staff", "/staff/application?id={id}"),
    "account": ("resident", "/account"),
}


@pytest.fixture(scope="module")
def signed_in(app: ServedApp) -> dict:
    """A resident with a submitted application (asked for more documents, with an imported 등본), a second
    imported document and a withdrawn MyData consent, and staff of the application's department."""
    import uuid
    from datetime import timedelta

    from naesone_app.db.application_access import _seal_json
    from naesone_app.db.application_models import ApplicationEvidence, EvidenceDocument
    from naesone_app.db.applications import application_form, submit, transition
    from naesone_app.db.engine import transaction
    from naesone_app.db.evidence import record_evidence_consent, withdraw_evidence_consent
    from naesone_app.integrations.mydata_standin import SAMPLE_COPY
    from tests.e2e.conftest import db_account

    tag = uuid.uuid4().hex[:8]
    profile = {
        "birth_date": "1950-01-02",
        "lives_in_junggu": True,
        "dong": "회현동",
        "livelihood": "recipient",
    }
    resident_id, resident = db_account(
        app.db_url, f"axe{tag}@example.com", "Sindang-Spring-2026", profile=profile
    )
    staff_id, staff = db_account(app.db_url, f"axe-staff{tag}@junggu.example", "Sindang-Spring-2026",
                                 role="staff", department="어르신복지과")  # fmt: skip
    with transaction(app.db_url) as session:
        form = application_form(session, "native:junggu-senior-lunch")
        answers = {
            "birth_date": "1950-01-02",
            "dong": "회현동",
            "phone": "010-1234-5678",
            "meal": "cafeteria",
        }
        application = submit(session, resident_id, "native:junggu-senior-lunch", form, answers, f"axe-{tag}")
        transition(session, staff_id, application.id, "more_documents", "신분증 사본을 올려 주세요.")
        application_id = application.id
        kinds = [SAMPLE_COPY["kind"]]
        consent = record_evidence_consent(session, resident_id, "mydata-standin", kinds, "신청서 작성 증빙")
        old = record_evidence_consent(
            session, resident_id, "mydata-standin", kinds, "예전 신청", timedelta(days=1)
        )
        withdraw_evidence_consent(session, resident_id, old.id)
        documents = [EvidenceDocument(account_id=resident_id, consent_id=consent.id, kind=kinds[0],
                                      content_sealed=_seal_json(SAMPLE_COPY)) for _ in range(2)]  # fmt: skip
        session.add_all(documents)
        session.flush()
        session.add(ApplicationEvidence(application_id=application_id, document_id=documents[0].id))
    return {"resident": resident, "staff": staff, "id": application_id}


@pytest.mark.parametrize("locale", ["ko", "en"])
@pytest.mark.parametrize("name", list(SIGNED_IN_PAGES))
def test_signed_in_pages_have_no_serious_accessibility_violation(
    browser, app: ServedApp, signed_in: dict, name: str, locale: str
) -> None:
    from tests.e2e.conftest import signed_in_context

    who, path = SIGNED_IN_PAGES[name]
    context = signed_in_context(
        browser, app.url, signed_in[who], locale="ko-KR" if locale == "ko" else "en-US"
    )
    page = context.new_page()
    prefix = "" if locale == "ko" else "/en"
    page.goto(f"{app.url}{prefix}{path.format(id=signed_in['id'])}")
    wait_hydrated(page)
    page.locator("main h1").first.wait_for()
    page.wait_for_timeout(300)
    screenshot(page, f"{locale}-{name}")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    if locale == "ko" and who == "resident":
        page.set_viewport_size({"width": 360, "height": 740})
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        page.wait_for_timeout(200)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        screenshot(page, f"ko-{name}-360px-200pct")
        wide = page.evaluate(
            "() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right >"
            " window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}#${e.id}.${e.className}`)"
        )
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at 360px and 200% text: {wide}"
    context.close()
    assert not serious, "\n".join(serious)
