"""Rendering: golden output for generated pages, and source text that stays data."""

from __future__ import annotations

import re

import pytest

from briefing.model import FuzzyDate
from briefing.project import load_project
from briefing.render import fill_fragments, render_index, render_page, render_source_page
from briefing.templating import format_fuzzy
from briefing.urls import relative_url
from conftest import GOLDEN_LANGS, LANGS, VALID_SEED

HOSTILE = (
    VALID_SEED.replace("Titre original", "<script>alert(1)</script> {{ 7*7 }}")
    .replace("Le Média", "'<img src=x onerror=alert(1)>'")
    .replace("Premier paragraphe.", "{% include 'x' %} <b>bold</b> *stars* [link](javascript:x)")
)


@pytest.fixture
def project(make_project):
    return load_project(make_project(languages=GOLDEN_LANGS))


@pytest.mark.parametrize("lang", GOLDEN_LANGS)
def test_source_page_golden(project, golden, lang):
    golden(
        f"source-{lang}.html", render_source_page(project.sources["example-source"], lang, project)
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_index_golden(project, golden, lang):
    golden(f"index-{lang}.html", render_index(lang, project))


def test_page_citations_golden(project, golden):
    markdown = "# Home\n\nOne [@example-source, ¶2]. Two [@example-source, ¶2; @example-source].\n"
    rendered = render_page(markdown, "fr/", "fr", project)
    golden("page-fr.md", rendered.markdown)
    golden("page-fr.html", "\n\n".join(f"{k}:\n{v}" for k, v in rendered.fragments.items()))


def test_markers_number_by_source_and_paragraph(project):
    rendered = render_page(
        "A [@example-source, ¶2]. B [@example-source]. C [@example-source, ¶2].", "", "en", project
    )
    html = fill_fragments(rendered.markdown, rendered.fragments)
    assert re.findall(r'data-ref="(\d)"', html) == ["1", "2", "1"]
    assert [r.anchors for r in rendered.references] == [
        ["cite-ref-1-1", "cite-ref-1-2"],
        ["cite-ref-2-1"],
    ]
    assert 'href="#cite-ref-1-1" aria-label="Jump back to the citation 1">a</a>' in html
    assert 'href="sources/example-source/#p2"' in html
    assert (  # the cited words once, in the reference list (the script previews them)
        '<q class="bf-ref-quote" lang="fr" data-verbatim>Deuxième paragraphe, sur deux lignes.</q>'
    ) in html
    assert html.count("Deuxième paragraphe") == 1


def test_no_references_section_without_citations(project):
    assert "references" not in render_page("# Plain\n\nNo citations.\n", "", "en", project).markdown


@pytest.mark.parametrize("lang", LANGS)
def test_source_text_is_data_not_markup(make_project, lang):
    project = load_project(make_project(seeds={"example-source.md": HOSTILE}))
    pages = [
        render_source_page(project.sources["example-source"], lang, project),
        render_index(lang, project),
    ]
    rendered = render_page("x [@example-source, ¶1]", "", lang, project)
    pages.append(fill_fragments(rendered.markdown, rendered.fragments))
    for html in pages:
        assert "<script>" not in html
        assert "<img" not in html
        assert "<b>bold</b>" not in html
        assert "49" not in html  # {{ 7*7 }} was not evaluated
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in pages[0] + pages[1]
    assert "{% include &#39;x&#39; %} &lt;b&gt;bold&lt;/b&gt; *stars*" in pages[0]


def test_javascript_url_is_never_shown(make_project):
    seed = VALID_SEED.replace("https://example.org/article", "javascript:alert(1)")
    root = make_project(seeds={"example-source.md": seed}, pages={})
    from briefing.validate import load_sources

    sources, problems = load_sources(root / "seeds", root, LANGS)
    assert sources == {}
    assert [p.code for p in problems] == ["source.bad-url"]


@pytest.mark.parametrize(
    ("src", "dest", "expected"),
    [
        ("", "sources/x/#p2", "sources/x/#p2"),
        ("method/", "sources/x/", "../sources/x/"),
        ("ja/", "ja/sources/", "sources/"),
        ("ja/sources/a/", "ja/sources/a/#p1", "./#p1"),
        ("de/sources/a/", "de/", "../../"),
    ],
)
def test_relative_url(src, dest, expected):
    assert relative_url(src, dest) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["January 28, 2026", "January 2026", "c. January 28, 2026"]),
        ("ja", ["2026年1月28日", "2026年1月", "2026年1月28日ごろ"]),
        ("fr", ["28 janvier 2026", "janvier 2026", "vers le 28 janvier 2026"]),
        ("de", ["28. Januar 2026", "Januar 2026", "ca. 28. Januar 2026"]),
    ],
)
def test_dates_in_each_language(lang, expected):
    dates = [
        FuzzyDate(2026, 1, 28, "day"),
        FuzzyDate(2026, 1, None, "month"),
        FuzzyDate(2026, 1, 28, "approximate"),
    ]
    assert [format_fuzzy(d, lang) for d in dates] == expected


def test_citations_after_a_directive_land_in_the_right_place(project):
    markdown = "# M\n\n<!-- briefing:source-kinds -->\n\nAfter the table [@example-source, ¶2].\n"
    rendered = render_page(markdown, "", "en", project)
    html = fill_fragments(rendered.markdown, rendered.fragments)
    assert html.count("</table>") == 1
    assert html.index("</table>") < html.index("After the table <sup")


def test_a_missing_golden_file_fails(golden, request):
    if request.config.getoption("--update-golden"):
        pytest.skip("--update-golden writes golden files instead of comparing")
    with pytest.raises(pytest.fail.Exception, match="run pytest with --update-golden"):
        golden("no-such-file.txt", "any text")
    assert not (request.path.parent / "golden" / "no-such-file.txt").exists()


def test_a_preview_of_some_languages_says_which_it_leaves_out():
    from briefing.render import render_preview_notice

    html = render_preview_notice("fr", ("en", "fr"), ("ja", "de"))
    assert "dans ces langues : anglais, français." in html
    assert "Pages non produites : japonais, allemand" in html
    assert 'role="note"' in html
