"""The record: ratings, corrections and notices, on fixture projects."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest

from briefing.errors import BriefingError
from briefing.history import History
from briefing.project import load_project
from briefing.render import render_page, render_source_page
from briefing.strings import label
from conftest import LANGS, VALID_SEED, inline, text_lines

CLAIMED = {
    "en": "Over 40,000 chips were approved.",
    "ja": "4万個超が承認された。",
    "fr": "Plus de 40 000 puces ont été autorisées.",
    "de": "Mehr als 40.000 Chips wurden genehmigt.",
    "zh": "超过4万枚芯片获批。",
}
CLAIMS = """\
claims:
  - id: count
    claimant: [example-source]
    rating: wrong
    evidence: {finding: contradicted, document: "yes", party: silent, sources: named, outlets: one}
    claim:
""" + text_lines(CLAIMED, "      ")
ASSESSED = {
    "en": "**Assessment.** The figure is 400,000 [@example-source, ¶2].",
    "ja": "**評価** 数字は40万個です[@example-source, ¶2]。",
    "fr": "**Évaluation.** Le chiffre est de 400 000 [@example-source, ¶2].",
    "de": "**Bewertung.** Die Zahl ist 400.000 [@example-source, ¶2].",
    "zh": "**评估** 数字是40万[@example-source, ¶2]。",
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
    ("claims", "directive", "code", "message"),
    [
        (
            CLAIMS,
            "id=counts",
            "directive.unknown-ref",
            "docs/en/index.md:5: no claim 'counts' in data/claims.yml",
        ),
        (
            CLAIMS.replace("rating: wrong", "rating: dubious"),
            "id=count",
            "data.not-allowed",
            "data/claims.yml:4: claim 'count' (no. 1), rating: 'dubious' is not a rating",
        ),
        (
            CLAIMS.replace("[example-source]", "[nowhere]"),
            "id=count",
            "data.unknown-ref",
            "data/claims.yml:3: claim 'count' (no. 1), claimant: unknown or missing source ids",
        ),
        (
            CLAIMS.replace("40.000 Chips", "4.000 Chips"),
            "id=count",
            "data.figures-differ",
            "data/claims.yml:10: claim 'count' (no. 1), claim.de: states other figures",
        ),
    ],
)
def test_a_bad_claim_is_reported_with_its_line(make_project, claims, directive, code, message):
    with pytest.raises(BriefingError) as caught:
        load_project(claims_project(make_project, claims, directive))
    found = [p.format() for p in caught.value.problems if p.code == code]
    assert [f for f in found if f.startswith(message)], caught.value.problems


@pytest.mark.parametrize(
    ("claims", "code"),
    [
        (CLAIMS.replace("rating: wrong", "rating: dubious"), "data.not-allowed"),
        (CLAIMS.replace("rating: wrong", "rating: [wrong]"), "data.not-allowed"),
        (CLAIMS.replace("[example-source]", "[nowhere]"), "data.unknown-ref"),
        (CLAIMS.replace("40.000 Chips", "4.000 Chips"), "data.figures-differ"),
    ],
)
def test_a_bad_claim_has_the_code_of_its_problem(make_project, claims, code):
    with pytest.raises(BriefingError) as caught:
        load_project(claims_project(make_project, claims, "id=count"))
    assert [p.code for p in caught.value.problems] == [code]


FIXED = {
    "en": "The home page gave 40,000; the source says 400,000 [@example-source, ¶2].",
    "ja": "概要ページは4万としていたが、出典は40万としている[@example-source, ¶2]。",
    "fr": "L'accueil indiquait 40 000 ; la source dit 400 000 [@example-source, ¶2].",
    "de": "Die Startseite nannte 40.000; die Quelle sagt 400.000 [@example-source, ¶2].",
    "zh": "首页曾写4万；来源称40万[@example-source, ¶2]。",
}
LOG = """\
changes:
  - id: figure-fixed
    date: "2026-12-02"
    kind: correction
    pages: [index.md]
    text:
