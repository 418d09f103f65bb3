"""Assertions on the one real build of the site (see the `site` fixture)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markupsafe import escape
from mkdocs.exceptions import Abort

from briefing.project import Project, load_project
from briefing.strings import KINDS, LABELS
from briefing.typography import apply_html
from conftest import LANGS, PREFIX, ROOT, build_site, cited_pages, sources_with_text
from sitehtml import language_of, pages, read

BASE_PATH = "/h200-briefing/"  # the path of site_url in mkdocs.yml


@pytest.fixture(scope="session")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="session")
def page_dir(project: Project) -> str:
    """A hand-written page other than the home page, as a directory URL ("method/")."""
    return cited_pages(project)[0].removesuffix(".md") + "/"


@pytest.mark.build
def test_every_source_page_exists_in_every_language(site, project):
    for lang in LANGS:
        assert (site / PREFIX[lang] / "sources/index.html").is_file()
        for source_id in project.sources:
            page = site / PREFIX[lang] / "sources" / source_id / "index.html"
            assert page.is_file(), page
            doc = read(page)
            total = project.sources[source_id].paragraph_count  # a text's, or accounts'
            assert {f"p{n}" for n in range(1, total + 1)} <= doc.ids


@pytest.mark.build
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
        base, href_path = "", parts.path[len(BASE_PATH) :] or "."
    else:
        href_path = parts.path
    path = (
        posixpath.normpath(posixpath.join(base, unquote(href_path)))
        if parts.path
        else page.relative_to(site).as_posix()
    )
    target = site / path
    if target.is_dir() or not parts.path or parts.path.endswith("/"):
        target = target / "index.html" if target.is_dir() or parts.path.endswith("/") else page
    return target, parts.fragment


@pytest.mark.build
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
    assert checked >= len(pages(site))  # the navigation alone links every page somewhere
    assert broken == []


@pytest.mark.build
def test_citation_markers_link_to_paragraphs_in_the_readers_language(site, project):
    for lang in LANGS:
        markers = 0
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
                    assert fragment == "" or re.fullmatch(r"p\d+", fragment), (page, fragment)
                    assert fragment == "" or project.sources[source_id].paragraph_count, (page, rel)
        # one marker per cited source in each citation the reader sees, data included
        expected = sum(len(c.cites) for scan in project.pages[lang] for c in scan.citations)
        assert markers == expected, lang


@pytest.mark.build
def test_quotes_and_titles_from_sources_carry_their_language(site, project):
    languages = {s.language for s in project.sources.values()}
    for page in pages(site):
        for tag in read(page).tags:
            if tag.name in ("q", "cite") or "bf-para__text" in tag.attrs.get("class", ""):
                assert tag.attrs.get("lang") in languages, (page, tag)


@pytest.mark.build
def test_language_switcher_leads_to_the_same_page(site, project, page_dir):
    source_id = next(iter(project.sources))
    for lang in LANGS:
        for rel in ("", page_dir, "sources/", f"sources/{source_id}/"):
            page = site / PREFIX[lang] / rel / "index.html"
            links = {
                t.attrs["hreflang"]: t.attrs["href"]
                for t in read(page).tags
                if t.name == "a" and "md-select__link" in t.attrs.get("class", "")
            }
            assert set(links) == set(LANGS), page
            for other, href in links.items():
                target, _ = _resolve(site, page, href)
                assert (
                    target == (site / PREFIX[other] / rel / "index.html").resolve()
                    or target.resolve() == (site / PREFIX[other] / rel / "index.html").resolve()
                ), (page, other, href)


@pytest.mark.build
def test_nothing_is_requested_from_another_host(site):
    loaders = {
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "audio": "src",
        "video": "src",
        "link": "href",
    }
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


@pytest.mark.build
def test_index_lists_every_source_with_its_citing_pages(site, project):
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "sources/index.html")
        assert set(project.sources) <= doc.ids
        html = (site / PREFIX[lang] / "sources/index.html").read_text(encoding="utf-8")
        listed = 0
        for source_id in project.sources:
            for use in project.uses_of(lang, source_id):  # each citing page, with its count
                count = (
                    f"{LABELS['paren_open'][lang]}{use.count}{LABELS['times'][lang]}"
                    f"{LABELS['paren_close'][lang]}"
                )
                expected = apply_html(f"{escape(use.title)}</a>{count}", lang)
                assert expected in html, (lang, source_id, use)
                listed += 1
        assert listed, lang


# --- bad input stops the real build, naming the file --------------------------------------


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def _unknown_citation(copy: Path, project: Project) -> str:
    _append(copy / "docs/fr/index.md", "\nVoir [@inconnu].\n")
    return "docs/fr/index.md"


def _missing_translation(copy: Path, project: Project) -> str:
    rel = cited_pages(project)[0]
    (copy / "docs/de" / rel).unlink()
    return f"docs/de/{rel}:1: the German page is missing"


def _bad_seed(copy: Path, project: Project) -> str:
    related = {
        i for s in project.sources.values() for i in (s.id, *s.same_text_as) if s.same_text_as
    }
    source = next(s for s in project.sources.values() if s.id not in related)  # stands alone
    seed = copy / source.path
    text = seed.read_text("utf-8")
    kind = re.search(r"^kind: .*$", text, re.MULTILINE)
    assert kind, source.path
    seed.write_text(text[: kind.start()] + "kind: rumour" + text[kind.end() :], "utf-8")
    line = text.count("\n", 0, kind.start()) + 1
    return f"{source.path}:{line}: kind: 'rumour' is not a known kind"


def _paragraph_out_of_range(copy: Path, project: Project) -> str:
    source = sources_with_text(project)[0]
    _append(copy / "docs/ja/index.md", f"\n[@{source.id}, ¶{len(source.paragraphs) + 1}]\n")
    return "docs/ja/index.md"


BREAKERS = [_unknown_citation, _missing_translation, _bad_seed, _paragraph_out_of_range]


@pytest.mark.build
@pytest.mark.copy
@pytest.mark.parametrize("breaker", BREAKERS, ids=[b.__name__.strip("_") for b in BREAKERS])
def test_bad_input_stops_the_build(project_copy, project, tmp_path, caplog, breaker):
    expected = breaker(project_copy, project)
    with pytest.raises(Abort):
        build_site(project_copy / "mkdocs.yml", tmp_path / "out")
    assert expected in caplog.text
    assert "1 problem in" in caplog.text  # one cause, one message: no cascade
    assert not (tmp_path / "out" / "index.html").exists()  # nothing published half-built


@pytest.mark.build
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
"""
# The site's accounts of its two paragraphs, as hostile as the record.
HOSTILE_ACCOUNTS = "source: hostile\nparagraphs:\n" + "".join(
    f"  - n: {n}\n" + "".join(f"    {lang}: {text!r}\n" for lang in ("en", "ja", "fr", "de"))
    for n, text in (
        (1, "<script>alert('p')</script> {{ 7*7 }} {% raw %} <img src=x onerror=alert(2)>"),
        (2, "## Not a heading, [link](javascript:alert(3))"),
    )
)


