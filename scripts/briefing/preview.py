"""The live preview's rebuilds: a page is made again only when what it reads has changed.

`mkdocs serve` rebuilds the whole site on every saved file. Two stores, kept for the
process (`Reuse`), let a rebuild skip the work for the pages a change does not reach:
- what our rendering and Markdown made of each page (title, table of contents, HTML,
  anchors), with the key of everything that rendering read (`content_key`): the page's text
  with its data inserted, what the core says it reads (`Project.page_render_inputs`,
  `GeneratedPage.render_inputs`), its notices, and what every page of the build reads (the
  files, templates, theme overrides, strings.yml, mkdocs.yml);
- each page's finished HTML, with the key of everything the theme read to write it
  (`theme_key`): its content, title, table of contents, metadata and neighbours, the
  navigation, the language switcher's links and the theme's settings and files.
A page whose key is unchanged is restored from the store; a test compares every rebuild
with a build that reuses nothing. Each language's build keeps its keys in a
`LanguageReuse`. Nothing here runs outside the preview.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

# Under the preview every page's template is this one: the page's finished HTML from the
# last rebuild when nothing the theme reads has changed, else the page's own template.
PAGE_TEMPLATE = "briefing/page.html"
_PAGE_DISPATCH = (
    "{%- if briefing_finished is defined -%}{{ briefing_finished }}"
    "{%- else -%}{% include briefing_template %}{%- endif -%}"
)


def digest(value: object) -> str:
    """A short key for a value, from its text (`repr`)."""
    text = repr(value).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Converted:
    """A page as its content event left it, with the key of what made it: its title, table
    of contents, HTML and anchors."""

    key: str
    title: str | None
    toc: TableOfContents
    content: str
    anchors: frozenset[str]


@dataclass
class LanguageReuse:
    """One language's rebuild: the keys it computed and the pages it restored."""

    build_key: str = ""  # what every page reads: the files, templates, overrides, strings
    nav_key: str = ""  # the navigation
    content_keys: dict[str, str] = field(default_factory=dict)  # pages made again
    converted: dict[str, Converted] = field(default_factory=dict)  # pages restored
    theme_keys: dict[str, str] = field(default_factory=dict)
    reused: set[str] = field(default_factory=set)  # pages whose finished HTML is reused


@dataclass
class Reuse:
    """The preview's stores, by output path, for the process."""

    converted: dict[str, Converted] = field(default_factory=dict)
    finished: dict[str, tuple[str, str]] = field(default_factory=dict)  # (key, HTML)

    def clear(self) -> None:
        self.converted.clear()
        self.finished.clear()

    def convert_again(self, build: LanguageReuse, page: Page, key: str) -> bool:
        """Whether the page must be rendered and converted again (its key is new); if not,
        `restore` puts it back in its content event."""
        cached = self.converted.get(page.file.dest_uri)
        if cached is not None and cached.key == key:
            build.converted[page.file.src_uri] = cached
            return False
        build.content_keys[page.file.src_uri] = key
        return True

    def restore(self, build: LanguageReuse, page: Page) -> str | None:
        """A restored page's HTML, its title, table of contents and anchors set back on it;
        None for a page converted in this build."""
        converted = build.converted.pop(page.file.src_uri, None)
        if converted is None:
            return None
        page.title = converted.title  # MkDocs lets an instance set it (a weak property)
        page.toc = converted.toc
        page.present_anchor_ids = set(converted.anchors)
        page.links_to_anchors = None  # checked when it was converted
        return converted.content

    def keep_converted(self, build: LanguageReuse, page: Page, content: str) -> None:
        key = build.content_keys.pop(page.file.src_uri, None)
        if key is not None:
            anchors = frozenset(page.present_anchor_ids or ())
            self.converted[page.file.dest_uri] = Converted(
                key, page.title, page.toc, content, anchors
            )

    def reuse_finished(
        self, build: LanguageReuse, context: TemplateContext, page: Page, key: str
    ) -> None:
        """Give the page's template its finished HTML from the last rebuild if its theme
        key is unchanged."""
        extra: dict[str, object] = context  # type: ignore[assignment]  # Jinja's is open
        extra["briefing_template"] = page.meta.get("briefing_template", "main.html")
        build.theme_keys[page.file.src_uri] = key
        previous = self.finished.get(page.file.dest_uri)
        if previous is not None and previous[0] == key:
            extra["briefing_finished"] = Markup(previous[1])
            build.reused.add(page.file.src_uri)

    def keep_finished(self, build: LanguageReuse, page: Page, output: str) -> None:
        key = build.theme_keys.get(page.file.src_uri)
        if key is not None:
            self.finished[page.file.dest_uri] = (key, output)


def add_dispatch(env: Environment) -> None:
    """Let pages be rendered through PAGE_TEMPLATE."""
    if env.loader is not None:
        env.loader = ChoiceLoader([DictLoader({PAGE_TEMPLATE: _PAGE_DISPATCH}), env.loader])


def choose_template(page: Page) -> None:
    """Render the page through PAGE_TEMPLATE (its own template is kept for it)."""
    if page.meta.get("template") != PAGE_TEMPLATE:
        page.meta["briefing_template"] = page.meta.get("template", "main.html")
        page.meta["template"] = PAGE_TEMPLATE


def content_key(
    build: LanguageReuse, page: Page, shown: str, inputs: object, notices: Sequence[str]
) -> str:
    """The key of what rendering and converting the page read: `shown`, its text with its
    data inserted; `inputs`, what the core says it reads; its metadata, address, notices;
    what every page of this build reads."""
    metadata = sorted((str(k), repr(v)) for k, v in page.meta.items())
    return digest(
        (
            build.build_key,
            shown,
            metadata,
            page.url,
            page.file.src_uri,
            list(notices),
            inputs,
        )
    )


def theme_key(build: LanguageReuse, page: Page, config: MkDocsConfig, nav: Navigation) -> str:
    """The key of everything the theme reads to write the page (the navigation's key is
    made once per language build, with the first page)."""
    if not build.nav_key:
        homepage = nav.homepage.url if nav.homepage else None
        build.nav_key = digest((_nav_items(nav.items), homepage))
    neighbours = [(p.url, p.title) if p else None for p in (page.previous_page, page.next_page)]
    return digest(
        (
            build.build_key,
            build.nav_key,
            page.file.src_uri,
            page.url,
            page.canonical_url,
            page.title,
            page.content,
            sorted((str(k), repr(v)) for k, v in page.meta.items()),
            _toc_items(list(page.toc)),
            neighbours,
            sorted((str(k), repr(v)) for k, v in config.theme.items()),
            sorted((str(k), repr(v)) for k, v in config.extra.items()),
            repr(getattr(config.extra, "alternate", None)),
            [config.site_name, config.site_url, config.site_description, config.copyright],
            [config.repo_url, config.repo_name, config.edit_uri],
            [repr(config.extra_css), repr(config.extra_javascript)],
        )
    )


def _nav_items(items: Sequence[StructureItem]) -> list[object]:
    return [
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            _nav_items(getattr(item, "children", None) or []),
        )
        for item in items
    ]


def _toc_items(items: list[AnchorLink]) -> list[object]:
    return [(item.title, item.id, item.level, _toc_items(list(item.children))) for item in items]
