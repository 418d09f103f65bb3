"""Who publishes the site: the editors, how to reach them and where the repository is, as
`extra.publisher` in mkdocs.yml says. The About page and every page's footer show it; a
build for publication stops while a field it needs is missing (a preview shows what is
missing instead).

    extra:
      publisher:
        editors: [Name, Name]          # who edits the site
        contact: editors@example.org   # optional: an email address or an http(s) address
        repository: https://...        # the source repository (corrections are asked there)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import Problem

CONFIG = "mkdocs.yml"
FIX = "set extra.publisher in mkdocs.yml (see scripts/briefing/publisher.py)"
NOT_SET = "publisher.not-set"  # a build for publication without editors or repository


def _web(address: object) -> str | None:
    text = str(address or "").strip()
    return text if text.startswith(("https://", "http://")) else None


@dataclass(frozen=True)
class Publisher:
    editors: tuple[str, ...]
    contact: str | None  # "mailto:…" or an http(s) address
    contact_text: str | None  # as shown: the email address, or the address
    repository: str | None  # http(s) only

    @property
    def issues(self) -> str | None:
        """Where a reader asks for a correction: the repository's issue tracker."""
        return f"{self.repository.rstrip('/')}/issues" if self.repository else None

    @property
    def missing(self) -> tuple[str, ...]:
        """The fields a published site needs and this configuration lacks."""
        return tuple(
            name
            for name, value in (("editors", self.editors), ("repository", self.repository))
            if not value
        )


def publisher(extra: Mapping[str, Any] | None) -> Publisher:
    """The publisher from mkdocs.yml's `extra` (text only: names and addresses are shown as
    data, escaped; an address that is not http(s) or an email address is not shown)."""
    config = (extra or {}).get("publisher") or {}
    if not isinstance(config, dict):
        config = {}
    raw_editors = config.get("editors") or []
    if isinstance(raw_editors, str):
        raw_editors = raw_editors.split(",")
    editors = tuple(str(e).strip() for e in raw_editors if str(e).strip())
    contact = str(config.get("contact") or "").strip()
    link: str | None
    shown: str | None
    if "@" in contact and not contact.startswith(("http://", "https://")) and " " not in contact:
        link, shown = f"mailto:{contact}", contact
    elif (web := _web(contact)) is not None:
        link, shown = web, web
    else:
        link = shown = None
    return Publisher(editors, link, shown, _web(config.get("repository")))


def publication_problems(extra: Mapping[str, Any] | None, config_text: str = "") -> list[Problem]:
    """What a build for publication must not ship without: named editors and the repository
    where readers ask for corrections. `config_text`: mkdocs.yml's text, for the line."""
    found = publisher(extra)
    lines = config_text.splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.strip() == "publisher:"), 1)
    return [
        Problem(
            CONFIG,
            line,
            f"extra.publisher.{name} is not set, and this build is for publication "
            "(BRIEFING_PUBLISH=1): the About page and the footer would not say "
            + ("who edits the site" if name == "editors" else "where corrections are asked"),
            FIX,
            NOT_SET,
        )
        for name in found.missing
    ]
