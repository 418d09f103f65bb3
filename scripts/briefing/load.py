"""Read source files: UTF-8 text, YAML front matter with a line for every key, body.

Nothing here judges the content; `validate` does. Problems that stop a file from
being read at all (bad encoding, no front matter, broken YAML) are returned as
`Problem`s so that one run reports every file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Key = tuple[str | int, ...]


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~8x


class _StringDateLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """Safe YAML without implicit timestamps: `2026-13-01` stays text for `validate`."""


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A file split into YAML front matter (with key -> line map) and body."""

    path: str  # relative to the project root, as editors see it
    meta: dict[str, Any]
    lines: dict[Key, int]
    body: str
    body_line: int  # line number of the body's first line
    end_line: int = 1
    problems: list[Problem] = field(default_factory=list)


def read_text(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """Decode a file as UTF-8, or name the line of the first byte that is not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, Problem(
            shown,
            line,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
        )


def split_front_matter(text: str, shown: str) -> tuple[str, str, int] | Problem:
    """Return (yaml, body, body_line) for text that opens with a `---` block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return Problem(
            shown, 1, "the file does not start with front matter",
            "begin the file with a line '---', the metadata in YAML, then another '---'",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return Problem(
        shown, 1, "the front matter opened on line 1 is never closed",
        "add a line '---' after the last metadata line",
    )


def _walk(node: yaml.Node, key: Key, lines: dict[Key, int], dupes: list[Problem],
          shown: str, offset: int) -> None:
    lines[key] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for knode, vnode in node.value:
            name = str(knode.value)
            if name in seen:
                dupes.append(Problem(
                    shown, knode.start_mark.line + offset,
                    f"'{'.'.join(map(str, (*key, name)))}' is given twice",
                    "keep one of the two lines",
                ))
            seen.add(name)
            _walk(vnode, (*key, name), lines, dupes, shown, offset)
            lines[(*key, name)] = knode.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*key, index), lines, dupes, shown, offset)


def parse_yaml(source: str, shown: str, offset: int) -> tuple[Any, dict[Key, int], list[Problem]]:
    """Parse YAML text; `offset` is added to 0-based YAML lines to give file lines."""
    loader = _StringDateLoader(source)
    try:  # parse once: the node tree gives the lines, the same tree gives the value
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + offset if mark else offset
        problem = getattr(exc, "problem", None) or str(exc)
        return None, {}, [Problem(
            shown, line, f"the YAML cannot be read: {problem}",
            "check indentation and quoting on this line (quote text containing ': ' or '#')",
        )]
    finally:
        loader.dispose()
    lines: dict[Key, int] = {}
    dupes: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, dupes, shown, offset)
    return value, lines, dupes


def read_document(path: Path, root: Path) -> Document:
    """Read one front-matter file; problems stop at the first that blocks reading."""
    shown = path.relative_to(root).as_posix()
    empty = Document(shown, {}, {}, "", 1)
    text, problem = read_text(path, shown)
    if text is None:
        empty.problems.append(problem)  # type: ignore[arg-type]
        return empty
    split = split_front_matter(text, shown)
    if isinstance(split, Problem):
        empty.problems.append(split)
        return empty
    front, body, body_line = split
    meta, lines, problems = parse_yaml(front, shown, offset=2)
    if not isinstance(meta, dict):
        problems.append(Problem(
            shown, 2, "the front matter is not a set of 'key: value' lines",
            "write the metadata as YAML keys, for example 'id: my-source'",
        ))
        meta = {}
    return Document(shown, meta, lines, body, body_line, text.count("\n") + 1, problems)
