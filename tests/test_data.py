"""Timeline and chip data: each fact once, four languages side by side, every entry cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.citations import find_citations
from briefing.data import load_timeline
from briefing.directives import CHART_ROWS, problems_in
from briefing.errors import BriefingError
from briefing.expand import expand
from briefing.parity import citation_keys, compare, figures
from briefing.project import load_project
from briefing.strings import ACTORS
from briefing.templating import ratio_text
from briefing.validate import load_sources
from conftest import LANGS, PREFIX, ROOT, inline, text_lines
from sitehtml import read

FACT = {
    "en": "A fact [@example-source, ¶2].",
    "ja": "事実[@example-source, ¶2]。",
    "fr": "Un fait [@example-source, ¶2].",
    "de": "Eine Tatsache [@example-source, ¶2].",
    "zh": "一个事实[@example-source, ¶2]。",
}
EARLIER_FACT = {
    "en": "An earlier fact [@example-source, ¶1].",
    "ja": "以前の事実[@example-source, ¶1]。",
    "fr": "Un fait antérieur [@example-source, ¶1].",
    "de": "Eine frühere Tatsache [@example-source, ¶1].",
    "zh": "一个较早的事实[@example-source, ¶1]。",
}
EVENT = """\
events:
  - id: first
    date: "2026-01-28"
    precision: day
    actors: [nvidia, china-government]
    text:
""" + text_lines(FACT, "      ")

LATER_EVENT = """\
  - id: second
    date: "2025-07"
    precision: month
    actors: [huawei]
    text:
""" + text_lines(EARLIER_FACT, "      ")

CITE = '"[@example-source, ¶2]"'


def _cell(number: float | None, status: str = "confirmed") -> str:
    figure = f"{number:g}" if number is not None else "?"
    value = inline(figure)
    shown = "" if number is None else f"\n        number: {number}"
    return f"        value: {value}{shown}\n        status: {status}\n        cite: {CITE}\n"


def _names(name: str) -> str:
    return inline(name)


# Figures chosen so that each ratio has a known result (148/989 = 15.0 %, 989/148 = 6.7x,
# 4.8/4.0 = 1.2x), whatever the real data says.
CHIPS = f"""\
chips:
  - id: h20
    name: {_names("H20")}
  - id: h200
    name: {_names("H200")}
  - id: h100
    name: {_names("H100")}
rows:
  - id: fp16-dense
    label: {_names("FP16")}
    unit: TFLOPS
    cells:
      h20:
{_cell(148)}      h200:
{_cell(989)}      h100:
{_cell(989)}  - id: memory-bandwidth
    label: {_names("Bandwidth")}
    unit: TB/s
    cells:
      h20:
{_cell(4.0)}      h200:
{_cell(4.8)}      h100:
{_cell(None, "unconfirmed")}ratios:
  - id: h20-fp16-vs-h100
    label: {_names("A")}
    numerator: fp16-dense.h20
    denominator: fp16-dense.h100
    style: percent
  - id: h200-vs-h20-compute
    label: {_names("B")}
    numerator: fp16-dense.h200
    denominator: fp16-dense.h20
    style: times
  - id: h200-vs-h20-bandwidth
    label: {_names("C")}
    numerator: memory-bandwidth.h200
    denominator: memory-bandwidth.h20
    style: times
