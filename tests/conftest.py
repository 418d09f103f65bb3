"""Shared fixtures: a tiny project factory for unit tests, and one real site build per session.

The real project is the repository unless the environment variable BRIEFING_ROOT names
another project folder (a changed copy, say): the `site` fixture builds that folder and
`real` loads it, so the tests that read the built site can be run against any project.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from briefing import DEFAULT_LANGUAGE
from briefing.freshness import english_hash
from briefing.languages import site_codes
from briefing.model import Source
from briefing.project import Project, load_project
from briefing.translations import paragraph_digest
from briefing.urls import lang_prefix

REPO = Path(__file__).resolve().parent.parent
ROOT = Path(os.environ.get("BRIEFING_ROOT") or REPO).resolve()
GOLDEN = REPO / "tests" / "golden"
LANGS = site_codes(ROOT)  # the site's languages: the real mkdocs.yml's, never spelled out
TRANSLATED = tuple(lang for lang in LANGS if lang != DEFAULT_LANGUAGE)
PREFIX = {lang: lang_prefix(lang) for lang in LANGS}  # where each language's pages live
BASE = "/h200-briefing/"  # the path of site_url in mkdocs.yml, where the site is served
CHROMIUM = Path("/usr/bin/chromium")

# A few words in each language a fixture may need, so that fixtures are written for the
# site's languages (whatever mkdocs.yml lists) instead of spelling out four. A language
# without words here gets the English ones marked with its code.
WORDS = {
    "en": {"title": "Original title", "note": "A note."},
    "ja": {"title": "原題", "note": "注記。"},
    "fr": {"title": "Titre original", "note": "Une note."},
    "de": {"title": "Originaltitel", "note": "Eine Notiz."},
    "zh": {"title": "原标题", "note": "一条说明。"},
}
# The languages of the fixture projects whose output is compared with tests/golden/: their
# own mkdocs.yml, whatever the site lists.
GOLDEN_LANGS = ("en", "ja", "fr", "de")


def word(lang: str, name: str) -> str:
    """A fixture's word `name` in `lang`."""
    return WORDS.get(lang, {}).get(name) or f"{WORDS['en'][name]} ({lang})"


def valid_note(languages: tuple[str, ...] = LANGS) -> str:
    return "note: {" + ", ".join(f"{lang}: {word(lang, 'note')}" for lang in languages) + "}"


def valid_seed(languages: tuple[str, ...] = LANGS) -> str:
    """A valid French source holding its text, for a site in `languages`."""
    titles = "".join(f"  {lang}: {word(lang, 'title')}\n" for lang in languages if lang != "fr")
    return f"""\
---
id: example-source
language: fr
title:
  original: Titre original
{titles}outlet: Le Média
author: null
published: {{date: 2026-01-28, precision: day}}
accessed: 2026-11-22
url: https://example.org/article
kind: news-report
{valid_note(languages)}
removed: []
original_file: article-recu.txt
reproduction: whole
---
Premier paragraphe.

Deuxième paragraphe,
sur deux lignes.

Troisième paragraphe.
"""


VALID_NOTE = valid_note()
VALID_SEED = valid_seed()


def _translations(texts: dict[str, tuple[str, ...]], originals: tuple[str, ...]) -> str:
    """A translations file for VALID_SEED-like sources, fingerprints computed."""
    lines = ["source: example-source", "paragraphs:"]
    for number, original in enumerate(originals, start=1):
        lines += [f"  - n: {number}", f"    original: {paragraph_digest(original)}"]
        lines += [f'    {lang}: "{values[number - 1]}"' for lang, values in texts.items()]
    return "\n".join(lines) + "\n"


