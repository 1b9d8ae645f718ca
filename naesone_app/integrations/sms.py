"""Sending a text message (password-reset links to phone-number accounts) through an SMS provider.

The provider is behind `SmsSender`; the one implementation speaks a small JSON-over-HTTP protocol that
commercial gateways resemble (POST <url>/messages with `{"id", "to", "text"}` and a bearer token, answer
`{"id", "status": "accepted"}`). Configured by NAESONE_SMS_URL and NAESONE_SMS_TOKEN; without a URL no
text is sent and the caller is told so. Every call goes through httpx with a timeout and bounded retries;
the message id makes a retry after a lost answer one message, not two (the provider deduplicates by id).
The development and test stand-in is `integrations/sms_standin.py` on 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import Protocol

import httpx

from naesone_app.integrations.http import OutboundError, post_json

TIMEOUT_SECONDS = 5.0
RETRIES = 2
MAX_TEXT = 300
KOREAN_MOBILE = re.compile(r"^01[016789]\d{7,8}$")


class SmsError(RuntimeError):
    """The text could not be handed to the provider; the message says why (never the text itself)."""


class SmsSender(Protocol):
    def send(self, to: str, text: str) -> str:
        """Hand one text to the provider; returns the provider's message id, SmsError if it fails."""
        ...


def check_recipient(to: str) -> str:
    """A Korean mobile number as digits ("010-1234-5678" → "01012345678"), else ValueError naming it."""
    digits = re.sub(r"[\s-]", "", to or "")
    if not KOREAN_MOBILE.match(digits):
        raise ValueError("to: expected a Korean mobile number such as 010-1234-5678")
    return digits


class HttpSmsSender:
    """The SMS provider over HTTP (httpx: timeout, bounded retries, clear errors)."""

    name = "sms"

    def __init__(
        self, base_url: str, token: str, *, timeout: float = TIMEOUT_SECONDS, retries: int = RETRIES,
        backoff_seconds: float = 0.3,
    ) -> None:  # fmt: skip
        if not base_url.startswith(("http://", "https://")):
            raise ValueError("NAESONE_SMS_URL: expected an http(s) address")
        self.url = base_url.rstrip("/") + "/messages"
        self.token, self.retries, self.backoff = token, retries, backoff_seconds
        self.client = httpx.Client(timeout=timeout)

    def send(self, to: str, text: str) -> str:
        if not text or len(text) > MAX_TEXT:
            raise ValueError(f"text: expected 1 to {MAX_TEXT} characters")
        payload = {"id": secrets.token_hex(12), "to": check_recipient(to), "text": text}
        try:
            answer = post_json(self.client, self.url, service="SMS provider", payload=payload,
                               headers={"Authorization": f"Bearer {self.token}"}, retries=self.retries,
                               backoff_seconds=self.backoff)  # fmt: skip
        except OutboundError as exc:
            raise SmsError(str(exc)) from exc
        if not isinstance(answer, dict) or answer.get("status") != "accepted":
            raise SmsError("SMS provider: the message was not accepted")
        return str(answer.get("id") or payload["id"])

    def close(self) -> None:
        self.client.close()


def configured_sender() -> HttpSmsSender | None:
    """The provider from NAESONE_SMS_URL / NAESONE_SMS_TOKEN, or None when no URL is set."""
    url = os.environ.get("NAESONE_SMS_URL", "").strip()
    if not url:
        return None
    return HttpSmsSender(url, os.environ.get("NAESONE_SMS_TOKEN", ""))


def send_sms(to: str, text: str, sender: SmsSender | None = None) -> bool:
    """Send one text; False when no provider is configured, SmsError when sending fails."""
    own = sender is None
    sender = sender or configured_sender()
    if sender is None:
        return False
    try:
        sender.send(to, text)
    finally:
        if own and hasattr(sender, "close"):
            sender.close()
    return True
