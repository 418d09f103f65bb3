"""MkDocs entry point: dispatch build events to the `briefing` package, nothing more.

`briefing` is imported at module level: MkDocs puts this folder on sys.path only
while it imports this file.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from briefing import site


def on_startup(command, dirty):
    site.start(command)


def on_pre_build(config):
    site.load(config)
    site.localize_theme(config)


@event_priority(-110)  # after mkdocs-static-i18n (-100), which crashes on in-memory files
def on_files(files, config):
    return site.add_generated_files(files, config)


def on_page_markdown(markdown, page, config, files):
    return site.page_markdown(markdown, page, config)


def on_page_content(html, page, config, files):
    return site.page_content(html, page, config)


def on_post_page(output, page, config):
    return site.post_page(output, page, config)


def on_post_template(output_content, template_name, config):  # the 404 page
    return site.post_template(output_content, template_name, config)


def on_page_context(context, page, config, nav):  # after the i18n plugin's (priority 50)
    site.fix_alternates(page, config)
    return context


@event_priority(-50)  # before the i18n plugin builds the other languages
def on_post_build(config):
    site.place_404(config)
    site.write_feed(config)
    site.write_exports(config)
    site.index_search(config)  # after the last language: every page is written


def on_env(env, config, files):
    site.add_template_globals(env)
    return env
