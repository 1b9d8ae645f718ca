"""Asking in your own words (issue 13), as residents do it on a phone: the header field on any page, the
answer with the stated facts as chips, the questionnaire taking them over, English and Chinese questions,
a question outside the catalogue, hostile input; axe on /search; the public API over real HTTP."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from naesone_app.db.engine import transaction
from naesone_app.db.resident_data import load_profile
from tests.e2e.conftest import (
    SCREENSHOTS,
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    wait_hydrated,
)

LUNCH_KEY = "native:junggu-senior-lunch"
LUNCH_TITLE = "경로식당 무료 점심 급식"
# a grandmother's answers in this tab: 76, lives in 회현동, receives 기초생활수급 → the lunch is hers
GRANDMOTHER = {
    "birth_date": "1950-03-01",
    "lives_in_junggu": True,
    "dong": "회현동",
    "livelihood": "recipient",
}
SETTLED = ["birth_date", "residence", "livelihood"]
STATUS_WORDS = {"eligible": "받을 수 있어요", "maybe": "확인이 더 필요해요", "ineligible": "지금은 어려워요"}


def _ask_in_header(page: Page, question: str) -> None:
    field = page.locator("#site-search")
    field.fill(question)
    field.press("Enter")
    page.wait_for_url("**/search?q=**", timeout=20_000)
    expect(page.locator("li.found, #search-problem, #search-nothing").first).to_be_visible(timeout=20_000)


def _view(page: Page, name: str) -> None:
    """What the screen shows (a full page of results is too long to look at on a phone's width)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _found(page: Page) -> list[tuple[str, str]]:
    """Every result on the page as (id, status), in the order shown."""
    return [
        (item.get_attribute("data-id") or "", item.get_attribute("data-status") or "")
        for item in page.locator("li.found").all()
    ]


def _serious(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_a_grandmother_asks_in_the_header_on_a_phone_and_carries_the_facts_into_the_questions(
    page: Page, app: ServedApp
) -> None:
    page.goto(f"{app.url}/programs")
    wait_hydrated(page)
    saved = json.dumps({"profile": GRANDMOTHER, "settled": SETTLED, "fresh": False}, ensure_ascii=False)
    page.evaluate("(saved) => sessionStorage.setItem('naesone_answers', saved)", saved)
    form = page.locator("form[role=search]#site-search-form")
    expect(form).to_be_visible()
    expect(page.get_by_label("무엇이 필요하세요? 내 말로 찾기").first).to_be_visible()
    assert form.bounding_box()["width"] <= 390
    _view(page, "ko-search-header-390px")

    _ask_in_header(page, "혼자 사는 할머니 점심")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["혼자 사는 할머니 점심"]
    first = page.locator("#results-program li.found").first
    expect(first).to_have_attribute("data-id", LUNCH_KEY)
    expect(first.locator("h3")).to_have_text(LUNCH_TITLE)
    expect(first.locator(".badge")).to_have_text(STATUS_WORDS["eligible"])  # her status, from her answers
    expect(first.locator("mark").first).to_be_visible()  # the words that found it
    expect(page.locator("#search-count")).to_have_attribute("aria-live", "polite")
    chips = page.locator("#search-facts button")
    expect(chips.first).to_be_visible()
    labels = chips.all_inner_texts()
    assert any("1인 가구" in label for label in labels), labels
    _view(page, "ko-search-390px")

    # one tap on a chip: that fact is gone and the answer changes with it
    before = _found(page)
    alone = page.get_by_role("button", name="1인 가구 조건 빼기", exact=False)
    expect(alone).to_have_count(1)
    alone.click()
    expect(chips).to_have_count(len(labels) - 1)
    expect(page.locator("#search-facts")).not_to_contain_text("1인 가구")
    page.wait_for_function(
        "(before) => JSON.stringify([...document.querySelectorAll('li.found')].map("
        "e => [e.dataset.id, e.dataset.status])) !== before",
        arg=json.dumps(before),
        timeout=10_000,
    )
    # keyboard and screen-reader users continue at the new count (the chip they pressed is gone)
    page.wait_for_function("() => document.activeElement?.id === 'search-count'", timeout=5_000)

    # put it back (ask again) and take the facts into the questionnaire
    _ask_in_header(page, "혼자 사는 할머니 점심")
    page.locator("#carry-facts").click()
    page.wait_for_url("**/check**", timeout=20_000)
    answers = page.locator("#answers-heading + .answers, .answers").first
    expect(answers).to_contain_text("1인 가구", timeout=20_000)
    expect(answers).to_contain_text("1950")  # what she had answered stands
    _view(page, "ko-search-carried-into-questionnaire")


def test_facts_carried_into_the_questionnaire_are_not_stored_in_the_account(
    browser: Browser, app: ServedApp
) -> None:
    stored = {"birth_date": "1948-07-07", "lives_in_junggu": True}
    account_id, token = db_account(
        app.db_url, "search-carry@example.com", "Sindang-Spring-2026", profile=stored
    )
    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    try:
        page.goto(f"{app.url}/search?q={'혼자 사는 할머니 점심'}")
        wait_hydrated(page)
        expect(page.locator("#carry-facts")).to_be_visible(timeout=20_000)
        page.locator("#carry-facts").click()
        page.wait_for_url("**/check**", timeout=20_000)
        expect(page.locator(".answers").first).to_contain_text("1인 가구", timeout=20_000)
        expect(page.locator(".answers").first).to_contain_text("1948")  # her stored answers came in too
    finally:
        context.close()
    with transaction(app.db_url) as session:
        assert load_profile(session, account_id) == stored


def test_an_english_question_on_the_english_page_gets_english_titles(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/en/programs")
    wait_hydrated(page)
    _ask_in_header(page, "rent support for young people")
    assert urlsplit(page.url).path == "/en/search"
    expect(page.locator("h1")).to_have_text("Ask in your own words")
    titles = page.locator("#results-program li.found h3").all_inner_texts()
    assert titles and any("rent" in t.lower() for t in titles[:5]), titles
    assert page.locator("#results-program mark").count() > 0
    assert all(link.startswith("/en/") for link in page.locator("li.found h3 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"))  # fmt: skip
    _view(page, "en-search-390px")


def test_a_chinese_question_is_answered(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/")
    wait_hydrated(page)
    _ask_in_header(page, "老人免费午餐")
    ids = [found_id for found_id, _ in _found(page)]
    assert LUNCH_KEY in ids[:5], ids


def test_a_question_outside_the_catalogue_points_to_120_and_gov24(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/")
    wait_hydrated(page)
    _ask_in_header(page, "여권 재발급")
    nothing = page.locator("#search-nothing")
    expect(nothing).to_be_visible()
    expect(page.locator("#call-120")).to_have_attribute("href", "tel:120")
    expect(page.locator("#gov24-link")).to_have_attribute("href", "https://www.gov.kr")
    assert page.locator("li.found").count() == 0
    _view(page, "ko-search-nothing")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("", "찾고 싶은 것을 입력해 주세요"),
        ("가" * 10_000, "질문이 너무 길어요"),
        ("점심\x00\x07\x1b[31m", None),
        ("<script>alert(1)</script>", None),
        ("' OR 1=1 --", None),
    ],
    ids=["empty", "10000-chars", "control-chars", "script", "sql"],
)
def test_bad_input_gets_a_clear_message_or_an_empty_answer_never_an_error_page(
    page: Page, app: ServedApp, question: str, expected: str | None
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{app.url}/")
    wait_hydrated(page)
    _ask_in_header(page, question)
    expect(page.locator("h1")).to_have_text("내 말로 찾기")
    if expected is not None:
        expect(page.locator("#search-problem")).to_contain_text(expected)
    assert len(page.url) < 6_000  # the address never carries the whole 10,000 characters
    assert not dialogs
    assert page.locator("script:text('alert(1)')").count() == 0


def test_suggestions_come_while_typing(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/")
    wait_hydrated(page)
    field = page.locator("#site-search")
    field.press_sequentially("경로", delay=60)
    options = page.locator("#site-search-suggestions option")
    expect(options.first).to_be_attached(timeout=10_000)
    values = options.evaluate_all("options => options.map(o => o.value)")
    assert any("경로" in value for value in values), values
    assert field.input_value() == "경로"  # typing was never held up or rewritten


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_search_has_no_serious_accessibility_violation(page: Page, app: ServedApp, locale: str) -> None:
    prefix = "" if locale == "ko" else "/en"
    question = "혼자 사는 할머니 점심" if locale == "ko" else "free lunch for seniors"
    page.goto(f"{app.url}{prefix}/search?q={question}")
    wait_hydrated(page)
    expect(page.locator("li.found").first).to_be_visible(timeout=20_000)
    assert not _serious(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    assert not _serious(page)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    _view(page, f"{locale}-search-390px-200pct")
    assert overflow <= 1, f"/search scrolls sideways by {overflow}px at 390px and 200% text"
    page.goto(f"{app.url}{prefix}/search?q=여권 재발급")
    wait_hydrated(page)
    expect(page.locator("#search-nothing")).to_be_visible(timeout=20_000)
    assert not _serious(page)


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_search_on_a_desktop(browser: Browser, app: ServedApp, locale: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    try:
        prefix = "" if locale == "ko" else "/en"
        question = "혼자 사는 할머니 점심" if locale == "ko" else "rent support for young people"
        page.goto(f"{app.url}{prefix}/search?q={question}")
        wait_hydrated(page)
        expect(page.locator("li.found").first).to_be_visible(timeout=20_000)
        screenshot(page, f"{locale}-search-desktop")
        assert not _serious(page)
    finally:
        context.close()


def test_the_public_api_over_http(app: ServedApp) -> None:
    answer = httpx.get(f"{app.url}/api/search", params={"q": "혼자 사는 할머니 점심", "limit": 3}, timeout=10)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["results"][0]["program_id"] == LUNCH_KEY and len(body["results"]) <= 3
    bad = httpx.get(f"{app.url}/api/search", params={"q": "점심", "limit": "x"}, timeout=10)
    assert bad.status_code == 400 and bad.json()["error"].startswith("limit:")
