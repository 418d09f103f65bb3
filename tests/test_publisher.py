"""Who publishes the site (mkdocs.yml's extra.publisher): read as data, addresses only
http(s) or an email address, and what a published site may not lack."""

from __future__ import annotations

import pytest

from briefing.publisher import publication_problems, publisher


def test_the_configured_publisher_is_read_as_given() -> None:
    found = publisher(
        {
            "publisher": {
                "editors": ["Ana Editor", " Ben Editor "],
                "contact": "editors@example.org",
                "repository": "https://git.example/briefing/",
            }
        }
    )
    assert found.editors == ("Ana Editor", "Ben Editor")
    assert (found.contact, found.contact_text) == (
        "mailto:editors@example.org",
        "editors@example.org",
    )
    assert found.repository == "https://git.example/briefing/"
    assert found.issues == "https://git.example/briefing/issues"
    assert found.missing == ()


def test_editors_may_be_one_comma_separated_line() -> None:
    assert publisher({"publisher": {"editors": "Ana, Ben"}}).editors == ("Ana", "Ben")


@pytest.mark.parametrize(
    "contact", ["javascript:alert(1)", "ftp://example.org", "not an address", "a b@c"]
)
def test_a_contact_that_is_not_web_or_email_is_not_shown(contact: str) -> None:
    found = publisher({"publisher": {"contact": contact}})
    assert found.contact is None and found.contact_text is None


@pytest.mark.parametrize("extra", [None, {}, {"publisher": None}, {"publisher": "text"}])
def test_no_publisher_lacks_editors_and_repository(extra) -> None:
    found = publisher(extra)
    assert found.missing == ("editors", "repository")
    assert found.issues is None


def test_a_repository_that_is_not_http_is_missing() -> None:
    problems = publication_problems(
        {"publisher": {"editors": ["Ana"], "repository": "javascript:alert(1)"}},
        "site_name: x\nextra:\n  publisher:\n    editors: [Ana]\n",
    )
    assert [p.format() for p in problems] == [
        "mkdocs.yml:3: extra.publisher.repository is not set, and this build is for "
        "publication (BRIEFING_PUBLISH=1): the About page and the footer would not say where "
        "corrections are asked. Fix: set extra.publisher in mkdocs.yml (see "
        "scripts/briefing/publisher.py)"
    ]
