"""MkDocs entry point: dispatch build events to the `briefing` package, nothing more.

`briefing` (its MkDocs side is `site.py`) is imported at module level: MkDocs puts this
folder on sys.path while it imports this file, so a build finds the package here even where
`make` has not installed it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from jinja2 import Environment, Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from briefing import site


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    site.start(command)


@event_priority(100)  # before the i18n plugin (-100) reads which languages to build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.choose_languages(config)
    site.quicken_preview(config)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    site.load(config)
    site.localize_theme(config)


@event_priority(-110)  # after mkdocs-static-i18n (-100), which crashes on in-memory files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    return site.add_generated_files(files, config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site.choose_page_template(page)
    return site.page_markdown(markdown, page, config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.page_content(html, page, config)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return site.post_page(output, page, config)


def on_pre_template(  # the 404 page
    template: Template, *, template_name: str, config: MkDocsConfig
) -> Template:
    if template_name == "404.html":
        site.prepare_404(config)
    return template


def on_post_template(  # the 404 page
    output_content: str, *, template_name: str, config: MkDocsConfig
) -> str:
    return site.post_template(output_content, template_name, config)


def on_page_context(  # after the i18n plugin's (priority 50)
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    site.fix_alternates(page, config)
    return site.reuse_finished(context, page, config, nav)


@event_priority(-50)  # before the i18n plugin builds the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    site.place_404(config)
    site.write_icons(config)
    site.write_files(config)
    site.index_search(config)  # this language, while the next builds; waits after the last


def on_build_error(*, error: Exception) -> None:
    site.stop_search()


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    return site.serve(server)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    site.add_template_globals(env)
    return env
