"""Where the tracked link of a programme applied for elsewhere leads, and what its button says."""

from __future__ import annotations

import pytest

from naesone_app.core.outbound import destination, link_label, tracked_link
from naesone_app.core.program import Program, ProgramText


def _program(channel: str, apply_url: str = "", official_url: str = "", source_id: str = "x") -> Program:
    return Program(
        source="native", source_id=source_id, texts={"ko": ProgramText(title="t")}, apply_channel=channel,
        apply_url=apply_url, official_url=official_url,
    )  # fmt: skip


def test_the_programmes_own_application_url_comes_first() -> None:
    program = _program("gov24", "https://www.gov.kr/apply/123", "https://www.gov.kr/info/123")
    assert destination(program) == "https://www.gov.kr/apply/123"


@pytest.mark.parametrize("channel", ["gov24", "bokjiro", "partner"])
def test_applied_elsewhere_without_application_url_leads_to_the_official_page(channel: str) -> None:
    assert (
        destination(_program(channel, official_url="https://www.bokjiro.go.kr"))
        == "https://www.bokjiro.go.kr"
    )


@pytest.mark.parametrize("channel", ["visit", "phone", "district", "none"])
def test_programmes_applied_for_in_person_or_here_get_no_link_from_their_info_page(channel: str) -> None:
    program = _program(channel, official_url="https://www.junggu.seoul.kr")
    assert destination(program) is None
    assert tracked_link(program) == ""


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example", "ftp://x", "data:text/html,hi"])
def test_only_web_addresses_are_ever_a_destination(url: str) -> None:
    assert destination(_program("partner", apply_url=url, official_url=url)) is None


def test_the_tracked_link_names_the_programme_not_the_destination() -> None:
    program = _program("gov24", official_url="https://www.gov.kr/x?a=1&b=2", source_id="WII000001/2")
    link = tracked_link(program)
    assert link == "/api/go?id=native:WII000001%2F2"
    assert "gov.kr" not in link


def test_the_button_names_the_site_the_resident_lands_on() -> None:
    assert link_label(_program("bokjiro")) == "복지로에서 신청하기"
    assert link_label(_program("gov24")) == "정부24에서 신청하기"
    assert link_label(_program("visit", apply_url="https://example.org")) == "온라인 신청 바로가기"
