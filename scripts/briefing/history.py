"""What's new: sources added and pages changed, from the records and the git history.

A source is dated by the commit that added its file; a source not yet committed (or a
build without the repository's history) is dated by its `accessed` date. Pages are
listed by the days on which commits changed them; without history they are not listed,
and the page says so.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .pages import lang_prefix, page_url, source_url
from .project import Project

MAX_ENTRIES = 100


@dataclass(frozen=True)
class Commit:
    day: dt.date
    changes: tuple[tuple[str, str], ...]  # (status letter, path relative to the root)
    time: int = 0  # commit time (Unix seconds): orders the entries of one day


@dataclass(frozen=True)
class Entry:
    day: dt.date
    kind: str  # "source" or "page", or a change in the log: correction, update, reassessment
    key: str  # source id, or page path inside the language folder
    title: str
    url: str  # site-relative
    time: int = 0  # commit time; 0 without history


@dataclass(frozen=True)
class History:
    available: bool
    commits: tuple[Commit, ...]


def read_history(root: Path) -> History:
    """Parse `git log` for seeds/ and docs/; unavailable outside a full clone."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, timeout=60
        ).stdout

    try:
        top = Path(git("rev-parse", "--show-toplevel").strip()).resolve()
        if top != root.resolve() or git("rev-parse", "--is-shallow-repository").strip() == "true":
            return History(False, ())
        log = git(
            "log",
            "--no-renames",
            "--name-status",
            "--format=%x00%cs %ct",
            "--",
            "seeds",
            "docs",
            "data",
        )
    except (OSError, subprocess.SubprocessError):
        return History(False, ())
    return History(True, tuple(parse_log(log)))


def parse_log(log: str) -> list[Commit]:
    commits = []
    for block in log.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        day_text, _, time_text = lines[0].strip().partition(" ")
        changes = tuple(
            (parts[0][:1], parts[-1]) for line in lines[1:] if len(parts := line.split("\t")) >= 2
        )
        commits.append(
            Commit(
                dt.date.fromisoformat(day_text),
                changes,
                int(time_text) if time_text.isdigit() else 0,
            )
        )
    return commits


def entries(project: Project, history: History, lang: str) -> list[Entry]:
    """The language's entries, newest first: by day, then by commit time, newest first.

    A page changes when its file changes or when a data file it shows does (an edited
    timeline event changes the timeline and the actor pages that list it).
    """
    added: dict[str, Commit] = {}
    for commit in history.commits:  # newest first: keep the oldest "A"
        for status, path in commit.changes:
            if status == "A" and path.startswith("seeds/"):
                added[path] = commit
    found: list[Entry] = []
    for source in project.sources.values():
        commit = added.get(source.path)
        found.append(
            Entry(
                commit.day if commit else source.accessed,
                "source",
                source.id,
                source.titles[lang],
                source_url(source.id, lang),
                commit.time if commit else 0,
            )
        )
    if history.available:
        scans = project.pages.get(lang, [])
        titles = project.page_titles(lang)
        showing: dict[str, list[str]] = {}  # data file -> pages that show it
        for scan in scans:
            for name in scan.data_files:
                showing.setdefault(name, []).append(scan.rel)
        prefix = f"docs/{lang}/"
        seen: set[tuple[dt.date, str]] = set()
        for commit in history.commits:
            for status, path in commit.changes:
                if status not in "AM":
                    continue
                rels = (
                    showing.get(path, [])
                    if path.startswith("data/")
                    else [path.removeprefix(prefix)]
                    if path.startswith(prefix)
                    else []
                )
                for rel in rels:
                    if rel in titles and (commit.day, rel) not in seen:
                        seen.add((commit.day, rel))
                        found.append(
                            Entry(
                                commit.day,
                                "page",
                                rel,
                                titles[rel],
                                page_url(rel, lang),
                                commit.time,
                            )
                        )
    log = project.log_page(lang)
    if log is not None:
        titles = project.page_titles(lang)
        for change in project.data.corrections:
            found.append(
                Entry(
                    change.day,
                    change.kind,
                    change.id,
                    ", ".join(titles.get(rel, rel) for rel in change.pages),
                    page_url(log, lang) + f"#corr-{change.id}",
                    2**62,
                )
            )
    found.sort(key=lambda e: (-e.day.toordinal(), -e.time, e.kind != "page", e.title.casefold()))
    return found


def page_day(days: dict[str, dt.date], path: str, data_files: tuple[str, ...]) -> dt.date | None:
    """The day a page last changed: its own file or a data file it shows."""
    found = [day for name in (path, *data_files) if (day := days.get(name)) is not None]
    return max(found, default=None)


def latest_days(history: History) -> dict[str, dt.date]:
    """Path -> the day of the newest commit that changed it."""
    days: dict[str, dt.date] = {}
    for commit in history.commits:  # newest first
        for _, path in commit.changes:
            days.setdefault(path, commit.day)
    return days


def feed_path(lang: str) -> str:
    return f"{lang_prefix(lang)}feed.xml"
