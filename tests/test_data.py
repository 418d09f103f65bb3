"""Timeline and chip data: each fact once, four languages side by side, every entry cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.citations import find_citations
from briefing.data import load_timeline
from briefing.directives import expand
from briefing.parity import citation_keys, compare, figures
from briefing.project import load_project
from briefing.strings import ACTORS
from briefing.validate import load_sources
from conftest import LANGS, ROOT

EVENT = """\
events:
  - id: first
    date: "2026-01-28"
    precision: day
    actors: [nvidia, china-government]
    text:
      en: "A fact [@example-source, ¶2]."
      ja: "事実[@example-source, ¶2]。"
      fr: "Un fait [@example-source, ¶2]."
      de: "Eine Tatsache [@example-source, ¶2]."
"""


@pytest.fixture(scope="module")
def real():
    return load_project(ROOT)


def _timeline(tmp_path: Path, make_project, text: str):
    root = make_project()
    (root / "data").mkdir()
    (root / "data" / "timeline.yml").write_text(text, "utf-8")
    sources, _ = load_sources(root / "seeds", root)
    return load_timeline(root / "data" / "timeline.yml", root, sources, set())


def test_valid_event_loads(tmp_path, make_project):
    events, problems = _timeline(tmp_path, make_project, EVENT)
    assert problems == []
    assert events[0].actors == ("nvidia", "china-government")
    assert events[0].date.iso == "2026-01-28"


@pytest.mark.parametrize(("change", "expected"), [
    (("      ja: \"事実[@example-source, ¶2]。\"", "      ja: \"事実[@example-source, ¶1]。\""),
     "data/timeline.yml:8: events.0.text.ja: cites {@example-source, ¶1} but the English"),
    (("[nvidia, china-government]", "[nvidia, mars]"), "data/timeline.yml:5: events.0.actors"),
    (('"2026-01-28"', '"2026-02-31"'), "data/timeline.yml:3: events.0.date: '2026-02-31' is not"),
    (("A fact [@example-source, ¶2].", "A fact [@nowhere]."),
     "data/timeline.yml:7: unknown citation id '@nowhere'"),
    (("      de: \"Eine Tatsache [@example-source, ¶2].\"\n", ""),
     "data/timeline.yml:6: events.0.text: the 'de' field is missing"),
])
def test_bad_event_is_reported_with_line(tmp_path, make_project, change, expected):
    _, problems = _timeline(tmp_path, make_project, EVENT.replace(*change))
    assert any(p.format().startswith(expected) for p in problems), [p.format() for p in problems]


def test_event_without_citation_is_refused(tmp_path, make_project):
    text = EVENT
    for lang_text in ("A fact [@example-source, ¶2].", "事実[@example-source, ¶2]。",
                      "Un fait [@example-source, ¶2].", "Eine Tatsache [@example-source, ¶2]."):
        text = text.replace(lang_text, "No source.")
    _, problems = _timeline(tmp_path, make_project, text)
    assert "the text has no citation" in problems[0].format()


def test_every_timeline_event_has_a_citation_in_every_language(real):
    assert len(real.data.events) >= 30
    for event in real.data.events:
        for lang in LANGS:
            assert citation_keys(event.text[lang]), (event.id, lang)
        assert len({frozenset(citation_keys(event.text[lang])) for lang in LANGS}) == 1, event.id


def test_timeline_spans_2022_to_2026_in_order(real):
    years = [e.date.year for e in real.data.events]
    assert years == sorted(years)
    assert years[0] == 2022
    assert years[-1] == 2026


def test_every_chip_cell_is_cited(real):
    chips = real.data.chips
    assert chips is not None
    assert set(chips.names) == {"h20", "h200", "h100", "ascend-910b"}
    assert [r.id for r in chips.rows][:4] == ["architecture", "memory", "memory-bandwidth",
                                              "fp16-dense"]
    for row in chips.rows:
        for chip, cell in row.cells.items():
            found, problems = find_citations(cell.cite, "")
            assert found and not problems, (row.id, chip)
            if cell.status == "unconfirmed":
                assert cell.number is None


def test_derived_ratios_match_the_specifications(real):
    from briefing.directives import ratio_value
    chips = real.data.chips
    results = {r.id: ratio_value(chips, r, "en")[2] for r in chips.ratios}
    assert results["h20-fp16-vs-h100"] == "15.0%"
    assert results["h200-vs-h20-compute"] == "6.7×"
    assert results["h200-vs-h20-bandwidth"] == "1.2×"


@pytest.mark.parametrize("rel", sorted(p.relative_to(ROOT / "docs" / "en").as_posix()
                                       for p in (ROOT / "docs" / "en").rglob("*.md")))
def test_translations_cite_the_same_sources_and_state_the_same_figures(rel):
    texts = {lang: (ROOT / "docs" / lang / rel).read_text("utf-8") for lang in LANGS}
    assert compare(texts) == []


def test_chip_values_state_the_same_figures_in_every_language(real):
    for row in real.data.chips.rows:
        for chip, cell in row.cells.items():
            assert compare({lang: cell.value[lang] for lang in LANGS}) == [], (row.id, chip)


def test_event_texts_state_the_same_figures_in_every_language(real):
    for event in real.data.events:
        assert compare(event.text) == [], event.id


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_actor_page_lists_the_events_the_data_gives_it(real, actor, site):
    from sitehtml import read
    expected = {f"ev-{e.id}" for e in real.data.events_of(actor)}
    assert expected
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        doc = read(site / prefix / "actors" / actor / "index.html")
        listed = {t.attrs["id"] for t in doc.tags if "bf-event" in t.attrs.get("class", "")
                  .split()}
        assert listed == expected, (lang, actor)


def test_timeline_page_lists_every_event_in_every_language(real, site):
    from sitehtml import read
    expected = [f"ev-{e.id}" for e in real.data.events]
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        doc = read(site / prefix / "timeline" / "index.html")
        listed = [t.attrs["id"] for t in doc.tags if "bf-event" in t.attrs.get("class", "").split()]
        assert listed == expected


def test_chart_has_a_text_alternative(site):
    from sitehtml import read
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        doc = read(site / prefix / "chips" / "index.html")
        svgs = [t for t in doc.tags if t.name == "svg" and "chart-" in t.attrs.get(
            "aria-labelledby", "")]
        assert len(svgs) == 2  # compute and memory bandwidth
        for svg in svgs:
            assert svg.attrs["role"] == "img"
            for ref in svg.attrs["aria-labelledby"].split():
                assert ref in doc.ids


def test_figure_normalisation():
    assert figures("more than 400,000 chips and 4.8 TB/s", "en") == \
        figures("40万個超と4.8TB/s", "ja") == figures("plus de 400 000 puces et 4,8 To/s", "fr") \
        == figures("mehr als 400.000 Chips und 4,8 TB/s", "de") == {"400000", "4.8TB/s"}
    assert figures("on 9 April 2025, ¶12", "en") == set()
    assert figures("2025年4月9日", "ja") == set()


def test_directive_expands_per_language(real):
    text = expand("<!-- briefing:timeline actor=huawei -->", "ja", real.data)
    assert "ファーウェイ" in text


@pytest.mark.parametrize(("directive", "expected"), [
    ("<!-- briefing:timelines -->", "unknown directive 'briefing:timelines'"),
    ("<!-- briefing:timeline actor=mars -->", "bad options {'actor': 'mars'}"),
    ("<!-- briefing:chips-table actor=nvidia -->", "briefing:chips-table takes no options"),
])
def test_bad_directive_is_reported_with_page_and_line(real, directive, expected):
    from briefing.directives import problems_in
    problems = problems_in(f"# T\n\n{directive}\n", "docs/en/x.md", real.data)
    assert [p.format()[:len("docs/en/x.md:3: ") + len(expected)] for p in problems] == [
        f"docs/en/x.md:3: {expected}"]
