"""Renames in one command: a source id or a page, with everything that names it (fixtures)."""

from __future__ import annotations

from briefing.cli import main
from briefing.project import load_project
from conftest import LANGS, VALID_SEED, inline, mkdocs_yml
from test_accounts import RECORD, accounts_file

CLAIMS = (
    """\
claims:
  - id: c
    claimant: [agency-report, example-source]
    rating: unsupported
    evidence: {finding: unchecked, document: "no", party: silent, sources: unnamed, outlets: one}
    claim: """
    + inline(
        {"en": "A claim.", "ja": "主張。", "fr": "Une affirmation.", "de": "Eine Behauptung."}
        | {"zh": "一项说法。"}
    )
    + "\n"
)


def test_renaming_a_source_moves_its_files_and_every_reference(make_project, capsys):
    pages = {
        f"{lang}/index.md": "# Home\n\nA [@agency-report, ¶2; @example-source, ¶1].\n"
        for lang in LANGS
    }
    root = make_project(
        seeds={
            "agency-report.md": RECORD,
            "agency-report.accounts.yml": accounts_file(),
            "example-source.md": VALID_SEED.replace(
                "removed: []", "removed: []\nsame_text_as: [agency-report]"
            ),
        },
        pages=pages,
        data={"claims.yml": CLAIMS},
    )
    assert main(["--root", str(root), "rename", "agency-report", "wire-h200-prepayment"]) == 0
    assert "Renamed agency-report to wire-h200-prepayment" in capsys.readouterr().out
    seeds = root / "seeds"
    assert not (seeds / "agency-report.md").exists()
    assert not (seeds / "agency-report.accounts.yml").exists()
    assert "source: wire-h200-prepayment" in (
        seeds / "wire-h200-prepayment.accounts.yml"
    ).read_text("utf-8")
    project = load_project(root)  # everything still resolves: check passes
    assert project.sources["wire-h200-prepayment"].paragraph_count == 3
    assert project.data.claims["c"].claimants == ("wire-h200-prepayment", "example-source")
    assert project.sources["example-source"].same_text_as == ("wire-h200-prepayment",)
    assert "@wire-h200-prepayment, ¶2" in (root / "docs" / "ja" / "index.md").read_text("utf-8")


def test_renaming_a_page_moves_it_in_every_language_with_its_links(make_project, capsys):
    pages = {f"{lang}/index.md": "# Home\n\nSee [the chips](chips.md#memory).\n" for lang in LANGS}
    pages.update({f"{lang}/chips.md": "# Chips\n" for lang in LANGS})
    root = make_project(pages=pages)
    (root / "mkdocs.yml").write_text(mkdocs_yml() + "nav:\n  - index.md\n  - chips.md\n", "utf-8")
    assert main(["--root", str(root), "rename", "chips.md", "comparison.md"]) == 0
    for lang in LANGS:
        assert (root / "docs" / lang / "comparison.md").is_file()
        assert "](comparison.md#memory)" in (root / "docs" / lang / "index.md").read_text("utf-8")
    assert "  - comparison.md\n" in (root / "mkdocs.yml").read_text("utf-8")


def test_a_rename_that_cannot_be_done_changes_nothing(make_project, capsys):
    root = make_project()
    assert main(["--root", str(root), "rename", "example-source", "Not An Id"]) == 2
    assert "is not a valid id" in capsys.readouterr().err
    assert (root / "seeds" / "example-source.md").exists()


def test_a_companion_file_left_behind_by_a_rename_by_hand_is_reported(make_project):
    import pytest

    from briefing.errors import BriefingError

    root = make_project()
    seeds = root / "seeds"
    (seeds / "example-source.md").rename(seeds / "renamed.md")  # by hand: the id inside stays
    with pytest.raises(BriefingError) as caught:
        load_project(root)
    found = [p.format() for p in caught.value.problems if p.code == "source.orphan-companion"]
    assert any(
        f.startswith("seeds/example-source.translations.yml:1: translations without a source")
        and "make rename OLD=<id> NEW=<id>" in f
        for f in found
    ), found
