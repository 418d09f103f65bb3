"""A contested figure as one unit of work: `briefing contested <claim-id>` scaffolds it.

It writes, in one go, what a contested figure needs: the claim in data/claims.yml (its texts,
claimants and evidence still to fill), a section at the end of docs/<lang>/contested.md in
every language (a heading, the claim-review line and the assessment still to write, each
marked with <!-- briefing:todo -->), and an `update` entry at the top of data/corrections.yml
(a new assessment changes what the briefing says, so it is logged). Until each part is
written, `check` lists exactly what is missing, with file and line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .languages import record, site_codes
from .validate import ID_RE


class ContestedError(Exception):
    """Why the scaffold cannot be written; nothing was changed."""


def scaffold(root: Path, claim_id: str, today: dt.date) -> list[str]:
    """Write the three parts of a new contested figure; the files changed."""
    if not ID_RE.match(claim_id):
        raise ContestedError(f"{claim_id!r} is not a valid id: lower-case letters, digits, hyphens")
    claims = root / "data" / "claims.yml"
    log = root / "data" / "corrections.yml"
    site = site_codes(root)
    pages = {lang: root / "docs" / lang / "contested.md" for lang in site}
    missing = [p for p in (claims, log, *pages.values()) if not p.is_file()]
    if missing:
        raise ContestedError(f"{missing[0].relative_to(root).as_posix()} does not exist")
    if f"- id: {claim_id}\n" in claims.read_text("utf-8"):
        raise ContestedError(f"data/claims.yml already has a claim '{claim_id}'")
    empty = "{" + ", ".join(f'{lang}: ""' for lang in site) + "}"
    claims.write_text(
        claims.read_text("utf-8").replace("claims: []", "claims:").rstrip("\n")
        + f"""
  - id: {claim_id}
    claimant: []  # the ids of the sources that make the claim
    rating: unsupported  # what the rubric gives for the evidence below (make check says)
    evidence: {{finding: unchecked, document: "no", party: silent, sources: none, outlets: one}}
    claim: {empty}
""",
        "utf-8",
    )
    for lang, page in pages.items():
        page.write_text(
            page.read_text("utf-8").rstrip("\n")
            + f"""

## {record(lang).still_to_title} <!-- briefing:todo what=heading -->

<!-- briefing:todo what=sides-with-citations -->

<!-- briefing:claim-review id={claim_id} -->
<!-- briefing:todo what=assessment -->
""",
            "utf-8",
        )
    text = log.read_text("utf-8").replace("changes: []", "changes:")
    head = "changes:\n"
    if head not in text:
        raise ContestedError("data/corrections.yml has no 'changes:' list")
    entry = f"""  - id: {claim_id}-added
    date: "{today.isoformat()}"
    kind: update
    pages: [contested.md]
    text: {empty}
"""
    log.write_text(text.replace(head, head + entry, 1), "utf-8")
    return [
        "data/claims.yml",
        "data/corrections.yml",
        *(f"docs/{lang}/contested.md" for lang in site),
    ]
