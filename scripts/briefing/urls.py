"""Where everything lives on the site: the one place for URL rules.

Every URL here is site-relative (no leading slash) and a directory URL ends in "/":
the default language has no prefix, the others live under "<lang>/". Pages, links,
feeds, downloads, the search index and the adapter all ask this module.
"""

from __future__ import annotations

import posixpath

from . import DEFAULT_LANGUAGE
from .caches import Lifetime, memo

# Paths the build generates in every language; a hand-written page there would clash.
GENERATED_TOP = frozenset({"sources", "downloads", "search", "assets"})
GENERATED_PAGES = frozenset({"whats-new.md", "data.md", "404.md", "feed.xml.md"})


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_url(rel: str, lang: str) -> str:
    """A hand-written page's URL from its path inside the language folder (`actors/x.md`)."""
    stem = rel[:-3]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return lang_prefix(lang) + stem


def is_generated(rel: str) -> bool:
    """Whether the build writes this path itself (so no hand-written page may use it)."""
    return rel.split("/")[0] in GENERATED_TOP or rel in GENERATED_PAGES


def source_url(source_id: str, lang: str) -> str:
    return f"{lang_prefix(lang)}sources/{source_id}/"


def index_url(lang: str) -> str:
    """The citations index: every source, by date."""
    return f"{lang_prefix(lang)}sources/"


def news_url(lang: str) -> str:
    """What's new: sources added, pages changed, corrections."""
    return f"{lang_prefix(lang)}whats-new/"


def data_url(lang: str) -> str:
    """The data page: every download, with what it holds."""
    return f"{lang_prefix(lang)}data/"


def feed_path(lang: str) -> str:
    """The language's Atom feed (the same entries as What's new)."""
    return f"{lang_prefix(lang)}feed.xml"


def downloads_url(lang: str, name: str = "") -> str:
    return f"{lang_prefix(lang)}downloads/{name}"


@memo(Lifetime.PROCESS)  # pure, and called for every marker and link
def relative_url(from_url: str, to_url: str) -> str:
    """Link from one site-relative directory URL to another (both end in '/' or are '')."""
    path, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(path or ".", from_url.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")
