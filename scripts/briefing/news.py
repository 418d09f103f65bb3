"""What's new: sources added, pages changed and the log's entries, newest first, as a page
and as an Atom feed per language.

A source is dated by the commit that added its file; a source not yet committed (or a
build without the repository's history) is dated by its `accessed` date. Pages are
listed by the days on which commits changed them; without history they are not listed,
and the page says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from .data import RATING_MENTION_RE, Correction
from .datafiles import DATA_FILES
from .exports import strip_citations
from .history import Commit, History
from .languages import ordinal_dot, spaced
from .project import Project
from .strings import label
from .templating import ENV, with_quotes, with_ratings
from .urls import feed_path, news_url, page_url, source_url

MAX_ENTRIES = 100


@dataclass(frozen=True)
class Entry:
    day: dt.date
    kind: str  # "source", "page", a change in the log (correction, update, reassessment), or
    # "status": a key question's answer changed (data/status.yml)
    key: str  # source id, or page path inside the language folder
    title: str  # what changed, in the reader's words: distinct from the other entries
    url: str  # site-relative
    time: int = 0  # commit time; 0 without history
    summary: str = ""  # more of what changed, in a sentence or two
    note: str = ""  # a source title's bracketed note the site wrote, which opens `title`

    @property
    def heading(self) -> str:
        """The title after its note (the page marks the note, which search leaves out)."""
        return self.title.removeprefix(self.note)


SUMMARY_CHARS = 240
# A sentence ends at a full stop followed by a space (or at the end), or at a full-width one;
# not at a number's full stop where the language writes ordinals so ("am 3. März").
SENTENCE_RE = re.compile(r"^(.{20,}?(?:[.!?](?=\s|$)|[。！？]))")
ORDINAL_SENTENCE_RE = re.compile(r"^(.{20,}?(?:(?<!\d)[.!?](?=\s|$)|[!?](?=\s|$)|[。！？]))")


def plain_text(text: str, lang: str, project: Project) -> str:
    """A text as readers see it, on one line: citations out, quotations and ratings in."""
    plain = with_quotes(
        with_ratings(strip_citations(text), lang), lang, project.data.quotes, project.sources
    )
    return " ".join(plain.split())


def _shortened(sentence: str) -> str:
    """A sentence cut to SUMMARY_CHARS, at a space where the language has them."""
    if len(sentence) <= SUMMARY_CHARS:
        return sentence
    cut = sentence[: SUMMARY_CHARS - 1]
    if " " in cut[-40:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def first_sentence(plain: str, lang: str) -> tuple[str, str]:
    """A plain text's first sentence (shortened if long) and the rest of the text."""
    match = (ORDINAL_SENTENCE_RE if ordinal_dot(lang) else SENTENCE_RE).match(plain)
    first = match.group(1) if match else plain
    return _shortened(first), plain[len(first) :].strip()


def summary(text: str, lang: str, project: Project) -> str:
    """A text's first sentence as readers see it."""
    return first_sentence(plain_text(text, lang, project), lang)[0]


def ratings_named(text: str) -> list[tuple[str, str, str]]:
    """The claims a log entry names with their ratings, in order: (claim, from, to). A claim
    named with more than one rating had the first and now has the last ("rated X, is now
    rated Y"); one named with a single rating has it (kept, or given to a new claim)."""
    named: dict[str, list[str]] = {}
    for rating, claim in RATING_MENTION_RE.findall(text):
        named.setdefault(claim, []).append(rating)
    return [(claim, r[0], r[-1]) for claim, r in named.items()]


def entries(project: Project, history: History, lang: str) -> list[Entry]:
    """The language's entries, newest first: by day, then by commit time, newest first.
    Three producers: the sources added, the pages changed, and what the record logs (a
    correction or update, a changed answer to a key question)."""
    found = [
        *_sources_added(project, history, lang),
        *_pages_changed(project, history, lang),
        *_record_changes(project, lang),
    ]
    found.sort(
        key=lambda e: (-e.day.toordinal(), -e.time, e.kind != "page", e.title.casefold(), e.key)
    )
    return found


def _sources_added(project: Project, history: History, lang: str) -> Iterator[Entry]:
    """Each source, on the day its file was added (or, outside git, it was captured)."""
    added: dict[str, Commit] = {}
    for commit in history.commits:  # newest first: keep the oldest "A"
        for status, path in commit.changes:
            if status == "A" and path.startswith("seeds/"):
                added[path] = commit
    for source in project.sources.values():
        adding = added.get(source.path)
        yield Entry(
            adding.day if adding else source.accessed,
            "source",
            source.id,
            source.titles[lang],
            source_url(source.id, lang),
            adding.time if adding else 0,
            summary(source.notes[lang], lang, project),
            source.title_note(lang)[0],
        )


def _pages_changed(project: Project, history: History, lang: str) -> Iterator[Entry]:
    """A page, once a day, when its file changes or when a data file it shows does (an
    edited timeline event changes the timeline and the actor pages that list it); its
    summary says which: the page's own text, or what it shows from the record."""
    if not history.available:
        return
    titles = project.page_titles(lang)
    showing: dict[str, list[str]] = {}  # data file -> pages that show it
    for scan in project.pages.get(lang, []):
        for name in scan.data_files:
            showing.setdefault(name, []).append(scan.rel)
    prefix = f"docs/{lang}/"
    found: dict[tuple[dt.date, str], tuple[int, set[str]]] = {}  # -> newest time, what changed
    for commit in history.commits:
        for status, path in commit.changes:
            if status not in "AM":
                continue
            if path.startswith("data/"):
                rels, what = showing.get(path, []), path
            else:
                rels, what = ([path.removeprefix(prefix)] if path.startswith(prefix) else []), ""
            for rel in rels:
                if rel in titles:
                    time, why = found.setdefault((commit.day, rel), (commit.time, set()))
                    why.add(what)
    for (day, rel), (time, why) in found.items():
        yield Entry(day, "page", rel, titles[rel], page_url(rel, lang), time, _why(why, lang))


