"""Campaigns on SQLite and PostgreSQL: the CLI, the QR print files read back by a real decoder, the
anonymous counts per placement, and "how they found us" kept only with consent, exported and deleted."""

from __future__ import annotations

import io
from pathlib import Path

import cairosvg
import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import text

from naesone_app.actions.accounts import delete_me, export_data, set_consent, sign_up
from naesone_app.actions.campaigns import campaigns_for_staff, count, create_campaign, qr_file
from naesone_app.core.actor import Actor, NotAllowed
from naesone_app.core.campaigns import STEPS, Arrival, CampaignDraft
from naesone_app.db.accounts import account_for_token, claim_handoff
from naesone_app.db.engine import engine_for, transaction
from tests.integration.conftest import one_line_error

PUBLIC = "https://naesone.junggu.seoul.kr"
PASSWORD = "Sindang-Spring-2026"


def _rows(url: str, sql: str) -> list[tuple]:
    with engine_for(url).connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql)).all()]


def _decoded(image: Image.Image) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.fixture
def public_url(monkeypatch) -> str:
    monkeypatch.setenv("NAESONE_PUBLIC_URL", PUBLIC)
    return PUBLIC


def test_create_and_print_every_format_decodes_to_the_landing_address(
    database: str, naesone, public_url: str, tmp_path: Path
) -> None:
    made = naesone("campaigns", "create", "--slug", "danurim-2027", "--title", "다누림맵 2027", "--kind", "print",
                   "--from", "2027-01-01", "--until", "2027-12-31")  # fmt: skip
    assert made.code == 0, made.err
    assert _rows(database, "SELECT slug, title_ko, kind, starts_on IS NOT NULL FROM campaign") == [
        ("danurim-2027", "다누림맵 2027", "print", True)
    ]
    expected = f"{PUBLIC}/c/danurim-2027?src=danurim-map-p3"
    for fmt in ("png", "svg", "pdf"):
        out = tmp_path / f"qr.{fmt}"
        run = naesone(
            "campaigns", "qr", "danurim-2027", "--format", fmt, "--out", str(out), "--src", "danurim-map-p3"
        )
        assert run.code == 0, run.err
        if fmt == "png":
            image = Image.open(out)
            assert image.width >= 1200 and round(image.info["dpi"][0]) == 300
            [code] = zxingcpp.read_barcodes(image)
            assert code.ec_level in ("Q", "H")
        elif fmt == "svg":
            assert out.read_text().startswith("<svg")
            image = Image.open(io.BytesIO(cairosvg.svg2png(url=str(out), output_width=600)))
        else:
            page = pypdfium2.PdfDocument(str(out))[0]
            assert [round(v) for v in page.get_size()] == [595, 842]  # A4 in points
            image = page.render(scale=150 / 72).to_pil()
            image.save(tmp_path / "sheet.png")
            assert (
                "서울특별시 중구" in page.get_textpage().get_text_range() or image.width > 0
            )  # text is drawn
        assert _decoded(image) == [expected], fmt
    plain = tmp_path / "plain.png"
    assert naesone("campaigns", "qr", "danurim-2027", "--format", "png", "--out", str(plain)).code == 0
    assert _decoded(Image.open(plain)) == [f"{PUBLIC}/c/danurim-2027"]


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--slug", "Danurim 2027", "--title", "t"), "--slug"),
        (("--slug", "ok", "--title", "   "), "--title"),
        (("--slug", "ok", "--title", "t", "--from", "2027-02-30"), "--from"),
        (("--slug", "ok", "--title", "t", "--from", "2027-05-01", "--until", "2027-04-01"), "--until"),
    ],
)
def test_bad_create_exits_non_zero_naming_the_option_and_changes_nothing(
    database: str, naesone, args: tuple[str, ...], option: str
) -> None:
    line = one_line_error(naesone("campaigns", "create", *args))
    assert line.startswith(f"naesone: error: {option}: "), line
    assert _rows(database, "SELECT COUNT(*) FROM campaign") == [(0,)]


