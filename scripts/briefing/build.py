"""What each page of a language shows, whichever generator turns it into a site.

The MkDocs adapter (site.py) asks here for a page's Markdown, the HTML fragments that
replace its placeholders and the notices at its top; the export (`briefing
export-markdown`) asks the same and writes each page with its fragments in place, as
Markdown with raw HTML blocks, so that another generator can build the site from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogue import GeneratedPage, generated_pages
from .history import History
from .project import Project
from .render import (
    placeholder,
    render_behind_notice,
    render_correction_notice,
    render_draft_notice,
    render_page,
)
from .urls import page_url


def page_notices(project: Project, lang: str, rel: str) -> list[str]:
    """The notes at the top of a hand-written page: the log of corrections lists it, its
    translation is older than the English page, or it is a draft in its language."""
    notices = []
    log_page = project.log_page(lang)
    if log_page is not None and log_page != rel and (changes := project.data.corrections_of(rel)):
        notices.append(
            render_correction_notice(lang, page_url(rel, lang), page_url(log_page, lang), changes)
        )
    if project.is_behind(lang, rel):
        notices.append(render_behind_notice(lang, page_url(rel, lang)))
    scan = project.scan(lang, rel)
    if scan is not None and (scan.meta or {}).get("state") == "draft":
        notices.append(render_draft_notice(lang))
    return notices


def hand_written(
    markdown: str,
    url: str,
    lang: str,
    rel: str,
    project: Project,
    every_page: Sequence[str] = (),
) -> tuple[str, dict[str, str]]:
    """A hand-written page's Markdown with placeholders (data inserted, citations and
    notices as placeholders after its title), and the HTML fragments they stand for.
    `every_page`: notices every page of this build carries (a preview's)."""
    rendered = render_page(markdown, url, lang, project, path=f"{lang}/{rel}")
    fragments = dict(rendered.fragments)
    heads = []
    for notice in [*every_page, *page_notices(project, lang, rel)]:
        key = placeholder(len(fragments))  # numbered after the page's own fragments
        fragments[key] = notice
        heads.append(key)
    return after_title(rendered.markdown, heads), fragments


def generated_body(
    page: GeneratedPage,
    lang: str,
    project: Project,
    history: History,
    every_page: Sequence[str] = (),
) -> str:
    """A generated page's body as HTML, after the notices every page of this build carries."""
    return "".join(every_page) + page.render(lang, project, history)


def after_title(markdown: str, blocks: list[str]) -> str:
    """`markdown` with `blocks` inserted after its first-level title (MkDocs takes a page's
    title from a leading `# ` heading, so nothing may come before it)."""
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join([*lines[:at], "", *blocks, "", *lines[at:]])


# ---------------------------------------------------------------------------
# The export: every page, expanded, as Markdown


@dataclass(frozen=True)
class ExportedPage:
    src_uri: str  # where it goes among the pages, as if in docs/: "ja/sources/x.md"
    url: str  # the site-relative URL it is published at
    meta: dict[str, object]  # its front matter (title first)
    markdown: str  # its body, every fragment in place


_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")


def _raw_block(html: str) -> str:
    """An HTML fragment as one Markdown raw-HTML block: a blank line would end the block and
    turn what follows into Markdown (text in <pre> keeps its lines)."""
    html = html.strip()
    return html if "<pre" in html else _BLANK_LINE.sub("", html)


def inlined(markdown: str, fragments: dict[str, str]) -> str:
    """The Markdown with each placeholder replaced by its fragment: a placeholder alone on
    its line as a raw HTML block between blank lines, any other inline."""
    for key, fragment in fragments.items():
        block = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*$", re.M)
        if block.search(markdown):
            raw = f"\n{_raw_block(fragment)}\n".replace("\\", "\\\\")  # no group refs
            markdown = block.sub(raw, markdown)
        markdown = markdown.replace(key, fragment.strip().replace("\n", " "))
    return markdown


def exported_pages(project: Project, history: History, lang: str) -> Iterator[ExportedPage]:
    """Every page of a language, hand-written then generated, fully expanded."""
    for scan in project.pages.get(lang, []):
        markdown, fragments = hand_written(scan.body, scan.url, lang, scan.rel, project)
        meta = {"title": scan.title, **(scan.meta or {})}
        yield ExportedPage(f"{lang}/{scan.rel}", scan.url, meta, inlined(markdown, fragments))
    for page in generated_pages(project):
        body = _raw_block(generated_body(page, lang, project, history))
        yield ExportedPage(page.src_uri(lang), page.url(lang), {"title": page.title(lang)}, body)


def write_markdown_export(
    project: Project, history: History, languages: Sequence[str], target: Path
) -> list[Path]:
    """Write every page of every language under `target` (`<lang>/<page>.md`, the layout
    of docs/), each with its title and URL in its front matter."""
    written = []
    for lang in languages:
        for page in exported_pages(project, history, lang):
            path = target / page.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            front = yaml.safe_dump(
                {"url": page.url, **page.meta}, allow_unicode=True, sort_keys=False
            )
            path.write_text(f"---\n{front}---\n\n{page.markdown.strip()}\n", "utf-8")
            written.append(path)
    return written
