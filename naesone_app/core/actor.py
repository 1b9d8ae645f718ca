"""Who is acting: a signed-in account (resident, staff, admin) or a job run by the system.

Actions (naesone_app/actions) take an `Actor` first and check it with these rules before they change
anything, so a state, the CLI and a job asking for the same thing get the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

# The officers' roles, in the order an admin's select offers them: staff (a department's officer), the
# catalogue editor (the digital policy team: what staff do, plus the catalogue's health across every
# department; publishing programmes comes later) and admin. The one list: db.accounts and states use it.
STAFF_ROLES: tuple[str, ...] = ("staff", "editor", "admin")
ROLES: tuple[str, ...] = ("resident", *STAFF_ROLES)
REVIEWING_ROLES = frozenset({"staff", "editor"})  # decide their own department's applications


class NotAllowed(PermissionError):
    """The actor may not do this (a resident deciding, staff of another department, no one signed in)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """An account (id, role, department) or a job (`job` names it; no account).

    `must_change_password`: an officer still on the temporary password an admin gave; every officer's
    rule refuses them until they set their own (the sign-in sends them to do so)."""

    account_id: int | None
    role: str
    department: str = ""
    job: str = ""
    must_change_password: bool = False

    @classmethod
    def for_job(cls, name: str) -> Actor:
        """The system running `name` (the class jobs, the reminder run, a CLI command)."""
        if not name:
            raise ValueError("job: name the job")
        return cls(None, "job", job=name)

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_job(self) -> bool:
        return self.role == "job"

    def reviews(self, department: str) -> bool:
        """Whether the actor decides applications of `department` (its staff, or an admin)."""
        return not self.must_change_password and may_review(self.role, self.department, department)

    @property
    def sees_every_department(self) -> bool:
        """Editors and admins see the catalogue's health (stale windows) of every department."""
        return self.role in ("editor", "admin")


def may_review(role: str, own_department: str, department: str) -> bool:
    """The one reviewing rule (the db's checks use it too): an admin every department; staff and
    editors their own department only (an account with no department reviews nothing)."""
    return role == "admin" or (
        role in REVIEWING_ROLES and bool(own_department) and own_department == department
    )


# the 과 that runs the 자치회관 programme with the 동 주민센터 (data/departments.yaml)
ROSTER_DEPARTMENT = "자치행정과"


def may_keep_roster(role: str, own_department: str, centre_department: str) -> bool:
    """Who reads and keeps a 자치회관 course's roster (residents' names, payments, attendance): an admin,
    or staff and editors of the course's 동 주민센터 or of 자치행정과 — no other department."""
    return role == "admin" or (
        role in REVIEWING_ROLES
        and bool(own_department)
        and own_department in (centre_department, ROSTER_DEPARTMENT)
    )


def require_account(actor: Actor) -> int:
    """The acting account's id; `NotAllowed` for a job (a person's own step needs a person)."""
    if actor.account_id is None or actor.is_job:
        raise NotAllowed("a signed-in account is needed")
    return actor.account_id


def require_staff(actor: Actor) -> int:
    """The acting officer's id (staff, editor or admin); `NotAllowed` for anyone else, and for an
    officer who has not yet replaced the temporary password."""
    if not actor.is_staff or actor.account_id is None:
        raise NotAllowed("staff only")
    if actor.must_change_password:
        raise NotAllowed("change the temporary password first")
    return actor.account_id


def require_editor(actor: Actor) -> int:
    """The acting catalogue editor's (or admin's) id; `NotAllowed` for anyone else."""
    account_id = require_staff(actor)
    if actor.role not in ("editor", "admin"):
        raise NotAllowed("catalogue editors only")
    return account_id


def require_admin(actor: Actor) -> int:
    """The acting admin's id; `NotAllowed` for anyone else."""
    account_id = require_staff(actor)
    if actor.role != "admin":
        raise NotAllowed("admins only")
    return account_id
