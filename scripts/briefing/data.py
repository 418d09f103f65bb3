"""The briefing's data, each fact in one place: timeline events and chip specifications.

Each entry keeps its four languages side by side. Citations inside the texts are checked
like those in pages, and one entry must cite the same things in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import DEFAULT_LANGUAGE, SITE_LANGUAGES
from .citations import check_cite, find_citations
from .errors import Problem, Refused
from .fields import parse_fuzzy_date
from .keypaths import KeyPaths
from .load import Key, read_yaml
from .model import FuzzyDate, Source
from .strings import ACTORS

STATUSES = ("confirmed", "reported", "unconfirmed")


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
    events: list[Event]
    chips: Chips | None
    chips_broken: bool = False  # data/chips.yml exists but has problems (reported on it)
    claims: dict[str, Claim] = field(default_factory=dict)
    claims_broken: bool = False  # data/claims.yml has problems of its own
    corrections: list[Correction] = field(default_factory=list)  # newest first
    questions: list[Question] = field(default_factory=list)  # data/status.yml, in its order
    quotes: dict[str, Quote] = field(default_factory=dict)  # data/quotes.yml, by id
    horizon: Horizon | None = None

    def questions_of(self, actor: str | None) -> list[Question]:
        return [q for q in self.questions if actor is None or actor in q.actors]

    def event(self, ident: str) -> Event | None:
        return next((e for e in self.events if e.id == ident), None)

    def corrections_of(self, rel: str) -> list[Correction]:
        """The log entries that changed a page, newest first."""
        return [c for c in self.corrections if rel in c.pages]

    def events_of(self, actor: str | None) -> list[Event]:
        return [e for e in self.events if actor is None or actor in e.actors]


class _Reader(KeyPaths):
    """Walks a parsed data file, naming each entry by its id as well as its position."""

    family = "data"

    def __init__(
        self, path: str, lines: dict[Key, int], sources: Mapping[str, Source], broken: set[str]
    ) -> None:
        super().__init__(path, lines)
        self.sources, self.broken = sources, broken
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
        )
        return []

    def ident(self, key: Key, value: Any) -> str | None:
        if isinstance(value, str) and re.fullmatch(r"[a-z0-9]+(?:[-.][a-z0-9]+)*", value):
            return value
        self.fail(key, f"{value!r} is not an id", "use lower-case letters, digits and hyphens")
        return None

    def remember(self, key: Key, raw: Any) -> None:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            self.ids[key] = raw["id"]

    def mapping(
        self, key: Key, value: Any, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(key, "expected a set of 'key: value' lines", f"give {', '.join(required)}")
            return None
        for name in value:
            if name not in (*required, *optional):
                self.fail(
                    (*key, name),
                    f"unknown field '{name}'",
                    f"use only: {', '.join((*required, *optional))}",
                )
        missing = [n for n in required if n not in value]
        for name in missing:
            self.fail(key, f"the '{name}' field is missing", f"add '{name}:'")
        return None if missing else value

    def texts(self, key: Key, value: Any, cited: bool) -> dict[str, str] | None:
        """Text in every site language; with `cited`, the same citations in each."""
        texts = self.mapping(key, value, SITE_LANGUAGES)
        if texts is None:
            return None
        if not all(isinstance(t, str) and t.strip() for t in texts.values()):
            self.fail(key, "every language needs a non-empty text", "write the text in each one")
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
            )
        for lang in SITE_LANGUAGES[1:]:
            if keys[lang] != keys[DEFAULT_LANGUAGE]:
                self.fail(
                    (*key, lang),
                    f"cites {_keys(keys[lang])} but the English text cites {_keys(keys['en'])}",
                    "cite the same sources and paragraphs in every language",
                )
        return {lang: text.strip() for lang, text in texts.items()}

    def citations(
        self, key: Key, text: str, checked: set[tuple[str, str]] | None = None
    ) -> Counter[tuple[str, str]]:
        checked = set() if checked is None else checked
        line = self.line(key)
        found, problems = find_citations(text, self.path, line)
        self.problems.extend(Problem(p.path, line, p.message, p.fix) for p in problems)
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


def _reader(path: Path, root: Path, sources: Mapping[str, Source], broken: set[str]) -> _Reader:
    """A reader over one data file, holding the file's value and any problem reading it."""
    shown = path.relative_to(root).as_posix()
    value, lines, problems = read_yaml(path, shown)
    reader = _Reader(shown, lines, sources, broken)
    reader.problems.extend(problems)
    reader.value, reader.readable = value, not problems
    return reader


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
    top = reader.mapping((), reader.value, [name], beside) if reader.readable else None
    seen: set[str] = set()
    for index, raw in enumerate(reader.items((name,), top[name]) if top else []):
        key: Key = (name, index)
        reader.remember(key, raw)
        entry = reader.mapping(key, raw, fields, optional)
        if entry is None or (ident := reader.ident((*key, "id"), entry["id"])) is None:
            continue
        if ident in seen:
            reader.fail((*key, "id"), f"'{ident}' is used twice", f"give each {noun} its own id")
        seen.add(ident)
        yield key, entry, ident


