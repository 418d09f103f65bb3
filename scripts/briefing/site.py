"""The MkDocs adapter: MkDocs' events in, the briefing's pages, checks and files out.

With mkdocs-static-i18n every event runs once per language. What the build keeps between
events has three lifetimes, each its own object, all owned by one `Session` (`SESSION`):
- `inputs` (`build.Inputs`): the loaded and validated project, for one set of input files
  (everything that feeds the site: seeds, docs, data, templates, strings, overrides); a
  change reloads it and empties every cache that reads the input files;
- `language`: one language's build: its generated pages, and the HTML fragments each page
  hands from its Markdown event to its content event (taken, so none outlives its page);
- `run`: the process: whether this is the live preview and of which languages, and the
  default 404 page kept between the languages' builds. A new run starts afresh, caches too.
The private internals of the plugins sit behind `mkdocs_internals`, the rewrites of
Material's HTML in `theme_rewrites`; what a language's build does whatever the generator
(a page's Markdown, fragments and notices, the files beside the pages, the typography) is
`build`, and the domain (which pages are generated, what they show, how a page is cited)
is in the core.
"""

from __future__ import annotations

import html
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import DEFAULT_LANGUAGE, caches, strings
from .build import (
    TEMPLATES,
    Inputs,
    files_after,
    front_matter,
    generated_body,
    hand_written,
    inputs_stamp,
)
from .build import finish as finish_page
from .caches import Lifetime, table
from .catalogue import GeneratedPage, generated_pages
from .citepage import page_cite_box
from .errors import BriefingError
from .expand import expand
from .languages import search_endings
from .mkdocs_internals import (
    add_to_language,
    build_only,
    configured_languages,
    current_language,
    is_last_language,
    list_installed_theme_once,
    poll_quickly,
    set_sitemap_alternates,
    set_switcher_links,
    version_problems,
)
from .preview import (
    LanguageReuse,
    Reuse,
    add_dispatch,
    choose_template,
    content_key,
    digest,
    theme_key,
)
from .project import Project, setup_problems
from .publisher import publication_problems, publisher
from .render import (
    fill_fragments,
    placeholder,
    render_preview_notice,
    render_problems,
)
from .search_index import SearchIndexer
from .strings import label
from .theme_rewrites import ICONS_FILE, IconSprite, ThemeChanged, apply_rewrites
from .urls import feed_path, lang_prefix, page_url, relative_url

log = logging.getLogger("mkdocs.plugins.briefing")


