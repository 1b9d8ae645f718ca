"""English is complete: every Korean string in the code has an English translation with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
EN_PO = ROOT / "naesone_app" / "locales" / "en" / "LC_MESSAGES" / "messages.po"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def source_msgids(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_", "-k", "_",
         "--no-location", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    with EN_PO.open("rb") as handle:
        return {m.id: ("" if m.fuzzy else m.string) for m in read_po(handle) if m.id}


def test_every_source_string_has_an_english_translation(
    source_msgids: set[str], english: dict[str, str]
) -> None:
    missing = sorted(m for m in source_msgids if not english.get(m))
    assert not missing, f"untranslated (run `make messages` and translate): {missing[:10]}"


def test_translations_keep_placeholders_and_leave_no_hangul(english: dict[str, str]) -> None:
    for msgid, text in english.items():
        if not text:
            continue
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(text)), msgid
        assert not HANGUL.search(text), f"{msgid!r} → {text!r}"


def test_no_string_is_translated_twice() -> None:
    """Two branches each appended "인터넷 연결이 필요해요"; Babel kept the first, so the English page said
    something else than the one its test and its author meant. One msgid, one translation."""
    text = EN_PO.read_text(encoding="utf-8")
    ids = re.findall(r'^msgid "(.+)"$', text, flags=re.MULTILINE)
    twice = sorted({i for i in ids if ids.count(i) > 1})
    assert not twice, f"translated more than once: {twice}"
