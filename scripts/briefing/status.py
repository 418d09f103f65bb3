"""Where things stand: the briefing's key questions, each answer dated, and never stale.

`data/status.yml` holds how far the record reaches (`horizon`) and a few key questions, each
with its answers, newest first: what was the case as of a day, cited like any text, and the
timeline event that changed the previous answer.

    horizon:
      complete_to: 2026-06-05       # every significant development up to here is recorded
      consulted_to: 2026-06-10      # the latest reporting read
      searched: {en: "…", ja: "…", fr: "…", de: "…"}
    questions:
      - id: us-licences
        actors: [us-government, nvidia]
        question: {en: "…", ja: "…", fr: "…", de: "…"}
        answers:
          - as_of: 2026-06-01
            changed_by: bis-h200-rule        # a timeline event id
            text: {en: "… [@id, ¶2]", …}
          - as_of: 2026-01-13
            text: {…}

A timeline event names the questions it bears on (`questions: [us-licences]`). An event
dated after a question's latest answer is news the answer has not taken in: `check` and the
build report it, with the line of that answer, until an editor reviews the answer: restamps
its `as_of` (the answer still holds) or adds a newer answer that records the change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .data import Answer, Event, Horizon, Question, _entries, _Reader, _reader
from .errors import Problem, Refused
from .fields import INVALID, Day, Ref, parse_fuzzy_date
from .load import Key
from .model import Source
from .strings import ACTORS

# A day (YYYY-MM-DD), never in the future: an answer is as of a day already past.
STALE_ANSWER = "status.stale-answer"  # an answer older than an event on its question
PAST_DAY = Day(
    future="{day} is in the future",
    future_fix="write a day already past",
    iso=True,
    not_day_fix="write the day as YYYY-MM-DD",
)


# The timeline event that brought an answer.
CHANGED_BY = Ref(
    "events",
    "no timeline event has id {value!r}",
    "give the id of the event in data/timeline.yml that changed the answer",
)


def _day(reader: _Reader, key: Key, value: Any) -> dt.date | None:
    day = PAST_DAY.read(reader, key, value, {})
    return None if day is INVALID else day


def load_status(
    path: Path,
    root: Path,
    sources: dict[str, Source],
    broken: set[str],
    events: list[Event],
    languages: Sequence[str],
) -> tuple[list[Question], Horizon | None, list[Problem]]:
    """Read data/status.yml, and check it against the timeline's events."""
    if not path.exists():
        unknown = [(e, q) for e in events for q in e.questions]
        return [], None, [_no_such_question(e, q) for e, q in unknown]
    reader = _reader(path, root, sources, broken, languages)
    reader.refs["events"] = {event.id for event in events}
    horizon = _horizon(reader)
    questions: list[Question] = []
    by_id = {event.id: event for event in events}
    for key, entry, ident in _entries(
        reader, "questions", ["id", "actors", "question", "answers"], "question", ["horizon"]
    ):
        actors = entry["actors"] if isinstance(entry["actors"], list) else []
        if not actors or any(a not in ACTORS for a in actors):
            reader.fail(
                (*key, "actors"),
                f"unknown or missing actors {actors}",
                f"list one or more of: {', '.join(ACTORS)}",
                "unknown-ref",
            )
            continue
        question = reader.texts((*key, "question"), entry["question"], cited=False)
        answers = _answers(reader, key, entry["answers"], by_id)
        if question and answers:
            questions.append(Question(ident, tuple(actors), question, answers, reader.line(key)))
    known = {q.id for q in questions}
    problems = reader.problems
    if reader.readable:
        problems += [_no_such_question(e, q) for e in events for q in e.questions if q not in known]
        problems += [stale for q in questions if (stale := _stale(reader, q, events))]
    return questions, horizon, problems


def _horizon(reader: _Reader) -> Horizon | None:
    top = reader.value if reader.readable and isinstance(reader.value, dict) else None
    if top is None or "horizon" not in top:
        if top is not None:
            reader.fail(
                (),
                "the 'horizon' field is missing",
                "add horizon: with complete_to, consulted_to and searched",
                "missing",
            )
        return None
    entry = reader.mapping(
        ("horizon",), top["horizon"], ["complete_to", "consulted_to", "searched"]
    )
    if entry is None:
        return None
    complete = _day(reader, ("horizon", "complete_to"), entry["complete_to"])
    consulted = _day(reader, ("horizon", "consulted_to"), entry["consulted_to"])
    searched = reader.texts(("horizon", "searched"), entry["searched"], cited=False)
    if complete and consulted and complete > consulted:
        reader.fail(
            ("horizon", "complete_to"),
            "the record cannot be complete beyond the latest reporting consulted",
            "make complete_to no later than consulted_to",
            "horizon-order",
        )
        return None
    if complete and consulted and searched:
        return Horizon(complete, consulted, searched)
    return None


