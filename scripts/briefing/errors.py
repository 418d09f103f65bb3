"""Problems found in the editors' input, reported all at once with file and line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where, what, and how to fix it.

    `code` names the kind of problem (`source.unknown-field`, `translation.stale`) for code
    and tests that must tell problems apart: they match the code, never the wording, so a
    message can be reworded for editors without breaking a filter. It is not shown, and two
    problems at the same place with the same words are one problem whatever their codes."""

    path: str
    line: int
    message: str
    fix: str
    code: str = field(compare=False)

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.message}. Fix: {self.fix}"

    def github_annotation(self) -> str:
        text = f"{self.message}. Fix: {self.fix}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"


class Report(list[Problem]):
    """The one accumulator of problems: a checker, a loader or a command adds to it and
    hands it on, instead of returning problems beside a value or taking an output list."""

    def add(self, path: str, line: int, message: str, fix: str, code: str) -> None:
        self.append(Problem(path, line, message, fix, code))

    def having(self, *codes: str) -> list[Problem]:
        """The problems of these kinds (a code ending in '.' names a family: 'source.')."""
        return [p for p in self if _matches(p.code, codes)]

    def without(self, *codes: str) -> list[Problem]:
        return [p for p in self if not _matches(p.code, codes)]


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return any(code == c or (c.endswith(".") and code.startswith(c)) for c in codes)


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
