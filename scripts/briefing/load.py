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

from .caches import Lifetime, table
from .errors import Problem

Key = tuple[str | int, ...]


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~8x


class _StringDateLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]  # a base chosen at run time
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
    problems: list[Problem] = field(default_factory=list)
    read: bool = True  # False: a problem kept the file from being read at all


MAX_BYTES = 2_000_000  # an article is ~10 kB; a data file ~100 kB
MAX_DEPTH = 40  # our YAML nests 5 levels deep; libyaml recurses per level and can crash
MAX_INDENT = 200


def read_text(path: Path, shown: str) -> str | Problem:
    """Decode a file as UTF-8 (a byte-order mark and Windows line ends are accepted),
    or name the line of the first byte that is not."""
    if path.is_symlink() or not path.is_file():
        return Problem(
            shown,
            1,
            "the file is a link or not a regular file",
            "replace it with an ordinary file (links may point outside the project)",
            "file.not-regular",
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Problem(
            shown,
            1,
            f"the file is too large ({size:,} bytes; at most {MAX_BYTES:,})",
            "keep only the article's text; split a data file if it really grew this large",
            "file.too-large",
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return Problem(
            shown,
            line,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
            "file.not-utf8",
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Problem(
            shown,
            line,
            "the file contains a NUL byte (binary data?)",
            "save the file as plain UTF-8 text",
            "file.binary",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, shown: str) -> tuple[str, str, int] | Problem:
    """Return (yaml, body, body_line) for text that opens with a `---` block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return Problem(
            shown,
            1,
            "the file does not start with front matter",
            "begin the file with a line '---', the metadata in YAML, then another '---'",
            "file.no-front-matter",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return Problem(
        shown,
        1,
        "the front matter opened on line 1 is never closed",
        "add a line '---' after the last metadata line",
        "file.front-matter-open",
    )


def body_of(text: str) -> str:
    """A page's text without its front matter (all of it when the front matter is unreadable)."""
    if text.startswith("---"):
        split = split_front_matter(text, "")
        if not isinstance(split, Problem):
            return split[1]
    return text


def _walk(
    node: yaml.Node, key: Key, lines: dict[Key, int], dupes: list[Problem], shown: str, offset: int
) -> None:
    lines[key] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for knode, vnode in node.value:
            name = str(knode.value)
            if name in seen:
                dupes.append(
                    Problem(
                        shown,
                        knode.start_mark.line + offset,
                        f"'{'.'.join(map(str, (*key, name)))}' is given twice",
                        "keep one of the two lines",
                        "yaml.duplicate-key",
                    )
                )
            seen.add(name)
            _walk(vnode, (*key, name), lines, dupes, shown, offset)
            lines[(*key, name)] = knode.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*key, index), lines, dupes, shown, offset)


def _too_complex(source: str, shown: str, offset: int) -> Problem | None:
    """Refuse, before parsing, YAML that would take libyaml or us too long or too deep:
    nesting beyond MAX_DEPTH, and anchors/aliases (`&a` ... `*a`), which can expand
    exponentially ("billion laughs") and which no file of ours needs."""
    depth = 0  # brackets inside quotes count too: an over-estimate is harmless here
    for number, raw in enumerate(source.split("\n")):
        indent = len(raw) - len(raw.lstrip(" "))
        if indent > MAX_INDENT:
            return Problem(
                shown,
                number + offset,
                f"the line is indented {indent} spaces",
                "indent with at most a few levels of two spaces",
                "yaml.too-deep",
            )
        for char in raw:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(
                        shown,
                        number + offset,
                        f"the YAML nests more than {MAX_DEPTH} levels deep",
                        "write each value on its own line; lists of lists are not "
                        "needed in this project",
                        "yaml.too-deep",
                    )
            elif char in "]}":
                depth = max(0, depth - 1)
    try:
        for token in yaml.scan(source, Loader=_BASE_LOADER):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                return Problem(
                    shown,
                    token.start_mark.line + offset,
                    "YAML anchors and aliases (& and *) are not allowed",
                    "write the value out in full; if '*' or '&' starts a text, "
                    "put the text in quotes",
                    "yaml.alias",
                )
    except yaml.YAMLError:
        return None  # reported by the parser, with its line
    return None


def _quote_hint(source: str, mark: Any) -> str | None:
    """The usual cause of 'did not find expected key' in our files: a quoted value that
    contains the same quote mark, e.g. note: "he said "two months" later"."""
    if mark is None:
        return None
    lines = source.split("\n")
    for index in range(min(mark.line, len(lines) - 1), max(-1, mark.line - 3), -1):
        value = lines[index].split(": ", 1)[1] if ": " in lines[index] else lines[index]
        value = value.strip()
        inner = value[1:-1]
        if value and value[0] in "\"'" and inner.count(value[0]) > inner.count("\\" + value[0]):
            return (
                f"line {index + 1}: the text opens with {value[0]} and contains another "
                f"{value[0]} inside, which ends it early"
            )
    return None


# The last parse of each file's YAML, with the text it was parsed from: a rebuild (the live
# preview) parses again only the files whose text changed. Parsed values are shared, so no
# reader changes them.
_PARSED: dict[tuple[str, int], tuple[str, tuple[Any, dict[Key, int], list[Problem]]]] = table(
    "load._PARSED", Lifetime.PROCESS
)


def parse_yaml_of(
    source: str, shown: str, offset: int
) -> tuple[Any, dict[Key, int], list[Problem]]:
    """`parse_yaml` of a file's text, parsed again only when the text changed."""
    cached = _PARSED.get((shown, offset))
    if cached is not None and cached[0] == source:
        return cached[1]
    parsed = parse_yaml(source, shown, offset)
    _PARSED[(shown, offset)] = (source, parsed)
    return parsed


def parse_yaml(source: str, shown: str, offset: int) -> tuple[Any, dict[Key, int], list[Problem]]:
    """Parse YAML text; `offset` is added to 0-based YAML lines to give file lines."""
    if (refused := _too_complex(source, shown, offset)) is not None:
        return None, {}, [refused]
    loader = _StringDateLoader(source)
    try:  # parse once: the node tree gives the lines, the same tree gives the value
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + offset if mark else offset
        problem = getattr(exc, "problem", None) or str(exc)
        hint = _quote_hint(source, mark)
        if hint is not None:
            quote_line = int(hint.split(":", 1)[0].removeprefix("line ")) - 1 + offset
            return (
                None,
                {},
                [
                    Problem(
                        shown,
                        quote_line,
                        "the YAML cannot be read: a quoted text contains its own "
                        "quote mark, which ends the text early",
                        "use typographic quotes inside (“two months”, « deux mois », "
                        "„zwei Monate“), "
                        "or wrap the text in single quotes and double any single quote inside ('')",
                        "yaml.quote-in-text",
                    )
                ],
            )
        return (
            None,
            {},
            [
                Problem(
                    shown,
                    line,
                    f"the YAML cannot be read: {problem}",
                    "check indentation and quoting on this line "
                    "(quote text containing ': ' or '#')",
                    "yaml.unreadable",
                )
            ],
        )
    finally:
        loader.dispose()
    lines: dict[Key, int] = {}
    dupes: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, dupes, shown, offset)
    return value, lines, dupes


