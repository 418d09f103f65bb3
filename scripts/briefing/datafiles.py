"""The files of data/: one row each, naming the file and how it is read.

A file is known to the site only through its row here: `load_data` reads every row's file in
the table's order (a loader may use the files read before it, as the key questions use the
timeline's events), keeps each value in `Data.values` under the file's name, and records a
file that is present but has problems in `Data.broken`, so that a directive showing it adds
no second message. A file in data/ without a row is reported, so nothing there is silently
ignored. The directives that show a file are rows of `directives.DIRECTIVES`.

This table sits above `data`, `status` and `quotes` because it names their loaders; a file
declared outside the package (a test's fixture, say) is added with `register_data_file`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import (
    Data,
    _rating_mentions,
    _shape_problem,
    load_chips,
    load_claims,
    load_corrections,
    load_timeline,
)
from .errors import Problem
from .model import Source
from .quotes import load_quotes
from .status import load_research, load_status


@dataclass(frozen=True)
class Reading:
    """What a loader may use besides its file: the sources (and the ids of those that are
    present but broken, whose own problems are reported), the files read before it and the
    site's languages."""

    root: Path
    sources: Mapping[str, Source]
    broken: set[str]
    data: Data
    languages: Sequence[str]  # the site's, each text's languages


# path of the file, what it may use -> (its value, its problems)
Loader = Callable[[Path, Reading], tuple[Any, list[Problem]]]


@dataclass(frozen=True)
class DataFile:
    """One file of data/."""

    name: str  # in data/, e.g. "chips.yml"
    load: Loader | None  # None: read by the module named in `reader`, not into `Data`
    reader: str = ""  # who reads a file without a loader (for the reader of this table)
    read_absent: bool = False  # call the loader without the file: it checks others against it
    # the strings.yml label naming, in readers' words, what an edit of the file changes on the
    # pages that show it ("the timeline's events"), for What's new; "" if it shows nothing
    changes: str = ""


def _timeline(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    return load_timeline(path, reading.root, reading.sources, reading.broken, reading.languages)


def _chips(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    return load_chips(path, reading.root, reading.sources, reading.broken, reading.languages)


def _claims(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    return load_claims(path, reading.root, reading.sources, reading.broken, reading.languages)


def _corrections(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    """The log, and the ratings it names checked against the claims (read before it)."""
    corrections, problems = load_corrections(
        path, reading.root, reading.sources, reading.broken, reading.languages
    )
    return corrections, problems + _rating_mentions(corrections, reading.data.claims)


def _status(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    """The key questions and the horizon; read even when absent, as the timeline's events
    may name questions that must then exist."""
    questions, horizon, problems = load_status(
        path,
        reading.root,
        dict(reading.sources),
        reading.broken,
        reading.data.events,
        reading.languages,
    )
    return (questions, horizon), problems


def _research(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    return None, load_research(path, reading.root, reading.data.events, reading.languages)


def _quotes(path: Path, reading: Reading) -> tuple[Any, list[Problem]]:
    return load_quotes(path, reading.root, reading.sources, reading.broken, reading.languages)


# Every file of data/, in the order they are read (and named to an editor).
DATA_FILES: dict[str, DataFile] = {
    row.name: row
    for row in (
        DataFile("timeline.yml", _timeline, changes="news_data_timeline"),
        DataFile("chips.yml", _chips, changes="news_data_chips"),
        DataFile("claims.yml", _claims, changes="news_data_claims"),
        DataFile("corrections.yml", _corrections, changes="news_data_corrections"),
        DataFile("status.yml", _status, read_absent=True, changes="news_data_status"),
        DataFile("research.yml", _research, changes="news_data_research"),
        DataFile("quotes.yml", _quotes, changes="news_data_quotes"),
        DataFile("answered.yml", None, "answered.py, on every problem found"),
        DataFile("glossary.yml", None, "glossary.py, with the site's languages"),
    )
}


def register_data_file(row: DataFile) -> DataFile:
    """Declare one more file of data/ (read after the site's own); a name given twice is a
    mistake in the code, so it fails loudly."""
    if row.name in DATA_FILES:
        raise ValueError(f"data/{row.name} is already declared")
    DATA_FILES[row.name] = row
    return row


def load_data(
    data_dir: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> tuple[Data, list[Problem]]:
    """Read every declared file of data/ that is present, and report any file there that
    no row declares."""
    data = Data()
    reading = Reading(root, sources, broken, data, tuple(languages))
    problems: list[Problem] = []
    for row in DATA_FILES.values():
        path = data_dir / row.name
        if row.load is None or not (row.read_absent or path.exists()):
            continue
        try:
            value, found = row.load(path, reading)
        except (TypeError, AttributeError, KeyError, ValueError) as exc:  # a shape we missed
            value, found = None, [_shape_problem(path, root, exc)]
        problems += found
        if path.exists() and found:
            data.broken.add(row.name)
        if path.exists() and value is not None:
            data.values[row.name] = value
    names = list(DATA_FILES)
    for path in sorted(data_dir.glob("*")) if data_dir.is_dir() else []:
        if path.name not in DATA_FILES and not path.name.startswith("."):
            problems.append(
                Problem(
                    path.relative_to(root).as_posix(),
                    1,
                    "the site reads only data/"
                    + ", data/".join(names[:-1])
                    + " and data/"
                    + names[-1],
                    "move this file out of data/, or put its entries in one of those files",
                    "datafile.unknown-file",
                )
            )
    return data, problems