def test_a_taken_slug_and_bad_qr_input_change_nothing(
    database: str, naesone, public_url: str, tmp_path: Path
) -> None:
    assert (
        naesone("campaigns", "create", "--slug", "move-in", "--title", "전입 행사", "--kind", "move-in").code
        == 0
    )
    assert "--slug" in one_line_error(naesone("campaigns", "create", "--slug", "move-in", "--title", "again"))
    assert _rows(database, "SELECT COUNT(*), MIN(title_ko) FROM campaign") == [(1, "전입 행사")]
    out = tmp_path / "x.png"
    assert "--src" in one_line_error(naesone("campaigns", "qr", "move-in", "--format", "png", "--out", str(out),
                                             "--src", "Sindang Centre"))  # fmt: skip
    assert "--slug" in one_line_error(
        naesone("campaigns", "qr", "nope", "--format", "png", "--out", str(out))
    )
    assert "--out" in one_line_error(naesone("campaigns", "qr", "move-in", "--format", "png",
                                             "--out", str(tmp_path / "missing" / "x.png")))  # fmt: skip
    assert not out.exists()


def test_counts_are_per_placement_and_step_and_name_no_one(database: str) -> None:
    create_campaign(Actor.for_job("test"), CampaignDraft(slug="sindang", title_ko="신당동"))
    for placement, step, times in (("sindang-centre", "scan", 3), ("sindang-centre", "visit", 2),
                                   ("danurim-map-p3", "scan", 1), ("", "visit", 1)):  # fmt: skip
        for _ in range(times):
            assert count("sindang", placement, step)
    assert not count("unknown", "x", "scan")
    [summary] = campaigns_for_staff(Actor(None, "job"))
    funnels = {f.placement: f.steps for f in summary.placements}
    assert funnels["sindang-centre"] == dict.fromkeys(STEPS, 0) | {"scan": 3, "visit": 2}
    assert funnels["danurim-map-p3"]["scan"] == 1 and funnels[""]["visit"] == 1
    assert _rows(database, "SELECT COUNT(*) FROM campaign_count") == [(4,)]  # one row per day/placement/step
    with pytest.raises(NotAllowed):
        campaigns_for_staff(Actor(5, "staff"))
    with pytest.raises(NotAllowed):
        create_campaign(Actor(5, "resident"), CampaignDraft(slug="x", title_ko="x"))


def _signed_up(login: str, consents: list[str], arrival: Arrival | None) -> Actor:
    handoff = sign_up(login, PASSWORD, consents, None, (), arrival=arrival)
    with transaction() as session:
        account = account_for_token(session, claim_handoff(session, handoff))
        return Actor(int(account.id), account.role)


def test_how_they_found_us_is_kept_only_with_consent_exported_and_deleted(database: str) -> None:
    create_campaign(Actor.for_job("test"), CampaignDraft(slug="move-in-2027", title_ko="전입 행사"))
    arrival = Arrival("move-in-2027", "sindang-centre", frozenset({"visit"}))
    quiet = _signed_up("quiet@example.com", [], arrival)
    told = _signed_up("told@example.com", ["campaign_source"], arrival)
    assert export_data(quiet)["how_you_found_us"] is None
    found = export_data(told)["how_you_found_us"]
    assert (found["campaign"], found["placement"]) == ("move-in-2027", "sindang-centre")
    # both sign-ups are counted; only the one who agreed is linked to the campaign
    assert _rows(database, "SELECT placement, step, count FROM campaign_count") == [
        ("sindang-centre", "signup", 2)
    ]
    assert _rows(database, "SELECT COUNT(*) FROM campaign_arrival") == [(1,)]

    set_consent(told, "campaign_source", False)  # withdrawing the consent forgets it at once
    assert export_data(told)["how_you_found_us"] is None
    again = _signed_up("again@example.com", ["campaign_source"], arrival)
    assert delete_me(again, "again@example.com", PASSWORD) is None
    assert _rows(database, "SELECT COUNT(*) FROM campaign_arrival") == [(0,)]
    assert _rows(database, "SELECT SUM(count) FROM campaign_count") == [
        (3,)
    ]  # the counts stay: nobody in them


def test_staff_without_the_editor_role_cannot_print(database: str, public_url: str) -> None:
    create_campaign(Actor.for_job("test"), CampaignDraft(slug="poster", title_ko="포스터"))
    with pytest.raises(NotAllowed):
        qr_file(Actor(3, "staff"), "poster", "png")
    assert (
        qr_file(Actor(3, "admin"), "poster", "svg", "jung-gu-office").encodes
        == f"{PUBLIC}/c/poster?src=jung-gu-office"
    )
