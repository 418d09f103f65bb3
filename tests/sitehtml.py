"""Small HTML reader for assertions on the built site (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    lang: str  # the language in force at this element (nearest lang attribute)


@dataclass
class Doc:
    tags: list[Tag] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    html_lang: str = ""


class _Reader(HTMLParser):
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Doc()
        self.langs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        lang = values.get("lang") or (self.langs[-1][1] if self.langs else "")
        if tag == "html":
            self.doc.html_lang = values.get("lang", "")
        if "id" in values:
            self.doc.ids.add(values["id"])
        self.doc.tags.append(Tag(tag, values, lang))
        if tag not in self.VOID:
            self.langs.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.langs) - 1, -1, -1):
            if self.langs[index][0] == tag:
                del self.langs[index:]
                break


@cache
def read(path: Path) -> Doc:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.doc


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("ja", "fr", "de") else "en"
