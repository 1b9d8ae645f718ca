"""What a signed-in resident can still read offline: kept in this browser, cleared on sign-out."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from naesone_app.state.views import ResultCard

OFFLINE_KEY = "naesone.offline.v1"


def _cards(cards: list[ResultCard]) -> list[dict[str, str]]:
    return [{"title": c.title, "key": c.key, "status": c.status, "deadline": c.deadline} for c in cards[:50]]


def keep_offline_script(locale: str, eligible: list[ResultCard], saved: list[ResultCard]) -> str:
    """Page script that stores the latest results and saved programmes for the offline page."""
    snapshot = {
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "locale": locale,
        "eligible": _cards(eligible),
        "saved": _cards(saved),
    }
    return f"localStorage.setItem({json.dumps(OFFLINE_KEY)}, {json.dumps(json.dumps(snapshot, ensure_ascii=False))})"


FORGET_OFFLINE = f"localStorage.removeItem({json.dumps(OFFLINE_KEY)});"
