"""Every input gets a clear answer: odd encodings, hostile YAML, clashing names, slips.

Each case builds its own fixture project and names the file and line it expects; none
reads the real corpus. Problems must arrive as `file:line: what. Fix: how`, quickly,
never as a traceback or a hang.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from markupsafe import escape

from briefing import site
from briefing.cli import main
from briefing.errors import BriefingError, Problem
from briefing.history import Commit, History
from briefing.news import entries
from briefing.parity import CITATIONS_DIFFER
from briefing.project import load_project
from briefing.strings import LABELS
from conftest import LANGS, VALID_NOTE, VALID_SEED, inline, text_lines

SEED = "seeds/example-source.md"


def seed_line(start: str) -> int:
    """The line of VALID_SEED that starts with `start` (it depends on the site's languages)."""
    return next(n for n, line in enumerate(VALID_SEED.splitlines(), 1) if line.startswith(start))


KIND_LINE = seed_line("kind:")


def problems_of(root: Path) -> list[str]:
    return [p.format() for p in caught(root)]


def caught(root: Path) -> list[Problem]:
    started = time.monotonic()
    with pytest.raises(BriefingError) as stopped:
        load_project(root)
    assert time.monotonic() - started < 5, "slow to answer"
    return stopped.value.problems


def test_byte_order_mark_and_windows_line_ends_are_read(make_project):
    text = ("\ufeff" + VALID_SEED).replace("\n", "\r\n").encode("utf-8")
    project = load_project(make_project(seeds={"example-source.md": text}))
    assert (
        project.sources["example-source"].paragraphs[1] == "Deuxième paragraphe, sur deux lignes."
    )


BILLION_LAUGHS = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)

HOSTILE_YAML = [
    (
        "aliases",
        VALID_SEED.replace("removed: []", "removed: []\n" + BILLION_LAUGHS),
        "yaml.alias",
        "YAML anchors and aliases (& and *) are not allowed",
        seed_line("removed:") + 1,
    ),
    (
        "deep nesting",
        VALID_SEED.replace("removed: []", "removed: " + "[" * 5000 + "]" * 5000),
        "yaml.too-deep",
        "the YAML nests more than 40 levels deep",
        seed_line("removed:"),
    ),
    (
        "an unescaped quote",
        VALID_SEED.replace(VALID_NOTE, 'note:\n  en: "He said "two months" later."'),
        "yaml.quote-in-text",
        "a quoted text contains its own quote mark",
        seed_line("note:") + 1,
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "code", "expected", "line"),
    HOSTILE_YAML,
    ids=[row[0] for row in HOSTILE_YAML],
)
def test_hostile_yaml_is_refused_quickly_with_its_line(
    make_project, case, text, code, expected, line
):
    problems = caught(make_project(seeds={"example-source.md": text}))
    found = [p for p in problems if p.code == code]
    assert [(p.path, p.line) for p in found] == [(SEED, line)], problems
    assert expected in found[0].message


def test_a_huge_file_is_refused_without_reading_it(make_project):
    huge = VALID_SEED + ("x" * 1000 + "\n\n") * 2100
    problems = caught(make_project(seeds={"example-source.md": huge}))
    assert (SEED, 1, "file.too-large") in [(p.path, p.line, p.code) for p in problems]


def test_a_link_in_seeds_is_refused(make_project, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(VALID_SEED, "utf-8")
    root = make_project()
    (root / "seeds" / "linked.md").symlink_to(outside)
    assert (
        "seeds/linked.md:1: links do not belong in seeds/. Fix: replace the link with the "
        "file itself" in problems_of(root)
    )


def test_id_must_match_the_file_name(make_project):
    assert problems_of(make_project(seeds={"other-name.md": VALID_SEED})) == [
        "seeds/other-name.md:2: id: 'example-source' does not match the file name "
        "'other-name.md'. Fix: rename the file to example-source.md, or change the id to "
        "'other-name' (and the citations that use it)"
    ]


def test_an_id_that_names_a_generated_page_is_refused(make_project):
    seed = VALID_SEED.replace("id: example-source", "id: index")
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@index].\n" for lang in LANGS}
    problems = problems_of(make_project(seeds={"index.md": seed}, pages=pages))
    assert (
        "seeds/index.md:2: id: 'index' is the name of a page the site generates "
        "(sources/index/). Fix: choose another id" in problems
    )


@pytest.mark.parametrize("rel", ["sources/index.md", "whats-new.md", "downloads/x.md"])
def test_a_page_where_the_site_generates_one_is_refused(make_project, rel):
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@example-source, ¶2].\n" for lang in LANGS}
    pages.update({f"{lang}/{rel}": "# Clash\n" for lang in LANGS})
    problems = caught(make_project(pages=pages))
    assert (f"docs/en/{rel}", 1, "page.generated-path") in [
        (p.path, p.line, p.code) for p in problems
    ]