VALID_PARAGRAPHS = (
    "Premier paragraphe.",
    "Deuxième paragraphe, sur deux lignes.",
    "Troisième paragraphe.",
)
# The site's translations of VALID_SEED's three paragraphs, written beside it by default.
PARAGRAPHS = {
    "en": ("First paragraph.", "Second paragraph, on two lines.", "Third paragraph."),
    "ja": ("第1段落。", "第2段落、2行にわたる。", "第3段落。"),
    "de": ("Erster Absatz.", "Zweiter Absatz, auf zwei Zeilen.", "Dritter Absatz."),
    "zh": ("第一段。", "第二段，分两行。", "第三段。"),
}


def translated_paragraphs(lang: str) -> tuple[str, ...]:
    """VALID_SEED's three paragraphs translated into `lang`."""
    return PARAGRAPHS.get(lang) or tuple(f"{p} ({lang})" for p in PARAGRAPHS["en"])


def valid_translations(languages: tuple[str, ...] = LANGS) -> str:
    return _translations(
        {lang: translated_paragraphs(lang) for lang in languages if lang != "fr"},
        VALID_PARAGRAPHS,
    )


VALID_TRANSLATIONS = valid_translations()


def known(expected: dict[str, Any]) -> dict[str, Any]:
    """The expectations of a content test (how strings.yml words a label in each language)
    for the site's languages that have them: a language added to mkdocs.yml breaks no such
    test before its strings are reviewed (check reports strings it does not give)."""
    return {lang: value for lang, value in expected.items() if lang in LANGS}


def text_lines(texts: dict[str, str], indent: str) -> str:
    """A YAML `lang: "text"` line per site language, in mkdocs.yml's order; `texts` gives
    every language the briefing has a record of, so that the site may list any of them."""
    return "".join(f'{indent}{lang}: "{texts[lang]}"\n' for lang in LANGS)


def inline(one: dict[str, str] | str) -> str:
    """A YAML flow mapping {en: …, ja: …} over the site's languages (one text for all, or
    one per language)."""
    return (
        "{"
        + ", ".join(
            f"{lang}: {json.dumps(one if isinstance(one, str) else one[lang], ensure_ascii=False)}"
            for lang in LANGS
        )
        + "}"
    )


