"""From typed text to index terms: normalisation, then Korean morphology (mecab-ko-dic), English words.

The analyser is python-mecab-ko with the mecab-ko-dic dictionary shipped inside its PyPI wheel (the
dictionary is mmap'd: about 17 MB per process, against 330–520 MB for Kiwi; see the search bench).
The same analysis runs over documents and questions, so spacing ("기초 연금" / "기초연금") and endings
("임신중인대", "낳으면") come out as the same terms. Typos are the lexicon's business (data, not code).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

MAX_QUESTION = 500
# Content morphemes worth indexing: nouns, verb/adjective stems, roots, foreign words, numbers, hanja.
KEPT_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL", "SH", "SN")
STEM_TAGS = ("VV", "VA")
_STOP_WORDS = """
것 수 등 및 때 곳 거 뭐 무엇 어떻 하 되 있 없 받 주 싶 알 좀 그 이 저 할 해 돼 되다 하다 어떻게 뭐가 언제 어디 왜
가능 여부 관련 대한 위한 경우 분 께 드리 근처 가깝 주변 동네 방법 물어보 알아보 알려주 요즘 지금 이번 우리 저희
제 내 나 사람 문의 궁금 하나 나라 정부 넘 내주 해주 매일 오
the a an of for to in on and or is are i my me we can how what do does get with at be it by from about any
there where near nearby nearest please want need someone some
"""
# Words too common to tell anything (grammar-like nouns, verbs of asking, "near"): never a concept.
STOP = frozenset(_STOP_WORDS.split())
# Words that say a resident wants *something* but not what: a concept, but never enough on its own
# ("기저귀 지원" with 기저귀 in no programme is not a question about every 지원).
_GENERIC_WORDS = "지원 혜택 서비스 제도 사업 정보 받 주 support benefit service programme program scheme"
GENERIC = frozenset(_GENERIC_WORDS.split())
# Chinese function words and verbs of asking, removed before what is left of a Chinese question counts
# as a word the lexicon does not know (longest first when removed).
_ZH_STOP_WORDS = """
的 了 吗 呢 吧 啊 我 我们 你 您 他 她 在 哪里 哪儿 哪 怎么 怎么办 怎样 如何 什么 有 没有 可以 能 要 想 是 给 去
多少 申请 办理 请问 请 谁 和 与 或 一下 帮 帮助 需要 哪些 附近 最近 这 那 个 人 家 可 会 得 就 都 也 还 很 用 让
找 到 从 对 为 被 把 着 过 么
"""
ZH_STOP = tuple(sorted(set(_ZH_STOP_WORDS.split()), key=lambda w: (-len(w), w)))
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def unknown_chinese(uncovered: str) -> list[str]:
    """The Chinese words left in a question once the lexicon's words are taken out (see
    Lexicon.uncovered): runs of two or more characters that are not function words."""
    words: list[str] = []
    for run in _HAN.findall(uncovered):
        for stop in ZH_STOP:
            run = run.replace(stop, " ")
        words += [w for w in run.split() if len(w) >= 2]
    return words


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def has_control(text: str) -> bool:
    """The text holds control or invisible formatting characters (pasted junk, injection attempts)."""
    return bool(_CONTROL.search(text))


def normalise(text: str) -> str:
    """NFKC (full-width → ASCII, compatibility jamo), lower case, no control characters, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text).lower()
    return _SPACES.sub(" ", text).strip()


def compact(text: str) -> str:
    """The normalised text without spaces: how spacing variants compare equal."""
    return normalise(text).replace(" ", "")


class _Analyser:
    """One mecab tagger per process, created on first use (thread-safe: mecab taggers are not shared)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def tagger(self):
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            from mecab import MeCab  # python-mecab-ko; its dictionary wheel is python-mecab-ko-dic

            tagger = self._local.tagger = MeCab()
        return tagger

    def morphemes(self, text: str) -> list[tuple[str, str]]:
        """(surface or stem, first tag) for each morpheme, compound entries split into their parts."""
        found: list[tuple[str, str]] = []
        for morpheme in self.tagger().parse(text):
            feature = morpheme.feature
            tag = feature.pos.split("+")[0]
            expression = feature.expression
            if feature.type == "Compound":  # 집세 → 집세, 집, 세: the whole word and its parts
                found.append((morpheme.surface, tag))
            if expression and feature.type in ("Compound", "Inflect", "Preanalysis"):
                for part in expression.split("+"):
                    bits = part.split("/")
                    # a compound's one-syllable parts (화장실 → 화장, 실) say nothing on their own
                    if len(bits) >= 2 and (feature.type == "Inflect" or len(bits[0]) > 1):
                        found.append((bits[0], bits[1]))
                continue
            found.append((morpheme.surface, tag))
        return found


ANALYSER = _Analyser()


def _korean_terms(chunk: str) -> list[str]:
    terms: list[str] = []
    for surface, tag in ANALYSER.morphemes(chunk):
        if tag not in KEPT_TAGS or tag == "SL":
            continue
        if tag == "SN" and len(surface) < 2:
            continue
        term = surface
        if term not in STOP and (len(term) > 1 or tag in ("NNG", "NNP", "XR", "VV")):
            terms.append(term)
    return terms


@lru_cache(maxsize=4096)
def terms(text: str) -> tuple[str, ...]:
    """The index terms of a text: Korean content morphemes and English/other words, normalised."""
    text = normalise(text)
    if not text:
        return ()
    found: list[str] = []
    if _HANGUL.search(text):
        found += _korean_terms(text)
    for word in _LATIN.findall(text):
        word = _stem_en(word)
        if word not in STOP and len(word) > 1:
            found.append(word)
    return tuple(found)  # Chinese: the catalogue has no zh texts yet, so zh words go through the lexicon


def _stem_en(word: str) -> str:
    """A light English stemmer: plural and common endings, enough for "allowances" = "allowance"."""
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("'s", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word