def load_timeline(
    path: Path, root: Path, sources: Mapping[str, Source], broken: set[str]
) -> tuple[list[Event], list[Problem]]:
    shown = path.relative_to(root).as_posix()
    value, lines, problems = read_yaml(path, shown)
    reader = _Reader(shown, lines, sources, broken)
    reader.problems.extend(problems)
    top = reader.mapping((), value, ["events"]) if not problems else None
    events: list[Event] = []
    seen: set[str] = set()
    for index, raw in enumerate(reader.items(("events",), top["events"]) if top else []):
        key: Key = ("events", index)
        reader.remember(key, raw)
        entry = reader.mapping(
            key, raw, ["id", "date", "precision", "actors", "text"], ["questions", "draft"]
        )
        if entry is None:
            continue
        date = parse_fuzzy_date(str(entry["date"]), entry["precision"])
        if isinstance(date, Refused):
            reader.fail(
                (*key, "date"),
                date.reason,
                "write YYYY-MM-DD, YYYY-MM or YYYY with a matching "
                "precision (day, month, year, approximate)",
            )
        if reader.ident((*key, "id"), entry["id"]) is None:
            continue
        if entry["id"] in seen:
            reader.fail(
                (*key, "id"), f"'{entry['id']}' is used twice", "give each event its own id"
            )
        seen.add(entry["id"])
        actors = entry["actors"] if isinstance(entry["actors"], list) else []
        unknown = [a for a in actors if a not in ACTORS]
        if not actors or unknown:
            reader.fail(
                (*key, "actors"),
                f"unknown or missing actors {unknown or actors}",
                f"list one or more of: {', '.join(ACTORS)}",
            )
        text = reader.texts((*key, "text"), entry["text"], cited=True)
        questions = entry.get("questions", [])
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            reader.fail(
                (*key, "questions"),
                "expected a list of key-question ids",
                "write e.g. questions: [us-licences] (ids from data/status.yml)",
            )
            questions = []
        drafts = entry.get("draft", [])
        if not isinstance(drafts, list) or not set(drafts) <= set(SITE_LANGUAGES):
            reader.fail(
                (*key, "draft"),
                f"expected site languages, found {drafts!r}",
                "write e.g. draft: [fr, de] for the languages still awaiting review",
            )
            drafts = []
        if isinstance(date, FuzzyDate) and text and actors and not unknown:
            events.append(
                Event(
                    str(entry["id"]),
                    date,
                    tuple(actors),
                    text,
                    tuple(questions),
                    reader.line(key),
                    tuple(drafts),
                )
            )
    events.sort(key=lambda e: (e.date.sort_key, e.id))
    return events, reader.problems


def load_chips(
    path: Path, root: Path, sources: Mapping[str, Source], broken: set[str]
) -> tuple[Chips | None, list[Problem]]:
    shown = path.relative_to(root).as_posix()
    value, lines, problems = read_yaml(path, shown)
    reader = _Reader(shown, lines, sources, broken)
    reader.problems.extend(problems)
    top = reader.mapping((), value, ["chips", "rows"], ["ratios"]) if not problems else None
    if top is None:
        return None, reader.problems
    names: dict[str, dict[str, str]] = {}
    for index, chip in enumerate(reader.items(("chips",), top["chips"])):
        reader.remember(("chips", index), chip)
        entry = reader.mapping(("chips", index), chip, ["id", "name"])
        if entry is None or reader.ident(("chips", index, "id"), entry["id"]) is None:
            continue
        if name := reader.texts(("chips", index, "name"), entry["name"], cited=False):
            names[entry["id"]] = name
    rows: list[Row] = []
    for index, raw in enumerate(reader.items(("rows",), top["rows"])):
        key: Key = ("rows", index)
        reader.remember(key, raw)
        entry = reader.mapping(key, raw, ["id", "label", "cells"], ["unit"])
        if entry is None:
            continue
        label = reader.texts((*key, "label"), entry["label"], cited=False)
        if reader.ident((*key, "id"), entry["id"]) is None:
            continue
        if not isinstance(entry["cells"], dict):
            reader.fail(
                (*key, "cells"),
                "expected one '<chip id>: {...}' line per chip",
                "give every chip a cell",
            )
            continue
        cells: dict[str, Cell] = {}
        for chip in names:
            if chip not in (entry["cells"] or {}):
                reader.fail((*key, "cells"), f"no cell for '{chip}'", "give every chip a cell")
                continue
            cell = _cell(reader, (*key, "cells", chip), entry["cells"][chip])
            if cell:
                cells[chip] = cell
        if label and len(cells) == len(names):
            rows.append(Row(entry["id"], label, entry.get("unit"), cells))
    chips = Chips(names, tuple(rows), ())
    raw_ratios = reader.items(("ratios",), top["ratios"]) if top.get("ratios") is not None else []
    for index, raw in enumerate(raw_ratios):
        reader.remember(("ratios", index), raw)
    ratios = [_ratio(reader, ("ratios", i), raw, chips) for i, raw in enumerate(raw_ratios)]
    if reader.problems:
        return None, reader.problems
    return Chips(names, tuple(rows), tuple(x for x in ratios if x)), reader.problems


