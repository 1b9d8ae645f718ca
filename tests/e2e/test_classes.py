"""자치회관 classes in the browser: a 65+ resident sees and gets the reduced fee, staff record payment and
attendance; and through the raw socket, nobody else can cancel her registration or read the roster."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from sqlmodel import select

from naesone_app.actions.classes import cancel, register
from naesone_app.db.class_models import ClassCentre, Course
from naesone_app.db.engine import transaction
from naesone_app.state.course import CourseState
from naesone_app.state.staff_classes import StaffCourseState
from tests.e2e.conftest import (
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)
from tests.e2e.test_security import client, deltas_of, handler, readable

PASSWORD = "Sindang-Spring-2026"
SENIOR = {"birth_date": "1955-06-01", "lives_in_junggu": True, "dong": "신당동", "household_size": 1}


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious or critical findings on a page only a signed-in person sees."""
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in found if v["impact"] in ("serious", "critical")]


def open_course(db_url: str, capacity: int = 12, quotas: str = '[{"age_min": 65, "seats": 4}]') -> str:
    """A first-come course open for sign-up now, with seats held for 65+ (made in the served database)."""
    code = f"e2e-{uuid.uuid4().hex[:8]}"
    now = datetime.now(UTC)
    with transaction(db_url) as session:
        centre = session.exec(select(ClassCentre).where(ClassCentre.dong == "1114061500")).first()
        if centre is None:
            centre = ClassCentre(dong="1114061500", name_ko="신당동 자치회관", name_en="Sindang-dong Centre")
            session.add(centre)
            session.flush()
        session.add(Course(
            code=code, centre_id=centre.id, title_ko="스마트폰 활용", title_en="Using a smartphone",
            category="컴퓨터", quarter=f"{now.year}Q{(now.month - 1) // 3 + 1}", schedule="화·목 10:00–11:30",
            instructor="시험 강사", capacity=capacity, minimum_enrolment=0, fee_krw=30000, materials_fee_krw=5000,
            opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=7),
            starts_on=(now + timedelta(days=20)).date(), ends_on=(now + timedelta(days=80)).date(), sessions=12,
            mode="first_come", priority_rules=quotas, sample=True,
        ))  # fmt: skip
    return code


def test_a_65_plus_resident_registers_at_the_reduced_fee_and_staff_mark_payment_and_attendance(
    browser: Browser, app: ServedApp
) -> None:
    code = open_course(app.db_url)
    login = f"senior{uuid.uuid4().hex[:8]}@example.test"
    resident_id, token = db_account(app.db_url, login, PASSWORD, profile=SENIOR)

    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    page.goto(f"{app.url}/classes")
    wait_hydrated(page)
    card = page.locator(".course-item", has=page.locator(f"a[href='/course?id={code}']"))
    expect(card.locator(".your-fee")).to_have_text("₩21,000")
    screenshot(page, "ko-classes")

    page.goto(f"{app.url}/course?id={code}")
    wait_hydrated(page)
    expect(page.locator("#course-title")).to_have_text("스마트폰 활용")
    expect(page.locator(".your-fee")).to_have_text("₩21,000")
    expect(page.locator(".reduction").first).to_contain_text("만 65세 이상 감면 30%")
    page.locator("#register").dblclick()  # a double click makes one registration
    expect(page.locator("#my-status")).to_have_text("확정 · 납부 대기")
    expect(page.locator("#outcome")).to_contain_text("확정")
    expect(page.locator("#my-registration")).to_contain_text("₩26,000")  # ₩21,000 + ₩5,000 materials
    screenshot(page, "ko-course-registered")
    rows = sqlite_rows(app.db_url, "SELECT r.id, r.status, r.fee_due_krw, r.quota, r.reduction_code FROM registration r "
                                   "JOIN course c ON c.id = r.course_id WHERE c.code = ?", code)  # fmt: skip
    assert [row[1:] for row in rows] == [("confirmed", 26000, "quota1", "senior")]
    registration_id = rows[0][0]

    page.locator("#ask-cancel").click()  # the refund is shown before anything is cancelled
    expect(page.locator("#refund-preview")).to_contain_text("돌려받을 금액이 없어요")
    page.get_by_role("button", name="취소하지 않기").click()
    expect(page.locator("#my-status")).to_have_text("확정 · 납부 대기")
    page.goto(f"{app.url}/my-classes")
    wait_hydrated(page)
    expect(page.locator("#my-registrations")).to_contain_text("확정 · 납부 대기")
    screenshot(page, "ko-my-classes")
    assert serious_violations(page) == []
    context.close()

    _, staff_token = db_account(  # 자치행정과 keeps every centre's rosters with the 동 주민센터
        app.db_url, f"staff{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD, role="staff",
        department="자치행정과",
    )  # fmt: skip
    staff_context = signed_in_context(browser, app.url, staff_token)
    staff = staff_context.new_page()
    staff.set_viewport_size({"width": 1100, "height": 900})
    staff.goto(f"{app.url}/staff/course?id={code}")
    wait_hydrated(staff)
    expect(staff.locator("#roster")).to_contain_text(login)
    staff.locator(f"#paid-{registration_id}").click()  # a controlled checkbox: the server answers
    expect(staff.locator(f"#paid-{registration_id}")).to_be_checked()
    staff.locator(f"#present-{registration_id}").click()
    expect(staff.locator(f"#mark-{registration_id}")).to_have_text("출석")
    screenshot(staff, "ko-staff-roster")
    assert serious_violations(staff) == []
    staff.goto(f"{app.url}/en/staff/classes")
    wait_hydrated(staff)
    expect(staff.locator("#staff-courses")).to_contain_text("Using a smartphone")
    screenshot(staff, "en-staff-classes")
    assert serious_violations(staff) == []
    staff_context.close()
    assert sqlite_rows(
        app.db_url, "SELECT paid_at IS NOT NULL FROM registration WHERE id = ?", registration_id
    ) == [(1,)]
    assert sqlite_rows(app.db_url, "SELECT present FROM class_attendance WHERE registration_id = ?",
                       registration_id) == [(1,)]  # fmt: skip
    actions = sqlite_rows(
        app.db_url, "SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id", resident_id
    )
    assert {"staff.read_roster", "staff.recorded_payment", "staff.marked_attendance"} <= {
        a for (a,) in actions
    }


