"""Downloads, "cite this page" and JSON-LD: parsed with real parsers, checked against records."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON

from briefing.citations import find_citations
from briefing.exports import CSL_TYPES, DOWNLOADS, latex_escape
from briefing.project import load_project
from briefing.strings import LABELS
from briefing.templating import with_quotes
from briefing.urls import relative_url
from conftest import LANGS, PREFIX, ROOT
from sitehtml import pages, read

BASE = "https://example.github.io/h200-briefing/"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def download(site, lang, name):
    return (site / PREFIX[lang] / "downloads" / name).read_text("utf-8")


@pytest.mark.build
def test_every_export_exists_and_is_listed_on_each_languages_data_page(site):
    for lang in LANGS:
        data_page = read(site / PREFIX[lang] / "data" / "index.html")
        links = {t.attrs.get("href") for t in data_page.tags if t.name == "a"}
        rows = {t.attrs.get("id") for t in data_page.tags if t.name == "tr"}
        for download in DOWNLOADS:
            path = download.url(lang)
            assert (site / path).is_file()
            assert relative_url(f"{PREFIX[lang]}data/", path) in links, (lang, path)
            assert download.anchor in rows, (lang, download.name)
            text = (site / PREFIX[lang] / "data" / "index.html").read_text("utf-8")
            assert f"<td>{download.format}</td>" in text, (lang, download.name)
            if download.shared:  # one file, in the default language's folder only
                assert download.url(lang) == f"downloads/{download.name}"
                assert not any(
                    (site / p / "downloads" / download.name).exists() for p in PREFIX.values() if p
                )


@pytest.mark.build
def test_the_data_page_is_in_every_languages_navigation_and_linked_from_the_data_pages(site):
    """Found where a reader looks: the navigation of every page, the citations index (with its
    own CSV), the timeline and the chip comparison."""
    for lang in LANGS:
        home = read(site / PREFIX[lang] / "index.html")
        nav = {t.attrs.get("href") for t in home.tags if t.name == "a"}
        assert "data/" in nav, lang
        index = read(site / PREFIX[lang] / "sources" / "index.html")
        links = {t.attrs.get("href") for t in index.tags if t.name == "a"}
        assert {"../data/", "../downloads/sources.csv"} <= links, lang
        for page in ("timeline", "chips"):
            html = read(site / PREFIX[lang] / page / "index.html")
            hrefs = {t.attrs.get("href") for t in html.tags if t.name == "a"}
            assert any(h and h.startswith("../data/#") for h in hrefs), (lang, page)


def _csv_rows(text):
    assert text.startswith("\ufeff"), "a BOM, so spreadsheets read UTF-8"
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_csv_has_one_plain_row_per_event(site, project, lang):
    rows = _csv_rows(download(site, lang, "timeline.csv"))
    assert [r["id"] for r in rows] == [e.id for e in project.data.events]
    for row, event in zip(rows, project.data.events, strict=True):
        assert row["date"] == event.date.iso and row["precision"] == event.date.precision
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"])
        assert row["actors"].split() == list(event.actors)
        assert row["text"] and not re.search(r"\[@|<[a-z]|\{q:", row["text"]), row["text"]
        cited = [c.source_id for cit in find_citations(event.text[lang], "")[0] for c in cit.cites]
        assert [s.split(" ")[0] for s in row["sources"].split("; ") if s] == cited
        pages = row["source_pages"].split()
        assert len(pages) == len(cited)
        assert all(p.startswith(BASE + PREFIX[lang] + "sources/") for p in pages)
        assert all(u.startswith(("https://", "http://")) for u in row["original_urls"].split())


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_sources_csv_has_one_row_per_source_with_its_record(site, project, lang):
    rows = _csv_rows(download(site, lang, "sources.csv"))
    assert [r["id"] for r in rows] == [s.id for s in project.sorted_sources()]
    for row in rows:
        source = project.sources[row["id"]]
        assert row["title"] == source.titles[lang]
        assert row["published"] == source.published.iso
        assert row["language"] == source.language
        assert row["page"] == BASE + PREFIX[lang] + f"sources/{source.id}/"
        assert row["url"] == (source.url if (source.url or "").startswith("http") else "")
        cited = sum(use.count for use in project.uses_of(lang, source.id))
        assert int(row["citations"]) == cited


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_chips_wide_csv_reads_like_the_comparison(site, project, lang):
    chips = project.data.chips
    text = download(site, lang, "chips-wide.csv")
    header, *rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header[:2] == ["chip", "chip_name"]
    assert len(header) == 2 + len(chips.rows)
    for column, row in zip(header[2:], chips.rows, strict=True):
        assert column.startswith(row.label[lang])
    assert [r[0] for r in rows] == list(chips.names)
    for record in rows:
        for value, row in zip(record[2:], chips.rows, strict=True):
            cell = row.cells.get(record[0])
            assert value == (cell.value[lang] if cell else "")


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_csl_json_matches_the_records_and_renders_with_citeproc(site, project, lang):
    items = json.loads(download(site, lang, "sources.json"))
    assert [i["id"] for i in items] == [s.id for s in project.sorted_sources()]
    for item in items:
        source = project.sources[item["id"]]
        assert item["title"] == (
            source.titles[lang] if source.title_is_ours else source.title_original
        )
        assert item["type"] == CSL_TYPES[source.kind]
        assert item["language"] == source.language
        assert item["issued"]["date-parts"][0][0] == source.published.year
        assert item.get("URL") == source.url
        assert item.get("container-title") == source.outlet
        # the note as the site shows it: each {q:id} is the quotation's rendering
        assert item["note"] == with_quotes(
            source.notes[lang], lang, project.data.quotes, project.sources
        )
        assert item["archive_location"] == f"{BASE}{PREFIX[lang]}sources/{source.id}/"
    # A real CSL processor reads every item and formats a bibliography entry for each.
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), citeproc_formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    for item in items:
        assert any(item["title"][:20] in entry for entry in rendered), item["id"]


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_bibtex_parses_and_matches_the_records(site, project, lang):
    library = bibtexparser.parse_string(
        download(site, lang, "sources.bib"), append_middleware=[LatexDecodingMiddleware()]
    )
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    # BibLaTeX reads `url` verbatim (an "&" in an address stays "&"): compare it undecoded.
    raw = bibtexparser.parse_string(download(site, lang, "sources.bib"))
    urls = {e.key: {f.key: f.value for f in e.fields}.get("url") for e in raw.entries}
    assert list(entries) == [s.id for s in project.sorted_sources()]
    for source_id, entry in entries.items():
        source = project.sources[source_id]
        fields = {f.key: f.value for f in entry.fields}
        assert fields["title"].strip("{}") == (
            source.titles[lang] if source.title_is_ours else source.title_original
        ), source_id
        assert fields["date"] == source.published.iso
        assert urls[source_id] == source.url
        assert fields.get("urldate") == (source.accessed.isoformat() if source.url else None)
        assert source.outlet in (None, *fields.values()), source_id
        note = with_quotes(source.notes[lang], lang, project.data.quotes, project.sources)
        assert note in fields["note"]


@pytest.mark.build
def test_json_downloads_hold_one_record_per_line(site):
    """Each JSON download parses, and each record of its lists is one line of its own."""
    for path in sorted(site.glob("**/downloads/*.json")):
        text = path.read_text("utf-8")
        document = json.loads(text)
        records = (
            document
            if isinstance(document, list)
            else [item for value in document.values() if isinstance(value, list) for item in value]
        )
        lines = set(text.splitlines())
        for record in records:
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            assert line in lines or line + "," in lines, path


def test_latex_escaping_keeps_markup_inert():
    assert latex_escape(r"50% of {H200} & \input{x} #1 $5 ~a_b^c") == (
        r"50\% of \{H200\} \& \textbackslash{}input\{x\} \#1 \$5 \textasciitilde{}a\_b"
        r"\textasciicircum{}c"
    )


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_json_is_timelinejs_and_cites_like_the_data(site, project, lang):
    document = json.loads(download(site, lang, "timeline.json"))
    assert document["title"]["text"]["headline"] == LABELS["timeline_export_title"][lang]
    events = document["events"]
    assert [e["unique_id"] for e in events] == [e.id for e in project.data.events]
    for exported, event in zip(events, project.data.events, strict=True):
        start = exported["start_date"]
        assert (start["year"], start.get("month"), start.get("day")) == (
            event.date.year,
            event.date.month,
            event.date.day,
        )
        assert exported["text"]["headline"]
        citations, _ = find_citations(event.text[lang], "")
        cited = [c.source_id for cit in citations for c in cit.cites]
        links = re.findall(r'href="([^"]+)"', exported["text"]["text"])
        assert [link.split("/sources/")[1].split("/")[0] for link in links] == cited
        assert all(link.startswith(BASE + PREFIX[lang] + "sources/") for link in links)
        assert "[@" not in exported["text"]["text"]


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_chip_exports_carry_every_cell_with_its_citations(site, project, lang):
    chips = project.data.chips
    rows = list(csv.DictReader(io.StringIO(download(site, lang, "chips.csv").lstrip("\ufeff"))))
    document = json.loads(download(site, lang, "chips.json"))
    cells = [(row, chip, cell) for row in chips.rows for chip, cell in row.cells.items()]
    assert len(rows) == len(document["cells"]) == len(cells)
    for record, exported, (row, chip, cell) in zip(rows, document["cells"], cells, strict=True):
        assert (
            (record["row"], record["chip"]) == (row.id, chip) == (exported["row"], exported["chip"])
        )
        assert record["value"] == exported["value"] == cell.value[lang]
        assert record["status"] == cell.status
        assert record["number"] == ("" if cell.number is None else f"{cell.number:g}")
        cited = [c.source_id for cit in find_citations(cell.cite, "")[0] for c in cit.cites]
        assert [c["source"] for c in exported["citations"]] == cited
        assert record["citations"].split("; ")[0].split(" ")[0] == cited[0]
    assert [r["id"] for r in document["ratios"]] == [r.id for r in chips.ratios]


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ld: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_data(self, data):
        if self._in:
            self.ld.append(data)

    def handle_endtag(self, tag):
        self._in = False


@pytest.mark.build
def test_every_page_has_json_ld_and_a_cite_box(site, project):
    checked = 0
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        if rel.endswith("404.html"):
            continue
        html = page.read_text("utf-8")
        parser = _Scripts()
        parser.feed(html)
        # One WebPage; after it, the page's fact checks (ClaimReview), if it rates claims.
        assert parser.ld, rel
        data = json.loads(parser.ld[0])
        assert data["@type"] == "WebPage", rel
        assert all(json.loads(ld)["@type"] == "ClaimReview" for ld in parser.ld[1:]), rel
        lang = data["inLanguage"]
        assert f'<html lang="{lang}"' in html
        assert data["url"] == BASE + rel.removesuffix("index.html")
        assert data["isPartOf"]["name"] == LABELS["site_name"][lang]
        assert LABELS["cite_this_page"][lang] in html
        assert data["url"] in html.split('class="bf-cite-page__plain">')[1].split("</p>")[0]
        if "/sources/" in "/" + rel and not rel.endswith("sources/index.html"):
            source = project.sources[rel.rstrip("/").split("/")[-2]]
            assert data["about"]["name"] == (
                source.titles[lang] if source.title_is_ours else source.title_original
            )
        checked += 1
    assert checked >= len(LANGS) * (len(project.sources) + 1)  # at least the source pages


@pytest.mark.build
def test_json_ld_lists_the_sources_a_page_cites(site, project):
    for lang in LANGS:
        parser = _Scripts()
        parser.feed((site / PREFIX[lang] / "chips" / "index.html").read_text("utf-8"))
        data = json.loads(parser.ld[0])
        names = [c["name"] for c in data["citation"]]
        assert names == [
            s.titles[lang] if s.title_is_ours else s.title_original
            for s in project.cited_sources(lang, "chips.md")
        ]
        assert names  # every chip cell is cited


@pytest.mark.build
def test_each_rated_claim_has_one_claim_review_in_every_language(site, project):
    """Every claim-review directive in a page gives that page one valid ClaimReview, in the
    page's language, whose rating and claim come from data/claims.yml."""
    rated = [scan for scan in project.pages["en"] if "briefing:claim-review" in scan.body]
    for scan in rated:
        for lang in LANGS:
            translated = project.scan(lang, scan.rel)
            ids = re.findall(r"briefing:claim-review id=([a-z0-9-]+)", translated.body)
            page = site / PREFIX[lang] / scan.rel.removesuffix(".md") / "index.html"
            parser = _Scripts()
            parser.feed(page.read_text("utf-8"))
            reviews = [json.loads(ld) for ld in parser.ld[1:]]
            assert [r["url"].rsplit("#claim-", 1)[1] for r in reviews] == ids, (lang, scan.rel)
            for review in reviews:
                claim = project.data.claims[review["url"].rsplit("#claim-", 1)[1]]
                assert review["inLanguage"] == lang
                assert review["claimReviewed"] == claim.text[lang]
                assert (
                    review["reviewRating"]["alternateName"]
                    == LABELS[f"rating_{claim.rating}"][lang]
                )
                assert review["reviewBody"] and "[@" not in review["reviewBody"]
                assert review["itemReviewed"]["appearance"]
