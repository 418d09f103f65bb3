"""Small HTML readers for assertions on the built site (the standard library's parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from briefing import DEFAULT_LANGUAGE
from briefing.languages import LANGUAGES
from briefing.typography import SKIP, VOID


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
    VOID = VOID

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
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


class TextReader(HTMLParser):
    """The text of a page inside the elements it keeps: `keeps` decides for each element,
    from its tag, its attributes and its parent's verdict, and the verdict holds for all the
    element contains. `outside` is the verdict for text outside every element."""

    outside = True

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []

    def keeps(self, tag: str, attrs: dict[str, str | None], parent: bool) -> bool:
        raise NotImplementedError

    def _kept(self) -> bool:
        return self.stack[-1][1] if self.stack else self.outside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, self.keeps(tag, dict(attrs), self._kept())))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._kept():
            self.chunks.append(data)


class _Text(TextReader):
    """The visible text of a page in its own language: outside code and scripts, verbatim
    originals (`data-verbatim`) and passages in another language (what typography sets)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def keeps(self, tag: str, attrs: dict[str, str | None], parent: bool) -> bool:
        other = attrs.get("lang") not in (None, self.lang)
        return parent and not (tag in SKIP or "data-verbatim" in attrs or other)


def visible_text(path: Path, lang: str) -> str:
    reader = _Text(lang)
    reader.feed(path.read_text("utf-8"))
    return "\n".join(reader.chunks)
