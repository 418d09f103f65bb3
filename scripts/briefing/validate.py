"""Turn raw documents into typed `Source` records, collecting every problem."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from . import LANGUAGE_NAMES, SITE_LANGUAGES
from .accounts import SUFFIX as ACCOUNTS
from .accounts import load_accounts
from .errors import Problem, Refused
from .identity import normalise_url, text_hash
from .keypaths import KeyPaths
from .load import Document, Key, paragraphs_of, read_document
from .model import PRECISIONS, FuzzyDate, Source
from .strings import KINDS

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

REQUIRED = (
    "id",
    "language",
    "title",
    "outlet",
    "author",
    "published",
    "accessed",
    "url",
    "kind",
    "note",
    "removed",
)
OPTIONAL = ("original_file", "same_text_as", "reproduction", "draft")
TRANSLATIONS = ".translations.yml"  # a seed article's paragraph translations, beside it

# Source pages live at sources/<id>/; these names are taken by generated pages there.
RESERVED_IDS = frozenset({"index", "downloads", "search", "assets"})

HINTS = {
    "id": "use lower-case letters, digits and hyphens, e.g. 'asiatimes-h20-2025-07'",
    "language": "use a BCP 47 tag such as ja, fr, de, en or zh-Hans",
    "title": "give 'original:' and one line per site language (en, ja, fr, de)",
    "outlet": "name the outlet, or write 'outlet: null' if the publisher is not identified",
    "author": "name the author, or write 'author: null' if none is stated",
    "published": "write 'published: {date: 2026-01-28, precision: day}' "
    "(precision: day, month, year or approximate)",
    "accessed": "write the date the text was captured as YYYY-MM-DD",
    "url": "give an http:// or https:// address, or 'url: null' if unknown",
    "kind": "use one of: " + ", ".join(KINDS),
    "note": "write a short note for readers in each site language (en, ja, fr, de)",
    "removed": "list what was cut from the capture, each item in en, ja, fr and de; "
    "write 'removed: []' if nothing was",
    "original_file": "give the received file's name as text",
    "same_text_as": "list the ids of sources that carry the same text, e.g. [gate-fr-h200]",
    "draft": "list the fields still awaiting review, e.g. draft: [note.fr, title.de]",
    "reproduction": "only the articles the briefing was given are held whole: they say "
    "'reproduction: whole' and name their 'original_file'; remove the line from any other "
    "source",
}


class _Checker(KeyPaths):
    """Checks one document's metadata (front matter: its keys start on line 2)."""

    family = "source"

    first_line = 2

    def __init__(self, doc: Document, drafts: bool = False) -> None:
        super().__init__(doc.path, doc.lines)
        self.doc = doc
        self.problems.extend(doc.problems)
        self.drafts = drafts  # accept empty translations ("") as a draft's missing fields
        self.missing: list[str] = []

    def default_fix(self, key: Key) -> str:
        return HINTS.get(str(key[0]) if key else "", "see CONTRIBUTING.md")

    def text(self, key: Key, value: Any) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        name = ".".join(map(str, key))
        if self.drafts and value == "" and len(key) >= 2 and key[-1] in SITE_LANGUAGES:
            self.missing.append(name)
            return f"[{name}: to be written]"
        fix = None
        if isinstance(value, str) and len(key) == 2 and key[1] in SITE_LANGUAGES:
            fix = f"write the {key[0]} in {LANGUAGE_NAMES[str(key[1])]} between the quotes"
        self.fail(key, f"expected text, found {_describe(value)}", fix)
        return None

    def languages(
        self, key: Key, value: Any, required: Iterable[str], allowed: Iterable[str]
    ) -> dict[str, str]:
        if not isinstance(value, dict):
            self.fail(key, f"expected one line per language, found {_describe(value)}")
            return {}
        out: dict[str, str] = {}
        for name in value:
            if name not in allowed:
                self.fail(
                    (*key, name), f"unknown field '{name}'", f"use only: {', '.join(allowed)}"
                )
        for name in required:
            if name not in value:
                self.fail(
                    key, f"the '{name}' line is missing", f"add '{name}: ...' under '{key[-1]}'"
                )
            elif (text := self.text((*key, name), value[name])) is not None:
                out[name] = text
        self.check_languages(key, out)
        return out


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return repr(value) if value.strip() else "an empty text"
    return f"a {type(value).__name__} ({value!r})"[:80]


