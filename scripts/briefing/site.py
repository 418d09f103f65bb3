"""The MkDocs adapter: MkDocs' events in, the briefing's pages, checks and files out.

With mkdocs-static-i18n every event runs once per language. What the build keeps between
events has three lifetimes, each its own object:
- `INPUTS`: the loaded and validated project, for one set of input files (everything that
  feeds the site: seeds, docs, data, templates, strings, overrides); a change reloads it;
- `LANGUAGE`: one language's build: its generated pages, and the HTML fragments each page
  hands from its Markdown event to its content event (taken, so none outlives its page);
- `RUN`: the process: whether this is the live preview and of which languages, and the
  default 404 page kept between the languages' builds.
The private internals of the plugins sit behind `mkdocs_internals`; the domain (which
pages are generated, what they show, how a page is cited) is in the core.
"""

from __future__ import annotations

import html
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import DEFAULT_LANGUAGE, strings, typography
from .catalogue import GeneratedPage, generated_pages
from .citepage import page_cite_box
from .errors import BriefingError, Problem
from .expand import expand
from .exports import render_all
from .history import History, read_history
from .mkdocs_internals import (
    ICONS_FILE,
    IconSprite,
    add_to_language,
    build_only,
    config_without_search,
    configured_languages,
    current_language,
    deferred_scripts,
    finished_theme_html,
    is_last_language,
    list_installed_theme_once,
    poll_quickly,
    set_sitemap_alternates,
    set_switcher_links,
    version_problems,
)
from .news import render_feed
from .preview import (
    LanguageReuse,
    Reuse,
    add_dispatch,
    choose_template,
    content_key,
    digest,
    theme_key,
)
from .project import Project, load_project, setup_problems
from .render import (
    fill_fragments,
    placeholder,
    render_behind_notice,
    render_correction_notice,
    render_draft_notice,
    render_page,
    render_preview_notice,
    render_problems,
)
from .search_index import SearchIndexer
from .strings import label
from .urls import feed_path, lang_prefix, page_url, relative_url

PACKAGE = Path(__file__).parent
log = logging.getLogger("mkdocs.plugins.briefing")


