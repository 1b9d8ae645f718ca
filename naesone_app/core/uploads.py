"""What a resident may upload with an application: PDF, JPG or PNG by content (not by name), up to
10 MB, never empty; a refusal names the file's problem. Pure Python.
"""

from __future__ import annotations

from naesone_app.core.i18n import N_, Message

# --- uploads -------------------------------------------------------------------------------------------

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class UploadRefused(ValueError):
    """An upload that breaks the rules; `message` says why for the reader."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


def sniff_content_type(head: bytes) -> str | None:
    """The content type from the file's first bytes (PDF, JPEG, PNG), whatever its name says."""
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), None)


def check_upload(data: bytes) -> str:
    """The content type of an acceptable upload, else UploadRefused with a clear message."""
    if not data:
        raise UploadRefused(Message(N_("빈 파일은 올릴 수 없습니다.")))
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused(Message(N_("파일이 너무 큽니다. {max}MB 이하만 올릴 수 있습니다."),
                                    {"max": MAX_UPLOAD_BYTES // (1024 * 1024)}))  # fmt: skip
    kind = sniff_content_type(data[:16])
    if kind is None:
        raise UploadRefused(Message(N_("PDF, JPG, PNG 파일만 올릴 수 있습니다.")))
    return kind
