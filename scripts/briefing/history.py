"""The git history of the inputs: which commit added or changed which file, and when.

A source is dated by the commit that added its file; a source not yet committed (or a
build without the repository's history) is dated by its `accessed` date. Pages are
listed by the days on which commits changed them; without history they are not listed,
and the page says so.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Commit:
    day: dt.date
    changes: tuple[tuple[str, str], ...]  # (status letter, path relative to the root)
    time: int = 0  # commit time (Unix seconds): orders the entries of one day


@dataclass(frozen=True)
class History:
    available: bool
    commits: tuple[Commit, ...]  # newest first

    @cached_property
    def days(self) -> dict[str, dt.date]:
        """Path -> the day of the newest commit that changed it."""
        days: dict[str, dt.date] = {}
        for commit in self.commits:
            for _, path in commit.changes:
                days.setdefault(path, commit.day)
        return days

    def day_of(self, *paths: str) -> dt.date | None:
        """The day the newest of these files last changed (a page and the data it shows)."""
        return max((day for path in paths if (day := self.days.get(path))), default=None)


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
