"""The private internals of MkDocs' plugins that the briefing relies on, in one place.

mkdocs-static-i18n builds each language in turn but offers no public API for which
language is being built, which languages are built, or how to add generated pages to a
language's sitemap; Material's language switcher reads `config.extra.alternate`, which
the i18n plugin fills per page; Material's markup needs two fixes to be valid HTML and
carries its templates' indentation and a copy of every icon; MkDocs' preview server polls
slowly and lists the theme's files on every rebuild. Each touch point below was read in
the pinned versions; `version_problems` stops the build when another version is
installed, so a silent change in a plugin's internals cannot produce a wrong site.
"""

from __future__ import annotations

import hashlib
import json
import re
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
from .caches import Lifetime, memo, table

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


# Material's configuration script (`__config`, its `config` block) names its search worker
# and carries its search's strings, \u-escaped; only its search component reads them, and
# the site has none (its search is Pagefind). On a Japanese page the script was 1,215
# bytes; without them, and in UTF-8, 324.
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


@memo(Lifetime.PROCESS, maxsize=64)  # one block per language and folder depth: parsed once each
def config_without_search(block: str) -> str:
    """Material's configuration script without its search's worker and strings, in UTF-8;
    `<`, `>` and `&` stay escaped, so no text in it can close the script."""

    def trim(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        config.pop("search", None)
        config["translations"] = {
            key: text
            for key, text in config.get("translations", {}).items()
            if not key.startswith("search.")
        }
        text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return match.group(1) + text + match.group(3)

    return _CONFIG.sub(trim, block)


# The scripts at the end of a page (Material's bundle, then the site's): without `defer` each
# is parser-blocking, and Chromium counts a parser-blocking script in the body as blocking the
# first paint (Lighthouse lists both as render-blocking). Deferred, they run in the same order
# once the page is parsed, before DOMContentLoaded, which both wait for.
_SCRIPT_SRC = re.compile(r'<script src="([^"<>]+)"></script>')


def deferred_scripts(block: str) -> str:
    """Material's `scripts` block with each external script deferred."""
    return _SCRIPT_SRC.sub(r'<script src="\1" defer></script>', block)


# Material's markup that the HTML standard does not allow (the Nu HTML Checker reports it):
# `autocomplete` on its hidden checkbox toggles (allowed only on text-like inputs), and, on
# a section's index page, a `label for="__toc"` whose checkbox Material does not render.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def valid_html(output: str) -> str:
    """A page as Material writes it, with the markup above made valid (no visible change:
    the toggles are hidden; the orphan label's `for` pointed at nothing)."""
    output = _TOGGLE_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = output.replace(' for="__toc"', "")
    return output


# Material's script, on every page, that opens the content tab a link's #fragment names;
# content tabs are inputs named __tabbed_<n>, and on a page without any it does nothing.
_TABS_SCRIPT = (
    "<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
    '(target.checked=target.name.startsWith("__tabbed_"))</script>'
)


def without_unused_scripts(output: str) -> str:
    """A page without Material's content-tab script when it has no content tabs."""
    if 'name="__tabbed_' in output:
        return output
    return output.replace(_TABS_SCRIPT, "", 1)


# Material's templates indent their markup deeply: about a fifth of a page's bytes. A run of
# whitespace that holds a line break renders as one space wherever whitespace collapses, so
# it becomes one line break; never inside elements where whitespace is kept as written.
_KEPT_AS_WRITTEN = re.compile(r"<(pre|code|textarea|script|style)\b.*?</\1\s*>", re.DOTALL)
_INDENTATION = re.compile(r"\n[ \t\n]*")


def compact_html(output: str) -> str:
    """The page without its template indentation (what it shows is unchanged)."""
    parts, start = [], 0
    for kept in _KEPT_AS_WRITTEN.finditer(output):
        parts += [_INDENTATION.sub("\n", output[start : kept.start()]), kept.group(0)]
        start = kept.end()
    parts.append(_INDENTATION.sub("\n", output[start:]))
    return "".join(parts)


# Material's placeholders that stay empty on this site's pages: the skip link's (Material
# fills it only on a page with a table of contents), the announcement bar's (the site has
# none) and the dialog its copy-to-clipboard buttons report to (kept on a page that has
# one). Its script looks each of them up as optional: none found, nothing mounted.
_EMPTY_SKIP = '<div data-md-component="skip">\n</div>\n'
_EMPTY_ANNOUNCE = '<div data-md-component="announce">\n</div>\n'
_DIALOG = (
    '<div class="md-dialog" data-md-component="dialog">\n'
    '<div class="md-dialog__inner md-typeset"></div>\n</div>\n'
)


# The table-of-contents sidebar of a page without headings to list (a source's page, the
# index of sources, What's new): Material writes it empty, and it keeps a column of the
# page's width blank. Left out, the text takes that width, as on a Material page whose
# front matter hides its table of contents.
_EMPTY_TOC = re.compile(
    r'<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" '
    r'data-md-type="toc" >\n<div class="md-sidebar__scrollwrap">\n<div class="md-sidebar__inner">\n'
    r'<nav class="md-nav md-nav--secondary" aria-label="[^"<>]*">\n</nav>\n</div>\n</div>\n</div>\n'
)


def without_empty_components(output: str) -> str:
    """A compacted page without Material's empty placeholders and empty sidebar."""
    output = output.replace(_EMPTY_SKIP, "", 1).replace(_EMPTY_ANNOUNCE, "", 1)
    output = _EMPTY_TOC.sub("", output, count=1)
    if "md-clipboard" not in output:
        output = output.replace(_DIALOG, "", 1)
    return output


def finished_theme_html(output: str) -> str:
    """A page or the 404 page as Material wrote it, made valid, without the scripts and
    placeholders it does not use and without its template indentation."""
    return without_empty_components(compact_html(without_unused_scripts(valid_html(output))))


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


# Material writes each of its icons into every page as an inline SVG: the same eight icons,
# about 2.5 KB of every page. Each page refers to them in one sprite file instead, which
# the browser fetches once and caches (charts and other SVGs with attributes of their own
# stay inline).
ICONS_FILE = "assets/icons.svg"
_ICON = re.compile(
    r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([-\d. ]+)">(.*?)</svg>', re.S
)


class IconSprite:
    """The icons pages refer to, collected as pages are written."""

    def __init__(self) -> None:
        self.icons: dict[str, tuple[str, str]] = {}  # id -> (viewBox, the SVG's content)

    def refer(self, output: str, sprite_url: str) -> str:
        """The page with each theme icon replaced by a reference into the sprite."""

        def reference(match: re.Match[str]) -> str:
            view, inner = match.group(1), match.group(2)
            digest = hashlib.blake2b(f"{view}|{inner}".encode(), digest_size=6).hexdigest()
            ident = f"i{digest}"
            self.icons.setdefault(ident, (view, inner))
            return f'<svg viewBox="{view}"><use href="{sprite_url}#{ident}"/></svg>'

        return _ICON.sub(reference, output)

    def sprite(self) -> str:
        """The sprite file: one symbol per icon."""
        symbols = "".join(
            f'<symbol id="{ident}" viewBox="{view}">{inner}</symbol>\n'
            for ident, (view, inner) in sorted(self.icons.items())
        )
        return f'<svg xmlns="http://www.w3.org/2000/svg">\n{symbols}</svg>\n'