def test_an_unknown_id_suggests_the_nearest(make_project):
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@example-sourse, ¶2].\n" for lang in LANGS}
    problems = problems_of(make_project(pages=pages))
    assert (
        "docs/en/index.md:3: unknown citation id '@example-sourse'. Fix: did you mean "
        "'@example-source'? Otherwise use the id of a source in seeds/ (listed on the "
        "citations index), or add the source first" in problems
    )


TIMELINE = """\
events:
  - id: first-event
    date: "2026-01-28"
    precision: day
    actors: [nvidia]
    text:
""" + text_lines(
    {
        "en": "Something happened [@example-source, ¶9].",
        "ja": "何かが起きた [@example-source, ¶9]。",
        "fr": "Il s'est passé quelque chose [@example-source, ¶9].",
        "de": "Etwas geschah [@example-source, ¶9].",
        "zh": "发生了某事[@example-source, ¶9]。",
    },
    "      ",
)


def test_a_data_error_is_reported_once_per_entry_by_id(make_project):
    problems = problems_of(make_project(data={"timeline.yml": TIMELINE}))
    assert problems == [
        "data/timeline.yml:7: '@example-source, ¶9': paragraph out of range (the source has 3 "
        "paragraphs). Fix: use a paragraph number from 1 to 3, as numbered on its source page; "
        "a range must run from low to high"
    ]


def test_a_data_error_names_the_entry_by_position_when_it_has_no_id(make_project):
    timeline = TIMELINE.replace("  - id: first-event\n", "  - id: [oops]\n")
    problems = problems_of(make_project(data={"timeline.yml": timeline}))
    assert (
        "data/timeline.yml:2: event no. 1, id: ['oops'] is not an id. Fix: use lower-case "
        "letters, digits and hyphens" in problems
    )


@pytest.mark.parametrize(
    ("case", "timeline", "line"),
    [
        ("events is not a list", "events: 5\n", 1),
        ("an entry is text", "events:\n  - just text\n", 2),
        (
            "cells are a list",
            f"chips: [{{id: a, name: {inline('A')}}}]\n"
            f"rows:\n  - id: r\n    label: {inline('R')}\n"
            "    cells: [1, 2]\n",
            5,
        ),
    ],
    ids=["events-not-a-list", "entry-is-text", "cells-are-a-list"],
)
def test_data_in_an_unexpected_shape_is_a_problem_not_a_traceback(
    make_project, case, timeline, line
):
    name = "chips.yml" if timeline.startswith("chips") else "timeline.yml"
    problems = problems_of(make_project(data={name: timeline}))
    assert [p for p in problems if p.startswith(f"data/{name}:{line}: ")], problems


def test_an_unknown_data_file_is_reported(make_project):
    problems = problems_of(make_project(data={"events.yml": "x: 1\n"}))
    assert (
        "data/events.yml:1: the site reads only data/timeline.yml, data/chips.yml, "
        "data/claims.yml, data/corrections.yml, data/status.yml, data/research.yml, "
        "data/quotes.yml, data/answered.yml and data/glossary.yml. "
        "Fix: move this file "
        "out of data/, or put "
        "its entries in one of "
        "those files"
    ) in problems


def test_english_left_in_a_translated_page_is_reported(make_project):
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@example-source, ¶2].\n" for lang in LANGS}
    pages["de/index.md"] = (
        "# Start\n\nChina has approved the purchase of the chips by the "
        "three companies [@example-source, ¶2].\n"
    )
    # the translation carries a 3-line front matter (its translated_from stamp)
    assert (
        "docs/de/index.md:6: this paragraph reads as English, not German. Fix: translate it "
        "into German" in problems_of(make_project(pages=pages))
    )


def test_english_left_in_a_source_note_is_reported(make_project):
    seed = VALID_SEED.replace(
        "fr: Une note.",
        "fr: 'This is the note of the article, which was left in English by the editor.'",
    )
    assert (
        f"{SEED}:{seed_line('note:')}: note.fr: the text reads as English, not French. "
        "Fix: translate it into French"
        in problems_of(make_project(seeds={"example-source.md": seed}))
    )


def test_check_reports_a_translation_that_cites_other_paragraphs(make_project):
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@example-source, ¶2].\n" for lang in LANGS}
    pages["ja/index.md"] = "# ホーム\n\n事実 [@example-source, ¶3]。\n"
    problems = caught(make_project(pages=pages))
    assert (
        "docs/ja/index.md:6: cites [@example-source, ¶3], which the English page does not. "
        "Fix: cite the same sources and paragraphs and state the same figures as "
        "docs/en/index.md; then run: make translated PAGES=docs/ja/index.md"
        in [p.format() for p in problems]
    )
    assert [(p.path, p.line) for p in problems if p.code == CITATIONS_DIFFER] == [
        ("docs/ja/index.md", 4),
        ("docs/ja/index.md", 6),
    ]


