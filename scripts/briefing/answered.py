"""Checks an editor has answered: data/answered.yml.

A problem `check` reports can be accepted at one place, with the reason, reviewed in the pull
request like any change (a figure rendered correctly that the figure check cannot read, a
house-style rule that does not apply in one sentence):

    accepted:
      - file: seeds/x.accounts.yml   # where the problem is reported
        line: 14                      # optional: only at this line
        match: "1.9×"                 # words of the problem's message
        reason: "The original writes 1.9x; the four accounts give it as each language does."

An accepted problem does not stop the build; `check` lists it, with its reason, as a notice, so
it is never silent. An entry that matches no problem any more is itself a problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .keypaths import KeyPaths
from .load import read_yaml

PATH = "data/answered.yml"


@dataclass(frozen=True)
class Accepted:
    problem: Problem
    reason: str

    def format(self) -> str:
        return (
            f"{self.problem.path}:{self.problem.line}: accepted: {self.problem.message} "
            f"(reason, {PATH}: {self.reason})"
        )


@dataclass(frozen=True)
class _Rule:
    file: str
    line: int | None
    match: str
    reason: str
    at: int  # its line in data/answered.yml


def answer(root: Path, problems: list[Problem]) -> tuple[list[Problem], list[Accepted]]:
    """The problems left once the editors' answers are applied, and those accepted."""
    path = root / PATH
    if not path.exists():
        return problems, []
    value, lines, trouble = read_yaml(path, PATH)
    if trouble:
        return problems + trouble, []
    checker = KeyPaths(PATH, lines)
    checker.family = "answered"
    rules: list[_Rule] = []
    entries = value.get("accepted") if isinstance(value, dict) else None
    if not isinstance(entries, list):
        checker.report(
            1, "expected 'accepted:' and a list of entries", "see the file's header", "layout"
        )
        return problems + checker.problems, []
    for index, entry in enumerate(entries):
        where = checker.line(("accepted", index))
        fields = {"file", "line", "match", "reason"}
        if (
            not isinstance(entry, dict)
            or not {"file", "match", "reason"} <= set(entry) <= fields
            or not all(
                isinstance(entry[k], str) and entry[k].strip() for k in ("file", "match", "reason")
            )
            or not isinstance(entry.get("line", 0), int)
        ):
            checker.report(
                where,
                "an answer needs file, match and reason (and may give line)",
                "write the file, words of the problem's message and why it is right",
                "bad-entry",
            )
            continue
        rules.append(
            _Rule(entry["file"], entry.get("line"), entry["match"], entry["reason"], where)
        )
    left, accepted, used = [], [], set()
    for problem in problems:
        rule = next(
            (
                r
                for r in rules
                if r.file == problem.path
                and (r.line is None or r.line == problem.line)
                and r.match in problem.message
            ),
            None,
        )
        if rule is None:
            left.append(problem)
        else:
            accepted.append(Accepted(problem, rule.reason.strip()))
            used.add(rule.at)
    for rule in rules:
        if rule.at not in used:
            checker.report(
                rule.at,
                f"this answer matches no problem any more ({rule.file}: {rule.match!r})",
                "remove it: what it answered was fixed or changed",
                "unused",
            )
    return left + checker.problems, accepted