@pytest.mark.build
@pytest.mark.copy
def test_source_text_never_becomes_markup_in_the_real_build(project_copy, tmp_path):
    (project_copy / "seeds" / "hostile.md").write_text(HOSTILE_SEED, "utf-8")
    (project_copy / "seeds" / "hostile.accounts.yml").write_text(HOSTILE_ACCOUNTS, "utf-8")
    page = project_copy / "docs" / "en" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nHostile [@hostile, ¶1; @hostile, ¶2].\n", "utf-8")
    out = tmp_path / "out"
    build_site(project_copy / "mkdocs.yml", out, search=False)
    texts = [
        p.read_text("utf-8")
        for p in (
            out / "sources/hostile/index.html",
            out / "ja/sources/hostile/index.html",
            out / "sources/index.html",
            out / "index.html",
        )
    ]
    for html in texts:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<iframe" not in html
        assert "<b>Outlet</b>" not in html
        assert 'href="javascript:' not in html
        assert ">49<" not in html and " 49 " not in html
        assert "<h2>Not a heading" not in html
    assert "&lt;script&gt;alert(&#39;p&#39;)&lt;/script&gt; {{ 7*7 }} {% raw %}" in texts[0]


@pytest.mark.build
def test_each_language_has_its_own_search_index_of_its_own_pages(site):
    """One Pagefind bundle per language, `pagefind/<lang>/`: each holds that language's
    articles and nothing else."""
    import json

    for lang in LANGS:
        entry = json.loads((site / "pagefind" / lang / "pagefind-entry.json").read_text("utf-8"))
        indexed = [
            p
            for p in pages(site)
            if language_of(site, p) == lang and "data-pagefind-body" in p.read_text("utf-8")
        ]
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == len(indexed) > 0, lang
    assert not (site / "search").exists()  # no whole-site index fetched on every page


