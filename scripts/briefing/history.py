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


@dataclass(frozen=True)
class Entry:
    day: dt.date
    kind: str  # "source" or "page"
    key: str  # source id, or page path inside the language folder
    title: str
    url: str  # site-relative


@dataclass(frozen=True)
class History:
    available: bool
    commits: tuple[Commit, ...]


def read_history(root: Path) -> History:
    """Parse `git log` for seeds/ and docs/; unavailable outside a full clone."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=True, timeout=60).stdout

    try:
        top = Path(git("rev-parse", "--show-toplevel").strip()).resolve()
        if top != root.resolve() or git("rev-parse", "--is-shallow-repository").strip() == "true":
            return History(False, ())
        log = git("log", "--no-renames", "--name-status", "--format=%x00%cs",
                  "--", "seeds", "docs")
    except (OSError, subprocess.SubprocessError):
        return History(False, ())
    return History(True, tuple(parse_log(log)))


def parse_log(log: str) -> list[Commit]:
    commits = []
    for block in log.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        day = dt.date.fromisoformat(lines[0].strip())
        changes = tuple((parts[0][:1], parts[-1]) for line in lines[1:]
                        if len(parts := line.split("\t")) >= 2)
        commits.append(Commit(day, changes))
    return commits


def entries(project: Project, history: History, lang: str) -> list[Entry]:
    """The language's entries, newest first (pages before sources on a day, then by title)."""
    added: dict[str, dt.date] = {}
    for commit in history.commits:  # newest first: keep the oldest "A"
        for status, path in commit.changes:
            if status == "A" and path.startswith("seeds/"):
                added[path] = commit.day
    found: list[Entry] = []
    for source in project.sources.values():
        day = added.get(source.path, source.accessed)
        found.append(Entry(day, "source", source.id, source.titles[lang],
                           source_url(source.id, lang)))
    if history.available:
        titles = {scan.rel: scan.title for scan in project.pages.get(lang, [])}
        prefix = f"docs/{lang}/"
        seen: set[tuple[dt.date, str]] = set()
        for commit in history.commits:
            for status, path in commit.changes:
                rel = path.removeprefix(prefix)
                if (status in "AM" and path.startswith(prefix) and rel in titles
                        and (commit.day, rel) not in seen):
                    seen.add((commit.day, rel))
                    found.append(Entry(commit.day, "page", rel, titles[rel],
                                       page_url(rel, lang)))
    found.sort(key=lambda e: (-e.day.toordinal(), e.kind != "page", e.title.casefold()))
    return found


def latest_days(history: History) -> dict[str, dt.date]:
    """Path -> the day of the newest commit that changed it."""
    days: dict[str, dt.date] = {}
    for commit in history.commits:  # newest first
        for _, path in commit.changes:
            days.setdefault(path, commit.day)
    return days


def feed_path(lang: str) -> str:
    return f"{lang_prefix(lang)}feed.xml"