@dataclass
class LanguageBuild:
    """One language's build: its generated pages by file, and each page's fragments between
    its Markdown and its content event."""

    lang: str = DEFAULT_LANGUAGE
    generated: dict[str, GeneratedPage] = field(default_factory=dict)
    fragments: dict[str, dict[str, str]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # on every page of this language
    reuse: LanguageReuse = field(default_factory=LanguageReuse)  # under the preview
    in_nav: frozenset[str] | None = None  # the files the navigation lists, once known

    def start(self, lang: str, notices: list[str]) -> None:
        """A new language's build starts empty."""
        self.lang, self.generated, self.fragments, self.notices = lang, {}, {}, notices
        self.reuse = LanguageReuse()
        self.in_nav = None

    def hand_over(self, page: Page, fragments: dict[str, str]) -> None:
        self.fragments[page.file.src_uri] = fragments

    def take(self, page: Page) -> dict[str, str]:
        return self.fragments.pop(page.file.src_uri, {})


@dataclass
class Run:
    """The MkDocs process: a build, or the live preview with its rebuilds."""

    serving: bool = False  # `mkdocs serve`: show problems in the browser, allow drafts
    default_404: bytes | None = None  # the default language's 404 page, kept between languages
    site: tuple[str, ...] = ()  # the site's languages, as mkdocs.yml lists them
    chosen: tuple[str, ...] = ()  # BRIEFING_LANGUAGES, for a preview of some languages only
    # The live preview of some languages only (`make serve LANG=ja`): the others are not built.
    languages: tuple[str, ...] = ()
    reuse: Reuse = field(default_factory=Reuse)  # the preview's pages, between rebuilds
    icons: IconSprite = field(default_factory=IconSprite)  # the theme's, from every page
    search: SearchIndexer = field(default_factory=SearchIndexer)  # each language's, running


@dataclass
class Session:
    """The one owner of what the build keeps between events, and of the package's caches
    (`caches`): a new run starts with all of them empty; new inputs empty those that read
    the inputs."""

    inputs: Inputs = field(default_factory=Inputs)
    language: LanguageBuild = field(default_factory=LanguageBuild)
    run: Run = field(default_factory=Run)

    def begin(self, serving: bool) -> None:
        """A new run of the process: nothing kept from an earlier one."""
        self.inputs, self.language, self.run = Inputs(), LanguageBuild(), Run(serving=serving)
        caches.clear()


SESSION = Session()


class _SkippedPagesFilter(logging.Filter):
    """In a preview of some languages, MkDocs' notes that the default language's pages left
    out of it are named in the navigation (one object, so starting again never adds it
    twice)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "excluded from the built site" not in record.getMessage()


_SKIPPED_PAGES = _SkippedPagesFilter()


def start(command: str) -> None:
    """A new process: `build` or `serve` (the preview), of every language or, for a faster
    preview, of those BRIEFING_LANGUAGES names (`make serve LANG=ja`)."""
    SESSION.begin(serving=command == "serve")
    run = SESSION.run
    nav_log = logging.getLogger("mkdocs.structure.nav")
    nav_log.removeFilter(_SKIPPED_PAGES)
    if problems := version_problems():
        raise PluginError("briefing: " + "\nbriefing: ".join(problems))
    chosen = os.environ.get("BRIEFING_LANGUAGES", "").replace(",", " ").split()
    if chosen and run.serving:
        run.chosen = tuple(chosen)
        log.info("briefing: this preview builds %s only", ", ".join(run.chosen))
        nav_log.addFilter(_SKIPPED_PAGES)


def choose_languages(config: MkDocsConfig) -> None:
    """Before the i18n plugin reads its languages: the site's, from mkdocs.yml; leave out
    those this preview skips."""
    run = SESSION.run
    run.site = tuple(configured_languages(config))
    unknown = [lang for lang in run.chosen if lang not in run.site]
    if unknown:
        raise PluginError(
            f"briefing: BRIEFING_LANGUAGES names {', '.join(unknown)}, not a site language. "
            f"Fix: choose among {', '.join(run.site)} (make serve LANG=ja)"
        )
    chosen = [lang for lang in run.site if lang in run.chosen]
    run.languages = tuple(chosen) if chosen else run.site
    if run.languages != run.site:
        build_only(config, run.languages)


def quicken_preview(config: MkDocsConfig) -> None:
    """Under the preview, list the installed theme's files once per process, not once per
    rebuild and language."""
    if SESSION.run.serving:
        list_installed_theme_once(config)


def serve(server: LiveReloadServer) -> LiveReloadServer:
    """The preview notices a saved file within a tenth of a second, not half a second."""
    poll_quickly(server)
    return server


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def check_setup(config: MkDocsConfig) -> None:
    """Stop before building if the site cannot be built in mkdocs.yml's languages: one
    without a record in languages.py, strings.yml not giving each (what `check` reports too,
    from the same function; the plugins' versions are checked once, as the process starts)."""
    _, problems = setup_problems(_root(config))
    if problems:
        raise PluginError("briefing: " + "\nbriefing: ".join(p.format() for p in problems))


PLACEHOLDER_HOST = "example.github.io"  # mkdocs.yml's site_url when SITE_URL is not set


def check_publication(config: MkDocsConfig) -> None:
    """A build for publication (BRIEFING_PUBLISH=1, as the deploy workflow sets it) stops when
    the site's address is still mkdocs.yml's placeholder (every self-link, the cite box, the
    feeds and the downloads would point at it), or when mkdocs.yml does not say who edits the
    site and where corrections are asked (the About page and the footer would not say it).
    Previews and tests may lack both."""
    if os.environ.get("BRIEFING_PUBLISH") != "1":
        return
    if PLACEHOLDER_HOST in (config.site_url or ""):
        raise PluginError(
            f"briefing: mkdocs.yml:4: site_url is the placeholder {config.site_url}, and this "
            "build is for publication (BRIEFING_PUBLISH=1). Fix: set SITE_URL to the address "
            "the site is published at, e.g. SITE_URL=https://<owner>.github.io/h200-briefing/"
        )
    config_file = Path(config.config_file_path or "mkdocs.yml")
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    if problems := publication_problems(config.extra, text):
        raise PluginError("briefing: " + "\n".join(p.format() for p in problems))


def load(config: MkDocsConfig) -> Project | None:
    """Validate sources and pages unless this exact input was already validated."""
    check_setup(config)
    check_publication(config)
    try:
        project = SESSION.inputs.refresh(_root(config), Path(config.docs_dir), SESSION.run.serving)
    except BriefingError as exc:
        raise PluginError(str(exc)) from None
    finally:
        for note in SESSION.inputs.take_notes():
            log.info("briefing: %s", note)
    return project


def localize_theme(config: MkDocsConfig) -> None:
    """Put this language's words where MkDocs and Material would show English.

    The site name (header, `<title>`), its description (the pages' meta description), the
    light/dark toggle labels and the heading permalinks' title come from strings.yml, the
    one place each language's UI words live.
    """
    lang = current_language(config)
    config.site_name = label("site_name", lang)
    config.site_description = label("site_description", lang)
    names = {"default": label("theme_to_dark", lang), "slate": label("theme_to_light", lang)}
    for option in config.theme.get("palette") or []:
        if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
            scheme = option.get("scheme", "")  # "": no scheme, no name of ours
            option["toggle"]["name"] = names.get(scheme, option["toggle"]["name"])
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = label("permalink", lang)


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    """Start this language's build: add its generated pages (the catalogue's) to its files.

    In a preview that leaves out the default language (which the i18n plugin builds all the
    same, first), that build writes only its home page and the two generated pages the
    navigation names: the others are excluded."""
    lang = current_language(config)
    SESSION.language.start(lang, _preview_notice(lang))
    skipped = lang not in SESSION.run.languages
    if skipped:
        for file in files.documentation_pages():
            if file.src_uri != f"{lang}/index.md":
                file.inclusion = InclusionLevel.EXCLUDED
    added = []
    catalogue = generated_pages(
        None if SESSION.inputs.problems or skipped else SESSION.inputs.require()
    )
    for generated in catalogue:
        front = front_matter(generated, lang)
        file = File.generated(
            config, generated.src_uri(lang), content=f"---\n{front}---\n\n{placeholder(0)}\n"
        )
        file.dest_uri = f"{generated.url(lang)}index.html"
        set_sitemap_alternates(file, {other: generated.url(other) for other in SESSION.run.site})
        files.append(file)
        added.append(file)
        SESSION.language.generated[generated.src_uri(lang)] = generated
    add_to_language(config, lang, added)
    if SESSION.run.serving:  # what every page of this build reads: its files (a link's target
        # changes when one comes or goes), the templates, the theme's overrides, the strings
        root = _root(config)
        read = (TEMPLATES, root / "overrides", strings.PATH, root / "mkdocs.yml")
        files_read = sorted((f.src_uri, f.dest_uri) for f in files)
        SESSION.language.reuse.build_key = digest((files_read, inputs_stamp(*read)))
    return files


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    lang = SESSION.language.lang
    if SESSION.inputs.problems:  # the preview: every page says what to fix
        SESSION.language.hand_over(
            page, {placeholder(0): render_problems(lang, SESSION.inputs.problems)}
        )
        return placeholder(0)
    project = SESSION.inputs.require()
    generated = SESSION.language.generated.get(page.file.src_uri)
    rel = page.file.src_uri.removeprefix(f"{lang}/")
    if SESSION.run.serving:  # the preview renders a page again only when what it reads changed
        if generated is None:  # the page with its data inserted, and what it cites
            shown = expand(markdown, lang, project.data, project.page_titles(lang))
            inputs = project.page_render_inputs(lang, rel)
        else:
            shown, inputs = markdown, generated.render_inputs(lang, project)
        if inputs is not None:
            key = content_key(SESSION.language.reuse, page, shown, inputs, SESSION.language.notices)
            if not SESSION.run.reuse.convert_again(SESSION.language.reuse, page, key):
                return ""  # nothing for Markdown to convert: page_content restores the page
    notices = SESSION.language.notices
    if generated is not None:
        body = generated_body(generated, lang, project, SESSION.inputs.history, notices)
        SESSION.language.hand_over(page, {placeholder(0): body})
        return markdown
    markdown, fragments = hand_written(markdown, page.url, lang, rel, project, notices)
    SESSION.language.hand_over(page, fragments)
    return markdown


def _preview_notice(lang: str) -> list[str]:
    """In a preview of some languages only, the note saying which it leaves out."""
    if SESSION.run.languages == SESSION.run.site:
        return []
    skipped = [other for other in SESSION.run.site if other not in SESSION.run.languages]
    return [render_preview_notice(lang, SESSION.run.languages, skipped)]


def page_content(content: str, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML with its fragments in place and its cite box. Under the preview, an
    unchanged page is restored as it was (title, table of contents, HTML, anchors: what
    Markdown would have made of it again), a changed one kept for the next rebuild."""
    restored = SESSION.run.reuse.restore(SESSION.language.reuse, page)
    if restored is not None:
        content = restored
    else:
        content = fill_fragments(content, SESSION.language.take(page))
        SESSION.run.reuse.keep_converted(SESSION.language.reuse, page, content)
    if SESSION.inputs.problems:
        return content
    lang = SESSION.language.lang
    generated = SESSION.language.generated.get(page.file.src_uri)
    title = page.title or label("site_name", lang)
    return content + page_cite_box(
        SESSION.inputs.require(),
        lang,
        html.unescape(title),
        page.url,
        _site_url(config),
        SESSION.inputs.history,
        generated,
        rel=page.file.src_uri.removeprefix(f"{lang}/"),
    )


def post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The finished page as valid HTML, set in its language's typography (French spaces,
    Japanese full-width punctuation, German numbers): mechanical, so no editor types it.
    Under the preview, kept for the next rebuild (a reused page is finished already)."""
    if page.file.src_uri in SESSION.language.reuse.reused:
        return output
    try:
        output = apply_rewrites(output, page.file.src_uri)
        output = SESSION.run.icons.refer(
            output, relative_url(page.url, ICONS_FILE), page.file.src_uri
        )
    except ThemeChanged as exc:
        raise PluginError(f"briefing: {exc}") from None
    if not SESSION.inputs.problems:
        output = finish_page(output, SESSION.language.lang)
    SESSION.run.reuse.keep_finished(SESSION.language.reuse, page, output)
    return output


def choose_page_template(page: Page) -> None:
    """Under the preview, render the page through the template that can reuse it."""
    if SESSION.run.serving:
        choose_template(page)


def reuse_finished(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Under the preview, give the page's template its finished HTML from the last rebuild
    if nothing the theme reads for it changed."""
    if SESSION.run.serving:
        key = theme_key(SESSION.language.reuse, page, config, nav)
        SESSION.run.reuse.reuse_finished(SESSION.language.reuse, context, page, key)
    return context


def shared_nav_key(page: Page, nav: Navigation) -> str | None:
    """The key under which a page's navigation block (the sidebars) is the same as other
    pages': a source's page outside the navigation and without a table of contents shows
    what every such page in its folder shows (no entry active, the same relative links), so
    overrides/main.html renders it once per language build; None for any other page."""
    generated = SESSION.language.generated.get(page.file.src_uri)
    if generated is None or generated.kind != "source" or len(page.toc):
        return None
    if SESSION.language.in_nav is None:
        SESSION.language.in_nav = frozenset(listed.file.src_uri for listed in nav.pages)
    if page.file.src_uri in SESSION.language.in_nav:
        return None
    return page.url.rstrip("/").rpartition("/")[0]


def post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page (a theme template, not a page) as valid HTML, in its language's
    typography."""
    if template_name != "404.html":
        return output
    try:
        output = apply_rewrites(output, template_name)
    except ThemeChanged as exc:
        raise PluginError(f"briefing: {exc}") from None
    return finish_page(output, current_language(config))


def fix_alternates(page: Page, config: MkDocsConfig) -> None:
    """On generated pages, point the language switcher at the same page in each language."""
    generated = SESSION.language.generated.get(page.file.src_uri)
    if generated is not None:
        set_switcher_links(config, {lang: generated.url(lang) for lang in SESSION.run.site})


def index_search(config: MkDocsConfig) -> None:
    """Index this language's pages for search while the next language builds
    (search_index.py); after the last language, wait for every index."""
    if SESSION.inputs.problems:
        return
    if os.environ.get("BRIEFING_SEARCH", "on" if not SESSION.run.serving else "off") == "off":
        # A build that nobody will search, or the live preview (each rebuild would wait for
        # the index; `BRIEFING_SEARCH=on make serve` builds it).
        if is_last_language(config):
            log.info("briefing: no search index is built (BRIEFING_SEARCH=on builds it)")
        return
    try:
        SESSION.run.search.start(Path(config.site_dir), current_language(config), SESSION.run.site)
    except OSError as exc:
        SESSION.run.search.stop()
        raise PluginError(
            f"briefing: the search index could not be built ({exc}). Fix: "
            "reinstall the pinned requirements (make clean serve)"
        ) from None
    if is_last_language(config) and (failures := SESSION.run.search.finish()):
        raise PluginError("briefing: Pagefind failed to index the site:\n" + "\n".join(failures))


def stop_search() -> None:
    """A build that failed stops the search indexing it started."""
    SESSION.run.search.stop()


def place_404(config: MkDocsConfig) -> None:
    """Keep one 404 page per language: /404.html in English, /<lang>/404.html for others.

    Each language build writes /404.html; the default one is kept at the root and the
    others move into their folder. The root page loads the one matching the URL.
    """
    root = Path(config.site_dir) / "404.html"
    if not root.is_file():
        return
    lang = current_language(config)
    if lang == DEFAULT_LANGUAGE:
        SESSION.run.default_404 = root.read_bytes()
        return
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    root.replace(target)
    if SESSION.run.default_404 is not None:
        root.write_bytes(SESSION.run.default_404)


def write_icons(config: MkDocsConfig) -> None:
    """After the last language, write the sprite of the theme's icons the pages refer to
    (every icon met in this process: a preview's rebuild may reuse every page)."""
    if not is_last_language(config):
        return
    target = Path(config.site_dir) / ICONS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(SESSION.run.icons.sprite(), encoding="utf-8")


def write_files(config: MkDocsConfig) -> None:
    """Write the files this language's build makes beside its pages (build.files_after:
    its feed, its downloads and, in the first language built, the shared ones)."""
    if SESSION.inputs.problems or SESSION.language.lang not in SESSION.run.languages:
        return
    lang = current_language(config)
    shared = lang == SESSION.run.languages[0]  # files every language links to, written once
    files = files_after(
        SESSION.inputs.require(), SESSION.inputs.history, lang, _site_url(config), shared
    )
    for path, content in files.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _site_url(config: MkDocsConfig) -> str:
    url = config.site_url or "/"
    return url if url.endswith("/") else url + "/"


def json_in_script(value: object) -> str:
    """`value` as compact UTF-8 JSON that no text in it can end the script it sits in:
    `<`, `>` and `&` stay escaped. Keys sorted, as Jinja's tojson sorts them; unlike it, not
    every non-ASCII character escaped and no spaces (on a Japanese page a third of the bytes)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process, not once per language and rebuild:
    MkDocs makes a new Jinja environment for every build. Jinja checks each entry against
    its template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        # Keyed on the template's name and checked against its source by Jinja.
        self.compiled: dict[str, bytes] = table("site.COMPILED_TEMPLATES", Lifetime.PROCESS)

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


def add_template_globals(env: Environment) -> None:
    """Let theme templates (404, head) use the briefing's labels, feed and languages, and the
    JSON filter overrides/main.html writes Material's configuration script with; and keep the
    theme's compiled templates for the next build."""
    env.bytecode_cache = COMPILED_TEMPLATES
    env.auto_reload = False  # a new environment each build: its templates are read afresh
    if SESSION.run.serving:
        add_dispatch(env)
    env.globals["briefing_label"] = label
    env.globals["briefing_feed"] = feed_path
    env.globals["briefing_page_url"] = page_url
    env.globals["briefing_publisher"] = publisher
    env.globals["briefing_languages"] = SESSION.run.site
    env.globals["briefing_default_language"] = DEFAULT_LANGUAGE
    env.globals["briefing_search_endings"] = search_endings
    env.filters["briefing_json"] = json_in_script
    env.globals["briefing_shared_nav"] = shared_nav_key
    env.globals["briefing_nav_blocks"] = {}  # a new environment for each language build


def prepare_404(config: MkDocsConfig) -> None:
    """The 404 page's language switcher leads to each language's home page (the switcher
    would otherwise keep the links of the last page built)."""
    root = urlsplit(_site_url(config)).path  # the 404 page is served at any path
    set_switcher_links(config, {lang: root + lang_prefix(lang) for lang in SESSION.run.site})
