"""Turn raw documents into typed `Source` records, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .accounts import SUFFIX as ACCOUNTS
from .accounts import load_accounts
from .errors import Problem, Report
from .fields import (
    INVALID,
    Choice,
    Day,
    Field,
    Fields,
    FuzzyDateOf,
    Ident,
    Judged,
    Languages,
    LanguageTag,
    ListOf,
    OfType,
    Strings,
    Text,
    Url,
)
from .identity import normalise_url, text_hash
from .load import Document, Key, paragraphs_of, read_document
from .model import Source
from .strings import KINDS

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRANSLATIONS = ".translations.yml"  # a seed article's paragraph translations, beside it

# Source pages live at sources/<id>/; these names are taken by generated pages there.
RESERVED_IDS = frozenset({"index", "downloads", "search", "assets"})


def _draft_field(at: Fields, name: str) -> bool:
    part, _, lang = name.partition(".")
    return name.count(".") == 1 and part in ("title", "note") and lang in at.languages


# A source's front matter, field by field: what it holds and how an editor writes it.
SOURCE: tuple[Field, ...] = (
    Field(
        "id",
        Ident(ID_RE),
        hint="use lower-case letters, digits and hyphens, e.g. 'asiatimes-h20-2025-07'",
    ),
    Field("language", LanguageTag(), hint="use a BCP 47 tag such as ja, fr, de, en or zh-Hans"),
    Field(
        "title",
        # Judged by the raw tag, so a bad tag is one problem, not also a missing title.
        Languages(extra=("original",), own_language="language"),
        hint="give 'original:' and one line per site language (en, ja, fr, de)",
    ),
    Field(
        "outlet",
        Text(),
        null=True,
        hint="name the outlet, or write 'outlet: null' if the publisher is not identified",
    ),
    Field(
        "author",
        Text(),
        null=True,
        hint="name the author, or write 'author: null' if none is stated",
    ),
    Field(
        "published",
        FuzzyDateOf(future_fix="give the day the article was published (check the year)"),
        hint="write 'published: {date: 2026-01-28, precision: day}' "
        "(precision: day, month, year or approximate)",
    ),
    Field("accessed", Day(), hint="write the date the text was captured as YYYY-MM-DD"),
    Field(
        "url",
        Url(),
        null=True,
        hint="give an http:// or https:// address, or 'url: null' if unknown",
    ),
    Field("kind", Choice(KINDS, "a known kind"), hint="use one of: " + ", ".join(KINDS)),
    Field(
        "note",
        Languages(),
        hint="write a short note for readers in each site language (en, ja, fr, de)",
    ),
    Field(
        "removed",
        ListOf(Languages()),
        hint="list what was cut from the capture, each item in en, ja, fr and de; "
        "write 'removed: []' if nothing was",
    ),
    Field(
        "original_file",
        OfType(str, "expected the file name as text"),
        required=False,
        null=True,
        hint="give the received file's name as text",
    ),
    Field(
        "same_text_as",
        Strings("expected a list of source ids"),
        required=False,
        hint="list the ids of sources that carry the same text, e.g. [gate-fr-h200]",
    ),
    Field(
        "reproduction",
        Judged(),  # 'whole', and only with a text and its original_file: _across_fields
        required=False,
        hint="only the articles the briefing was given are held whole: they say "
        "'reproduction: whole' and name their 'original_file'; remove the line from any other "
        "source",
    ),
    Field(
        "draft",
        Strings(
            "expected fields such as note.fr or title.de, found {value!r}", accept=_draft_field
        ),
        required=False,
        hint="list the fields still awaiting review, e.g. draft: [note.fr, title.de]",
    ),
)
HINTS = {field.name: field.hint for field in SOURCE}


class _Checker(Fields):
    """Checks one document's metadata (front matter: its keys start on line 2)."""

    family = "source"

    first_line = 2

    def __init__(self, doc: Document, languages: Sequence[str], drafts: bool = False) -> None:
        super().__init__(doc.path, doc.lines, languages)
        self.hints = HINTS
        self.problems.extend(doc.problems)
        self.drafts = drafts  # accept empty translations ("") as a draft's missing fields
        self.missing_texts: list[str] = []

    def unknown(self, key: Key, name: str, allowed: Sequence[str]) -> None:
        self.fail(
            (name,),
            f"unknown field '{name}'",
            f"remove it, or use one of: {', '.join(allowed)}",
            "unknown-field",
        )

    def missing(self, key: Key, field: Field) -> None:
        self.report(
            1,
            f"{field.name}: the field is missing",
            f"add it to the front matter: {field.hint}",
            "missing",
        )

    def text(self, key: Key, value: Any) -> str | None:
        name = ".".join(map(str, key))
        if self.drafts and value == "" and len(key) >= 2 and key[-1] in self.languages:
            self.missing_texts.append(name)
            return f"[{name}: to be written]"
        return super().text(key, value)


