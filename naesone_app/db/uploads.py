"""Files a resident adds to a draft or an application: checked, kept in the private upload directory,
read back by the owner or a reviewer (audited), removed with the transaction that removes them."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from sqlalchemy import event
from sqlmodel import Session, select

from naesone_app.core.application_forms import NAME_PATTERN
from naesone_app.core.applications import FINAL
from naesone_app.core.uploads import EXTENSIONS, check_upload
from naesone_app.db.application_access import (
    Forbidden,
    NotFound,
    _readable,
    _seal_json,
)  # fmt: skip
from naesone_app.db.application_models import (
    Application,
    ApplicationDraft,
    Upload,
)  # fmt: skip
from naesone_app.db.applications import _draft

DEFAULT_UPLOAD_DIR = ".naesone/uploads"

MAX_UPLOADS_PER_TARGET = 20


class UnsafeUploadDir(RuntimeError):
    """NAESONE_UPLOAD_DIR points somewhere a browser could fetch files from."""


def upload_dir() -> Path:
    """The private upload directory (`NAESONE_UPLOAD_DIR`, default `.naesone/uploads`), created 0700.

    Refused under `assets/`, `.web/` or Reflex's upload directory, which are served publicly.
    """
    directory = Path(os.environ.get("NAESONE_UPLOAD_DIR") or DEFAULT_UPLOAD_DIR).resolve()
    public = [
        Path("assets"),
        Path(".web"),
        Path(os.environ.get("REFLEX_UPLOADED_FILES_DIR") or "uploaded_files"),
    ]
    for place in public:
        place = place.resolve()
        if directory == place or place in directory.parents:
            raise UnsafeUploadDir(f"NAESONE_UPLOAD_DIR must not be under the public directory {place}")
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def _forget_on_rollback(session: Session, path: Path) -> None:
    def _remove(_session: Session, _previous=None) -> None:
        path.unlink(missing_ok=True)

    event.listen(session, "after_soft_rollback", _remove, once=True)

    def _keep(_session: Session) -> None:
        if event.contains(session, "after_soft_rollback", _remove):
            event.remove(session, "after_soft_rollback", _remove)

    event.listen(session, "after_commit", _keep, once=True)


def store_upload(
    session: Session,
    account_id: int,
    document_key: str,
    data: bytes,
    *,
    application_id: int | None = None,
    program_key: str | None = None,
) -> Upload:
    """Keep a document for the resident's own application, or for their draft of `program_key`.

    Checked before anything is written: type by content (PDF, JPEG, PNG), size ≤ 10 MB; an
    `UploadRefused` carries the message to show. The file is removed again if the transaction rolls back.
    """
    content_type = check_upload(data)
    if not isinstance(document_key, str) or not NAME_PATTERN.match(document_key):
        raise ValueError("document_key: expected lowercase letters, digits and _")
    if (application_id is None) == (program_key is None):
        raise ValueError("give exactly one of application_id and program_key")
    target: dict[str, int | None] = {}
    if application_id is not None:
        application = session.get(Application, application_id)
        if application is None or application.account_id != account_id:
            raise NotFound("application")
        if application.status in FINAL:
            raise Forbidden("the application has been decided")
        target["application_id"] = application.id
        where = Upload.application_id == application.id
    else:
        draft = _draft(session, account_id, str(program_key))
        if draft is None:
            draft = ApplicationDraft(
                account_id=account_id, program_key=str(program_key), answers_sealed=_seal_json({})
            )
            session.add(draft)
            session.flush()
        target["draft_id"] = draft.id
        where = Upload.draft_id == draft.id
    if len(session.exec(select(Upload.id).where(where)).all()) >= MAX_UPLOADS_PER_TARGET:
        raise Forbidden("too many files")
    name = f"{secrets.token_hex(16)}.{EXTENSIONS[content_type]}"
    path = upload_dir() / name
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        row = Upload(account_id=account_id, document_key=document_key, stored_name=name,
                     sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type=content_type,
                     **target)  # fmt: skip
        session.add(row)
        session.flush()
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    _forget_on_rollback(session, path)
    return row


def draft_uploads(session: Session, account_id: int, program_key: str) -> list[Upload]:
    """The files the resident has added to their draft for a programme."""
    draft = _draft(session, account_id, program_key)
    if draft is None:
        return []
    return list(session.exec(select(Upload).where(Upload.draft_id == draft.id).order_by(Upload.id)))


def removable(application: Application | None, upload: Upload) -> bool:
    """A draft's file, or one added to an application after documents were asked for (until re-submitted)."""
    if upload.draft_id is not None:
        return True
    return (
        application is not None
        and application.status == "more_documents"
        and upload.created_at >= application.updated_at
    )


def remove_upload(session: Session, account_id: int, upload_id: int) -> None:
    """The resident takes back one of their files before it is submitted; the file goes on commit."""
    row = session.get(Upload, upload_id)
    if row is None or row.account_id != account_id:
        raise NotFound("upload")
    application = session.get(Application, row.application_id) if row.application_id else None
    if not removable(application, row):
        raise Forbidden("the file was submitted with the application")
    path = upload_dir() / row.stored_name
    session.delete(row)
    event.listen(session, "after_commit", lambda _session: path.unlink(missing_ok=True), once=True)


def read_upload(session: Session, requester_id: int, upload_id: int) -> tuple[Upload, bytes]:
    """An uploaded file for its owner or a reviewer of its application's department (audited)."""
    from naesone_app.db.audit import audit

    row = session.get(Upload, upload_id)
    if row is None:
        raise NotFound("upload")
    if row.account_id != requester_id:
        if row.application_id is None:
            raise NotFound("upload")  # a draft's files are the resident's alone
        requester, _application = _readable(session, requester_id, row.application_id)
        audit(session, requester.id, "upload.read", row.account_id, f"upload {row.id}")
    data = (upload_dir() / row.stored_name).read_bytes()
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise OSError(f"upload {row.id}: the stored file does not match its checksum")
    return row, data


def upload_paths_of(session: Session, account_id: int) -> list[Path]:
    """The files on disk of an account's uploads (to remove them with the account)."""
    names = session.exec(select(Upload.stored_name).where(Upload.account_id == account_id)).all()
    directory = upload_dir()
    return [directory / name for name in names]
