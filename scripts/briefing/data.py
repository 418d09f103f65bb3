"""The briefing's data, each fact in one place: timeline events and chip specifications.

Each entry keeps its four languages side by side. Citations inside the texts are checked
like those in pages, and one entry must cite the same things in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from . import DEFAULT_LANGUAGE
from .citations import check_cite, find_citations
from .errors import Problem, Refused
from .fields import (
    INVALID,
    Choice,
    CitedTexts,
    Day,
    Field,
    Fields,
    Judged,
    OfType,
    Refs,
    Strings,
    parse_fuzzy_date,
)
from .load import Key, read_yaml
from .model import FuzzyDate, Source
from .strings import ACTORS

# How sure a chip figure is: confirmed by the maker's documentation or several sources,
# reported by the press, claimed by the maker for its own product and not measured
# independently (shown as the maker's, never as confirmed), or unconfirmed.
STATUSES = ("confirmed", "reported", "claimed", "unconfirmed")


@dataclass(frozen=True)
class Event:
    id: str
    date: FuzzyDate
    actors: tuple[str, ...]
    text: dict[str, str]
    questions: tuple[str, ...] = ()  # the key questions (data/status.yml) it bears on
    line: int = 0
    drafts: tuple[str, ...] = ()  # languages whose text awaits review (states.py)


@dataclass(frozen=True)
class Answer:
    """One dated answer to a key question: what was the case as of a day, cited; and the
    timeline event that brought this answer (None for the first one recorded)."""

    as_of: dt.date
    text: dict[str, str]
    changed_by: str | None
    line: int


@dataclass(frozen=True)
class Question:
    """A key question of the briefing and its answers, newest first (data/status.yml)."""

    id: str
    actors: tuple[str, ...]
    question: dict[str, str]
    answers: tuple[Answer, ...]
    line: int

    @property
    def current(self) -> Answer:
        return self.answers[0]


@dataclass(frozen=True)
class Horizon:
    """How far the record reaches: complete up to a day, the latest reporting consulted, and
    how the reporting was searched (in each site language)."""

    complete_to: dt.date
    consulted_to: dt.date
    searched: dict[str, str]


@dataclass(frozen=True)
class Cell:
    value: dict[str, str]
    number: float | None
    status: str
    cite: str
    note: dict[str, str] | None


@dataclass(frozen=True)
class Row:
    id: str
    label: dict[str, str]
    unit: str | None
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Ratio:
    id: str
    label: dict[str, str]
    numerator: tuple[str, str]  # (row id, chip id)
    denominator: tuple[str, str]
    style: str  # "percent" or "times"


@dataclass(frozen=True)
class Chips:
    names: dict[str, dict[str, str]]  # chip id -> language -> name
    rows: tuple[Row, ...]
    ratios: tuple[Ratio, ...]

    def cell(self, row_id: str, chip_id: str) -> Cell:
        return next(row for row in self.rows if row.id == row_id).cells[chip_id]

    def row(self, row_id: str) -> Row | None:
        return next((row for row in self.rows if row.id == row_id), None)

    def operands(self, ratio: Ratio) -> tuple[float, float]:
        """The two figures a ratio divides (both are numbers: the loader checks it)."""
        num = self.cell(*ratio.numerator).number
        den = self.cell(*ratio.denominator).number
        if num is None or den is None:  # the loader refuses a ratio of a cell without number
            raise ValueError(f"ratio {ratio.id}: a cell has no number")
        return num, den


@dataclass(frozen=True)
class Claim:
    """A claim the contested-figures page assesses: who made it, in which sources, what it
    says (in each site language), the evidence the rubric reads and the site's rating. See
    data/claims.yml."""

    id: str
    claimants: tuple[str, ...]  # source ids
    rating: str
    text: dict[str, str]
    evidence: dict[str, str] = field(default_factory=dict)
    exception: dict[str, str] | None = None  # why the rating departs from the rubric


# The rubric (method page, "How claims are rated"): what the evidence recorded for a claim
# gives. Each field and its values:
EVIDENCE = {
    # the site's check: the figure holds, could not be checked either way, or does not hold
    "finding": ("supported", "unchecked", "overstated", "misleading", "contradicted"),
    "document": ("yes", "no"),  # a primary document (filing, rule, datasheet) states it
    "party": ("confirmed", "denied", "silent"),  # the company or government concerned
    "sources": ("named", "unnamed", "none"),  # whom the reports rest on
    "outlets": ("several", "one"),  # independent outlets reporting it
}


def rubric(evidence: Mapping[str, str]) -> str:
    """The rating the rubric gives for a claim's recorded evidence."""
    finding = evidence["finding"]
    if finding == "contradicted":
        return "wrong"
    if finding == "misleading":
        return "misleading"
    if finding == "overstated":
        return "partly-accurate"
    if evidence["document"] == "yes" or evidence["party"] == "confirmed":
        return "accurate"
    named, several = evidence["sources"] == "named", evidence["outlets"] == "several"
    if named and several:
        return "accurate"
    if (named or several) and evidence["party"] != "denied" and evidence["sources"] != "none":
        return "mostly-accurate"
    return "unsupported"


