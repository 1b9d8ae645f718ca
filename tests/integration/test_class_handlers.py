"""The class handlers as a browser calls them: the reduced fee, one registration per page view, the refund
shown before cancelling, the way back after signing in, and the roster for staff only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from naesone_app.actions.classes import cancel, register
from naesone_app.api import SESSION_COOKIE
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.class_models import ClassCentre, Course
from naesone_app.db.classes import registrations_of
from naesone_app.db.engine import transaction
from naesone_app.db.resident_data import grant_consent, save_profile
from naesone_app.state.account_forms import local_path
from naesone_app.state.classes import ClassesState, MyClassesState
from naesone_app.state.course import CourseState
from naesone_app.state.session import SessionState
from naesone_app.state.staff_classes import StaffCourseState
from tests.integration.test_account_handlers import PASSWORD, _substate


def _person(
    url: str, login: str, profile: dict | None = None, role: str = "resident", department: str = "자치행정과"
) -> tuple[int, str]:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD, role=role, department=department)
        grant_consent(session, account.id, "account")
        if profile:
            grant_consent(session, account.id, "sensitive_profile")
            save_profile(session, account.id, profile)
        return account.id, f"{SESSION_COOKIE}={start_session(session, account.id)}"


def _course(url: str) -> tuple[int, str]:
    now = datetime.now(UTC)
    with transaction(url) as session:
        centre = ClassCentre(
            dong="1114055000", name_ko="명동 자치회관", name_en="Myeong-dong Community Centre"
        )
        session.add(centre)
        session.flush()
        course = Course(
            code="h1", centre_id=centre.id, title_ko="서예", quarter=f"{now.year}Q{(now.month - 1) // 3 + 1}",
            capacity=10, fee_krw=30000, materials_fee_krw=5000, opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=5), starts_on=(now + timedelta(days=20)).date(),
            ends_on=(now + timedelta(days=90)).date(), category="교양·문화",
        )  # fmt: skip
        session.add(course)
        session.flush()
        return course.id, course.code


async def test_a_resident_sees_her_reduced_fee_registers_once_and_sees_the_refund_before_cancelling(
    database: str,
) -> None:
    course_id, code = _course(database)
    me, cookie = _person(
        database, "halmoni@example.com", {"birth_date": "1950-01-01", "lives_in_junggu": True}
    )
    _, staff_cookie = _person(database, "staff@junggu.example", role="staff")
    page = _substate(CourseState, "/course", cookie, {"id": code})
    await CourseState.open_course.fn(page)
    assert (page.card.your_fee, page.card.reduction) == ("₩21,000", "만 65세 이상 감면 30%")
    await CourseState.sign_up_for_course.fn(page)
    await CourseState.sign_up_for_course.fn(page)  # the double click
    assert [r.account_id for r in registrations_of(course_id, database)] == [me]
    assert page.outcome == "신청 결과: 확정 · 납부 대기" and page.mine.fee_due == "₩26,000"

    await CourseState.cancel_registration.fn(page)  # not asked first: nothing happens
    assert registrations_of(course_id, database)[0].status == "confirmed"
    await CourseState.ask_cancel.fn(page)
    assert page.refund_text == "아직 낸 돈이 없어서 돌려받을 금액이 없어요."
    [row] = registrations_of(course_id, database)
    staff = _substate(StaffCourseState, "/staff/course", staff_cookie, {"id": code})
    await StaffCourseState.open_roster.fn(staff)
    assert [r.login for r in staff.rows] == ["halmoni@example.com"]
    await StaffCourseState.set_paid.fn(staff, row.id, True)
    assert staff.rows[0].paid is True and staff.rows[0].status_label == "확정 · 납부 완료"
    await CourseState.ask_cancel.fn(page)
    assert page.refund_text == "돌려받는 금액: ₩21,000 (개강 전 취소: 수강료 전액 환불 (재료비 제외))"
    await CourseState.cancel_registration.fn(page)
    assert registrations_of(course_id, database)[0].refund_krw == 21000

    mine = _substate(MyClassesState, "/en/my-classes", cookie)
    await MyClassesState.open_my_classes.fn(mine)
    assert [(line.title, line.status_label, line.refund) for line in mine.lines] == [
        ("서예", "You cancelled", "₩21,000")
    ]


async def test_the_list_filters_by_centre_and_category_and_ignores_unknown_values(database: str) -> None:
    _, code = _course(database)
    listing = _substate(ClassesState, "/en/classes")
    await ClassesState.open_classes.fn(listing)
    assert [c.code for c in listing.cards] == [code] and listing.cards[0].your_fee == ""
    assert listing.centres == [["1114055000", "Myeong-dong Community Centre"]]
    assert listing.category_labels == [["교양·문화", "Culture"]]
    ClassesState.set_category.fn(listing, "어학")  # not offered: means "all"
    assert listing.category == "" and len(listing.cards) == 1
    ClassesState.set_centre.fn(listing, "1114052000")
    assert listing.centre == "" and len(listing.cards) == 1


async def test_residents_and_visitors_get_no_roster_and_cannot_record_anything(database: str) -> None:
    course_id, code = _course(database)
    _, resident_cookie = _person(database, "someone@example.com")
    _, other_cookie = _person(database, "other@example.com")
    page = _substate(CourseState, "/course", other_cookie, {"id": code})
    await CourseState.open_course.fn(page)
    await CourseState.sign_up_for_course.fn(page)
    [row] = registrations_of(course_id, database)
    for cookie in ("", resident_cookie):
        staff = _substate(StaffCourseState, "/staff/course", cookie, {"id": code})
        await StaffCourseState.open_roster.fn(staff)
        await StaffCourseState.set_paid.fn(staff, row.id, True)
        await StaffCourseState.mark.fn(staff, row.id, True)
        assert staff.rows == [] and staff.allowed is False
    assert registrations_of(course_id, database)[0].paid_at is None
    # a visitor's course page offers sign-in, and the sign-in comes back to the course
    visitor = _substate(CourseState, "/course", "", {"id": code})
    await CourseState.open_course.fn(visitor)
    await CourseState.sign_up_for_course.fn(visitor)
    assert (
        visitor.login_href == "/login?next=%2Fcourse%3Fid%3Dh1"
        and len(registrations_of(course_id, database)) == 1
    )


def test_sign_in_returns_to_class_pages_of_this_app_only() -> None:
    for good in ("/course?id=sample-2027Q1-1114052000-1", "/en/course?id=h1", "/my-classes", "/en/classes"):
        assert local_path(good) == good
    for bad in ("//evil.example/", "https://evil.example", "", None, 7, "/course?id=" + "a" * 300):
        assert local_path(bad) == ""


async def test_a_held_seat_is_first_on_my_classes_and_only_its_owner_can_confirm_it(database: str) -> None:
    course_id, _ = _course(database)
    with transaction(database) as session:
        session.get(Course, course_id).capacity = 1
    first, first_cookie = _person(database, "first@example.com")
    waiting, waiting_cookie = _person(database, "waiting@example.com")
    seat = register(first, course_id, "k", url=database).registration
    held = register(waiting, course_id, "k", url=database).registration
    cancel(seat.id, first, url=database)  # the seat passes to the first waitlisted, held for a day

    other = _substate(MyClassesState, "/my-classes", first_cookie)
    await MyClassesState.open_my_classes.fn(other)
    assert other.todo == []
    await MyClassesState.confirm_seat.fn(other, held.id)  # not hers: refused, nothing changes
    assert other.error == "없는 신청이에요"
    await MyClassesState.confirm_seat.fn(other, "1; drop")  # not an id at all
    assert {r.id: r.status for r in registrations_of(course_id, database)}[held.id] == "held"

    mine = _substate(MyClassesState, "/my-classes", waiting_cookie)
    await MyClassesState.open_my_classes.fn(mine)
    [todo] = mine.todo
    assert todo.id == held.id and todo.can_confirm and todo.hold_until
    session_state = await mine.get_state(SessionState)
    session_state.load_session()
    assert session_state.classes_to_act_on == 1
    await MyClassesState.confirm_seat.fn(mine, held.id)
    assert mine.outcome == "확정했어요: 확정 · 납부 대기" and mine.error == ""
    assert [line.payment != "" for line in mine.todo] == [True]  # what waits now: paying at the centre
    assert session_state.classes_to_act_on == 1


async def test_the_list_starts_at_the_residents_own_centre_and_shows_every_centre_on_request(
    database: str,
) -> None:
    _course(database)  # 명동
    with transaction(database) as session:
        centre = ClassCentre(dong="1114061500", name_ko="신당동 자치회관")
        session.add(centre)
        session.flush()
        template = session.exec(select(Course)).first()
        for i in range(10):
            data = template.model_dump(exclude={"id", "code", "centre_id"})
            session.add(Course(**data, code=f"s{i}", centre_id=centre.id))
    _, cookie = _person(database, "neighbour@example.com", {"dong": "신당동", "lives_in_junggu": True})
    listing = _substate(ClassesState, "/classes", cookie)
    await ClassesState.open_classes.fn(listing)
    assert (listing.centre, listing.home_centre, listing.home_centre_name) == (
        "1114061500",
        "1114061500",
        "신당동 자치회관",
    )
    assert listing.total == 10 and len(listing.cards) == 8  # a page at a time
    ClassesState.show_more.fn(listing)
    assert len(listing.cards) == 10
    ClassesState.set_centre.fn(listing, "")  # 모든 동 보기
    assert listing.total == 11 and len(listing.cards) == 8
    everything = _substate(ClassesState, "/classes", cookie, {"centre": "all"})
    await ClassesState.open_classes.fn(everything)
    assert everything.centre == "" and everything.total == 11
    visitor = _substate(ClassesState, "/classes")
    await ClassesState.open_classes.fn(visitor)
    assert visitor.centre == "" and visitor.home_centre == ""


async def test_a_roster_is_kept_by_its_centre_and_by_jachi_haengjeong_not_by_another_department(
    database: str,
) -> None:
    """Least privilege: a course is public, its learners are not — 명동 주민센터 and 자치행정과 keep the 명동
    course's roster; an officer of 어르신복지과 (or of another centre) sees no one and records nothing."""
    course_id, code = _course(database)
    _, cookie = _person(database, "learner@example.com")
    page = _substate(CourseState, "/course", cookie, {"id": code})
    await CourseState.open_course.fn(page)
    await CourseState.sign_up_for_course.fn(page)
    [row] = registrations_of(course_id, database)
    for department, keeps in (
        ("명동 주민센터", True), ("자치행정과", True), ("어르신복지과", False), ("신당동 주민센터", False),
    ):  # fmt: skip
        _, staff_cookie = _person(database, f"{len(department)}{keeps}@junggu.example", role="staff",
                                  department=department)  # fmt: skip
        staff = _substate(StaffCourseState, "/staff/course", staff_cookie, {"id": code})
        await StaffCourseState.open_roster.fn(staff)
        await StaffCourseState.set_paid.fn(staff, row.id, True)
        assert ([r.login for r in staff.rows] == ["learner@example.com"]) is keeps, department
        assert (registrations_of(course_id, database)[0].paid_at is not None) is keeps, department
        if keeps:
            await StaffCourseState.set_paid.fn(staff, row.id, False)  # taken back for the next officer
        else:
            assert "자치행정과" in staff.notice
