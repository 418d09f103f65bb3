"""Render citations, reference lists, source pages and the citations index as HTML.

Jinja autoescapes everything: text from a source is data and never becomes markup.
Hand-written pages get placeholders in their Markdown; the HTML fragments
replace the placeholders after Markdown has run, so Markdown never sees source text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .citations import Citation, find_citations
from .data import Correction
from .errors import Problem
from .expand import expand
from .exports import DOWNLOADS
from .model import Cite, Source
from .project import Project
from .strings import label
from .templating import ENV, language_name, with_quotes
from .urls import data_url, index_url, lang_prefix, relative_url, source_url

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


def placeholder(n: int) -> str:
    """The n-th placeholder a page's Markdown carries for an HTML fragment (letters and digits, so
    Markdown leaves it as it is)."""
    return f"BRIEFINGFRAGMENT{n}X"


def render_page(
    markdown: str, page_url: str, lang: str, project: Project, path: str = ""
) -> RenderedPage:
    """Insert the page's data, put placeholders for citation brackets, append the references."""
    fragments: dict[str, str] = {}
    refs: dict[tuple[str, str], Reference] = {}
    titles = project.page_titles(lang)
    markdown = expand(markdown, lang, project.data, titles)  # first: citations come after
    markdown = with_quotes(markdown, lang, project.data.quotes, project.sources)
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
    key = placeholder(len(fragments))
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
        ENV.get_template("marker.html.j2").render(items=items, lang=lang, page_url=page_url).strip()
    )


def fill_fragments(html: str, fragments: dict[str, str]) -> str:
    """Put the rendered fragments where Markdown left their placeholders."""
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
        sources=project.sorted_sources(),
        lang=lang,
        project=project,
        page_url=index_url(lang),
        sources_csv=next(d for d in DOWNLOADS if d.name == "sources.csv"),
        data_url=data_url(lang),
    )


def render_data_page(lang: str, project: Project) -> str:
    """Every download, with what it holds, its format and its link."""
    return ENV.get_template("data.html.j2").render(
        lang=lang, page_url=data_url(lang), downloads=DOWNLOADS
    )


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


def render_draft_notice(lang: str) -> str:
    """The notice on a page marked as a draft in its language."""
    return ENV.get_template("notice_draft.html.j2").render(lang=lang)


def render_preview_notice(lang: str, built: Sequence[str], skipped: Sequence[str]) -> str:
    """The note on every page of a preview of some languages only: which it leaves out."""

    def names(tags: Sequence[str]) -> str:
        return label("comma", lang).join(language_name(tag, lang) for tag in tags)

    return ENV.get_template("notice_preview.html.j2").render(
        lang=lang, built=names(built), skipped=names(skipped)
    )
