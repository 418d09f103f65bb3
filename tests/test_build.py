"""Assertions on the one real build of the site (see the `site` fixture)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import Abort

from briefing.project import load_project
from briefing.strings import KINDS, LABELS
from conftest import LANGS, ROOT, build_site
from sitehtml import language_of, pages, read

PREFIX = {"en": "", "ja": "ja/", "fr": "fr/", "de": "de/"}
BASE_PATH = "/h200-briefing/"  # the path of site_url in mkdocs.yml


@pytest.fixture(scope="session")
def project():
    return load_project(ROOT)


def test_every_source_page_exists_in_every_language(site, project):
    for lang in LANGS:
        assert (site / PREFIX[lang] / "sources/index.html").is_file()
        for source_id in project.sources:
            page = site / PREFIX[lang] / "sources" / source_id / "index.html"
            assert page.is_file(), page
            doc = read(page)
            expected = {f"p{n}" for n in range(1, len(project.sources[source_id].paragraphs) + 1)}
            assert expected <= doc.ids


def test_every_page_has_its_language(site):
    for page in pages(site):
        assert read(page).html_lang == language_of(site, page), page


def _resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
        return None
    base = page.parent.relative_to(site).as_posix()
    if parts.path.startswith("/"):  # site-absolute: strip the deployed base path
        assert parts.path.startswith(BASE_PATH), href
        base, href_path = "", parts.path[len(BASE_PATH):] or "."
    else:
        href_path = parts.path
    path = posixpath.normpath(posixpath.join(base, unquote(href_path))) if parts.path else \
        page.relative_to(site).as_posix()
    target = site / path
    if target.is_dir() or not parts.path or parts.path.endswith("/"):
        target = target / "index.html" if target.is_dir() or parts.path.endswith("/") else page
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    checked = 0
    for page in pages(site):
        for tag in read(page).tags:
            href = tag.attrs.get("href")
            if tag.name != "a" or not href:
                continue
            resolved = _resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in read(target).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert checked > 100
    assert broken == []


def test_citation_markers_link_to_paragraphs_in_the_readers_language(site, project):
    markers = 0
    for lang in LANGS:
        for page in pages(site / PREFIX[lang]) if lang != "en" else pages(site):
            if language_of(site, page) != lang:
                continue
            for tag in read(page).tags:
                if tag.attrs.get("class") == "bf-cite__link":
                    markers += 1
                    target, fragment = _resolve(site, page, tag.attrs["href"])
                    rel = target.relative_to(site).as_posix()
                    assert rel.startswith(f"{PREFIX[lang]}sources/"), (page, rel)
                    source_id = rel.split("/")[-2]
                    if fragment:
                        assert re.fullmatch(r"p\d+", fragment)
                        assert project.sources[source_id].has_text
    assert markers >= 4 * 10


def test_quotes_and_titles_from_sources_carry_their_language(site, project):
    languages = {s.language for s in project.sources.values()}
    for page in pages(site):
        for tag in read(page).tags:
            if tag.name in ("q", "cite") or "bf-para__text" in tag.attrs.get("class", ""):
                assert tag.attrs.get("lang") in languages, (page, tag)


def test_language_switcher_leads_to_the_same_page(site, project):
    source_id = next(iter(project.sources))
    for lang in LANGS:
        for rel in ("", "method/", "sources/", f"sources/{source_id}/"):
            page = site / PREFIX[lang] / rel / "index.html"
            links = {t.attrs["hreflang"]: t.attrs["href"] for t in read(page).tags
                     if t.name == "a" and "md-select__link" in t.attrs.get("class", "")}
            assert set(links) == set(LANGS), page
            for other, href in links.items():
                target, _ = _resolve(site, page, href)
                assert target == (site / PREFIX[other] / rel / "index.html").resolve() or \
                    target.resolve() == (site / PREFIX[other] / rel / "index.html").resolve(), \
                    (page, other, href)


def test_nothing_is_requested_from_another_host(site):
    loaders = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
               "video": "src", "link": "href"}
    for page in pages(site):
        for tag in read(page).tags:
            attr = loaders.get(tag.name)
            value = tag.attrs.get(attr or "", "")
            rel = set(tag.attrs.get("rel", "").split())
            if tag.name == "link" and {"canonical", "alternate"} & rel:
                continue  # metadata, not a request
            assert not re.match(r"(https?:)?//", value), (page, tag)
    for asset in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = asset.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, asset


def test_every_label_and_kind_exists_in_every_language():
    for key, values in LABELS.items():
        assert set(values) == set(LANGS), key
    for key, kind in KINDS.items():
        assert set(kind["label"]) == set(LANGS) == set(kind["meaning"]), key


def test_index_lists_every_source_with_its_citing_pages(site, project):
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "sources/index.html")
        assert set(project.sources) <= doc.ids
    html = (site / "sources/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./method/">About the method</a>\(?\s?\(?\d', html)


# --- bad input stops the real build, naming the file --------------------------------------


def _break(copy: Path, case: str) -> str:
    if case == "unknown citation":
        page = copy / "docs/fr/method.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nVoir [@inconnu].\n", "utf-8")
        return "docs/fr/method.md"
    if case == "missing translation":
        (copy / "docs/de/method.md").unlink()
        return "docs/de/method.md:1: the German page is missing"
    if case == "bad seed":
        seed = copy / "seeds/h200-approval-ja.md"
        seed.write_text(seed.read_text("utf-8").replace("kind: republished", "kind: rumour"),
                        "utf-8")
        return "seeds/h200-approval-ja.md:15: kind: 'rumour' is not a known kind"
    if case == "paragraph out of range":
        page = copy / "docs/ja/index.md"
        page.write_text(page.read_text("utf-8") + "\n[@h200-approval-ja, ¶99]\n", "utf-8")
        return "docs/ja/index.md"
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["unknown citation", "missing translation", "bad seed",
                                  "paragraph out of range"])
def test_bad_input_stops_the_build(project_copy, tmp_path, caplog, case):
    expected = _break(project_copy, case)
    with pytest.raises(Abort):
        build_site(project_copy / "mkdocs.yml", tmp_path / "out")
    assert expected in caplog.text
    assert "1 problem in" in caplog.text  # one cause, one message: no cascade
    assert not (tmp_path / "out" / "index.html").exists()  # nothing published half-built


def test_pages_send_no_referrer_to_source_hosts(site):
    for page in pages(site):
        metas = [t.attrs for t in read(page).tags if t.name == "meta"]
        assert {"name": "referrer", "content": "no-referrer"} in metas, page


HOSTILE_SEED = """\
---
id: hostile
language: en
title:
  original: "<script>alert('t')</script> {{ 7*7 }}"
  ja: "<img src=x onerror=alert(1)>"
  fr: "{% include 'base.html' %}"
  de: "[x](javascript:alert(1)) **bold**"