@dataclass(frozen=True)
class Quote:
    """A person's quoted words, kept once (data/quotes.yml; see quotes.py)."""

    id: str
    speaker: dict[str, str]
    source: str
    paragraph: int | None  # None: the source is a record without text or accounts
    language: str
    original: str
    wording: str
    text: dict[str, str]
    variants: tuple[str, ...] = ()  # other renderings seen, which check refuses


@dataclass(frozen=True)
class Correction:
    """One entry of the log of corrections and updates (data/corrections.yml): what the
    briefing changed in its claims, when, on which pages, and why."""

    id: str
    day: dt.date
    kind: str  # correction | update | reassessment
    pages: tuple[str, ...]  # page paths inside a language folder ("chips.md")
    text: dict[str, str]
    line: int


CORRECTION_KINDS = ("correction", "update", "reassessment")

RATINGS = {
    "accurate": 5,
    "mostly-accurate": 4,
    "partly-accurate": 3,
    "misleading": 2,
    "unsupported": 2,
    "wrong": 1,
}  # schema.org ratingValue, best 5, worst 1


@dataclass
class Data:
    """What the data files hold, each under its file name in data/ (the rows of
    `datafiles.DATA_FILES` say how each is read). A file that is absent has no value; a
    file in `broken` is present but has problems, already reported on it, so a directive
    showing it says nothing more. The properties name the site's own files' values."""

    values: dict[str, Any] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)

    def present(self, name: str) -> bool:
        """The file exists (readable or not): a directive showing it is not missing data."""
        return name in self.values or name in self.broken

    @property
    def events(self) -> list[Event]:  # timeline.yml, in date order
        return cast("list[Event]", self.values.get("timeline.yml", []))

    @property
    def chips(self) -> Chips | None:
        return cast("Chips | None", self.values.get("chips.yml"))

    @property
    def claims(self) -> dict[str, Claim]:
        return cast("dict[str, Claim]", self.values.get("claims.yml", {}))

    @property
    def corrections(self) -> list[Correction]:  # newest first
        return cast("list[Correction]", self.values.get("corrections.yml", []))

    @property
    def questions(self) -> list[Question]:  # status.yml, in its order
        return cast("list[Question]", self.values.get("status.yml", ([], None))[0])

    @property
    def horizon(self) -> Horizon | None:
        return cast("Horizon | None", self.values.get("status.yml", ([], None))[1])

    @property
    def quotes(self) -> dict[str, Quote]:  # quotes.yml, by id
        return cast("dict[str, Quote]", self.values.get("quotes.yml", {}))

    def questions_of(self, actor: str | None) -> list[Question]:
        return [q for q in self.questions if actor is None or actor in q.actors]

    def event(self, ident: str) -> Event | None:
        return next((e for e in self.events if e.id == ident), None)

    def corrections_of(self, rel: str) -> list[Correction]:
        """The log entries that changed a page, newest first."""
        return [c for c in self.corrections if rel in c.pages]

    def events_of(self, actor: str | None) -> list[Event]:
        return [e for e in self.events if actor is None or actor in e.actors]