"""


def _timeline(tmp_path: Path, make_project, text: str):
    root = make_project(data={"timeline.yml": text})
    sources, _ = load_sources(root / "seeds", root, LANGS)
    return load_timeline(root / "data" / "timeline.yml", root, sources, set(), LANGS)


def test_valid_event_loads(tmp_path, make_project):
    events, problems = _timeline(tmp_path, make_project, EVENT)
    assert problems == []
    assert events[0].actors == ("nvidia", "china-government")
    assert events[0].date.iso == "2026-01-28"


FIRST = "event 'first' (no. 1)"  # how problems name the entry EVENT writes


@pytest.mark.parametrize(
    ("change", "code", "expected"),
    [
        (
            ('      ja: "事実[@example-source, ¶2]。"', '      ja: "事実[@example-source, ¶1]。"'),
            "data.citations-differ",
            f"data/timeline.yml:8: {FIRST}, text.ja: cites {{@example-source, ¶1}} but the English",
        ),
        (
            ("[nvidia, china-government]", "[nvidia, mars]"),
            "data.unknown-ref",
            f"data/timeline.yml:5: {FIRST}, actors",
        ),
        (
            ('"2026-01-28"', '"2026-02-31"'),
            "data.bad-date",
            f"data/timeline.yml:3: {FIRST}, date: '2026-02-31' is not",
        ),
        (
            ("A fact [@example-source, ¶2].", "A fact [@nowhere]."),
            "citation.unknown-id",
            "data/timeline.yml:7: unknown citation id '@nowhere'",
        ),
        (
            ('      de: "Eine Tatsache [@example-source, ¶2]."\n', ""),
            "data.missing-language",
            f"data/timeline.yml:6: {FIRST}, text: the 'de' field is missing",
        ),
    ],
)
def test_bad_event_is_reported_with_line(tmp_path, make_project, change, code, expected):
    _, problems = _timeline(tmp_path, make_project, EVENT.replace(*change))
    found = [p.format() for p in problems if p.code == code]
    assert len(found) == 1 and found[0].startswith(expected), [
        (p.code, p.format()) for p in problems
    ]


def test_event_without_citation_is_refused(tmp_path, make_project):
    text = EVENT
    for lang_text in (
        "A fact [@example-source, ¶2].",
        "事実[@example-source, ¶2]。",
        "Un fait [@example-source, ¶2].",
        "Eine Tatsache [@example-source, ¶2].",
    ):
        text = text.replace(lang_text, "No source.")
    _, problems = _timeline(tmp_path, make_project, text)
    assert problems and {p.code for p in problems} == {"data.no-citation"}, problems


def test_events_load_in_date_order(tmp_path, make_project):
    events, problems = _timeline(tmp_path, make_project, EVENT + LATER_EVENT)
    assert problems == []
    assert [e.id for e in events] == ["second", "first"]


def test_every_timeline_event_has_a_citation_in_every_language(real):
    for event in real.data.events:
        for lang in LANGS:
            assert citation_keys(event.text[lang]), (event.id, lang)
        assert len({frozenset(citation_keys(event.text[lang])) for lang in LANGS}) == 1, event.id


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("id: h200\n", "id: h20\n", "chip 'h20' (no. 2), id: 'h20' is used twice"),
        ("id: memory-bandwidth", "id: fp16-dense", "row 'fp16-dense' (no. 2), id: 'fp16-dense'"),
        ("id: h200-vs-h20-compute", "id: h20-fp16-vs-h100", "ratio 'h20-fp16-vs-h100' (no. 2)"),
    ],
)
def test_a_chip_row_or_ratio_id_given_twice_is_reported(make_project, old, new, message):
    """Once, a second chip or row of the same id silently replaced the first."""
    chips = CHIPS.replace(old, new, 1)
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(data={"chips.yml": chips}))
    same = [p for p in caught.value.problems if p.code == "data.same-id"]
    assert len(same) == 1 and message in same[0].message, same
    lines = chips.splitlines()
    assert same[0].line == len(lines) - lines[::-1].index(f"  - {new.strip()}")


def test_chip_data_loads_in_the_order_written(make_project):
    project = load_project(make_project(data={"chips.yml": CHIPS}))
    chips = project.data.chips
    assert chips is not None
    assert list(chips.names) == ["h20", "h200", "h100"]
    assert [r.id for r in chips.rows] == ["fp16-dense", "memory-bandwidth"]
    assert chips.cell("memory-bandwidth", "h100").number is None
    assert chips.cell("memory-bandwidth", "h200").number == 4.8


def test_a_makers_claim_keeps_its_figure_and_its_status(make_project):
    """A maker's own figure is charted and divided like any other, but stays its claim."""
    text = CHIPS.replace(_cell(None, "unconfirmed"), _cell(3.35, "claimed"))
    chips = load_project(make_project(data={"chips.yml": text})).data.chips
    assert chips is not None
    cell = chips.cell("memory-bandwidth", "h100")
    assert (cell.number, cell.status) == (3.35, "claimed")


def test_a_status_the_site_does_not_know_is_refused(make_project):
    text = CHIPS.replace(_cell(None, "unconfirmed"), _cell(3.35, "rumoured"))
    with pytest.raises(BriefingError, match="'rumoured' is not a status.*claimed"):
        load_project(make_project(data={"chips.yml": text}))


