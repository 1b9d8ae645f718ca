"""Who is acting (core.actor): the checks every action makes before it changes anything."""

from __future__ import annotations

import pytest

from naesone_app.core import accounts as account_rules
from naesone_app.core.actor import (
    ROLES,
    STAFF_ROLES,
    Actor,
    NotAllowed,
    may_review,
    require_account,
    require_admin,
    require_editor,
    require_staff,
)  # fmt: skip

RESIDENT = Actor(7, "resident")
STAFF = Actor(8, "staff", "어르신복지과")
ADMIN = Actor(9, "admin")
EDITOR = Actor(10, "editor", "스마트정보과")
NEW_STAFF = Actor(11, "staff", "어르신복지과", must_change_password=True)
JOB = Actor.for_job("class jobs")


def test_staff_review_only_their_department_and_an_admin_every_one() -> None:
    assert STAFF.reviews("어르신복지과") and not STAFF.reviews("가정복지과")
    assert ADMIN.reviews("가정복지과")
    assert not RESIDENT.reviews("") and not JOB.reviews("")


def test_each_requirement_refuses_the_others() -> None:
    assert require_account(RESIDENT) == 7 and require_staff(STAFF) == 8 and require_admin(ADMIN) == 9
    assert require_staff(ADMIN) == 9
    for check, refused in ((require_account, [JOB]), (require_staff, [RESIDENT, JOB]),
                           (require_admin, [RESIDENT, STAFF, JOB])):  # fmt: skip
        for actor in refused:
            with pytest.raises(NotAllowed):
                check(actor)


def test_a_job_has_a_name_and_no_account() -> None:
    assert JOB.account_id is None and JOB.is_job and JOB.job == "class jobs"
    with pytest.raises(ValueError, match="name the job"):
        Actor.for_job("")


def test_one_list_of_roles() -> None:
    assert STAFF_ROLES == ("staff", "editor", "admin") and ("resident", *STAFF_ROLES) == ROLES
    assert account_rules.ROLES is ROLES
    assert all(Actor(1, role).is_staff for role in STAFF_ROLES) and not RESIDENT.is_staff


def test_an_editor_does_what_staff_do_and_sees_every_department_s_catalogue() -> None:
    assert require_staff(EDITOR) == 10 and require_editor(EDITOR) == 10 and require_editor(ADMIN) == 9
    assert EDITOR.reviews("스마트정보과") and not EDITOR.reviews("어르신복지과")
    assert EDITOR.sees_every_department and ADMIN.sees_every_department and not STAFF.sees_every_department
    for refused in (STAFF, RESIDENT, JOB):
        with pytest.raises(NotAllowed):
            require_editor(refused)
    with pytest.raises(NotAllowed):
        require_admin(EDITOR)


def test_a_temporary_password_reaches_no_officer_rule() -> None:
    for check in (require_staff, require_editor, require_admin):
        with pytest.raises(NotAllowed):
            check(NEW_STAFF)
    with pytest.raises(NotAllowed, match="temporary password"):
        require_admin(Actor(12, "admin", must_change_password=True))
    assert not NEW_STAFF.reviews("어르신복지과")
    assert require_account(NEW_STAFF) == 11  # still a person: they may change their password


def test_no_department_reviews_nothing() -> None:
    assert not may_review("staff", "", "") and may_review("admin", "", "")
    assert not may_review("resident", "어르신복지과", "어르신복지과")


def test_a_roster_is_kept_by_its_centre_and_jachi_haengjeong_and_admins() -> None:
    from naesone_app.core.actor import may_keep_roster

    assert may_keep_roster("staff", "명동 주민센터", "명동 주민센터")
    assert may_keep_roster("editor", "자치행정과", "명동 주민센터") and may_keep_roster("admin", "", "")
    assert not may_keep_roster("staff", "어르신복지과", "명동 주민센터")
    assert not may_keep_roster("staff", "", "") and not may_keep_roster(
        "resident", "명동 주민센터", "명동 주민센터"
    )