def load_corrections(
    path: Path, root: Path, sources: Mapping[str, Source], broken: set[str]
) -> tuple[list[Correction], list[Problem]]:
    """data/corrections.yml: the dated log of what the briefing changed and why."""
    reader = _reader(path, root, sources, broken)
    corrections: list[Correction] = []
    for key, entry, ident in _entries(
        reader, "changes", ["id", "date", "kind", "pages", "text"], "entry"
    ):
        day = None
        try:
            day = dt.date.fromisoformat(str(entry["date"]))
        except ValueError:
            reader.fail(
                (*key, "date"),
                f"{entry['date']!r} is not a date",
                "write the day of the change as YYYY-MM-DD",
            )
        if day and day > dt.date.today():
            reader.fail(
                (*key, "date"),
                f"{day.isoformat()} is in the future: a change is logged when it is made",
                "write the day the change was made (check the year)",
            )
            day = None
        if entry["kind"] not in CORRECTION_KINDS:
            reader.fail(
                (*key, "kind"),
                f"{entry['kind']!r} is not a kind of change",
                f"use one of: {', '.join(CORRECTION_KINDS)}",
            )
        pages = entry["pages"]
        if (
            not isinstance(pages, list)
            or not pages
            or not all(isinstance(p, str) and p.endswith(".md") for p in pages)
        ):
            reader.fail(
                (*key, "pages"),
                "expected the list of pages the change affects",
                "write e.g. pages: [chips.md, contested.md] (paths inside docs/en/)",
            )
            pages = []
        text = reader.texts((*key, "text"), entry["text"], cited=False)
        if day and text and pages and entry["kind"] in CORRECTION_KINDS:
            corrections.append(
                Correction(ident, day, entry["kind"], tuple(pages), text, reader.line(key))
            )
    corrections.sort(key=lambda c: (-c.day.toordinal(), c.id))
    return corrections, reader.problems


def load_claims(
    path: Path, root: Path, sources: Mapping[str, Source], broken: set[str]
) -> tuple[dict[str, Claim], list[Problem]]:
    """data/claims.yml: the claims the contested-figures page rates (ClaimReview)."""
    reader = _reader(path, root, sources, broken)
    claims: dict[str, Claim] = {}
    for key, entry, ident in _entries(
        reader,
        "claims",
        ["id", "claimant", "rating", "claim", "evidence"],
        "claim",
        optional=["exception"],
    ):
        claimants = entry["claimant"] if isinstance(entry["claimant"], list) else None
        unknown = [c for c in claimants or [] if c not in sources and c not in broken]
        if not claimants or unknown:
            reader.fail(
                (*key, "claimant"),
                f"unknown or missing source ids {unknown or claimants}",
                "list the ids of the sources that make the claim, e.g. [h200-approval-ja]",
            )
        if entry["rating"] not in RATINGS:
            reader.fail(
                (*key, "rating"),
                f"{entry['rating']!r} is not a rating",
                f"use one of: {', '.join(RATINGS)}",
            )
        text = reader.texts((*key, "claim"), entry["claim"], cited=False)
        evidence = _evidence(reader, key, entry["evidence"])
        exception = (
            reader.texts((*key, "exception"), entry["exception"], cited=False)
            if "exception" in entry
            else None
        )
        if evidence and entry["rating"] in RATINGS and exception is None:
            given = rubric(evidence)
            if given != entry["rating"]:
                reader.fail(
                    (*key, "rating"),
                    f"'{entry['rating']}' is not what the recorded evidence gives under the "
                    f"rubric ('{given}')",
                    f"write rating: {given}, or correct the evidence, or give the reason for "
                    "the exception in four languages under 'exception:' (the page shows it)",
                )
        if (
            text
            and claimants
            and not unknown
            and entry["rating"] in RATINGS
            and evidence is not None
        ):
            claims[ident] = Claim(
                ident, tuple(claimants), entry["rating"], text, evidence, exception
            )
    return claims, reader.problems


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
            reader.fail((*where, name), f"{entry[name]!r} is not one of {', '.join(values)}")
            return None
        found[name] = value
    return found


