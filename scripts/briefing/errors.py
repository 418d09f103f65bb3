"""Problems found in the editors' input, reported all at once with file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where, what, and how to fix it."""

    path: str
    line: int
    message: str
    fix: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.message}. Fix: {self.fix}"

    def github_annotation(self) -> str:
        text = f"{self.message}. Fix: {self.fix}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"


@dataclass(frozen=True)
class Refused:
    """Why a value cannot be used, where no file and line are known yet (a date, an editor's
    answer): the caller turns it into a Problem at its place, or says it under a prompt.

    The convention throughout: a function that reads a value returns the value or, if it
    cannot, a Problem (with its file and line) or a Refused (without); never a pair."""

    reason: str


class BriefingError(Exception):
    """Raised with every problem of a run, so editors fix them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the briefing's sources or pages:"
        super().__init__("\n".join([head, *(p.format() for p in self.problems)]))
