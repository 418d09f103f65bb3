"""The About page and the footer say who publishes the site, in every language."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config

from briefing.publisher import publisher
from briefing.strings import LABELS
from conftest import LANGS, PREFIX, ROOT
from sitehtml import language_of, pages, read

FOOTER = re.compile(r'<div class="md-copyright">\s*<a href="([^"]+)">([^<]+)</a>')

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def configured():
    return publisher(load_config(str(ROOT / "mkdocs.yml")).extra)


def test_every_page_links_the_about_page_from_its_footer(site):
    for path in pages(site):
        if path.name == "404.html" or path.parent.name == "search":
            continue
        lang = language_of(site, path)
        found = FOOTER.search(path.read_text("utf-8"))
        assert found, f"{path}: no footer link to the About page"
        href, text = found.groups()
        assert (path.parent / href).resolve() == (site / PREFIX[lang] / "about").resolve(), path
        assert text == LABELS["footer_about"][lang], path


def test_the_about_page_names_the_publisher_in_every_language(site, configured):
    for lang in LANGS:
        html = (site / PREFIX[lang] / "about" / "index.html").read_text("utf-8")
        html = html.replace("\u202f", " ").replace("\u00a0", " ")  # the build's typography
        assert 'class="bf-publisher"' in html, lang
        shown = LABELS["comma"][lang].join(configured.editors) or LABELS["publisher_missing"][lang]
        assert shown.replace("'", "&#39;") in html, lang
        if configured.repository:
            assert f'href="{configured.repository}"' in html
        home = read(site / PREFIX[lang] / "index.html")
        assert "about/" in {t.attrs.get("href") for t in home.tags if t.name == "a"}, lang
