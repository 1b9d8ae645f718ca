"""Campaign rules: names, periods, the landing's action after the end, the QR address, the tab's record."""

from __future__ import annotations

from datetime import date

import pytest

from naesone_app.core.actor import Actor, NotAllowed, require_editor
from naesone_app.core.campaigns import (
    Arrival,
    CampaignDraft,
    CampaignError,
    action_when,
    check_label,
    check_slug,
    landing_path,
    landing_url,
    parse_day,
    running_on,
    short_address,
    validate,
)

BASE = "https://naesone.junggu.seoul.kr"


@pytest.mark.parametrize("slug", ["danurim-2027", "a", "move-in-april-2027", "x" * 60])
def test_good_slugs_pass_unchanged(slug: str) -> None:
    assert check_slug(slug) == slug


@pytest.mark.parametrize(
    "slug", ["", "Danurim", "danurim_2027", "-lead", "trail-", "a--b", "한글", "a b", "x" * 61]
)
def test_bad_slugs_are_refused_naming_the_field(slug: str) -> None:
    with pytest.raises(CampaignError) as caught:
        check_slug(slug)
    assert caught.value.field == "slug"


def test_a_bad_placement_label_names_src() -> None:
    with pytest.raises(CampaignError) as caught:
        check_label("Sindang Centre")
    assert caught.value.field == "src"


def test_the_qr_address_is_the_public_url_with_the_slug_and_the_placement() -> None:
    assert landing_url(BASE + "/", "danurim-2027") == f"{BASE}/c/danurim-2027"
    assert landing_url(BASE, "danurim-2027", "danurim-map-p3") == f"{BASE}/c/danurim-2027?src=danurim-map-p3"
    assert landing_path("a", "b-1") == "/c/a?src=b-1"
    assert short_address(BASE, "danurim-2027") == "naesone.junggu.seoul.kr/c/danurim-2027"
    with pytest.raises(CampaignError):
        landing_url(BASE, "danurim-2027", "p3&evil=1")


def test_running_on_a_day() -> None:
    start, end = date(2027, 4, 1), date(2027, 4, 30)
    assert running_on(start, end, date(2027, 3, 31)) == "upcoming"
    assert running_on(start, end, date(2027, 4, 1)) == "running"
    assert running_on(start, end, date(2027, 4, 30)) == "running"
    assert running_on(start, end, date(2027, 5, 1)) == "ended"
    assert running_on(None, None, date(2099, 1, 1)) == "running"
    assert running_on(None, end, date(2000, 1, 1)) == "running"


def test_an_ended_campaign_leads_to_the_benefit_check() -> None:
    assert action_when("classes", "running") == "classes"
    assert action_when("signup", "ended") == "check"
    assert action_when("check", "ended") == "check"


def test_validate_names_the_first_field_at_fault() -> None:
    good = CampaignDraft(slug="move-in-2027", title_ko="전입 주민 가입 행사", kind="move-in")
    assert validate(good).slug == "move-in-2027"
    cases = {
        "title": CampaignDraft(slug="a", title_ko="  "),
        "kind": CampaignDraft(slug="a", title_ko="t", kind="flyer"),
        "until": CampaignDraft(slug="a", title_ko="t", starts_on=date(2027, 5, 1), ends_on=date(2027, 4, 1)),
        "category": CampaignDraft(slug="a", title_ko="t", shows="category"),
        "action": CampaignDraft(slug="a", title_ko="t", action="buy"),
        "programmes": CampaignDraft(slug="a", title_ko="t", programme_keys=tuple(f"k{i}" for i in range(13))),
    }
    for field, draft in cases.items():
        with pytest.raises(CampaignError) as caught:
            validate(draft)
        assert caught.value.field == field


def test_validate_drops_blank_and_repeated_programme_keys() -> None:
    draft = CampaignDraft(slug="a", title_ko="t", programme_keys=("native:x", " ", "native:x", "gov24:1"))
    assert validate(draft).programme_keys == ("native:x", "gov24:1")


def test_a_date_must_be_iso() -> None:
    assert parse_day("2027-04-01", "until") == date(2027, 4, 1)
    assert parse_day("", "until") is None
    with pytest.raises(CampaignError) as caught:
        parse_day("2027/04/01", "until")
    assert caught.value.field == "until"


def test_the_tab_record_round_trips_and_refuses_what_is_not_ours() -> None:
    arrival = Arrival("danurim-2027", "sindang-centre").with_step("visit").with_step("signup")
    assert arrival.encode() == "danurim-2027|sindang-centre|visit,signup"
    assert Arrival.decode(arrival.encode()) == arrival
    assert Arrival.decode("danurim-2027||") == Arrival("danurim-2027", "")
    for junk in ("", "x", "Bad|src|", "a|b|c|d", "a|<script>|visit"):
        assert Arrival.decode(junk) is None
    assert Arrival.decode("a||visit,stolen").steps == frozenset({"visit"})


@pytest.mark.parametrize(
    ("role", "allowed"), [("admin", True), ("editor", True), ("staff", False), ("resident", False)]
)
def test_campaign_editors_are_admins_and_editors(role: str, allowed: bool) -> None:
    actor = Actor(7, role)
    if allowed:
        assert require_editor(actor) == 7
    else:
        with pytest.raises(NotAllowed):
            require_editor(actor)
    with pytest.raises(NotAllowed):
        require_editor(Actor.for_job("x"))


def test_the_landing_route_fills_its_slug_and_resolves_back() -> None:
    from naesone_app.pages import routes

    assert routes.CAMPAIGN.href("ko", campaign_slug="danurim-2027") == "/c/danurim-2027"
    assert routes.CAMPAIGN.href("en", campaign_slug="a", src="b") == "/en/c/a?src=b"
    assert routes.resolve("/en/c/a?src=b") == (routes.CAMPAIGN, "en", {"campaign_slug": "a", "src": "b"})
    assert routes.resolve("/c/a/b") is None


def test_without_a_korean_font_the_print_sheet_is_refused_saying_what_to_install(monkeypatch) -> None:
    from naesone_app.actions import campaign_print

    monkeypatch.setattr(campaign_print, "FONT_CANDIDATES", ("/nonexistent/font.ttc",))
    monkeypatch.setenv("NAESONE_PRINT_FONT", "")
    with pytest.raises(campaign_print.PrintError, match="fonts-noto-cjk"):
        campaign_print.print_sheet_pdf("https://x/c/a", "제목", "x/c/a")
    assert campaign_print.qr_png("https://x/c/a").startswith(b"\x89PNG")  # the PNG needs no font
