"""Directives that put the briefing's data into a page, so each fact is written once.

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

A directive is declared once, as one row of `DIRECTIVES`: its name, the data files it shows,
its options, the texts it inserts that may cite (`citing_texts`: what a page is counted as
citing, without rendering anything), the problems it reports, and its rendering: a template
and what the template is given (`context`).

Why the row names its template instead of rendering it: the row lives here, in the records
layer, which may not import the presentation layer. What a template is given is data, so
`expand` (presentation) renders every row the same way, with no code of its own per
directive, and no second table to keep in step. The records layer counts a page's
citations, checks its directives and dates the page by the data it shows; the presentation
layer renders it; both from the same row. A template's strings are in strings.yml; a
directive declared outside the package (a test's fixture, say) is added with
`register_directive`, which also takes its template folder and its strings. Its data file is
a row of `datafiles.DATA_FILES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from .data import Data
from .errors import Problem
from .strings import ACTORS, add_labels

TODO = "directive.todo"  # text a scaffold left to write (`briefing contested`)

DIRECTIVE_RE = re.compile(r"<!--\s*briefing:([a-z-]+)((?:\s+[a-z]+=[a-z0-9-]+)*)\s*-->")

Given = dict[str, str]  # the options written in the page: actor=nvidia -> {"actor": "nvidia"}


@dataclass(frozen=True)
class Options:
    """The options a directive takes, each with the values it may have (None: any value);
    `allowed=None`: any option at all. `message` and `usage` say what is wrong and how to
    write them ({name}, {options} and {actors} are filled in)."""

    allowed: Mapping[str, Collection[str] | None] | None = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    at_most_one: bool = False
    message: str = "bad options {options} for briefing:{name}"
    usage: str = ""

    def wrong(self, given: Given) -> bool:
        if self.allowed is None:
            return False
        allowed = self.allowed
        return (
            not self.required <= set(given)
            or (self.at_most_one and len(given) > 1)
            or any(not _allows(allowed, key, value) for key, value in given.items())
        )

    def problem(self, name: str, given: Given) -> tuple[str, str]:
        """What is wrong with `given` and how to write it."""
        if not self.allowed:
            return f"briefing:{name} takes no options", f"write <!-- briefing:{name} -->"
        fill = {"name": name, "options": given, "actors": ", ".join(ACTORS)}
        return self.message.format(**fill), self.usage.format(**fill)


def _allows(allowed: Mapping[str, Collection[str] | None], key: str, value: str) -> bool:
    if key not in allowed:
        return False
    values = allowed[key]
    return values is None or value in values


def _none(data: Data, given: Given, lang: str) -> Iterator[str]:
    yield from ()


def _no_problems(data: Data, given: Given) -> list[tuple[str, str, str]]:
    return []


@dataclass(frozen=True)
class Directive:
    """One directive: everything the site knows about it."""

    name: str
    files: tuple[str, ...] = ()  # the data files it shows, in data/ (a change there dates it)
    options: Options = field(default_factory=Options)
    # The texts it inserts that may cite, in the order its template shows them.
    citing_texts: Callable[[Data, Given, str], Iterator[str]] = _none
    # Its problems other than its options: (what is wrong, how to fix it, the code).
    problems: Callable[[Data, Given], list[tuple[str, str, str]]] = _no_problems
    missing: str = ""  # what its files hold, if a page showing them without them is wrong
    template: str | None = None  # None: it shows nothing
    # What the template is given besides `lang` (None: nothing to show); `titles`: the
    # language's page titles by path, for a directive that links to pages.
    context: Callable[[Data, Given, Mapping[str, str]], dict[str, Any] | None] = (
        lambda data, given, titles: {}
    )
    templates: Path | None = None  # its template's folder, if not the package's templates/
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # if not strings.yml's


# --- the site's directives: what each inserts, checks and gives its template ---

CHART_ROWS = ("fp16-dense", "memory-bandwidth")  # the chip table's rows the chart draws


def _timeline_texts(data: Data, given: Given, lang: str) -> Iterator[str]:
    yield from (event.text[lang] for event in data.events_of(given.get("actor")))


def _timeline(data: Data, given: Given, titles: Mapping[str, str]) -> dict[str, Any]:
    actor = given.get("actor")
    events = data.events_of(actor)
    groups = [(year, list(items)) for year, items in groupby(events, key=lambda e: e.date.year)]
    return {"groups": groups, "full": actor is None}


def _chips_table_texts(data: Data, given: Given, lang: str) -> Iterator[str]:
    if chips := data.chips:
        for row in chips.rows:
            for chip in chips.names:
                cell = row.cells[chip]
                yield from (cell.value[lang], cell.cite, cell.note[lang] if cell.note else "")


def _chips_ratios_texts(data: Data, given: Given, lang: str) -> Iterator[str]:
    if chips := data.chips:
        for ratio in chips.ratios:
            yield chips.cell(*ratio.numerator).cite
            yield chips.cell(*ratio.denominator).cite


def _chips(data: Data, given: Given, titles: Mapping[str, str]) -> dict[str, Any] | None:
    return {"chips": data.chips, "chart_rows": CHART_ROWS} if data.chips is not None else None


def _claim_texts(data: Data, given: Given, lang: str) -> Iterator[str]:
    if claim := data.claims.get(given.get("id", "")):
        yield claim.text[lang]


def _claim_problems(data: Data, given: Given) -> list[tuple[str, str, str]]:
    if given["id"] in data.claims or "claims.yml" in data.broken:
        return []
    near = ", ".join(sorted(data.claims)[:8]) or "none yet"
    return [
        (
            f"no claim '{given['id']}' in data/claims.yml",
            f"add it there, or use one of: {near}",
            "directive.unknown-ref",
        )
    ]


def _claim(data: Data, given: Given, titles: Mapping[str, str]) -> dict[str, Any] | None:
    claim = data.claims.get(given.get("id", ""))
    return {"claim": claim} if claim else None


def _corrections_texts(data: Data, given: Given, lang: str) -> Iterator[str]:
    yield from (entry.text[lang] for entry in data.corrections)


def _corrections(data: Data, given: Given, titles: Mapping[str, str]) -> dict[str, Any]:
    """The log, each affected page linked as a Markdown link (MkDocs resolves it)."""
    return {"entries": data.corrections, "titles": titles}


def _status_texts(data: Data, given: Given, lang: str) -> Iterator[str]:
    for question in data.questions_of(given.get("actor")):
        answers = question.answers if given.get("view") == "full" else question.answers[:1]
        yield from (answer.text[lang] for answer in answers)


def _status(data: Data, given: Given, titles: Mapping[str, str]) -> dict[str, Any]:
    """The key questions: a board of current answers (the home page: all; an actor's page:
    that actor's), or with `view=full` every question with its earlier answers."""
    return {
        "questions": data.questions_of(given.get("actor")),
        "full": given.get("view") == "full",
        "horizon": data.horizon,
        "event_of": data.event,
        "status_page": "status.md" if "actor" not in given else "../status.md",
    }


def _todo_problems(data: Data, given: Given) -> list[tuple[str, str, str]]:
    return [
        (
            f"still to write here: the {given.get('what', 'text')} (left by `briefing contested`)",
            "write it in this language, then delete the <!-- briefing:todo --> line",
            TODO,
        )
    ]


_ACTOR = Options(
    {"actor": ACTORS}, usage="write actor=<one of {actors}>"
)  # ACTORS is read when a page is checked: strings.yml may change under `mkdocs serve`

DIRECTIVES: dict[str, Directive] = {
    row.name: row
    for row in (
        Directive(
            "timeline",
            ("timeline.yml",),
            _ACTOR,
            _timeline_texts,
            template="timeline.html.j2",
            context=_timeline,
        ),
        Directive(
            "chips-table",
            ("chips.yml",),
            citing_texts=_chips_table_texts,
            missing="the chip data",
            template="chips_table.html.j2",
            context=_chips,
        ),
        Directive(
            "chips-chart",
            ("chips.yml",),
            missing="the chip data",
            template="chips_chart.html.j2",
            context=_chips,
        ),
        Directive(
            "chips-ratios",
            ("chips.yml",),
            citing_texts=_chips_ratios_texts,
            missing="the chip data",
            template="chips_ratios.html.j2",
            context=_chips,
        ),
        Directive("source-kinds", template="kinds.html.j2"),
        Directive(
            "claim-review",
            ("claims.yml",),
            Options(
                {"id": None},
                frozenset({"id"}),
                message="briefing:{name} needs id=<claim id>",
                usage="write <!-- briefing:{name} id=... --> with an id from data/claims.yml",
            ),
            _claim_texts,
            _claim_problems,
            template="claim_review.html.j2",
            context=_claim,
        ),
        Directive(
            "corrections",
            ("corrections.yml",),
            citing_texts=_corrections_texts,
            template="corrections.html.j2",
            context=_corrections,
        ),
        Directive(
            "status",
            ("status.yml",),
            Options(
                {"actor": ACTORS, "view": ("full",)},
                at_most_one=True,
                usage="write one of: actor=<one of {actors}>, view=full, or none",
            ),
            _status_texts,
            template="status.html.j2",
            context=_status,
        ),
        Directive(
            "horizon",
            ("status.yml",),
            template="horizon.html.j2",
            context=lambda data, given, titles: {"horizon": data.horizon},
        ),
        Directive("todo", options=Options(None), problems=_todo_problems),
    )
}


def register_directive(row: Directive) -> Directive:
    """Declare one more directive (its data file is declared with
    `datafiles.register_data_file`); a name given twice is a mistake in the code."""
    if row.name in DIRECTIVES:
        raise ValueError(f"briefing:{row.name} is already declared")
    add_labels(row.labels)
    DIRECTIVES[row.name] = row
    return row


# --- reading a page's directives ---


def options_of(raw: str) -> Given:
    """`actor=nvidia id=x` -> {"actor": "nvidia", "id": "x"}."""
    return dict(item.split("=", 1) for item in raw.split())


def occurrences(markdown: str, name: str | None = None) -> Iterator[re.Match[str]]:
    """The directives written in a page (those named `name`), in order: group 1 is the
    name, `options_of(group 2)` the options."""
    for match in DIRECTIVE_RE.finditer(markdown):
        if name is None or match.group(1) == name:
            yield match


def without(markdown: str, name: str) -> str:
    """The text with the directives named `name` taken out."""
    cursor, kept = 0, []
    for match in occurrences(markdown, name):
        kept.append(markdown[cursor : match.start()])
        cursor = match.end()
    return "".join(kept) + markdown[cursor:]


def data_files_of(markdown: str) -> tuple[str, ...]:
    """The data files a page shows through its directives (a change there changes the page)."""
    rows = (DIRECTIVES.get(m.group(1)) for m in occurrences(markdown))
    return tuple(sorted({f"data/{name}" for row in rows if row for name in row.files}))


def shown_texts(markdown: str, lang: str, data: Data) -> Iterator[str]:
    """The page as its citations appear to the reader, in order: its own text, and in place
    of each directive the texts it inserts that may cite (an event's text, a cell's
    citation). What a page cites is counted from this, without rendering anything;
    a test holds it equal to the citations of the rendered page."""
    cursor = 0
    for match in occurrences(markdown):
        yield markdown[cursor : match.start()]
        if row := DIRECTIVES.get(match.group(1)):
            yield from row.citing_texts(data, options_of(match.group(2)), lang)
        cursor = match.end()
    yield markdown[cursor:]


def problems_in(markdown: str, path: str, data: Data, first_line: int = 1) -> list[Problem]:
    """Unknown directives, wrong options, and directives whose data is missing."""
    problems = []
    for match in occurrences(markdown):
        line = markdown.count("\n", 0, match.start()) + first_line
        name, given = match.group(1), options_of(match.group(2))
        row = DIRECTIVES.get(name)
        if row is None:
            found = [
                (
                    f"unknown directive 'briefing:{name}'",
                    f"use one of: {', '.join(sorted(DIRECTIVES))}",
                    "directive.unknown",
                )
            ]
        elif row.options.wrong(given):
            found = [(*row.options.problem(name, given), "directive.bad-options")]
        else:
            found = row.problems(data, given) + [
                (
                    f"{row.missing} (data/{file}) is missing",
                    f"add data/{file} or remove the directive",
                    "directive.missing-data",
                )
                for file in row.files
                if row.missing and not data.present(file)
            ]
        problems += [Problem(path, line, message, fix, code) for message, fix, code in found]
    return problems
