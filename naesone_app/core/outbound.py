"""Programmes applied for elsewhere (정부24, 복지로, a partner): where the tracked link leads, and why.

The app cannot submit these applications itself, so it does the next best thing: a link through the app
(`/api/go?id=…`) that counts how many residents set off to apply, remembers for a signed-in resident that
they went, and later asks them whether they finished — so the district sees where residents apply and the
resident keeps one list of everything they applied for, here or elsewhere.

The destination always comes from the stored programme, never from the link, so the route is not an open
redirect.
"""

from __future__ import annotations

from urllib.parse import quote

from naesone_app.core.i18n import N_
from naesone_app.core.program import Program

EXTERNAL_CHANNELS = ("gov24", "bokjiro", "partner")
TRACKED_PATH = "/api/go"
REPORTS = ("applied", "not_yet")  # what a resident says after following the link

LINK_LABELS = {
    "gov24": N_("정부24에서 신청하기"),
    "bokjiro": N_("복지로에서 신청하기"),
    "partner": N_("신청하는 기관 사이트로 가기"),
}
OTHER_LINK_LABEL = N_("온라인 신청 바로가기")
REPORT_LABELS = {"applied": N_("신청했어요"), "not_yet": N_("아직 안 했어요")}


def _web(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def destination(program: Program) -> str | None:
    """Where the resident applies outside the app, or None when the app has no such place to send them.

    The programme's own application URL comes first; a programme applied for only elsewhere but with no
    application URL (most 복지로 and partner entries) sends the resident to its official page, which is
    where those sites start the application.
    """
    if _web(program.apply_url):
        return program.apply_url
    if program.apply_channel in EXTERNAL_CHANNELS and _web(program.official_url):
        return program.official_url
    return None


def tracked_link(program: Program) -> str:
    """The in-app link that records the visit and then redirects (empty when there is nowhere to go)."""
    if destination(program) is None:
        return ""
    return f"{TRACKED_PATH}?id={quote(program.key, safe=':')}"


def link_label(program: Program) -> str:
    """The button's words (a msgid), naming the site the resident will land on."""
    return LINK_LABELS.get(program.apply_channel, OTHER_LINK_LABEL)
