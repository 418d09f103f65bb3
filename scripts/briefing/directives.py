"""Directives that put the briefing's data into a page, so each fact is written once.

This module reads them: which exist, their options, the data files a page shows and the
texts (with their citations) a directive inserts; `expand.py` renders them.

In a page, an HTML comment names what to insert:
  <!-- briefing:timeline -->                 the whole timeline, by year, with a filter
  <!-- briefing:timeline actor=nvidia -->    the events of one actor
  <!-- briefing:chips-table -->  <!-- briefing:chips-chart -->  <!-- briefing:chips-ratios -->
  <!-- briefing:source-kinds -->             what the source kinds mean
  <!-- briefing:corrections -->              the log of corrections and updates, newest first
  <!-- briefing:claim-review id=h200-count --> the site's rating of a claim (data/claims.yml),
                                             before the assessment paragraph it rates
  <!-- briefing:status -->                   where things stand: the key questions' current
  <!-- briefing:status actor=nvidia -->      answers, dated (data/status.yml); view=full:
  <!-- briefing:status view=full -->         each with its earlier answers
  <!-- briefing:horizon -->                  how far the record reaches, and how it was searched
  <!-- briefing:todo what=assessment -->      what a scaffold left to write: check reports it
The inserted text keeps its citations, which are then rendered like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .data import Data
from .errors import Problem
from .strings import ACTORS

DIRECTIVE_RE = re.compile(r"<!--\s*briefing:([a-z-]+)((?:\s+[a-z]+=[a-z0-9-]+)*)\s*-->")

# Every directive and the data file it shows (None: strings.yml only).
DIRECTIVES: dict[str, str | None] = {
    "timeline": "data/timeline.yml",
    "chips-table": "data/chips.yml",
    "chips-chart": "data/chips.yml",
    "chips-ratios": "data/chips.yml",
    "source-kinds": None,
    "claim-review": "data/claims.yml",
    "corrections": "data/corrections.yml",
    "status": "data/status.yml",
    "horizon": "data/status.yml",
    "todo": None,
}


def options_of(raw: str) -> dict[str, str]:
    """`actor=nvidia id=x` -> {"actor": "nvidia", "id": "x"}."""
    return dict(item.split("=", 1) for item in raw.split())


def data_files_of(markdown: str) -> tuple[str, ...]:
    """The data files a page shows through its directives (a change there changes the page)."""
    names = (DIRECTIVES.get(m.group(1)) for m in DIRECTIVE_RE.finditer(markdown))
    return tuple(sorted({name for name in names if name}))


def shown_texts(markdown: str, lang: str, data: Data) -> Iterator[str]:
    """The page as its citations appear to the reader, in order: its own text, and in place
    of each directive the texts it inserts that may cite (an event's text, a cell's
    citation). What a page cites is counted from this, without rendering anything;
    a test holds it equal to the citations of the rendered page."""
    cursor = 0
    for match in DIRECTIVE_RE.finditer(markdown):
        yield markdown[cursor : match.start()]
        yield from _inserted(match.group(1), options_of(match.group(2)), lang, data)
        cursor = match.end()
    yield markdown[cursor:]


def _inserted(name: str, options: dict[str, str], lang: str, data: Data) -> Iterator[str]:
    """The citing texts of one directive, in the order its template shows them."""
    chips = data.chips
    if name == "timeline":
        yield from (event.text[lang] for event in data.events_of(options.get("actor")))
    elif name == "chips-table" and chips is not None:
        for row in chips.rows:
            for chip in chips.names:
                cell = row.cells[chip]
                yield from (cell.value[lang], cell.cite, cell.note[lang] if cell.note else "")
    elif name == "chips-ratios" and chips is not None:
        for ratio in chips.ratios:
            yield chips.cell(*ratio.numerator).cite
            yield chips.cell(*ratio.denominator).cite
    elif name == "claim-review" and (claim := data.claims.get(options.get("id", ""))):
        yield claim.text[lang]
    elif name == "corrections":
        yield from (entry.text[lang] for entry in data.corrections)
    elif name == "status":
        for question in data.questions_of(options.get("actor")):
            answers = question.answers if options.get("view") == "full" else question.answers[:1]
            yield from (answer.text[lang] for answer in answers)


def problems_in(markdown: str, path: str, data: Data, first_line: int = 1) -> list[Problem]:
    """Unknown directives or options, and directives whose data is missing."""
    problems = []
    for match in DIRECTIVE_RE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + first_line
        name, options = match.group(1), options_of(match.group(2))
        if name not in DIRECTIVES:
            problems.append(
                Problem(
                    path,
                    line,
                    f"unknown directive 'briefing:{name}'",
                    f"use one of: {', '.join(sorted(DIRECTIVES))}",
                )
            )
        elif name == "claim-review":
            if set(options) != {"id"}:
                problems.append(
                    Problem(
                        path,
                        line,
                        "briefing:claim-review needs id=<claim id>",
                        "write <!-- briefing:claim-review id=... --> with an id "
                        "from data/claims.yml",
                    )
                )
            elif options["id"] not in data.claims and not data.claims_broken:
                near = ", ".join(sorted(data.claims)[:8]) or "none yet"
                problems.append(
                    Problem(
                        path,
                        line,
                        f"no claim '{options['id']}' in data/claims.yml",
                        f"add it there, or use one of: {near}",
                    )
                )
        elif name == "timeline" and (
            set(options) - {"actor"} or options.get("actor", next(iter(ACTORS))) not in ACTORS
        ):
            problems.append(
                Problem(
                    path,
                    line,
                    f"bad options {options} for briefing:timeline",
                    f"write actor=<one of {', '.join(ACTORS)}>",
                )
            )
        elif name == "todo":
            problems.append(
                Problem(
                    path,
                    line,
                    f"still to write here: the {options.get('what', 'text')} "
                    "(left by `briefing contested`)",
                    "write it in this language, then delete the <!-- briefing:todo --> line",
                )
            )
        elif name == "status" and (
            set(options) - {"actor", "view"}
            or options.get("actor", next(iter(ACTORS))) not in ACTORS
            or options.get("view", "full") != "full"
            or len(options) > 1
        ):
            problems.append(
                Problem(
                    path,
                    line,
                    f"bad options {options} for briefing:status",
                    f"write one of: actor=<one of {', '.join(ACTORS)}>, view=full, or none",
                )
            )
        elif name not in ("timeline", "claim-review", "status", "todo") and options:
            problems.append(
                Problem(
                    path,
                    line,
                    f"briefing:{name} takes no options",
                    f"write <!-- briefing:{name} -->",
                )
            )
        elif name.startswith("chips") and data.chips is None and not data.chips_broken:
            problems.append(
                Problem(
                    path,
                    line,
                    "the chip data (data/chips.yml) is missing",
                    "add data/chips.yml or remove the directive",
                )
            )
    return problems