def test_translated_refuses_to_stamp_a_page_that_differs(make_project, capsys):
    pages = {
        f"{lang}/index.md": "# Home\n\n400,000 chips [@example-source, ¶2].\n" for lang in LANGS
    }
    pages["fr/index.md"] = "# Accueil\n\n40 000 puces [@example-source, ¶2].\n"
    root = make_project(pages=pages, stamp=False)
    assert main(["--root", str(root), "translated", "docs/fr/index.md"]) == 1
    out, err = capsys.readouterr()
    assert "docs/fr/index.md:3: states the figure 40000, which the English page does not" in out
    assert "not recorded" in err
    assert not (root / "docs/fr/index.md").read_text("utf-8").startswith("---")


def test_parity_says_what_it_compared(make_project, capsys):
    root = make_project()
    assert main(["--root", str(root), "parity", "index.md"]) == 0
    out = capsys.readouterr().out
    assert "docs/ja/index.md: compared with docs/en/index.md (1 citations, 0 figures): same" in out


@pytest.mark.parametrize("given", ["nothing.md", "docs/en/nothing.md"])
def test_parity_fails_on_a_path_that_names_no_page(make_project, capsys, given):
    assert main(["--root", str(make_project()), "parity", given]) == 2
    assert f"parity: {given}: no such page" in capsys.readouterr().err


@pytest.mark.parametrize("given", ["index.md", "docs/ja/index.md", "ja/index.md"])
def test_parity_accepts_the_ways_an_editor_names_a_page(make_project, capsys, given):
    assert main(["--root", str(make_project()), "parity", given]) == 0
    assert "docs/de/index.md: compared with docs/en/index.md" in capsys.readouterr().out


def test_data_changes_date_the_pages_that_show_them(make_project):
    timeline = TIMELINE.replace("¶9", "¶2")
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@example-source, ¶2].\n" for lang in LANGS}
    pages.update(
        {f"{lang}/timeline.md": "# Timeline\n\n<!-- briefing:timeline -->\n" for lang in LANGS}
    )
    project = load_project(make_project(pages=pages, data={"timeline.yml": timeline}))
    history = History(
        True,
        (
            Commit(dt.date(2026, 11, 26), (("M", "data/timeline.yml"),), time=2000),
            Commit(dt.date(2026, 11, 26), (("M", "docs/en/index.md"),), time=1000),
            Commit(
                dt.date(2026, 11, 25),
                (("A", "docs/en/timeline.md"), ("A", "docs/en/index.md"), ("A", SEED)),
                time=500,
            ),
        ),
    )
    found = [(e.day.isoformat(), e.kind, e.key) for e in entries(project, history, "en")]
    assert found[:2] == [("2026-11-26", "page", "timeline.md"), ("2026-11-26", "page", "index.md")]


def test_the_preview_shows_problems_instead_of_failing(make_project):
    seed = VALID_SEED.replace("kind: news-report", "kind: rumour")
    root = make_project(seeds={"example-source.md": seed})
    inputs = site.Inputs()
    assert inputs.refresh(root, root / "docs", serving=True) is None
    first = inputs.problems[0].format()
    assert first.startswith(f"{SEED}:{KIND_LINE}: kind: 'rumour'")
    html = site.render_problems("fr", inputs.problems)
    assert escape(LABELS["problems_title"]["fr"]) in html and f"{SEED}:{KIND_LINE}" in html
    (root / SEED).write_text(VALID_SEED, "utf-8")  # fixed: the next rebuild shows the site
    os.utime(root / SEED, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert inputs.refresh(root, root / "docs", serving=True) is not None and not inputs.problems


def test_a_new_sources_empty_fields_make_it_a_draft_in_the_preview_only(make_project):
    draft = VALID_SEED.replace("  de: Originaltitel", '  de: ""').replace(
        VALID_NOTE, f"note: {inline('')}"
    )
    root = make_project(seeds={"example-source.md": draft})
    missing = ("title.de", *(f"note.{lang}" for lang in LANGS))
    assert len(problems_of(root)) == len(missing)  # check and the build: each empty field
    project = load_project(root, drafts=True)
    assert project.sources["example-source"].missing == missing


def test_a_pages_front_matter_must_be_a_mapping_or_empty(make_project):
    """Pages read their front matter with the sources' reader: a list is reported at its line,
    an empty front matter is no front matter."""
    english = "# Home\n\nA fact [@example-source, ¶2].\n"
    pages = {f"{lang}/index.md": english for lang in LANGS}
    pages["en/about.md"] = "---\n- a list\n---\n\n# About\n"
    pages.update({f"{lang}/about.md": "---\n---\n\n# About\n" for lang in LANGS if lang != "en"})
    problems = problems_of(make_project(pages=pages, stamp=False))
    assert (
        "docs/en/about.md:2: the front matter is not a set of 'key: value' lines. Fix: write "
        "the metadata as YAML keys, for example 'id: my-source'" in problems
    )
    assert not [p for p in problems if p.startswith("docs/ja/about.md:2")]
