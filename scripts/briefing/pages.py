"""Scan the hand-written pages: every language has every page, and citations resolve."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import DEFAULT_LANGUAGE
from .citations import Citation, check_cite, find_citations
from .data import Data
from .directives import data_files_of, problems_in, shown_texts
from .errors import Problem
from .identity import page_digest
from .language import left_in_english, undated_present
from .languages import name as language_name
from .load import Key, read_document
from .model import Source
from .urls import is_generated, page_url

H1_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
MISSING = "page.missing-translation"  # a page that one language lacks


@dataclass
class PageScan:
    """One page in one language: its title, URL and citations."""

    lang: str
    rel: str  # path inside the language folder, e.g. "method.md"
    path: str  # path shown to editors, e.g. "docs/fr/method.md"
    title: str
    url: str  # site-relative URL, e.g. "fr/method/"
    citations: list[Citation] = field(default_factory=list)  # as the reader sees it, data included
    written: list[Citation] = field(default_factory=list)  # in the page's own text
    meta: dict[str, object] | None = field(default_factory=dict)  # None: unreadable YAML
    meta_lines: dict[Key, int] = field(default_factory=dict)
    digest: str = ""  # of its text, see identity.page_digest
    data_files: tuple[str, ...] = ()  # data files it shows, e.g. ("data/timeline.yml",)
    body: str = ""  # the text after the front matter
    body_line: int = 1


def _title(front: dict[str, object], body: str, rel: str) -> str:
    if isinstance(front.get("title"), str):
        return str(front["title"])
    match = H1_RE.search(body)
    return match.group(1).strip() if match else rel


def scan_page(
    path: Path, root: Path, lang: str, rel: str, data: Data | None = None
) -> tuple[PageScan | None, list[Problem]]:
    doc = read_document(path, root, front_matter_required=False)
    if not doc.read:
        return None, doc.problems
    shown, front, lines, body, body_line = doc.path, doc.meta, doc.lines, doc.body, doc.body_line
    problems = doc.problems
    written, body_problems = find_citations(body, shown, body_line)
    if "state" in front and front["state"] != "draft":
        body_problems.append(
            Problem(
                shown,
                lines.get(("state",), 1),
                f"state: {front['state']!r} is not a page state",
                "write 'state: draft' while the page awaits review; remove the line once reviewed",
                "page.bad-state",
            )
        )
    citations = written
    if data is not None:
        body_problems += problems_in(body, shown, data, body_line)
        # Usage counts what the reader sees: the page with its data inserted.
        citations, _ = find_citations("\n".join(shown_texts(body, lang, data)), shown, body_line)
    page = PageScan(
        lang,
        rel,
        shown,
        _title(front, body, rel),
        page_url(rel, lang),
        citations,
        written,
        None if problems and not lines else front,
        lines,
        page_digest(body),
        data_files_of(body),
        body,
        body_line,
    )
    if lang != DEFAULT_LANGUAGE:
        body_problems += _english_left(body, body_line, shown, lang)
    body_problems += _undated(body, body_line, shown, lang)
    return page, problems + body_problems


def _undated(body: str, first_line: int, shown: str, lang: str) -> list[Problem]:
    """Lines of the page's prose that state the present state without a date."""
    problems = []
    in_code = False
    for number, raw in enumerate(body.split("\n"), start=first_line):
        if raw.lstrip().startswith("```"):
            in_code = not in_code
        if in_code or raw.lstrip().startswith(("#", "<!--")):
            continue
        word = undated_present(raw, lang)
        if word:
            problems.append(
                Problem(
                    shown,
                    number,
                    f"'{word}' states the present state without a date",
                    "give the sentence its date ('as of June 2026', 'by 5 June 2026'), or leave "
                    "the present state to the board of where things stand "
                    "(<!-- briefing:status -->, data/status.yml)",
                    "page.undated-present",
                )
            )
    return problems


def _english_left(body: str, first_line: int, shown: str, lang: str) -> list[Problem]:
    """Paragraphs of a translated page that were left in English."""
    problems = []
    in_code = False
    start = first_line
    block: list[str] = []
    for number, raw in enumerate([*body.split("\n"), ""], start=first_line):
        if raw.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if raw.strip() and not in_code:
            start = start if block else number
            block.append(raw)
        elif block:
            if left_in_english(" ".join(block), lang):
                problems.append(
                    Problem(
                        shown,
                        start,
                        f"this paragraph reads as English, not {language_name(lang)}",
                        f"translate it into {language_name(lang)}",
                        "page.left-in-english",
                    )
                )
            block = []
    return problems


def scan_pages(
    docs_dir: Path,
    root: Path,
    languages: Sequence[str],
    sources: Mapping[str, Source],
    broken: frozenset[str] | set[str] = frozenset(),
    data: Data | None = None,
) -> tuple[dict[str, list[PageScan]], list[Problem]]:
    """Scan docs/<lang>/**/*.md for every language; report missing translations."""
    problems: list[Problem] = []
    rels: dict[str, set[str]] = {}
    for lang in languages:
        folder = docs_dir / lang
        rels[lang] = (
            {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
            if folder.is_dir()
            else set()
        )
    docs = docs_dir.relative_to(root).as_posix()
    for lang in languages:
        for rel in sorted(rels[lang]):
            if is_generated(rel):
                problems.append(
                    Problem(
                        f"{docs}/{lang}/{rel}",
                        1,
                        f"the site generates {page_url(rel, lang) or '/'} itself, so this page "
                        "would be replaced or clash with it",
                        "move the page elsewhere (or rename it)",
                        "page.generated-path",
                    )
                )
                rels[lang].discard(rel)
    every = set().union(*rels.values())
    for lang in languages:
        for rel in sorted(every - rels[lang]):
            has = next(lg for lg in languages if rel in rels[lg])
            problems.append(
                Problem(
                    f"{docs}/{lang}/{rel}",
                    1,
                    f"the {language_name(lang)} page is missing ({docs}/{has}/{rel} exists)",
                    f"add the translation at {docs}/{lang}/{rel}; no page falls back to English",
                    MISSING,
                )
            )
    scans: dict[str, list[PageScan]] = {}
    for lang in languages:
        scans[lang] = []
        for rel in sorted(rels[lang]):
            page, page_problems = scan_page(docs_dir / lang / rel, root, lang, rel, data)
            problems.extend(page_problems)
            if page is None:
                continue
            scans[lang].append(page)
            for citation in page.written:  # data files report problems in their own citations
                for cite in citation.cites:
                    if cite.source_id in broken:
                        continue
                    if problem := check_cite(cite, sources, page.path, citation.line):
                        problems.append(problem)
    return scans, problems
