"""The MkDocs side of the briefing: generated pages, citations in pages, the switcher.

With mkdocs-static-i18n every hook runs once per language. Sources and pages are
loaded and validated once per set of inputs (a fingerprint of seeds/ and docs/),
and rendered per language.
"""

from __future__ import annotations

import copy
import html
import logging
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import DEFAULT_LANGUAGE, SITE_LANGUAGES, strings, typography
from .citepage import cite_box, claim_reviews
from .errors import BriefingError, Problem
from .exports import render_all
from .history import History, latest_days, page_day, read_history
from .news import render_feed, render_whats_new
from .project import Project, fingerprint, load_project
from .render import (
    fill_fragments,
    render_behind_notice,
    render_correction_notice,
    render_index,
    render_page,
    render_problems,
    render_source_page,
    token,
)
from .strings import label
from .urls import downloads_url, feed_path, index_url, news_url, source_url
from .urls import page_url as page_url_of


@dataclass
class _State:
    key: tuple[Any, ...] = ()
    default_404: bytes | None = None
    project: Project | None = None
    history: History = field(default_factory=lambda: History(False, ()))
    days: dict[str, Any] = field(default_factory=dict)  # path -> day of its newest commit
    # src_uri of a generated page -> ("index", "") or ("source", id), for the current language
    generated: dict[str, tuple[str, str]] = field(default_factory=dict)
    fragments: dict[str, dict[str, str]] = field(default_factory=dict)
    serving: bool = False  # under `mkdocs serve`: show problems in the browser, allow drafts
    problems: list[Problem] = field(default_factory=list)  # why the preview cannot be built


STATE = _State()
PACKAGE = Path(__file__).parent


def start(command: str) -> None:
    """Remember whether this is the live preview (`mkdocs serve`)."""
    STATE.serving = command == "serve"


log = logging.getLogger("mkdocs.plugins.briefing")


def root_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def localize_theme(config: MkDocsConfig) -> None:
    """Put this language's words where MkDocs and Material would show English.

    The site name (header, `<title>`), the light/dark toggle labels and the heading
    permalinks' title come from strings.yml, the one place each language's UI words live.
    """
    lang = current_language(config)
    config.site_name = label("site_name", lang)
    names = {"default": label("theme_to_dark", lang), "slate": label("theme_to_light", lang)}
    for option in config.theme.get("palette") or []:
        if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
            option["toggle"]["name"] = names.get(option.get("scheme"), option["toggle"]["name"])
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = label("permalink", lang)


