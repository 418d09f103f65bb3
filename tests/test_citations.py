"""Citation syntax: the forms editors write, and what is left alone."""

from __future__ import annotations

import pytest

from briefing.citations import find_citations
from briefing.model import Cite


@pytest.mark.parametrize(
    ("text", "cites"),
    [
        ("[@a]", [Cite("a")]),
        ("[@a, ¶12]", [Cite("a", 12)]),
        ("[@a, ¶3–5]", [Cite("a", 3, 5)]),
        ("[@a, ¶3-5]", [Cite("a", 3, 5)]),
        ("[@a, ¶2; @b]", [Cite("a", 2), Cite("b")]),
        ("[@a-b-2, ¶ 7 ; @c,¶1]", [Cite("a-b-2", 7), Cite("c", 1)]),
    ],
)
def test_forms(text, cites):
    found, problems = find_citations(f"Claim {text}.", "p.md")
    assert problems == []
    assert [c for f in found for c in f.cites] == cites


def test_locator_labels():
    assert Cite("a").locator == ""
    assert Cite("a", 3).locator == "¶3"
    assert Cite("a", 3, 5).locator == "¶3–5"


@pytest.mark.parametrize(
    "text",
    [
        "Show the syntax: `[@a, ¶2]`.",
        "```\n[@a]\n```\n",
        "~~~md\n[@a]\n~~~\n",
        "A link [@user](https://example.org).",
        "An e-mail someone@example.org.",
    ],
)
def test_left_alone(text):
    assert find_citations(text, "p.md") == ([], [])


def test_line_numbers_count_from_the_given_first_line():
    found, _ = find_citations("a\n\nb [@x]\n", "p.md", first_line=5)
    assert found[0].line == 7


@pytest.mark.parametrize("text", ["[@a, p. 3]", "[@a; b]", "[@A]", "[@a, ¶]"])
def test_unreadable_is_a_problem(text):
    found, problems = find_citations(f"x {text}", "p.md")
    assert found == []
    assert [p.code for p in problems] == ["citation.unreadable"]


def test_a_pandoc_prefix_is_not_a_citation_bracket():
    # "[see @a]" is prose to this site: Pandoc's citation prefixes are unsupported.
    assert find_citations("x [see @a]", "p.md") == ([], [])
