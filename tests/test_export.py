"""The export of the expanded pages (`briefing export-markdown`): another generator could
build the site from it, so it holds every page and every citation the real build shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefing.build import inlined, write_markdown_export
from briefing.history import read_history
from briefing.render import placeholder
from conftest import LANGS, ROOT
from sitehtml import language_of

# A citation marker: its anchor and the paragraph it links to.
MARKER_RE = re.compile(r'<sup class="bf-cite" id="([^"]+)"><a class="bf-cite__link" href="([^"]+)"')


def test_fragments_go_in_as_raw_html_blocks_or_inline():
    block, inline = placeholder(0), placeholder(1)
    markdown = f"# Title\n\nText{inline}.\n\n{block}\n\nMore.\n"
    fragments = {block: "<div>\n  <p>a</p>\n\n  <p>b</p>\n</div>\n", inline: "<sup>1</sup>\n"}
    assert inlined(markdown, fragments) == (
        "# Title\n\nText<sup>1</sup>.\n\n\n<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n\n\nMore.\n"
    )


def exported(folder: Path, lang: str) -> dict[str, str]:
    """URL -> the exported page's text, for one language."""
    pages = {}
    for path in (folder / lang).rglob("*.md"):
        _, front, body = path.read_text("utf-8").split("---\n", 2)
        pages[yaml.safe_load(front)["url"]] = body
    return pages


def built(site: Path, lang: str) -> dict[str, str]:
    """URL -> the built page's HTML, for one language (its pages: each has an article)."""
    pages = {}
    for path in site.rglob("index.html"):
        html = path.read_text("utf-8")
        if language_of(site, path) == lang and "<article" in html:
            folder = path.parent.relative_to(site).as_posix()
            pages["" if folder == "." else f"{folder}/"] = html
    return pages


@pytest.mark.build
def test_the_export_holds_every_page_and_citation_of_the_real_build(site, real, tmp_path):
    write_markdown_export(real, read_history(ROOT), LANGS, tmp_path)
    for lang in LANGS:
        pages, html = exported(tmp_path, lang), built(site, lang)
        assert html and set(pages) == set(html), lang
        cited = 0
        for url, page in html.items():
            markers = set(MARKER_RE.findall(page))
            assert set(MARKER_RE.findall(pages[url])) == markers, (lang, url)
            cited += bool(markers)
        assert cited, f"{lang}: no page of the build cites anything (the test would be empty)"