def _why(changed: set[str], lang: str) -> str:
    """What changed on a page, in a sentence: its text (""), the record it shows (data/…)."""
    shown = [
        label(row.changes, lang)
        for name, row in DATA_FILES.items()
        if f"data/{name}" in changed and row.changes
    ]
    parts = [label("news_page_text", lang)] if "" in changed else []
    if shown:
        parts.append(label("news_page_data", lang).format(what=label("comma", lang).join(shown)))
    return ("" if not spaced(lang) else " ").join(parts)


def _record_changes(project: Project, lang: str) -> Iterator[Entry]:
    """Each entry of the log of corrections (when the log is shown) and each changed answer
    to a key question (when the status board is)."""
    log = project.log_page(lang)
    for change in project.data.corrections if log is not None else []:
        title, more = _what_changed(change, lang, project)
        yield Entry(
            change.day,
            change.kind,
            change.id,
            title,
            page_url(log or "", lang) + f"#corr-{change.id}",
            2**62,
            more,
        )
    titles = project.page_titles(lang)
    board = "status.md" if "status.md" in titles else None
    for question in project.data.questions if board is not None else []:
        for answer in question.answers:
            if answer.changed_by is None:
                continue  # the first answer recorded: not a change
            yield Entry(
                answer.as_of,
                "status",
                f"{question.id}-{answer.as_of.isoformat()}",
                question.question[lang],
                page_url(board or "", lang) + f"#q-{question.id}",
                2**62,
                summary(answer.text[lang], lang, project),
            )


def _what_changed(change: Correction, lang: str, project: Project) -> tuple[str, str]:
    """A log entry's title and summary. Where it changes a rating: the claim, its new rating
    and the old (and how many more changed), then the entry's first sentence; where it
    revises an assessment and keeps the rating: the claim and its rating, then the first
    sentence. Otherwise the entry's first sentence, then its second (or the pages changed)."""
    claims = project.data.claims
    plain = plain_text(change.text[lang], lang, project)
    first, rest = first_sentence(plain, lang)
    named = [n for n in ratings_named(change.text[lang]) if n[0] in claims]
    changed = [n for n in named if n[1] != n[2]]
    if changed:
        claim, old, new = changed[0]
        title = label("news_rating_changed", lang).format(
            claim=claims[claim].text[lang].rstrip(".。"),
            old=label(f"rating_{old}", lang),
            new=label(f"rating_{new}", lang),
        )
        if len(changed) > 1:
            title += label("news_and_more", lang).format(n=len(changed) - 1)
        return title, first
    if named and change.kind == "reassessment":
        claim, _, rating = named[0]
        title = label("news_rating_kept", lang).format(
            claim=claims[claim].text[lang].rstrip(".。"), rating=label(f"rating_{rating}", lang)
        )
        return title, first
    titles = project.page_titles(lang)
    pages = label("comma", lang).join(titles.get(rel, rel) for rel in change.pages)
    second = first_sentence(rest, lang)[0] if rest else ""
    return first, second or label("news_on_pages", lang).format(pages=pages)


def render_whats_new(lang: str, project: Project, history: History) -> str:
    found = entries(project, history, lang)
    return ENV.get_template("whats_new.html.j2").render(
        entries=found[:MAX_ENTRIES],
        total=len(found),
        history_available=history.available,
        lang=lang,
        page_url=news_url(lang),
        feed_url=feed_path(lang),
    )


def render_feed(lang: str, project: Project, history: History, site_url: str) -> bytes:
    """The language's Atom feed (RFC 4287): the same entries as its What's new page."""
    atom = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", atom)
    base = site_url  # ends with "/"
    found = entries(project, history, lang)[:MAX_ENTRIES]

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{atom}}}{tag}", attrs)
        node.text = text
        return node

    feed = ET.Element(f"{{{atom}}}feed", {"xml:lang": lang})
    sub(feed, "title", label("feed_title", lang))
    sub(feed, "id", base + feed_path(lang))
    sub(feed, "link", rel="self", href=base + feed_path(lang))
    sub(feed, "link", rel="alternate", type="text/html", href=base + news_url(lang))
    newest = max((e.day for e in found), default=dt.date.today())
    sub(feed, "updated", f"{newest.isoformat()}T00:00:00Z")
    sub(sub(feed, "author"), "name", label("feed_title", lang))
    for entry in found:
        node = sub(feed, "entry")
        kind = label("news_" + entry.kind, lang)
        sub(node, "title", f"{kind}{label('colon', lang)}{entry.title}")
        sub(node, "id", f"{base}{entry.url}#{entry.kind}-{entry.day.isoformat()}")
        sub(node, "link", rel="alternate", type="text/html", href=base + entry.url)
        sub(node, "updated", f"{entry.day.isoformat()}T00:00:00Z")
        if entry.summary:
            sub(node, "summary", entry.summary)
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
