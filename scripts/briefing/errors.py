"""Problems found in the editors' input, reported all at once with file and line.

Every problem has a code, `family.kind`: the family names what is wrong (a citation, a
page, a data entry ...), the kind what is wrong with it, and the same kind of problem has
the same kind in every family (`source.unknown-field`, `data.unknown-field`). Code and tests
that must tell problems apart match the code, never the wording, so a message can be
reworded for editors without breaking a filter. The codes are listed here, and only here;
`tests/test_codes.py` fails if the package uses a code this list lacks, or the list keeps
one the package no longer uses. A new kind is needed only for a new kind of problem: a field
or option naming no record is `unknown-ref`, a token in a text naming nothing ([@id], {q:id})
`unknown-id`, an absent field `missing` and a text without one of the site's languages
`missing-language`, an id given twice `same-id`, whatever the family.

Families, and under each the kinds it reports itself (a key-path checker also reports the
kinds listed after this table, under its family):

    accounts     a source's accounts, seeds/<id>.accounts.yml (a key-path checker)
                 not-needed
    answered     data/answered.yml, the problems an editor accepted (a key-path checker)
    citation     a citation [@id, ¶n] in any text
                 unreadable unknown-id no-paragraphs out-of-range
    data         an entry of a data file in data/ (a key-path checker)
                 unknown-page ratings-differ
    datafile     a file in data/ as a whole
                 unknown-file bad-shape
    directive    a <!-- briefing:name --> directive in a page
                 unknown bad-options missing-data unknown-ref todo
    file         a file that cannot be read as text
                 not-regular too-large not-utf8 binary no-front-matter front-matter-open
    freshness    a translated page's translated_from stamp
                 no-stamp bad-stamp
    glossary     data/glossary.yml and the house style it sets (a key-path checker)
                 house-style
    input        a key-path checker that names no family of its own (a key-path checker)
    language     the site's languages, as mkdocs.yml lists them
                 unreadable none no-record not-one-default wrong-default
    page         a hand-written page in docs/<language>/
                 bad-state undated-present left-in-english generated-path missing-translation
    parity       a translated page citing or stating other things than its English page
                 citations-differ figures-differ
    publisher    extra.publisher in mkdocs.yml, for a build for publication
                 not-set
    quote        a quotation in a text, against data/quotes.yml
                 typed-out unknown-id
    source       a source in seeds/ (a key-path checker)
                 no-seeds reserved-id id-not-file-name same-url same-text
                 link orphan-companion not-markdown nothing-to-show
    status       the key questions' answers (data/status.yml) against the timeline
                 stale-answer unknown-ref
    strings      the interface strings, strings.yml
                 missing-language unknown-language
    translation  paragraph translations, seeds/<id>.translations.yml (a key-path checker)
                 not-held stale
    yaml         YAML that cannot be read, or not safely
                 unreadable quote-in-text not-mapping duplicate-key too-deep alias

Kinds a key-path checker (keypaths.KeyPaths) reports, under its family:

    bad-date bad-entry bad-id bad-language bad-url citations-differ copied figures-differ
    future horizon-order layout left-in-english long-quote misaligned missing
    missing-language names-itself no-citation no-entry no-number no-paragraph not-allowed
    not-entry not-list not-mapping not-text nothing-to-reproduce off-rubric other-source
    out-of-order out-of-range rejects-itself same-id stale text-not-given
    unconfirmed-number unknown-field unknown-ref unused wrong-type
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where, what, and how to fix it.

    `code` names the kind of problem (`source.unknown-field`, `translation.stale`; the list
    is the module's docstring) for code and tests that must tell problems apart. It has no
    default, so no problem is made without one; it is not shown, and two problems at the
    same place with the same words are one problem whatever their codes."""

    path: str
    line: int
    message: str
    fix: str
    code: str = field(compare=False)

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.message}. Fix: {self.fix}"

    def github_annotation(self) -> str:
        text = f"{self.message}. Fix: {self.fix}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"


class Report(list[Problem]):
    """The one accumulator of problems: a checker, a loader or a command adds to it and
    hands it on, instead of returning problems beside a value or taking an output list."""

    def add(self, path: str, line: int, message: str, fix: str, code: str) -> None:
        self.append(Problem(path, line, message, fix, code))

    def having(self, *codes: str) -> list[Problem]:
        """The problems of these kinds (a code ending in '.' names a family: 'source.')."""
        return [p for p in self if _matches(p.code, codes)]

    def without(self, *codes: str) -> list[Problem]:
        return [p for p in self if not _matches(p.code, codes)]


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return any(code == c or (c.endswith(".") and code.startswith(c)) for c in codes)


@dataclass(frozen=True)
class Refused:
    """Why a value cannot be used, where no file and line are known yet (a date, an editor's
    answer): the caller turns it into a Problem at its place, or says it under a prompt.

    The convention throughout: a function that reads a value returns the value or, if it
    cannot, a Problem (with its file and line) or a Refused (without); never a pair."""

    reason: str


class BriefingError(Exception):
    """Raised with every problem of a run, so editors fix them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the briefing's sources or pages:"
        super().__init__("\n".join([head, *(p.format() for p in self.problems)]))
