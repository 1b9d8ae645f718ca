"""The results page as the 34-year-old mother in 신당동 reads it on a phone, in Korean and in English;
an empty results page; criteria on the programme page in words; English that reads as English."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from naesone_app.core.catalog.merge import resident_catalogue
from naesone_app.core.dates import seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.db.catalog import load_programs
from naesone_app.db.engine import engine_for
from tests.e2e.conftest import ServedApp, db_account, screenshot, signed_in_context, wait_hydrated

SCREEN = 844  # a phone's height at 390 × 844
MOTHER = {
    "birth_date": "1992-05-10", "sex": "female", "lives_in_junggu": True, "dong": "신당동",
    "moved_in_on": "2026-11-01", "household_size": 3, "children": [{"birth_date": "2025-10-01"}],
    "monthly_income_krw": 3_500_000, "livelihood": "none",
}  # fmt: skip
SETTLED = ["birth_date", "sex", "residence", "moved_in_on", "income", "children", "livelihood"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGINE_LEFTOVERS = re.compile(r"\[(충족|미충족|확인 필요)\]|\(대상:|아직 모름|✗ 미충족 다음")


def _statuses(app: ServedApp, profile: dict) -> dict[str, list[str]]:
    with Session(engine_for(app.db_url)) as session:
        programs = resident_catalogue(load_programs(session))
    facts = facts_on(parse_profile(profile), seoul_today())
    found: dict[str, list[str]] = {}
    for program in programs:
        found.setdefault(evaluate(program, facts).status, []).append(program.text("ko").title)
    return found


def _as_the_mother(page: Page, app: ServedApp, prefix: str = "") -> None:
    """Her answers in this tab, as the questionnaire leaves them, then her results."""
    page.goto(f"{app.url}{prefix}/")
    wait_hydrated(page)
    saved = json.dumps({"profile": MOTHER, "settled": SETTLED, "fresh": False}, ensure_ascii=False)
    page.evaluate("(saved) => sessionStorage.setItem('naesone_answers', saved)", saved)
    page.goto(f"{app.url}{prefix}/results")
    wait_hydrated(page)
    expect(page.locator("#results-summary")).to_be_visible(timeout=20_000)


def _bottom(page: Page, selector: str) -> float:
    return page.locator(selector).evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")


def test_the_mothers_results_fit_a_phone_summary_first_order_by_what_matters(
    page: Page, app: ServedApp
) -> None:
    expected = _statuses(app, MOTHER)
    _as_the_mother(page, app)
    summary = page.locator("#results-summary")
    expect(summary).to_contain_text(f"받을 수 있는 혜택 {len(expected['eligible'])}개")
    expect(summary).to_contain_text(f"확인이 더 필요한 혜택 {len(expected.get('maybe', []))}개")
    expect(summary).to_contain_text(f"지금은 어려운 혜택 {len(expected.get('ineligible', []))}개")

    titles = page.locator("#results-eligible article h3").all_inner_texts()
    assert sorted(titles) == sorted(expected["eligible"])
    assert titles[0] == "부모급여"  # her stage of life (영유아), and the most a year
    infants = [i for i, t in enumerate(titles) if t in ("부모급여", "아동수당", "중구 장난감도서관")]
    others = [
        i
        for i, t in enumerate(titles)
        if t in ("충무아트센터 중구민 관람 할인", "손목닥터9988 (서울 건강관리 앱)")
    ]
    assert max(infants) < min(others), titles
    first = page.locator("#results-eligible article").first
    expect(first.locator(".why")).to_contain_text("해당해요")

    # the summary and the first five programmes fit in three screens
    assert _bottom(page, "#results-eligible article:nth-child(5)") <= 3 * SCREEN
    # the not-eligible are behind a count, and the whole page is under eight screens
    ineligible = page.locator("#results-ineligible article")
    assert ineligible.count() == len(expected["ineligible"])
    expect(ineligible.first).to_be_hidden()
    height = page.evaluate("() => document.documentElement.scrollHeight")
    screenshot(page, "ko-results-mother")
    assert height < 8 * SCREEN, f"the results page is {height / SCREEN:.1f} screens long"
    page.locator("#results-ineligible summary").click()
    expect(ineligible.first).to_be_visible()
    expect(ineligible.first.locator(".why")).not_to_be_empty()

    # filters: only those that would show something are offered; the in-app one shows exactly the
    # programmes whose form is in the app, then everything again
    for chip in page.locator("#results-filters .chip-count").all():
        assert int(chip.inner_text()) > 0
    in_app = page.locator("#filter-in_app")
    count = int(in_app.locator(".chip-count").inner_text())
    in_app.click()
    expect(in_app).to_have_attribute("aria-pressed", "true")
    shown = page.locator("#results-eligible article, #results-maybe article, #results-closed article")
    expect(shown).to_have_count(count)
    for card in shown.all():
        expect(card.locator(".badge-in-app")).to_have_text("앱에서 신청")
    page.locator("#filter-all").click()
    expect(page.locator("#results-eligible article")).to_have_count(len(expected["eligible"]))

    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    screenshot(page, "ko-results-mother-200pct")


def test_the_mothers_results_in_english_read_as_english(page: Page, app: ServedApp) -> None:
    _as_the_mother(page, app, "/en")
    expect(page.locator("#results-summary")).to_contain_text("programmes you can get")
    expect(page.locator("#results-summary")).not_to_contain_text("개")
    for card in page.locator("#results-eligible article, #results-maybe article").all():
        why = card.locator(".why").inner_text()
        assert not HANGUL.search(why), why
        if HANGUL.search(card.locator("h3").inner_text()):  # a Gov24 programme: its texts are Korean only
            expect(card.locator(".korean-only")).to_have_text("Available in Korean only")
    assert page.locator(".korean-only").count() > 0
    screenshot(page, "en-results-mother")
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    screenshot(page, "en-results-mother-200pct")


def test_empty_results_invite_the_questions_instead_of_84_cards(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/results")
    wait_hydrated(page)
    expect(page.locator("#start-questions")).to_be_visible(timeout=20_000)
    expect(page.locator("#start-questions")).to_have_attribute("href", "/check")
    assert page.locator("article").count() <= 5
    expect(page.locator("main")).not_to_contain_text("확인이 더 필요해요")
    screenshot(page, "ko-results-empty")


def test_criteria_on_the_programme_page_read_as_sentences(page: Page, app: ServedApp) -> None:
    _as_the_mother(page, app)
    page.goto(f"{app.url}/program?id=native:junggu-fire-safety-kit")
    wait_hydrated(page)
    criteria = page.locator("ul.criteria").first
    expect(criteria).to_be_visible(timeout=20_000)
    text = page.locator("main").inner_text()
    assert not ENGINE_LEFTOVERS.search(text), text
    any_of = page.locator("li.criterion", has_text="다음 중 하나면 돼요")
    options = any_of.locator("ul.criterion-options > li")
    expect(options).to_have_count(4)
    for option in options.all():
        expect(option.locator(".mark")).to_have_text(re.compile(r"^[✓✗?] (충족|미충족|확인 필요)$"))
        expect(option.locator(".mark-icon")).to_have_attribute("aria-hidden", "true")
    screenshot(page, "ko-program-criteria")
    page.goto(f"{app.url}/en/program?id=native:junggu-fire-safety-kit")
    wait_hydrated(page)
    expect(page.locator("li.criterion", has_text="Any one of these is enough")).to_be_visible(timeout=20_000)
    criteria_text = page.locator("section", has=page.locator("ul.criteria")).first.inner_text()
    assert not HANGUL.search(criteria_text), criteria_text
    screenshot(page, "en-program-criteria")


def test_a_programme_is_listed_under_each_of_its_categories(page: Page, app: ServedApp) -> None:
    for category, title in (("주거", "서울 청년월세"), ("영유아", "첫만남이용권")):
        page.goto(f"{app.url}/programs?category={category}")
        wait_hydrated(page)
        expect(page.locator(".program-list")).to_contain_text(title, timeout=20_000)


def test_english_pages_name_weekdays_dongs_and_categories_in_english(
    browser: Browser, app: ServedApp
) -> None:
    tag = uuid.uuid4().hex[:8]
    _, token = db_account(app.db_url, f"en{tag}@example.com", "Sindang-Spring-2026", profile=MOTHER)
    context = signed_in_context(browser, app.url, token, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{app.url}/en/classes?centre=all")
        wait_hydrated(page)
        expect(page.locator(".course-line").first).to_be_visible(timeout=20_000)
        for line in page.locator(".course-line").all_inner_texts():
            assert not re.search(r"[월화수목금토일](·|\s\d)", line), line
        page.goto(f"{app.url}/en/apply?id=native:junggu-fire-safety-kit")
        wait_hydrated(page)
        dong = page.locator("#field-dong")
        expect(dong).to_have_value("신당동", timeout=20_000)  # the office files it under its Korean name
        expect(dong.locator("option:checked")).to_have_text("Sindang-dong")
        screenshot(page, "en-apply-dong")
        page.goto(f"{app.url}/en/programs?category=안전")
        wait_hydrated(page)
        gov24 = page.locator(".program-item", has_text="중구 구민안전보험")
        expect(gov24.locator(".korean-only")).to_have_text("Available in Korean only", timeout=20_000)
        page.goto(f"{app.url}/en/program?id=gov24:301000000104")
        wait_hydrated(page)
        expect(page.locator(".badges")).to_contain_text("Administration & safety", timeout=20_000)
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_the_mothers_results_and_criteria_have_no_serious_accessibility_violation(
    page: Page, app: ServedApp, locale: str
) -> None:
    """axe on what issue 10 added: summary, filters, compact cards, the opened groups, criteria options."""
    from axe_playwright_python.sync_playwright import Axe

    prefix = "" if locale == "ko" else "/en"
    _as_the_mother(page, app, prefix)
    page.locator("#results-ineligible summary").click()
    page.locator("#maybe-rest summary").click()
    page.locator("#filter-cash").click()
    page.locator("#filter-all").click()
    found = [Axe().run(page)]
    page.goto(f"{app.url}{prefix}/program?id=native:junggu-fire-safety-kit")
    wait_hydrated(page)
    page.locator("ul.criterion-options").wait_for()
    found.append(Axe().run(page))
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for result in found
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