def load(config: MkDocsConfig) -> Project | None:
    """Validate sources and pages unless this exact input was already validated."""
    root = root_of(config)
    docs = Path(config.docs_dir)
    strings.refresh()
    # Everything that feeds the pages: an edit to any of these is a new build's input.
    key = fingerprint(
        root / "seeds", docs, root / "data", PACKAGE / "templates", strings.PATH, root / "overrides"
    )
    if (STATE.project is None and not STATE.problems) or STATE.key != key:
        STATE.project = None
        STATE.key = key
        try:
            STATE.project = load_project(root, SITE_LANGUAGES, docs_dir=docs, drafts=STATE.serving)
            STATE.problems = []
        except BriefingError as exc:
            if not STATE.serving:
                raise PluginError(str(exc)) from None
            # The preview shows the problems on every page instead of keeping old pages.
            STATE.problems = exc.problems
            for problem in exc.problems:
                log.info("briefing: %s", problem.format())
            log.info(
                "briefing: the preview shows these %d problem(s) on every page", len(exc.problems)
            )
            return None
        for source in STATE.project.sources.values():
            if source.missing:
                log.info(
                    "briefing: %s is a draft (still empty: %s); `make check` will fail "
                    "until it is complete",
                    source.path,
                    ", ".join(source.missing),
                )
        STATE.history = read_history(root)
        STATE.days = latest_days(STATE.history)
        for behind in STATE.project.behind:
            log.info("briefing: %s", behind.format())
        if not STATE.history.available:
            log.info(
                "briefing: no git history here (or a shallow clone): What's new dates "
                "sources by their accessed date and lists no page updates"
            )
    return STATE.project


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the citations index and one page per source, for the language being built."""
    lang = current_language(config)
    STATE.generated = {}
    pages = [
        ("index", "", index_url(lang), label("sources_title", lang)),
        ("news", "", news_url(lang), label("news_title", lang)),
    ]
    if not STATE.problems:
        pages += [
            ("source", s.id, source_url(s.id, lang), s.titles[lang])
            for s in current_project().sorted_sources()
        ]
    for kind, ident, url, title in pages:
        src_uri = (
            f"{lang}/whats-new.md" if kind == "news" else f"{lang}/sources/{ident or 'index'}.md"
        )
        front = yaml.safe_dump({"title": html.escape(title, quote=True)}, allow_unicode=True)
        content = f"---\n{front}---\n\n{token(0)}\n"
        generated = File.generated(config, src_uri, content=content)
        generated.dest_uri = f"{url}index.html"
        # For the i18n plugin's sitemap: this page in every language.
        generated.alternates = {
            other: SimpleNamespace(url=_generated_url(kind, ident, other), page=None)
            for other in SITE_LANGUAGES
        }
        files.append(generated)
        STATE.generated[src_uri] = (kind, ident)
    plugin = config.plugins.get("i18n")
    if plugin is not None:  # it listed this language's pages before ours were added
        listed = plugin.i18n_files_per_language.setdefault(lang, [])
        listed.extend(f for f in files if f.src_uri in STATE.generated)
    return files


def _generated_url(kind: str, ident: str, lang: str) -> str:
    if kind == "index":
        return index_url(lang)
    if kind == "news":
        return news_url(lang)
    return source_url(ident, lang)


def current_project() -> Project:
    """The project validated in this build's on_pre_build (pages must not re-scan the inputs)."""
    if STATE.project is None:
        raise PluginError("briefing: pages are rendered before the sources were loaded")
    return STATE.project


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    lang = current_language(config)
    src_uri = page.file.src_uri
    if STATE.problems:  # the preview: every page says what to fix
        STATE.fragments[src_uri] = {token(0): render_problems(lang, STATE.problems)}
        return token(0)
    project = current_project()
    if src_uri in STATE.generated:
        kind, ident = STATE.generated[src_uri]
        if kind == "index":
            body = render_index(lang, project)
        elif kind == "news":
            body = render_whats_new(lang, project, STATE.history)
        else:
            body = render_source_page(project.sources[ident], lang, project)
        STATE.fragments[src_uri] = {token(0): body}
        return markdown
    rendered = render_page(markdown, page.url, lang, project, path=src_uri)
    STATE.fragments[src_uri] = rendered.fragments
    rel = src_uri.removeprefix(f"{lang}/")
    notices = []
    log = project.log_page(lang)
    if log is not None and log != rel and (changes := project.data.corrections_of(rel)):
        notices.append(
            render_correction_notice(lang, page_url_of(rel, lang), page_url_of(log, lang), changes)
        )
    if project.is_behind(lang, rel):
        notices.append(render_behind_notice(lang, page_url_of(rel, lang)))
    heads = []
    for number, notice in enumerate(notices, start=len(rendered.fragments) + 1000):
        STATE.fragments[src_uri][token(number)] = notice
        heads.append(token(number))
    return after_title(rendered.markdown, heads)


def after_title(markdown: str, blocks: list[str]) -> str:
    """`markdown` with `blocks` inserted after its first-level title (MkDocs takes a page's
    title from a leading `# ` heading, so nothing may come before it)."""
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join([*lines[:at], "", *blocks, "", *lines[at:]])


def page_content(content: str, page: Page, config: MkDocsConfig) -> str:
    content = fill_fragments(content, STATE.fragments.pop(page.file.src_uri, {}))
    if STATE.problems:
        return content
    return content + _cite_this_page(page, config)


def post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The finished page set in its language's typography (French spaces, Japanese
    full-width punctuation, German numbers): mechanical, so no editor types it."""
    if STATE.problems:
        return output
    return typography.apply_html(output, current_language(config))


def post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page (a theme template, not a page) in its language's typography."""
    if template_name != "404.html":
        return output
    return typography.apply_html(output, current_language(config))


