"""Paragraph translations of captured sources: alignment, freshness, figures, pending.

Every case builds its own fixture project (VALID_SEED, French, three paragraphs, and
its translations file VALID_TRANSLATIONS); nothing here reads the real corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import BriefingError, Problem
from briefing.exports import texts_json
from briefing.project import load_project
from briefing.render import render_page, render_source_page
from briefing.translations import STALE, paragraph_digest, realign
from conftest import (
    LANGS,
    VALID_PARAGRAPHS,
    VALID_SEED,
    VALID_TRANSLATIONS,
    translated_paragraphs,
)

TR = "seeds/example-source.translations.yml"


def problems_of(root: Path) -> list[str]:
    return [p.format() for p in caught(root)]


def codes_of(root: Path) -> list[str]:
    return [p.code for p in caught(root)]


def caught(root: Path) -> list[Problem]:
    with pytest.raises(BriefingError) as stopped:
        load_project(root)
    return stopped.value.problems


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle` in a fixture text."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_complete_translation_loads(make_project):
    project = load_project(make_project())
    assert (
        project.paragraph_translation("example-source", 2, "en")
        == "Second paragraph, on two lines."
    )
    assert project.paragraph_translation("example-source", 2, "fr") is None  # its own language
    assert project.pending == []


BROKEN = [
    (
        "missing language",
        lambda t: t.replace('    de: "Zweiter Absatz, auf zwei Zeilen."\n', ""),
        "translation.missing",
        "¶2: the German translation is missing",
        "  - n: 2",
    ),
    (
        "a figure differs",
        lambda t: t.replace('"Third paragraph."', '"Third paragraph, 400,000 chips."'),
        "translation.figures-differ",
        "¶3: the English translation states other figures than the original",
        "Third paragraph",
    ),
    (
        "entries out of order",
        lambda t: t.replace("  - n: 2", "  - n: 7"),
        "translation.out-of-order",
        "entry 2 is for ¶7",
        "  - n: 7",
    ),
    (
        "left in English",
        lambda t: t.replace('"第3段落。"', '"The third paragraph of the article is the last one."'),
        "translation.left-in-english",
        "¶3: the Japanese translation reads as English",
        "The third paragraph",
    ),
    (
        "a translation into the source's own language",
        lambda t: t.replace(
            '    en: "First paragraph."', '    en: "First paragraph."\n    fr: "x"'
        ),
        "translation.unknown-field",
        "¶1: unknown field 'fr'",
        '    fr: "x"',
    ),
]


@pytest.mark.parametrize(
    ("case", "breaker", "code", "expected", "needle"), BROKEN, ids=[row[0] for row in BROKEN]
)
def test_broken_translations_are_reported_with_line(
    make_project, case, breaker, code, expected, needle
):
    broken = breaker(VALID_TRANSLATIONS)
    root = make_project(
        seeds={"example-source.md": VALID_SEED, "example-source.translations.yml": broken}
    )
    problems = caught(root)
    found = [p for p in problems if p.code == code]
    assert [(p.path, p.line) for p in found] == [(TR, line_of(broken, needle))], problems
    assert expected in found[0].message


def test_an_inserted_paragraph_shows_as_misalignment_not_as_shifted_text(make_project):
    seed = VALID_SEED.replace("Premier paragraphe.\n", "Premier paragraphe.\n\nInséré.\n")
    root = make_project(
        seeds={"example-source.md": seed, "example-source.translations.yml": VALID_TRANSLATIONS}
    )
    problems = problems_of(root)
    assert (
        f"{TR}:{line_of(VALID_TRANSLATIONS, 'n: 2') + 1}: ¶2: no longer aligned: this "
        "entry translates ¶3 of the original (a paragraph was inserted or removed). Fix: "
        "move the entry to n: 3 and give ¶2 its own translation" in problems
    )
    assert "translation.no-entry" in codes_of(root)  # ¶4 of the original has no entry
    assert STALE not in codes_of(root)  # misaligned is not stale: `translated` refuses it


def test_an_edited_original_paragraph_makes_its_translation_stale(make_project):
    seed = VALID_SEED.replace("Troisième paragraphe.", "Troisième paragraphe, corrigé.")
    root = make_project(
        seeds={"example-source.md": seed, "example-source.translations.yml": VALID_TRANSLATIONS}
    )
    assert problems_of(root) == [
        f"{TR}:{line_of(VALID_TRANSLATIONS, 'n: 3') + 1}: ¶3 of the original changed after this "
        "translation was made. Fix: update the translations of ¶3 to the new text "
        f"(seeds/example-source.md:{line_of(seed, 'Troisième')}), then run: make translated "
        "SOURCES=example-source"
    ]
    assert codes_of(root) == [STALE]  # what `translated` records


def test_translated_sources_restamps_after_the_update(make_project, capsys):
    seed = VALID_SEED.replace("Troisième paragraphe.", "Troisième paragraphe, corrigé.")
    root = make_project(
        seeds={"example-source.md": seed, "example-source.translations.yml": VALID_TRANSLATIONS}
    )
    assert main(["--root", str(root), "translated", "--sources", "example-source"]) == 0
    assert "recorded as matching" in capsys.readouterr().out
    text = (root / TR).read_text("utf-8")
    assert paragraph_digest("Troisième paragraphe, corrigé.") in text
    assert "Second paragraph, on two lines." in text  # texts kept
    load_project(root)


def test_translated_refuses_a_translation_whose_figures_differ(make_project, capsys):
    broken = VALID_TRANSLATIONS.replace('"Third paragraph."', '"Third paragraph, 6 times."')
    root = make_project(
        seeds={"example-source.md": VALID_SEED, "example-source.translations.yml": broken}
    )
    assert main(["--root", str(root), "translated", "--sources", "example-source"]) == 1
    out, err = capsys.readouterr()
    assert "states other figures than the original" in out
    assert "not recorded" in err
    assert (root / TR).read_text("utf-8") == broken


def test_empty_slots_are_pending_a_notice_not_an_error(make_project, capsys):
    pending = VALID_TRANSLATIONS.replace('"第2段落、2行にわたる。"', '""')
    root = make_project(
        seeds={"example-source.md": VALID_SEED, "example-source.translations.yml": pending}
    )
    project = load_project(root)
    assert [p.format() for p in project.pending] == [
        f"{TR}: translations pending: Japanese (¶2); readers see 'translation pending' until "
        "they are written"
    ]
    assert main(["--root", str(root), "check"]) == 0
    assert "translations pending: Japanese (¶2)" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "ja", "de"])
def test_source_page_shows_original_and_translation_each_with_its_lang(make_project, lang):
    project = load_project(make_project())
    html = render_source_page(project.sources["example-source"], lang, project)
    translation = project.paragraph_translation("example-source", 2, lang)
    assert f'<p class="bf-para__text" lang="{lang}">{translation}</p>' in html
    assert (
        '<p class="bf-para__text" lang="fr" data-verbatim>Deuxième paragraphe, sur deux lignes.</p>'
    ) in html
    assert 'id="p2"' in html and "data-bf-toggle-translations" in html


def test_source_page_in_its_own_language_has_no_translation_column(make_project):
    project = load_project(make_project())
    html = render_source_page(project.sources["example-source"], "fr", project)
    assert "bf-para__tr" not in html and "data-bf-toggle-translations" not in html


def test_pending_paragraph_says_so_in_the_readers_language(make_project):
    pending = VALID_TRANSLATIONS.replace('"Zweiter Absatz, auf zwei Zeilen."', '""')
    project = load_project(
        make_project(
            seeds={"example-source.md": VALID_SEED, "example-source.translations.yml": pending}
        )
    )
    html = render_source_page(project.sources["example-source"], "de", project)
    assert html.count("Übersetzung ausstehend") == 1


def test_translation_text_is_data_not_markup(make_project):
    hostile = VALID_TRANSLATIONS.replace(
        '"First paragraph."', '"<script>alert(1)</script> {{ 7*7 }}"'
    )
    project = load_project(
        make_project(
            seeds={"example-source.md": VALID_SEED, "example-source.translations.yml": hostile}
        )
    )
    html = render_source_page(project.sources["example-source"], "en", project)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    assert "<script>alert" not in html


def test_reference_gives_original_and_translation(make_project):
    """The reference list holds both (a citation's preview is made from it: test_reading)."""
    project = load_project(make_project())
    rendered = render_page("A fact [@example-source, ¶2].\n", "", "en", project)
    html = "".join(rendered.fragments.values())
    assert (
        '<q class="bf-ref-quote" lang="fr" data-verbatim>Deuxième paragraphe, sur deux lignes.</q>'
    ) in html
    assert (
        '<ol class="bf-references" data-original="Original" data-translation="Our translation" '
        'data-account="Our account" data-go="Read the paragraph" data-close="Close">' in html
    )
    assert (
        '<span class="bf-trans-quote">[Our translation: <q lang="en">Second paragraph, '
        "on two lines.</q>]</span>" in html
    )


def test_preview_in_the_sources_own_language_has_no_translation(make_project):
    project = load_project(make_project())
    html = "".join(
        render_page("Un fait [@example-source, ¶2].\n", "fr/", "fr", project).fragments.values()
    )
    assert "bf-trans-quote" not in html


def test_texts_download_aligns_each_paragraph_with_its_translations(make_project):
    project = load_project(make_project())
    data = json.loads(texts_json(project, "https://example.org/"))
    (source,) = data["sources"]
    assert [p["original"] for p in source["paragraphs"]] == list(VALID_PARAGRAPHS)
    assert source["paragraphs"][2]["translations"] == {
        lang: translated_paragraphs(lang)[2] for lang in LANGS if lang != "fr"
    }
    assert source["pages"]["ja"] == "https://example.org/ja/sources/example-source/"
    assert source["pages"]["en"] == "https://example.org/sources/example-source/"
    assert set(data["about"]) == set(project.languages)


def test_realign_moves_texts_with_their_paragraphs(make_project):
    seed = VALID_SEED.replace("Premier paragraphe.\n", "Premier paragraphe.\n\nInséré.\n")
    root = make_project(
        seeds={"example-source.md": seed, "example-source.translations.yml": VALID_TRANSLATIONS}
    )
    assert main(["--root", str(root), "translations", "example-source"]) == 0
    project = load_project(root)  # aligned again: ¶2 pending, ¶3 and ¶4 keep their texts
    assert project.paragraph_translation("example-source", 2, "en") == ""
    assert (
        project.paragraph_translation("example-source", 3, "en")
        == "Second paragraph, on two lines."
    )
    assert project.paragraph_translation("example-source", 4, "de") == "Dritter Absatz."
    assert realign(project.sources["example-source"], root, project.languages) == (
        root / TR
    ).read_text("utf-8")


def test_new_scaffolds_a_slot_per_paragraph_and_language_for_a_given_article(
    make_project, monkeypatch, capsys
):
    """One of the articles the briefing was given (--original-file): held whole, translated."""
    root = make_project()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    article = root / "article.txt"
    article.write_text("Titel\n\nErster Absatz.\n\nZweiter Absatz.\n", "utf-8")
    assert (
        main(
            [
                "--root",
                str(root),
                "new",
                str(article),
                "--language",
                "de",
                "--title",
                "Titel",
                "--published",
                "2026-02-03",
                "--kind",
                "news-report",
                "--id",
                "beispiel-2026-02",
                "--url",
                "https://example.de/x",
                "--original-file",
                "005_beispiel.txt",
            ]
        )
        == 0
    )
    assert "reproduction: whole" in (root / "seeds/beispiel-2026-02.md").read_text("utf-8")
    text = (root / "seeds/beispiel-2026-02.translations.yml").read_text("utf-8")
    assert text.count('    en: ""') == 3 and text.count('    ja: ""') == 3
    assert "    de:" not in text
    assert "Created seeds/beispiel-2026-02.translations.yml" in capsys.readouterr().out