class _Reader(Fields):
    """Walks a parsed data file, naming each entry by its id as well as its position."""

    family = "data"

    def __init__(
        self,
        path: str,
        lines: dict[Key, int],
        sources: Mapping[str, Source],
        broken: set[str],
        languages: Sequence[str],
    ) -> None:
        super().__init__(path, lines, languages)
        self.sources, self.broken = sources, broken
        self.refs = {"sources": sources, "actors": ACTORS}
        self.tolerated = {"sources": broken}
        self.site = tuple(languages)  # the site's languages
        self.ids: dict[Key, str] = {}  # ("events", 3) -> the entry's id, to name it
        self.value: Any = None  # the parsed file, when it could be read (see _reader)
        self.readable = False

    def name(self, key: Key) -> str:
        """'events.3.text.de' as an editor counts: "event 'us-ban' (no. 4), text.de"."""
        for depth, part in enumerate(key):
            if isinstance(part, int) and depth > 0:
                ident = self.ids.get(key[: depth + 1])
                entry = f"{str(key[depth - 1]).removesuffix('s')} " + (
                    f"'{ident}' (no. {part + 1})" if ident else f"no. {part + 1}"
                )
                rest = ".".join(map(str, key[depth + 1 :]))
                return ".".join(map(str, key[: depth - 1] + (entry,))) + (
                    f", {rest}" if rest else ""
                )
        return ".".join(map(str, key))

    def items(self, key: Key, value: Any) -> list[Any]:
        """A YAML list, or a problem and no items."""
        if isinstance(value, list):
            return value
        self.fail(
            key,
            f"expected a list ('- ' items), found {type(value).__name__}",
            "write one '- ' item per entry, as in the rest of the file",
            "not-list",
        )
        return []

    def ident(self, key: Key, value: Any) -> str | None:
        if isinstance(value, str) and re.fullmatch(r"[a-z0-9]+(?:[-.][a-z0-9]+)*", value):
            return value
        self.fail(
            key, f"{value!r} is not an id", "use lower-case letters, digits and hyphens", "bad-id"
        )
        return None

    def remember(self, key: Key, raw: Any) -> None:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            self.ids[key] = raw["id"]

    def mapping(
        self, key: Key, value: Any, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(
                key,
                "expected a set of 'key: value' lines",
                f"give {', '.join(required)}",
                "not-mapping",
            )
            return None
        form = [Field(n, Judged()) for n in required]
        form += [Field(n, Judged(), required=False) for n in optional]
        return value if self.keys(form, key, value) else None

    def cited_texts(self, key: Key, value: Any, cited: bool) -> dict[str, str] | None:
        return self.texts(key, value, cited)

    def texts(self, key: Key, value: Any, cited: bool) -> dict[str, str] | None:
        """Text in every site language; with `cited`, the same citations in each."""
        texts = self.mapping(key, value, self.languages)
        if texts is None:
            return None
        if not all(isinstance(t, str) and t.strip() for t in texts.values()):
            self.fail(
                key,
                "every language needs a non-empty text",
                "write the text in each one",
                "not-text",
            )
            return None
        keys: dict[str, Counter[tuple[str, str]]] = {}
        checked: set[tuple[str, str]] = set()  # one problem per citation, not per language
        for lang, text in texts.items():
            keys[lang] = self.citations((*key, lang), text, checked)
        self.check_languages(key, texts)
        if cited and not keys[DEFAULT_LANGUAGE]:
            self.fail(
                key,
                "the text has no citation",
                "end each factual sentence with a citation such as [@id] or [@id, ¶3]",
                "no-citation",
            )
        english = keys[DEFAULT_LANGUAGE]
        for lang in self.languages:
            if lang != DEFAULT_LANGUAGE and keys[lang] != english:
                self.fail(
                    (*key, lang),
                    f"cites {_keys(keys[lang])} but the English text cites {_keys(english)}",
                    "cite the same sources and paragraphs in every language",
                    "citations-differ",
                )
        return {lang: text.strip() for lang, text in texts.items()}

    def citations(
        self, key: Key, text: str, checked: set[tuple[str, str]] | None = None
    ) -> Counter[tuple[str, str]]:
        checked = set() if checked is None else checked
        line = self.line(key)
        found, problems = find_citations(text, self.path, line)
        self.problems.extend(replace(p, line=line) for p in problems)
        counter: Counter[tuple[str, str]] = Counter()
        for citation in found:
            for cite in citation.cites:
                counter[cite.key] += 1
                if cite.key in checked or cite.source_id in self.broken:
                    continue
                checked.add(cite.key)
                if problem := check_cite(cite, self.sources, self.path, line):
                    self.problems.append(problem)
        return counter


def _keys(counter: Counter[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"@{i}{', ' + loc if loc else ''}" for i, loc in sorted(counter)) + "}"


def _reader(
    path: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> _Reader:
    """A reader over one data file, holding the file's value and any problem reading it.
    `languages`: those every text of the file is given in (the site's)."""
    shown = path.relative_to(root).as_posix()
    value, lines, problems = read_yaml(path, shown)
    reader = _Reader(shown, lines, sources, broken, languages)
    reader.problems.extend(problems)
    reader.value, reader.readable = value, not problems
    return reader


def _top(reader: _Reader, lists: Sequence[str], beside: Sequence[str] = ()) -> dict[str, Any]:
    """The file's top-level lists (and `beside`, the other fields it may have); empty when
    the file could not be read or lacks one."""
    top = reader.mapping((), reader.value, lists, beside) if reader.readable else None
    return top or {}


def _walk(
    reader: _Reader,
    name: str,
    raw: Any,
    form: Sequence[Field],
    noun: str,
    keep_bad_ids: bool = False,
) -> Iterator[tuple[Key, dict[str, Any], str | None]]:
    """The entries of the list `name` that have the form's required fields, with their key
    and id; an id given twice is reported (each entry named by its id or its position).
    With `keep_bad_ids`, an entry whose id is wrong comes too (id None), for the problems
    of its other fields."""
    seen: set[str] = set()
    for index, item in enumerate(reader.items((name,), raw)):
        key: Key = (name, index)
        reader.remember(key, item)
        if not isinstance(item, dict):
            reader.mapping(key, item, [f.name for f in form if f.required])
            continue
        if not reader.keys(form, key, item):
            continue
        if (ident := reader.ident((*key, "id"), item["id"])) is None:
            if keep_bad_ids:
                yield key, item, None
            continue
        if ident in seen:
            reader.fail(
                (*key, "id"), f"'{ident}' is used twice", f"give each {noun} its own id", "same-id"
            )
        seen.add(ident)
        yield key, item, ident


def _entries(
    reader: _Reader,
    name: str,
    fields: list[str],
    noun: str,
    beside: Sequence[str] = (),
    optional: Sequence[str] = (),
) -> Iterator[tuple[Key, Any, str]]:
    """The entries of the file's list `name` that have `fields` (and may have `optional`)
    and an id, with their key; an id given twice is reported (each entry named by its id or
    its position). `beside`: the other top-level fields the file may have."""
    form = [Field(n, Judged()) for n in fields] + [
        Field(n, Judged(), required=False) for n in optional
    ]
    top = _top(reader, [name], beside)
    for key, entry, ident in _walk(reader, name, top[name] if top else [], form, noun):
        if ident is not None:
            yield key, entry, ident


def _day_of_event(reader: _Reader, key: Key, entry: Mapping[str, Any]) -> FuzzyDate | None:
    date = parse_fuzzy_date(str(entry["date"]), entry["precision"])
    if isinstance(date, Refused):
        reader.fail(
            (*key, "date"),
            date.reason,
            "write YYYY-MM-DD, YYYY-MM or YYYY with a matching "
            "precision (day, month, year, approximate)",
            "bad-date",
        )
        return None
    return date


# A timeline event (data/timeline.yml); its date is read with its precision.
EVENT = (
    Field("id", Judged()),
    Field("date", Judged()),
    Field("precision", Judged()),
    Field("actors", Refs("actors", "actors", "list one or more of: {known}", not_list=[])),
    Field("text", CitedTexts(cited=True)),
    Field(
        "questions",
        Strings(
            "expected a list of key-question ids",
            "write e.g. questions: [us-licences] (ids from data/status.yml)",
        ),
        required=False,
    ),
    Field(
        "draft",
        Strings(
            "expected site languages, found {value!r}",
            "write e.g. draft: [fr, de] for the languages still awaiting review",
            accept=lambda at, lang: lang in at.languages,
        ),
        required=False,
    ),
)


def load_timeline(
    path: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> tuple[list[Event], list[Problem]]:
    reader = _reader(path, root, sources, broken, languages)
    events: list[Event] = []
    top = _top(reader, ["events"])
    raw = top["events"] if top else []
    for key, entry, ident in _walk(reader, "events", raw, EVENT, "event", keep_bad_ids=True):
        # The date is reported even for an entry whose id is wrong.
        date = _day_of_event(reader, key, entry)
        if ident is None:
            continue
        values = reader.values(EVENT, key, entry)
        if date and all(values[n] is not INVALID for n in ("actors", "text")):
            events.append(
                Event(
                    ident,
                    date,
                    tuple(values["actors"]),
                    values["text"],
                    tuple(_or_empty(values.get("questions"))),
                    reader.line(key),
                    tuple(_or_empty(values.get("draft"))),
                )
            )
    events.sort(key=lambda e: (e.date.sort_key, e.id))
    return events, reader.problems


def _or_empty(value: Any) -> list[Any]:
    """An optional list's items; none when it is absent or was refused (and reported)."""
    return [] if value is None or value is INVALID else list(value)


CHIP = (Field("id", Judged()), Field("name", CitedTexts()))
ROW = (
    Field("id", Judged()),
    Field("label", CitedTexts()),
    Field("cells", Judged()),  # one cell per chip: _cells
    Field("unit", Judged(), required=False),
)
CELL = (
    Field("value", CitedTexts()),
    Field("status", Choice(STATUSES, "a status")),
    Field("cite", Judged()),  # at least one citation: _cell
    Field(
        "number",
        OfType((int, float), "{value!r} is not a number", "write a plain number, e.g. 4.8"),
        required=False,
        null=True,
    ),
    Field("note", CitedTexts(), required=False),
)
RATIO = (
    Field("id", Judged()),
    Field("label", CitedTexts()),
    Field("numerator", Judged()),  # a cell with a number: _ratio
    Field("denominator", Judged()),
    Field(
        "style",
        Choice(("percent", "times"), "a style", "choose one", "style must be 'percent' or 'times'"),
    ),
)


def load_chips(
    path: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> tuple[Chips | None, list[Problem]]:
    reader = _reader(path, root, sources, broken, languages)
    top = _top(reader, ["chips", "rows"], ["ratios"])
    if not top:
        return None, reader.problems
    names: dict[str, dict[str, str]] = {}
    for key, entry, ident in _walk(reader, "chips", top["chips"], CHIP, "chip"):
        if (name := reader.values(CHIP, key, entry)["name"]) is not INVALID and ident:
            names[ident] = name
    rows: list[Row] = []
    for key, entry, ident in _walk(reader, "rows", top["rows"], ROW, "row", keep_bad_ids=True):
        label = reader.values(ROW, key, entry)["label"]
        if ident is None:
            continue
        cells = _cells(reader, (*key, "cells"), entry["cells"], names)
        if label is not INVALID and cells is not None and len(cells) == len(names):
            rows.append(Row(ident, label, entry.get("unit"), cells))
    chips = Chips(names, tuple(rows), ())
    ratios = [
        _ratio(reader, key, entry, chips)
        for key, entry, _ in _walk(
            reader,
            "ratios",
            top["ratios"] if top.get("ratios") is not None else [],
            RATIO,
            "ratio",
            keep_bad_ids=True,
        )
    ]
    if reader.problems:
        return None, reader.problems
    return Chips(names, tuple(rows), tuple(x for x in ratios if x)), reader.problems


def _cells(reader: _Reader, key: Key, raw: Any, names: Mapping[str, Any]) -> dict[str, Cell] | None:
    """A row's cells, one per chip."""
    if not isinstance(raw, dict):
        reader.fail(
            key,
            "expected one '<chip id>: {...}' line per chip",
            "give every chip a cell",
            "not-mapping",
        )
        return None
    cells: dict[str, Cell] = {}
    for chip in names:
        if chip not in raw:
            reader.fail(key, f"no cell for '{chip}'", "give every chip a cell", "missing")
        elif cell := _cell(reader, (*key, chip), raw[chip]):
            cells[chip] = cell
    return cells


CHANGE = (
    Field("id", Judged()),
    Field(
        "date",
        Day(
            future="{day} is in the future: a change is logged when it is made",
            future_fix="write the day the change was made (check the year)",
            iso=True,
            not_day_fix="write the day of the change as YYYY-MM-DD",
        ),
    ),
    Field("kind", Choice(CORRECTION_KINDS, "a kind of change")),
    Field(
        "pages",
        Strings(
            "expected the list of pages the change affects",
            "write e.g. pages: [chips.md, contested.md] (paths inside docs/en/)",
            accept=lambda at, page: page.endswith(".md"),
            empty=False,
        ),
    ),
    Field("text", CitedTexts()),
)


def load_corrections(
    path: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> tuple[list[Correction], list[Problem]]:
    """data/corrections.yml: the dated log of what the briefing changed and why."""
    reader = _reader(path, root, sources, broken, languages)
    corrections: list[Correction] = []
    top = _top(reader, ["changes"])
    for key, entry, ident in _walk(
        reader, "changes", top["changes"] if top else [], CHANGE, "entry"
    ):
        values = reader.values(CHANGE, key, entry)
        if ident and all(value is not INVALID for value in values.values()):
            day, kind, pages, text = (values[n] for n in ("date", "kind", "pages", "text"))
            corrections.append(Correction(ident, day, kind, tuple(pages), text, reader.line(key)))
    corrections.sort(key=lambda c: (-c.day.toordinal(), c.id))
    return corrections, reader.problems


CLAIM = (
    Field("id", Judged()),
    Field(
        "claimant",
        Refs(
            "sources",
            "source ids",
            "list the ids of the sources that make the claim, e.g. [h200-approval-ja]",
        ),
    ),
    Field("rating", Choice(RATINGS, "a rating")),
    Field("claim", CitedTexts()),
    Field("evidence", Judged()),  # the rubric's fields: _evidence
    Field("exception", CitedTexts(), required=False),
)


def load_claims(
    path: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> tuple[dict[str, Claim], list[Problem]]:
    """data/claims.yml: the claims the contested-figures page rates (ClaimReview)."""
    reader = _reader(path, root, sources, broken, languages)
    claims: dict[str, Claim] = {}
    top = _top(reader, ["claims"])
    for key, entry, ident in _walk(reader, "claims", top["claims"] if top else [], CLAIM, "claim"):
        values = reader.values(CLAIM, key, entry)
        evidence = _evidence(reader, key, entry["evidence"])
        exception = values.get("exception")
        exception = None if exception is INVALID else exception
        rating = values["rating"]
        if evidence and rating is not INVALID and exception is None:
            _rubric_gives(reader, key, rating, evidence)
        if ident and evidence is not None and all(values[n] is not INVALID for n in CLAIMED):
            claims[ident] = Claim(
                ident, tuple(values["claimant"]), rating, values["claim"], evidence, exception
            )
    return claims, reader.problems


CLAIMED = ("claimant", "rating", "claim")  # what a claim needs, besides its evidence


def _rubric_gives(reader: _Reader, key: Key, rating: str, evidence: Mapping[str, str]) -> None:
    """A rating the rubric does not give needs the exception stated."""
    given = rubric(evidence)
    if given != rating:
        reader.fail(
            (*key, "rating"),
            f"'{rating}' is not what the recorded evidence gives under the rubric ('{given}')",
            f"write rating: {given}, or correct the evidence, or give the reason for "
            "the exception in four languages under 'exception:' (the page shows it)",
            "off-rubric",
        )


def _evidence(reader: _Reader, key: Key, raw: Any) -> dict[str, str] | None:
    """The evidence the rubric reads, every field with one of its values."""
    where: Key = (*key, "evidence")
    entry = reader.mapping(where, raw, list(EVIDENCE))
    if entry is None:
        return None
    found = {}
    for name, values in EVIDENCE.items():
        value = str(entry[name]).lower() if isinstance(entry[name], str | bool) else entry[name]
        value = {"true": "yes", "false": "no"}.get(value, value)
        if value not in values:
            reader.fail(
                (*where, name),
                f"{entry[name]!r} is not one of {', '.join(values)}",
                None,
                "not-allowed",
            )
            return None
        found[name] = value
    return found


def _cell(reader: _Reader, key: Key, raw: Any) -> Cell | None:
    entry = reader.mapping(key, raw, ["value", "status", "cite"], ["number", "note"])
    if entry is None:
        return None
    values = reader.values(CELL, key, entry)
    cite = entry["cite"]
    if not isinstance(cite, str) or not reader.citations((*key, "cite"), cite):
        reader.fail(
            (*key, "cite"),
            "every cell needs at least one citation",
            'write cite: "[@id]" with the source(s) of the figure',
            "no-citation",
        )
    number = values.get("number")
    number = None if number is INVALID else number
    if number is not None and entry["status"] == "unconfirmed":
        reader.fail(
            (*key, "number"),
            "an unconfirmed figure cannot be charted",
            "remove 'number', or settle the figure with a source",
            "unconfirmed-number",
        )
    note = values.get("note")
    if values["value"] is INVALID or values["status"] is INVALID:
        return None
    return Cell(
        values["value"],
        float(number) if number is not None else None,
        values["status"],
        cite.strip(),
        None if note is INVALID else note,
    )


def _ratio(reader: _Reader, key: Key, entry: dict[str, Any], chips: Chips) -> Ratio | None:
    label = reader.values(RATIO[:2], key, entry)["label"]
    parts = []
    for side in ("numerator", "denominator"):
        row, _, chip = str(entry[side]).partition(".")
        try:
            cell = chips.cell(row, chip)
        except (StopIteration, KeyError):
            reader.fail(
                (*key, side),
                f"no cell '{entry[side]}'",
                "write <row id>.<chip id>, e.g. fp16-dense.h20",
                "unknown-ref",
            )
            return None
        if cell.number is None:
            reader.fail(
                (*key, side),
                f"'{entry[side]}' has no number",
                "give that cell a number",
                "no-number",
            )
            return None
        parts.append((row, chip))
    style = reader.values(RATIO[-1:], key, entry)["style"]
    if style is INVALID or label is INVALID:
        return None
    return Ratio(entry["id"], label, parts[0], parts[1], style)


# A rating named in the log: {rating:mostly-accurate@h200-orders}, shown as the rating's label
# in each language ("mostly accurate", 「おおむね正確」 ...), never typed by hand, and tied to
# the claim it rated: every language of an entry names the same ratings of the same claims.
RATING_MENTION_RE = re.compile(r"\{rating:([a-z-]+)@([a-z0-9-]+)\}")


def _rating_mentions(corrections: list[Correction], claims: Mapping[str, Claim]) -> list[Problem]:
    problems = []
    for change in corrections:
        mentions = {lang: sorted(RATING_MENTION_RE.findall(t)) for lang, t in change.text.items()}
        for rating, claim in mentions[DEFAULT_LANGUAGE]:
            if rating not in RATINGS or (claims and claim not in claims):
                problems.append(
                    Problem(
                        "data/corrections.yml",
                        change.line,
                        f"entry '{change.id}': {{rating:{rating}@{claim}}} names no rating of a "
                        "claim in data/claims.yml",
                        f"write {{rating:<one of {', '.join(RATINGS)}>@<claim id>}}",
                        "data.unknown-ref",
                    )
                )
        for lang, found in mentions.items():
            if found != mentions[DEFAULT_LANGUAGE]:
                problems.append(
                    Problem(
                        "data/corrections.yml",
                        change.line,
                        f"entry '{change.id}': the {lang} text names the ratings "
                        f"{found or 'none'}, the English {mentions[DEFAULT_LANGUAGE] or 'none'}",
                        "name the same ratings of the same claims in every language",
                        "data.ratings-differ",
                    )
                )
    return problems


def _shape_problem(path: Path, root: Path, exc: Exception) -> Problem:
    return Problem(
        path.relative_to(root).as_posix(),
        1,
        f"the file's entries do not have the expected shape ({type(exc).__name__}: "
        f"{str(exc)[:80]})",
        "compare its layout with the entries already in the file (git diff shows what changed)",
        "datafile.bad-shape",
    )