@pytest.mark.build
def test_head_alternates_are_absolute_with_x_default(site, project, page_dir):
    source_id = next(iter(project.sources))
    for lang in LANGS:
        for rel in ("", page_dir, f"sources/{source_id}/"):
            doc = read(site / PREFIX[lang] / rel / "index.html")
            pairs = [
                (t.attrs["hreflang"], t.attrs["href"])
                for t in doc.tags
                if t.name == "link" and "hreflang" in t.attrs
            ]
            links = dict(pairs)
            assert len(pairs) == len(links), (lang, rel, "an hreflang given twice", pairs)
            assert set(links) == {*LANGS, "x-default"}, (lang, rel)
            assert not [
                t for t in doc.tags if t.name == "link" and t.attrs.get("rel") in ("prev", "next")
            ], (lang, rel, "prev/next links turn on single-key shortcuts")
            for other in LANGS:
                assert (
                    links[other] == f"https://example.github.io/h200-briefing/{PREFIX[other]}{rel}"
                )
            assert links["x-default"] == links["en"]


@pytest.mark.build
def test_sitemap_lists_every_page_of_every_language_once(site, project):
    """Each page once, as an address that is a built page; its alternates are in its head
    (test above), not repeated here."""
    from xml.etree import ElementTree

    sitemap = (site / "sitemap.xml").read_text("utf-8")
    tree = ElementTree.fromstring(sitemap.encode("utf-8"))  # well-formed
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [loc.text or "" for loc in tree.iter(f"{ns}loc")]
    assert len(locs) == len(set(locs)) == len(list(tree))
    base = "https://example.github.io/h200-briefing/"
    for lang in LANGS:
        for source_id in project.sources:
            assert f"{base}{PREFIX[lang]}sources/{source_id}/" in locs
        for scan in project.pages[lang]:  # every hand-written page
            assert f"{base}{scan.url}" in locs, scan.path
    assert all((site / loc.removeprefix(base) / "index.html").is_file() for loc in locs)
    assert "xhtml:link" not in sitemap and "<lastmod>" not in sitemap


@pytest.mark.build
def test_materials_content_tab_script_is_on_the_pages_with_content_tabs(site):
    partial = (ROOT / "overrides/partials/javascripts/content.html").read_text("utf-8")
    (_TABS_SCRIPT,) = re.findall(r"<script>var target=.*?</script>", partial)
    for path in pages(site):
        html = path.read_text("utf-8")
        assert (_TABS_SCRIPT in html) == ('name="__tabbed_' in html), path


@pytest.mark.build
def test_pages_carry_none_of_materials_empty_placeholders(site):
    """Material's skip link, announcement bar, dialog, footer and table-of-contents sidebar
    are written only where they hold something; its generator meta not at all."""
    for path in [*pages(site), *site.rglob("404.html")]:
        html = path.read_text("utf-8")
        assert ('data-md-component="skip"' in html) == ('class="md-skip"' in html), path
        assert '<div data-md-component="announce">\n</div>' not in html, path
        assert ('data-md-component="dialog"' in html) == ("md-clipboard" in html), path
        assert '<div class="md-copyright">\n</div>' not in html, path
        assert 'name="generator"' not in html, path
        toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', html, re.S)
        assert toc is None or "md-nav__list" in toc.group(0), path  # never an empty sidebar


@pytest.mark.build
def test_no_page_waits_for_a_script_before_its_first_paint(site):
    """Every external script is deferred (Material's bundle and the site's script), so none
    holds up the page's parsing and first paint; they keep their order."""
    for path in [*pages(site), *site.rglob("404.html")]:
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text("utf-8"))
        assert scripts, path
        for tag in scripts:
            assert re.search(r"\s(defer|async)[\s>]", tag), (path, tag)


@pytest.mark.build
def test_each_language_has_its_own_404(site):
    for lang in LANGS:
        page = site / PREFIX[lang] / "404.html"
        doc = read(page)
        assert doc.html_lang == lang
        hrefs = [t.attrs["href"] for t in doc.tags if t.name == "a" and "href" in t.attrs]
        assert f"https://example.github.io/h200-briefing/{PREFIX[lang]}" in hrefs


@pytest.mark.build
def test_the_404_pages_switcher_leads_to_each_languages_home(site):
    """Not to the last page the build happened to render."""
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "404.html")
        switcher = {
            t.attrs["hreflang"]: t.attrs["href"]
            for t in doc.tags
            if t.name == "a" and "md-select__link" in t.attrs.get("class", "")
        }
        assert switcher == {other: f"{BASE_PATH}{PREFIX[other]}" for other in LANGS}, lang


