"""`new`: turn an article's text and its metadata into a source file in seeds/.

The file it writes is what an editor would write by hand: front matter in the order
of the other sources, empty lines ("") for what still needs a translation, then the
article text with one blank line between paragraphs. It refuses an article that is
already in the corpus (same address, or same text) and names the source it duplicates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import SITE_LANGUAGES
from .errors import Problem
from .identity import normalise_url, text_hash, without_tracking
from .load import read_document
from .strings import KINDS
from .validate import ID_RE, check_source, language_tag, parse_fuzzy_date

STOP_WORDS = frozenset((
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "its", "of", "on",
    "or", "over", "than", "that", "the", "to", "with", "after", "before", "about", "amid",
    "says", "say", "will", "would", "could", "may", "le", "la", "les", "des", "du", "de", "et",
    "en", "un", "une", "pour", "sur", "dans", "au", "aux", "der", "die", "das", "den", "dem",
    "des", "und", "ein", "eine", "für", "mit", "von", "zu", "im", "auf", "bei",
))
SECOND_LEVEL = frozenset({"co", "com", "ne", "or", "ac", "go", "gov", "org", "net", "gouv"})


class NewSourceError(Exception):
    """The article cannot be added; the message says why and what to do."""


@dataclass
class Article:
    """What the editor gave: the text and the metadata, translations possibly missing."""

    text: str
    language: str
    title: str
    published: str
    kind: str
    precision: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    accessed: str | None = None
    source_id: str | None = None
    original_file: str | None = None
    titles: dict[str, str] = field(default_factory=dict)  # site language -> translated title
    notes: dict[str, str] = field(default_factory=dict)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def outlet_slug(url: str | None, outlet: str | None) -> str:
    """'https://asia.nikkei.com/x' -> 'nikkei'; 'news.yahoo.co.jp' -> 'yahoo'."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [part for part in host.lower().split(".") if part and part != "www"]
    if len(labels) >= 2:
        labels = labels[:-1]
        if len(labels) >= 2 and labels[-1] in SECOND_LEVEL:
            labels = labels[:-1]
        return slug(labels[-1])
    words = slug(outlet or "").split("-")
    return words[0] if words and words[0] else ""


def derive_id(article: Article, taken: set[str]) -> str:
    """outlet + three words of the title (model names first) + year-month, unique in `taken`."""
    title = article.titles.get("en") or article.title
    words = [w for w in slug(title).split("-") if w and w not in STOP_WORDS]
    keep = set([w for w in words if any(c.isdigit() for c in w)][:2])
    keep.update([w for w in words if w not in keep][: 3 - len(keep)])
    words = [w for w in dict.fromkeys(words) if w in keep]
    date = article.published[:7]
    parts = [outlet_slug(article.url, article.outlet), *words, date]
    base = "-".join(p for p in parts if p) or f"source-{date}"
    base = re.sub(r"-+", "-", base).strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines; a capture with no blank line has one paragraph per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n\ufeff ")
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [" ".join(line.strip() for line in block.splitlines() if line.strip())
            for block in blocks if block.strip()]


@dataclass(frozen=True)
class Existing:
    source_id: str
    path: str
    url_key: str | None
    digest: str | None


def existing_sources(seeds_dir: Path, root: Path) -> list[Existing]:
    """Every source file's id, address and text hash, even files that do not validate."""
    found = []
    for path in sorted(seeds_dir.rglob("*.md")):
        doc = read_document(path, root)
        if not doc.meta:
            continue
        url = doc.meta.get("url")
        url_key = normalise_url(url) if isinstance(url, str) and url.strip() else None
        found.append(Existing(str(doc.meta.get("id", "")), doc.path, url_key,
                              text_hash("\n".join(paragraphs(doc.body)))))
    return found


def find_duplicate(article: Article, existing: list[Existing]) -> str | None:
    url_key = normalise_url(article.url) if article.url else None
    digest = text_hash("\n".join(paragraphs(article.text)))
    for other in existing:
        if url_key and other.url_key == url_key:
            return f"{other.path} (id '{other.source_id}') has the same address"
        if digest and other.digest == digest:
            return f"{other.path} (id '{other.source_id}') has the same text"
    return None


