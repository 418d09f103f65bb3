"""Parse Pandoc-style citations: `[@id]`, `[@id, ¶12]`, `[@id, ¶3–5]`, `[@a, ¶2; @b]`.

Citations inside code (fenced blocks, `inline code`) are left alone, so pages can
show the syntax. A bracket that starts with `@` but cannot be read is a problem,
never silently dropped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .caches import Lifetime, memo
from .errors import Problem
from .model import Cite, Source

BRACKET_RE = re.compile(r"\[(-?@[^\[\]\n]*)\](?!\()")
ITEM_RE = re.compile(
    r"^@(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:\s*,\s*¶\s*(?P<first>\d+)(?:\s*[–—-]\s*(?P<last>\d+))?)?$"
)
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")

FIX = (
    "write [@id], [@id, ¶12], [@id, ¶3–5] or [@a, ¶2; @b], "
    "with an id from seeds/ (see the citations index)"
)


@dataclass(frozen=True)
class Citation:
    """One bracket in a page: where it is and what it cites."""

    start: int  # offset in the text
    end: int
    line: int
    cites: tuple[Cite, ...]


def _code_mask(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks and inline code spans."""
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    for raw in text.splitlines(keepends=True):
        match = FENCE_RE.match(raw)
        if fence is None and match:
            fence, fence_start = match.group(1)[0] * 3, offset
        elif fence is not None and raw.strip().startswith(fence):
            spans.append((fence_start, offset + len(raw)))
            fence = None
        elif fence is None:
            spans.extend((offset + m.start(), offset + m.end()) for m in CODE_SPAN_RE.finditer(raw))
        offset += len(raw)
    if fence is not None:
        spans.append((fence_start, len(text)))
    return spans


def find_citations(
    text: str, path: str, first_line: int = 1
) -> tuple[list[Citation], list[Problem]]:
    """Every citation bracket in `text` (Markdown), with problems for unreadable ones."""
    found, problems = _find_citations(text, path, first_line)
    return list(found), list(problems)


@memo(
    Lifetime.PROCESS, maxsize=16384
)  # pure; the same texts are read again by each rebuild and render
def _find_citations(
    text: str, path: str, first_line: int
) -> tuple[tuple[Citation, ...], tuple[Problem, ...]]:
    mask = _code_mask(text)
    found: list[Citation] = []
    problems: list[Problem] = []
    for match in BRACKET_RE.finditer(text):
        if any(a <= match.start() < b for a, b in mask):
            continue
        line = text.count("\n", 0, match.start()) + first_line
        cites: list[Cite] = []
        for item in match.group(1).split(";"):
            parsed = ITEM_RE.match(item.strip())
            if not parsed:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"cannot read the citation '[{match.group(1)}]' (at '{item.strip()}')",
                        FIX,
                        "citation.unreadable",
                    )
                )
                break
            first = int(parsed["first"]) if parsed["first"] else None
            last = int(parsed["last"]) if parsed["last"] else None
            cites.append(Cite(parsed["id"], first, last))
        else:
            found.append(Citation(match.start(), match.end(), line, tuple(cites)))
    return tuple(found), tuple(problems)


def check_cite(cite: Cite, sources: Mapping[str, Source], path: str, line: int) -> Problem | None:
    """Is the cited source known, and the paragraph range inside its text?"""
    source = sources.get(cite.source_id)
    if source is None:
        near = difflib.get_close_matches(cite.source_id, list(sources), n=3, cutoff=0.6)
        hint = (
            "did you mean " + " or ".join(f"'@{n}'" for n in near) + "? Otherwise " if near else ""
        )
        return Problem(
            path,
            line,
            f"unknown citation id '@{cite.source_id}'",
            f"{hint}use the id of a source in seeds/ (listed on the citations "
            "index), or add the source first",
            "citation.unknown-id",
        )
    if cite.first is None:
        return None
    count = source.paragraph_count
    if count == 0:
        return Problem(
            path,
            line,
            f"'@{cite.source_id}' has no paragraphs recorded (neither a text held whole nor "
            f"the site's accounts), so {cite.locator} cannot be cited",
            f"cite it as [@{cite.source_id}], or write what each paragraph reports in "
            f"{cite.source_id}.accounts.yml",
            "citation.no-paragraphs",
        )
    last = cite.last if cite.last is not None else cite.first
    if not 1 <= cite.first <= last <= count:
        return Problem(
            path,
            line,
            f"'@{cite.source_id}, {cite.locator}': paragraph out of "
            f"range (the source has {count} paragraphs)",
            f"use a paragraph number from 1 to {count}, as numbered on its source "
            "page; a range must run from low to high",
            "citation.out-of-range",
        )
    return None
