"""The house style of each language, kept as data: data/glossary.yml.

One entry per term: its preferred form in each site language (how that language's
press writes the name or term), optionally the form for a first mention, and the
variants the house style rejects. `check` and the build report every rejected
variant in the translated text of the site, with file, line and the preferred form:
pages (docs/<lang>/), timeline events and chip cells (data/), source titles, notes
and removals (seeds/), paragraph translations (seeds/*.translations.yml) and the UI
strings (scripts/briefing/strings.yml). The captured articles' own words are never
checked: they are verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answered import PATH as ANSWERED
from .caches import Lifetime, table
from .copyguard import TOKEN_RE as IDS_RE  # citations and {q:…} tokens
from .errors import Problem
from .fields import Field, Fields, Judged
from .languages import spaced
from .load import Key, read_document, read_text, read_yaml

PATH = "data/glossary.yml"
HOUSE_STYLE = "glossary.house-style"  # the code of a rejected variant found in a text
STRINGS = "scripts/briefing/strings.yml"
FIELDS = ("id", "first", "reject", "note")  # and one per site language
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Term:
    id: str
    line: int
    forms: dict[str, str]  # language -> preferred form
    reject: dict[str, tuple[str, ...]] = field(default_factory=dict)
    first: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)  # the editor's reason, per language


@dataclass(frozen=True)
class Variant:
    """One rejected form in one language, compiled for matching."""

    term: Term
    lang: str
    text: str
    pattern: re.Pattern[str]
    needle: str  # a part of every match, for a quick substring test before the pattern


def _needle(text: str, lang: str) -> str:
    """All of the text, or all but its first letter where the pattern also takes it
    capitalised (see _pattern)."""
    return text[1:] if spaced(lang) and text[:1].isalpha() else text


def _pattern(text: str, lang: str) -> re.Pattern[str]:
    """A language written without spaces (Japanese, Chinese) matches anywhere: its words
    have no boundary to look for; other languages only as whole words, and also with a
    capital first letter (at the start of a sentence)."""
    escaped = re.escape(text)
    if not spaced(lang):
        return re.compile(escaped)
    if text[:1].isalpha() and text[0].lower() != text[0].upper():
        escaped = f"[{text[0].lower()}{text[0].upper()}]" + re.escape(text[1:])
    head = r"(?<!\w)" if re.match(r"\w", text) else ""
    tail = r"(?!\w)" if re.search(r"\w$", text) else ""
    return re.compile(head + escaped + tail)


class _Checker(Fields):
    """Checks the glossary's terms, each named by its id (or its position)."""

    family = "glossary"

    def __init__(self, lines: dict[Key, int], languages: Sequence[str]) -> None:
        super().__init__(PATH, lines, languages)
        self.names: dict[Key, str] = {}  # ("terms", 3) -> "term 'h20'"
        fields = (*FIELDS[:1], *languages, *FIELDS[1:])
        self.form = [Field(name, Judged(), required=False) for name in fields]

    def unknown(self, key: Key, name: str, allowed: Sequence[str]) -> None:
        self.report(
            self.line((*key, name)),
            f"{self.names[key]}: unknown field '{name}'",
            f"use only: {', '.join(allowed)}",
            "unknown-field",
        )


def load_glossary(root: Path, languages: Sequence[str]) -> tuple[list[Term], list[Problem]]:
    """The glossary's terms, or the problems that keep it from being read."""
    path = root / PATH
    if not path.exists():
        return [], []
    value, lines, problems = read_yaml(path, PATH)
    if problems:
        return [], problems
    checker = _Checker(lines, languages)
    entries = value.get("terms") if isinstance(value, dict) else None
    if not isinstance(entries, list):
        checker.report(
            1,
            "the glossary is not a list under 'terms:'",
            "start the file with 'terms:' and give one '- id: …' entry per term",
            "not-list",
        )
        return [], checker.problems
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        key: Key = ("terms", index)
        line = checker.line(key)
        if not isinstance(entry, dict):
            checker.report(
                line,
                f"term no. {index + 1} is not a set of 'key: value' lines",
                "write 'id:', then one line per language",
                "not-mapping",
            )
            continue
        term = _term(checker, entry, key)
        if term is None:
            continue
        if term.id in seen:
            checker.report(
                line,
                f"the term '{term.id}' is given twice (also line {seen[term.id]})",
                "merge the two entries",
                "same-id",
            )
            continue
        seen[term.id] = line
        terms.append(term)
    return terms, checker.problems


