"""Actions (naesone_app/actions) on SQLite and PostgreSQL: an action refused by its permission check
changes nothing and writes no audit row; the change and its audit row commit together or not at all."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from naesone_app.actions import actor_of, applications, evidence, staff
from naesone_app.actions import classes as class_actions
from naesone_app.core.actor import Actor, NotAllowed
from naesone_app.db.account_models import Account, AuditEntry
from naesone_app.db.application_access import Forbidden, NotFound
from naesone_app.db.application_models import Application, ApplicationEvent, EvidenceConsent
from naesone_app.db.applications import submit
from naesone_app.db.class_models import Course
from naesone_app.db.engine import transaction
from naesone_app.db.evidence import record_evidence_consent
from tests.integration.test_applications import ANSWERS, FORM, KEY, _account
from tests.integration.test_class_registration import NOW, make_course


def _actor(url: str, account_id: int) -> Actor:
    with transaction(url) as session:
        return actor_of(session.get(Account, account_id))


def _audit_rows(url: str) -> list[tuple[str, int | None]]:
    with transaction(url) as session:
        return [(e.action, e.actor_id) for e in session.exec(select(AuditEntry).order_by(AuditEntry.id))]


def _submitted(url: str) -> tuple[int, int]:
    resident = _account(url, "resident@example.com")
    with transaction(url) as session:
        return resident, submit(session, resident, KEY, FORM, ANSWERS, "click-0001").id


def _status(url: str, application_id: int) -> tuple[str, int]:
    with transaction(url) as session:
        events = session.exec(
            select(func.count(ApplicationEvent.id)).where(ApplicationEvent.application_id == application_id)
        ).one()
        return session.get(Application, application_id).status, events


def test_a_decision_refused_by_its_permission_check_changes_nothing_and_audits_nothing(database: str) -> None:
    resident, application_id = _submitted(database)
    elsewhere = _account(database, "other@junggu.go.kr", role="staff", department="가정복지과")
    before = _audit_rows(database)

    with pytest.raises(NotAllowed):  # a resident deciding, even their own
        applications.decide(_actor(database, resident), application_id, "approved")
    with pytest.raises(Forbidden):  # staff of another department
        applications.decide(_actor(database, elsewhere), application_id, "in_review")
    with pytest.raises(NotFound):
        applications.decide(_actor(database, elsewhere), application_id + 100, "in_review")

    assert _status(database, application_id) == ("submitted", 1)
    assert _audit_rows(database) == before


def test_a_decision_and_its_audit_row_commit_together_or_not_at_all(database: str, monkeypatch) -> None:
    _resident, application_id = _submitted(database)
    officer = _account(database, "officer@junggu.go.kr", role="staff", department=FORM.department)
    before = _audit_rows(database)

    def broken_audit(*_args, **_kwargs) -> None:
        raise RuntimeError("the audit log is unavailable")

    with monkeypatch.context() as patched, pytest.raises(RuntimeError):
        patched.setattr(applications, "audit", broken_audit)
        applications.decide(_actor(database, officer), application_id, "in_review")
    assert _status(database, application_id) == ("submitted", 1)  # the change rolled back with it

    decided = applications.decide(_actor(database, officer), application_id, "in_review")
    assert decided.application.status == "in_review" and decided.event_id is not None
    assert _status(database, application_id) == ("in_review", 2)
    assert _audit_rows(database) == [*before, ("application.decided", officer)]


def test_a_consent_of_someone_else_is_not_withdrawn_and_nothing_is_audited(database: str) -> None:
    owner = _account(database, "owner@example.com")
    other = _account(database, "other@example.com")
    with transaction(database) as session:
        consent_id = record_evidence_consent(
            session, owner, "mydata", ["resident_registration_copy"], "test"
        ).id
    before = _audit_rows(database)

    with pytest.raises(NotFound):
        evidence.withdraw_consent(_actor(database, other), consent_id)
    with pytest.raises(NotAllowed):
        evidence.withdraw_consent(Actor.for_job("cleanup"), consent_id)
    with transaction(database) as session:
        assert session.get(EvidenceConsent, consent_id).withdrawn_at is None
    assert _audit_rows(database) == before

    evidence.withdraw_consent(_actor(database, owner), consent_id)
    assert _audit_rows(database) == [*before, ("evidence_consent.withdrawn", owner)]


def test_staff_desk_actions_refuse_residents_and_plain_staff_before_anything_is_written(
    database: str,
) -> None:
    resident, _application_id = _submitted(database)  # an application to 어르신복지과: a case there
    officer = _account(database, "officer@junggu.go.kr", role="staff", department="어르신복지과")
    before = _audit_rows(database)

    with pytest.raises(NotAllowed):
        staff.read_profile(_actor(database, resident), resident)
    with pytest.raises(NotAllowed):  # only admins create staff accounts
        staff.create_staff(_actor(database, officer), "new@junggu.go.kr", "Sindang-Spring-2026", "staff",
                           "어르신복지과")  # fmt: skip
    with pytest.raises(NotAllowed):
        staff.audit_log(_actor(database, officer))
    with transaction(database) as session:
        assert session.exec(select(Account).where(Account.login == "new@junggu.go.kr")).first() is None
    assert _audit_rows(database) == before

    read = staff.read_profile(_actor(database, officer), resident)
    assert read is not None and read[0].id == resident
    assert _audit_rows(database) == [*before, ("staff.read_profile", officer)]


def test_a_resident_cannot_draw_a_lottery_and_nothing_is_drawn_or_audited(database: str) -> None:
    resident = _account(database, "resident@example.com")
    course_id = make_course(database, capacity=1, mode="lottery", minimum=0)
    before = _audit_rows(database)

    with pytest.raises(NotAllowed):
        class_actions.draw_now(_actor(database, resident), course_id, "c1", 7, NOW)
    with transaction(database) as session:
        assert session.get(Course, course_id).status == "open"
    assert _audit_rows(database) == before