@pytest.mark.build
@pytest.mark.copy
def test_a_preview_of_one_language_builds_its_pages_only(project_copy, tmp_path, monkeypatch):
    """`make serve LANG=ja`: Japanese pages, each saying what the preview leaves out; of the
    default language only what the i18n plugin needs (home, citations index, What's new)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from briefing import site as adapter

    monkeypatch.setattr(adapter, "SESSION", adapter.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    out = tmp_path / "out"
    config = load_config(str(project_copy / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/h200-briefing/")
    source_id = sorted(p.stem for p in (project_copy / "seeds").glob("*.md"))[0]
    rel = sorted(p.stem for p in (project_copy / "docs/ja").glob("*.md") if p.stem != "index")[0]
    assert (out / "ja" / rel / "index.html").is_file()
    assert (out / "ja" / "sources" / source_id / "index.html").is_file()
    assert (out / "index.html").is_file() and (out / "sources" / "index.html").is_file()
    assert not (out / rel).exists() and not (out / "sources" / source_id).exists()
    assert not (out / "fr").exists() and not (out / "de").exists()
    said = LABELS["preview_languages"]["ja"].format(
        built="日本語", skipped="英語、フランス語、ドイツ語"
    )
    for page in (f"ja/{rel}/index.html", f"ja/sources/{source_id}/index.html"):
        assert said in (out / page).read_text("utf-8"), page


@pytest.mark.build
@pytest.mark.copy
def test_the_preview_rewrites_only_what_an_edit_changes(project_copy, tmp_path, monkeypatch):
    """A rebuild of the preview reuses a page's finished HTML while nothing the theme reads
    for it changed, and what Markdown made of it while nothing its rendering read changed;
    the result is the page a fresh build writes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from briefing import site as adapter

    monkeypatch.setattr(adapter, "SESSION", adapter.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    out = tmp_path / "out"

    def rebuild() -> dict[str, str]:
        config = load_config(str(project_copy / "mkdocs.yml"), site_dir=str(out))
        if not adapter.SESSION.run.serving:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/h200-briefing/")
        return {
            p.relative_to(out).as_posix(): p.read_text("utf-8")
            for p in out.rglob("*.html")
            if p.relative_to(out).parts[0] == "ja"
        }

    first = rebuild()
    assert adapter.SESSION.language.reuse.reused == set()
    converted = dict(adapter.SESSION.run.reuse.converted)
    assert rebuild() == first  # nothing changed: every page reused, the same bytes
    pages = set(adapter.SESSION.language.reuse.theme_keys)
    assert adapter.SESSION.language.reuse.reused == pages and pages
    # ... and not converted again: what Markdown made of each page is the same object.
    assert all(
        adapter.SESSION.run.reuse.converted[dest] is page for dest, page in converted.items()
    )

    # A paragraph added to one page: that page is written again, the others reused. (A page
    # the navigation lists by its first heading, for the title's change below.)
    def listed_by_heading(path: Path) -> bool:
        heading = re.search(r"^# (.+)$", path.read_text("utf-8"), re.M)
        front = path.read_text("utf-8").split("\n---", 1)[0]
        return (
            heading is not None and "title:" not in front and heading[1] in first["ja/index.html"]
        )

    pages_ja = sorted((project_copy / "docs/ja").glob("*.md"))
    edited = next((p for p in pages_ja if p.stem != "index" and listed_by_heading(p)), None)
    assert edited is not None, "no Japanese page is listed in the navigation by its heading"
    rel = edited.stem
    edited.write_text(edited.read_text("utf-8") + "\n新しい段落。\n", "utf-8")
    second = rebuild()
    assert "新しい段落。" in second[f"ja/{rel}/index.html"]
    assert f"ja/{rel}.md" not in adapter.SESSION.language.reuse.reused
    assert adapter.SESSION.language.reuse.reused == pages - {f"ja/{rel}.md"}
    adapter.SESSION.run.reuse.clear()  # a build without reuse writes the same
    assert rebuild() == second

    # A source's note: its own page is written again; the pages citing it do not show it.
    def ja_note(path: Path) -> re.Match[str] | None:
        return re.search(r'^  ja: "(.+)"$', path.read_text("utf-8").partition("\nnote:")[2], re.M)

    seed = next((p for p in sorted((project_copy / "seeds").glob("*.md")) if ja_note(p)), None)
    assert seed is not None, "no source has a one-line Japanese note"
    text, note = seed.read_text("utf-8"), ja_note(seed)
    assert note is not None
    seed.write_text(text.replace(note.group(0), note.group(0)[:-1] + '追記。"', 1), "utf-8")
    edited_note = rebuild()
    assert "追記。" in edited_note[f"ja/sources/{seed.stem}/index.html"]
    assert adapter.SESSION.language.reuse.reused == pages - {f"ja/sources/{seed.stem}.md"}
    adapter.SESSION.run.reuse.clear()
    assert rebuild() == edited_note
    # A timeline event's text: the pages showing the timeline are written again.
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text("utf-8")
    changed = re.sub(r'(\n      ja: ")', r"\1年表に追記。", text, count=1)
    assert changed != text, "no Japanese event text found in data/timeline.yml"
    timeline.write_text(changed, "utf-8")
    edited_data = rebuild()
    assert "年表に追記。" in edited_data["ja/timeline/index.html"]
    assert "ja/timeline.md" not in adapter.SESSION.language.reuse.reused
    adapter.SESSION.run.reuse.clear()
    assert rebuild() == edited_data
    # Its title changed: every page's navigation shows it, so every page is written again.
    text = edited.read_text("utf-8")
    title = re.search(r"^# (.+)$", text, re.M)
    assert title is not None
    edited.write_text(text.replace(title.group(0), "# 改題した見出し", 1), "utf-8")
    third = rebuild()
    assert adapter.SESSION.language.reuse.reused == set()
    assert "改題した見出し" in third["ja/index.html"]
    # What the preview reused is what a build without reuse writes.
    adapter.SESSION.run.reuse.clear()
    assert rebuild() == third


@pytest.mark.build
@pytest.mark.copy
def test_an_edited_date_label_shows_after_the_previews_rebuild(project_copy, tmp_path, monkeypatch):
    """Under `make serve`, strings.yml's approximate-date label edited: the rebuild shows the
    new wording (a formatted date is not served from a cache of the old one)."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from briefing import site as adapter
    from briefing import strings

    monkeypatch.setattr(adapter, "SESSION", adapter.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    labels = tmp_path / "strings.yml"
    labels.write_text(strings.PATH.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(strings, "PATH", labels)
    # An event known only approximately, so the timeline shows an approximate date.
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text("utf-8")
    approximate = text.replace("precision: day", "precision: approximate", 1)
    assert approximate != text, "no event dated to the day in data/timeline.yml"
    timeline.write_text(approximate, "utf-8")
    out = tmp_path / "out"

    def timeline_page() -> str:
        config = load_config(str(project_copy / "mkdocs.yml"), site_dir=str(out))
        if not adapter.SESSION.run.serving:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/h200-briefing/")
        return (out / "ja" / "timeline" / "index.html").read_text("utf-8")

    old, new = LABELS["approx_day"]["ja"], "{date}（推定の日付）"
    try:
        before = timeline_page()
        assert old.format(date="") in before and new.format(date="") not in before
        edited = labels.read_text("utf-8").replace(f'ja: "{old}"', f'ja: "{new}"')
        assert edited != labels.read_text("utf-8")
        labels.write_text(edited, "utf-8")
        os.utime(labels, ns=(1, 10**18))  # a different modification time, whatever the clock
        after = timeline_page()
        assert new.format(date="") in after
    finally:
        monkeypatch.undo()
        strings._loaded[0] = -1
        strings.refresh()


@pytest.mark.build
def test_every_theme_icon_is_a_reference_into_the_sprite(site):
    """Pages refer to the theme's icons in one cached file; each reference resolves."""
    sprite = site / "assets" / "icons.svg"
    symbols = set(re.findall(r'<symbol id="([^"]+)"', sprite.read_text("utf-8")))
    referred = 0
    for page in pages(site):
        html = page.read_text("utf-8")
        if page.name == "404.html":  # served at any path: its icons stay inline
            continue
        assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' not in html, page
        for href in re.findall(r'<use href="([^"]+)"', html):
            path, _, ident = href.partition("#")
            assert (page.parent / path).resolve() == sprite.resolve(), (page, href)
            assert ident in symbols, (page, href)
            referred += 1
    assert referred


@pytest.mark.build
def test_each_languages_pages_describe_the_site_in_that_language(site):
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "index.html")
        (description,) = [
            t.attrs["content"]
            for t in doc.tags
            if t.name == "meta" and t.attrs.get("name") == "description"
        ]
        assert description == LABELS["site_description"][lang], lang
