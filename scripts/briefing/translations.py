"""The site's translations of each captured source, paragraph by paragraph.

A source with text (`seeds/<id>.md`) has its translations beside it, in
`seeds/<id>.translations.yml`: one entry per paragraph of the original, in order, each
with the paragraph's number `n`, a fingerprint of the original paragraph it translates
(`original`), and one text per site language other than the source's own:

    source: h200-approval-ja
    paragraphs:
      # ¶1 中国、主要テック企業に4万以上のNvidia H200チップ購入を許可…
      - n: 1
        original: 3f1c0a9b2e4d
        en: "China allows major tech companies to buy more than 40,000 …"
        fr: "…"
        de: "…"

The fingerprint ties a translation to the words it translates: if a paragraph is
inserted or removed, the entries no longer match their paragraphs and `check` says
which paragraph each now follows; if an original paragraph is edited, `check` says the
translation is older than it. An empty text ("") is a translation still to be made:
readers see "translation pending" and `check` lists it as a notice, not an error.
Figures in each translation must equal the original's (see `parity.figures`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem
from .fields import Field, Fields, Judged
from .language import left_in_english
from .languages import name as language_name
from .load import Key, read_yaml
from .model import Source
from .parity import figures

SUFFIX = ".translations.yml"
# A paragraph of the original changed after its translations were made: what `translated`
# records, so it alone does not block the stamp.
STALE = "translation.stale"
PREVIEW = 70  # characters of the original shown in the comment above each entry


def path_for(source: Source, root: Path) -> Path:
    """seeds/x/<id>.md -> seeds/x/<id>.translations.yml"""
    return (root / source.path).with_name(Path(source.path).stem + SUFFIX)


def targets(source: Source, languages: Sequence[str]) -> tuple[str, ...]:
    """The site languages a source is translated into: all but its own."""
    return tuple(lang for lang in languages if lang != source.language)


def paragraph_digest(paragraph: str) -> str:
    """12 hex digits identifying a paragraph's words (spacing and line breaks ignored)."""
    return hashlib.sha256(" ".join(paragraph.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Pending:
    """A source whose paragraphs are not all translated yet: per language, which ones."""

    path: str
    paragraphs: tuple[tuple[str, tuple[int, ...]], ...]  # (lang, numbers), in site order
    total: int
    has_file: bool = True  # False: the translations file is not written yet

    def format(self) -> str:
        parts = []
        for lang, numbers in self.paragraphs:
            which = (
                "all paragraphs"
                if len(numbers) == self.total
                else "¶" + ", ¶".join(map(str, numbers))
            )
            parts.append(f"{language_name(lang)} ({which})")
        source_id = Path(self.path).name.removesuffix(SUFFIX)
        return (
            f"{self.path}: translations pending: {'; '.join(parts)}; readers see "
            "'translation pending' until they are written"
            + ("" if self.has_file else f" (make translations SOURCE={source_id} writes the file)")
        )


@dataclass
class Translations:
    """One source's paragraph translations: texts[n][lang], '' where pending."""

    source_id: str
    path: str
    texts: dict[int, dict[str, str]] = field(default_factory=dict)
    lines: dict[int, int] = field(default_factory=dict)  # n -> line of its entry

    def text(self, number: int, lang: str) -> str:
        return self.texts.get(number, {}).get(lang, "")


def stray_translations(source: Source, root: Path) -> list[Problem]:
    """A translations file beside a source whose text the project does not hold."""
    path = path_for(source, root)
    if not path.exists():
        return []
    return [
        Problem(
            path.relative_to(root).as_posix(),
            1,
            "translations of a text the project does not hold: only the articles the "
            "briefing was given are held and translated",
            f"delete this file; what each paragraph reports goes in {source.id}.accounts.yml",
            "translation.not-held",
        )
    ]


def load_translations(
    source: Source, root: Path, languages: Sequence[str]
) -> tuple[Translations | None, list[Problem], list[Pending]]:
    """Read and check one source's translations file."""
    path = path_for(source, root)
    shown = path.relative_to(root).as_posix()
    if not path.exists():  # a source added by hand: not translated yet, like empty slots
        total = len(source.paragraphs)
        every = tuple(range(1, total + 1))
        return (
            None,
            [],
            [
                Pending(
                    shown,
                    tuple((lang, every) for lang in targets(source, languages)),
                    total,
                    has_file=False,
                )
            ],
        )
    value, lines, problems = read_yaml(path, shown)
    if problems:
        return None, problems, []
    checker = _Checker(source, shown, lines, languages)
    result = checker.check(value)
    return result, checker.problems, checker.pending()


class _Checker(Fields):
    """Checks one translations file: entries aligned with the source's paragraphs."""

    family = "translation"  # STALE is one of its codes

    def __init__(
        self, source: Source, shown: str, lines: dict[Key, int], languages: Sequence[str]
    ) -> None:
        self.targets = targets(source, languages)
        super().__init__(shown, lines, self.targets)
        self.source = source
        self.untranslated: dict[str, list[int]] = {lang: [] for lang in self.targets}
        # An entry: its paragraph's number, the original's stamp, a text per language
        # (each language's problems are worded per paragraph: _entry).
        self.form = [
            Field("n", Judged()),
            *(Field(name, Judged(), required=False) for name in ("original", *self.languages)),
        ]

    def check(self, value: object) -> Translations | None:
        source = self.source
        restamp = f"make translated SOURCES={source.id}"
        if not isinstance(value, dict) or set(value) != {"source", "paragraphs"}:
            self.report(
                1,
                "expected 'source:' and 'paragraphs:' only",
                f"keep the layout that `make translations SOURCE={source.id}` writes",
                "layout",
            )
            return None
        if value["source"] != source.id:
            self.report(
                self.line(("source",)),
                f"source: {value['source']!r} is not this file's source ('{source.id}')",
                f"write source: {source.id}",
                "other-source",
            )
        entries = value["paragraphs"]
        if not isinstance(entries, list):
            self.report(
                self.line(("paragraphs",)),
                "paragraphs: expected a list of entries",
                "one '- n: …' entry per paragraph",
                "not-list",
            )
            return None
        prints = [paragraph_digest(p) for p in source.paragraphs]
        result = Translations(source.id, self.path)
        for index, entry in enumerate(entries):
            if self._in_place(entry, index, len(prints)):
                self._entry(entry, index, entry["n"], prints, result, restamp)
        for number in range(len(entries) + 1, len(prints) + 1):
            self.report(
                self.line(("paragraphs",)),
                f"¶{number} of the original has no entry",
                f"add an entry 'n: {number}' (run: make translations SOURCE={source.id} "
                "to add the missing slots)",
                "no-entry",
            )
        return result

    def _in_place(self, entry: object, index: int, paragraphs: int) -> bool:
        """Whether the entry is one, for the paragraph of its place in the list."""
        line = self.line(("paragraphs", index))
        if not isinstance(entry, dict) or not isinstance(entry.get("n"), int):
            self.report(
                line,
                "expected an entry 'n: <paragraph number>' with 'original:' and "
                "one text per language",
                "copy the layout of the entries around it",
                "not-entry",
            )
            return False
        number = entry["n"]
        if number != index + 1:
            self.report(
                line,
                f"entry {index + 1} is for ¶{number}: entries must follow the "
                "paragraphs in order, one each",
                f"put the entry for ¶{index + 1} here",
                "out-of-order",
            )
            return False
        if number > paragraphs:
            self.report(
                line,
                f"¶{number}: the original has only {paragraphs} paragraphs",
                "remove this entry, or check whether a paragraph was removed from "
                f"{self.source.path}",
                "no-paragraph",
            )
            return False
        return True

    def unknown(self, key: Key, name: str, allowed: Sequence[str]) -> None:
        self.report(
            self.line((*key, name)),
            f"¶{int(key[-1]) + 1}: unknown field '{name}'",
            f"use only: {', '.join(allowed)}"
            + (
                " (a source is not translated into its own language)"
                if name == self.source.language
                else ""
            ),
            "unknown-field",
        )

    def _entry(
        self,
        entry: dict[str, Any],
        index: int,
        number: int,
        prints: list[str],
        result: Translations,
        restamp: str,
    ) -> None:
        key = ("paragraphs", index)
        result.lines[number] = self.line(key)
        self.keys(self.form, key, entry)
        aligned = self._aligned(entry, key, number, prints, restamp)
        texts: dict[str, str] = {}
        expected = figures(self.source.paragraphs[number - 1], self.source.language)
        for lang in self.targets:
            text = self._text(entry, key, number, lang)
            if text is None:
                continue
            texts[lang] = text
            if text:
                self._compare(text, (*key, lang), number, lang, expected if aligned else None)
            else:
                self.untranslated[lang].append(number)
        result.texts[number] = texts

    def _aligned(
        self, entry: dict[str, Any], key: Key, number: int, prints: list[str], restamp: str
    ) -> bool:
        """Whether the entry translates its paragraph as the original now reads; if not,
        whether the paragraph moved (misaligned) or changed (stale)."""
        stamp = entry.get("original")
        if stamp == prints[number - 1]:
            return True
        follows = [n + 1 for n, p in enumerate(prints) if p == stamp]
        if follows:
            self.report(
                self.line((*key, "original")),
                f"¶{number}: no longer aligned: this entry translates ¶{follows[0]} "
                "of the original (a paragraph was inserted or removed)",
                f"move the entry to n: {follows[0]} and give ¶{number} its own translation",
                "misaligned",
            )
        else:
            source = self.source
            self.report(
                self.line((*key, "original")),
                f"¶{number} of the original changed after this translation was made",
                f"update the translations of ¶{number} to the new text "
                f"({source.path}:{source.paragraph_lines[number - 1]}), then run: "
                f"{restamp}",
                "stale",
            )
        return False

    def _text(self, entry: dict[str, Any], key: Key, number: int, lang: str) -> str | None:
        """The entry's text in a language ("" while pending), or None if it has none."""
        value = entry.get(lang)
        if isinstance(value, str):
            return value.strip()
        self.report(
            self.line((*key, lang)) if lang in entry else self.line(key),
            f"¶{number}: the {language_name(lang)} translation is missing",
            f'add \'{lang}: "…"\' (an empty "" marks it as pending)',
            "missing",
        )
        return None

    def _compare(
        self, text: str, key: Key, number: int, lang: str, expected: frozenset[str] | None
    ) -> None:
        """The translation states the original's figures (when it is compared with the
        paragraph it translates: `expected`) and is not left in English."""
        stated = figures(text, lang)
        if expected is not None and stated != expected:
            self.report(
                self.line(key),
                f"¶{number}: the {language_name(lang)} translation states "
                f"other figures than the original (only in the translation: "
                f"{sorted(stated - expected)}; only in the original: "
                f"{sorted(expected - stated)})",
                "give every figure as the original does (an error in the original "
                "is kept, not corrected)",
                "figures-differ",
            )
        if left_in_english(text, lang):
            self.report(
                self.line(key),
                f"¶{number}: the {language_name(lang)} translation reads as English",
                f"translate it into {language_name(lang)}",
                "left-in-english",
            )

    def pending(self) -> list[Pending]:
        waiting = tuple(
            (lang, tuple(numbers)) for lang, numbers in self.untranslated.items() if numbers
        )
        return [Pending(self.path, waiting, len(self.source.paragraphs))] if waiting else []


def render_file(
    source: Source,
    languages: Sequence[str],
    existing: Translations | None = None,
    stamps: Mapping[int, str] | None = None,
) -> str:
    """The translations file for a source: existing texts kept, empty slots added.

    `stamps` gives the fingerprint to record per paragraph (default: the current one).
    """
    out = [
        f"# Translations of {source.path} by this site, paragraph by paragraph.",
        "# They are the site's work, not the outlet's words. Each entry: n = the paragraph's",
        "# number, original = fingerprint of the words it translates (`make translated",
        f"# SOURCES={source.id}` records the current ones), then one text per language.",
        '# An empty "" shows readers "translation pending".',
        f"source: {source.id}",
        "paragraphs:",
    ]
    for number, paragraph in enumerate(source.paragraphs, start=1):
        preview = " ".join(paragraph.split())
        preview = preview if len(preview) <= PREVIEW else preview[: PREVIEW - 1] + "…"
        stamp = (stamps or {}).get(number, paragraph_digest(paragraph))
        # Quoted: a fingerprint of digits only would otherwise be read as a number.
        out += [f"  # ¶{number} {preview}", f"  - n: {number}", f'    original: "{stamp}"']
        for lang in targets(source, languages):
            text = existing.text(number, lang) if existing else ""
            out.append(f"    {lang}: {json.dumps(text, ensure_ascii=False)}")
    return "\n".join(out) + "\n"


def scaffold(source: Source, root: Path, languages: Sequence[str]) -> Path | None:
    """Write empty translation slots for a new source with text (never overwrites)."""
    path = path_for(source, root)
    if not source.has_text or path.exists():
        return None
    path.write_text(render_file(source, languages), encoding="utf-8")
    return path


def realign(source: Source, root: Path, languages: Sequence[str]) -> str:
    """The file rewritten for the current paragraphs, every text kept with the words it
    translates: an entry moves with its paragraph (matched by fingerprint); an entry whose
    paragraph changed stays at its number with its old fingerprint, so `check` still says
    it is older than the original; a new paragraph gets empty slots."""
    path = path_for(source, root)
    old: list[tuple[int, str, dict[str, str]]] = []
    value = read_yaml(path, source.path)[0] if path.exists() else None
    entries = value.get("paragraphs") if isinstance(value, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("n"), int):
            old.append(
                (
                    entry["n"],
                    str(entry.get("original") or ""),
                    {lang: str(entry.get(lang) or "") for lang in targets(source, languages)},
                )
            )
    prints = [paragraph_digest(p) for p in source.paragraphs]
    by_print = {stamp: texts for _, stamp, texts in old if stamp in prints}
    kept = Translations(source.id, "")
    stamps: dict[int, str] = {}
    for number, stamp in enumerate(prints, start=1):
        if stamp in by_print:
            kept.texts[number] = by_print[stamp]
            continue
        stale = next(((s, t) for n, s, t in old if n == number and s not in prints), None)
        if stale:
            stamps[number], kept.texts[number] = stale
    return render_file(source, languages, kept, stamps)
