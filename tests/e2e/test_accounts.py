"""A resident signs up after answering, keeps her feed through reloads and a server restart, and stays in
control of her account: sign out, sign in, log out everywhere, download her data, delete it all.

Accounts that a test does not sign up through the form are made directly in the served database.
"""

from __future__ import annotations

import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import (
    BIN,
    ROOT,
    SESSION_COOKIE,
    RestartableApp,
    ServedApp,
    _env,
    db_account,
    program_key,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)

PASSWORD = "Sindang-Spring-2026"
# a 68-year-old living alone in 신당동 at 45 % of median income (the questions she answers)
PROFILE = {
    "birth_date": "1958-05-20",
    "lives_in_junggu": True,
    "dong": "신당동",
    "household_size": 1,
    "income_percent_of_median": 45,
}


HOME = re.compile(r"^http://localhost:\d+/$")


def _login(tag: str) -> str:
    return f"{tag}{uuid.uuid4().hex[:8]}@example.com"


def _masked(login: str) -> str:
    local, domain = login.split("@")
    return f"{local[:2]}***@{domain}"


@contextmanager
def _browsing(browser: Browser, context: BrowserContext | None = None) -> Iterator[Page]:
    """A page in its own context (signed in if the context carries a cookie); fails on script errors."""
    context = context or browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _answer_a_few_questions(page: Page, url: str) -> None:
    """Birth date, residence and income; every other question is skipped."""
    page.goto(f"{url}/check")
    wait_hydrated(page)
    for _ in range(15):
        page.locator("form[id^='question-'], #questions-done").first.wait_for(timeout=20_000)
        form = page.locator("form[id^='question-']")
        if form.count() == 0:
            break
        question = form.get_attribute("id").removeprefix("question-")
        if question == "birth_date":
            form.locator("#birth_date").fill(PROFILE["birth_date"])
            form.locator("#next").click()
        elif question == "residence":
            form.locator("#lives_in_junggu-yes").check()
            form.locator("#dong").select_option(PROFILE["dong"])
            form.locator("#next").click()
        elif question == "household_size":
            form.locator("#household_size").fill("1")
            form.locator("#next").click()
        elif question == "income":
            if form.locator("#household_size").count():  # asked here when the size was not asked before
                form.locator("#household_size").fill("1")
            form.locator("#income_percent").fill("45")
            form.locator("#next").click()
        else:
            form.locator("#skip").click()
        expect(page.locator(f"#question-{question}")).to_have_count(0, timeout=10_000)
    else:
        raise AssertionError("the questionnaire never ended")
    expect(page.locator("#answers-heading")).to_be_visible()


def _eligible_titles(page: Page, url: str) -> list[str]:
    page.goto(f"{url}/results")
    wait_hydrated(page)
    expect(page.locator("#results-eligible article").first).to_be_visible(timeout=20_000)
    return sorted(page.locator("#results-eligible article h3").all_inner_texts())


def _fill_sign_up(page: Page, login: str, password: str, password2: str | None = None,
                  required: bool = True, sensitive: bool = True) -> None:  # fmt: skip
    page.locator("#login").fill(login)
    page.locator("#password").fill(password)
    page.locator("#password2").fill(password if password2 is None else password2)
    page.locator("#consent_account").set_checked(required)
    page.locator("#consent_sensitive_profile").set_checked(sensitive)
    page.locator("#signup-submit").click()


def _sign_in(page: Page, url: str, login: str, password: str = PASSWORD, prefix: str = "") -> None:
    page.goto(f"{url}{prefix}/login")
    wait_hydrated(page)
    page.locator("#login").fill(login)
    page.locator("#password").fill(password)
    page.locator("#login-submit").click()


def _feed_count(page: Page) -> int:
    """The number in "지금 받을 수 있는 혜택은 N개예요", once the feed has loaded."""
    lead = page.locator("main .lead")
    expect(lead).to_contain_text("@", timeout=20_000)  # the masked login: the session was found
    expect(page.locator("#feed-saved")).to_be_visible()
    page.wait_for_function(
        "() => !/ 0개/.test(document.querySelector('main .lead').innerText)", timeout=20_000
    )
    match = re.search(r"(\d+)개", lead.inner_text())
    assert match, lead.inner_text()
    return int(match.group(1))


def _account_rows(db_url: str, login: str) -> list[tuple]:
    return sqlite_rows(db_url, "SELECT id FROM account WHERE login = ?", login)


# --- sign-up after the questionnaire ---------------------------------------------------------------


