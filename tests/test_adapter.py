"""The MkDocs adapter: the plugins' internals are checked, and the languages agree."""

from __future__ import annotations

import re
import shutil
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from briefing import mkdocs_internals, site
from conftest import LANGS, ROOT, mkdocs_yml


def test_the_internals_are_read_in_the_pinned_versions():
    pins = dict(
        re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.txt").read_text(), re.M)
    )
    assert {name: pins.get(name) for name in mkdocs_internals.PINNED} == mkdocs_internals.PINNED
    assert mkdocs_internals.version_problems() == []


def test_another_plugin_version_stops_the_build(monkeypatch):
    monkeypatch.setitem(mkdocs_internals.PINNED, "mkdocs-static-i18n", "0.1")
    (problem,) = mkdocs_internals.version_problems()
    assert problem.startswith("mkdocs-static-i18n 1.3.1 is installed; the build relies on")
    assert "Fix: " in problem
    monkeypatch.setattr(site, "RUN", site.Run())
    with pytest.raises(PluginError, match="mkdocs-static-i18n 1.3.1 is installed"):
        site.start("build")  # once, as the process starts


def _config(tmp_path, locales):
    path = tmp_path / "mkdocs.yml"
    path.write_text(mkdocs_yml(tuple(locales)))
    languages = [SimpleNamespace(locale=lang) for lang in locales]
    plugin = SimpleNamespace(config=SimpleNamespace(languages=languages))
    return SimpleNamespace(config_file_path=str(path), plugins={"i18n": plugin})


def test_the_build_stops_on_a_language_the_briefing_has_no_record_of(tmp_path):
    site.check_setup(_config(tmp_path, LANGS))  # every language known: nothing to say
    with pytest.raises(PluginError) as caught:
        site.check_setup(_config(tmp_path, [*LANGS, "xx"]))
    message = str(caught.value)
    line = 4 + len(LANGS) + 1  # after each language's locale and the default's flag
    assert f"mkdocs.yml:{line}: the language 'xx' has no record" in message
    assert "Fix: add its Language record" in message
    assert "strings.yml" in message  # and strings.yml gives no text in it


def test_the_real_mkdocs_yml_lists_languages_the_briefing_knows():
    listed = re.findall(r"^\s*- locale: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert tuple(listed) == LANGS


def test_a_preview_of_some_languages_builds_those_and_the_default(monkeypatch, tmp_path):
    monkeypatch.setattr(site, "RUN", site.Run())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    site.start("serve")
    config = _config(tmp_path, LANGS)
    site.choose_languages(config)
    assert site.RUN.languages == ("ja",)
    built = {
        lang.locale: getattr(lang, "build", None)
        for lang in config.plugins["i18n"].config.languages
    }
    assert built == {lang: lang in ("en", "ja") for lang in LANGS}


def test_a_build_ignores_the_preview_languages(monkeypatch, tmp_path):
    monkeypatch.setattr(site, "RUN", site.Run())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    site.start("build")
    site.choose_languages(_config(tmp_path, LANGS))
    assert site.RUN.languages == LANGS


def test_an_unknown_preview_language_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(site, "RUN", site.Run())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "es")
    site.start("serve")
    with pytest.raises(PluginError, match="BRIEFING_LANGUAGES names es, not a site language"):
        site.choose_languages(_config(tmp_path, LANGS))


def test_template_indentation_goes_but_kept_whitespace_stays():
    page = (
        "<body>\n    <p>one\n      two</p>\n\n\n  <pre><code>a\n    b</code></pre>\n"
        "  <script>\n  var x;\n</script>\n  <textarea>\n  t</textarea>\n</body>\n"
    )
    assert mkdocs_internals.compact_html(page) == (
        "<body>\n<p>one\ntwo</p>\n<pre><code>a\n    b</code></pre>\n"
        "<script>\n  var x;\n</script>\n<textarea>\n  t</textarea>\n</body>\n"
    )


