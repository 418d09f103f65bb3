"""Renaming a source id or a page in one step, everything that names it included.

A source: its file, its companions (accounts or translations, with their `source:` line), its
`id:`, every citation of it in pages, data files and records, the claims it makes, the
quotations it reports and the records that share its text. A page: its file in every language,
its line in mkdocs.yml's navigation, links to it from the other pages of its folder, and the log
entries that name it. `check` afterwards reports anything left behind (an orphaned companion
file, a citation of an unknown id).
"""

from __future__ import annotations

import re
from pathlib import Path

from .languages import site_codes
from .validate import ID_RE

COMPANIONS = (".accounts.yml", ".translations.yml")


class RenameError(Exception):
    """Why the rename cannot be done; nothing was changed."""


def _rewrite(
    path: Path, pattern: re.Pattern[str], new: str, changed: list[str], root: Path
) -> None:
    text = path.read_text("utf-8")
    updated = pattern.sub(new, text)
    if updated != text:
        path.write_text(updated, "utf-8")
        changed.append(path.relative_to(root).as_posix())


def _texts(root: Path) -> list[Path]:
    """Every file that may name a source or a page: pages, data, records."""
    found = sorted((root / "docs").rglob("*.md")) + sorted((root / "data").glob("*.yml"))
    found += sorted((root / "seeds").rglob("*.md")) + sorted((root / "seeds").rglob("*.yml"))
    return [p for p in found if p.is_file() and not p.is_symlink()]


def rename_source(root: Path, old: str, new: str) -> list[str]:
    """Rename source `old` to `new`; the files changed, relative to the project."""
    if not ID_RE.match(new):
        raise RenameError(f"{new!r} is not a valid id: lower-case letters, digits and hyphens")
    matches = list((root / "seeds").rglob(f"{old}.md"))
    if not matches:
        raise RenameError(f"no source seeds/**/{old}.md")
    if list((root / "seeds").rglob(f"{new}.md")):
        raise RenameError(f"the id {new!r} is already used by a source")
    record = matches[0]
    changed: list[str] = []
    # References first, in every file (the record itself included), then the files' names.
    cite = re.compile(rf"@{re.escape(old)}(?=[\s,;\]]|$)")
    listed = re.compile(rf"(?<=[\[\s,]){re.escape(old)}(?=[\],\s])")
    own = re.compile(rf"^([ \t]*(?:id|source)):[ \t]*{re.escape(old)}[ \t]*$", re.MULTILINE)
    for path in _texts(root):
        _rewrite(path, cite, f"@{new}", changed, root)
        text = path.read_text("utf-8")
        lines = text.splitlines(keepends=True)
        for index, line in enumerate(lines):
            if re.match(r"\s*(?:claimant|same_text_as):", line):
                lines[index] = listed.sub(new, line)
        updated = "".join(lines)
        if updated != text:
            path.write_text(updated, "utf-8")
            changed.append(path.relative_to(root).as_posix())
        is_own = path == record or path.name in {f"{old}{suffix}" for suffix in COMPANIONS}
        if is_own or path.parent.name == "data":
            _rewrite(path, own, rf"\g<1>: {new}", changed, root)
    for suffix in (".md", *COMPANIONS):
        path = record.with_name(f"{old}{suffix}")
        if path.exists():
            path.rename(record.with_name(f"{new}{suffix}"))
            changed.append(f"{path.relative_to(root).as_posix()} -> {new}{suffix}")
    return sorted(set(changed))


def rename_page(root: Path, old: str, new: str) -> list[str]:
    """Rename the page `old` (its path inside docs/<lang>/, e.g. chips.md) to `new`."""
    if not (old.endswith(".md") and new.endswith(".md")):
        raise RenameError("give both pages as paths inside docs/<lang>/, e.g. chips.md")
    site = site_codes(root)
    for lang in site:
        if not (root / "docs" / lang / old).is_file():
            raise RenameError(f"no page docs/{lang}/{old}")
        if (root / "docs" / lang / new).exists():
            raise RenameError(f"docs/{lang}/{new} already exists")
    changed: list[str] = []
    link = re.compile(rf"\]\({re.escape(old)}(?=[)#])")
    named = re.compile(rf"(?<=[\[\s,]){re.escape(old)}(?=[\],\s])")
    nav = re.compile(rf"^([ \t]*-[ \t]*(?:[^:\n]*:[ \t]*)?){re.escape(old)}[ \t]*$", re.MULTILINE)
    for path in sorted((root / "docs").rglob("*.md")):
        _rewrite(path, link, f"]({new}", changed, root)
    corrections = root / "data" / "corrections.yml"
    if corrections.exists():
        text = corrections.read_text("utf-8")
        lines = [
            named.sub(new, line) if re.match(r"\s*pages:", line) else line
            for line in text.splitlines(keepends=True)
        ]
        if "".join(lines) != text:
            corrections.write_text("".join(lines), "utf-8")
            changed.append("data/corrections.yml")
    _rewrite(root / "mkdocs.yml", nav, rf"\g<1>{new}", changed, root)
    for lang in site:
        source, target = root / "docs" / lang / old, root / "docs" / lang / new
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)
        changed.append(f"docs/{lang}/{old} -> {new}")
    return sorted(set(changed))
