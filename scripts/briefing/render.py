"""Render citations, reference lists, source pages and the citations index as HTML.

Jinja autoescapes everything: text from a source is data and never becomes markup.
Hand-written pages get placeholder tokens in their Markdown; the HTML fragments
replace the tokens after Markdown has run, so Markdown never sees source text.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .citations import Citation, find_citations
from .data import Correction
from .directives import expand
from .errors import Problem
from .exports import downloads_url
from .history import MAX_ENTRIES, History, entries, feed_path
from .model import Cite, FuzzyDate, Source
from .pages import index_url, lang_prefix, source_url
from .project import Project
from .strings import KINDS, LABELS, label

PREVIEW_CHARS = 600
APPROX = {"en": "c. {date}", "ja": "{date}ごろ", "fr": "vers le {date}", "de": "ca. {date}"}


@lru_cache(maxsize=65536)  # pure, and called for every marker and date
def relative_url(from_url: str, to_url: str) -> str:
    """Link from one site-relative directory URL to another (both end in '/' or are '')."""
    path, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(path or ".", from_url.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)  # pure, and called for every marker and date
def format_fuzzy(date: FuzzyDate, lang: str) -> str:
    """A date as that language writes it, at the precision it is known."""
    value = date.sort_key
    if date.day:
        text = format_date(value, "long", locale=lang)
    elif date.month:
        text = format_skeleton("yMMMM", value, locale=lang)
    else:
        text = format_skeleton("y", value, locale=lang)
    return APPROX[lang].format(date=text) if date.precision == "approximate" else text


@lru_cache(maxsize=65536)  # pure, and called for every marker and date
def format_day(value: dt.date, lang: str) -> str:
    return format_date(value, "long", locale=lang)


def language_name(tag: str, lang: str) -> str:
    return Locale.parse(tag, sep="-").get_display_name(Locale.parse(lang)) or tag


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        label=label,
        kinds=KINDS,
        labels=LABELS,
        format_fuzzy=format_fuzzy,
        format_day=format_day,
        language_name=language_name,
        relative_url=relative_url,
        source_url=source_url,
        index_url=index_url,
        downloads_url=downloads_url,
    )
    return env


ENV = _env()


# ---------------------------------------------------------------------------
# Citations in hand-written pages


@dataclass
class Reference:
    """One numbered entry of a page's reference list: a source and a paragraph locator."""

    number: int
    cite: Cite
    source: Source
    anchors: list[str] = field(default_factory=list)  # ids of the markers that use it


@dataclass
class RenderedPage:
    markdown: str
    fragments: dict[str, str]
    references: list[Reference]


def token(n: int) -> str:
    return f"BRIEFINGFRAGMENT{n}X"


def cite_target(cite: Cite, lang: str) -> str:
    anchor = f"#p{cite.first}" if cite.first is not None else ""
    return source_url(cite.source_id, lang) + anchor


def preview_text(source: Source, cite: Cite) -> str:
    if cite.first is None:
        return source.title_original
    text = " ".join(source.paragraphs[cite.first - 1 : (cite.last or cite.first)])
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


def preview_translation(project: Project, source: Source, cite: Cite, lang: str) -> str | None:
    """The site's translation of the cited paragraphs into `lang`, shortened like the
    original's preview: None when the source is in `lang` or the whole source is cited,
    "" when a cited paragraph's translation is still pending."""
    if cite.first is None or source.language == lang:
        return None
    parts = [
        project.paragraph_translation(source.id, n, lang) or ""
        for n in range(cite.first, (cite.last or cite.first) + 1)
    ]
    if not all(parts):
        return ""
    text = " ".join(parts)
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


ENV.globals.update(
    cite_target=cite_target, preview_text=preview_text, preview_translation=preview_translation
)


def render_page(
    markdown: str, page_url: str, lang: str, project: Project, path: str = ""
) -> RenderedPage:
    """Insert the page's data, replace citation brackets with tokens, append the references."""
    fragments: dict[str, str] = {}
    refs: dict[tuple[str, str], Reference] = {}
    titles = project.page_titles(lang)
    markdown = expand(markdown, lang, project.data, titles)  # first: citations come after
    citations, _ = find_citations(markdown, path)  # problems were reported at load time
    out: list[str] = []
    cursor = 0
    for citation in citations:
        out.append(markdown[cursor : citation.start])
        out.append(_add(fragments, _markers(citation, refs, page_url, lang, project)))
        cursor = citation.end
    out.append(markdown[cursor:])
    text = "".join(out)
    references = sorted(refs.values(), key=lambda r: r.number)
    if references:
        html = ENV.get_template("references.html.j2").render(
            references=references, lang=lang, page_url=page_url, project=project
        )
        text = (
            text.rstrip("\n")
            + f"\n\n## {label('references', lang)} {{ #references }}\n\n"
            + _add(fragments, html)
            + "\n"
        )
    return RenderedPage(text, fragments, references)


def _add(fragments: dict[str, str], html: str) -> str:
    key = token(len(fragments))
    fragments[key] = html
    return key


def _markers(
    citation: Citation,
    refs: dict[tuple[str, str], Reference],
    page_url: str,
    lang: str,
    project: Project,
) -> str:
    items = []
    for cite in citation.cites:
        ref = refs.get(cite.key)
        if ref is None:
            ref = refs[cite.key] = Reference(len(refs) + 1, cite, project.sources[cite.source_id])
        anchor = f"cite-ref-{ref.number}-{len(ref.anchors) + 1}"
        ref.anchors.append(anchor)
        items.append((ref, anchor))
    return (
        ENV.get_template("marker.html.j2")
        .render(items=items, lang=lang, page_url=page_url, project=project)
        .strip()
    )


def fill_fragments(html: str, fragments: dict[str, str]) -> str:
    """Put the rendered fragments where Markdown left their tokens."""
    for key, fragment in fragments.items():
        html = html.replace(f"<p>{key}</p>", fragment).replace(key, fragment)
    return html


# ---------------------------------------------------------------------------
# Generated pages


def render_source_page(source: Source, lang: str, project: Project) -> str:
    return ENV.get_template("source.html.j2").render(
        source=source, lang=lang, project=project, page_url=source_url(source.id, lang)
    )


def render_problems(lang: str, problems: list[Problem]) -> str:
    """The live preview's page when the inputs have problems: each one, and how to fix it."""
    return ENV.get_template("problems.html.j2").render(lang=lang, problems=problems)


def render_index(lang: str, project: Project) -> str:
    return ENV.get_template("index.html.j2").render(
        sources=project.sorted_sources(), lang=lang, project=project, page_url=index_url(lang)
    )


def news_url(lang: str) -> str:
    return f"{lang_prefix(lang)}whats-new/"


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
    from xml.etree import ElementTree as ET

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
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def render_correction_notice(
    lang: str, page_url: str, log_url: str, changes: list[Correction]
) -> str:
    """The note at the top of a page that the log of corrections lists, newest change first."""
    newest = changes[0]
    return ENV.get_template("notice_corrected.html.j2").render(
        lang=lang, newest=newest, href=relative_url(page_url, log_url)
    )


def render_behind_notice(lang: str, page_url: str) -> str:
    """The notice on a translation made before the English page last changed."""
    english = page_url.removeprefix(lang_prefix(lang))
    return ENV.get_template("notice_behind.html.j2").render(
        lang=lang, href=relative_url(page_url, english)
    )
