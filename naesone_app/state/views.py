"""What a page shows of a decided programme, already worded in the reader's locale."""

from __future__ import annotations

from dataclasses import dataclass, field

from naesone_app.core import results
from naesone_app.core.answers import QUESTION_TITLES, describe_answer
from naesone_app.core.criteria import ANY_OF_LEAD, AnyOf, Criterion
from naesone_app.core.eligibility import ProgramResult, Verdict
from naesone_app.core.i18n import N_, Message, format_date, gettext_for, render
from naesone_app.core.labels import category_label
from naesone_app.core.outbound import link_label, tracked_link
from naesone_app.core.plain_text import readable
from naesone_app.core.profile import Facts
from naesone_app.core.program import Program
from naesone_app.db.catalog_cache import url_key

LEVEL_LABELS = {"national": N_("국가"), "city": N_("서울시"), "district": N_("중구")}
CHANNEL_LABELS = {
    "district": N_("중구청 신청"), "gov24": N_("정부24에서 신청"), "bokjiro": N_("복지로에서 신청"),
    "partner": N_("협력기관에서 신청"), "visit": N_("방문 신청"), "phone": N_("전화 신청"),
    "none": N_("신청 필요 없음"),
}  # fmt: skip
SOURCE_LABELS = {"gov24": N_("정부24 공공서비스 정보"), "native": N_("중구 혜택 목록")}


@dataclass
class CriterionOption:
    """One option of a "any one of these" criterion, decided on its own."""

    status: str = ""
    detail: str = ""


@dataclass
class CriterionLine:
    """One criterion as the resident reads it: a sentence, and for an any_of its options one by one."""

    status: str = ""
    detail: str = ""
    options: list[CriterionOption] = field(default_factory=list)


def criterion_line(verdict: Verdict, locale: str) -> CriterionLine:
    """A decided criterion in words; an any_of reads "다음 중 하나면 돼요" over its options."""
    if not verdict.parts:
        return CriterionLine(verdict.status, sentence(render(verdict.detail, locale)))
    options = [CriterionOption(p.status, sentence(render(p.detail, locale))) for p in verdict.parts]
    return CriterionLine(verdict.status, render(Message(ANY_OF_LEAD), locale), options)


def requirement_text(criterion: Criterion) -> Message:
    """What a programme asks, as listed under "누가 받을 수 있나요": a choice says it is one."""
    if isinstance(criterion, AnyOf):
        return Message(N_("{lead}: {rule}"), {"lead": Message(ANY_OF_LEAD), "rule": criterion.requirement()})
    return criterion.requirement()


def sentence(text: str) -> str:
    """A sentence starts with a capital letter (English requirements are worded to sit mid-sentence)."""
    return text[:1].upper() + text[1:]


@dataclass
class ResultCard:
    """A programme in the results list."""

    key: str = ""
    title: str = ""
    summary: str = ""
    status: str = ""
    level: str = ""
    criteria: list[CriterionLine] = field(default_factory=list)
    nearest_miss: str = ""
    next_change: str = ""
    deadline: str = ""
    is_sample: bool = False
    why: str = ""  # one line: why it sits in its group (compact cards)
    value: str = ""  # what it is worth, when the programme states it
    in_app: bool = False  # the app holds its application form
    korean_only: bool = False  # its texts exist only in Korean (Gov24) and the reader reads another language
    filters: list[str] = field(default_factory=list)  # the page filters it passes (core.results.FILTERS)


@dataclass
class ProgramView:
    """Everything the programme page shows."""

    key: str = ""
    title: str = ""
    summary: str = ""
    audience: str = ""
    benefit: str = ""
    how_to_apply: str = ""
    documents: list[str] = field(default_factory=list)
    deadline: str = ""
    window: str = ""
    contact: str = ""
    responsible_body: str = ""
    official_url: str = ""
    apply_link: str = ""  # the tracked link to where the resident applies elsewhere (core/outbound)
    apply_link_label: str = ""
    apply_channel: str = ""
    applies_here: bool = False  # an in-app form exists: the page offers 온라인 신청 (/apply)
    level: str = ""
    category: str = ""
    source: str = ""
    last_updated: str = ""
    provenance: str = ""
    is_sample: bool = False
    korean_only: bool = False
    requirements: list[str] = field(default_factory=list)


def _label(table: dict[str, str], key: str, locale: str) -> str:
    return gettext_for(locale)(table[key]) if key in table else key


