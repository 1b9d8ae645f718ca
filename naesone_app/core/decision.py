"""What an officer's decision rests on, and the rule that guards it. Pure Python.

- The engine's verdict is *recorded* when a resident submits (`record_of`): the programme's status and
  each criterion's status, requirement and detail, rendered in every locale then (the catalogue and the
  wording may change later; what the resident was told at submission must not), with the evaluation date
  and the programme's last update. Beside it, the verdict on today's profile; `compare` pairs them
  criterion by criterion and marks what changed, so an officer sees "소득: 충족 → 미충족" at a glance.
- Approving while required documents are missing needs an explicit override with a reason
  (`check_override`): which decisions are blocked by what lives here, the action enforces it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from naesone_app.core.applications import MAX_REASON, TransitionError
from naesone_app.core.eligibility import evaluate
from naesone_app.core.i18n import LOCALES, N_, Message, render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.program import Program

# --- the verdict, recorded ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CriterionRecord:
    """One criterion as decided: `key` pairs it across two verdicts (its kind, numbered when repeated)."""

    key: str
    name: str
    status: str  # met | unmet | unknown
    requirement: dict[str, str]  # locale → text
    detail: dict[str, str]

    def text(self, field: str, locale: str) -> str:
        texts = self.requirement if field == "requirement" else self.detail
        return texts.get(locale) or texts.get("ko", "")


@dataclass(frozen=True, slots=True)
class VerdictRecord:
    """A programme decided for one resident on one day, as kept with the application."""

    status: str  # eligible | maybe | ineligible | closed
    as_of: date
    catalogue: str  # the programme's last update as published ("" when it does not say)
    criteria: tuple[CriterionRecord, ...]

    def to_data(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "as_of": self.as_of.isoformat(),
            "catalogue": self.catalogue,
            "criteria": [
                {"key": c.key, "name": c.name, "status": c.status, "requirement": c.requirement,
                 "detail": c.detail}
                for c in self.criteria
            ],
        }  # fmt: skip


def _texts(message: Message) -> dict[str, str]:
    return {locale: render(message, locale) for locale in LOCALES}


def record_of(program: Program, profile: Mapping[str, Any], on: date) -> VerdictRecord | None:
    """The verdict on the resident's profile (the contract's JSON form) on `on`; None when the stored
    profile cannot be read (an officer then sees "no verdict", never a made-up one)."""
    try:
        facts = facts_on(parse_profile(profile), on)
    except ProfileError:
        return None
    result = evaluate(program, facts)
    seen: dict[str, int] = {}
    criteria = []
    for verdict in result.criteria:
        seen[verdict.name] = seen.get(verdict.name, 0) + 1
        key = verdict.name if seen[verdict.name] == 1 else f"{verdict.name}#{seen[verdict.name]}"
        criteria.append(
            CriterionRecord(
                key, verdict.name, verdict.status, _texts(verdict.requirement), _texts(verdict.detail)
            )
        )
    updated = program.last_updated.isoformat() if program.last_updated else ""
    return VerdictRecord(result.status, on, updated, tuple(criteria))


def record_from_data(data: Any) -> VerdictRecord | None:
    """A stored verdict back (None for none, or for a malformed one: it is shown as missing, not guessed)."""
    if not isinstance(data, Mapping):
        return None
    try:
        criteria = tuple(
            CriterionRecord(str(c["key"]), str(c["name"]), str(c["status"]), dict(c["requirement"]),
                            dict(c["detail"]))
            for c in data["criteria"]
        )  # fmt: skip
        return VerdictRecord(
            str(data["status"]), date.fromisoformat(data["as_of"]), str(data.get("catalogue", "")), criteria
        )
    except (KeyError, TypeError, ValueError):
        return None


# --- then and now ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CriterionChange:
    """One criterion at submission and now; either side is None when the criterion exists on one only."""

    key: str
    then: CriterionRecord | None
    now: CriterionRecord | None

    @property
    def changed(self) -> bool:
        """Its status moved, or the criterion appeared or went (the programme's rules changed)."""
        return self.then is None or self.now is None or self.then.status != self.now.status

    @property
    def shown(self) -> CriterionRecord:
        """The side whose requirement names the criterion (today's wording when there is one)."""
        found = self.now or self.then
        assert found is not None
        return found


def compare(then: VerdictRecord | None, now: VerdictRecord | None) -> list[CriterionChange]:
    """Criteria paired by key, in the order of the verdict at submission, then those only in today's."""
    before = {c.key: c for c in then.criteria} if then else {}
    after = {c.key: c for c in now.criteria} if now else {}
    keys = list(before) + [k for k in after if k not in before]
    return [CriterionChange(k, before.get(k), after.get(k)) for k in keys]


def status_changed(then: VerdictRecord | None, now: VerdictRecord | None) -> bool:
    """The programme's status differs between the two (both known)."""
    return then is not None and now is not None and then.status != now.status


# --- deciding with documents missing ---------------------------------------------------------------------

BLOCKED_BY_MISSING_DOCUMENTS = frozenset({"approved"})  # asking for documents or rejecting is always fine


class OverrideNeeded(ValueError):
    """Approving with required documents missing, without a stated override reason; `missing` are the
    checklist keys, for the page to name them."""

    def __init__(self, missing: Sequence[str]) -> None:
        super().__init__("missing documents: " + ", ".join(missing))
        self.missing = tuple(missing)


def check_override(decision: str, missing: Sequence[str], override_reason: str = "") -> str:
    """The trimmed override reason to record ("" when none is needed), or `OverrideNeeded` when
    `decision` is blocked by the `missing` required documents and no reason is given."""
    if decision not in BLOCKED_BY_MISSING_DOCUMENTS or not missing:
        return ""
    reason = (override_reason or "").strip()
    if not reason:
        raise OverrideNeeded(missing)
    if len(reason) > MAX_REASON:
        raise TransitionError(Message(N_("사유는 {max}자 이내로 적어 주세요."), {"max": MAX_REASON}))
    return reason