def _quote(value: str | None) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def render(article: Article, source_id: str, accessed: str, precision: str) -> str:
    """The source file's text."""
    lang = article.language
    lines = ["---", f"id: {source_id}"]
    if article.original_file:
        lines.append(f"original_file: {_quote(article.original_file)}")
    lines += [f"language: {lang}", "title:", f"  original: {_quote(article.title)}"]
    for site_lang in SITE_LANGUAGES:
        if site_lang != lang:
            lines.append(f"  {site_lang}: {_quote(article.titles.get(site_lang, ''))}")
    lines += [
        f"outlet: {_quote(article.outlet)}",
        f"author: {_quote(article.author)}",
        f"published: {{date: \"{article.published}\", precision: {precision}}}",
        f"accessed: {accessed}",
        f"url: {_quote(article.url)}",
        f"kind: {article.kind}",
        "note:  # for readers in each language: who publishes this, how far to trust it",
    ]
    lines += [f"  {site_lang}: {_quote(article.notes.get(site_lang, ''))}"
              for site_lang in SITE_LANGUAGES]
    lines += ["removed: []  # list what you cut from the capture (adverts, disclaimers, a "
              "second copy), each item in en, ja, fr and de", "---", ""]
    return "\n".join(lines) + "\n\n".join(paragraphs(article.text)) + "\n"


def problems_in_article(article: Article) -> list[str]:
    """What makes the metadata unusable before anything is written."""
    wrong = []
    if language_tag(article.language) is None:
        wrong.append(f"--language {article.language!r} is not a BCP 47 tag Babel knows "
                     "(use ja, fr, de, en, zh-Hans ...)")
    precision = article.precision or default_precision(article.published)
    _, why = parse_fuzzy_date(article.published, precision)
    if why:
        wrong.append(f"--published: {why}")
    if article.accessed:
        _, why = parse_fuzzy_date(article.accessed, "day")
        if why:
            wrong.append(f"--accessed: {why}")
    if article.kind not in KINDS:
        wrong.append(f"--kind {article.kind!r} is not one of: {', '.join(KINDS)}")
    if article.url is not None and urlsplit(article.url).scheme not in ("http", "https"):
        wrong.append(f"--url {article.url!r} is not an http:// or https:// address")
    if article.source_id is not None and not ID_RE.match(article.source_id):
        wrong.append(f"--id {article.source_id!r}: use lower-case letters, digits and hyphens")
    if not paragraphs(article.text):
        wrong.append("the article text is empty")
    return wrong


def default_precision(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


@dataclass
class Created:
    path: Path
    source_id: str
    remaining: list[Problem]  # what `check` will ask for (translations left empty)


def create(article: Article, root: Path, seeds_dir: Path | None = None,
           today: Callable[[], dt.date] = dt.date.today) -> Created:
    """Write the source file; raise NewSourceError if the input is wrong or a duplicate."""
    seeds_dir = seeds_dir or root / "seeds"
    wrong = problems_in_article(article)
    if wrong:
        raise NewSourceError("\n".join(wrong))
    existing = existing_sources(seeds_dir, root)
    duplicate = find_duplicate(article, existing)
    if duplicate:
        raise NewSourceError(f"this article is already in the corpus: {duplicate}. "
                             "Cite that source instead of adding it again.")
    taken = {e.source_id for e in existing}
    if article.source_id and article.source_id in taken:
        raise NewSourceError(f"--id {article.source_id!r} is already used; choose another")
    source_id = article.source_id or derive_id(article, taken)
    path = seeds_dir / f"{source_id}.md"
    if path.exists():
        raise NewSourceError(f"{path.relative_to(root)} already exists; choose another --id")
    if article.url:
        article.url = without_tracking(article.url)
    precision = article.precision or default_precision(article.published)
    text = render(article, source_id, article.accessed or today().isoformat(), precision)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _, remaining = check_source(read_document(path, root))
    return Created(path, source_id, remaining)


def missing_fields(values: Mapping[str, object]) -> list[str]:
    return [name for name in ("language", "title", "published", "kind") if not values.get(name)]
