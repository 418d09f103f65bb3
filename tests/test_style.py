"""House style: the glossary check on fixture projects, each language's typography on
strings and on the real built pages, and no English interface left on ja/fr/de pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.glossary import HOUSE_STYLE
from briefing.languages import LANGUAGES, NBSP, NNBSP
from briefing.project import load_project
from briefing.strings import LABELS
from briefing.typography import apply, apply_html
from conftest import LANGS, PREFIX, VALID_NOTE, VALID_SEED, VALID_TRANSLATIONS, text_lines
from sitehtml import visible_text

HUANG = {
    "en": "Jensen Huang",
    "ja": "ジェンスン・フアン",
    "fr": "Jensen Huang",
    "de": "Jensen Huang",
    "zh": "黄仁勋",
}
H20 = {"en": "the H20", "ja": "H20", "fr": "la H20", "de": "der H20", "zh": "H20"}
GLOSSARY = (
    "terms:\n  - id: jensen-huang\n"
    + text_lines(HUANG, "    ")
    + '    reject: {ja: ["ジェンセン・フアン"]}\n  - id: h20\n'
    + text_lines(H20, "    ")
    + '    reject: {fr: ["le H20"], de: ["die H20"]}\n'
)


def entry(
    forms: dict[str, str] | None = None, extra: str = "", ident: str = "x"
) -> tuple[str, int]:
    """A glossary entry with a form per site language (X unless given), then `extra`; and
    the line `extra` starts on."""
    forms = forms or {}
    lines = "".join(f'    {lang}: "{forms.get(lang, "X")}"\n' for lang in LANGS)
    return f"  - id: {ident}\n{lines}{extra}", 3 + len(LANGS)


def problems_of(root: Path) -> list[str]:
    with pytest.raises(BriefingError) as caught:
        load_project(root)
    return [p.format() for p in caught.value.problems]


def style_problems(root: Path) -> list[str]:
    """The house-style problems of a project (none when it loads)."""
    try:
        load_project(root)
    except BriefingError as exc:
        return [p.format() for p in exc.problems if p.code == HOUSE_STYLE]
    return []


def pages_with(lines: dict[str, str]) -> dict[str, str]:
    """Four home pages, each language's second line replaced where given."""
    return {
        f"{lang}/index.md": f"# Home\n\n{lines.get(lang, 'A fact')} [@example-source, ¶2].\n"
        for lang in LANGS
    }


def test_a_clean_project_passes_with_a_glossary(make_project):
    load_project(make_project(data={"glossary.yml": GLOSSARY}))


def test_a_rejected_variant_in_a_page_is_reported_with_its_line_and_preferred_form(make_project):
    root = make_project(
        pages=pages_with({"fr": "Selon le H20 et le H200"}), data={"glossary.yml": GLOSSARY}
    )
    problems = style_problems(root)
    assert (
        "docs/fr/index.md:6: 'le H20' is not the house style for Jensen Huang" not in problems
    )  # the right term is named, not the first one
    assert [
        p
        for p in problems
        if p.startswith(
            "docs/fr/index.md:6: 'le H20' is not the house "
            "style for the H20 (data/glossary.yml: h20). "
            "Fix: write 'la H20'"
        )
    ], problems
    assert len(problems) == 1, problems  # 'le H200' is another word: not matched


def test_a_variant_is_reported_in_notes_events_and_paragraph_translations(make_project):
    seed = VALID_SEED.replace("ja: 注記。", "ja: ジェンセン・フアンの発言。")
    timeline = (
        'events:\n  - id: an-event\n    date: "2026-01-28"\n    precision: day\n'
        "    actors: [nvidia]\n    text:\n"
        + text_lines(
            {
                "en": "Something happens [@example-source, ¶1].",
                "ja": "何かが起きる[@example-source, ¶1]。",
                "fr": "Quelque chose arrive [@example-source, ¶1].",
                "de": "Die H20 kommt [@example-source, ¶1].",
                "zh": "发生了某事[@example-source, ¶1]。",
            },
            "      ",
        )
    )
    root = make_project(
        seeds={"example-source.md": seed}, data={"glossary.yml": GLOSSARY, "timeline.yml": timeline}
    )
    translations = root / "seeds" / "example-source.translations.yml"
    translations.write_text(
        VALID_TRANSLATIONS.replace("Erster Absatz.", "Die H20."), encoding="utf-8"
    )
    problems = style_problems(root)
    assert [
        p
        for p in problems
        if p.startswith("seeds/example-source.md:")
        and "'ジェンセン・フアン'" in p
        and "ジェンスン・フアン" in p
    ], problems
    de_line = timeline.splitlines().index('      de: "Die H20 kommt [@example-source, ¶1]."') + 1
    assert [p for p in problems if p.startswith(f"data/timeline.yml:{de_line}: 'die H20'")], (
        problems
    )
    lines = translations.read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "Die H20." in text)
    assert [
        p
        for p in problems
        if p.startswith(f"seeds/example-source.translations.yml:{line}: 'die H20'")
    ], problems


