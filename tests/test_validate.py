"""Loading and validating sources and pages: every bad input is reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import BriefingError, Problem, Refused
from briefing.fields import parse_fuzzy_date
from briefing.languages import name as language_name
from briefing.load import paragraphs_of
from briefing.model import FuzzyDate
from briefing.project import load_project
from briefing.validate import load_sources
from conftest import LANGS, VALID_SEED, word


def problems_of(root: Path) -> list[str]:
    return [p.format() for p in caught(root)]


def caught(root: Path) -> list[Problem]:
    with pytest.raises(BriefingError) as info:
        load_project(root)
    return info.value.problems


def test_valid_seed_loads(make_project):
    project = load_project(make_project())
    source = project.sources["example-source"]
    assert source.paragraphs == (
        "Premier paragraphe.",
        "Deuxième paragraphe, sur deux lignes.",
        "Troisième paragraphe.",
    )
    assert source.paragraph_lines == (line("Premier"), line("Deuxième"), line("Troisième"))
    assert source.titles == {lang: word(lang, "title") for lang in LANGS if lang != "fr"} | {
        "fr": "Titre original"
    }
    assert source.published.iso == "2026-01-28"
    assert project.uses["fr"]["example-source"][0].paragraphs == {2}


def line(start: str) -> int:
    """The line of VALID_SEED that starts with `start` (its layout depends on how many
    languages the site has)."""
    return next(n for n, text in enumerate(VALID_SEED.splitlines(), 1) if text.startswith(start))


# (case, how to break the valid seed, expected text, expected line, its code)
BAD_SEEDS = [
    (
        "no front matter",
        lambda s: "Just an article.\n",
        "does not start with front matter",
        1,
        "file.no-front-matter",
    ),
    (
        "unclosed front matter",
        lambda s: s.replace("---\nPremier", "Premier"),
        "never closed",
        1,
        "file.front-matter-open",
    ),
    (
        "malformed yaml",
        lambda s: s.replace("outlet: Le Média", "outlet: [Le Média"),
        "the YAML cannot be read",
        line("outlet:") + 1,  # where the parser finds the list unclosed
        "yaml.unreadable",
    ),
    (
        "unknown field",
        lambda s: s.replace("removed: []", "removed: []\nsummry: typo"),
        "unknown field 'summry'",
        line("removed:") + 1,
        "source.unknown-field",
    ),
    (
        "missing field",
        lambda s: s.replace("kind: news-report\n", ""),
        "kind: the field is missing",
        1,
        "source.missing",
    ),
    (
        "invalid date",
        lambda s: s.replace("2026-01-28", "2026-13-01"),
        "published.date: '2026-13-01' is not a valid calendar date",
        line("published:"),
        "source.bad-date",
    ),
    (
        "date and precision disagree",
        lambda s: s.replace("precision: day", "precision: month"),
        "does not match precision 'month'",
        line("published:"),
        "source.bad-date",
    ),
    (
        "unsupported language",
        lambda s: s.replace("language: fr", "language: klingon"),
        "'klingon' is not a supported language tag",
        3,
        "source.bad-language",
    ),
    (
        "javascript url",
        lambda s: s.replace("https://example.org/article", "javascript:alert(1)"),
        "url: 'javascript:alert(1)' is not an http(s) address",
        line("url:"),
        "source.bad-url",
    ),
    (
        "ftp url",
        lambda s: s.replace("https://", "ftp://"),
        "is not an http(s) address",
        line("url:"),
        "source.bad-url",
    ),
    (
        "missing translation of title",
        lambda s: s.replace("  ja: 原題\n", ""),
        "title: the 'ja' line is missing",
        line("title:"),
        "source.missing-language",
    ),
    (
        "missing note language",
        lambda s: s.replace(", de: Eine Notiz.", ""),
        "note: the 'de' line is missing",
        line("note:"),
        "source.missing-language",
    ),
    (
        "unknown kind",
        lambda s: s.replace("kind: news-report", "kind: rumour"),
        "kind: 'rumour' is not a known kind",
        line("kind:"),
        "source.not-allowed",
    ),
    (
        "kind given as a list",  # once a traceback: a list cannot be looked up in KINDS
        lambda s: s.replace("kind: news-report", "kind: [news-report]"),
        "kind: ['news-report'] is not a known kind",
        line("kind:"),
        "source.not-allowed",
    ),
    (
        "bad id",
        lambda s: s.replace("id: example-source", "id: Example Source"),
        "id: 'Example Source' is not a valid id",
        2,
        "source.bad-id",
    ),
    (
        "duplicate key",
        lambda s: s.replace("author: null", "author: null\nauthor: X"),
        "'author' is given twice",
        line("author:") + 1,
        "yaml.duplicate-key",
    ),
    (
        "no text and no url",
        lambda s: (
            s.replace("https://example.org/article", "null")
            .replace("original_file: article-recu.txt\n", "")
            .replace("reproduction: whole\n", "")
            .split("---\nPremier")[0]
            + "---\n"
        ),
        "the source has neither paragraphs",
        line("original_file:") + 1,
        "source.nothing-to-show",
    ),
]


@pytest.mark.parametrize(
    ("case", "breaker", "expected", "line", "code"), BAD_SEEDS, ids=[c[0] for c in BAD_SEEDS]
)
def test_bad_seed_is_reported_with_file_and_line(make_project, case, breaker, expected, line, code):
    root = make_project(seeds={"bad.md": breaker(VALID_SEED)}, pages={})
    _, problems = load_sources(root / "seeds", root, LANGS)
    hits = [p for p in problems if p.code == code]
    assert len(hits) == 1, [(p.code, p.format()) for p in problems]
    (hit,) = hits
    assert hit.path == "seeds/bad.md"
    assert hit.line == line, hit.format()
    assert expected in hit.message, hit.format()  # the words the editor reads
    assert ". Fix: " in hit.format()


def test_non_utf8_names_the_line(make_project):
    data = VALID_SEED.encode("utf-8").replace(b"Le M\xc3\xa9dia", b"Le M\xe9dia")
    root = make_project(seeds={"latin1.md": data}, pages={})
    _, problems = load_sources(root / "seeds", root, LANGS)
    offset = VALID_SEED.encode("utf-8").index(b"Le M\xc3\xa9dia") + 4
    assert [p.format() for p in problems] == [
        f"seeds/latin1.md:{line('outlet:')}: the file is not UTF-8 (byte 0xe9 at offset {offset}). "
        "Fix: save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)"
    ]


def test_duplicate_id_names_both_files(make_project):
    root = make_project(
        seeds={"example-source.md": VALID_SEED, "research/example-source.md": VALID_SEED}, pages={}
    )
    _, problems = load_sources(root / "seeds", root, LANGS)
    assert [p.format() for p in problems] == [
        "seeds/research/example-source.md:2: id: 'example-source' is already used by "
        "seeds/example-source.md. Fix: give this source a different id"
    ]


def test_non_markdown_file_in_seeds(make_project):
    root = make_project(seeds={"example-source.md": VALID_SEED, "notes.txt": "x"}, pages={})
    _, problems = load_sources(root / "seeds", root, LANGS)
    assert problems[0].path == "seeds/notes.txt"


@pytest.mark.parametrize(
    ("page", "code", "expected", "line"),
    [
        ("# T\n\nText [@nope].\n", "citation.unknown-id", "unknown citation id '@nope'", 3),
        (
            "# T\n\nText [@example-source, ¶9].\n",
            "citation.out-of-range",
            "paragraph out of range (the source has 3",
            3,
        ),
        (
            "# T\n\nA.\n\nB [@example-source, ¶3–2].\n",
            "citation.out-of-range",
            "paragraph out of range",
            5,
        ),
        (
            "# T\n\nText [@example-source, p. 3].\n",
            "citation.unreadable",
            "cannot read the citation",
            3,
        ),
        (
            "# T\n\nText [@example-source; nope].\n",
            "citation.unreadable",
            "cannot read the citation",
            3,
        ),
    ],
)
def test_bad_citation_is_reported_with_page_and_line(make_project, page, code, expected, line):
    pages = {f"{lang}/index.md": "# Home\n" for lang in LANGS}
    pages["fr/index.md"] = page
    problems = caught(make_project(pages=pages, stamp=False))  # lines as written
    hit = [p for p in problems if p.code == code]
    assert [(p.path, p.line) for p in hit] == [("docs/fr/index.md", line)], problems
    assert expected in hit[0].message


def test_missing_translation_names_the_page(make_project):
    pages = {f"{lang}/index.md": "# Home\n" for lang in LANGS}
    pages["en/method.md"] = "# Method\n"
    pages["fr/method.md"] = "# Méthode\n"
    problems = problems_of(make_project(pages=pages))
    assert problems == sorted(
        f"docs/{lang}/method.md:1: the {language_name(lang)} page is missing (docs/en/method.md "
        f"exists). Fix: add the translation at docs/{lang}/method.md; no page falls back to "
        "English"
        for lang in LANGS
        if lang not in ("en", "fr")
    )


def test_one_run_reports_every_problem(make_project):
    seeds = {
        "example-source.md": VALID_SEED.replace("2026-01-28", "2026-02-30"),
        "other.md": VALID_SEED.replace("example-source", "other").replace("fr\n", "xx-yy\n"),
    }
    pages = {f"{lang}/index.md": "# Home\n\n[@missing]\n" for lang in LANGS}
    problems = problems_of(make_project(seeds=seeds, pages=pages))
    # the date; the language, and so the French title it now needs; a page per language
    assert len(problems) == 3 + len(LANGS), problems
    assert {m.split(":")[0] for m in problems} == {
        "seeds/example-source.md",
        "seeds/other.md",
        *(f"docs/{lang}/index.md" for lang in LANGS),
    }


@pytest.mark.parametrize(
    ("value", "precision", "iso"),
    [
        ("2026-01-28", "day", "2026-01-28"),
        ("2026-01", "month", "2026-01"),
        ("2026", "year", "2026"),
        ("2026-01", "approximate", "2026-01"),
    ],
)
def test_fuzzy_dates(value, precision, iso):
    date = parse_fuzzy_date(value, precision)
    assert isinstance(date, FuzzyDate), date
    assert date.iso == iso


@pytest.mark.parametrize(
    ("value", "precision", "reason"),
    [
        ("2026-02-30", "day", "'2026-02-30' is not a valid calendar date"),
        ("2026-01", "day", "'2026-01' does not match precision 'day'"),
        ("soon", "day", "'soon' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ],
)
def test_a_wrong_date_says_why(value, precision, reason):
    assert parse_fuzzy_date(value, precision) == Refused(reason)


def test_paragraphs_split_on_blank_lines():
    assert paragraphs_of("\nA\nb\n\n\nC\n", 10) == (("A b", "C"), (11, 15))


def test_unreadable_front_matter_on_a_translation_is_one_problem(make_project):
    pages = {f"{lang}/index.md": "# Home\n" for lang in LANGS}
    pages["ja/index.md"] = "---\ntitle: [broken\n---\n# Home\n"
    problems = [p for p in caught(make_project(pages=pages)) if p.path.startswith("docs/ja/")]
    assert [p.code for p in problems] == ["yaml.unreadable"]  # not also "no translated_from"


@pytest.mark.parametrize(
    ("change", "code", "expected"),
    [
        (
            lambda s: s.replace("date: 2026-01-28", "date: 2999-01-28"),
            "source.future",
            f"seeds/example-source.md:{line('published:')}: published.date: 2999-01-28 is in the "
            "future",
        ),
        (
            lambda s: s.replace("accessed: 2026-11-22", "accessed: 2999-11-22"),
            "source.future",
            f"seeds/example-source.md:{line('accessed:')}: accessed: 2999-11-22 is in the future",
        ),
        (
            lambda s: s.replace("removed: []", "removed: []\nsame_text_as: [example-source]"),
            "source.names-itself",
            f"seeds/example-source.md:{line('removed:') + 1}: same_text_as: the source names "
            "itself",
        ),
    ],
)
def test_impossible_dates_and_self_references_are_refused(make_project, change, code, expected):
    problems = caught(make_project(seeds={"example-source.md": change(VALID_SEED)}))
    found = [p.format() for p in problems if p.code == code]
    assert len(found) == 1 and found[0].startswith(expected) and ". Fix: " in found[0], problems


def test_a_log_entry_dated_in_the_future_is_refused(make_project):
    log = """\
changes:
  - id: later
    date: 2999-01-01
    kind: update
    pages: [index.md]
    text: {en: "An update.", ja: "更新。", fr: "Une mise à jour.", de: "Eine Aktualisierung."}
"""
    problems = caught(make_project(data={"corrections.yml": log}))
    found = [(p.path, p.line) for p in problems if p.code == "data.future"]
    assert found == [("data/corrections.yml", 3)], problems