def mkdocs_yml(languages: tuple[str, ...] = LANGS) -> str:
    """A fixture project's mkdocs.yml: the i18n plugin's languages, English the default."""
    return "plugins:\n  - i18n:\n      languages:\n" + "".join(
        f"        - locale: {lang}\n"
        + ("          default: true\n" if lang == DEFAULT_LANGUAGE else "")
        for lang in languages
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse a test that builds without the `build` mark, so `-m "not build"` never builds."""
    unmarked = [
        item.nodeid
        for item in items
        if {"site", "project_copy"} & set(getattr(item, "fixturenames", ()))
        and item.get_closest_marker("build") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "these tests build a site but are not marked @pytest.mark.build: " + ", ".join(unmarked)
        )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; --update-golden writes it."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.write_text(text, encoding="utf-8")
        elif not path.exists():
            pytest.fail(
                f"{path} is missing: run pytest with --update-golden to create it, "
                "then review it and add it to git"
            )
        assert text == path.read_text(encoding="utf-8"), (
            f"differs from {path} (if the change is intended: pytest --update-golden)"
        )

    return check


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Write seeds, pages (four languages unless given) and data files into a fresh project."""

    def make(
        seeds: dict[str, str | bytes] | None = None,
        pages: dict[str, str] | None = None,
        stamp: bool = True,
        data: dict[str, str] | None = None,
        languages: tuple[str, ...] = LANGS,
    ) -> Path:
        """`stamp`: record in each translation that it matches its English page.
        `data`: files of data/, e.g. {"timeline.yml": "events: ..."}.
        `languages`: the site's, written to the project's mkdocs.yml."""
        root = tmp_path / "project"
        root.mkdir(parents=True, exist_ok=True)
        (root / "mkdocs.yml").write_text(mkdocs_yml(languages), encoding="utf-8")
        seed = valid_seed(languages)
        seeds = seeds if seeds is not None else {"example-source.md": seed}
        if seeds.get("example-source.md") == seed:
            seeds = {"example-source.translations.yml": valid_translations(languages), **seeds}
        for rel, text in seeds.items():
            path = root / "seeds" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        default_pages = {
            f"{lang}/index.md": f"# Home {lang}\n\nA fact [@example-source, ¶2].\n"
            for lang in languages
        }
        pages = pages if pages is not None else default_pages
        for rel, text in pages.items():
            lang, _, inner = rel.partition("/")
            english = pages.get(f"{DEFAULT_LANGUAGE}/{inner}")
            if (
                stamp
                and lang != DEFAULT_LANGUAGE
                and english is not None
                and not text.startswith("---")
            ):
                text = f"---\ntranslated_from: '{english_hash(english)}'\n---\n{text}"
            path = root / "docs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, text in (data or {}).items():
            path = root / "data" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the real project (config, pages, seeds, data, code) to change on purpose."""
    return copy_project(tmp_path)


def copy_project(folder: Path) -> Path:
    """Copy the real project into `folder`/copy and return the copy's root."""
    dest = folder / "copy"
    dest.mkdir()
    for name in ("mkdocs.yml", "docs", "seeds", "overrides", "scripts", "data"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def build_site(config_file: Path, site_dir: Path, search: bool = True) -> None:
    """Build the site in-process, as `mkdocs build --strict` does; `search=False` skips the
    search index (BRIEFING_SEARCH=off) for tests that never search the built copy."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    previous = os.environ.get("BRIEFING_SEARCH")
    os.environ["BRIEFING_SEARCH"] = "on" if search else "off"
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        if previous is None:
            del os.environ["BRIEFING_SEARCH"]
        else:
            os.environ["BRIEFING_SEARCH"] = previous


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The real site (of BRIEFING_ROOT, by default the repository), built once per session.

    With pytest-xdist (`make test` runs two workers), the first worker to need it builds it
    into the run's shared temporary folder and the others wait for it and read it.
    """
    if not hasattr(request.config, "workerinput"):  # not an xdist worker (its own run)
        site_dir = tmp_path_factory.mktemp("site")
        build_site(ROOT / "mkdocs.yml", site_dir)
        return site_dir
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent  # common to the run's workers
    site_dir, done = shared / "site", shared / "site.built"
    with FileLock(str(shared / "site.lock")):
        if not done.exists():
            build_site(ROOT / "mkdocs.yml", site_dir)
            done.touch()
    return site_dir


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A static host: the site under its base path, /404.html for any missing address."""

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if path.startswith(BASE):
            path = "/" + path[len(BASE) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 under its deployed base path; yields its address."""
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def site_server(site: Path) -> Iterator[str]:
    """The real site served on 127.0.0.1 under its deployed base path; yields its address."""
    with serve(site) as address:
        yield address


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(
            "Debian's Chromium is needed at /usr/bin/chromium: apt-get install chromium "
            "(.ci/run installs it)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def real() -> Project:
    """The real project, loaded once per session: tests pick their examples from it."""
    return load_project(ROOT)


# --- examples chosen from the real project, never named: the corpus may change --------------


def seed_count(root: Path) -> int:
    """How many source files a project has (what `check` reports as sources)."""
    return sum(1 for _ in (root / "seeds").rglob("*.md"))


def sources_with_text(project: Project) -> list[Source]:
    """Sources whose text is kept (their pages have paragraphs), by id."""
    return sorted((s for s in project.sources.values() if s.has_text), key=lambda s: s.id)


def sources_without_text(project: Project) -> list[Source]:
    """Records without text (a URL only), by id."""
    return sorted((s for s in project.sources.values() if not s.has_text), key=lambda s: s.id)


def cited_pages(project: Project, lang: str = "en") -> list[str]:
    """Hand-written top-level pages (e.g. "method.md") that cite a source, home page excluded."""
    return sorted(
        p.rel for p in project.pages[lang] if p.written and "/" not in p.rel and p.rel != "index.md"
    )
