"""A person's quoted words, each kept once: data/quotes.yml.

    quotes:
      - id: peters-none-so-far
        speaker: {en: "David Peters (Commerce Department)", ja: …, fr: …, de: …}
        source: reuters-bt-h200-none-sold-2026-02   # the source that reports the words
        paragraph: 3
        language: en                # the language of the words as the source gives them
        original: "none so far"     # the words as the source gives them
        wording: speaker            # whose wording `original` is: speaker | outlet-translation
                                    # | machine-translation (by the outlet's machine)
        text: {en: "none so far", ja: "これまでのところゼロ", fr: "…", de: "…"}
        variants: ["jusqu'à présent, aucune"]   # optional: other renderings seen, refused

A page, an event or a note writes `{q:peters-none-so-far}`; each language shows its one
rendering (templating.quote_text says whose wording it is when it is not the speaker's own
words in that language). `check` reports a quotation typed by hand that is close to an entry but not
its rendering, with the line and the entry to use.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .data import Quote, _entries, _reader
from .errors import Problem
from .model import Source

WORDINGS = ("speaker", "outlet-translation", "machine-translation")
TYPED_OUT = "quote.typed-out"  # a quotation typed by hand where {q:id} belongs
TOKEN_RE = re.compile(r"\{q:([a-z0-9-]+)\}")
QUOTED_RE = re.compile(
    r"“([^”]{2,})”|«\s?([^»]{2,}?)\s?»|„([^“”]{2,})[“”]|「([^」]{2,})」|\"([^\"]{2,})\""
)
CLOSE = 0.7  # how alike (characters, or words in any order) a hand-typed quotation and an
# entry's rendering must be to be flagged; renderings seen that share neither are listed in
# the entry's `variants:`


def load_quotes(
    path: Path,
    root: Path,
    sources: Mapping[str, Source],
    broken: set[str],
    languages: Sequence[str],
) -> tuple[dict[str, Quote], list[Problem]]:
    if not path.exists():
        return {}, []
    reader = _reader(path, root, sources, broken, languages)
    quotes: dict[str, Quote] = {}
    fields = ["id", "speaker", "source", "language", "original", "wording", "text"]
    optional = ["paragraph", "variants"]  # no paragraph: a record without text or accounts
    for key, entry, ident in _entries(reader, "quotes", fields, "quote", optional=optional):
        source = sources.get(entry["source"])
        if source is None and entry["source"] not in broken:
            reader.fail(
                (*key, "source"),
                f"no source has id {entry['source']!r}",
                "give the id of the source that reports the words",
                "unknown-ref",
            )
        paragraph = entry.get("paragraph")
        if (
            source is not None
            and source.paragraph_count > 0
            and (not isinstance(paragraph, int) or not 1 <= paragraph <= source.paragraph_count)
        ):
            reader.fail(
                (*key, "paragraph"),
                f"{paragraph!r} is not a paragraph of {source.id} "
                f"({source.paragraph_count} paragraphs)",
                "give the number of the paragraph that reports the words",
                "out-of-range",
            )
        if entry["wording"] not in WORDINGS:
            reader.fail(
                (*key, "wording"),
                f"{entry['wording']!r} is not one of {', '.join(WORDINGS)}",
                "say whose wording the original is: the speaker's own, or a translation",
                "not-allowed",
            )
        if not isinstance(entry["language"], str) or not entry["language"].strip():
            reader.fail(
                (*key, "language"), "expected a language tag", "e.g. language: en", "bad-language"
            )
        speaker = reader.texts((*key, "speaker"), entry["speaker"], cited=False)
        text = reader.texts((*key, "text"), entry["text"], cited=False)
        original = entry["original"]
        if not isinstance(original, str) or not original.strip():
            reader.fail(
                (*key, "original"), "the words are missing", "copy them from the source", "missing"
            )
            continue
        if speaker and text and entry["wording"] in WORDINGS:
            quotes[ident] = Quote(
                ident,
                speaker,
                str(entry["source"]),
                paragraph if isinstance(paragraph, int) else None,
                str(entry["language"]),
                original.strip(),
                str(entry["wording"]),
                text,
                tuple(str(v) for v in entry.get("variants") or ()),
            )
    return quotes, reader.problems


def tokens_in(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _alike(a: str, b: str) -> float:
    """How alike two normalised texts are: by characters, or by words in any order."""
    chars = difflib.SequenceMatcher(None, a, b).ratio()
    words_a, words_b = set(a.split()), set(b.split())
    if len(words_a) < 2 or len(words_b) < 2:
        return chars
    return max(chars, len(words_a & words_b) / len(words_a | words_b))


def hand_typed(
    texts: Iterator[tuple[str, str, str, int]], quotes: Mapping[str, Quote]
) -> list[Problem]:
    """Quotations typed by hand, in (path, language, text, line) texts, that are close to an
    entry's rendering in that language (or to its original) without being it, or that give
    as the speaker's own words an entry whose wording is a translation."""
    problems = []
    for path, lang, text, line in texts:
        for quote in quotes.values():
            for problem in _against(path, lang, text, line, quote):
                problems.append(problem)
                break
    return problems


def _against(path: str, lang: str, text: str, line: int, quote: Quote) -> Iterator[Problem]:
    rendering = _norm(quote.text.get(lang, ""))
    original = _norm(quote.original)
    for match in QUOTED_RE.finditer(text):
        said = _norm(next(g for g in match.groups() if g))
        if not said or len(said) < 4:
            continue
        known = {_norm(v) for v in quote.variants}
        close = max(
            _alike(said, rendering) if rendering else 0.0,
            _alike(said, original),
            1.0 if said in known else 0.0,
        )
        if close < CLOSE:
            continue
        exact = said in (rendering, original)
        if exact and quote.wording == "speaker":
            continue  # the entry's own words, typed out: not a different rendering
        yield Problem(
            path,
            line,
            f"the quotation {match.group(0)} "
            + (
                f"gives as the speaker's words a {quote.wording.replace('-', ' ')}"
                if exact
                else f"differs from the one rendering of data/quotes.yml '{quote.id}' "
                f"({quote.text.get(lang, quote.original)!r})"
            ),
            f"write {{q:{quote.id}}}: the site shows the entry's rendering and whose wording it is",
            TYPED_OUT,
        )
        return


def unknown_tokens(
    texts: Iterator[tuple[str, str, str, int]], quotes: Mapping[str, Any]
) -> list[Problem]:
    """A {q:id} naming no entry of data/quotes.yml."""
    return [
        Problem(
            path,
            line,
            f"{{q:{ident}}} names no quotation of data/quotes.yml",
            "use the id of an entry there, or add the entry",
            "quote.unknown-id",
        )
        for path, _lang, text, line in texts
        for ident in tokens_in(text)
        if ident not in quotes
    ]
