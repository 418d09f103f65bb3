"""Every problem is made with a code, and every code is in the one list (errors.py's docstring).

Tests and filters tell problems apart by their code, never their wording, so a code must be
there whenever a problem is made, keep its form (`family.kind`), and be listed with the
others so that the same kind of problem is called the same in every family. mypy refuses a
Problem without a code; this test also reads where each problem is made, the code it is
given, and the list, so neither the code nor the list can drift.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing import errors
from briefing.errors import Problem

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "briefing"
CODE_RE = re.compile(r"^[a-z]+(\.[a-z0-9-]+)+$")
KIND_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FILE_RE = re.compile(r"\.(md|ya?ml|json|csv|bib|html|txt|j2|py)$")  # "status.md" is no code

# Where a problem is made and the position of its code: Problem(path, line, message, fix,
# code) and Report.add(...) take the whole code; a key-path checker's fail(key, message,
# fix, code) and report(line, message, fix, code) take the kind, the family is the checker's.
WHOLE = {"Problem": 4, "add": 4}
KIND = {"fail": 3, "report": 3}
# The functions that pass on a code they were given: their callers give it (read below as
# every string of the package that has a listed family's form, such as a directive's).
PASSING_ON = {
    ("errors.py", "add"),
    ("keypaths.py", "fail"),
    ("keypaths.py", "report"),
    ("parity.py", "_mismatches"),
    ("directives.py", "problems_in"),
}


@dataclass
class Found:
    codes: set[str] = field(default_factory=set)  # whole codes: "source.unknown-field"
    kinds: set[str] = field(default_factory=set)  # a checker's kinds: "unknown-field"
    families: set[str] = field(default_factory=set)  # a checker's `family`
    strings: set[str] = field(default_factory=set)  # every string of a code's form
    wrong: list[str] = field(default_factory=list)  # "file:line: what is wrong"


def constants(sources: dict[str, str]) -> dict[str, set[str]]:
    """Module-level NAME = "text" of every module: a code kept as a constant (STALE)."""
    found: dict[str, set[str]] = {}
    for text in sources.values():
        for node in ast.parse(text).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                        found.setdefault(target.id, set()).add(node.value.value)
    return found


def scan(sources: dict[str, str]) -> Found:
    """Where each problem is made in these modules (file name -> text), and its code."""
    named = constants(sources)
    found = Found()

    def visit(node: ast.AST, name: str, within: str) -> None:
        _read(node, name, within, named, found)
        inner = node.name if isinstance(node, ast.FunctionDef) else within
        for child in ast.iter_child_nodes(node):
            visit(child, name, inner)

    for name, text in sources.items():
        visit(ast.parse(text), name, "")
    return found


def _read(node: ast.AST, name: str, within: str, named: dict[str, set[str]], found: Found) -> None:
    text = node.value if isinstance(node, ast.Constant) else None
    if isinstance(text, str) and CODE_RE.match(text) and not FILE_RE.search(text):
        found.strings.add(text)
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
        for target in node.targets:
            if getattr(target, "id", getattr(target, "attr", None)) == "family":
                found.families.add(str(node.value.value))
    if not isinstance(node, ast.Call):
        return
    called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    at = WHOLE.get(called or "", KIND.get(called or ""))
    if at is None or (called == "add" and len(node.args) < 4):  # set.add(x) is no problem
        return
    where = f"{name}:{node.lineno}"
    keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
    given = node.args[at] if len(node.args) > at else keyword
    if given is None:
        found.wrong.append(f"{where}: {called}(...) without a code")
        return
    values = _values(given, named)
    if values is None and (name, within) not in PASSING_ON:
        found.wrong.append(f"{where}: cannot tell the code {ast.unparse(given)!r}")
    (found.codes if called in WHOLE else found.kinds).update(values or ())


def _values(given: ast.expr, named: dict[str, set[str]]) -> set[str] | None:
    """The codes an expression can be: a string, a constant, either of two (a if c else b)."""
    if isinstance(given, ast.Constant) and isinstance(given.value, str):
        return {given.value}
    if isinstance(given, ast.Name) and given.id in named:
        return named[given.id]
    if isinstance(given, ast.IfExp):
        one, other = _values(given.body, named), _values(given.orelse, named)
        return one | other if one is not None and other is not None else None
    return None


def package() -> Found:
    return scan({path.name: path.read_text("utf-8") for path in PACKAGE.glob("*.py")})


@dataclass
class Listed:
    own: dict[str, set[str]]  # family -> the kinds it reports itself
    checkers: set[str]  # the families of key-path checkers
    kinds: set[str]  # the kinds a key-path checker reports, under its family


def listed() -> Listed:
    """The list in errors.py's docstring: a family's row, its kinds below it; then the
    kinds of the key-path checkers."""
    doc = errors.__doc__ or ""
    assert "\nFamilies" in doc and "\nKinds a key-path checker" in doc, "errors.py: no list"
    table, after = doc.split("\nFamilies", 1)[1].split("\nKinds a key-path checker", 1)
    own: dict[str, set[str]] = {}
    checkers: set[str] = set()
    family = ""
    for line in table.splitlines():
        if row := re.match(r"^    ([a-z]+)  +(\S.*)$", line):
            family = row.group(1)
            assert family not in own, f"errors.py: {family} is listed twice"
            own[family] = set()
            if "(a key-path checker)" in row.group(2):
                checkers.add(family)
        elif line.startswith(" " * 17) and family:
            own[family] |= set(line.split())
    kinds = {word for line in after.splitlines()[1:] for word in line.split()}
    return Listed(own, checkers, kinds)


def test_every_problem_is_made_with_a_code_the_test_can_read():
    found = package()
    assert found.wrong == []
    assert found.codes and found.kinds and found.families  # it read the package


def test_a_problem_made_without_a_code_is_found():
    """The scan can fail: a problem without a code, or with one it cannot read."""
    found = scan(
        {
            "x.py": (
                "def f(c, key):\n"
                "    yield Problem('p', 1, 'm', 'f')\n"
                "    c.fail(key, 'm')\n"
                "    c.report(1, 'm', 'f', code=kind())\n"
                "    c.fail(key, 'm', None, 'a' if key else kind)\n"
                "    c.fail(key, 'm', None, 'a' if key else 'b')\n"
                "    seen.add(key)\n"
            )
        }
    )
    assert found.wrong == [
        "x.py:2: Problem(...) without a code",
        "x.py:3: fail(...) without a code",
        "x.py:4: cannot tell the code 'kind()'",
        "x.py:5: cannot tell the code \"'a' if key else kind\"",
    ]
    assert found.kinds == {"a", "b"}
    with pytest.raises(TypeError):
        Problem("p", 1, "m", "f")  # type: ignore[call-arg]


def test_every_code_is_well_formed_and_listed():
    found, known = package(), listed()
    for code in sorted(found.codes | {s for s in found.strings if s.split(".")[0] in known.own}):
        assert CODE_RE.match(code), code
        family, kind = code.split(".", 1)
        assert family in known.own, f"{code}: the family {family} is not in errors.py's list"
        assert kind in known.own[family] or (family in known.checkers and kind in known.kinds), (
            f"{code}: the kind {kind} is not listed under {family} in errors.py"
        )
    for kind in sorted(found.kinds):
        assert KIND_RE.match(kind), kind
        assert kind in known.kinds, f"{kind}: not in errors.py's list of a checker's kinds"
    for family in sorted(found.families):
        assert family in known.checkers, f"{family}: not listed as a key-path checker's family"


def test_the_list_keeps_no_code_the_package_no_longer_uses():
    found, known = package(), listed()
    codes = found.codes | found.strings
    stale = [f"{f}.{k}" for f, kinds in known.own.items() for k in kinds if f"{f}.{k}" not in codes]
    assert stale == []
    assert sorted(known.kinds - found.kinds) == []
    used = {code.split(".")[0] for code in codes} | found.families
    assert sorted(set(known.own) - used) == []
