"""What every `naesone` command shares: the one-line error, reading JSON, the schema check, paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NATIVE_DIR = ROOT / "data" / "programs"
SAMPLE_GOV24_DIR = ROOT / "data" / "samples" / "gov24"
SAMPLE_FACILITIES_DIR = ROOT / "data" / "samples" / "facilities"


class CommandError(Exception):
    """A problem to report in one line and exit non-zero."""


def read_json(path: str) -> Any:
    """A JSON file, or a CommandError naming the file and where it is broken."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise CommandError(f"{path}: not valid JSON ({where}: {exc.msg})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: cannot read ({exc})") from None


def require_schema(table: str = "program") -> None:
    """Refuse to work on a database that `naesone db upgrade` has not prepared."""
    from sqlalchemy import inspect

    from naesone_app.db.engine import engine

    if not inspect(engine()).has_table(table):
        raise CommandError("the database has no schema yet: run `naesone db upgrade`")


def redacted(url: str) -> str:
    """A database URL without its password, fit for a message."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
