"""Search core: normalisation and analysis, the lexicon (validation, facts), BM25F ranking on small
fixtures, the threshold, and the answer's handling of bad text."""

from __future__ import annotations

from datetime import date

import pytest

from naesone_app.core.catalog.native import load_program_file
from naesone_app.core.search.answer import merge_profiles
from naesone_app.core.search.ask import answer
from naesone_app.core.search.documents import HELP_FILE, help_documents, program_document
from naesone_app.core.search.index import Document, SearchIndex
from naesone_app.core.search.lexicon import Lexicon, LexiconError, load_lexicon, parse_lexicon
from naesone_app.core.search.rank import CANDIDATES, THRESHOLD, concepts, rank
from naesone_app.core.search.text import compact, has_control, normalise, terms

ON = date(2026, 12, 1)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_lexicon())


def doc(
    key: str, title: str, summary: str = "", body: str = "", tags: str = "", en_title: str = ""
) -> Document:
    texts = {"title": {"ko": title}, "summary": {"ko": summary}, "body": {"ko": body}, "tags": {"ko": tags}}
    if en_title:
        texts["title"]["en"] = en_title
    return Document(f"native:{key}", "program", "native", f"/program?id=native:{key}", texts)


# -- normalisation and analysis ---------------------------------------------------------------------------


def test_normalise_folds_width_case_controls_and_spaces() -> None:
    assert normalise("  ＲＥＮＴ\u200b  지원\x00\t월세 ") == "rent 지원 월세"
    assert compact("기초 연금") == compact("기초연금") == "기초연금"
    assert has_control("a\x07b") and not has_control("평범한 질문")


def test_spacing_variants_analyse_to_the_same_terms() -> None:
    assert set(terms("기초 연금")) == set(terms("기초연금")) == {"기초", "연금"}
    assert set(terms("청년 월세 지원")) <= set(terms("청년월세지원"))


def test_endings_and_run_together_words_keep_their_stems() -> None:
    assert "임신" in terms("임신중인대")
    assert "낳" in terms("애기 낳으면 돈 주나요")
    assert "맡기" in terms("주말에 애 맡길 곳")


def test_english_is_lowercased_and_plurals_folded() -> None:
    assert terms("Child Allowances") == ("child", "allowance")
    assert "the" not in terms("the rent")


# -- the lexicon -----------------------------------------------------------------------------------------


def test_the_shipped_lexicon_loads_and_covers_the_issue_words(lexicon: Lexicon) -> None:
    def facts(question: str) -> set[str]:
        return {f.key for hit in lexicon.find(question) for f in hit.entry.facts}

    assert facts("혼자 사는 할머니 점심") == {"household:single_person", "age_band:65+"}
    assert facts("애기 낳으면") >= {"children:infant", "situations:birth_or_adoption"}
    assert facts("임신중인대") == {"situations:pregnant"}
    assert facts("이사 왔는데 뭐 있어요") == {"household:new_move_in"}
    assert facts("전입했어요") == {"household:new_move_in"}
    rent = next(h for h in lexicon.find("집세 지원") if h.entry.id == "rent")
    assert "월세" in rent.entry.means and "주거" in rent.entry.means


def test_typos_spacing_english_and_chinese_reach_the_same_entry(lexicon: Lexicon) -> None:
    ids = lambda q: {h.entry.id for h in lexicon.find(q)}  # noqa: E731
    assert "dementia" in ids("치메 검사")
    assert "alone" in ids("혼자사는") and "alone" in ids("혼자 사는")
    assert "senior" in ids("lunch for my grandmother")
    assert "senior" in ids("老人午餐") and "meal" in ids("老人午餐")


def test_a_one_syllable_word_counts_only_on_its_own(lexicon: Lexicon) -> None:
    assert "child" in {h.entry.id for h in lexicon.find("주말에 애 맡길 곳")}
    assert "child" not in {h.entry.id for h in lexicon.find("사랑애")}


def test_a_longer_trigger_wins_over_the_word_inside_it(lexicon: Lexicon) -> None:
    hits = {h.entry.id for h in lexicon.find("이혼하고 애 혼자 키워요")}
    assert "single_parent" in hits and "alone" not in hits


