"""`naesone ask`: a question in one's own words, answered as the search page answers it (DESIGN.md
"Asking in words"). Bad input exits 1 with one line naming the problem."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from naesone_app.cli.common import CommandError, read_json, require_schema
from naesone_app.core.search.answer import SearchAnswer
from naesone_app.core.search.ask import ANSWER_LOCALES, MAX_LIMIT
from naesone_app.core.search.text import MAX_QUESTION, has_control, normalise


def _question(value: Any, where: str) -> str:
    """A question fit to ask, or a CommandError naming what is wrong with it."""
    if not isinstance(value, str):
        raise CommandError(f"{where}: a question must be a string")
    if len(value) > MAX_QUESTION:
        raise CommandError(f"{where}: too long ({len(value)} characters, at most {MAX_QUESTION})")
    if has_control(value):
        raise CommandError(f"{where}: contains control characters")
    if not normalise(value):
        raise CommandError(f"{where}: empty question")
    return value


def _limit(text: str) -> int:
    try:
        limit = int(text)
    except ValueError:
        raise CommandError(f"--limit: not a whole number: {text!r}") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise CommandError(f"--limit: must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def _profile(path: str | None) -> dict[str, Any] | None:
    from naesone_app.core.profile import parse_profile

    if path is None:
        return None
    data = read_json(path)
    if not isinstance(data, dict):
        raise CommandError(f"{path}: a profile is a JSON object")
    parse_profile(data)  # a ProfileError names the key
    return data


def answer_json(answer: SearchAnswer) -> dict[str, Any]:
    """One answer in the contract's shape."""
    return {
        "question": answer.question,
        "inferred": answer.inferred_profile(),
        "facts": [{"key": f.key, "trigger": f.trigger, "label": f.label} for f in answer.facts],
        "threshold": answer.threshold,
        "results": [
            {
                "program_id": r.id,
                "kind": r.kind,
                "source": r.source,
                "title": r.title,
                "score": r.score,
                "status": r.status or None,
                "why": r.why or None,
                "href": r.href,
            }
            for r in answer.results
        ],
    }


def _print_text(answer: SearchAnswer) -> None:
    print(f"? {answer.question}")
    for fact in answer.facts:
        print(f"  ({fact.label})")
    if not answer.results:
        print("  nothing relevant — 120 다산콜센터 (dial 120) or 정부24 (www.gov.kr)")
    for result in answer.results:
        status = f" [{result.status}]" if result.status else ""
        print(f"  {result.score:.3f}{status} {result.title} ({result.id})")
        if result.why:
            print(f"        {result.why}")


def cmd_ask(args: argparse.Namespace) -> None:
    from naesone_app.actions.search import ask

    if (args.question is None) == (args.batch is None):
        raise CommandError("give either a QUESTION or --batch FILE (not both)")
    if args.locale not in ANSWER_LOCALES:
        raise CommandError(f"--locale: must be one of {', '.join(ANSWER_LOCALES)}, not {args.locale!r}")
    limit = _limit(args.limit)
    profile = _profile(args.profile)
    if args.batch is not None:
        questions = read_json(args.batch)
        if not isinstance(questions, list):
            raise CommandError(f"{args.batch}: must be a JSON list of question strings")
        questions = [_question(q, f"{args.batch}: item {i + 1}") for i, q in enumerate(questions)]
    else:
        questions = [_question(args.question, "QUESTION")]
    require_schema()
    answers = [ask(q, locale=args.locale, limit=limit, profile=profile) for q in questions]
    if args.json:
        payload = [answer_json(a) for a in answers] if args.batch is not None else answer_json(answers[0])
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    for answer in answers:
        _print_text(answer)


def add_commands(commands: argparse._SubParsersAction) -> None:
    ask = commands.add_parser("ask", help="ask in your own words: programmes, classes, facilities, help")
    ask.add_argument("question", nargs="?", metavar="QUESTION")
    ask.add_argument("--batch", metavar="FILE", help="a JSON list of question strings")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--limit", default="10", metavar="N")
    ask.add_argument("--locale", default="ko", metavar="ko|en|zh")
    ask.add_argument("--profile", metavar="F", help="a profile JSON file (the profile contract)")
    ask.set_defaults(func=cmd_ask)