def _term(checker: _Checker, entry: dict[str, Any], key: Key) -> Term | None:
    """One term, or None when it has problems (reported)."""
    before = len(checker.problems)
    line = checker.line(key)
    ident = entry.get("id")
    name = f"term '{ident}'" if isinstance(ident, str) else f"term no. {int(key[-1]) + 1}"
    checker.names[key] = name
    if not isinstance(ident, str) or not ID_RE.match(ident):
        checker.report(
            line,
            f"{name} has no id of lower-case words and hyphens",
            "add a line such as 'id: jensen-huang'",
            "bad-id",
        )
    checker.keys(checker.form, key, entry)
    forms = {lang: entry.get(lang) for lang in checker.languages}
    for lang, form in forms.items():
        if not isinstance(form, str) or not form.strip():
            checker.report(
                line,
                f"{name} has no '{lang}' form",
                f"write how the {lang} text names it: '{lang}: …'",
                "missing-language",
            )
    first = _per_language(checker, entry.get("first"), (*key, "first"), name, many=False)
    reject = _per_language(checker, entry.get("reject"), (*key, "reject"), name, many=True)
    for lang, variants in reject.items():
        for variant in variants:
            preferred = [f for f in (forms.get(lang), first.get(lang)) if isinstance(f, str)]
            if any(_pattern(variant, lang).search(form) for form in preferred):
                checker.report(
                    checker.line((*key, "reject", lang)),
                    f"{name}: the rejected '{variant}' is part of the preferred form itself",
                    "reject a longer or different variant",
                    "rejects-itself",
                )
    if len(checker.problems) > before or not isinstance(ident, str):
        return None
    notes = entry.get("note")
    return Term(
        ident,
        line,
        {k: v for k, v in forms.items() if isinstance(v, str)},
        {k: tuple(v) for k, v in reject.items()},
        first,
        {k: str(v) for k, v in notes.items()} if isinstance(notes, dict) else {},
    )


def _per_language(checker: _Checker, raw: Any, key: Key, name: str, many: bool) -> dict[str, Any]:
    """A `{lang: text}` (first) or `{lang: [variants]}` (reject) mapping, checked."""
    if raw is None:
        return {}
    what = "a list of variants" if many else "a text"
    if not isinstance(raw, dict):
        checker.report(
            checker.line(key),
            f"{name}: '{key[-1]}' must give {what} per language",
            f"write '{key[-1]}: {{ja: …, fr: …}}'",
            "not-mapping",
        )
        return {}
    out: dict[str, Any] = {}
    for lang, value in raw.items():
        where = checker.line((*key, lang))
        ok = (
            (
                isinstance(value, list)
                and value
                and all(isinstance(v, str) and v.strip() for v in value)
            )
            if many
            else (isinstance(value, str) and value.strip())
        )
        if lang not in checker.languages:
            checker.report(
                where,
                f"{name}: '{lang}' is not a site language",
                f"use one of: {', '.join(checker.languages)}",
                "not-allowed",
            )
        elif not ok:
            checker.report(
                where,
                f"{name}: '{key[-1]}.{lang}' must be {what}",
                'write ["variant", …]' if many else "write the text",
                "not-text",
            )
        else:
            out[lang] = value
    return out


def variants(terms: Sequence[Term]) -> dict[str, list[Variant]]:
    """Every rejected form, by language."""
    out: dict[str, list[Variant]] = {}
    for term in terms:
        for lang, forms in term.reject.items():
            out.setdefault(lang, []).extend(
                Variant(term, lang, form, _pattern(form, lang), _needle(form, lang))
                for form in forms
            )
    return out


