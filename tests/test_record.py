"""The record: the reproduction policy (whole texts or excerpts), on fixture projects."""

from __future__ import annotations

import json
from html import unescape

import pytest

from briefing.errors import BriefingError
from briefing.exports import texts_json
from briefing.project import load_project
from briefing.render import render_source_page
from briefing.translations import paragraph_digest
from conftest import LANGS, VALID_SEED

PARAGRAPHS = ("Un.", "Deux.", "Trois.", "Quatre.", "Cinq.", "Six.")
TRANSLATED = {
    "en": ("One.", "Two.", "Three.", "Four.", "Five.", "Six (en)."),
    "ja": ("一。", "二。", "三。", "四。", "五。", "六。"),
    "de": ("Eins.", "Zwei.", "Drei.", "Vier.", "Fünf.", "Sechs."),
}


def excerpts_project(make_project, cited: str = "¶4", reproduction: str = "excerpts"):
    seed = VALID_SEED.split("---\n", 2)
    front = seed[1].replace("reproduction: whole", f"reproduction: {reproduction}")
    text = f"---\n{front}---\n" + "\n\n".join(PARAGRAPHS) + "\n"
    lines = ["source: example-source", "paragraphs:"]
    for n, original in enumerate(PARAGRAPHS, start=1):
        lines += [f"  - n: {n}", f"    original: {paragraph_digest(original)}"]
        lines += [f'    {lang}: "{texts[n - 1]}"' for lang, texts in TRANSLATED.items()]
    pages = {
        f"{lang}/index.md": f"# Home\n\nA fact [@example-source, {cited}].\n" for lang in LANGS
    }
    return load_project(
        make_project(
            seeds={
                "example-source.md": text,
                "example-source.translations.yml": "\n".join(lines) + "\n",
            },
            pages=pages,
        )
    )


def test_an_excerpts_source_shows_cited_paragraphs_and_neighbours_only(make_project):
    project = excerpts_project(make_project)
    assert project.shown_paragraphs("example-source") == {3, 4, 5}
    html = render_source_page(project.sources["example-source"], "en", project)
    for shown in ("Trois.", "Quatre.", "Cinq.", "Three.", "Four.", "Five."):
        assert shown in html
    for held in ("Un.", "Deux.", "Six.", "One.", "Two.", "Six (en)."):
        assert held not in html
    assert 'id="p4"' in html and 'id="p1"' not in html
    assert "¶1–2 are held for verification and not shown." in html
    assert "¶6 is held for verification and not shown." in html
    assert "shows 3 of the article's 6 paragraphs, those the briefing cites" in unescape(html)


def test_an_excerpts_source_gives_only_those_paragraphs_in_the_downloads(make_project):
    project = excerpts_project(make_project)
    data = json.loads(texts_json(project, "https://example.org/"))
    (source,) = data["sources"]
    assert [p["n"] for p in source["paragraphs"]] == [3, 4, 5]
    assert source["reproduction"] == "excerpts" and source["paragraph_count"] == 6
    assert "Un." not in json.dumps(data, ensure_ascii=False)


def test_a_whole_source_shows_every_paragraph(make_project):
    project = excerpts_project(make_project, reproduction="whole")
    assert project.shown_paragraphs("example-source") is None
    html = render_source_page(project.sources["example-source"], "ja", project)
    assert all(p in html for p in PARAGRAPHS) and "held for verification" not in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda s: s.replace("reproduction: whole\n", ""),
            "seeds/example-source.md:1: reproduction: the field is missing",
        ),
        (
            lambda s: s.replace("reproduction: whole", "reproduction: some"),
            "seeds/example-source.md:17: reproduction: 'some' is not 'whole' or 'excerpts'",
        ),
    ],
)
def test_a_source_with_text_must_say_how_much_may_be_shown(make_project, change, message):
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(seeds={"example-source.md": change(VALID_SEED)}))
    assert [p for p in caught.value.problems if p.format().startswith(message)], (
        caught.value.problems
    )


