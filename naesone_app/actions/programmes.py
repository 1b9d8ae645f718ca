"""What a resident does with programmes: their feed (which notes newly matching programmes), saving a
programme, and saying whether they finished applying on another site."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from naesone_app.core.actor import Actor, require_account
from naesone_app.core.profile import Facts
from naesone_app.db.engine import transaction
from naesone_app.db.outbound import external_application, report
from naesone_app.db.outbound_models import ExternalApplication
from naesone_app.db.resident_data import load_profile, note_matches, saved_programs, set_saved


@dataclass(frozen=True, slots=True)
class FeedBasis:
    profile: dict[str, Any]
    saved: list[str]  # saved programme keys, oldest first
    facts: Facts
    first_seen: dict[str, datetime]  # when each matching programme first matched


def feed_basis(actor: Actor, facts_of: Callable[[dict[str, Any]], Facts],
               matching: Callable[[Facts], Sequence[str]]) -> FeedBasis:  # fmt: skip
    """What the feed is built from; the programmes matching now are noted (first seen) on the way."""
    account_id = require_account(actor)
    with transaction() as session:
        profile = load_profile(session, account_id)
        facts = facts_of(profile)
        first_seen = note_matches(session, account_id, list(matching(facts)))
        return FeedBasis(profile, saved_programs(session, account_id), facts, first_seen)


def standing(actor: Actor, program_key: str) -> tuple[bool, ExternalApplication | None]:
    """Whether the resident saved the programme, and their visit to apply for it elsewhere (if any)."""
    account_id = require_account(actor)
    with transaction() as session:
        return (program_key in saved_programs(session, account_id),
                external_application(session, account_id, program_key))  # fmt: skip


def save(actor: Actor, program_key: str, saved: bool) -> None:
    """Save (or unsave) a programme."""
    account_id = require_account(actor)
    with transaction() as session:
        set_saved(session, account_id, program_key, saved)


def report_applied(actor: Actor, program_key: str, outcome: str) -> None:
    """The resident says whether they finished applying elsewhere (`LookupError` without a visit)."""
    account_id = require_account(actor)
    with transaction() as session:
        report(session, account_id, program_key, outcome)