def _answers(reader: _Reader, key: Key, raw: Any, events: dict[str, Event]) -> tuple[Answer, ...]:
    answers: list[Answer] = []
    for index, item in enumerate(reader.items((*key, "answers"), raw)):
        where: Key = (*key, "answers", index)
        entry = reader.mapping(where, item, ["as_of", "text"], ["changed_by"])
        if entry is None:
            continue
        day = _day(reader, (*where, "as_of"), entry["as_of"])
        changed_by = entry.get("changed_by")
        if changed_by is not None:
            CHANGED_BY.read(reader, (*where, "changed_by"), changed_by, entry)
        text = reader.texts((*where, "text"), entry["text"], cited=True)
        if day and text:
            answers.append(Answer(day, text, changed_by, reader.line(where)))
    if not answers and not reader.problems:
        reader.fail(
            (*key, "answers"), "no answer is given", "give the current answer, dated", "missing"
        )
    if any(a.as_of < b.as_of for a, b in zip(answers, answers[1:], strict=False)):
        reader.fail(
            (*key, "answers"),
            "the answers are not newest first",
            "order the answers by their as_of date, the current one first",
            "out-of-order",
        )
        return ()
    return tuple(answers)


def _stale(reader: _Reader, question: Question, events: list[Event]) -> Problem | None:
    """The newest event on the question dated after its current answer, as a problem."""
    current = question.current
    newer = [e for e in events if question.id in e.questions and e.date.sort_key > current.as_of]
    if not newer:
        return None
    event = max(newer, key=lambda e: e.date.sort_key)
    return Problem(
        reader.path,
        current.line,
        f"question '{question.id}': its answer is as of {current.as_of.isoformat()}, but the "
        f"timeline has a newer event on it, '{event.id}' ({event.date.iso}, "
        f"data/timeline.yml:{event.line})",
        "review the answer: if it still holds, change as_of to the day you checked; if not, "
        f"add a newer answer first, with changed_by: {event.id}",
        STALE_ANSWER,
    )


def _no_such_question(event: Event, question: str) -> Problem:
    return Problem(
        "data/timeline.yml",
        event.line or 1,
        f"event '{event.id}': questions: no key question has id '{question}'",
        "use an id from data/status.yml, or add the question there",
        "status.unknown-ref",
    )


RECORDED_RE = re.compile(r"\b(?:events?|as)\s+([a-z0-9]+(?:-[a-z0-9]+)+)")


def load_research(
    path: Path, root: Path, events: list[Event], languages: Sequence[str]
) -> list[Problem]:
    """data/research.yml, the research log: each development considered, with its sources
    (http(s) addresses) and the decision; an event a decision names must exist."""
    if not path.exists():
        return []
    reader = _reader(path, root, {}, set(), languages)
    top = reader.mapping((), reader.value, ["developments"]) if reader.readable else None
    known = {event.id for event in events}
    for index, raw in enumerate(
        reader.items(("developments",), top["developments"]) if top else []
    ):
        key: Key = ("developments", index)
        entry = reader.mapping(key, raw, ["date", "development", "sources", "decision"])
        if entry is None:
            continue
        if isinstance(parse_fuzzy_date(str(entry["date"]), "approximate"), Refused):
            reader.fail(
                (*key, "date"),
                f"{entry['date']!r} is not a date",
                "write YYYY-MM-DD or YYYY-MM",
                "bad-date",
            )
        sources = entry["sources"] if isinstance(entry["sources"], list) else None
        if sources is None or not all(
            isinstance(u, str) and urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc
            for u in sources
        ):
            reader.fail(
                (*key, "sources"),
                "expected a list of http(s) addresses",
                'write sources: ["https://…"] (or [] for a development already in the record)',
                "bad-url",
            )
        decision = entry["decision"]
        if not isinstance(decision, str) or not decision.strip():
            reader.fail(
                (*key, "decision"), "the decision is missing", "say what was decided", "missing"
            )
            continue
        if decision.startswith(("recorded", "already in the record")):
            named = [m for m in RECORDED_RE.findall(decision) if m not in known]
            if not RECORDED_RE.search(decision) or named:
                reader.fail(
                    (*key, "decision"),
                    f"names no event of data/timeline.yml ({', '.join(named) or 'none named'})",
                    "write 'recorded as event <id>' or 'already in the record as event <id>' "
                    "with the id of an event in data/timeline.yml",
                    "unknown-ref",
                )
    return reader.problems