CLAIMS = """\
claims:
  - id: count
    claimant: [example-source]
    rating: wrong
    claim:
      en: "Over 40,000 chips were approved."
      ja: "4万個超が承認された。"
      fr: "Plus de 40 000 puces ont été autorisées."
      de: "Mehr als 40.000 Chips wurden genehmigt."
"""
ASSESSED = {
    "en": "**Assessment.** The figure is 400,000 [@example-source, ¶2].",
    "ja": "**評価** 数字は40万個です[@example-source, ¶2]。",
    "fr": "**Évaluation.** Le chiffre est de 400 000 [@example-source, ¶2].",
    "de": "**Bewertung.** Die Zahl ist 400.000 [@example-source, ¶2].",
}


def claims_project(make_project, claims: str = CLAIMS, directive: str = "id=count"):
    pages = {
        f"{lang}/index.md": f"# Home\n\nA claim.\n\n<!-- briefing:claim-review {directive} "
        f"-->\n{ASSESSED[lang]}\n"
        for lang in LANGS
    }
    return make_project(pages=pages, data={"claims.yml": claims})


@pytest.mark.parametrize("lang", LANGS)
def test_an_assessment_carries_its_rating_and_a_claim_review(make_project, lang):
    from briefing.citepage import claim_reviews
    from briefing.render import render_page

    project = load_project(claims_project(make_project))
    rendered = render_page(project.scan(lang, "index.md").body, "", lang, project)
    html = rendered.markdown + "".join(rendered.fragments.values())
    assert 'id="claim-count"' in html and project.data.claims["count"].text[lang] in html
    (review,) = claim_reviews(
        project.scan(lang, "index.md").body,
        lang,
        "https://example.org/p/",
        "https://example.org/",
        None,
        project.data.claims,
        project.sources,
    )
    data = json.loads(review)
    assert data["@type"] == "ClaimReview" and data["url"] == "https://example.org/p/#claim-count"
    assert data["claimReviewed"] == project.data.claims["count"].text[lang]
    assert data["reviewRating"]["ratingValue"] == 1 and data["inLanguage"] == lang
    assert data["itemReviewed"]["appearance"][0]["url"] == "https://example.org/article"
    assert "@example-source" not in data["reviewBody"] and "**" not in data["reviewBody"]
    assert data["reviewBody"].startswith(ASSESSED[lang].split("**")[1])


@pytest.mark.parametrize(
    ("claims", "directive", "message"),
    [
        (CLAIMS, "id=counts", "docs/en/index.md:5: no claim 'counts' in data/claims.yml"),
        (
            CLAIMS.replace("rating: wrong", "rating: dubious"),
            "id=count",
            "data/claims.yml:4: claim 'count' (no. 1), rating: 'dubious' is not a rating",
        ),
        (
            CLAIMS.replace("[example-source]", "[nowhere]"),
            "id=count",
            "data/claims.yml:3: claim 'count' (no. 1), claimant: unknown or missing source ids",
        ),
        (
            CLAIMS.replace("40.000 Chips", "4.000 Chips"),
            "id=count",
            "data/claims.yml:9: claim 'count' (no. 1), claim.de: states other figures",
        ),
    ],
)
def test_a_bad_claim_is_reported_with_its_line(make_project, claims, directive, message):
    with pytest.raises(BriefingError) as caught:
        load_project(claims_project(make_project, claims, directive))
    assert [p for p in caught.value.problems if p.format().startswith(message)], [
        p.format() for p in caught.value.problems
    ]


