"""The lexicon: the words people type, the catalogue words they mean, and the facts they state.

Kept as data (data/search/lexicon.yaml) so an officer can read and extend it. Each entry lists the words
residents use (Korean colloquial, spacing variants, common typos, English, Chinese), the catalogue words
they map to (query expansion) and the profile facts they imply (contract keys). Loading validates every
entry and names the entry and its line when one is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from naesone_app.core.profile import ProfileError, parse_profile
from naesone_app.core.search.text import compact, normalise

LEXICON_FILE = Path(__file__).resolve().parents[3] / "data" / "search" / "lexicon.yaml"
LANGS = ("ko", "en", "zh")
_RELATIVE = re.compile(r"^-(\d+)([ym])$")  # "-6m": six months before the question's date


class LexiconError(ValueError):
    """A lexicon entry that breaks the format; the message names the entry and its line."""


@dataclass(frozen=True, slots=True)
class FactRule:
    """A fact an entry states: its chip key, its profile keys (dates may be relative), its label."""

    key: str
    profile: dict[str, Any]
    label: dict[str, str]


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry."""

    id: str
    words: tuple[str, ...]  # every way of typing it, normalised
    means: tuple[str, ...]  # catalogue words the question is expanded with
    facts: tuple[FactRule, ...]
    line: int = 0
    generic: bool = False  # says only "some help / money / for free": never enough on its own
    outside: bool = (
        False  # a thing no programme here is about (civil-service errands): a word nothing matches
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found in a question, with the words that triggered it (as typed, normalised)."""

    entry: Entry
    trigger: str


def resolve_dates(value: Any, on: date) -> Any:
    """A profile value with relative dates ("-6m", "-3y") turned into ISO dates before `on`."""
    if isinstance(value, dict):
        return {k: resolve_dates(v, on) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_dates(v, on) for v in value]
    if isinstance(value, str) and (found := _RELATIVE.match(value)):
        months = int(found[1]) * (12 if found[2] == "y" else 1)
        year, month = divmod(on.year * 12 + on.month - 1 - months, 12)
        return date(year, month + 1, min(on.day, 28)).isoformat()
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: must be a list of non-empty words")
    return tuple(normalise(v) for v in value)


def _fact(data: Any, where: str) -> FactRule:
    if not isinstance(data, dict) or set(data) - {"key", "profile", "label"}:
        raise LexiconError(f"{where}: a fact has exactly key, profile and label")
    key, profile, label = data.get("key"), data.get("profile"), data.get("label")
    if not isinstance(key, str) or not key:
        raise LexiconError(f"{where}: fact key missing")
    if not isinstance(profile, dict) or not profile:
        raise LexiconError(f"{where}: fact {key}: profile must be a mapping of contract keys")
    try:
        parse_profile(resolve_dates(profile, date(2026, 1, 1)))
    except ProfileError as exc:
        raise LexiconError(f"{where}: fact {key}: {exc}") from None
    if not isinstance(label, dict) or not label.get("ko") or not label.get("en"):
        raise LexiconError(f"{where}: fact {key}: label needs ko and en")
    return FactRule(key, profile, {k: str(v) for k, v in label.items()})


def _entry(data: Any, index: int, line: int) -> Entry:
    where = f"lexicon entry {index + 1} (line {line})"
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: must be a mapping")
    where = f"lexicon entry {index + 1} '{data.get('id', '?')}' (line {line})"
    unknown = set(data) - {"id", "words", "typos", "means", "facts", "note", "generic", "outside"}
    if unknown:
        raise LexiconError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    if not isinstance(data.get("id"), str) or not data["id"]:
        raise LexiconError(f"{where}: id missing")
    words_data = data.get("words")
    if not isinstance(words_data, dict) or not words_data or set(words_data) - set(LANGS):
        raise LexiconError(f"{where}: words must map ko / en / zh to lists")
    words = [w for lang in LANGS for w in _strings(words_data.get(lang), f"{where} words.{lang}")]
    words += _strings(data.get("typos"), f"{where} typos")
    means = _strings(data.get("means"), f"{where} means")
    facts_data = data.get("facts") or []
    if not isinstance(facts_data, list):
        raise LexiconError(f"{where}: facts must be a list")
    facts = tuple(_fact(f, where) for f in facts_data)
    if not words:
        raise LexiconError(f"{where}: no words")
    flags = {name: data.get(name, False) for name in ("generic", "outside")}
    if not all(isinstance(v, bool) for v in flags.values()):
        raise LexiconError(f"{where}: generic and outside must be true or false")
    if flags["outside"] and (means or facts):
        raise LexiconError(f"{where}: an outside entry has no means or facts (nothing here is about it)")
    if not means and not facts and not flags["outside"]:
        raise LexiconError(f"{where}: needs means or facts (else it does nothing)")
    return Entry(data["id"], tuple(dict.fromkeys(words)), means, facts, line, **flags)


def parse_lexicon(text: str) -> tuple[Entry, ...]:
    """Every entry of a lexicon file, validated; the first bad one raises LexiconError naming it."""
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"lexicon: not YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise LexiconError("lexicon: the file needs a top-level 'entries' list")
    lines = [1] * len(data["entries"])
    for key_node, value_node in root.value:
        if key_node.value == "entries":
            lines = [node.start_mark.line + 1 for node in value_node.value]
    entries = tuple(_entry(e, i, lines[i]) for i, e in enumerate(data["entries"]))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise LexiconError(f"lexicon entry '{entry.id}' (line {entry.line}): id used twice")
        seen.add(entry.id)
    return entries


def load_lexicon(path: Path = LEXICON_FILE) -> tuple[Entry, ...]:
    """The lexicon file, validated."""
    return parse_lexicon(path.read_text(encoding="utf-8"))


class Lexicon:
    """The entries indexed for matching a question by its words, spacing ignored."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self.entries = entries
        self._latin_entry: dict[str, Entry] = {}
        self._other: list[tuple[str, Entry, str]] = []
        for entry in entries:
            for word in entry.words:
                if re.fullmatch(r"[a-z0-9 '\-]+", word):
                    self._latin_entry.setdefault(word, entry)
                else:
                    self._other.append((compact(word), entry, word))
        self._other.sort(key=lambda item: -len(item[0]))  # longest first: "혼자 사는" before "혼자"
        alternatives = "|".join(re.escape(w) for w in sorted(self._latin_entry, key=len, reverse=True))
        # English: whole words, a plural ending allowed; one pass over the question for every word
        self._latin = re.compile(rf"(?<![a-z])({alternatives})(?:s|es)?(?![a-z])") if alternatives else None

    def find(self, question: str) -> list[Hit]:
        """The entries the question mentions, each once, with the typed words that triggered it."""
        return self._match(question)[0]

    def uncovered(self, question: str) -> str:
        """The question (spaces removed) with every lexicon word found in it blanked out: what is left
        for the analyser. Chinese has no analyser here, so what is left of it is a word nobody mapped."""
        squeezed = compact(question)
        for start, end in self._match(question)[1]:
            squeezed = squeezed[:start] + " " * (end - start) + squeezed[end:]
        return squeezed

    def _match(self, question: str) -> tuple[list[Hit], list[tuple[int, int]]]:
        text, squeezed = normalise(question), compact(question)
        hits: dict[str, Hit] = {}
        if self._latin is not None:
            for found in self._latin.finditer(text):
                entry = self._latin_entry[found.group(1)]
                if entry.id not in hits:
                    hits[entry.id] = Hit(entry, found.group(0))
        taken: list[tuple[int, int]] = []
        for word, entry, typed in self._other:
            start = squeezed.find(word)
            if start < 0:
                continue
            if len(word) == 1 and word not in text.split():
                continue  # one syllable counts only as a word of its own ("애 맡길 곳", not "사랑애")
            span = (start, start + len(word))
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue  # inside a longer word already matched
            taken.append(span)  # even for an entry already found: "혼자 키워" is not also "혼자"
            hits.setdefault(entry.id, Hit(entry, typed))
        return list(hits.values()), taken