def test_the_course_page_sends_a_visitor_to_sign_in_and_back(browser: Browser, app: ServedApp) -> None:
    code = open_course(app.db_url)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    page = context.new_page()
    page.goto(f"{app.url}/en/course?id={code}")
    wait_hydrated(page)
    expect(page.locator("#course-title")).to_have_text("Using a smartphone")
    link = page.locator("#login-to-register")
    assert link.get_attribute("href") == f"/en/login?next=%2Fen%2Fcourse%3Fid%3D{code}"
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    screenshot(page, "en-course-visitor-360px")
    context.close()


@pytest.fixture
def two_residents_and_a_course(app: ServedApp):
    code = open_course(app.db_url)
    b_id, b_token = db_account(app.db_url, f"b{uuid.uuid4().hex[:8]}@example.test", PASSWORD, profile=SENIOR)
    _, a_token = db_account(app.db_url, f"a{uuid.uuid4().hex[:8]}@example.test", PASSWORD)
    [(course_id,)] = sqlite_rows(app.db_url, "SELECT id FROM course WHERE code = ?", code)
    b_row = register(b_id, course_id, "b-key", url=app.db_url).registration
    return code, a_token, b_token, b_row.id


def test_another_resident_cannot_cancel_her_registration_nor_read_the_roster(
    app: ServedApp, two_residents_and_a_course
) -> None:
    code, a_token, b_token, b_registration = two_residents_and_a_course
    # the probe puts the query into the path it reports (asPath), as a browser does
    query, page, roster = {"id": code}, "/course", "/staff/course"
    with client(app, a_token) as attacker:
        attacker.call(handler(CourseState, "open_course"), path=page, query=query)
        for name in ("ask_cancel", "cancel_registration", "confirm_seat"):
            attacker.call(
                handler(CourseState, name), {"registration_id": b_registration}, path=page, query=query
            )
        opened = attacker.call(handler(StaffCourseState, "open_roster"), path=roster, query=query)
        paid = attacker.call(handler(StaffCourseState, "set_paid"), {"registration_id": b_registration, "paid": True},
                             path=roster, query=query)  # fmt: skip
        marked = attacker.call(handler(StaffCourseState, "mark"), {"registration_id": b_registration, "present": True},
                               path=roster, query=query)  # fmt: skip
    assert '"_redirect"' in readable(opened)
    for updates in (opened, paid, marked):
        for delta in deltas_of(updates, StaffCourseState):
            assert not delta.get("rows_rx_state_") and not delta.get("allowed_rx_state_")
    assert sqlite_rows(
        app.db_url, "SELECT status, paid_at FROM registration WHERE id = ?", b_registration
    ) == [("confirmed", None)]
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM class_attendance WHERE registration_id = ?",
                       b_registration) == [(0,)]  # fmt: skip
    # the control: B herself, through the same handlers, does cancel it
    with client(app, b_token) as own:
        own.call(handler(CourseState, "open_course"), path=page, query=query)
        own.call(handler(CourseState, "ask_cancel"), path=page, query=query)
        own.call(handler(CourseState, "cancel_registration"), path=page, query=query)
    assert sqlite_rows(app.db_url, "SELECT status FROM registration WHERE id = ?", b_registration) == [
        ("cancelled",)
    ]


