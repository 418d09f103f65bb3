"""Which translations are behind their English page?

Each translated page records, in its front matter, a fingerprint of the English text
it was translated from (`translated_from: 1a2b3c4d5e6f`). When the English page
changes, its fingerprint no longer matches: `check` and the build list the page, and
its readers see a notice that the English version is newer. After updating the
translation, the editor runs `make translated PAGES=docs/ja/page.md` to record it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import DEFAULT_LANGUAGE
from .errors import Problem
from .load import parse_yaml, split_front_matter

FIELD = "translated_from"
STAMP_RE = re.compile(r"^[0-9a-f]{12}$")


def body_of(text: str) -> str:
    if text.startswith("---"):
        split = split_front_matter(text, "")
        if not isinstance(split, Problem):
            return split[1]
    return text


def english_hash(english_text: str) -> str:
    """Fingerprint of an English page's text: its body, trailing spaces and blank runs ignored."""
    lines = [line.rstrip() for line in body_of(english_text).strip().splitlines()]
    normal = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Behind:
    """A translation made from an older English text."""

    path: str  # e.g. docs/ja/chips.md
    english: str  # e.g. docs/en/chips.md

    def format(self) -> str:
        return (f"{self.path}: behind the English page: {self.english} changed after this "
                f"translation was made. Update it, then run: make translated PAGES={self.path}")


def check_translation(path: str, text: str, english_text: str, english_path: str
                      ) -> tuple[Behind | None, list[Problem]]:
    """Compare a translation's stamp with its English page's current fingerprint."""
    fix = f"check it matches {english_path}, then run: make translated PAGES={path}"
    if not text.startswith("---"):
        return None, [Problem(path, 1, f"the translation does not say which English text it "
                                       f"translates (no '{FIELD}' in front matter)", fix)]
    split = split_front_matter(text, path)
    if isinstance(split, Problem):
        return None, [split]
    meta, lines, problems = parse_yaml(split[0], path, offset=2)
    if problems:
        return None, problems
    stamp = meta.get(FIELD) if isinstance(meta, dict) else None
    if stamp is None:
        return None, [Problem(path, 1, f"the front matter has no '{FIELD}'", fix)]
    if not isinstance(stamp, str) or not STAMP_RE.match(stamp):
        return None, [Problem(path, lines.get((FIELD,), 1),
                              f"{FIELD}: {stamp!r} is not a fingerprint (12 hex digits)", fix)]
    if stamp != english_hash(english_text):
        return Behind(path, english_path), []
    return None, []


def check_translations(docs_dir: Path, root: Path, languages: tuple[str, ...] | list[str],
                       rels: dict[str, list[str]]) -> tuple[list[Behind], list[Problem]]:
    """Every translated page of `rels` (lang -> page paths) against docs/<default>/."""
    behind: list[Behind] = []
    problems: list[Problem] = []
    english_dir = docs_dir / DEFAULT_LANGUAGE
    docs = docs_dir.relative_to(root).as_posix()
    for lang in languages:
        if lang == DEFAULT_LANGUAGE:
            continue
        for rel in rels.get(lang, []):
            english = english_dir / rel
            if not english.is_file():
                continue  # reported as a missing page
            found, wrong = check_translation(
                f"{docs}/{lang}/{rel}", (docs_dir / lang / rel).read_text("utf-8"),
                english.read_text("utf-8"), f"{docs}/{DEFAULT_LANGUAGE}/{rel}")
            problems.extend(wrong)
            if found:
                behind.append(found)
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
        raise ValueError(f"{page}: the page or its English original ({english.relative_to(root)}) "
                         "does not exist")
    fingerprint = english_hash(english.read_text("utf-8"))
    text = path.read_text("utf-8")
    line = f'{FIELD}: "{fingerprint}"'
    if text.startswith("---"):
        head, sep, rest = text[3:].partition("\n---")
        if re.search(rf"^{FIELD}:.*$", head, re.MULTILINE):
            head = re.sub(rf"^{FIELD}:.*$", line, head, count=1, flags=re.MULTILINE)
        else:
            head = head.rstrip("\n") + "\n" + line
        text = "---" + head + sep + rest
    else:
        text = f"---\n{line}\n---\n\n{text}"
    path.write_text(text, encoding="utf-8")
    return f"{page}: translated from the English text {fingerprint}"