def parse_fuzzy_date(value: Any, precision: Any) -> FuzzyDate | Refused:
    """Parse 'YYYY[-MM[-DD]]' with a precision: the date, or why it is not one."""
    if precision not in PRECISIONS:
        return Refused(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    match = DATE_RE.match(str(value)) if isinstance(value, str | int) else None
    if not match:
        return Refused(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year or 0, month or 1, day or 1)
    except ValueError:
        return Refused(f"{value!r} is not a valid calendar date")
    wanted = {
        "day": day is not None,
        "month": month is not None and day is None,
        "year": month is None,
        "approximate": True,
    }
    if not wanted[precision]:
        return Refused(f"{value!r} does not match precision '{precision}'")
    return FuzzyDate(year or 0, month, day, precision)


def language_tag(value: Any) -> str | None:
    """A BCP 47 tag that Babel knows (so it can be named in every site language)."""
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
        return None
    try:
        Locale.parse(value, sep="-")
    except (UnknownLocaleError, ValueError):
        return None
    return value


def check_source(doc: Document, drafts: bool = False) -> tuple[Source | None, list[Problem]]:
    """Validate one document as a source record.

    With `drafts` (the live preview), translations left empty ("") by `new` are not
    problems: the source is returned with `missing` naming them.
    """
    c = _Checker(doc, drafts)
    meta = doc.meta
    if doc.problems and not meta:
        return None, c.problems
    for key in meta:
        if key not in REQUIRED + OPTIONAL:
            c.fail(
                (key,),
                f"unknown field '{key}'",
                f"remove it, or use one of: {', '.join(REQUIRED + OPTIONAL)}",
            )
    for key in REQUIRED:
        if key not in meta:
            c.problems.append(
                Problem(
                    doc.path,
                    1,
                    f"{key}: the field is missing",
                    f"add it to the front matter: {HINTS[key]}",
                )
            )
    get = meta.get

    source_id = c.text(("id",), get("id")) if "id" in meta else None
    if source_id and not ID_RE.match(source_id):
        c.fail(("id",), f"{source_id!r} is not a valid id")
        source_id = None

    language = None
    if "language" in meta:
        language = language_tag(get("language"))
        if language is None:
            c.fail(("language",), f"{get('language')!r} is not a supported language tag")

    titles: dict[str, str] = {}
    title_original = None
    if "title" in meta:
        # Judge by the raw tag, so a bad tag is one problem, not also a missing title.
        needed = [lang for lang in SITE_LANGUAGES if lang != get("language")]
        titles = c.languages(
            ("title",), get("title"), ["original", *needed], ["original", *SITE_LANGUAGES]
        )
        title_original = titles.pop("original", None)
        if language in SITE_LANGUAGES and title_original:
            titles.setdefault(language, title_original)

    outlet = _nullable(c, meta, "outlet")
    author = _nullable(c, meta, "author")

    published = None
    if "published" in meta:
        pub = get("published")
        if not isinstance(pub, dict) or set(pub) - {"date", "precision"}:
            c.fail(("published",), "expected 'date' and 'precision' only")
        else:
            date = parse_fuzzy_date(pub.get("date"), pub.get("precision"))
            if isinstance(date, Refused):
                c.fail(("published", "date"), date.reason)
            elif date.sort_key > dt.date.today():
                c.fail(
                    ("published", "date"),
                    f"{pub.get('date')} is in the future",
                    "give the day the article was published (check the year)",
                )
            else:
                published = date

    accessed = None
    if "accessed" in meta:
        fuzzy = parse_fuzzy_date(get("accessed"), "day")
        if isinstance(fuzzy, Refused):
            c.fail(("accessed",), fuzzy.reason)
        elif fuzzy.sort_key > dt.date.today():
            c.fail(("accessed",), f"{get('accessed')} is in the future", HINTS["accessed"])
        else:
            accessed = fuzzy.sort_key

    url = _nullable(c, meta, "url")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            c.fail(("url",), f"{url!r} is not an http(s) address")
            url = None

    kind = get("kind")
    if "kind" in meta and kind not in KINDS:
        c.fail(("kind",), f"{kind!r} is not a known kind")

    notes = (
        c.languages(("note",), get("note"), SITE_LANGUAGES, SITE_LANGUAGES)
        if "note" in meta
        else {}
    )

    removed: list[dict[str, str]] = []
    if "removed" in meta:
        items = get("removed")
        if not isinstance(items, list):
            c.fail(("removed",), f"expected a list, found {_describe(items)}")
        else:
            for index, item in enumerate(items):
                removed.append(
                    c.languages(("removed", index), item, SITE_LANGUAGES, SITE_LANGUAGES)
                )

    same = get("same_text_as", [])
    if not isinstance(same, list) or not all(isinstance(s, str) for s in same):
        c.fail(("same_text_as",), "expected a list of source ids")
        same = []
    elif source_id in same:
        c.fail(
            ("same_text_as",),
            f"the source names itself ('{source_id}')",
            "list the other sources that carry the same text, not this one",
        )

    under_review = get("draft", [])
    if not isinstance(under_review, list) or not all(
        isinstance(d, str)
        and d.count(".") == 1
        and d.split(".")[0] in ("title", "note")
        and d.split(".")[1] in SITE_LANGUAGES
        for d in under_review
    ):
        c.fail(("draft",), f"expected fields such as note.fr or title.de, found {under_review!r}")
        under_review = []

    original_file = get("original_file")
    if original_file is not None and not isinstance(original_file, str):
        c.fail(("original_file",), "expected the file name as text")

    paragraphs, lines = paragraphs_of(doc.body, doc.body_line)

    reproduction = get("reproduction")
    if paragraphs and (reproduction != "whole" or not original_file):
        c.problems.append(
            Problem(
                doc.path,
                doc.body_line,
                "the file holds an article's text, which the project keeps only for the "
                "articles the briefing was given (reproduction: whole, with original_file)",
                f"run `make accounts SOURCE={Path(doc.path).stem}`: the text leaves the file and "
                f"{Path(doc.path).stem}{ACCOUNTS} gets a slot per paragraph for what it reports, "
                "in the site's words",
            )
        )
    elif "reproduction" in meta and reproduction != "whole":
        c.fail(("reproduction",), f"{reproduction!r} is not 'whole'", HINTS["reproduction"])
    elif reproduction == "whole" and not paragraphs:
        c.fail(
            ("reproduction",),
            "a record without text has nothing to reproduce",
            "remove the line, or paste the given article's text after the front matter",
        )

    if (
        c.problems
        or source_id is None
        or language is None
        or title_original is None
        or published is None
        or accessed is None
        or kind not in KINDS
    ):
        return None, c.problems
    return Source(
        id=source_id,
        path=doc.path,
        language=language,
        original_file=original_file,
        title_original=title_original,
        titles=titles,
        outlet=outlet,
        author=author,
        published=published,
        accessed=accessed,
        url=url,
        kind=kind,
        notes=notes,
        removed=tuple(removed),
        same_text_as=tuple(same),
        paragraphs=paragraphs,
        paragraph_lines=lines,
        missing=tuple(c.missing),
        drafts=tuple(under_review),
    ), c.problems


def _with_accounts(source: Source, root: Path, drafts: bool) -> tuple[Source | None, list[Problem]]:
    """The source with its accounts, if it has any (a held text has none)."""
    accounts, problems = load_accounts(source.path, source.id, root, drafts)
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


def _nullable(c: _Checker, meta: dict[str, Any], key: str) -> str | None:
    if key not in meta or meta[key] is None:
        return None
    return c.text((key,), meta[key])


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
                )
            )
        by_text.setdefault(digest, source.path)
    return found


