"""Nothing personal or secret reaches a log record, even when Reflex logs a whole event."""

from __future__ import annotations

import logging

from naesone_app.logs import install, scrub

EVENT = (
    "Error processing event queue entry for Event(token='9f1c2d3e-tab-token', name='state.account.delete_me', "
    "router_data={'pathname': '/account', 'headers': {'cookie': 'naesone_session=SESSION-SECRET; x=1'}}, "
    "payload={'form': {'password': 'Sindang-Spring-2026', 'income': '1153907'}}) [txid=3]:"
)


def test_scrub_blanks_cookies_tokens_passwords_and_payloads() -> None:
    cleaned = scrub(EVENT)
    for secret in ("9f1c2d3e-tab-token", "SESSION-SECRET", "Sindang-Spring-2026", "1153907"):
        assert secret not in cleaned
    assert "state.account.delete_me" in cleaned and "[txid=3]" in cleaned
    assert scrub("GET /_event/?token=abc-def&EIO=4") == "GET /_event/?token=<redacted>&EIO=4"


def test_installed_scrubbing_applies_to_every_logger(caplog) -> None:
    install()
    install()  # idempotent
    with caplog.at_level(logging.ERROR):
        logging.getLogger("reflex_base.event.processor").error("%s", EVENT)
    assert "SESSION-SECRET" not in caplog.text and "Sindang-Spring-2026" not in caplog.text
