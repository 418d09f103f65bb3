"""Scan the hand-written pages: every language has every page, and citations resolve."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGE_NAMES
from .citations import Citation, check_cite, find_citations
from .data import Data
from .directives import data_files_of, expand, problems_in
from .errors import Problem
from .freshness import fingerprint
from .language import left_in_english
from .load import Key, parse_yaml, read_text, split_front_matter
from .model import Source

# Paths the hooks generate in every language; a hand-written page there would clash.
GENERATED_TOP = frozenset({"sources", "downloads", "search", "assets"})
GENERATED_PAGES = frozenset({"whats-new.md", "404.md", "feed.xml.md"})

H1_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass
class PageScan:
    """One page in one language: its title, URL and citations."""

    lang: str
    rel: str  # path inside the language folder, e.g. "method.md"
    path: str  # path shown to editors, e.g. "docs/fr/method.md"
    title: str
    url: str  # site-relative URL, e.g. "fr/method/"
    citations: list[Citation] = field(default_factory=list)  # as the reader sees it, data included
    own: list[Citation] = field(default_factory=list)  # written in the page itself
    meta: dict[str, object] | None = field(default_factory=dict)  # None: unreadable YAML
    meta_lines: dict[Key, int] = field(default_factory=dict)
    fingerprint: str = ""  # of its text, see freshness.fingerprint
    data_files: tuple[str, ...] = ()  # data files it shows, e.g. ("data/timeline.yml",)
    body: str = ""  # the text after the front matter
    body_line: int = 1


def page_url(rel: str, lang: str) -> str:
    """Site-relative directory URL of a page, with the language prefix."""
    stem = rel[:-3]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return lang_prefix(lang) + stem


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def source_url(source_id: str, lang: str) -> str:
    return f"{lang_prefix(lang)}sources/{source_id}/"


def index_url(lang: str) -> str:
    return f"{lang_prefix(lang)}sources/"


def _title(front: dict[str, object], body: str, rel: str) -> str:
    if isinstance(front.get("title"), str):
        return str(front["title"])
    match = H1_RE.search(body)
    return match.group(1).strip() if match else rel


def scan_page(
    path: Path, root: Path, lang: str, rel: str, data: Data | None = None
) -> tuple[PageScan | None, list[Problem]]:
    shown = path.relative_to(root).as_posix()
    text, problem = read_text(path, shown)
    if text is None:
        return None, [problem]  # type: ignore[list-item]
    front: dict[str, object] = {}
    lines: dict[Key, int] = {}
    body, body_line, problems = text, 1, []
    if text.startswith("---"):
        split = split_front_matter(text, shown)
        if isinstance(split, Problem):
            return None, [split]
        raw, body, body_line = split
        value, lines, problems = parse_yaml(raw, shown, offset=2)
        front = value if isinstance(value, dict) else {}
    own, found = find_citations(body, shown, body_line)
    citations = own
    if data is not None:
        found += problems_in(body, shown, data, body_line)
        # Usage counts what the reader sees: the page with its data inserted.
        citations, _ = find_citations(expand(body, lang, data), shown, body_line)
    page = PageScan(
        lang,
        rel,
        shown,
        _title(front, body, rel),
        page_url(rel, lang),
        citations,
        own,
        None if problems and not lines else front,
        lines,
        fingerprint(body),
        data_files_of(body),
        body,
        body_line,
    )
    if lang != DEFAULT_LANGUAGE:
        found += _english_left(body, body_line, shown, lang)
    return page, problems + found


def _english_left(body: str, first_line: int, shown: str, lang: str) -> list[Problem]:
    """Paragraphs of a translated page that were left in English."""
    found = []
    in_code = False
    start, block = first_line, []
    for number, raw in enumerate([*body.split("\n"), ""], start=first_line):
        if raw.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if raw.strip() and not in_code:
            start = start if block else number
            block.append(raw)
        elif block:
            if left_in_english(" ".join(block), lang):
                found.append(
                    Problem(
                        shown,
                        start,
                        f"this paragraph reads as English, not {LANGUAGE_NAMES[lang]}",
                        f"translate it into {LANGUAGE_NAMES[lang]}",
                    )
                )
            block = []
    return found


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
            if rel.split("/")[0] in GENERATED_TOP or rel in GENERATED_PAGES:
                problems.append(
                    Problem(
                        f"{docs}/{lang}/{rel}",
                        1,
                        f"the site generates {page_url(rel, lang) or '/'} itself, so this page "
                        "would be replaced or clash with it",
                        "move the page elsewhere (or rename it)",
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
                    f"the {LANGUAGE_NAMES.get(lang, lang)} page is missing "
                    f"({docs}/{has}/{rel} exists)",
                    f"add the translation at {docs}/{lang}/{rel}; no page falls back to English",
                )
            )
    scans: dict[str, list[PageScan]] = {}
    for lang in languages:
        scans[lang] = []
        for rel in sorted(rels[lang]):
            page, found = scan_page(docs_dir / lang / rel, root, lang, rel, data)
            problems.extend(found)
            if page is None:
                continue
            scans[lang].append(page)
            for citation in page.own:  # data files report problems in their own citations
                for cite in citation.cites:
                    if cite.source_id in broken:
                        continue
                    if problem := check_cite(cite, sources, page.path, citation.line):
                        problems.append(problem)
    return scans, problems