def check_source(
    doc: Document, languages: Sequence[str], drafts: bool = False
) -> tuple[Source | None, list[Problem]]:
    """Validate one document as a source record: its fields as SOURCE declares them, then
    what holds between them.

    With `drafts` (the live preview), translations left empty ("") by `new` are not
    problems: the source is returned with `missing` naming them.
    """
    checker = _Checker(doc, languages, drafts)
    if doc.problems and not doc.meta:
        return None, checker.problems
    values = checker.read(SOURCE, (), doc.meta)
    paragraphs, lines = paragraphs_of(doc.body, doc.body_line)
    _across_fields(checker, values, doc, bool(paragraphs))
    if checker.problems or any(values.get(name, INVALID) is INVALID for name in _REQUIRED_VALUES):
        return None, checker.problems
    titles = dict(values["title"])
    title_original = titles.pop("original", None)
    if title_original is None:  # reported: the title's original line
        return None, checker.problems
    if values["language"] in languages:
        titles.setdefault(values["language"], title_original)
    return Source(
        id=values["id"],
        path=doc.path,
        language=values["language"],
        original_file=values.get("original_file"),
        title_original=title_original,
        titles=titles,
        outlet=values["outlet"],
        author=values["author"],
        published=values["published"],
        accessed=values["accessed"],
        url=values["url"],
        kind=values["kind"],
        notes=values["note"],
        removed=tuple(values["removed"]),
        same_text_as=tuple(values.get("same_text_as", ())),
        paragraphs=paragraphs,
        paragraph_lines=lines,
        missing=tuple(checker.missing_texts),
        drafts=tuple(values.get("draft", ())),
    ), checker.problems


# A source is built only when these read (the others fall back to what is allowed).
_REQUIRED_VALUES = ("id", "language", "title", "published", "accessed", "kind")


def _across_fields(
    checker: _Checker, values: dict[str, Any], doc: Document, has_text: bool
) -> None:
    """The rules between fields: a source does not name itself as the same text, and only a
    given article (reproduction: whole, with its original_file) holds a text."""
    same = values.get("same_text_as")
    if isinstance(same, list) and isinstance(values.get("id"), str) and values["id"] in same:
        checker.fail(
            ("same_text_as",),
            f"the source names itself ('{values['id']}')",
            "list the other sources that carry the same text, not this one",
            "names-itself",
        )
    reproduction = doc.meta.get("reproduction")
    if has_text and (reproduction != "whole" or not doc.meta.get("original_file")):
        stem = Path(doc.path).stem
        checker.report(
            doc.body_line,
            "the file holds an article's text, which the project keeps only for the "
            "articles the briefing was given (reproduction: whole, with original_file)",
            f"run `make accounts SOURCE={stem}`: the text leaves the file and "
            f"{stem}{ACCOUNTS} gets a slot per paragraph for what it reports, "
            "in the site's words",
            "text-not-given",
        )
    elif "reproduction" in doc.meta and reproduction != "whole":
        checker.fail(("reproduction",), f"{reproduction!r} is not 'whole'", None, "not-allowed")
    elif reproduction == "whole" and not has_text:
        checker.fail(
            ("reproduction",),
            "a record without text has nothing to reproduce",
            "remove the line, or paste the given article's text after the front matter",
            "nothing-to-reproduce",
        )


def _with_accounts(
    source: Source, root: Path, drafts: bool, languages: Sequence[str]
) -> tuple[Source | None, list[Problem]]:
    """The source with its accounts, if it has any (a held text has none)."""
    accounts, problems = load_accounts(source.path, source.id, root, languages, drafts)
    if accounts is None:
        return (None if problems else source), problems
    if source.has_text:
        problems.append(
            Problem(
                accounts.path,
                1,
                "a text held whole needs no accounts: its paragraphs are shown with the "
                "site's translations",
                "delete this file",
                "accounts.not-needed",
            )
        )
    if problems:
        return None, problems
    return (
        replace(
            source,
            accounts=tuple(accounts.texts),
            account_file=accounts.path,
            account_lines=tuple(accounts.lines),
            account_drafts=tuple(accounts.drafts),
            missing=source.missing + tuple(accounts.missing),
        ),
        [],
    )


def _duplicates(
    source: Source, doc: Document, by_url: dict[str, str], by_text: dict[str, str]
) -> list[Problem]:
    """The same article must not enter the corpus twice (under two ids)."""
    found = []
    if source.url:
        key = normalise_url(source.url)
        if key in by_url:
            found.append(
                Problem(
                    source.path,
                    doc.lines.get(("url",), 2),
                    f"url: the same address as {by_url[key]}",
                    "this article is already a source: delete this file and cite the existing one",
                    "source.same-url",
                )
            )
        by_url.setdefault(key, source.path)
    digest = text_hash("\n".join(source.paragraphs))
    if digest:
        if digest in by_text:
            found.append(
                Problem(
                    source.path,
                    doc.body_line,
                    f"the text is the same as in {by_text[digest]}",
                    "this article is already a source: delete this file and cite the existing one",
                    "source.same-text",
                )
            )
        by_text.setdefault(digest, source.path)
    return found


