"""Budget: asking in words over a Gov24-scale catalogue — p95 < 30 ms per question on one core, the
index built in < 60 s, memory added per worker stated (budget 250 MB), and the quality figures.

Documents: 11,000 synthetic Gov24 programmes (the eligibility bench's rows, through the real importer)
plus the native catalogue, the sample Gov24 programmes, courses, facilities and help topics from the
database `make db` loads. Each question of tests/search/questions.yaml is answered in full (analysis,
lexicon, BM25F ranking, threshold, and the engine's status and why for every programme shown).
Quality (recall@5, MRR@10, per language, no-answer) is measured on the sample catalogue the test holds
and again with the 11,000 synthetic programmes added, for tests/search/questions.yaml and for the
held-out set tests/search/heldout.yaml (written before the lexicon was read, never tuned to).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.catalogs import AS_OF, gov24_scale
from benchmarks.common import Figure, fmt_ms, heading, percentile, time_each
from naesone_app.core.search.ask import answer
from naesone_app.core.search.documents import program_document
from naesone_app.core.search.index import SearchIndex
from naesone_app.core.search.quality import load_questions, measure

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "search" / "questions.yaml"
HELDOUT = QUESTIONS.with_name("heldout.yaml")  # written before reading the lexicon, never tuned to
BUDGET_P95_MS = 30.0
BUILD_BUDGET_MS = 60_000.0
MEMORY_BUDGET_MB = 250.0
ROUNDS = 3


@dataclass(frozen=True)
class P95Figure(Figure):
    """A figure whose budget is on the 95th percentile (the issue's acceptance), not the median."""

    @property
    def verdict(self) -> str:
        if self.budget_ms is None:
            return "info"
        return "PASS" if self.p95_ms < self.budget_ms else "OVER"


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _sample_documents():
    from naesone_app.db.search_index import SOURCES

    return [doc for source in SOURCES.values() for doc in source.documents()]


def _memory_child(queue) -> None:
    """In a fresh process: RSS with the app and the documents loaded, then with analyser + index."""
    documents = [program_document(p) for p in gov24_scale().every_row] + _sample_documents()
    from naesone_app.core.search.lexicon import Lexicon, load_lexicon
    from naesone_app.core.search.rank import rank

    before = _rss_mb()
    index = SearchIndex(documents)
    rank(index, Lexicon(load_lexicon()), "혼자 사는 할머니 점심", 10)
    queue.put((before, _rss_mb(), len(documents)))


def memory_added() -> tuple[float, float, int]:
    """(RSS before, RSS after, documents) measured in a spawned worker-like process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_memory_child, args=(queue,))
    child.start()
    before, after, count = queue.get(timeout=600)
    child.join()
    return before, after, count


def _quality_line(label: str, quality) -> None:
    langs = ", ".join(f"{k} {v:.2f} (n={quality.counts[k]})" for k, v in sorted(quality.by_lang.items()))
    print(
        f"  {label}: recall@5 {quality.recall_at_5:.3f}, MRR@10 {quality.mrr_at_10:.3f}; {langs}; "
        f"no-answer {quality.no_answer_ok}/{quality.no_answer_total}"
    )
    for text, got in quality.missed:
        print(f"      missed: {text!r} → {got[:3]}")


def run() -> list[Figure]:
    heading("search: asking in words over 11,000 Gov24 programmes + native, courses, facilities, help")
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})  # one core, as the budget says
    try:
        return _run()
    finally:
        os.sched_setaffinity(0, cores)


def _run() -> list[Figure]:
    from naesone_app.db.catalog_cache import CATALOG
    from naesone_app.db.search_index import SEARCH

    questions = load_questions(QUESTIONS)
    sample_docs = _sample_documents()
    synthetic = gov24_scale().every_row
    start = time.perf_counter()
    documents = [program_document(p) for p in synthetic] + sample_docs
    shaped = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    big = SearchIndex(documents)
    built_ms = (time.perf_counter() - start) * 1000
    print(
        f"  {len(documents):,} documents ({len(synthetic):,} synthetic Gov24); shaped in {fmt_ms(shaped)}, "
        f"index built (analysis + BM25F postings) in {built_ms / 1000:.1f} s, {len(big.postings):,} terms"
    )
    lexicon = SEARCH.lexicon()
    programs = {p.key: p for p in synthetic} | {p.key: p for p in CATALOG.get().programs}
    courses = {d.id: d.texts["title"]["ko"] for d in sample_docs if d.kind == "course"}
    kinds = {d.id: d.extra.get("facility_kind") for d in sample_docs if d.kind == "facility"}

    def ask_big(text: str, lang: str = "ko"):
        return answer(big, lexicon, text, locale=lang, limit=10, program_of=programs.get, on=AS_OF)

    def ask_sample(text: str, lang: str = "ko"):
        return answer(
            SEARCH.index(), lexicon, text, locale=lang, limit=10, program_of=CATALOG.program, on=AS_OF
        )

    _quality_line("sample catalogue (the test's)", measure(questions, ask_sample, courses, kinds))
    _quality_line("with 11,000 synthetic Gov24 added", measure(questions, ask_big, courses, kinds))
    heldout = load_questions(HELDOUT)
    _quality_line("held-out set, sample catalogue", measure(heldout, ask_sample, courses, kinds))
    _quality_line("held-out set, with 11,000 synthetic Gov24", measure(heldout, ask_big, courses, kinds))

    ask_big("warm-up")
    samples = time_each(questions, lambda q: ask_big(q.text, q.lang), rounds=ROUNDS)
    latency = P95Figure(
        "search 11,000+: one question answered (p95)",
        len(samples),
        sorted(samples)[len(samples) // 2],
        percentile(samples, 95),
        BUDGET_P95_MS,
    )
    print(latency.line().replace("budget <", "budget p95 <"))

    before, after, count = memory_added()
    added = after - before
    print(
        f"  memory added per worker (fresh process, {count:,} documents, VmRSS): {before:.0f} MB → "
        f"{after:.0f} MB = +{added:.0f} MB (python-mecab-ko, dictionary mmap'd; budget {MEMORY_BUDGET_MB:g} MB)"
    )
    build = Figure("search 11,000+: index build", 1, built_ms, built_ms, BUILD_BUDGET_MS)
    memory = Figure(
        f"search: memory added per worker, MB as ms (+{added:.0f} MB)", 1, added, added, MEMORY_BUDGET_MB
    )
    return [latency, build, memory]