def nearest_miss_text(result: ProgramResult, locale: str) -> str:
    """ "Only this keeps you out: …" when one or two things stand between the resident and it."""
    if not result.nearest_miss or len(result.nearest_miss) > 2:
        return ""
    details = " / ".join(render(v.detail, locale) for v in result.nearest_miss)
    if any(v.status == "unknown" for v in result.criteria):  # met, it would only become "maybe"
        return render(Message(N_("맞지 않는 조건: {what}"), {"what": details}), locale)
    return render(Message(N_("이것만 달라지면 받을 수 있어요: {what}"), {"what": details}), locale)


def next_change_text(result: ProgramResult, locale: str) -> str:
    """ "On 2027. 3. 2. you turn 65 and become eligible" and the like."""
    change = result.next_change
    if change is None:
        return ""
    events = ", ".join(render(e, locale) for e in change.events)
    status = {"eligible": N_("대상이 됩니다"), "maybe": N_("확인이 필요한 상태가 됩니다"),
              "ineligible": N_("대상에서 벗어납니다")}[change.status]  # fmt: skip
    return render(
        Message(N_("{date}: {events} → {status}"),
                {"date": change.on, "events": events, "status": Message(status)}),
        locale,
    )  # fmt: skip


def result_card(result: ProgramResult, locale: str) -> ResultCard:
    """The results-list card of one decided programme."""
    program = result.program
    text = program.text(locale)
    return ResultCard(
        key=url_key(program),
        title=text.title,
        summary=text.summary,
        status=result.status,
        level=_label(LEVEL_LABELS, program.level, locale),
        criteria=[criterion_line(v, locale) for v in result.criteria],
        nearest_miss=nearest_miss_text(result, locale),
        next_change=next_change_text(result, locale),
        deadline=_window(program, locale) or text.deadline,
        is_sample=program.is_sample,
    )


def compact_card(result: ProgramResult, facts: Facts, locale: str) -> ResultCard:
    """A results-page card: title, one line of why, value, deadline, 앱에서 신청 — the reasons are one tap away."""
    program = result.program
    deadline = results.deadline_text(result, facts.as_of)
    return ResultCard(
        key=url_key(program),
        title=program.text(locale).title,
        status=result.status,
        level=_label(LEVEL_LABELS, program.level, locale),
        deadline=render(deadline, locale) if deadline else "",
        is_sample=program.is_sample,
        why=sentence(render(results.why(result, facts), locale)),
        value=render(results.value_text(program.value), locale) if program.value else "",
        in_app=results.applies_in_app(program),
        korean_only=locale not in program.texts,
        filters=list(results.filters_of(result, facts.as_of)),
    )


def _window(program: Program, locale: str) -> str:
    if program.opens_on and program.closes_on:
        return f"{format_date(program.opens_on, locale)} ~ {format_date(program.closes_on, locale)}"
    if program.closes_on:
        return render(Message(N_("{date}까지"), {"date": program.closes_on}), locale)
    return ""


def program_view(program: Program, locale: str) -> ProgramView:
    """The programme page's content in `locale` (Korean where no translation exists)."""
    text = program.text(locale)
    return ProgramView(
        key=url_key(program),
        title=text.title,
        summary=text.summary,
        audience=readable(text.audience),
        benefit=readable(text.benefit),
        how_to_apply=readable(text.how_to_apply),
        documents=[d.lstrip("•– ") for d in readable(text.documents).splitlines() if d.strip()],
        deadline=readable(text.deadline),
        window=_window(program, locale),
        contact=text.contact,
        responsible_body=text.responsible_body,
        official_url=program.official_url,
        apply_link=tracked_link(program),
        apply_link_label=gettext_for(locale)(link_label(program)),
        apply_channel=_label(CHANNEL_LABELS, program.apply_channel, locale),
        applies_here=program.apply_channel == "district" and "application" in program.extra,
        level=_label(LEVEL_LABELS, program.level, locale),
        category=category_label(program.category, locale),
        source=_label(SOURCE_LABELS, program.source, locale),
        last_updated=format_date(program.last_updated, locale) if program.last_updated else "",
        provenance=program.provenance,
        is_sample=program.is_sample,
        korean_only=locale != "ko" and locale not in program.texts,
        requirements=[sentence(render(requirement_text(c), locale)) for c in program.criteria],
    )


@dataclass
class AnswerLine:
    """One answered question, to review and reopen."""

    question: str = ""
    title: str = ""
    answer: str = ""


def answer_lines(profile: dict, settled: list[str], locale: str) -> list[AnswerLine]:
    """The answers given so far, in the order asked."""
    _ = gettext_for(locale)
    lines = []
    for question in settled:
        words = describe_answer(profile, question)
        text = ", ".join(w if isinstance(w, str) else render(w, locale) for w in words) or _("건너뜀")
        lines.append(AnswerLine(question, _(QUESTION_TITLES[question]), text))
    return lines