def test_the_captured_article_itself_is_never_checked(make_project):
    seed = VALID_SEED.replace("Premier paragraphe.", "Premier paragraphe sur le H20.")
    root = make_project(seeds={"example-source.md": seed}, data={"glossary.yml": GLOSSARY})
    assert style_problems(root) == []


@pytest.mark.parametrize(
    ("made", "code", "message"),
    [
        (
            (entry()[0].replace(f'    {LANGS[-1]}: "X"\n', ""), 2),
            "glossary.missing-language",
            f"term 'x' has no '{LANGS[-1]}' form",
        ),
        (
            (entry(ident="Bad Id")[0], 2),
            "glossary.bad-id",
            "term 'Bad Id' has no id of lower-case words and hyphens",
        ),
        (
            entry({"fr": "la X"}, '    reject: {fr: ["la X"]}\n'),
            "glossary.rejects-itself",
            "term 'x': the rejected 'la X' is part of the preferred",
        ),
        (
            entry(extra='    reject: {es: ["Y"]}\n'),
            "glossary.not-allowed",
            "term 'x': 'es' is not a site language",
        ),
        (
            entry(extra="    colour: red\n"),
            "glossary.unknown-field",
            "term 'x': unknown field 'colour'",
        ),
        (
            entry(extra='    reject: {fr: "Y"}\n'),
            "glossary.not-text",
            "term 'x': 'reject.fr' must be a list of variants",
        ),
    ],
)
def test_a_malformed_glossary_entry_is_reported_with_its_line(make_project, made, code, message):
    entry, line = made
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(data={"glossary.yml": "terms:\n" + entry}))
    found = [p.format() for p in caught.value.problems if p.code == code]
    assert len(found) == 1, caught.value.problems
    assert found[0].startswith(f"data/glossary.yml:{line}: {message}")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Nvidia : « la H200 » ? oui !",
            "fr",
            f"Nvidia{NNBSP}: «{NNBSP}la H200{NNBSP}»{NNBSP}? oui{NNBSP}!",
        ),
        (
            "400 000 puces, 15 %, 15%, 4,0 To/s, 96 Go",
            "fr",
            f"400{NNBSP}000 puces, 15{NNBSP}%, 15{NNBSP}%, 4,0{NBSP}To/s, 96{NBSP}Go",
        ),
        ("voir https://example.org/a:b ; fin", "fr", f"voir https://example.org/a:b{NNBSP}; fin"),
        (
            "6.500 GB/s, 400.000 Chips, 15 %, am 8.12.2025",
            "de",
            f"6500{NBSP}GB/s, 400.000 Chips, 15{NBSP}%, am 8.12.2025",
        ),
        ("情報弁公室(CAC): 10:30に", "ja", "情報弁公室（CAC）：10:30に"),
        ("1月28日~30日、148 TFLOPS", "ja", "1月28日〜30日、148TFLOPS"),
        ("网信办(CAC): 10:30开会,收入4.6亿.", "zh", "网信办（CAC）：10:30开会，收入4.6亿。"),
        ("Nvidia: the H20 (2025) 400 000", "en", "Nvidia: the H20 (2025) 400 000"),
    ],
)
def test_typography_of_each_language(text, lang, expected):
    assert apply(text, lang) == expected


@pytest.mark.parametrize("language", LANGUAGES.values(), ids=lambda record: record.code)
def test_every_languages_typography_is_tested_above(language):
    """A language whose record sets typography has a case in the test above."""
    cases = test_typography_of_each_language.pytestmark[0].args[1]
    assert any(lang == language.code for _, lang, _ in cases) or not language.typography