LOG = """\
changes:
  - id: figure-fixed
    date: "2026-12-02"
    kind: correction
    pages: [index.md]
    text:
      en: "The home page gave 40,000; the source says 400,000 [@example-source, ¶2]."
      ja: "概要ページは4万としていたが、出典は40万としている[@example-source, ¶2]。"
      fr: "L'accueil indiquait 40 000 ; la source dit 400 000 [@example-source, ¶2]."
      de: "Die Startseite nannte 40.000; die Quelle sagt 400.000 [@example-source, ¶2]."
"""
LOG_PAGES = {
    **{f"{lang}/index.md": f"# Home {lang}\n\nA fact [@example-source, ¶2].\n" for lang in LANGS},
    **{
        f"{lang}/corrections.md": f"# Log {lang}\n\n<!-- briefing:corrections -->\n"
        for lang in LANGS
    },
}


def test_the_log_lists_changes_and_the_changed_page_links_to_it(make_project):
    from briefing.history import History
    from briefing.news import entries
    from briefing.render import render_page

    project = load_project(make_project(pages=LOG_PAGES, data={"corrections.yml": LOG}))
    assert project.log_page("fr") == "corrections.md"
    rendered = render_page(project.scan("fr", "corrections.md").body, "corrections/", "fr", project)
    text = rendered.markdown
    assert 'id="corr-figure-fixed"' in text and "[Home fr](index.md)" in text
    assert "la source dit 400 000" in text and "Correction" in text
    assert [c.id for c in project.data.corrections_of("index.md")] == ["figure-fixed"]
    news = entries(project, History(True, ()), "de")
    assert [(e.kind, e.url) for e in news if e.kind == "correction"] == [
        ("correction", "de/corrections/#corr-figure-fixed")
    ]


def test_the_changed_page_carries_a_notice_linking_to_the_entry():
    import datetime as dt

    from briefing.data import Correction
    from briefing.render import render_correction_notice

    change = Correction("figure-fixed", dt.date(2026, 12, 2), "correction", ("index.md",), {}, 3)
    html = render_correction_notice("ja", "ja/", "ja/corrections/", [change])
    assert 'href="corrections/#corr-figure-fixed"' in html and "2026年12月2日に訂正" in html


@pytest.mark.parametrize(
    ("log", "message"),
    [
        (
            LOG.replace("[index.md]", "[nowhere.md]"),
            "data/corrections.yml:2: entry 'figure-fixed': no page nowhere.md in docs/en/",
        ),
        (
            LOG.replace("kind: correction", "kind: oops"),
            "data/corrections.yml:4: change 'figure-fixed' (no. 1), kind: 'oops' is not a kind",
        ),
        (
            LOG.replace('"2026-12-02"', '"2 December"'),
            "data/corrections.yml:3: change 'figure-fixed' (no. 1), date: '2 December' "
            "is not a date",
        ),
    ],
)
def test_a_bad_log_entry_is_reported_with_its_line(make_project, log, message):
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(pages=LOG_PAGES, data={"corrections.yml": log}))
    assert [p for p in caught.value.problems if p.format().startswith(message)], [
        p.format() for p in caught.value.problems
    ]


def test_notices_come_after_the_page_title():
    from briefing.site import after_title

    assert after_title("# Title\n\nText.\n", ["NOTICE"]) == "# Title\n\nNOTICE\n\n\nText.\n"
    assert after_title("Text.\n", ["NOTICE"]).startswith("\nNOTICE\n")


def test_a_title_the_site_wrote_is_shown_in_the_readers_language(make_project):
    seed = VALID_SEED.replace("original: Titre original", 'original: "[Brève sur la H20]"')
    project = load_project(make_project(seeds={"example-source.md": seed}))
    html = render_source_page(project.sources["example-source"], "de", project)
    assert "Originaltitel:" not in html and "<h1>Originaltitel</h1>" in html


def test_an_excerpts_source_whose_paragraphs_are_all_shown_says_so(make_project):
    project = excerpts_project(make_project, cited="¶2–5")
    html = unescape(render_source_page(project.sources["example-source"], "en", project))
    assert "here that is all 6 paragraphs" in html and "held for verification" not in html