def _yaml_texts(
    path: Path, root: Path, languages: Sequence[str], front_matter: bool
) -> Iterator[tuple[str, str, int]]:
    """(language, text, line) of every `<lang>: "text"` value in a YAML file or front matter.

    Files that cannot be read are skipped: their own loader reports them.
    """
    shown = path.relative_to(root).as_posix()
    if front_matter:
        doc = read_document(path, root, front_matter_required=True)
        value, lines, problems, offset = doc.meta, doc.lines, doc.problems, 2
    else:
        value, lines, problems = read_yaml(path, shown)
        offset = 1
    if problems:
        return
    stack: list[tuple[Key, Any]] = [((), value)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, dict):
            stack.extend(((*key, str(k)), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*key, i), v) for i, v in enumerate(node))
        elif isinstance(node, str) and key and key[-1] in languages and "original" not in key:
            yield str(key[-1]), node, lines.get(key, offset)


def texts(
    root: Path, languages: Sequence[str], docs_dir: Path, seeds_dir: Path, data_dir: Path
) -> Iterator[tuple[str, str, str, int]]:
    """(path, language, text, line) of every text the site writes in a language."""
    for lang in languages:
        folder = docs_dir / lang
        for page in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            shown = page.relative_to(root).as_posix()
            content = read_text(page, shown)
            text = "" if isinstance(content, Problem) else content
            for number, content_line in enumerate(text.splitlines(), start=1):
                yield shown, lang, content_line, number
    yaml_files = [(p, False) for p in sorted(data_dir.glob("*.yml")) if p.name != "glossary.yml"]
    yaml_files += [(p, True) for p in sorted(seeds_dir.rglob("*.md"))]
    yaml_files += [(p, False) for p in sorted(seeds_dir.rglob("*.translations.yml"))]
    yaml_files += [(p, False) for p in sorted(seeds_dir.rglob("*.accounts.yml"))]
    if (root / STRINGS).is_file():
        yaml_files.append((root / STRINGS, False))
    for path, front in yaml_files:
        if path.is_symlink():
            continue
        shown = path.relative_to(root).as_posix()
        for lang, text, line in _yaml_texts(path, root, languages, front):
            yield shown, lang, text, line


# What each text holds, for the rejected forms it was found with (one entry: the latest).
_FOUND: dict[tuple[tuple[str, str, str], ...], dict[tuple[str, str], tuple[Variant, ...]]] = table(
    "glossary._FOUND", Lifetime.PROCESS
)


def _rejected_in(
    rejected: dict[str, list[Variant]],
    found_in: dict[tuple[str, str], tuple[Variant, ...]],
    lang: str,
    text: str,
) -> tuple[Variant, ...]:
    """The rejected variants in `text`, remembered (see house_style_problems)."""
    found = found_in.get((lang, text))
    if found is None:
        words = IDS_RE.sub(" ", text)  # a citation's or a quotation's id is no wording
        # A substring test first (most texts contain no variant), the pattern only then.
        found = tuple(
            v for v in rejected.get(lang, ()) if v.needle in words and v.pattern.search(words)
        )
        found_in[(lang, text)] = found
    return found


def house_style_problems(
    terms: Sequence[Term], site_texts: Iterator[tuple[str, str, str, int]]
) -> list[Problem]:
    """A problem for each rejected variant in the site's texts. What each text holds is
    remembered while the glossary's rejected forms stay the same: each rebuild of the preview
    checks the same texts again."""
    rejected = variants(terms)
    forms = tuple((v.term.id, v.lang, v.text) for vs in rejected.values() for v in vs)
    found_in = _FOUND.get(forms)
    if found_in is None:
        _FOUND.clear()
        found_in = _FOUND[forms] = {}
    problems = []
    for path, lang, text, line in site_texts:
        for variant in _rejected_in(rejected, found_in, lang, text):
            term = variant.term
            problems.append(
                Problem(
                    path,
                    line,
                    f"'{variant.text}' is not the house style for "
                    f"{term.forms.get('en', term.id)} ({PATH}: {term.id})",
                    f"write '{term.forms[lang]}'"
                    + (f" (at first mention: '{term.first[lang]}')" if lang in term.first else "")
                    # A rule that depends on context says so; a place where it does not apply
                    # is answered in data/answered.yml, with the reason.
                    + (
                        f". The glossary's note: {term.note[lang].rstrip('.')}"
                        if lang in term.note
                        else ""
                    )
                    + f". If it does not apply here, answer it in {ANSWERED} with the reason",
                    HOUSE_STYLE,
                )
            )
    return problems