def _cite_this_page(page: Page, config: MkDocsConfig) -> str:
    """The "cite this page" box and the page's JSON-LD."""
    project = current_project()
    lang = current_language(config)
    src_uri = page.file.src_uri
    base = _site_url(config)
    about, cited, reviews = None, [], []
    generated = STATE.generated.get(src_uri)
    if generated is None:
        rel = src_uri.removeprefix(f"{lang}/")
        scan = project.scan(lang, rel)
        day = page_day(STATE.days, f"docs/{src_uri}", scan.data_files if scan else ())
        cited = project.cited_sources(lang, rel)
        if scan is not None and "briefing:claim-review" in scan.body:
            reviews = claim_reviews(
                scan.body, lang, base + page.url, base, day, project.data.claims, project.sources
            )
    elif generated[0] == "source":
        about = project.sources[generated[1]]
        day = STATE.days.get(about.path)
    else:
        day = STATE.history.commits[0].day if STATE.history.commits else None
    title = page.title or label("site_name", lang)
    return cite_box(
        lang, html.unescape(title), base + page.url, page.url, base, day, cited, about, reviews
    )


def fix_alternates(page: Page, config: MkDocsConfig) -> None:
    """On generated pages, point the language switcher at the same page in each language."""
    generated = STATE.generated.get(page.file.src_uri)
    if generated is None:
        return
    kind, ident = generated
    # The i18n plugin sets `extra.alternate` as an attribute, which is what the theme reads.
    alternates = copy.deepcopy(getattr(config.extra, "alternate", None) or [])
    for alternate in alternates:
        lang = alternate["lang"]
        alternate["link"] = _generated_url(kind, ident, lang)
    config.extra.alternate = alternates


def index_search(config: MkDocsConfig) -> None:
    """After the last language is written, index the whole site with Pagefind.

    Pagefind reads each page's `lang` and writes one index per language, Japanese
    segmented into words (the extended build), French and German stemmed; the browser
    loads the reader's language's index in small pieces when the reader searches.
    Only the article (`data-pagefind-body`, overrides/main.html) is indexed.
    """
    if STATE.problems:
        return
    plugin = config.plugins.get("i18n")
    if plugin is not None and current_language(config) != plugin.build_languages[-1]:
        return
    if os.environ.get("BRIEFING_SEARCH", "on") == "off":  # a build that nobody will search
        log.info("briefing: BRIEFING_SEARCH=off: no search index is built")
        return
    site_dir = Path(config.site_dir)
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site_dir),
                "--output-subdir",
                "pagefind",
                "--silent",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise PluginError(
            f"briefing: the search index could not be built ({exc}). Fix: "
            "reinstall the pinned requirements (make clean serve)"
        ) from None
    if done.returncode != 0:
        raise PluginError(
            "briefing: Pagefind failed to index the site:\n" + (done.stderr or done.stdout)[-2000:]
        )


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
        STATE.default_404 = root.read_bytes()
        return
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    root.replace(target)
    if STATE.default_404 is not None:
        root.write_bytes(STATE.default_404)


def write_feed(config: MkDocsConfig) -> None:
    """Write this language's Atom feed next to its home page."""
    if STATE.problems:
        return
    lang = current_language(config)
    target = Path(config.site_dir) / feed_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render_feed(lang, current_project(), STATE.history, _site_url(config)))


def write_exports(config: MkDocsConfig) -> None:
    """Write this language's downloads (CSL-JSON, BibTeX, TimelineJS, chips CSV/JSON)."""
    if STATE.problems:
        return
    lang = current_language(config)
    folder = Path(config.site_dir) / downloads_url(lang)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in render_all(current_project(), lang, _site_url(config)).items():
        (folder / name).write_text(text, encoding="utf-8")


def _site_url(config: MkDocsConfig) -> str:
    url = config.site_url or "/"
    return url if url.endswith("/") else url + "/"


def add_template_globals(env: Any) -> None:
    """Let theme templates (404, head) use the briefing's labels."""
    env.globals["briefing_label"] = label
    env.globals["briefing_feed"] = feed_path
