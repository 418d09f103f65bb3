"""Which translations are behind their English page?

Each translated page records, in its front matter, a fingerprint of the English text
it was translated from (`translated_from: 1a2b3c4d5e6f`). When the English page
changes, its fingerprint no longer matches: `check` and the build list the page, and
its readers see a notice that the English version is newer. After updating the
translation, the editor runs `make translated PAGES=docs/ja/page.md` to record it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import DEFAULT_LANGUAGE
from .errors import Problem
from .identity import page_digest
from .load import body_of, split_front_matter
from .pages import PageScan

FIELD = "translated_from"
STAMP_RE = re.compile(r"^[0-9a-f]{12}$")
NO_STAMP = "freshness.no-stamp"  # a translation that does not say what it translates


def english_hash(english_text: str) -> str:
    """Fingerprint of an English page's whole file."""
    return page_digest(body_of(english_text))


@dataclass(frozen=True)
class Behind:
    """A translation made from an older English text."""

    path: str  # e.g. docs/ja/chips.md
    english: str  # e.g. docs/en/chips.md
    lang: str
    rel: str  # e.g. chips.md

    def format(self) -> str:
        return (
            f"{self.path}: behind the English page: {self.english} changed after this "
            f"translation was made. Update it, then run: make translated PAGES={self.path}"
        )


def check_translations(pages: Mapping[str, list[PageScan]]) -> tuple[list[Behind], list[Problem]]:
    """Compare each translation's stamp with its English page's current fingerprint."""
    behind: list[Behind] = []
    problems: list[Problem] = []
    english = {page.rel: page for page in pages.get(DEFAULT_LANGUAGE, [])}
    for lang, scans in pages.items():
        if lang == DEFAULT_LANGUAGE:
            continue
        for page in scans:
            original = english.get(page.rel)
            if original is None or page.meta is None:
                continue  # reported: a missing page, or front matter that cannot be read
            fix = f"check it matches {original.path}, then run: make translated PAGES={page.path}"
            stamp_value = page.meta.get(FIELD)
            if stamp_value is None:
                message = (
                    f"the front matter has no '{FIELD}'"
                    if page.meta_lines
                    else f"the translation does not say which English text it translates "
                    f"(no '{FIELD}' in front matter)"
                )
                problems.append(Problem(page.path, 1, message, fix, NO_STAMP))
            elif not isinstance(stamp_value, str) or not STAMP_RE.match(stamp_value):
                problems.append(
                    Problem(
                        page.path,
                        page.meta_lines.get((FIELD,), 1),
                        f"{FIELD}: {stamp_value!r} is not a fingerprint (12 hex digits)",
                        fix,
                        "freshness.bad-stamp",
                    )
                )
            elif stamp_value != original.digest:
                behind.append(Behind(page.path, original.path, lang, page.rel))
    return behind, problems


def stamp(root: Path, page: Path) -> str:
    """Write the English page's current fingerprint into a translated page."""
    path = page if page.is_absolute() else root / page
    docs_dir = root / "docs"
    try:
        lang, rel = path.resolve().relative_to(docs_dir.resolve()).as_posix().split("/", 1)
    except ValueError:
        raise ValueError(f"{page}: not a page under docs/<language>/") from None
    if lang == DEFAULT_LANGUAGE:
        raise ValueError(f"{page}: an English page is the original, not a translation")
    english = docs_dir / DEFAULT_LANGUAGE / rel
    if not path.is_file() or not english.is_file():
        raise ValueError(
            f"{page}: the page or its English original ({english.relative_to(root)}) does not exist"
        )
    digest = english_hash(english.read_text("utf-8"))
    text = path.read_text("utf-8")
    line = f'{FIELD}: "{digest}"'
    split = split_front_matter(text, "") if text.startswith("---") else None
    if isinstance(split, tuple):
        head, body, _ = split
        if re.search(rf"^{FIELD}:.*$", head, re.MULTILINE):
            head = re.sub(rf"^{FIELD}:.*$", line, head, count=1, flags=re.MULTILINE)
        else:
            head = (head.rstrip("\n") + "\n" if head.strip() else "") + line + "\n"
        text = f"---\n{head}---\n{body}"
    else:  # no front matter (or one never closed: the stamp opens a new one)
        text = f"---\n{line}\n---\n\n{text}"
    path.write_text(text, encoding="utf-8")
    return f"{page}: translated from the English text {digest}"