def inputs_stamp(*paths: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap identity of the input files (path, mtime, size), so a build loads them once
    and any change reloads them."""
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))]
    return tuple(
        sorted((str(p), (s := p.stat()).st_mtime_ns, s.st_size) for p in files if p.is_file())
    )


@dataclass
class Inputs:
    """The project for one set of input files, loaded once, reloaded when one changes.
    Under the live preview, inputs with problems give `problems` instead of a project."""

    stamp: tuple[tuple[str, int, int], ...] | None = None
    project: Project | None = None
    problems: list[Problem] = field(default_factory=list)
    history: History = field(default_factory=lambda: History(False, ()))

    def refresh(self, root: Path, docs: Path, serving: bool) -> Project | None:
        strings.refresh()
        stamp = inputs_stamp(
            root / "seeds",
            docs,
            root / "data",
            PACKAGE / "templates",
            strings.PATH,
            root / "overrides",
            root / "mkdocs.yml",  # the site's languages
        )
        if stamp == self.stamp:
            return self.project
        self.stamp, self.project, self.problems = stamp, None, []
        try:
            self.project = load_project(root, docs_dir=docs, drafts=serving)
        except BriefingError as exc:
            if not serving:
                self.stamp = None  # nothing was loaded: the next build tries again
                raise PluginError(str(exc)) from None
            # The preview shows the problems on every page instead of keeping old pages.
            self.problems = exc.problems
            for problem in exc.problems:
                log.info("briefing: %s", problem.format())
            log.info(
                "briefing: the preview shows these %d problem(s) on every page", len(exc.problems)
            )
            return None
        self.history = read_history(root)
        self._tell(self.project)
        return self.project

    def _tell(self, project: Project) -> None:
        for source in project.sources.values():
            if source.missing:
                log.info(
                    "briefing: %s is a draft (still empty: %s); `make check` will fail "
                    "until it is complete",
                    source.path,
                    ", ".join(source.missing),
                )
        for behind in project.behind:
            log.info("briefing: %s", behind.format())
        if not self.history.available:
            log.info(
                "briefing: no git history here (or a shallow clone): What's new dates "
                "sources by their accessed date and lists no page updates"
            )

    def require(self) -> Project:
        """The project validated in this build's pre-build event."""
        if self.project is None:
            raise PluginError("briefing: pages are rendered before the sources were loaded")
        return self.project


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


INPUTS = Inputs()
LANGUAGE = LanguageBuild()
RUN = Run()


def start(command: str) -> None:
    """A new process: `build` or `serve` (the preview), of every language or, for a faster
    preview, of those BRIEFING_LANGUAGES names (`make serve LANG=ja`)."""
    RUN.serving = command == "serve"
    if problems := version_problems():
        raise PluginError("briefing: " + "\nbriefing: ".join(problems))
    chosen = os.environ.get("BRIEFING_LANGUAGES", "").replace(",", " ").split()
    if chosen and RUN.serving:
        RUN.chosen = tuple(chosen)
        log.info("briefing: this preview builds %s only", ", ".join(RUN.chosen))
        # The default language's pages left out of the preview are named in the navigation.
        logging.getLogger("mkdocs.structure.nav").addFilter(
            lambda record: "excluded from the built site" not in record.getMessage()
        )


def choose_languages(config: MkDocsConfig) -> None:
    """Before the i18n plugin reads its languages: the site's, from mkdocs.yml; leave out
    those this preview skips."""
    RUN.site = tuple(configured_languages(config))
    unknown = [lang for lang in RUN.chosen if lang not in RUN.site]
    if unknown:
        raise PluginError(
            f"briefing: BRIEFING_LANGUAGES names {', '.join(unknown)}, not a site language. "
            f"Fix: choose among {', '.join(RUN.site)} (make serve LANG=ja)"
        )
    chosen = [lang for lang in RUN.site if lang in RUN.chosen]
    RUN.languages = tuple(chosen) if chosen else RUN.site
    if RUN.languages != RUN.site:
        build_only(config, RUN.languages)


def quicken_preview(config: MkDocsConfig) -> None:
    """Under the preview, list the installed theme's files once per process, not once per
    rebuild and language."""
    if RUN.serving:
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
    the site's address is still mkdocs.yml's placeholder: every self-link, the cite box, the
    feeds and the downloads would point at it. Previews and tests may use it."""
    if os.environ.get("BRIEFING_PUBLISH") == "1" and PLACEHOLDER_HOST in (config.site_url or ""):
        raise PluginError(
            f"briefing: mkdocs.yml:4: site_url is the placeholder {config.site_url}, and this "
            "build is for publication (BRIEFING_PUBLISH=1). Fix: set SITE_URL to the address "
            "the site is published at, e.g. SITE_URL=https://<owner>.github.io/h200-briefing/"
        )


def load(config: MkDocsConfig) -> Project | None:
    """Validate sources and pages unless this exact input was already validated."""
    check_setup(config)
    check_publication(config)
    return INPUTS.refresh(_root(config), Path(config.docs_dir), RUN.serving)


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
    LANGUAGE.start(lang, _preview_notice(lang))
    skipped = lang not in RUN.languages
    if skipped:
        for file in files.documentation_pages():
            if file.src_uri != f"{lang}/index.md":
                file.inclusion = InclusionLevel.EXCLUDED
    added = []
    catalogue = generated_pages(None if INPUTS.problems or skipped else INPUTS.require())
    for generated in catalogue:
        # The title goes into YAML front matter that MkDocs reads back and puts in the
        # page's <title> and navigation without escaping: escaped here, it stays text.
        front = yaml.safe_dump(
            {"title": html.escape(generated.title(lang), quote=True)}, allow_unicode=True
        )
        file = File.generated(
            config, generated.src_uri(lang), content=f"---\n{front}---\n\n{placeholder(0)}\n"
        )
        file.dest_uri = f"{generated.url(lang)}index.html"
        set_sitemap_alternates(file, {other: generated.url(other) for other in RUN.site})
        files.append(file)
        added.append(file)
        LANGUAGE.generated[generated.src_uri(lang)] = generated
    add_to_language(config, lang, added)
    if RUN.serving:  # what every page of this build reads: its files (a link's target
        # changes when one comes or goes), the templates, the theme's overrides, the strings
        root = _root(config)
        read = (PACKAGE / "templates", root / "overrides", strings.PATH, root / "mkdocs.yml")
        files_read = sorted((f.src_uri, f.dest_uri) for f in files)
        LANGUAGE.reuse.build_key = digest((files_read, inputs_stamp(*read)))
    return files


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    lang = LANGUAGE.lang
    if INPUTS.problems:  # the preview: every page says what to fix
        LANGUAGE.hand_over(page, {placeholder(0): render_problems(lang, INPUTS.problems)})
        return placeholder(0)
    project = INPUTS.require()
    generated = LANGUAGE.generated.get(page.file.src_uri)
    rel = page.file.src_uri.removeprefix(f"{lang}/")
    if RUN.serving:  # the preview renders a page again only when what it reads changed
        if generated is None:  # the page with its data inserted, and what it cites
            shown = expand(markdown, lang, project.data, project.page_titles(lang))
            inputs = project.page_render_inputs(lang, rel)
        else:
            shown, inputs = markdown, generated.render_inputs(lang, project)
        if inputs is not None:
            key = content_key(LANGUAGE.reuse, page, shown, inputs, LANGUAGE.notices)
            if not RUN.reuse.convert_again(LANGUAGE.reuse, page, key):
                return ""  # nothing for Markdown to convert: page_content restores the page
    markdown, fragments = _render_markdown(markdown, page, generated, lang, rel, project)
    LANGUAGE.hand_over(page, fragments)
    return markdown


def _render_markdown(
    markdown: str,
    page: Page,
    generated: GeneratedPage | None,
    lang: str,
    rel: str,
    project: Project,
) -> tuple[str, dict[str, str]]:
    """The page's Markdown with placeholders, and the HTML fragments they stand for."""
    if generated is not None:
        body = generated.render(lang, project, INPUTS.history)
        return markdown, {placeholder(0): "".join(LANGUAGE.notices) + body}
    rendered = render_page(markdown, page.url, lang, project, path=page.file.src_uri)
    notices = list(LANGUAGE.notices)
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
    fragments = dict(rendered.fragments)
    heads = []
    for notice in notices:  # numbered after the page's own fragments
        key = placeholder(len(fragments))
        fragments[key] = notice
        heads.append(key)
    return after_title(rendered.markdown, heads), fragments


def _preview_notice(lang: str) -> list[str]:
    """In a preview of some languages only, the note saying which it leaves out."""
    if RUN.languages == RUN.site:
        return []
    skipped = [other for other in RUN.site if other not in RUN.languages]
    return [render_preview_notice(lang, RUN.languages, skipped)]


def after_title(markdown: str, blocks: list[str]) -> str:
    """`markdown` with `blocks` inserted after its first-level title (MkDocs takes a page's
    title from a leading `# ` heading, so nothing may come before it)."""
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join([*lines[:at], "", *blocks, "", *lines[at:]])


def page_content(content: str, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML with its fragments in place and its cite box. Under the preview, an
    unchanged page is restored as it was (title, table of contents, HTML, anchors: what
    Markdown would have made of it again), a changed one kept for the next rebuild."""
    restored = RUN.reuse.restore(LANGUAGE.reuse, page)
    if restored is not None:
        content = restored
    else:
        content = fill_fragments(content, LANGUAGE.take(page))
        RUN.reuse.keep_converted(LANGUAGE.reuse, page, content)
    if INPUTS.problems:
        return content
    lang = LANGUAGE.lang
    generated = LANGUAGE.generated.get(page.file.src_uri)
    title = page.title or label("site_name", lang)
    return content + page_cite_box(
        INPUTS.require(),
        lang,
        html.unescape(title),
        page.url,
        _site_url(config),
        INPUTS.history,
        generated,
        rel=page.file.src_uri.removeprefix(f"{lang}/"),
    )


def post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The finished page as valid HTML, set in its language's typography (French spaces,
    Japanese full-width punctuation, German numbers): mechanical, so no editor types it.
    Under the preview, kept for the next rebuild (a reused page is finished already)."""
    if page.file.src_uri in LANGUAGE.reuse.reused:
        return output
    output = finished_theme_html(output)
    output = RUN.icons.refer(output, relative_url(page.url, ICONS_FILE))
    if not INPUTS.problems:
        output = typography.apply_html(output, LANGUAGE.lang)
    RUN.reuse.keep_finished(LANGUAGE.reuse, page, output)
    return output


def choose_page_template(page: Page) -> None:
    """Under the preview, render the page through the template that can reuse it."""
    if RUN.serving:
        choose_template(page)


def reuse_finished(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Under the preview, give the page's template its finished HTML from the last rebuild
    if nothing the theme reads for it changed."""
    if RUN.serving:
        key = theme_key(LANGUAGE.reuse, page, config, nav)
        RUN.reuse.reuse_finished(LANGUAGE.reuse, context, page, key)
    return context


def shared_nav_key(page: Page, nav: Navigation) -> str | None:
    """The key under which a page's navigation block (the sidebars) is the same as other
    pages': a source's page outside the navigation and without a table of contents shows
    what every such page in its folder shows (no entry active, the same relative links), so
    overrides/main.html renders it once per language build; None for any other page."""
    generated = LANGUAGE.generated.get(page.file.src_uri)
    if generated is None or generated.kind != "source" or len(page.toc):
        return None
    if LANGUAGE.in_nav is None:
        LANGUAGE.in_nav = frozenset(listed.file.src_uri for listed in nav.pages)
    if page.file.src_uri in LANGUAGE.in_nav:
        return None
    return page.url.rstrip("/").rpartition("/")[0]


def post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page (a theme template, not a page) as valid HTML, in its language's
    typography."""
    if template_name != "404.html":
        return output
    return typography.apply_html(finished_theme_html(output), current_language(config))


def fix_alternates(page: Page, config: MkDocsConfig) -> None:
    """On generated pages, point the language switcher at the same page in each language."""
    generated = LANGUAGE.generated.get(page.file.src_uri)
    if generated is not None:
        set_switcher_links(config, {lang: generated.url(lang) for lang in RUN.site})


def index_search(config: MkDocsConfig) -> None:
    """Index this language's pages for search while the next language builds
    (search_index.py); after the last language, wait for every index."""
    if INPUTS.problems:
        return
    if os.environ.get("BRIEFING_SEARCH", "on" if not RUN.serving else "off") == "off":
        # A build that nobody will search, or the live preview (each rebuild would wait for
        # the index; `BRIEFING_SEARCH=on make serve` builds it).
        if is_last_language(config):
            log.info("briefing: no search index is built (BRIEFING_SEARCH=on builds it)")
        return
    try:
        RUN.search.start(Path(config.site_dir), current_language(config), RUN.site)
    except OSError as exc:
        RUN.search.stop()
        raise PluginError(
            f"briefing: the search index could not be built ({exc}). Fix: "
            "reinstall the pinned requirements (make clean serve)"
        ) from None
    if is_last_language(config) and (failures := RUN.search.finish()):
        raise PluginError("briefing: Pagefind failed to index the site:\n" + "\n".join(failures))


def stop_search() -> None:
    """A build that failed stops the search indexing it started."""
    RUN.search.stop()


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
        RUN.default_404 = root.read_bytes()
        return
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    root.replace(target)
    if RUN.default_404 is not None:
        root.write_bytes(RUN.default_404)


def write_icons(config: MkDocsConfig) -> None:
    """After the last language, write the sprite of the theme's icons the pages refer to
    (every icon met in this process: a preview's rebuild may reuse every page)."""
    if not is_last_language(config):
        return
    target = Path(config.site_dir) / ICONS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(RUN.icons.sprite(), encoding="utf-8")


def write_feed(config: MkDocsConfig) -> None:
    """Write this language's Atom feed next to its home page."""
    if INPUTS.problems or LANGUAGE.lang not in RUN.languages:
        return
    lang = current_language(config)
    target = Path(config.site_dir) / feed_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render_feed(lang, INPUTS.require(), INPUTS.history, _site_url(config)))


def write_exports(config: MkDocsConfig) -> None:
    """Write this language's downloads (CSL-JSON, BibTeX, TimelineJS, chips CSV/JSON) and,
    in the first language built, those every language shares (texts.json)."""
    if INPUTS.problems or LANGUAGE.lang not in RUN.languages:
        return
    lang = current_language(config)
    shared = lang == RUN.languages[0]  # files every language links to, written once
    for path, text in render_all(INPUTS.require(), lang, _site_url(config), shared).items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _site_url(config: MkDocsConfig) -> str:
    url = config.site_url or "/"
    return url if url.endswith("/") else url + "/"


# What Material's head block writes that this site writes otherwise or not at all: the
# hreflang alternates (overrides/main.html writes them absolute), prev/next, whose presence
# turns on single-key page shortcuts (n, p) a reader cannot switch off, and the generator
# meta naming the tools' versions, which no reader or search engine uses.
_OWN_HEAD_LINKS = re.compile(
    r"[ \t]*<(?:link\b[^>]*\s(?:hreflang=|rel=\"(?:prev|next)\")|meta name=\"generator\")[^>]*>"
    r"[ \t]*\n?"
)


def without_own_head_links(head: str) -> str:
    return _OWN_HEAD_LINKS.sub("", head)


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process, not once per language and rebuild:
    MkDocs makes a new Jinja environment for every build. Jinja checks each entry against
    its template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


def add_template_globals(env: Environment) -> None:
    """Let theme templates (404, head) use the briefing's labels, feed and languages, and the
    filter overrides/main.html applies to Material's head block (why: the top of that file);
    and keep the theme's compiled templates for the next build."""
    env.bytecode_cache = COMPILED_TEMPLATES
    env.auto_reload = False  # a new environment each build: its templates are read afresh
    if RUN.serving:
        add_dispatch(env)
    env.globals["briefing_label"] = label
    env.globals["briefing_feed"] = feed_path
    env.globals["briefing_languages"] = RUN.site
    env.globals["briefing_default_language"] = DEFAULT_LANGUAGE
    env.filters["briefing_without_own_links"] = without_own_head_links
    env.filters["briefing_config"] = config_without_search
    env.filters["briefing_deferred"] = deferred_scripts
    env.globals["briefing_shared_nav"] = shared_nav_key
    env.globals["briefing_nav_blocks"] = {}  # a new environment for each language build


def prepare_404(config: MkDocsConfig) -> None:
    """The 404 page's language switcher leads to each language's home page (the switcher
    would otherwise keep the links of the last page built)."""
    root = urlsplit(_site_url(config)).path  # the 404 page is served at any path
    set_switcher_links(config, {lang: root + lang_prefix(lang) for lang in RUN.site})