def _cell(reader: _Reader, key: Key, raw: Any) -> Cell | None:
    entry = reader.mapping(key, raw, ["value", "status", "cite"], ["number", "note"])
    if entry is None:
        return None
    value = reader.texts((*key, "value"), entry["value"], cited=False)
    if entry["status"] not in STATUSES:
        reader.fail(
            (*key, "status"),
            f"{entry['status']!r} is not a status",
            f"use one of: {', '.join(STATUSES)}",
        )
    cite = entry["cite"]
    if not isinstance(cite, str) or not reader.citations((*key, "cite"), cite):
        reader.fail(
            (*key, "cite"),
            "every cell needs at least one citation",
            'write cite: "[@id]" with the source(s) of the figure',
        )
    number = entry.get("number")
    if number is not None and not isinstance(number, int | float):
        reader.fail(
            (*key, "number"), f"{number!r} is not a number", "write a plain number, e.g. 4.8"
        )
        number = None
    if number is not None and entry["status"] == "unconfirmed":
        reader.fail(
            (*key, "number"),
            "an unconfirmed figure cannot be charted",
            "remove 'number', or settle the figure with a source",
        )
    note = reader.texts((*key, "note"), entry["note"], cited=False) if "note" in entry else None
    if value is None or entry["status"] not in STATUSES:
        return None
    return Cell(
        value, float(number) if number is not None else None, entry["status"], cite.strip(), note
    )


def _ratio(reader: _Reader, key: Key, raw: Any, chips: Chips) -> Ratio | None:
    entry = reader.mapping(key, raw, ["id", "label", "numerator", "denominator", "style"])
    if entry is None:
        return None
    label = reader.texts((*key, "label"), entry["label"], cited=False)
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
            )
            return None
        if cell.number is None:
            reader.fail((*key, side), f"'{entry[side]}' has no number", "give that cell a number")
            return None
        parts.append((row, chip))
    if entry["style"] not in ("percent", "times"):
        reader.fail((*key, "style"), "style must be 'percent' or 'times'", "choose one")
        return None
    return Ratio(entry["id"], label or {}, parts[0], parts[1], entry["style"]) if label else None


KNOWN_FILES = (
    "timeline.yml",
    "chips.yml",
    "claims.yml",
    "corrections.yml",
    "status.yml",
    "research.yml",
    "quotes.yml",
    "answered.yml",
    "glossary.yml",
)  # the glossary is read by glossary.py, the key questions and research log by status.py


def load_data(
    data_dir: Path, root: Path, sources: Mapping[str, Source], broken: set[str]
) -> tuple[Data, list[Problem]]:
    """Load data/timeline.yml and data/chips.yml if present."""

    def load(
        name: str, loader: Callable[..., tuple[Any, list[Problem]]], empty: Any
    ) -> tuple[Any, list[Problem]]:
        path = data_dir / name
        if not path.exists():
            return empty, []
        try:
            return loader(path, root, sources, broken)
        except (TypeError, AttributeError, KeyError, ValueError) as exc:  # a shape we missed
            return empty, [_shape_problem(path, root, exc)]

    corrections, corrections_problems = load("corrections.yml", load_corrections, [])
    claims, claims_problems = load("claims.yml", load_claims, {})
    events, events_problems = load("timeline.yml", load_timeline, [])
    chips, chips_problems = load("chips.yml", load_chips, None)
    problems = corrections_problems + claims_problems + events_problems + chips_problems
    for path in sorted(data_dir.glob("*")) if data_dir.is_dir() else []:
        if path.name not in KNOWN_FILES and not path.name.startswith("."):
            problems.append(
                Problem(
                    path.relative_to(root).as_posix(),
                    1,
                    "the site reads only data/"
                    + ", data/".join(KNOWN_FILES[:-1])
                    + " and data/"
                    + KNOWN_FILES[-1],
                    "move this file out of data/, or put its entries in one of those files",
                )
            )
    problems += _rating_mentions(corrections, claims)
    chips_broken = chips is None and (data_dir / "chips.yml").exists()
    return Data(events, chips, chips_broken, claims, bool(claims_problems), corrections), problems


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
    )