outlet: "<b>Outlet</b>"
author: "{{ config }}"
published: {date: 2026-01, precision: month}
accessed: 2026-11-22
url: "https://example.org/?q=<script>"
kind: news-report
note: {en: "<script>n</script>", ja: "{{ 7*7 }}", fr: "*x*", de: "<iframe src=x>"}
removed: []
---
<script>alert('p')</script> {{ 7*7 }} {% raw %} <img src=x onerror=alert(2)>

## Not a heading, [link](javascript:alert(3))
"""


def test_source_text_never_becomes_markup_in_the_real_build(project_copy, tmp_path):
    (project_copy / "seeds" / "hostile.md").write_text(HOSTILE_SEED, "utf-8")
    page = project_copy / "docs" / "en" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nHostile [@hostile, ¶1; @hostile, ¶2].\n", "utf-8")
    out = tmp_path / "out"
    build_site(project_copy / "mkdocs.yml", out)
    texts = [p.read_text("utf-8") for p in (out / "sources/hostile/index.html",
                                              out / "ja/sources/hostile/index.html",
                                              out / "sources/index.html", out / "index.html")]
    for html in texts:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<iframe" not in html
        assert "<b>Outlet</b>" not in html
        assert 'href="javascript:' not in html
        assert ">49<" not in html and " 49 " not in html
        assert "<h2>Not a heading" not in html
    assert "&lt;script&gt;alert(&#39;p&#39;)&lt;/script&gt; {{ 7*7 }} {% raw %}" in texts[0]
    search = (out / "search/search_index.json").read_text("utf-8")
    assert "<script>alert" not in search


def test_each_language_has_its_own_search_index(site):
    import json
    for lang in LANGS:
        index = json.loads((site / PREFIX[lang] / "search" / "search_index.json").read_text(
            "utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = [d["location"] for d in index["docs"]]
        assert locations
        for location in locations:  # relative to the language's root, where its pages live
            assert location.split("/")[0] not in ("ja", "fr", "de", "en"), location
            path = location.split("#")[0]
            assert (site / PREFIX[lang] / path / "index.html").is_file() or \
                (site / PREFIX[lang] / path).is_file(), (lang, location)
    ja = json.loads((site / "ja" / "search" / "search_index.json").read_text("utf-8"))
    assert "、" in ja["config"]["separator"]  # Japanese punctuation separates words


def test_pages_point_search_at_their_language(site):
    for lang in LANGS:
        html = (site / PREFIX[lang] / "method" / "index.html").read_text("utf-8")
        root = "" if lang == "en" else f"/{lang}/"
        assert f'data.base = data.base + "{root}";' in html


def test_head_alternates_are_absolute_with_x_default(site, project):
    source_id = next(iter(project.sources))
    for lang in LANGS:
        for rel in ("", "method/", f"sources/{source_id}/"):
            doc = read(site / PREFIX[lang] / rel / "index.html")
            links = {t.attrs["hreflang"]: t.attrs["href"] for t in doc.tags
                     if t.name == "link" and "alternate" in t.attrs.get("rel", "").split()
                     and "hreflang" in t.attrs}
            assert set(links) == {*LANGS, "x-default"}, (lang, rel)
            for other in LANGS:
                assert links[other] == f"https://example.github.io/h200-briefing/{PREFIX[other]}{rel}"
            assert links["x-default"] == links["en"]


def test_sitemap_lists_every_page_with_its_alternates(site, project):
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    base = "https://example.github.io/h200-briefing/"
    for lang in LANGS:
        for source_id in project.sources:
            assert f"{base}{PREFIX[lang]}sources/{source_id}/" in locs
        assert f"{base}{PREFIX[lang]}method/" in locs
    assert sitemap.count("<xhtml:link") == 4 * len(locs)


def test_each_language_has_its_own_404(site):
    for lang in LANGS:
        page = site / PREFIX[lang] / "404.html"
        doc = read(page)
        assert doc.html_lang == lang
        hrefs = [t.attrs["href"] for t in doc.tags if t.name == "a" and "href" in t.attrs]
        assert f"https://example.github.io/h200-briefing/{PREFIX[lang]}" in hrefs
