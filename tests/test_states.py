"""A text's state in each language: drafts marked where they are written, shown to readers in
their language, listed by check and by `briefing status` (fixture projects)."""

from __future__ import annotations

from html import unescape

from briefing.cli import main
from briefing.expand import expand
from briefing.project import load_project
from briefing.render import render_draft_notice, render_source_page
from conftest import LANGS, text_lines
from test_accounts import RECORD, accounts_file

EVENT = """\
events:
  - id: rule
    date: "2026-01-13"
    precision: day
    actors: [us-government]
    draft: [de]
    text:
""" + text_lines(
    {
        "en": "A rule [@agency-report, ¶1].",
        "ja": "規則[@agency-report, ¶1]。",
        "fr": "Une règle [@agency-report, ¶1].",
        "de": "Eine Vorschrift [@agency-report, ¶1].",
        "zh": "一项规定[@agency-report, ¶1]。",
    },
    "      ",
)


def drafted(make_project):
    accounts = accounts_file().replace("  - n: 2\n", "  - n: 2\n    draft: [fr]\n")
    record = RECORD.replace("removed: []", "removed: []\ndraft: [note.ja]")
    pages = {f"{lang}/index.md": "# Home\n\n<!-- briefing:timeline -->\n" for lang in LANGS}
    root = make_project(
        seeds={"agency-report.md": record, "agency-report.accounts.yml": accounts},
        pages=pages,
        data={"timeline.yml": EVENT},
    )
    french = root / "docs" / "fr" / "index.md"  # the translator marks the page as a draft
    french.write_text(french.read_text("utf-8").replace("---\n", "---\nstate: draft\n", 1), "utf-8")
    return root


def test_drafts_are_listed_by_check_and_by_status_per_language(make_project, capsys):
    root = drafted(make_project)
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "docs/fr/index.md:1: draft (French): the page awaits a native editor's review" in out
    assert "data/timeline.yml:2: draft (German): event 'rule'" in out
    assert "seeds/agency-report.md:2: draft (Japanese): note" in out
    assert "seeds/agency-report.accounts.yml:" in out and "draft (French): ¶2" in out
    assert main(["--root", str(root), "status"]) == 0
    status = capsys.readouterr().out
    french = status.split("French (fr):")[1].split("German (de):")[0]
    assert "draft: docs/fr/index.md:1: the page" in french and "¶2" in french
    assert "English (en):\n  nothing pending, no draft" in status


def test_readers_see_a_draft_labelled_in_its_language(make_project):
    project = load_project(drafted(make_project))
    timeline = expand("<!-- briefing:timeline -->", "de", project.data)
    assert "Entwurf, noch ungeprüft" in timeline
    assert "Entwurf" not in expand("<!-- briefing:timeline -->", "fr", project.data)
    page = unescape(render_source_page(project.sources["agency-report"], "fr", project))
    assert "Notre résumé (brouillon, en attente de relecture)" in page
    assert page.count("brouillon") == 1  # only ¶2
    note = unescape(render_source_page(project.sources["agency-report"], "ja", project))
    assert "この言語で校閲待ちの項目：この出典について" in note
    assert "Brouillon : cette page n'a pas encore été relue" in unescape(render_draft_notice("fr"))


def test_a_contested_figure_is_scaffolded_in_one_command_and_check_lists_what_is_left(
    make_project, capsys
):
    pages = {f"{lang}/index.md": "# Home\n" for lang in LANGS}
    pages.update({f"{lang}/contested.md": "# Contested\n\nIntro.\n" for lang in LANGS})
    root = make_project(
        pages=pages,
        data={"claims.yml": "claims: []\n", "corrections.yml": "changes:\n"},
    )
    assert main(["--root", str(root), "contested", "h200-count-2027"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    for lang in LANGS:
        assert f"docs/{lang}/contested.md:" in out  # heading, sides and assessment to write
        assert out.count(f"docs/{lang}/contested.md:") == 3, out
    assert "still to write here: the assessment" in out
    assert "data/claims.yml:3: claim 'h200-count-2027' (no. 1), claimant:" in out
    assert "claim 'h200-count-2027' (no. 1), claim: every language needs a non-empty text" in out
    assert "change 'h200-count-2027-added' (no. 1), text: every language needs a non-empty" in out
    assert main(["--root", str(root), "contested", "h200-count-2027"]) == 2  # never twice


def test_a_build_for_publication_stops_on_the_placeholder_address(monkeypatch):
    import pytest
    from mkdocs.exceptions import PluginError

    from briefing.site import check_publication

    class Config:
        site_url = "https://example.github.io/h200-briefing/"
        extra = {"publisher": {"editors": ["A. Editor"], "repository": "https://git.example/x"}}
        config_file_path = None

    check_publication(Config())  # a preview or a test build may use it
    monkeypatch.setenv("BRIEFING_PUBLISH", "1")
    with pytest.raises(PluginError, match="site_url is the placeholder .* Fix: set SITE_URL"):
        check_publication(Config())
    Config.site_url = "https://owner.github.io/h200-briefing/"
    check_publication(Config())


def test_a_build_for_publication_stops_without_editors_or_repository(monkeypatch, tmp_path):
    import pytest
    from mkdocs.exceptions import PluginError

    from briefing.site import check_publication

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nextra:\n  publisher:\n    editors: []\n", "utf-8")

    class Config:
        site_url = "https://owner.github.io/h200-briefing/"
        extra = {"publisher": {"editors": [], "repository": "not an address"}}
        config_file_path = str(config_file)

    check_publication(Config())  # a preview shows what is missing instead
    monkeypatch.setenv("BRIEFING_PUBLISH", "1")
    with pytest.raises(PluginError) as stopped:
        check_publication(Config())
    message = str(stopped.value)
    assert "mkdocs.yml:3: extra.publisher.editors is not set" in message
    assert "mkdocs.yml:3: extra.publisher.repository is not set" in message
    assert "Fix: set extra.publisher in mkdocs.yml" in message
    Config.extra = {"publisher": {"editors": ["A. Editor"], "repository": "https://git.example/x"}}
    check_publication(Config())