def test_answers_given_before_sign_up_become_the_feed(page: Page, app: ServedApp, browser: Browser) -> None:
    _answer_a_few_questions(page, app.url)
    before = _eligible_titles(page, app.url)
    assert len(before) >= 5, before

    login = _login("sunja")
    page.goto(f"{app.url}/signup")
    wait_hydrated(page)
    screenshot(page, "ko-signup")
    _fill_sign_up(page, login, PASSWORD)
    expect(page).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
    assert _feed_count(page) == len(before)
    expect(page.locator("main .lead")).to_contain_text(_masked(login))
    expect(page.locator(".notice", has_text="저장된 상황이 없어요")).to_have_count(0)
    screenshot(page, "ko-feed-after-sign-up")

    page.reload()
    wait_hydrated(page)
    assert _feed_count(page) == len(before)

    assert _eligible_titles(page, app.url) == before
    # a new tab has no answers of its own: the results come from the stored profile
    with _browsing(browser, browser.new_context(locale="ko-KR")) as other:
        other.context.add_cookies(page.context.cookies())
        assert _eligible_titles(other, app.url) == before

    [(account_id,)] = _account_rows(app.db_url, login)
    purposes = {
        p for (p,) in sqlite_rows(app.db_url, "SELECT purpose FROM consent WHERE account_id = ?", account_id)
    }
    assert purposes == {"account", "sensitive_profile"}
    [(ciphertext,)] = sqlite_rows(
        app.db_url, "SELECT ciphertext FROM resident_profile WHERE account_id = ?", account_id
    )
    assert "1958" not in ciphertext and "신당" not in ciphertext  # stored encrypted


def test_the_session_cookie_is_out_of_reach_of_page_script(page: Page, app: ServedApp) -> None:
    login = _login("cookie")
    page.goto(f"{app.url}/signup")
    wait_hydrated(page)
    _fill_sign_up(page, login, PASSWORD, sensitive=False)
    expect(page).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
    expect(page.locator("main .lead")).to_contain_text(_masked(login))

    [cookie] = [c for c in page.context.cookies() if c["name"] == SESSION_COOKIE]
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert len(cookie["value"]) >= 32
    visible = page.evaluate(
        "() => document.cookie + JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage})"
    )
    assert SESSION_COOKIE not in visible
    assert cookie["value"] not in visible
    assert cookie["value"] not in page.content()


# --- a backend restart --------------------------------------------------------------------------------


def test_the_session_holds_across_a_backend_restart(
    browser: Browser, restartable_app: RestartableApp
) -> None:
    server = restartable_app
    login = _login("restart")
    db_account(server.db_url, login, PASSWORD, profile=PROFILE)
    with _browsing(browser) as page:
        _sign_in(page, server.url, login)
        expect(page).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
        count = _feed_count(page)
        assert count >= 5

        page.goto(f"{server.url}/account")
        wait_hydrated(page)
        notifications = page.locator("#consent-notifications")
        expect(notifications).to_contain_text("동의하지 않음")

        seconds = server.restart()
        assert seconds < 120, f"the restart took {seconds:.0f}s"

        # the page that stayed open reconnects to the new server, which knows nothing of it but the cookie
        notifications.get_by_role("button", name="동의하기").click()
        expect(notifications).to_contain_text("동의함", timeout=60_000)
        screenshot(page, "ko-account-after-restart")

        page.goto(f"{server.url}/feed")
        wait_hydrated(page)
        assert _feed_count(page) == count
        expect(page.locator("main .lead")).to_contain_text(_masked(login))
        page.reload()
        wait_hydrated(page)
        assert _feed_count(page) == count


# --- signing out and in -------------------------------------------------------------------------------