def test_materials_invalid_markup_is_made_valid():
    page = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" autocomplete="off"><label for="__toc">Contents</label>'
    )
    fixed = mkdocs_internals.valid_html(page)
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" autocomplete="off">' in fixed  # allowed on text inputs
    assert "<label>Contents</label>" in fixed  # no checkbox __toc on this page
    with_toc = page + '<input type="checkbox" id="__toc">'
    assert 'for="__toc"' in mkdocs_internals.valid_html(with_toc)


def test_the_preview_polls_every_tenth_of_a_second_and_keeps_what_it_watched(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=8765, root=tmp_path)
    (tmp_path / "docs").mkdir()
    server.watch(str(tmp_path / "docs"))
    site.serve(server)
    assert server.observer.timeout == mkdocs_internals.PREVIEW_POLL_SECONDS == 0.1
    assert [watch.path for watch in server.observer._watches] == [str(tmp_path / "docs")]
    server.unwatch(str(tmp_path / "docs"))  # the new watcher knows the folder


def test_the_installed_themes_files_are_listed_once_and_the_projects_every_time(tmp_path):
    import jinja2
    from mkdocs.theme import Theme

    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    theme = Theme(name="material", custom_dir=str(overrides))
    mkdocs_internals.list_installed_theme_once(SimpleNamespace(theme=theme))
    installed = jinja2.FileSystemLoader(theme.dirs[1:]).list_templates()
    ours = jinja2.FileSystemLoader(theme.dirs[0]).list_templates()
    # The installed theme's hidden folders (Material's .icons), which MkDocs never copies,
    # are left out.
    expected = sorted({*ours, *(name for name in installed if not name.startswith("."))})
    assert any(name.startswith(".icons/") for name in installed)
    assert theme.get_env().list_templates() == expected
    (overrides / "extra.css").write_text("/* new */\n")
    assert theme.get_env().list_templates() == sorted([*expected, "extra.css"])


def test_theme_icons_move_into_a_sprite_and_charts_stay():
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
    )
    chart = '<svg viewBox="0 0 640 184" role="img" aria-label="A chart"><rect/></svg>'
    sprite = mkdocs_internals.IconSprite()
    page = sprite.refer(f"<p>{icon}{chart}{icon}</p>", "../assets/icons.svg")
    (ident,) = sprite.icons
    use = f'<svg viewBox="0 0 24 24"><use href="../assets/icons.svg#{ident}"/></svg>'
    assert page == f"<p>{use}{chart}{use}</p>"
    assert f'<symbol id="{ident}" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></symbol>' in (
        sprite.sprite()
    )


def test_mkdocs_copies_the_same_theme_files_with_the_listing_kept(tmp_path):
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    copied = []
    for keep in (False, True):
        theme = Theme(name="material", custom_dir=str(ROOT / "overrides"))
        config = SimpleNamespace(theme=theme, site_dir=str(tmp_path), use_directory_urls=True)
        if keep:
            mkdocs_internals.list_installed_theme_once(config)
        files = Files([])
        files.add_files_from_theme(theme.get_env(), config)
        copied.append(sorted((f.src_uri, f.abs_src_path) for f in files))
    assert copied[0] == copied[1] and copied[0]


