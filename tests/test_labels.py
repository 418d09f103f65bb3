"""Labels composed per language from the data, never typed by hand: every case each can take,
against the text a native reader of each language expects (reviews of 2026-12)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from briefing.data import RATINGS
from briefing.model import FuzzyDate
from briefing.strings import KINDS, LABELS, outlet_name
from briefing.templating import ENV, format_fuzzy, kind_in_reference, kind_with_meaning
from conftest import LANGS, known

DATES = {
    FuzzyDate(2023, 11, 9, "day"): {
        "en": "November 9, 2023",
        "ja": "2023年11月9日",
        "fr": "9 novembre 2023",
        "de": "9. November 2023",
    },
    FuzzyDate(2024, 4, None, "month"): {
        "en": "April 2024",
        "ja": "2024年4月",
        "fr": "avril 2024",
        "de": "April 2024",
    },
    FuzzyDate(2024, None, None, "year"): {"en": "2024", "ja": "2024年", "fr": "2024", "de": "2024"},
    FuzzyDate(2023, 11, 9, "approximate"): {
        "en": "c. November 9, 2023",
        "ja": "2023年11月9日ごろ",
        "fr": "vers le 9 novembre 2023",
        "de": "ca. 9. November 2023",
    },
    FuzzyDate(2024, 4, None, "approximate"): {
        "en": "c. April 2024",
        "ja": "2024年4月ごろ",
        "fr": "vers avril 2024",  # never « vers le avril 2024 »
        "de": "ca. April 2024",
    },
    FuzzyDate(2025, 10, None, "approximate"): {
        "en": "c. October 2025",
        "ja": "2025年10月ごろ",
        "fr": "vers octobre 2025",
        "de": "ca. Oktober 2025",
    },
    FuzzyDate(2024, None, None, "approximate"): {
        "en": "c. 2024",
        "ja": "2024年ごろ",
        "fr": "vers 2024",
        "de": "ca. 2024",
    },
}


@pytest.mark.parametrize("date", list(DATES), ids=lambda d: f"{d.iso}-{d.precision}")
def test_every_date_precision_reads_as_each_language_writes_it(date):
    assert {lang: format_fuzzy(date, lang) for lang in known(DATES[date])} == known(DATES[date])


VERDICTS = {
    "en": "Claim checked: “Claim.” The site's rating: {r}.",
    "ja": "検証した主張：「Claim.」 当サイトの評価：{r}",
    "fr": "Affirmation examinée : « Claim. » Verdict du site : {r}.",
    "de": "Geprüfte Behauptung: „Claim.“ Bewertung der Website: {r}.",
}
RATING_WORDS = {
    "en": ["accurate", "mostly accurate", "partly accurate", "misleading", "unsupported", "wrong"],
    "ja": ["正確", "おおむね正確", "一部正確", "誤解を招く", "裏付けなし", "誤り"],
    "fr": ["exact", "plutôt exact", "en partie exact", "trompeur", "non étayé", "faux"],
    "de": [
        "zutreffend",
        "weitgehend zutreffend",
        "teilweise zutreffend",
        "irreführend",
        "nicht belegt",
        "falsch",
    ],
}


@pytest.mark.parametrize("lang", list(known(VERDICTS)))
@pytest.mark.parametrize("rating", list(RATINGS))
def test_every_rating_reads_as_a_verdict_after_the_claim(lang, rating):
    """Two sentences (the claim checked, then the verdict), never « faux affirmation »."""
    from briefing.data import Claim

    claim = Claim("c", ("s",), rating, dict.fromkeys(LANGS, "Claim."))
    html = ENV.get_template("claim_review.html.j2").render(lang=lang, claim=claim)
    text = unescape(re.sub(r"<[^>]+>", "", html)).strip()
    word = RATING_WORDS[lang][list(RATINGS).index(rating)]
    assert LABELS[f"rating_{rating}"][lang] == word
    assert text == VERDICTS[lang].format(r=word)


JOINTS = {"en": " — ", "ja": "：", "fr": " — ", "de": " – "}


def test_every_source_kind_is_joined_to_its_meaning_without_a_second_colon():
    for kind, names in KINDS.items():
        for lang in known(JOINTS):
            text = kind_with_meaning(kind, lang)
            assert text.startswith(names["label"][lang]), (kind, lang)
            joint = JOINTS[lang]
            assert text[len(names["label"][lang]) :].startswith(joint), (kind, lang)
            if lang == "fr":  # « Article d'actualité — article d'un média… »
                rest = text.split(" — ", 1)[1]
                assert rest[0] == rest[0].lower(), kind
    assert kind_in_reference("legal-analysis", "fr") == "analyse juridique"
    assert kind_in_reference("legal-analysis", "de") == KINDS["legal-analysis"]["label"]["de"]


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        (
            "Reuters via Boursorama",
            {
                "en": "Reuters via Boursorama",
                "ja": "ロイター通信（Boursorama掲載）",
                "fr": "Reuters, repris par Boursorama",
                "de": "Reuters, übernommen von Boursorama",
            },
        ),
        (
            "Bloomberg via TBS NEWS DIG",
            {
                "en": "Bloomberg via TBS NEWS DIG",
                "ja": "ブルームバーグ通信（TBS NEWS DIG掲載）",
                "fr": "Bloomberg, repris par TBS NEWS DIG",
                "de": "Bloomberg, übernommen von TBS NEWS DIG",
            },
        ),
        ("Nvidia", {"en": "Nvidia", "ja": "エヌビディア", "fr": "Nvidia", "de": "Nvidia"}),
        ("Le Média", dict.fromkeys(LANGS, "Le Média")),  # a name no press translates
    ],
)
def test_outlets_and_via_relations_read_in_each_language(outlet, expected):
    assert {lang: outlet_name(outlet, lang) for lang in known(expected)} == known(expected)


def test_an_edited_label_shows_at_once_in_formatted_dates(tmp_path, monkeypatch):
    """Under `mkdocs serve`, an edited strings.yml is read again: dates formatted before with
    the old label are not served from a cache (review of the code, 2026-12)."""
    import os

    from briefing import strings

    copy = tmp_path / "strings.yml"
    copy.write_text(strings.PATH.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(strings, "PATH", copy)
    date = FuzzyDate(2024, 4, None, "approximate")
    try:
        assert format_fuzzy(date, "en") == "c. April 2024"
        text = copy.read_text("utf-8").replace(
            'approx_month: {en: "c. {date}"', 'approx_month: {en: "about {date}"'
        )
        copy.write_text(text, "utf-8")
        os.utime(copy, ns=(1, 10**18))  # a different modification time, whatever the clock
        strings.refresh()
        assert format_fuzzy(date, "en") == "about April 2024"
    finally:
        monkeypatch.undo()
        strings._loaded[0] = -1
        strings.refresh()
    assert format_fuzzy(date, "en") == "c. April 2024"
