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
    monkeypatch.setattr(site, "SESSION", site.Session())
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
    monkeypatch.setattr(site, "SESSION", site.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    site.start("serve")
    config = _config(tmp_path, LANGS)
    site.choose_languages(config)
    assert site.SESSION.run.languages == ("ja",)
    built = {
        lang.locale: getattr(lang, "build", None)
        for lang in config.plugins["i18n"].config.languages
    }
    assert built == {lang: lang in ("en", "ja") for lang in LANGS}


def test_a_build_ignores_the_preview_languages(monkeypatch, tmp_path):
    monkeypatch.setattr(site, "SESSION", site.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    site.start("build")
    site.choose_languages(_config(tmp_path, LANGS))
    assert site.SESSION.run.languages == LANGS


def test_an_unknown_preview_language_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(site, "SESSION", site.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "es")
    site.start("serve")
    with pytest.raises(PluginError, match="BRIEFING_LANGUAGES names es, not a site language"):
        site.choose_languages(_config(tmp_path, LANGS))


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


def test_materials_configuration_script_is_compact_utf8_that_cannot_end_its_script():
    value = {"translations": {"clipboard.copy": "コピー </script> & co"}, "base": ".."}
    assert site.json_in_script(value) == (
        '{"base":"..","translations":{"clipboard.copy":"コピー \\u003c/script\\u003e \\u0026 co"}}'
    )


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
    monkeypatch.setattr(site, "SESSION", site.Session(language=language))
    nav = SimpleNamespace(pages=[listed, written])
    assert site.shared_nav_key(source, nav) == "ja/sources"
    assert site.shared_nav_key(listed, nav) is None  # its own entry is active
    assert site.shared_nav_key(with_toc, nav) is None
    assert site.shared_nav_key(written, nav) is None