def _not_a_source(path: Path, shown: str) -> Problem | bool:
    """Whether a file under seeds/ is a source to read (True), a file beside one to skip
    (False: a folder, a hidden file, a companion with its source), or misplaced (why)."""
    if path.is_symlink():
        return Problem(
            shown,
            1,
            "links do not belong in seeds/",
            "replace the link with the file itself",
            "source.link",
        )
    if path.is_dir() or path.name.startswith("."):
        return False
    companion = next((s for s in (ACCOUNTS, TRANSLATIONS) if path.name.endswith(s)), None)
    if companion:
        stem = path.name.removesuffix(companion)
        if path.with_name(stem + ".md").exists():
            return False
        what = "accounts" if companion == ACCOUNTS else "translations"
        return Problem(
            shown,
            1,
            f"{what} without a source: no {stem}.md beside them (an id renamed by "
            "hand leaves its companion files behind)",
            "rename a source with `make rename OLD=<id> NEW=<id>`; otherwise rename "
            "this file after its source's id, or delete it",
            "source.orphan-companion",
        )
    if path.suffix != ".md":
        return Problem(
            shown,
            1,
            "only .md files belong in seeds/",
            "rename it to end in .md, or move it out of seeds/",
            "source.not-markdown",
        )
    return True


def _id_problems(
    doc: Document, path: Path, shown: str, raw_id: str, first_path: dict[str, str]
) -> list[Problem]:
    """An id used by another file, taken by a generated page, or not the file's name."""
    line = doc.lines.get(("id",), 2)
    if raw_id in first_path:
        return [
            Problem(
                shown,
                line,
                f"id: '{raw_id}' is already used by {first_path[raw_id]}",
                "give this source a different id",
                "source.same-id",
            )
        ]
    if raw_id in RESERVED_IDS:
        return [
            Problem(
                shown,
                line,
                f"id: '{raw_id}' is the name of a page the site generates (sources/{raw_id}/)",
                "choose another id",
                "source.reserved-id",
            )
        ]
    if ID_RE.match(raw_id) and path.stem != raw_id:
        return [
            Problem(
                shown,
                line,
                f"id: '{raw_id}' does not match the file name '{path.name}'",
                f"rename the file to {raw_id}.md, or change the id to "
                f"'{path.stem}' (and the citations that use it)",
                "source.id-not-file-name",
            )
        ]
    return []


def _complete(
    source: Source,
    doc: Document,
    root: Path,
    drafts: bool,
    languages: Sequence[str],
    problems: Report,
) -> Source | None:
    """The source with its accounts, if it has something to show: paragraphs or a URL."""
    found, trouble = _with_accounts(source, root, drafts, languages)
    problems.extend(trouble)
    if found and not found.paragraph_count and found.url is None:
        problems.add(
            source.path,
            doc.body_line,
            "the source has neither paragraphs (a text or the site's accounts) nor a URL",
            "give the article's url, so that readers can find it",
            "source.nothing-to-show",
        )
        return None
    return found


def load_sources(
    seeds_dir: Path,
    root: Path,
    languages: Sequence[str],
    seen_ids: set[str] | None = None,
    drafts: bool = False,
) -> tuple[dict[str, Source], list[Problem]]:
    """Read and validate every `*.md` under `seeds_dir`; check ids across files.

    `seen_ids` receives every id found, valid or not, so that citations of a source
    that failed validation are not reported a second time as unknown. `languages`: those
    every source's title and note are given in.
    """
    sources: dict[str, Source] = {}
    problems = Report()
    first_path: dict[str, str] = {}
    by_url: dict[str, str] = {}  # normalised address -> path of the first source with it
    by_text: dict[str, str] = {}  # text hash -> path
    for path in sorted(seeds_dir.rglob("*")):
        shown = path.relative_to(root).as_posix()
        kind = _not_a_source(path, shown)
        if kind is not True:
            problems.extend([kind] if isinstance(kind, Problem) else [])
            continue
        doc = read_document(path, root)
        source, found = check_source(doc, languages, drafts)
        problems.extend(found)
        raw_id = doc.meta.get("id") if isinstance(doc.meta.get("id"), str) else None
        if raw_id:
            trouble = _id_problems(doc, path, shown, raw_id, first_path)
            problems.extend(trouble)
            if raw_id in first_path:
                continue
            first_path[raw_id] = shown
            if seen_ids is not None:
                seen_ids.add(raw_id)
        if source and (source := _complete(source, doc, root, drafts, languages, problems)):
            problems.extend(_duplicates(source, doc, by_url, by_text))
            sources[source.id] = source
    for source in sources.values():
        for other in source.same_text_as:
            if other not in sources and other not in first_path:
                problems.add(
                    source.path,
                    2,
                    f"same_text_as: no source has id '{other}'",
                    "use the id of an existing source in seeds/",
                    "source.unknown-ref",
                )
    return sources, problems