def read_yaml(path: Path, shown: str) -> tuple[Any, dict[Key, int], list[Problem]]:
    """A whole YAML file (a data file, a translations file): its value, the line of every
    key and the problems that kept it from being read (then the value is None)."""
    text = read_text(path, shown)
    if isinstance(text, Problem):
        return None, {}, [text]
    return parse_yaml_of(text, shown, offset=1)


def read_document(path: Path, root: Path, front_matter_required: bool = True) -> Document:
    """Read one front-matter file (a source, or a page, whose front matter is optional);
    problems stop at the first that blocks reading."""
    shown = path.relative_to(root).as_posix()
    empty = Document(shown, {}, {}, "", 1, read=False)
    text = read_text(path, shown)
    if isinstance(text, Problem):
        empty.problems.append(text)
        return empty
    if not front_matter_required and not text.startswith("---"):
        return Document(shown, {}, {}, text, 1)
    split = split_front_matter(text, shown)
    if isinstance(split, Problem):
        empty.problems.append(split)
        return empty
    front, body, body_line = split
    meta, lines, problems = parse_yaml_of(front, shown, offset=2)
    problems = list(problems)
    if meta is None and not front_matter_required:
        meta = {}  # a page's empty front matter
    if not isinstance(meta, dict):
        if not problems:  # a YAML error already says what is wrong
            problems.append(
                Problem(
                    shown,
                    2,
                    "the front matter is not a set of 'key: value' lines",
                    "write the metadata as YAML keys, for example 'id: my-source'",
                    "yaml.not-mapping",
                )
            )
        meta = {}
    return Document(shown, meta, lines, body, body_line, problems)


def paragraphs_of(body: str, first_line: int = 1) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Split a text into paragraphs at blank lines, each one's lines joined by a space; keep
    the number of each paragraph's first line."""
    paras: list[str] = []
    lines: list[int] = []
    current: list[str] = []
    start = first_line
    for number, raw in enumerate(body.splitlines(), start=first_line):
        if raw.strip():
            if not current:
                start = number
            current.append(raw.strip())
        elif current:
            paras.append(" ".join(current))
            lines.append(start)
            current = []
    if current:
        paras.append(" ".join(current))
        lines.append(start)
    return tuple(paras), tuple(lines)
