"""Sending email (password reset links) through the configured SMTP server.

NAESONE_SMTP_HOST / _PORT (587) / _USER / _PASSWORD / _STARTTLS (1) / NAESONE_MAIL_FROM. Without a
host, mail is not sent and the caller is told so (development); tests run a real SMTP server on
127.0.0.1.
"""

from __future__ import annotations

import os
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

TIMEOUT_SECONDS = 10
RETRIES = 2


class MailError(RuntimeError):
    """The message could not be handed to the SMTP server."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    user: str
    password: str
    starttls: bool
    sender: str

    @classmethod
    def from_env(cls) -> MailSettings | None:
        host = os.environ.get("NAESONE_SMTP_HOST", "").strip()
        if not host:
            return None
        return cls(
            host=host,
            port=int(os.environ.get("NAESONE_SMTP_PORT", "587")),
            user=os.environ.get("NAESONE_SMTP_USER", ""),
            password=os.environ.get("NAESONE_SMTP_PASSWORD", ""),
            starttls=os.environ.get("NAESONE_SMTP_STARTTLS", "1") not in ("0", "false", "no"),
            sender=os.environ.get("NAESONE_MAIL_FROM", "no-reply@junggu.seoul.kr"),
        )


def send_mail(to: str, subject: str, body: str, settings: MailSettings | None = None) -> bool:
    """Send a plain-text message; False when no SMTP server is configured, MailError when sending fails."""
    settings = settings or MailSettings.from_env()
    if settings is None:
        return False
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.sender, to, subject
    message.set_content(body)
    last: Exception | None = None
    for _ in range(RETRIES + 1):
        try:
            with smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS) as smtp:
                if settings.starttls:
                    smtp.starttls()
                if settings.user:
                    smtp.login(settings.user, settings.password)
                smtp.send_message(message)
            return True
        except (OSError, smtplib.SMTPException) as exc:
            last = exc
    raise MailError(f"SMTP {settings.host}:{settings.port}: {last.__class__.__name__}") from last
