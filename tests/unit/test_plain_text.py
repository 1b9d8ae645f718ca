"""Gov24's bullet marks become readable items; ordinary text is left as it is."""

from naesone_app.core.plain_text import readable


def test_heading_and_sub_bullets() -> None:
    raw = "○ 지원대상 : 3~5세 유아\r\n  - 유아 및 보호자 모두 국적 소지\r\n\r\n\r\n○ 지원내용 : 월 28만원"
    assert (
        readable(raw)
        == "• 지원대상 : 3~5세 유아\n  – 유아 및 보호자 모두 국적 소지\n\n• 지원내용 : 월 28만원"
    )


def test_plain_text_and_hyphenated_words_are_untouched() -> None:
    assert readable("월 10만원을 지원합니다.\n0~23개월 아동") == "월 10만원을 지원합니다.\n0~23개월 아동"
    assert readable("") == ""
