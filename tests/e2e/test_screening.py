"""A 68-year-old living alone in 신당동 at 45 % of median income finds what fits her, in Korean and English."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect
from sqlmodel import Session

from naesone_app.core.catalog.merge import resident_catalogue
from naesone_app.core.dates import age_on, seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.db.catalog import load_programs
from naesone_app.db.engine import engine_for
from tests.e2e.conftest import ServedApp, screenshot, wait_hydrated

# she is 68 whenever the test runs: born 68 years and a month before today
BIRTH_DATE = (seoul_today() - timedelta(days=30)).replace(year=seoul_today().year - 68, day=1).isoformat()
assert age_on(date.fromisoformat(BIRTH_DATE), seoul_today()) == 68

# what she answers, question by question, and the profile keys each answer gives
ANSWERS = {
    "birth_date": {"birth_date": BIRTH_DATE},
    "residence": {"lives_in_junggu": True, "dong": "신당동"},
    "income": {"household_size": 1, "income_percent_of_median": 45},
    "livelihood": {"livelihood": "none"},
    "household": {"household": ["single_person"]},
    "situations": {"situations": []},
    "children": {"children": []},
}


def _answer(page: Page, question: str) -> None:
    form = page.locator(f"#question-{question}")
    if question == "birth_date":
        form.locator("#birth_date").fill(BIRTH_DATE)
    elif question == "residence":
        form.locator("#lives_in_junggu-yes").check()
        form.locator("#dong").select_option("신당동")
    elif question == "income":
        form.locator("#household_size").fill("1")
        form.locator("#income_percent").fill("45")
    elif question == "livelihood":
        form.locator("#livelihood-none").check()
    elif question == "household":
        form.locator("#household__single_person").check()
    form.locator("#next").click()


def _questionnaire(page: Page) -> dict:
    """Answer every question asked (skipping those she was not told about); return her profile."""
    profile: dict = {}
    for _ in range(12):
        form = page.locator("form[id^='question-']")
        if form.count() == 0:
            break
        question = form.get_attribute("id").removeprefix("question-")
        if question in ANSWERS:
            _answer(page, question)
            profile |= ANSWERS[question]
        else:
            form.locator("#skip").click()
        expect(page.locator(f"#question-{question}")).to_have_count(0, timeout=10_000)
    else:
        raise AssertionError("the questionnaire never ended")
    return profile


def _expected(app: ServedApp, profile: dict) -> dict[str, list[str]]:
    with Session(engine_for(app.db_url)) as session:
        programs = resident_catalogue(load_programs(session))
    facts = facts_on(parse_profile(profile), seoul_today())
    grouped: dict[str, list[str]] = {"eligible": [], "maybe": [], "ineligible": [], "closed": []}
    for program in programs:
        grouped[evaluate(program, facts).status].append(program.text("ko").title)
    return {status: sorted(titles) for status, titles in grouped.items()}


def test_senior_living_alone_sees_matching_programmes_with_reasons(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/check")
    wait_hydrated(page)
    screenshot(page, "ko-questionnaire-first")
    profile = _questionnaire(page)
    assert {"birth_date", "residence", "income"} <= {
        k for k, v in ANSWERS.items() if v.items() <= profile.items()
    }
    screenshot(page, "ko-questionnaire-done")

    page.locator("#see-results").click()
    expect(page).to_have_url(re.compile(r"/results$"))
    eligible_cards = page.locator("#results-eligible article")
    expect(eligible_cards.first).to_be_visible(timeout=20_000)
    expected = _expected(app, profile)
    shown = sorted(page.locator("#results-eligible article h3").all_inner_texts())
    assert shown == expected["eligible"]
    maybe = sorted(page.locator("#results-maybe article h3").all_text_contents())  # some behind 더 보기
    assert maybe == expected["maybe"]
    assert len(shown) >= 5
    lunch = page.locator("#results-eligible article", has_text="경로식당 무료 점심 급식")
    expect(lunch.locator(".why")).to_have_text("기준 중위소득 50% 이하에 해당해요.")
    assert page.locator("#results-ineligible article").count() > 0
    page.locator("#results-ineligible summary").click()  # the not-eligible wait behind their count
    expect(page.locator("#results-ineligible article").first.locator(".why")).to_be_visible()
    screenshot(page, "ko-results")

    page.locator("#language-switch").click()
    expect(page).to_have_url(re.compile(r"/en/results$"))
    expect(page.locator("h1")).to_have_text("Programmes for you")
    lunch_en = page.locator("#results-eligible article", has_text="Free lunch at senior community cafeterias")
    expect(lunch_en).to_be_visible(timeout=20_000)
    expect(lunch_en.locator(".why")).to_have_text("You fit: income up to 50% of the median.")
    assert page.locator("#results-eligible article").count() == len(expected["eligible"])
    screenshot(page, "en-results")

    lunch_en.locator("h3 a").click()
    expect(page).to_have_url(re.compile(r"/en/program\?id=native(:|%3A)junggu-senior-lunch$"))
    expect(page.locator("h1")).to_have_text("Free lunch at senior community cafeterias")
    expect(page.locator("main")).to_contain_text("How to apply")
    screenshot(page, "en-program")


def test_a_wrong_answer_is_named_next_to_its_field(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/check")
    wait_hydrated(page)
    form = page.locator("form[id^='question-']")
    question = form.get_attribute("id").removeprefix("question-")
    if question != "income":
        for _ in range(10):
            if page.locator("#question-income").count():
                break
            page.locator("form[id^='question-'] #skip").click()
            page.wait_for_timeout(300)
    page.locator("#household_size").fill("0")
    page.locator("#question-income #next").click()
    expect(page.locator("#household_size-error")).to_be_visible()
    expect(page.locator("#question-income")).to_be_visible()
    screenshot(page, "ko-questionnaire-error")
