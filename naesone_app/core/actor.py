"""Who is acting: a signed-in account (resident, staff, admin) or a job run by the system.

Actions (naesone_app/actions) take an `Actor` first and check it with these rules before they change
anything, so a state, the CLI and a job asking for the same thing get the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

STAFF_ROLES = frozenset({"staff", "admin"})


class NotAllowed(PermissionError):
    """The actor may not do this (a resident deciding, staff of another department, no one signed in)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """An account (id, role, department) or a job (`job` names it; no account)."""

    account_id: int | None
    role: str
    department: str = ""
    job: str = ""

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
        return self.role == "admin" or (self.role == "staff" and self.department == department)


def require_account(actor: Actor) -> int:
    """The acting account's id; `NotAllowed` for a job (a person's own step needs a person)."""
    if actor.account_id is None or actor.is_job:
        raise NotAllowed("a signed-in account is needed")
    return actor.account_id


def require_staff(actor: Actor) -> int:
    """The acting staff member's (or admin's) id; `NotAllowed` for anyone else."""
    if not actor.is_staff or actor.account_id is None:
        raise NotAllowed("staff only")
    return actor.account_id


def require_admin(actor: Actor) -> int:
    """The acting admin's id; `NotAllowed` for anyone else."""
    if actor.role != "admin" or actor.account_id is None:
        raise NotAllowed("admins only")
    return actor.account_id


CAMPAIGN_ROLES = frozenset({"admin", "editor"})  # the digital policy team's editors, once the role exists


def require_campaign_editor(actor: Actor) -> int:
    """The id of an account that may create campaigns and print their QR codes (admins and editors);
    `NotAllowed` for anyone else. One rule, so the lead can widen or narrow it in one place."""
    if actor.role not in CAMPAIGN_ROLES or actor.account_id is None:
        raise NotAllowed("campaign editors only")
    return actor.account_id
