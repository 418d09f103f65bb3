"""A person's quoted words kept once (data/quotes.yml): one rendering per language, whose
wording it is, and hand-typed variants reported (fixture projects)."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.project import load_project
from briefing.quotes import TYPED_OUT
from briefing.render import render_page
from conftest import LANGS, inline, text_lines

OFFICIAL = {"en": "An official", "ja": "当局者", "fr": "Un responsable", "de": "Ein Beamter"}
OFFICIAL["zh"] = "一名官员"
NONE_SO_FAR = {"en": "none so far", "ja": "これまでのところゼロ", "fr": "aucune pour l'instant"}
NONE_SO_FAR |= {"de": "bislang keine", "zh": "目前为止没有"}
MINISTER = {"en": "A minister", "ja": "大臣", "fr": "Un ministre", "de": "Ein Minister"}
MINISTER["zh"] = "一位部长"
LIVE_WITH = {"en": "must live with it", "ja": "受け入れるしかない", "fr": "doit s'en accommoder"}
LIVE_WITH |= {"de": "muss damit leben", "zh": "只能接受"}
QUOTES = f"""\
quotes:
  - id: none-so-far
    speaker: {inline(OFFICIAL)}
    source: example-source
    paragraph: 2
    language: fr
    original: "aucune pour l'instant"
    wording: speaker
    text:
{text_lines(NONE_SO_FAR, "      ")}\
    variants: ["jusqu'ici, rien"]
  - id: live-with
    speaker: {inline(MINISTER)}
    source: example-source
    paragraph: 1
    language: fr
    original: "doit s'en accommoder"
    wording: machine-translation
    text:
{text_lines(LIVE_WITH, "      ")}\
"""
SENTENCES = {
    "en": "He said {q:none-so-far}; the minister said Nvidia {q:live-with} [@example-source, ¶2].",
    "ja": "同氏は{q:none-so-far}と述べ、大臣は{q:live-with}とした[@example-source, ¶2]。",
    "fr": "Il a dit {q:none-so-far} ; le ministre a dit que Nvidia {q:live-with} "
    "[@example-source, ¶2].",
    "de": "Er sagte {q:none-so-far}; der Minister sagte, Nvidia {q:live-with} "
    "[@example-source, ¶2].",
    "zh": "他说{q:none-so-far}；部长说英伟达{q:live-with}[@example-source, ¶2]。",
}


def project(make_project, sentences=SENTENCES):
    pages = {f"{lang}/index.md": f"# Home\n\n{sentences[lang]}\n" for lang in LANGS}
    return make_project(pages=pages, data={"quotes.yml": QUOTES})


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "fr",
            "Il a dit « aucune pour l'instant » ; le ministre a dit que Nvidia doit s'en "
            "accommoder (formulation d'une traduction automatique publiée par Le Média, "
            "non les mots de l'intéressé)",
        ),
        (
            "en",
            "He said “none so far” (our translation); the minister said Nvidia must live "
            "with it (wording of Le Média's machine translation, not the speaker's own)",
        ),
        (
            "de",
            "Er sagte „bislang keine“ (Übersetzung der Website); der Minister sagte, Nvidia "
            "muss damit leben (Formulierung der maschinellen Übersetzung von Le Média, nicht der "
            "Wortlaut des Sprechers)",
        ),
        (
            "ja",
            "同氏は「これまでのところゼロ」（当サイト訳）と述べ、大臣は受け入れるしかない"
            "（Le Médiaの機械翻訳による表現で、発言者自身の言葉ではない）とした",
        ),
    ],
)
def test_a_quotation_is_shown_once_per_language_with_whose_wording_it_is(make_project, lang, shown):
    loaded = load_project(project(make_project))
    assert shown in render_page(loaded.scan(lang, "index.md").body, "", lang, loaded).markdown


def test_a_hand_typed_rendering_that_differs_from_the_entry_is_reported(make_project):
    typed = dict(SENTENCES)
    typed["de"] = "Er sagte „bisher keine“ [@example-source, ¶2]."
    typed["en"] = 'The minister said Nvidia "must live with it" [@example-source, ¶2].'
    typed["fr"] = "Il a dit « jusqu'ici, rien » [@example-source, ¶2]."
    with pytest.raises(BriefingError) as caught:
        load_project(project(make_project, typed))
    found = [p.format() for p in caught.value.problems if p.code == TYPED_OUT]
    assert any(
        f.startswith(
            "docs/de/index.md:6: the quotation „bisher keine“ differs from the one "
            "rendering of data/quotes.yml 'none-so-far'"
        )
        and "write {q:none-so-far}" in f
        for f in found
    ), caught.value.problems
    assert any(
        f.startswith(
            'docs/en/index.md:3: the quotation "must live with it" gives as the '
            "speaker's words a machine translation"
        )
        for f in found
    ), caught.value.problems


def test_a_token_naming_no_quotation_is_reported(make_project):
    typed = {
        lang: text.replace("{q:live-with}", "{q:live-wiht}") for lang, text in SENTENCES.items()
    }
    with pytest.raises(BriefingError) as caught:
        load_project(project(make_project, typed))
    found = [p for p in caught.value.problems if p.code == "quote.unknown-id"]
    assert found and all("{q:live-wiht}" in p.message for p in found), caught.value.problems