def test_every_chip_cell_is_cited(real):
    chips = real.data.chips
    assert chips is not None
    for row in chips.rows:
        for chip, cell in row.cells.items():
            found, problems = find_citations(cell.cite, "")
            assert found and not problems, (row.id, chip)
            assert cell.status != "unconfirmed" or cell.number is None, (row.id, chip)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "h20-fp16-vs-h100": "15.0%",
                "h200-vs-h20-compute": "6.7×",
                "h200-vs-h20-bandwidth": "1.2×",
            },
        ),
        (
            "fr",
            {
                "h20-fp16-vs-h100": "15,0\u00a0%",
                "h200-vs-h20-compute": "6,7 fois",
                "h200-vs-h20-bandwidth": "1,2 fois",
            },
        ),
    ],
)
def test_derived_ratios_are_computed_from_the_cells(make_project, lang, expected):
    chips = load_project(make_project(data={"chips.yml": CHIPS})).data.chips
    assert {r.id: ratio_text(chips, r, lang)[2] for r in chips.ratios} == expected


def test_every_real_ratio_has_a_result_in_every_language(real):
    chips = real.data.chips
    for ratio in chips.ratios:
        for lang in LANGS:
            numerator, denominator, result = ratio_text(chips, ratio, lang)
            assert numerator and denominator and result[:1].isdigit(), (ratio.id, lang)


@pytest.mark.parametrize(
    "rel",
    sorted(
        p.relative_to(ROOT / "docs" / "en").as_posix() for p in (ROOT / "docs" / "en").rglob("*.md")
    ),
)
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


@pytest.mark.build
@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_actor_page_lists_the_events_the_data_gives_it(real, actor, site):
    expected = {f"ev-{e.id}" for e in real.data.events_of(actor)}
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "actors" / actor / "index.html")
        listed = {t.attrs["id"] for t in doc.tags if "bf-event" in t.attrs.get("class", "").split()}
        assert listed == expected, (lang, actor)


@pytest.mark.build
def test_timeline_page_lists_every_event_in_every_language(real, site):
    expected = [f"ev-{e.id}" for e in real.data.events]
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "timeline" / "index.html")
        listed = [t.attrs["id"] for t in doc.tags if "bf-event" in t.attrs.get("class", "").split()]
        assert listed == expected


@pytest.mark.build
def test_chart_has_a_text_alternative(site):
    for lang in LANGS:
        doc = read(site / PREFIX[lang] / "chips" / "index.html")
        svgs = [
            t
            for t in doc.tags
            if t.name == "svg" and "chart-" in t.attrs.get("aria-labelledby", "")
        ]
        assert len(svgs) == len(CHART_ROWS)  # one chart per charted row
        for svg in svgs:
            assert svg.attrs["role"] == "img"
            for ref in svg.attrs["aria-labelledby"].split():
                assert ref in doc.ids


def test_figure_normalisation():
    assert (
        figures("more than 400,000 chips and 4.8 TB/s", "en")
        == figures("40万個超と4.8TB/s", "ja")
        == figures("plus de 400 000 puces et 4,8 To/s", "fr")
        == figures("mehr als 400.000 Chips und 4,8 TB/s", "de")
        == {"400000", "4.8TB/s"}
    )
    assert figures("on 9 April 2025, ¶12", "en") == set()
    assert figures("2025年4月9日", "ja") == set()


def test_directive_expands_per_language(make_project):
    data = load_project(make_project(data={"timeline.yml": EVENT + LATER_EVENT})).data
    text = expand("<!-- briefing:timeline actor=huawei -->", "ja", data)
    assert "以前の事実" in text
    assert 'id="ev-second"' in text and "ev-first" not in text  # only Huawei's event


@pytest.mark.parametrize(
    ("directive", "code", "expected"),
    [
        (
            "<!-- briefing:timelines -->",
            "directive.unknown",
            "unknown directive 'briefing:timelines'",
        ),
        (
            "<!-- briefing:timeline actor=mars -->",
            "directive.bad-options",
            "bad options {'actor': 'mars'}",
        ),
        (
            "<!-- briefing:chips-table actor=nvidia -->",
            "directive.bad-options",
            "briefing:chips-table takes no options",
        ),
    ],
)
def test_bad_directive_is_reported_with_page_and_line(real, directive, code, expected):
    problems = problems_in(f"# T\n\n{directive}\n", "docs/en/x.md", real.data)
    assert [(p.line, p.code) for p in problems] == [(3, code)]
    assert problems[0].message.startswith(expected)


def test_a_page_cites_what_its_rendered_directives_show(real):
    """What scanning counts (directives.shown_texts, no rendering) is exactly what the reader
    sees: the citations of the page with its directives expanded, in the same order."""
    checked = 0
    for lang, scans in real.pages.items():
        for scan in scans:
            if "briefing:" not in scan.body:
                continue
            rendered, _ = find_citations(expand(scan.body, lang, real.data), scan.path)
            assert [c.cites for c in scan.citations] == [c.cites for c in rendered], scan.path
            checked += 1
    assert checked, "no page of the project uses a directive"