def test_sign_out_sign_in_wrong_password_and_log_out_everywhere(app: ServedApp, browser: Browser) -> None:
    login = _login("minsu")
    db_account(app.db_url, login, PASSWORD, profile=PROFILE)
    with _browsing(browser) as phone, _browsing(browser) as laptop:
        _sign_in(phone, app.url, login)
        expect(phone).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
        phone.locator("#sign-out").click()
        expect(phone).to_have_url(HOME, timeout=20_000)
        expect(phone.locator(".site-nav a", has_text="로그인")).to_be_visible(timeout=20_000)
        phone.goto(f"{app.url}/feed")
        expect(phone).to_have_url(re.compile(r"/login/?$"), timeout=20_000)

        _sign_in(phone, app.url, login, "Sindang-Winter-2026")
        error = phone.locator("#login-error")
        expect(error).to_have_text("이메일·전화번호 또는 비밀번호가 맞지 않습니다.")
        expect(phone.locator("#login")).to_have_attribute("aria-invalid", "true")
        expect(phone).to_have_url(re.compile(r"/login/?$"))
        screenshot(phone, "ko-login-wrong-password")
        phone.locator("#password").fill(PASSWORD)
        phone.locator("#login-submit").click()
        expect(phone).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)

        _sign_in(laptop, app.url, login)
        expect(laptop).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
        expect(laptop.locator("main .lead")).to_contain_text(_masked(login))

        phone.goto(f"{app.url}/account")
        wait_hydrated(phone)
        phone.locator("#sign-out-everywhere").click()
        expect(phone).to_have_url(HOME, timeout=20_000)
        expect(phone.locator(".site-nav a", has_text="로그인")).to_be_visible(timeout=20_000)

        laptop.goto(f"{app.url}/feed")
        expect(laptop).to_have_url(re.compile(r"/login/?$"), timeout=20_000)
        phone.goto(f"{app.url}/account")
        expect(phone).to_have_url(re.compile(r"/login/?$"), timeout=20_000)
    [(account_id,)] = _account_rows(app.db_url, login)
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM login_session WHERE account_id = ? AND kind = 'browser' "
                                   "AND revoked_at IS NULL", account_id) == [(0,)]  # fmt: skip


def test_after_signing_out_the_tab_keeps_nothing_of_the_resident(app: ServedApp, browser: Browser) -> None:
    """A shared computer (a library, the 동 community centre): the next person at the same tab must not
    see the previous resident's birth date, income or results."""
    login = _login("shared")
    db_account(app.db_url, login, PASSWORD, profile=PROFILE)
    with _browsing(browser) as page:
        _sign_in(page, app.url, login)
        expect(page).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
        page.goto(f"{app.url}/check")
        wait_hydrated(page)
        expect(page.locator("main")).to_contain_text(
            "1958", timeout=20_000
        )  # her stored answers, shown to her
        page.locator("#sign-out").click()
        expect(page).to_have_url(HOME, timeout=20_000)
        expect(page.locator(".site-nav a", has_text="로그인")).to_be_visible(timeout=20_000)

        stored = page.evaluate(
            "() => JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage})"
        )
        assert "1958" not in stored, "her answers stay in the tab's storage after signing out"
        page.goto(f"{app.url}/check")
        wait_hydrated(page)
        page.wait_for_timeout(500)
        screenshot(page, "ko-check-after-sign-out")
        expect(page.locator("main")).not_to_contain_text("1958")
        expect(page.locator("main")).not_to_contain_text("45%")


# --- bad input on sign-up -----------------------------------------------------------------------------

BAD_SIGN_UPS = {
    # case: (login, password, confirmation, required consent, field, message)
    "malformed-email": ("kim@@example", PASSWORD, PASSWORD, True, "login", "이메일 주소 형식이 올바르지 않습니다."),
    "short-password": (None, "short1!", "short1!", True, "password", "비밀번호는 10자 이상이어야 합니다."),
    "common-password": (None, "password123", "password123", True, "password", "너무 흔하거나 단순한 비밀번호"),
    "mismatch": (None, PASSWORD, PASSWORD + "x", True, "password2", "두 비밀번호가 같지 않습니다."),
    "no-required-consent": (None, PASSWORD, PASSWORD, False, "consent_account", "필수 동의"),
    "1000-char-login": ("a" * 988 + "@example.com", PASSWORD, PASSWORD, True, "login", "너무 깁니다"),
    "1000-char-password": (None, "x1" * 500, "x1" * 500, True, "password", "너무 깁니다"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_SIGN_UPS))
def test_bad_sign_up_is_named_next_to_its_field_and_creates_nothing(
    page: Page, app: ServedApp, case: str
) -> None:
    login, password, password2, required, field, message = BAD_SIGN_UPS[case]
    login = login or _login("bad")
    accounts_before = sqlite_rows(app.db_url, "SELECT count(*) FROM account")
    page.goto(f"{app.url}/signup")
    wait_hydrated(page)
    _fill_sign_up(page, login, password, password2, required=required)
    error = page.locator(f"#{field}-error")
    expect(error).to_contain_text(message, timeout=10_000)
    expect(page.locator("[id$='-error']")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"/signup/?$"))
    if field != "consent_account":
        expect(page.locator(f"#{field}")).to_have_attribute("aria-invalid", "true")
        assert f"{field}-error" in page.locator(f"#{field}").get_attribute("aria-describedby")
    if case == "mismatch":
        screenshot(page, "ko-signup-error")
    assert _account_rows(app.db_url, login.lower()) == []
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM account") == accounts_before


# --- my data ----------------------------------------------------------------------------------------


