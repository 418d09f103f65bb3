"""Shared fixtures: a tiny project factory for unit tests, and one real site build per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.freshness import english_hash

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "ja", "fr", "de")

VALID_SEED = """\
---
id: example-source
language: fr
title:
  original: Titre original
  en: Original title
  ja: 原題
  de: Originaltitel
outlet: Le Média
author: null
published: {date: 2026-01-28, precision: day}
accessed: 2026-11-22
url: https://example.org/article
kind: news-report
note: {en: A note., ja: 注記。, fr: Une note., de: Eine Notiz.}
removed: []
---
Premier paragraphe.

Deuxième paragraphe,
sur deux lignes.

Troisième paragraphe.
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; --update-golden rewrites it."""

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden") or not path.exists():
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"differs from {path}"

    return check


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Write seeds and pages (four languages unless given) into a fresh project folder."""

    def make(seeds: dict[str, str | bytes] | None = None,
             pages: dict[str, str] | None = None, stamp: bool = True) -> Path:
        """`stamp`: record in each translation that it matches its English page."""
        root = tmp_path / "project"
        for rel, text in (seeds if seeds is not None else {"example.md": VALID_SEED}).items():
            path = root / "seeds" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        default_pages = {f"{lang}/index.md": f"# Home {lang}\n\nA fact [@example-source, ¶2].\n"
                         for lang in LANGS}
        pages = pages if pages is not None else default_pages
        for rel, text in pages.items():
            lang, _, inner = rel.partition("/")
            english = pages.get(f"en/{inner}")
            if stamp and lang != "en" and english is not None and not text.startswith("---"):
                text = f"---\ntranslated_from: '{english_hash(english)}'\n---\n{text}"
            path = root / "docs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the real project (config, pages, seeds, code) to break on purpose."""
    dest = tmp_path / "copy"
    dest.mkdir()
    for name in ("mkdocs.yml", "docs", "seeds", "overrides", "scripts", "data"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def build_site(config_file: Path, site_dir: Path) -> None:
    """Build the site in-process, as `mkdocs build --strict` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(ROOT / "mkdocs.yml", site_dir)
    return site_dir
