"""The private internals of MkDocs' plugins that the briefing relies on, in one place.

mkdocs-static-i18n builds each language in turn but offers no public API for which
language is being built, which languages are built, or how to add generated pages to a
language's sitemap; Material's language switcher reads `config.extra.alternate`, which
the i18n plugin fills per page; MkDocs' preview server polls slowly and lists the theme's
files on every rebuild (what the site rewrites in Material's HTML is in theme_rewrites).
Each touch point below was read in the pinned versions; `version_problems` stops the
build when another version is installed, so a silent change in a plugin's internals
cannot produce a wrong site.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File
from watchdog.observers.polling import PollingObserver

from . import DEFAULT_LANGUAGE
from .caches import Lifetime, table

# The versions these internals were read in (requirements.txt pins the same; a test checks).
PINNED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "mkdocs-static-i18n": "1.3.1"}


def version_problems() -> list[str]:
    """A line for each plugin whose installed version is not the one read here."""
    problems = []
    for name, pinned in PINNED.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "none"
        if installed != pinned:
            problems.append(
                f"{name} {installed} is installed; the build relies on internals of {pinned}. "
                "Fix: reinstall the pinned requirements (make clean serve), or read the "
                f"new version's code and update briefing/mkdocs_internals.py and the pins"
            )
    return problems


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def current_language(config: MkDocsConfig) -> str:
    """The language being built (the i18n plugin builds one language after another)."""
    return getattr(_i18n(config), "current_language", None) or DEFAULT_LANGUAGE


def is_last_language(config: MkDocsConfig) -> bool:
    """Whether the language being built is the last one this build makes."""
    plugin = _i18n(config)
    return plugin is None or current_language(config) == plugin.build_languages[-1]


def configured_languages(config: MkDocsConfig) -> list[str]:
    """The locales mkdocs.yml lists for the i18n plugin, built or not, in its order."""
    plugin = _i18n(config)
    if plugin is None:
        return [DEFAULT_LANGUAGE]
    return [language.locale for language in plugin.config.languages]


def build_only(config: MkDocsConfig, chosen: Sequence[str]) -> None:
    """Build the chosen languages, and the default one, which the i18n plugin builds first
    at the site's root and cannot leave out (the adapter excludes its pages if it was not
    chosen); leave the others out of this build."""
    plugin = _i18n(config)
    if plugin is None:
        return
    for language in plugin.config.languages:
        language.build = language.locale in chosen or language.locale == DEFAULT_LANGUAGE


def add_to_language(config: MkDocsConfig, lang: str, files: Sequence[File]) -> None:
    """List generated pages as the language's own (its sitemap and switcher read the list,
    which the plugin made before our pages were added)."""
    plugin = _i18n(config)
    if plugin is not None:
        plugin.i18n_files_per_language.setdefault(lang, []).extend(files)


def set_sitemap_alternates(file: File, urls: Mapping[str, str]) -> None:
    """The same page in every language, as the i18n plugin's sitemap reads it."""
    alternates = {lang: SimpleNamespace(url=url, page=None) for lang, url in urls.items()}
    file.alternates = alternates  # type: ignore[attr-defined]  # the plugin's own attribute


def set_switcher_links(config: MkDocsConfig, urls: Mapping[str, str]) -> None:
    """Point Material's language switcher at the same page in each language (the i18n
    plugin sets `extra.alternate` as an attribute per page; the theme reads it)."""
    # Per page an attribute; before the first page of a build only the key holds the list.
    listed = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    alternates = [dict(item) for item in listed]
    for alternate in alternates:
        alternate["link"] = urls[alternate["lang"]]
    # An attribute, not a key, as the i18n plugin sets it: MkDocs' `extra` has no such field.
    config.extra.alternate = alternates  # type: ignore[attr-defined]


# The live preview. MkDocs' server polls the watched folders every half second, so a saved
# file waits a quarter of a second on average before the rebuild starts; and every rebuild
# lists the theme's files again (Material's, with its thousands of icons, take a sixth of a
# second), though the installed theme cannot change while the server runs.
PREVIEW_POLL_SECONDS = 0.1


def poll_quickly(server: LiveReloadServer) -> None:
    """Make the preview's watcher poll every PREVIEW_POLL_SECONDS (called before the server
    starts; the folders already watched are watched again by the new watcher)."""
    watched = dict(server._watched_paths)
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=PREVIEW_POLL_SECONDS)
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


# The installed theme cannot change while the process runs.
_INSTALLED_LISTINGS: dict[str, list[str]] = table(
    "mkdocs_internals._INSTALLED_LISTINGS", Lifetime.PROCESS
)


def list_installed_theme_once(config: MkDocsConfig) -> None:
    """Let each build list the files of an installed theme (a folder inside a Python
    package, such as Material's) once per process; the project's own theme folder
    (overrides/) is listed afresh every build."""
    theme = config.theme
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        loader = env.loader
        if isinstance(loader, jinja2.FileSystemLoader):
            folders = [str(folder) for folder in loader.searchpath]
            loader.list_templates = lambda: _listing(folders)  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _listing(folders: Sequence[str]) -> list[str]:
    names: set[str] = set()
    for folder in folders:
        installed = bool({"site-packages", "dist-packages"} & set(Path(folder).parts))
        if not installed or folder not in _INSTALLED_LISTINGS:
            found = jinja2.FileSystemLoader(folder).list_templates()
            if not installed:
                names.update(found)
                continue
            # Hidden folders (Material's .icons: thousands of files, each matched against
            # MkDocs' patterns on every build) are never copied to the site: left out.
            _INSTALLED_LISTINGS[folder] = [name for name in found if not name.startswith(".")]
        names.update(_INSTALLED_LISTINGS[folder])
    return sorted(names)