def load_sources(
    seeds_dir: Path, root: Path, seen_ids: set[str] | None = None, drafts: bool = False
) -> tuple[dict[str, Source], list[Problem]]:
    """Read and validate every `*.md` under `seeds_dir`; check ids across files.

    `seen_ids` receives every id found, valid or not, so that citations of a source
    that failed validation are not reported a second time as unknown.
    """
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    first_path: dict[str, str] = {}
    by_url: dict[str, str] = {}  # normalised address -> path of the first source with it
    by_text: dict[str, str] = {}  # text hash -> path
    for path in sorted(seeds_dir.rglob("*")):
        shown = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(
                Problem(
                    shown,
                    1,
                    "links do not belong in seeds/",
                    "replace the link with the file itself",
                )
            )
            continue
        if path.is_dir() or path.name.startswith("."):
            continue
        companion = next((s for s in (ACCOUNTS, TRANSLATIONS) if path.name.endswith(s)), None)
        if companion:
            stem = path.name.removesuffix(companion)
            if not path.with_name(stem + ".md").exists():
                what = "accounts" if companion == ACCOUNTS else "translations"
                problems.append(
                    Problem(
                        shown,
                        1,
                        f"{what} without a source: no {stem}.md beside them (an id renamed by "
                        "hand leaves its companion files behind)",
                        "rename a source with `make rename OLD=<id> NEW=<id>`; otherwise rename "
                        "this file after its source's id, or delete it",
                    )
                )
            continue
        if path.suffix != ".md":
            problems.append(
                Problem(
                    shown,
                    1,
                    "only .md files belong in seeds/",
                    "rename it to end in .md, or move it out of seeds/",
                )
            )
            continue
        doc = read_document(path, root)
        source, found = check_source(doc, drafts)
        problems.extend(found)
        raw_id = doc.meta.get("id") if isinstance(doc.meta.get("id"), str) else None
        if raw_id and raw_id in first_path:
            problems.append(
                Problem(
                    shown,
                    doc.lines.get(("id",), 2),
                    f"id: '{raw_id}' is already used by {first_path[raw_id]}",
                    "give this source a different id",
                )
            )
            continue
        if raw_id and raw_id in RESERVED_IDS:
            problems.append(
                Problem(
                    shown,
                    doc.lines.get(("id",), 2),
                    f"id: '{raw_id}' is the name of a page the site generates (sources/{raw_id}/)",
                    "choose another id",
                )
            )
        elif raw_id and ID_RE.match(raw_id) and path.stem != raw_id:
            problems.append(
                Problem(
                    shown,
                    doc.lines.get(("id",), 2),
                    f"id: '{raw_id}' does not match the file name '{path.name}'",
                    f"rename the file to {raw_id}.md, or change the id to "
                    f"'{path.stem}' (and the citations that use it)",
                )
            )
        if raw_id:
            first_path[raw_id] = shown
            if seen_ids is not None:
                seen_ids.add(raw_id)
        if source:
            source, trouble = _with_accounts(source, root, drafts)
            problems.extend(trouble)
        if source and not source.paragraph_count and source.url is None:
            problems.append(
                Problem(
                    shown,
                    doc.body_line,
                    "the source has neither paragraphs (a text or the site's accounts) nor a URL",
                    "give the article's url, so that readers can find it",
                )
            )
            source = None
        if source:
            problems.extend(_duplicates(source, doc, by_url, by_text))
            sources[source.id] = source
    for source in sources.values():
        for other in source.same_text_as:
            if other not in sources and other not in first_path:
                problems.append(
                    Problem(
                        source.path,
                        2,
                        f"same_text_as: no source has id '{other}'",
                        "use the id of an existing source in seeds/",
                    )
                )
    return sources, problems