GOOD = """
entries:
  - id: one
    words: {ko: [할머니]}
    means: [어르신]
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entries:\n  - id: a\n    words: {ko: [x]}\n", "entry 1 'a' (line 2): needs means or facts"),
        ("entries:\n  - id: a\n    words: {fr: [x]}\n    means: [y]\n", "words must map ko / en / zh"),
        (
            GOOD + "  - id: b\n    words: {ko: [y]}\n    means: [z]\n    colour: red\n",
            "entry 2 'b' (line 6): unknown field 'colour'",
        ),
        (
            GOOD
            + "  - id: c\n    words: {ko: [y]}\n    facts:\n      - key: k\n        profile: {hobby: [x]}\n"
            "        label: {ko: 가, en: a}\n",
            "entry 2 'c' (line 6): fact k: profile key 'hobby'",
        ),
        (
            GOOD + "  - id: c\n    words: {ko: [y]}\n    facts:\n      - key: k\n        profile: {age: 65}\n"
            "        label: {ko: 가}\n",
            "label needs ko and en",
        ),
        (GOOD + "  - id: one\n    words: {ko: [y]}\n    means: [z]\n", "'one' (line 6): id used twice"),
        (
            GOOD + "  - id: g\n    words: {ko: [y]}\n    means: [z]\n    generic: yes please\n",
            "generic and outside must be",
        ),
        (
            GOOD + "  - id: o\n    words: {ko: [y]}\n    means: [z]\n    outside: true\n",
            "'o' (line 6): an outside entry has no means or facts",
        ),
        ("words: []\n", "top-level 'entries' list"),
    ],
)
def test_a_bad_lexicon_entry_is_named_with_its_line(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_lexicon(text)


def test_relative_dates_resolve_against_the_question_date(lexicon: Lexicon) -> None:
    from naesone_app.core.search.ask import stated_facts

    facts = stated_facts(lexicon.find("애기"), "ko", date(2026, 12, 10))
    child = next(f for f in facts if f.key == "children:infant")
    assert child.profile == {"children": [{"birth_date": "2026-06-10"}]}
    assert child.label == "애기 → 영유아 자녀 있음"
    assert stated_facts(lexicon.find("애기"), "en", ON)[0].label == "애기 → has a young child"


# -- ranking ---------------------------------------------------------------------------------------------

FIXTURE = [
    doc("lunch", "경로식당 무료 점심 급식", "어르신께 점심을 드립니다", tags="어르신"),
    doc("pension", "기초연금", "65세 이상 어르신께 매달 연금", tags="어르신", en_title="Basic Pension"),
    doc("rent", "청년 월세 지원", "청년의 월세를 지원", tags="주거 청년", en_title="Youth rent support"),
    doc("housing", "주거급여", "저소득 가구의 임차료 지원", body="월세 전세 임차료", tags="주거"),
    doc("jobs", "노인일자리", "어르신 일자리", body="점심 제공 없음", tags="어르신 일자리"),
]


@pytest.fixture(scope="module")
def small() -> SearchIndex:
    return SearchIndex(FIXTURE)


def ids(index: SearchIndex, lexicon: Lexicon, question: str) -> list[str]:
    return [r.document.id for r in rank(index, lexicon, normalise(question), 5)[0]]


def test_title_beats_body_and_field_weights_order_results(small: SearchIndex) -> None:
    bare = Lexicon(())  # plain BM25F, no expansion
    assert ids(small, bare, "점심")[:2] == ["native:lunch", "native:jobs"]
    assert ids(small, bare, "월세") == ["native:rent", "native:housing"]  # title before body


def test_lexicon_expansion_finds_words_in_no_title(small: SearchIndex, lexicon: Lexicon) -> None:
    assert ids(small, lexicon, "혼자 사는 할머니 밥")[0] == "native:lunch"
    assert set(ids(small, lexicon, "집세 도와줘")[:2]) == {"native:rent", "native:housing"}


def test_typing_the_whole_title_puts_it_first(small: SearchIndex, lexicon: Lexicon) -> None:
    assert ids(small, lexicon, "기초 연금 신청")[0] == "native:pension"
    found = rank(small, lexicon, "기초연금", 5)[0]
    assert found[0].score > 1.0  # the whole-title boost on top of a full match


def test_english_question_matches_english_title(small: SearchIndex, lexicon: Lexicon) -> None:
    assert ids(small, lexicon, "youth rent")[0] == "native:rent"


def test_compound_parts_join_their_word_as_one_concept(lexicon: Lexicon) -> None:
    parts = concepts("주차 과태료", [])
    assert [sorted(c.terms) for c in parts] == [["주차"], ["과태", "과태료"]]


def test_a_phrase_counts_by_how_much_of_it_matches(lexicon: Lexicon) -> None:
    index = SearchIndex(
        [doc("smart", "세운공원 스마트쉼터"), doc("heat", "중앙경로당", tags="무더위쉼터 무더위 쉼터")]
    )
    assert ids(index, lexicon, "무더위 쉼터")[0] == "native:heat"


def test_threshold_leaves_unrelated_questions_empty(small: SearchIndex, lexicon: Lexicon) -> None:
    found, _ = rank(small, lexicon, "여권 재발급", 5)
    assert all(r.score < THRESHOLD for r in found)
    found, _ = rank(small, lexicon, "기초연금", 5)
    assert found[0].score >= THRESHOLD


def test_generic_words_alone_find_nothing(small: SearchIndex, lexicon: Lexicon) -> None:
    # "지원", "돈", "补贴" say something is wanted, not what: with the wanted word in no document
    # (기저귀) or no other word at all, nothing is found however well 지원 matches
    for question in ("기저귀 지원", "지원", "补贴", "돈 주는거"):
        assert rank(small, lexicon, normalise(question), 5)[0] == [], question
    assert ids(small, lexicon, "청년 지원")[0] == "native:rent"  # with a real word it counts


def test_a_chinese_word_nobody_mapped_lowers_every_score(small: SearchIndex, lexicon: Lexicon) -> None:
    # Chinese has no analyser here: what the lexicon leaves of a question is a word that matches nothing,
    # so "钢琴老人" (piano + elderly) is less sure of 老人 programmes than "老人" alone
    assert lexicon.uncovered("钢琴老人").split() == ["钢琴"]
    assert [c.terms for c in concepts("钢琴老人", [], "钢琴")] == [frozenset({"钢琴"})]
    alone = rank(small, lexicon, "老人", 5)[0][0].score
    assert rank(small, lexicon, "钢琴老人", 5)[0][0].score < alone / 2
    assert concepts("在哪里申请", [], "在哪里申请") == []  # function words and "apply" are no word


def test_a_compound_in_no_document_weighs_as_unknown_though_its_parts_match(lexicon: Lexicon) -> None:
    index = SearchIndex([doc("reg", "주민 등록 안내", "주민 등록을 도와드립니다")])
    known = rank(index, lexicon, "주민 등록", 5)[0][0].score
    unknown = rank(index, lexicon, "주민등록증", 5)[0]
    assert not unknown or unknown[0].score < known / 2


def test_an_errand_no_programme_is_about_counts_as_a_word_nothing_matches(lexicon: Lexicon) -> None:
    # the lexicon's `outside` entry (civil-service errands): "주민등록증" matches nothing even where
    # its parts 주민 / 등록 appear, so it weighs against every document like an unknown word
    index = SearchIndex(
        [doc("reg", "주민 등록 안내", "주민 등록을 도와드립니다"), doc("card", "교통카드 발급")]
    )
    assert rank(index, lexicon, "주민등록증", 5)[0] == []
    assert all(r.score < THRESHOLD for r in rank(index, lexicon, "주민등록증 발급", 5)[0])
    assert rank(index, lexicon, "교통카드 발급", 5)[0][0].document.id == "native:card"


def test_many_alike_facilities_never_crowd_a_help_topic_out(lexicon: Lexicon) -> None:
    shelters = [
        Document(f"facility:{n}", "facility", "sample", "/safety", {"title": {"ko": f"{n}경로당"},
                 "tags": {"ko": "무더위쉼터"}, "summary": {"ko": "무더위쉼터"}})
        for n in range(CANDIDATES + 20)
    ]  # fmt: skip
    help_topic = Document("help:safety-map", "help", "help", "/safety",
                          {"title": {"ko": "안전 지도 (대피소·무더위쉼터)"}, "tags": {"ko": "무더위쉼터 지도"}})  # fmt: skip
    found, _ = rank(SearchIndex([*shelters, help_topic]), lexicon, "무더위 쉼터", 5)
    assert found[0].document.id == "help:safety-map"  # the title phrase wins once it is a candidate


# -- the answer ------------------------------------------------------------------------------------------


def ask_small(small, lexicon, question, **kw):
    return answer(small, lexicon, question, on=ON, **kw)


def test_bad_text_gives_a_problem_not_an_error(small: SearchIndex, lexicon: Lexicon) -> None:
    for question in ("", "   ", "\x00\x01", None, 42):
        got = ask_small(small, lexicon, question)
        assert (got.problem, got.results, got.nothing) == ("empty", (), True)
    long = ask_small(small, lexicon, "월세" * 300)
    assert long.problem == "too_long" and long.results == () and len(long.question) == 500
    for hostile in ("'; DROP TABLE program; --", "<script>alert(1)</script>", "{{7*7}} ${jndi:x}"):
        got = ask_small(small, lexicon, hostile)
        assert got.problem == "" and got.nothing and got.results == ()


def test_limit_and_locale_are_clamped(small: SearchIndex, lexicon: Lexicon) -> None:
    assert len(ask_small(small, lexicon, "어르신", limit=1).results) == 1
    assert ask_small(small, lexicon, "어르신", limit=10_000).results
    assert ask_small(small, lexicon, "어르신", locale="fr").locale == "ko"
    assert ask_small(small, lexicon, "youth rent", locale="en").results[0].title == "Youth rent support"
    assert ask_small(small, lexicon, "青年房租", locale="zh").results[0].title == "청년 월세 지원"


def test_dropped_facts_are_left_out_and_inferred_profile_merges(small: SearchIndex, lexicon: Lexicon) -> None:
    got = ask_small(small, lexicon, "혼자 사는 할머니 점심")
    assert got.inferred_profile() == {"household": ["single_person"], "age": 65}
    dropped = ask_small(small, lexicon, "혼자 사는 할머니 점심", dropped=frozenset({"age_band:65+"}))
    assert [f.key for f in dropped.facts] == ["household:single_person"]
    assert merge_profiles(
        {"age": 70, "household": ["no_house"]}, {"age": 65, "household": ["single_person"]}
    ) == {
        "age": 70,
        "household": ["no_house", "single_person"],
    }


def test_programme_status_uses_profile_and_stated_facts() -> None:
    from pathlib import Path

    program = load_program_file(
        Path(__file__).resolve().parents[2] / "data/programs/junggu-senior-lunch.yaml"
    )[0]
    index, lexicon = SearchIndex([program_document(program)]), Lexicon(load_lexicon())
    of = {program.key: program}.get
    plain = answer(index, lexicon, "경로식당 점심", on=ON, program_of=of).results[0]
    assert plain.status == "maybe" and plain.why
    young = answer(index, lexicon, "경로식당 점심", on=ON, program_of=of, profile={"age": 40}).results[0]
    assert young.status == "ineligible"
    stated = {"lives_in_junggu": True, "livelihood": "recipient"}
    senior = answer(index, lexicon, "할머니 경로식당 점심", on=ON, program_of=of, profile=stated).results[0]
    assert senior.status == "eligible" and "기초생활수급자" in senior.why
    assert "경로식당" in senior.matched and "점심" in senior.matched
    broken = answer(index, lexicon, "경로식당 점심", on=ON, program_of=of, profile={"age": "old"})
    assert broken.results[0].status == "maybe"  # a broken tab profile: decided on the question alone


def test_help_topics_ship_in_both_languages() -> None:
    topics = help_documents(HELP_FILE)
    assert len(topics) >= 8
    for topic in topics:
        assert topic.texts["title"]["ko"] and topic.texts["title"]["en"]
        assert topic.texts["summary"]["ko"] and topic.texts["summary"]["en"]
        assert topic.href.startswith("/")


def test_a_stated_age_is_a_lower_bound_never_alone_a_no() -> None:
    from pathlib import Path

    program = load_program_file(
        Path(__file__).resolve().parents[2] / "data/programs/junggu-longevity-gift.yaml"
    )[0]
    index, lexicon = SearchIndex([program_document(program)]), Lexicon(load_lexicon())
    of = {program.key: program}.get
    granny = answer(index, lexicon, "할머니 장수 축하금", on=ON, program_of=of)
    assert granny.inferred_profile() == {"age": 65}
    assert granny.results[0].status == "maybe" and "65" not in granny.results[0].why
    told = answer(index, lexicon, "할머니 장수 축하금", on=ON, program_of=of, profile={"age": 70})
    assert told.results[0].status == "ineligible"  # her own age decides
