"""Two residents answer the questionnaire on a phone: a 72-year-old living alone in 회현동 on 기초생활수급
(in Korean) and a 34-year-old mother who just moved into 신당동 (in English).

Each is asked only what could decide something for her, in an order that lets one answer settle the
next; 고치기, 이전 and the browser's back button reopen an answer filled in; the last answer leads to the
results; offline, the page says it needs the network and that the answers are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ServedApp, screenshot, wait_hydrated

NOT_FOR_A_72_YEAR_OLD = ("pregnant", "prospective_parent", "elementary_student", "middle_school_student",
                         "high_school_student", "university_student", "farmer", "fisher", "livestock_farmer",
                         "forester")  # fmt: skip


def _shown(page: Page) -> str:
    """The question on screen ("done" at the end), once the page has settled on one."""
    form = page.locator("form[id^='question-'], #questions-done").first
    expect(form).to_be_visible(timeout=20_000)
    ident = form.get_attribute("id")
    return "done" if ident == "questions-done" else ident.removeprefix("question-")


def _now_at(page: Page, question: str) -> None:
    """The page moved to `question` (the address names it, its form is on screen)."""
    expect(page).to_have_url(re.compile(rf"\?q={question}$"), timeout=20_000)
    expect(page.locator(f"#question-{question}" if question != "done" else "#questions-done")).to_be_visible()


def _next(page: Page, question: str) -> None:
    page.locator(f"#question-{question} #next").click()
    expect(page.locator(f"#question-{question}")).to_have_count(0, timeout=20_000)


def _skip(page: Page, question: str) -> None:
    page.locator(f"#question-{question} #skip").click()
    expect(page.locator(f"#question-{question}")).to_have_count(0, timeout=20_000)


def _walk(page: Page, answer: Callable[[Page, str], None], look: str) -> list[str]:
    """Answer every question shown until the end; return the questions in the order asked."""
    asked: list[str] = []
    for _ in range(20):
        question = _shown(page)
        if question == "done":
            return asked
        expect(page).to_have_url(re.compile(rf"\?q={question}$"))
        screenshot(page, f"{look}-q{len(asked) + 1:02d}-{question}")
        asked.append(question)
        answer(page, question)
    raise AssertionError(f"the questionnaire never ended: {asked}")


def _axe_clean(page: Page) -> None:
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


# --- the 72-year-old, in Korean ---------------------------------------------------------------------


def _senior(page: Page, question: str) -> None:
    form = page.locator(f"#question-{question}")
    if question == "birth_date":
        form.locator("#birth_date").fill("1954-03-02")
    elif question == "residence":
        form.locator("#lives_in_junggu-yes").check()
        form.locator("#dong").select_option("회현동")
    elif question == "household_size":
        form.locator("#household_size").fill("1")
    elif question == "livelihood":
        form.locator("#livelihood-recipient").check()
    elif question == "income":
        _skip(page, question)  # she does not know her household income as a figure
        return
    elif question == "household":
        expect(form.locator("#household__single_person")).to_have_count(0)  # her household size said so
        expect(form.locator("#household__multi_child")).to_have_count(0)
    elif question == "situations":
        for code in NOT_FOR_A_72_YEAR_OLD:
            expect(form.locator(f"#situation__{code}")).to_have_count(0)
        _axe_clean(page)
    elif question == "has_children":
        form.locator("#has_children-no").check()
    elif question == "moved_in_on":
        form.locator("#moved_in_on").fill("1990-05-01")
    elif question == "housing":
        form.locator("#housing-other").check()
    elif question == "sex":
        form.locator("#sex-female").check()
    _next(page, question)


def test_a_72_year_old_living_alone_is_asked_only_what_matters(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/check")
    wait_hydrated(page)
    asked = _walk(page, _senior, "ko-senior")
    print(f"\n72-year-old (ko) was asked {len(asked)} questions: {asked}")
    assert "children" not in asked  # "no children" is one tap; no birth-date fields
    assert asked.index("livelihood") < asked.index("income")
    assert asked.index("household_size") < asked.index("household")
    assert len(asked) <= 11

    # the end: honest about what is left (she skipped income), and the way to the results has focus
    done = page.locator("#questions-done")
    expect(done.locator("#still-open")).to_contain_text("소득")
    expect(done.locator("#nothing-left")).to_have_count(0)
    expect(page.locator("#see-results")).to_be_focused()
    screenshot(page, "ko-senior-done")
    _axe_clean(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    screenshot(page, "ko-senior-done-200pct")
    _axe_clean(page)
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")

    # the browser's back button: the last question again, her answer filled in
    last = asked[-1]
    page.go_back()
    _now_at(page, last)
    if last == "sex":
        expect(page.locator("#sex-female")).to_be_checked()
    # 이전: one more step back, filled in too
    page.locator("#previous").click()
    _now_at(page, asked[-2])
    screenshot(page, "ko-senior-previous")

    # 고치기 on 사는 곳: reopened in place with 회현동 selected, the list keeps its order
    titles_before = page.locator(".answer-line strong").all_inner_texts()
    page.locator(".answer-line", has_text="사는 곳").locator("button").click()
    _now_at(page, "residence")
    expect(page.locator("#dong")).to_have_value("회현동")
    expect(page.locator("#lives_in_junggu-yes")).to_be_checked()
    screenshot(page, "ko-senior-fix-residence")
    page.locator("#dong").select_option("명동")
    _next(page, "residence")
    assert page.locator(".answer-line strong").all_inner_texts() == titles_before
    expect(page.locator(".answer-line", has_text="사는 곳")).to_contain_text("명동")

    # answering income now leaves nothing that a question could change
    page.locator(".answer-line", has_text="소득").locator("button").click()
    _now_at(page, "income")
    page.locator("#income_percent").fill("30")
    _next(page, "income")
    _now_at(page, "done")
    expect(page.locator("#nothing-left")).to_contain_text("결과를 바꿀 질문이 더 없어요")
    page.locator("#see-results").click()
    expect(page).to_have_url(re.compile(r"/results$"))


# --- the mother, in English -------------------------------------------------------------------------


def _mother(page: Page, question: str) -> None:
    form = page.locator(f"#question-{question}")
    if question == "birth_date":
        form.locator("#birth_date").fill("1992-05-10")
    elif question == "residence":
        form.locator("#lives_in_junggu-yes").check()
        form.locator("#dong").select_option("신당동")
    elif question == "household_size":
        form.locator("#household_size").fill("3")
    elif question == "livelihood":
        form.locator("#livelihood-none").check()
    elif question == "income":
        form.locator("#monthly_income").fill("3,500,000")
    elif question == "household":
        form.locator("#household__new_move_in").check()
    elif question == "moved_in_on":
        form.locator("#moved_in_on").fill("2026-11-01")
    elif question == "has_children":
        form.locator("#has_children-1").check()
    elif question == "children":
        expect(form.locator("input[type=date]")).to_have_count(1)  # one child: one date field
        expect(page.locator(".answer-line", has_text="Children aged 18")).to_contain_text("1")
        form.locator("#child_1").fill("2025-10-01")
    elif question == "housing":
        form.locator("#housing-other").check()
    elif question == "sex":
        form.locator("#sex-female").check()
    _next(page, question)


def test_a_mother_who_just_moved_in_is_asked_her_move_in_date(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/en/check")
    wait_hydrated(page)
    expect(page.locator("h1")).to_have_text("Find benefits for you")
    asked = _walk(page, _mother, "en-mother")
    print(f"\n34-year-old mother (en) was asked {len(asked)} questions: {asked}")
    if "household" in asked:
        assert asked[asked.index("household") + 1] == "moved_in_on"  # right after ticking 신규 전입
    assert "moved_in_on" in asked
    assert asked.index("has_children") < asked.index("children")
    expect(page.locator("#questions-done")).to_be_visible()
    expect(page.locator("#see-results")).to_be_focused()
    main = page.locator("main").inner_text()
    assert not re.search(r"[가-힣]", main.replace("한국어", "")), "Korean text on the English questionnaire"
    screenshot(page, "en-mother-done")
    _axe_clean(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    screenshot(page, "en-mother-done-200pct")
    _axe_clean(page)
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    page.locator("#see-results").click()
    expect(page).to_have_url(re.compile(r"/en/results$"))


# --- offline ----------------------------------------------------------------------------------------


def test_offline_the_questionnaire_says_it_needs_the_network(browser: Browser, app: ServedApp) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    page = context.new_page()
    page.goto(f"{app.url}/check")
    wait_hydrated(page)
    first = _shown(page)
    _senior(page, first)
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                           timeout=30_000)  # fmt: skip
    context.set_offline(True)
    page.reload()
    offline = page.locator("#questions-offline")
    expect(offline).to_be_visible(timeout=30_000)
    expect(offline).to_contain_text("인터넷 연결이 필요해요")
    expect(offline).to_contain_text("지금까지 한 답은")
    expect(page.locator("main")).not_to_contain_text("질문이 끝났어요")
    expect(page.locator("main")).not_to_contain_text("남은 질문 0개")
    screenshot(page, "ko-questionnaire-offline")
    context.set_offline(False)
    page.reload()
    wait_hydrated(page)
    expect(page.locator(".answer-line")).to_have_count(1)  # the answer was kept
    assert _shown(page) != first
    context.close()


def test_a_wrong_answer_is_named_next_to_its_field(page: Page, app: ServedApp) -> None:
    page.goto(f"{app.url}/check?q=household_size")
    wait_hydrated(page)
    assert _shown(page) == "household_size"
    page.locator("#household_size").fill("0")
    page.locator("#question-household_size #next").click()
    expect(page.locator("#household_size-error")).to_be_visible()
    expect(page.locator("#household_size")).to_be_focused()
    expect(page.locator("#question-household_size")).to_be_visible()
    screenshot(page, "ko-questionnaire-error")