def test_typography_leaves_markup_code_originals_and_other_languages_alone():
    html = (
        '<p title="a : b">Note : <code>a : b</code> <q lang="ja">x : y</q> '
        '<span data-verbatim>v : w</span> <a href="https://x.fr/?a=1">lien</a> fin !</p>'
    )
    assert apply_html(html, "fr") == (
        f'<p title="a : b">Note{NNBSP}: <code>a : b</code> <q lang="ja">x : y</q> '
        f'<span data-verbatim>v : w</span> <a href="https://x.fr/?a=1">lien</a> fin{NNBSP}!</p>'
    )


# --- the real build -------------------------------------------------------------------------


def sample_pages(site: Path, lang: str) -> list[Path]:
    """One page of each kind: home, a data page, a hand-written page, the index, a source."""
    folder = site / PREFIX[lang]
    found = [
        folder / "index.html",
        folder / "chips/index.html",
        folder / "timeline/index.html",
        folder / "contested/index.html",
        folder / "sources/index.html",
    ]
    sources = sorted((folder / "sources").glob("*/index.html"))
    return [p for p in found if p.is_file()] + sources[:3]


FRENCH_BAD = re.compile(r"\w [;:!?»]|« |\d %|\d \d{3}(?!\d)")
RATIO_SIGN = re.compile(r"\d\s?×(?!\s?\d)")  # "6.7×" (a product such as 296 × 8 is fine)
GERMAN_GROUPED = re.compile(r"(?<![\d.,])\d\.\d{3}(?![\d.,]?\d)")
ENGLISH_UI = (
    "Dark mode",
    "Light mode",
    "Permanent link",
    "H200 & China Briefing",
    "Table of contents",
    "Back to top",
)


@pytest.mark.build
def test_french_pages_have_french_spacing(site):
    for page in sample_pages(site, "fr"):
        bad = FRENCH_BAD.findall(visible_text(page, "fr"))
        assert not bad, (page, bad[:5])


@pytest.mark.build
def test_german_pages_group_no_four_digit_number_and_use_no_division_sign(site):
    for page in sample_pages(site, "de"):
        text = visible_text(page, "de")
        assert not GERMAN_GROUPED.findall(text), (page, GERMAN_GROUPED.findall(text)[:5])
        assert "÷" not in text and not RATIO_SIGN.findall(text), page


@pytest.mark.build
def test_japanese_pages_use_full_width_brackets_and_bai(site):
    for page in sample_pages(site, "ja"):
        text = visible_text(page, "ja")
        bad = re.findall(r".{0,8}[()].{0,8}", text)
        assert not bad, (page, bad[:5])
        assert not RATIO_SIGN.findall(text), page  # 6.7倍, not 6.7×


@pytest.mark.build
@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_no_english_interface_on_translated_pages(site, lang):
    for page in sample_pages(site, lang):
        html = page.read_text("utf-8").replace("&amp;", "&")
        assert not [w for w in ENGLISH_UI if w in html], page
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert LABELS["site_name"][lang].replace("&amp;", "&") in title.replace("&amp;", "&")
        assert LABELS["title_sep"][lang] in title or title.strip() == LABELS["site_name"][lang]
    home = (site / PREFIX[lang] / "index.html").read_text("utf-8")  # the name alone, once
    assert (
        re.search(r"<title>(.*?)</title>", home, re.S).group(1).strip() == LABELS["site_name"][lang]
    )
    not_found = (site / PREFIX[lang] / "404.html").read_text("utf-8")
    assert not [w for w in ENGLISH_UI if w in not_found.replace("&amp;", "&")]


def test_an_event_translation_stating_another_figure_is_reported(make_project):
    timeline = (
        'events:\n  - id: an-event\n    date: "2026-01-28"\n    precision: day\n'
        "    actors: [nvidia]\n    text:\n"
        + text_lines(
            {
                "en": "Orders reach 400,000 chips [@example-source, ¶1].",
                "ja": "受注は40万個に達する[@example-source, ¶1]。",
                "fr": "Les commandes atteignent 40 000 puces [@example-source, ¶1].",
                "de": "Die Bestellungen erreichen 400.000 Chips [@example-source, ¶1].",
                "zh": "订单达到40万枚芯片[@example-source, ¶1]。",
            },
            "      ",
        )
    )
    problems = problems_of(make_project(data={"timeline.yml": timeline}))
    assert problems == [
        "data/timeline.yml:9: event 'an-event' (no. 1), text.fr: states other figures than the "
        "English (only here: 40000; missing: 400000). Fix: state the figures the English text "
        "states"
    ], problems