def test_download_my_data_then_delete_the_account(app: ServedApp, browser: Browser) -> None:
    login = _login("younghee")
    saved = program_key(app.db_url, "junggu-senior-lunch")
    account_id, token = db_account(app.db_url, login, PASSWORD, profile=PROFILE, saved=(saved,))
    with _browsing(browser, signed_in_context(browser, app.url, token)) as page:
        page.goto(f"{app.url}/account")
        wait_hydrated(page)
        expect(page.locator("#consent-sensitive_profile")).to_contain_text("동의함")
        screenshot(page, "ko-account")
        with page.expect_download(timeout=20_000) as download:
            page.locator("#download-data").click()
        assert download.value.suggested_filename == "naesone-my-data.json"
        data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
        assert data["account"]["login"] == login
        assert data["profile"] == PROFILE
        assert data["saved_programs"] == [saved]
        assert {c["purpose"] for c in data["consents"]} == {"account", "sensitive_profile"}
        assert "password_hash" not in json.dumps(data)

        page.locator("#delete-form #password").fill("Sindang-Winter-2026")
        page.locator("#delete-account").click()
        expect(page.locator("#password-error")).to_have_text("비밀번호가 맞지 않습니다.")
        assert _account_rows(app.db_url, login) == [(account_id,)]

        page.locator("#delete-form #password").fill(PASSWORD)
        page.locator("#delete-account").click()
        expect(page).to_have_url(HOME, timeout=20_000)
        expect(page.locator(".site-nav a", has_text="로그인")).to_be_visible(timeout=20_000)
        page.goto(f"{app.url}/feed")
        expect(page).to_have_url(re.compile(r"/login/?$"), timeout=20_000)

    assert _account_rows(app.db_url, login) == []
    for table in (
        "resident_profile",
        "login_session",
        "consent",
        "saved_program",
        "seen_match",
        "password_reset",
    ):
        assert sqlite_rows(app.db_url, f"SELECT count(*) FROM {table} WHERE account_id = ?", account_id) == [
            (0,)
        ], table
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ? OR subject_id = ?",
                       account_id, account_id) == [(0,)]  # fmt: skip


# --- accessibility of the account pages -----------------------------------------------------------


@pytest.fixture(scope="module")
def resident_token(app: ServedApp) -> str:
    saved = program_key(app.db_url, "junggu-senior-lunch")
    _, token = db_account(app.db_url, _login("axe"), PASSWORD, profile=PROFILE, saved=(saved,))
    return token


@pytest.fixture(scope="module")
def admin_login(app: ServedApp) -> str:
    """An admin made the way a deployment makes the first one: with the CLI, on the served database."""
    login = _login("admin")
    env = _env(app.db_url, 0) | {"NAESONE_ADMIN_PASSWORD": PASSWORD}
    done = subprocess.run([str(BIN / "naesone"), "accounts", "create-admin", "--login", login],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sqlite_rows(app.db_url, "SELECT role FROM account WHERE login = ?", login) == [("admin",)]
    return login


def _serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


ACCOUNT_PAGES = ["signup", "login", "reset", "feed", "account", "staff"]


@pytest.mark.parametrize("locale", ["ko", "en"])
@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_have_no_serious_accessibility_violation(
    browser: Browser, app: ServedApp, resident_token: str, admin_login: str, name: str, locale: str
) -> None:
    prefix = "" if locale == "ko" else "/en"
    context = None
    if name in ("feed", "account"):
        context = signed_in_context(browser, app.url, resident_token)
    with _browsing(browser, context) as page:
        if name == "staff":
            _sign_in(page, app.url, admin_login, prefix=prefix)
            expect(page).to_have_url(re.compile(rf"{prefix}/staff/?$"), timeout=20_000)
            page.locator("#purpose").select_option("error_check")  # the browser asks why, every time
            page.locator("#purpose_text").fill("화면 점검")
            page.locator("#resident-search").click()
            expect(page.locator("#residents tbody tr").first).to_be_visible(timeout=20_000)
        else:
            page.goto(f"{app.url}{prefix}/{name}")
            wait_hydrated(page)
            expect(page).to_have_url(re.compile(rf"{prefix}/{name}/?$"))
        if name == "feed":
            expect(page.locator("#feed-saved article").first).to_be_visible(timeout=20_000)
        if name == "account":
            expect(page.locator("#consent-account")).to_be_visible(timeout=20_000)
        if name in ("signup", "login"):  # with a message shown next to a field
            page.locator(f"#{name}-submit").click()
            expect(page.locator("[id$='-error']").first).to_be_visible(timeout=10_000)
        screenshot(page, f"{locale}-{name}")
        serious = _serious_violations(page)
        assert not serious, "\n".join(serious)
