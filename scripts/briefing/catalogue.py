"""The pages the build generates in every language, as one catalogue.

The citations index, What's new, the data page and one page per source: for each, where it lives in
each language, its title and how it is rendered. A page generated once per language is one
row of `SITE_PAGES`. The MkDocs adapter adds these pages to
every language's build and asks the catalogue for their content; nothing else knows the
list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .history import History
from .model import Source
from .news import render_whats_new
from .project import Project
from .render import render_data_page, render_index, render_source_page
from .strings import label
from .urls import page_url, source_url


@dataclass(frozen=True)
class SitePage:
    """A page generated once in each language, from the whole project."""

    kind: str
    path: str  # among each language's files, as if written in docs/<lang>/ (urls.is_generated)
    title: str  # its label in strings.yml
    render: Callable[[str, Project, History], str]  # its body as HTML


# Every page generated once per language; a page per source is a `GeneratedPage("source", …)`.
SITE_PAGES: dict[str, SitePage] = {
    row.kind: row
    for row in (
        SitePage(
            "index",
            "sources/index.md",
            "sources_title",
            lambda lang, project, history: render_index(lang, project),
        ),
        SitePage("news", "whats-new.md", "news_title", render_whats_new),
        SitePage(
            "data",
            "data.md",
            "data_title",
            lambda lang, project, history: render_data_page(lang, project),
        ),
    )
}


@dataclass(frozen=True)
class GeneratedPage:
    kind: str  # a key of SITE_PAGES, or "source" (the page of one source)
    source: Source | None = None  # the source a "source" page presents

    def url(self, lang: str) -> str:
        if self.source is not None:
            return source_url(self.source.id, lang)
        return page_url(SITE_PAGES[self.kind].path, lang)

    def src_uri(self, lang: str) -> str:
        """The page's path among the language's files (as if it were written in docs/)."""
        if self.source is not None:
            return f"{lang}/sources/{self.source.id}.md"
        return f"{lang}/{SITE_PAGES[self.kind].path}"

    def title(self, lang: str) -> str:
        if self.source is not None:
            return self.source.titles[lang]
        return label(SITE_PAGES[self.kind].title, lang)

    def render(self, lang: str, project: Project, history: History) -> str:
        """The page's body as HTML."""
        if self.source is not None:
            return render_source_page(self.source, lang, project)
        return SITE_PAGES[self.kind].render(lang, project, history)

    def render_inputs(self, lang: str, project: Project) -> object | None:
        """What rendering the page reads besides the templates and strings (the live preview
        renders it again only when this changed); None for a site page (the citations index,
        What's new, the data page), which reads every source."""
        if self.source is None:
            return None
        source_id = self.source.id
        return (project.source_render_inputs(source_id), repr(project.uses_of(lang, source_id)))

    def last_changed(self, history: History) -> dt.date | None:
        """The day its content last changed: a source's file, or the newest input commit."""
        if self.source is not None:
            return history.days.get(self.source.path)
        return history.commits[0].day if history.commits else None


def generated_pages(project: Project | None) -> list[GeneratedPage]:
    """Every generated page; without a project the site pages only: the live preview shows
    its problems on them, and a preview that leaves out the default language builds just
    these (its navigation names them)."""
    pages = [GeneratedPage(kind) for kind in SITE_PAGES]
    if project is not None:
        pages += [GeneratedPage("source", source) for source in project.sorted_sources()]
    return pages
