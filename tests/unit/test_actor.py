"""Who is acting (core.actor): the checks every action makes before it changes anything."""

from __future__ import annotations

import pytest

from naesone_app.core.actor import Actor, NotAllowed, require_account, require_admin, require_staff

RESIDENT = Actor(7, "resident")
STAFF = Actor(8, "staff", "어르신복지과")
ADMIN = Actor(9, "admin")
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