def test_a_waitlisted_resident_sees_the_seat_held_for_her_on_my_classes_and_confirms_it(
    browser: Browser, app: ServedApp
) -> None:
    code = open_course(app.db_url, capacity=1, quotas="[]")
    first_id, _ = db_account(app.db_url, f"first{uuid.uuid4().hex[:8]}@example.test", PASSWORD)
    waiting_id, token = db_account(
        app.db_url, f"wait{uuid.uuid4().hex[:8]}@example.test", PASSWORD, profile=SENIOR
    )
    [(course_id,)] = sqlite_rows(app.db_url, "SELECT id FROM course WHERE code = ?", code)
    seat = register(first_id, course_id, "first", url=app.db_url).registration
    held = register(waiting_id, course_id, "wait", url=app.db_url).registration
    assert held.status == "waitlisted"
    cancel(seat.id, first_id, url=app.db_url)  # the seat frees: held for her for a day

    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    page.goto(f"{app.url}/my-classes")
    wait_hydrated(page)
    todo = page.locator("#todo")
    expect(todo).to_contain_text("지금 하실 일")
    expect(todo).to_contain_text("스마트폰 활용")
    expect(todo).to_contain_text("까지 확정해 주세요")
    expect(page.locator("#classes-to-act-on")).to_have_text("1")
    screenshot(page, "ko-my-classes-held-seat")
    assert serious_violations(page) == []
    page.locator(f"#confirm-{held.id}").click()
    expect(page.locator("#my-classes-outcome")).to_contain_text("확정했어요: 확정 · 납부 대기")
    expect(todo).to_contain_text("자치회관에 납부해 주세요")  # what waits on her now: the fee
    assert sqlite_rows(app.db_url, "SELECT status FROM registration WHERE id = ?", held.id) == [
        ("confirmed",)
    ]
    assert sqlite_rows(
        app.db_url, "SELECT kind FROM notice WHERE key = ?", f"class_update:{held.id}:held"
    ) == [("class_update",)]
    context.close()


def test_the_list_starts_at_the_residents_own_dong_and_shows_every_dong_in_one_tap(
    browser: Browser, app: ServedApp
) -> None:
    code = open_course(app.db_url)
    _, token = db_account(app.db_url, f"dong{uuid.uuid4().hex[:8]}@example.test", PASSWORD, profile=SENIOR)
    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    page.goto(f"{app.url}/classes")
    wait_hydrated(page)
    expect(page.locator("#home-centre")).to_contain_text("신당동")
    expect(page.locator("#centre")).to_have_value("1114061500")
    expect(page.locator(f"#courses a[href='/course?id={code}']")).to_be_visible()
    own = int(page.locator("#course-count").inner_text().split(":")[1])
    assert page.locator("#courses > li").count() == min(own, 8)
    screenshot(page, "ko-classes-own-dong-390px")
    page.locator("#all-centres").click()
    expect(page.locator("#centre")).to_have_value("")
    expect(page.locator("#more-courses")).to_be_visible()  # every 동: a page at a time
    every = int(page.locator("#course-count").inner_text().split(":")[1])
    assert every > own and page.locator("#courses > li").count() == 8
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 6000, f"the list of every 동 is {height}px tall on a phone"
    page.locator("#more-courses").click()
    expect(page.locator("#courses > li")).to_have_count(min(every, 16))
    screenshot(page, "ko-classes-all-dongs-390px")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 360, "height": 740})
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"/classes scrolls sideways by {overflow}px at 360px and 200% text"
    page.locator("#courses > li").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot(page, "ko-classes-360px-200pct")).replace(".png", "-card.png"))
    context.close()
