"""What a text still needs in each language: pending (not written yet, or behind its English)
or draft (written, awaiting a native editor's review); reviewed is the default.

An editor marks a draft where it is written and the reviewer removes the mark:
  a page:              front matter `state: draft`
  a timeline event:    `draft: [fr, de]` beside its text
  a source's record:   `draft: [note.fr, title.de]` in its front matter
  an account:          `draft: [fr]` in the paragraph's entry of <id>.accounts.yml
Readers see a draft labelled as such in its language; `check` lists every draft as a notice,
and `briefing status` lists, per language, what a pull request still needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .languages import name as language_name


@dataclass(frozen=True)
class Draft:
    path: str
    line: int
    what: str  # "the page", "event 'x'", "note", "¶3"
    lang: str

    def format(self) -> str:
        return (
            f"{self.path}:{self.line}: draft ({language_name(self.lang)}): "
            f"{self.what} awaits a native editor's review (the reviewer removes the draft mark)"
        )