def test_a_source_note_stating_another_figure_is_reported(make_project):
    note = {
        "en": "Says 25% of sales.",
        "ja": "売上の25%とする。",
        "fr": "Évoque 25 % des ventes.",
        "de": "Nennt 20 Prozent des Umsatzes.",
        "zh": "称占销售额的25%。",
    }
    seed = VALID_SEED.replace(VALID_NOTE, "note:\n" + text_lines(note, "  ").rstrip("\n"))
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(seeds={"example-source.md": seed}))
    problems = [p.format() for p in caught.value.problems if p.code == "source.figures-differ"]
    line = seed.splitlines().index('  de: "Nennt 20 Prozent des Umsatzes."') + 1
    assert [
        p
        for p in problems
        if p.startswith(
            f"seeds/example-source.md:{line}: note.de: states other figures than the English "
            "(only here: "
            "20%; missing: 25%)"
        )
    ], problems


@pytest.mark.parametrize(
    ("en", "other", "lang"),
    [
        ("85 percent of revenue", "売上高の85%", "ja"),
        ("two per cent", "2 %", "fr"),
        ("7.83 trillion yen", "7兆8300億円", "ja"),
        ("7.83 trillion yen", "7,83 Billionen Yen", "de"),
        ("7.83 trillion yen", "7,83 billions de yens", "fr"),
        ("4.6 billion dollars", "4,6 milliards de dollars", "fr"),
        ("more than 1 million orders", "plus d'un million de commandes", "fr"),
        ("more than 1 million orders", "mehr als eine Million Bestellungen", "de"),
        ("about twice as powerful", "etwa doppelt so leistungsstark", "de"),
        ("about twice as powerful", "environ deux fois plus puissante", "fr"),
    ],
)
def test_figures_compare_equal_across_languages(en, other, lang):
    from briefing.parity import figures

    assert figures(en, "en") == figures(other, lang) != set()


@pytest.mark.parametrize(
    ("text", "lang"), [("une fois", "fr"), ("einmal", "de"), ("shown twice", "en")]
)
def test_one_and_twice_alone_are_no_figures(text, lang):
    from briefing.parity import figures

    assert figures(text, lang) == set()


def test_a_written_fingerprint_is_always_quoted(make_project):
    from briefing.translations import render_file

    project = load_project(make_project())
    text = render_file(project.sources["example-source"], project.languages)
    assert re.findall(r'original: "[0-9a-f]{12}"', text) and "original: 0" not in text


def test_typography_skips_a_whole_element_and_nothing_after_it():
    """A skipped element ends at its own closing tag, counting nested ones of its name."""
    html = (
        '<div lang="de"><div>Zahl : 1 000</div> noch : ja</div> après : oui '
        '<div lang="fr">ici : oui</div><!-- note : x --><pre><pre>a : b</pre> c : d</pre>'
        "<br/>fin : oui"
    )
    assert apply_html(html, "fr") == (
        f'<div lang="de"><div>Zahl : 1 000</div> noch : ja</div> après{NNBSP}: oui '
        f'<div lang="fr">ici{NNBSP}: oui</div><!-- note : x --><pre><pre>a : b</pre> c : d</pre>'
        f"<br/>fin{NNBSP}: oui"
    )
    assert apply_html("<code>a : b", "fr") == "<code>a : b"  # unclosed: skipped to the end


def test_typography_sets_text_at_the_start_after_comments_and_in_links_to_other_languages():
    """Every run of text is set: before the first tag, right after a comment or doctype, and
    in an element whose attributes only name another language (`hreflang`)."""
    html = 'début : 1<!-- c : d -->après : 2<!doctype x>puis : 3<a hreflang="de">ici : 4</a>'
    assert apply_html(html, "fr") == (
        f"début{NNBSP}: 1<!-- c : d -->après{NNBSP}: 2<!doctype x>puis{NNBSP}: 3"
        f'<a hreflang="de">ici{NNBSP}: 4</a>'
    )
    assert apply_html("fin : oui", "fr") == f"fin{NNBSP}: oui"  # no tag at all


def test_french_spacing_reaches_punctuation_right_after_a_marker_or_a_link():
    html = '<p>mot <sup>[12]</sup> ; une règle <a href="x">les acteurs</a> : Nvidia</p>'
    assert apply_html(html, "fr") == (
        f'<p>mot <sup>[12]</sup>{NNBSP}; une règle <a href="x">les acteurs</a>{NNBSP}: Nvidia</p>'
    )
    assert apply_html("<p>x <sup>[1]</sup> ; y</p>", "de") == "<p>x <sup>[1]</sup> ; y</p>"
