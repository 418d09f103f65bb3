"""A language's build, whichever generator turns it into a site.

What a page shows (its Markdown, the HTML fragments that replace its placeholders, the
notices at its top; a generated page's front matter and body), the files written beside
the pages (feed, downloads) and the finish every page gets (its language's typography).
The MkDocs adapter (site.py) only translates MkDocs' events into these calls; the export
(`briefing export-markdown`) asks the same and writes each page with its fragments in
place, as Markdown with raw HTML blocks, so that another generator can build the site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import caches, strings, typography
from .catalogue import GeneratedPage, generated_pages
from .errors import BriefingError, Problem
from .exports import render_all
from .history import History, read_history
from .news import render_feed
from .project import Project, load_project
from .render import (
    placeholder,
    render_behind_notice,
    render_correction_notice,
    render_draft_notice,
    render_page,
)
from .urls import feed_path, page_url

TEMPLATES = Path(__file__).parent / "templates"  # the package's, part of the inputs


def inputs_stamp(*paths: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap identity of the input files (path, mtime, size), so a build loads them once
    and any change reloads them."""
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))]
    return tuple(
        sorted((str(p), (s := p.stat()).st_mtime_ns, s.st_size) for p in files if p.is_file())
    )


@dataclass
class Inputs:
    """The project for one set of input files, loaded once, reloaded when one changes (and
    every cache that reads the inputs emptied). Under the live preview, inputs with problems
    give `problems` instead of a project; a build raises BriefingError."""

    stamp: tuple[tuple[str, int, int], ...] | None = None
    project: Project | None = None
    problems: list[Problem] = field(default_factory=list)
    history: History = field(default_factory=lambda: History(False, ()))
    notes: list[str] = field(default_factory=list)  # for the editor, from the last load

    def refresh(self, root: Path, docs: Path, serving: bool) -> Project | None:
        strings.refresh()
        stamp = inputs_stamp(
            root / "seeds",
            docs,
            root / "data",
            TEMPLATES,
            strings.PATH,
            root / "overrides",
            root / "mkdocs.yml",  # the site's languages
        )
        if stamp == self.stamp:
            return self.project
        caches.inputs_changed()  # what was made from the old inputs goes with them
        self.stamp, self.project, self.problems = stamp, None, []
        try:
            self.project = load_project(root, docs_dir=docs, drafts=serving)
        except BriefingError as exc:
            if not serving:
                self.stamp = None  # nothing was loaded: the next build tries again
                raise
            # The preview shows the problems on every page instead of keeping old pages.
            self.problems = exc.problems
            self.notes += [problem.format() for problem in exc.problems]
            self.notes.append(
                f"the preview shows these {len(exc.problems)} problem(s) on every page"
            )
            return None
        self.history = read_history(root)
        self._tell(self.project)
        return self.project

    def _tell(self, project: Project) -> None:
        for source in project.sources.values():
            if source.missing:
                self.notes.append(
                    f"{source.path} is a draft (still empty: {', '.join(source.missing)}); "
                    "`make check` will fail until it is complete"
                )
        self.notes += [behind.format() for behind in project.behind]
        if not self.history.available:
            self.notes.append(
                "no git history here (or a shallow clone): What's new dates "
                "sources by their accessed date and lists no page updates"
            )

    def require(self) -> Project:
        """The project validated before this build's pages are rendered."""
        if self.project is None:
            raise RuntimeError("briefing: pages are rendered before the sources were loaded")
        return self.project

    def take_notes(self) -> list[str]:
        """What the last load has to tell the editor (drafts, translations behind, the
        preview's problems), once."""
        notes, self.notes = self.notes, []
        return notes


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


def front_matter(page: GeneratedPage, lang: str) -> str:
    """A generated page's front matter, for a generator that reads the page's title from it.
    The title is HTML-escaped: MkDocs puts a title read from front matter into the page's
    <title> and navigation without escaping, so escaped here it stays text."""
    title = html.escape(page.title(lang), quote=True)
    return yaml.safe_dump({"title": title}, allow_unicode=True)


def files_after(
    project: Project, history: History, lang: str, site_url: str, shared: bool
) -> dict[str, bytes]:
    """The files a language's build writes beside its pages, by site path: its Atom feed and
    its downloads, and with `shared` those every language links to (written once)."""
    files = {feed_path(lang): render_feed(lang, project, history, site_url)}
    for path, text in render_all(project, lang, site_url, shared).items():
        files[path] = text.encode("utf-8")
    return files


def finish(page_html: str, lang: str) -> str:
    """A finished page (or the 404 page) in its language's typography: French spaces,
    Japanese full-width punctuation, German numbers; mechanical, so no editor types it."""
    return typography.apply_html(page_html, lang)


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
