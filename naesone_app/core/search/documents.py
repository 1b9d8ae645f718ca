"""Turning each kind of record into a search `Document` (pure: the db layer reads, this shapes).

Fields: title > tags (categories, kinds) > summary > body (who it is for, what one gets, how to apply).
Every locale's text goes into the same field, so an English question finds the English text and the
Korean title still shows for Korean readers.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import yaml

from naesone_app.core.facilities.model import KIND_LABELS
from naesone_app.core.i18n import LOCALES, gettext_for
from naesone_app.core.program import Program
from naesone_app.core.search.index import Document

HELP_FILE = Path(__file__).resolve().parents[3] / "data" / "search" / "help.yaml"


def _by_locale(values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in values.items() if v}


def program_document(program: Program) -> Document:
    """A programme (native or Gov24), every locale's texts."""
    texts = {name: {} for name in ("title", "tags", "summary", "body")}
    for locale, text in program.texts.items():
        texts["title"][locale] = text.title
        texts["summary"][locale] = text.summary
        texts["body"][locale] = " ".join(
            (text.audience, text.benefit, text.how_to_apply, text.responsible_body)
        )
    texts["tags"]["ko"] = " ".join(dict.fromkeys((program.category, *program.categories)))
    return Document(
        id=program.key,
        kind="program",
        source=program.source,
        href=f"/program?id={quote(program.key, safe=':')}",
        texts={k: _by_locale(v) for k, v in texts.items()},
    )


def course_document(code: str, title_ko: str, title_en: str, category: str, centre_ko: str,
                    centre_en: str, schedule: str) -> Document:  # fmt: skip
    """A 자치회관 course: its title, category and centre."""
    return Document(
        id=f"course:{code}",
        kind="course",
        source="course",
        href=f"/course?id={quote(code)}",
        texts={
            "title": _by_locale({"ko": title_ko, "en": title_en}),
            "tags": {"ko": f"{category} 자치회관 강좌", "en": "community centre class course"},
            "summary": _by_locale({"ko": f"{centre_ko} · {schedule}", "en": f"{centre_en} · {schedule}"}),
        },
    )


def facility_document(row_id: int, kind: str, name: str, address: str) -> Document:
    """A facility on the safety map: its name, kind (ko and en) and address."""
    label = KIND_LABELS.get(kind, kind)
    labels = {locale: gettext_for(locale)(label) for locale in LOCALES}
    return Document(
        id=f"facility:{row_id}",
        kind="facility",
        source="facility",
        href=f"/safety?facility={row_id}",
        texts={
            "title": {"ko": name},
            "tags": labels,
            "summary": {locale: f"{labels[locale]} · {address}" for locale in LOCALES},
        },
        extra={"facility_kind": kind},
    )


def help_documents(path: Path = HELP_FILE) -> list[Document]:
    """The help topics (how to sign up, what MyData is, …) from data/search/help.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    documents = []
    for topic in data["topics"]:
        documents.append(
            Document(
                id=f"help:{topic['slug']}",
                kind="help",
                source="help",
                href=topic["href"],
                texts={
                    "title": dict(topic["title"]),
                    "tags": {"ko": " ".join(topic.get("keywords", []))},
                    "summary": dict(topic["summary"]),
                    "body": dict(topic.get("body") or {}),
                },
            )
        )
    return documents
