"""Where a found text shows the words that found it: the text cut into plain and marked pieces.

The search answer names the words of a title or summary that matched (surface forms as they appear);
the page wraps each occurrence in <mark>. Matching ignores case; overlapping words merge into one mark.
A word in Latin letters is marked only where a word starts ("rent" in "renting", never in "parents");
Korean words are marked anywhere, since particles and endings attach to them ("어르신께").
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_WORDS = 20


def highlight(text: str, words: Iterable[str]) -> list[tuple[str, bool]]:
    """`text` as (piece, marked) pairs in order; joined, the pieces give `text` back unchanged."""
    wanted = sorted({w for w in list(words)[:MAX_WORDS] if w and w.strip()}, key=len, reverse=True)
    if not text:
        return []
    folded = text.casefold() if len(text.casefold()) == len(text) else None
    marked = [False] * len(text)
    for word in wanted:
        needle = word.casefold() if folded is not None else word
        haystack = folded if folded is not None else text
        latin = needle[:1].isascii() and needle[:1].isalnum()
        start = haystack.find(needle)
        while start != -1 and needle:
            inside_a_word = latin and start > 0 and haystack[start - 1].isalnum()
            if not inside_a_word:
                for i in range(start, start + len(needle)):
                    marked[i] = True
            start = haystack.find(needle, start + (1 if inside_a_word else len(needle)))
    pieces: list[tuple[str, bool]] = []
    begin = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marked[i] != marked[begin]:
            pieces.append((text[begin:i], marked[begin]))
            begin = i
    return pieces