def test_each_languages_search_index_reads_its_own_pages(tmp_path):
    """The default language's pages are what the site's root holds besides the other
    languages' folders, the theme's assets and the search bundles."""
    from briefing.search_index import language_glob

    for rel in (
        "index.html",
        "404.html",
        "feed.xml",
        "sources/a/index.html",
        "ja/index.html",
        "assets/x.js",
        "pagefind/ja/pagefind.js",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert language_glob(tmp_path, "en", LANGS) == "{404.html,index.html,sources/**/*.html}"
    assert language_glob(tmp_path, "ja", LANGS) == "ja/**/*.html"


def test_a_failed_search_index_stops_the_build_with_what_pagefind_said(tmp_path):
    from briefing.search_index import SearchIndexer

    (tmp_path / "ja").mkdir()  # no page to index
    indexer = SearchIndexer()
    indexer.start(tmp_path, "ja", LANGS)
    (failure,) = indexer.finish()
    assert failure.startswith("ja: Pagefind stopped (1)")
    assert "not able to build an index" in failure
    assert indexer.finish() == []  # each build waits for its own indexing only


def test_materials_configuration_script_loses_its_search_worker_and_strings():
    block = (
        '<script id="__config" type="application/json">{"base": "..", "features": [], '
        '"translations": {"clipboard.copy": "\\u30b3\\u30d4\\u30fc \\u003c/script\\u003e", '
        '"search.result.none": "x"}, "search": "../assets/javascripts/workers/search.js", '
        '"tags": null}</script>'
    )
    trimmed = mkdocs_internals.config_without_search(block)
    assert trimmed == (
        '<script id="__config" type="application/json">{"base":"..","features":[],'
        '"translations":{"clipboard.copy":"コピー \\u003c/script\\u003e"},"tags":null}</script>'
    )


def test_the_content_tab_script_stays_only_where_there_are_content_tabs():
    script = mkdocs_internals._TABS_SCRIPT
    page = f"<main><p>Text</p></main>{script}<footer></footer>"
    assert (
        mkdocs_internals.without_unused_scripts(page) == "<main><p>Text</p></main><footer></footer>"
    )
    tabs = f'<input id="__tabbed_1_1" name="__tabbed_1" type="radio">{script}'
    assert mkdocs_internals.without_unused_scripts(tabs) == tabs


def test_materials_and_the_sites_scripts_are_deferred_in_their_order():
    block = (
        '\n<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
        '<script src="../assets/briefing.js"></script>\n'
    )
    assert mkdocs_internals.deferred_scripts(block) == (
        '\n<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>\n'
        '<script src="../assets/briefing.js" defer></script>\n'
    )


def test_materials_empty_placeholders_are_left_out():
    skip = '<div data-md-component="skip">\n<a href="#a" class="md-skip">\nSkip\n</a>\n</div>\n'
    page = (
        '<body>\n<div data-md-component="skip">\n</div>\n'
        '<div data-md-component="announce">\n</div>\n<main></main>\n'
        '<div class="md-dialog" data-md-component="dialog">\n'
        '<div class="md-dialog__inner md-typeset"></div>\n</div>\n</body>'
    )
    assert mkdocs_internals.without_empty_components(page) == "<body>\n<main></main>\n</body>"
    kept = page.replace('<div data-md-component="skip">\n</div>\n', skip).replace(
        "<main></main>", '<main><button class="md-clipboard"></button></main>'
    )
    left = mkdocs_internals.without_empty_components(kept)
    assert skip in left and 'data-md-component="dialog"' in left
    assert 'data-md-component="announce"' not in left
    toc = (
        '<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" '
        'data-md-type="toc" >\n<div class="md-sidebar__scrollwrap">\n'
        '<div class="md-sidebar__inner">\n<nav class="md-nav md-nav--secondary" '
        'aria-label="目次">\n{}</nav>\n</div>\n</div>\n</div>\n'
    )
    assert mkdocs_internals.without_empty_components(toc.format("")) == ""
    listed = toc.format('<ul class="md-nav__list"><li>A</li></ul>\n')
    assert mkdocs_internals.without_empty_components(listed) == listed


def test_source_pages_share_one_navigation_block_unless_listed_or_with_contents(monkeypatch):
    from briefing.catalogue import GeneratedPage

    def page(uri: str, url: str, toc: tuple[str, ...] = ()) -> SimpleNamespace:
        return SimpleNamespace(file=SimpleNamespace(src_uri=uri), url=url, toc=toc)

    source = page("ja/sources/a.md", "ja/sources/a/")
    listed = page("ja/sources/b.md", "ja/sources/b/")
    with_toc = page("ja/sources/c.md", "ja/sources/c/", toc=("heading",))
    written = page("ja/method.md", "ja/method/")
    language = site.LanguageBuild()
    language.start("ja", [])
    for generated in (source, listed, with_toc):
        language.generated[generated.file.src_uri] = GeneratedPage("source")
    monkeypatch.setattr(site, "LANGUAGE", language)
    nav = SimpleNamespace(pages=[listed, written])
    assert site.shared_nav_key(source, nav) == "ja/sources"
    assert site.shared_nav_key(listed, nav) is None  # its own entry is active
    assert site.shared_nav_key(with_toc, nav) is None
    assert site.shared_nav_key(written, nav) is None
