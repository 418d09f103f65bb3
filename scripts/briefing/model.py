"""Typed, closed records for sources and their citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "approximate")


@dataclass(frozen=True)
class FuzzyDate:
    """A date and how exactly it is known: day, month, year, or approximate (around a day)."""

    year: int
    month: int | None
    day: int | None
    precision: str

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class Source:
    """One source record: metadata in every site language, and its paragraphs (maybe none)."""

    id: str
    path: str
    language: str
    original_file: str | None
    title_original: str
    titles: dict[str, str]  # site language -> title in that language
    outlet: str | None  # None: publisher not identified
    author: str | None  # None: not stated
    published: FuzzyDate
    accessed: dt.date
    url: str | None
    kind: str
    notes: dict[str, str]
    removed: tuple[dict[str, str], ...]
    same_text_as: tuple[str, ...]
    paragraphs: tuple[str, ...]
    paragraph_lines: tuple[int, ...]
    # A draft (only under `mkdocs serve`): the fields still empty, e.g. ("title.de", "note.ja").
    missing: tuple[str, ...] = ()
    # The site's account of each paragraph of a source whose text it does not hold:
    # accounts[n - 1][lang], in every site language; the line of each in `account_file`.
    accounts: tuple[dict[str, str], ...] = ()
    account_file: str | None = None
    account_lines: tuple[int, ...] = ()
    # Drafts awaiting review (see states.py): record fields ("note.fr") and, per account
    # entry, its languages.
    drafts: tuple[str, ...] = ()
    account_drafts: tuple[tuple[str, ...], ...] = ()

    @property
    def has_text(self) -> bool:
        """The article's own words are held (one of the articles the briefing was given)."""
        return bool(self.paragraphs)

    @property
    def has_accounts(self) -> bool:
        return bool(self.accounts)

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs a citation may point at: the text's, or the accounts'."""
        return len(self.paragraphs) or len(self.accounts)

    @property
    def reproduction(self) -> str | None:
        """What the site holds of the article: "whole" (its words), "accounts" (the site's
        account of each paragraph), None (the record only)."""
        if self.paragraphs:
            return "whole"
        return "accounts" if self.accounts else None

    def account(self, number: int, lang: str) -> str:
        """The site's account of paragraph `number` in `lang` ("" while a draft's is empty)."""
        if not 1 <= number <= len(self.accounts):
            return ""
        return self.accounts[number - 1].get(lang, "")

    @property
    def title_is_ours(self) -> bool:
        """A title the site wrote for a record without its headline: in brackets, e.g.
        "[SMBOM news item on the H20's specifications]", or after a bracketed marker, e.g.
        "[No headline captured] Nvidia demands full prepayment…". Shown in the reader's
        language, never as the outlet's words."""
        title = self.title_original
        return (title.startswith("[") and "]" in title) or (
            title.startswith("〔") and "〕" in title
        )

    def title_note(self, lang: str) -> tuple[str, str]:
        """The title in `lang` as (the site's bracketed note that opens it, the rest), e.g.
        ("[No headline captured]", " Nvidia demands…"): pages mark the note so that search
        results, which show titles and excerpts, can leave it out. ("", title) when there is
        no such note or the brackets are the whole title (the site's description)."""
        title = self.titles[lang]
        close = {"[": "]", "〔": "〕"}.get(title[:1])
        end = title.find(close) + 1 if close and self.title_is_ours else 0
        if not end or not title[end:].strip():
            return "", title
        return title[:end], title[end:]


@dataclass(frozen=True)
class Cite:
    """One `@id` inside a citation bracket, with an optional paragraph range."""

    source_id: str
    first: int | None = None
    last: int | None = None

    @property
    def locator(self) -> str:
        if self.first is None:
            return ""
        if self.last is None or self.last == self.first:
            return f"¶{self.first}"
        return f"¶{self.first}–{self.last}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.source_id, self.locator)