""" + text_lines(FIXED, "      ")
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
    ("log", "code", "message"),
    [
        (
            LOG.replace("[index.md]", "[nowhere.md]"),
            "data.unknown-page",
            "data/corrections.yml:2: entry 'figure-fixed': no page nowhere.md in docs/en/",
        ),
        (
            LOG.replace("kind: correction", "kind: oops"),
            "data.not-allowed",
            "data/corrections.yml:4: change 'figure-fixed' (no. 1), kind: 'oops' is not a kind",
        ),
        (
            LOG.replace('"2026-12-02"', '"2 December"'),
            "data.bad-date",
            "data/corrections.yml:3: change 'figure-fixed' (no. 1), date: '2 December' "
            "is not a date",
        ),
    ],
)
def test_a_bad_log_entry_is_reported_with_its_line(make_project, log, code, message):
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(pages=LOG_PAGES, data={"corrections.yml": log}))
    found = [p.format() for p in caught.value.problems if p.code == code]
    assert [f for f in found if f.startswith(message)], caught.value.problems


def test_notices_come_after_the_page_title():
    from briefing.build import after_title

    assert after_title("# Title\n\nText.\n", ["NOTICE"]) == "# Title\n\nNOTICE\n\n\nText.\n"
    assert after_title("Text.\n", ["NOTICE"]).startswith("\nNOTICE\n")


def test_a_title_the_site_wrote_is_shown_in_the_readers_language(make_project):
    seed = VALID_SEED.replace("original: Titre original", 'original: "[Brève sur la H20]"')
    project = load_project(make_project(seeds={"example-source.md": seed}))
    html = render_source_page(project.sources["example-source"], "de", project)
    assert "<h1>Originaltitel</h1>" in html and "[Brève sur la H20]" not in html
    assert "Originaltitel: nicht erfasst" in html  # the site's title is never the outlet's


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        ({"finding": "contradicted"}, "wrong"),
        ({"finding": "misleading"}, "misleading"),
        ({"finding": "overstated"}, "partly-accurate"),
        ({"document": "yes"}, "accurate"),
        ({"party": "confirmed"}, "accurate"),
        ({"sources": "named", "outlets": "several"}, "accurate"),
        ({"sources": "named"}, "mostly-accurate"),
        ({"sources": "unnamed", "outlets": "several"}, "mostly-accurate"),
        ({"sources": "unnamed", "outlets": "several", "party": "denied"}, "unsupported"),
        ({"sources": "unnamed"}, "unsupported"),
        ({"sources": "none", "outlets": "several"}, "unsupported"),
    ],
)
def test_the_rubric_gives_one_rating_for_each_kind_of_evidence(evidence, expected):
    from briefing.data import rubric

    base = {"finding": "supported", "document": "no", "party": "silent"}
    base |= {"sources": "unnamed", "outlets": "one"} | evidence
    assert rubric(base) == expected


def test_a_rating_the_evidence_does_not_give_is_reported_unless_its_exception_is_written(
    make_project,
):
    other = CLAIMS.replace("rating: wrong", "rating: accurate")
    with pytest.raises(BriefingError) as caught:
        load_project(claims_project(make_project, other))
    found = [p.format() for p in caught.value.problems if p.code == "data.off-rubric"]
    assert any(
        f.startswith("data/claims.yml:4: claim 'count' (no. 1), rating: 'accurate' is not what")
        and "('wrong')" in f
        for f in found
    ), found
    excused = other + (
        "    exception: "
        + inline(
            {
                "en": "A reason.",
                "ja": "理由。",
                "fr": "Une raison.",
                "de": "Ein Grund.",
                "zh": "理由。",
            }
        )
        + "\n"
    )
    project = load_project(claims_project(make_project, excused))
    rendered = render_page(project.scan("fr", "index.md").body, "", "fr", project)
    html = rendered.markdown + "".join(rendered.fragments.values())
    assert "Pourquoi ce verdict s&#39;écarte de la grille" in html and "Une raison." in html
    assert load_project(claims_project(make_project, CLAIMS)).data.claims["count"]


def test_a_rating_named_in_the_log_is_the_same_claims_label_in_every_language(make_project):
    log = LOG.replace(
        "the source says 400,000 [@example-source, ¶2].",
        "the source says 400,000 ({rating:wrong@count}) [@example-source, ¶2].",
    )
    log = log.replace("出典は40万としている[", "出典は40万としている（{rating:wrong@count}）[")
    log = log.replace("la source dit 400 000 [", "la source dit 400 000 ({rating:wrong@count}) [")
    log = log.replace(
        "die Quelle sagt 400.000 [", "die Quelle sagt 400.000 ({rating:wrong@count}) ["
    )
    log = log.replace("来源称40万[", "来源称40万（{rating:wrong@count}）[")
    pages = {
        f"{lang}/index.md": "# Home\n\n<!-- briefing:corrections -->\n\nA [@example-source, ¶2].\n"
        for lang in LANGS
    }
    root = make_project(pages=pages, data={"corrections.yml": log, "claims.yml": CLAIMS})
    project = load_project(root)
    rendered = render_page(project.scan("ja", "index.md").body, "", "ja", project)
    assert "出典は40万としている（誤り）" in rendered.markdown
    (root / "data" / "corrections.yml").write_text(
        log.replace("（{rating:wrong@count}）", "（{rating:misleading@count}）"), "utf-8"
    )
    with pytest.raises(BriefingError) as caught:
        load_project(root)
    found = [p.message for p in caught.value.problems if p.code == "data.ratings-differ"]
    assert len(found) == 1, caught.value.problems
    assert (
        "the ja text names the ratings [('misleading', 'count')], the English [('wrong', 'count')]"
        in found[0]
    )


def test_whats_new_says_which_rating_changed_and_entries_are_distinct(make_project):
    """A log entry naming a claim with two ratings (had, now has) is titled by the claim and
    both ratings; one naming it once, by the claim and its kept rating; the others by their
    first sentence. Two entries on one page the same day are still told apart."""
    from briefing.news import entries, render_feed

    def named(ratings: str) -> str:
        log = LOG
        for text in FIXED.values():
            log = log.replace(text, text.replace("[@", ratings + " [@"))
        return log

    changed = named("({rating:misleading@count} → {rating:wrong@count})")
    kept = named("({rating:wrong@count})").replace("figure-fixed", "figure-kept")
    kept = kept.replace("kind: correction", "kind: reassessment").replace("changes:\n", "")
    plain = LOG.replace("figure-fixed", "figure-other").replace("changes:\n", "")
    root = make_project(
        pages=LOG_PAGES,
        data={"corrections.yml": changed + kept + plain, "claims.yml": CLAIMS},
    )
    project = load_project(root)
    for lang in LANGS:
        found = {e.key: e for e in entries(project, History(True, ()), lang)}
        claim = project.data.claims["count"].text[lang].rstrip(".。")
        wrong, misleading = label("rating_wrong", lang), label("rating_misleading", lang)
        assert found["figure-fixed"].title == label("news_rating_changed", lang).format(
            claim=claim, old=misleading, new=wrong
        )
        assert found["figure-kept"].title == label("news_rating_kept", lang).format(
            claim=claim, rating=wrong
        )
        other = found["figure-other"]
        assert other.title and other.title in re.sub(r"\s*\[@[^\]]*\]", "", FIXED[lang])
        assert other.summary == label("news_on_pages", lang).format(pages=f"Home {lang}")
        titles = [(e.day, e.title) for e in found.values()]
        assert len(set(titles)) == len(titles)
        feed = ET.fromstring(render_feed(lang, project, History(True, ()), "https://e.org/"))
        atom = "{http://www.w3.org/2005/Atom}"
        shown = [n.findtext(f"{atom}title") for n in feed.iter(f"{atom}entry")]
        assert len(set(shown)) == len(shown) and any(claim in t for t in shown)
        assert all(n.findtext(f"{atom}summary") for n in feed.iter(f"{atom}entry"))


def test_a_page_showing_an_edited_data_file_says_what_changed_on_it(make_project):
    from briefing.history import parse_log
    from briefing.news import entries

    project = load_project(make_project(pages=LOG_PAGES, data={"corrections.yml": LOG}))
    log = "\x002026-12-03\nM\tdata/corrections.yml\nM\tdocs/de/corrections.md\n"
    found = entries(project, History(True, tuple(parse_log(log))), "de")
    (page,) = [e for e in found if e.kind == "page"]
    assert page.key == "corrections.md"
    what = label("news_page_data", "de").format(what=label("news_data_corrections", "de"))
    assert page.summary == f"{label('news_page_text', 'de')} {what}"
