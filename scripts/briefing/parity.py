"""Do a page's translations say the same thing? Same citations, same figures.

Figures are compared after normalising each language's way of writing numbers:
400,000 = 40万 = 400 000 = 400.000; 4.6 billion = 46億 = 46亿 = 4,6 milliards = 4,6 Milliarden;
6.7× = 6.7倍 = 6 times = 6 fois = 6-mal. Years, days and paragraph numbers are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Protocol, TypeVar

from babel.numbers import get_decimal_symbol

from . import DEFAULT_LANGUAGE
from .caches import Lifetime, memo
from .citations import find_citations
from .errors import Problem
from .languages import LANGUAGES, record
from .load import body_of

# The codes of a translation citing, or stating figures, other than its English page.
CITATIONS_DIFFER = "parity.citations-differ"
FIGURES_DIFFER = "parity.figures-differ"

UNITS = (
    r"(?:GB/s|GB|TB/s|TFLOPS|TOPS|W(?![A-Za-z0-9])|nm|%|×|倍|Go/s|Go|To/s|ワット"
    r"|Prozent\b|pour cent\b|percent\b|per cent\b|times\b|fois\b|-?mal\b"
    r"|-?fach(?:e[nrsm]?)?\b|-?fold\b|x(?![A-Za-z0-9]))"
)
# Every language's magnitude words (languages.py): a figure is read the same in any text
# ("4,6 Mrd." quoted in a French page is still 4.6 billion).
MULTIPLIERS: dict[str, Decimal] = {
    word: value for language in LANGUAGES.values() for word, value in language.multipliers.items()
}
# Long-scale languages: French "billion(s)" and German "Billion(en)" are 10^12.
LONG_SCALE = {code: language.long_scale for code, language in LANGUAGES.items()}
_LONG_WORDS = {word for words in LONG_SCALE.values() for word in words}
_MAGNITUDE = "|".join(
    re.escape(word) for word in sorted({*MULTIPLIERS, *_LONG_WORDS}, key=len, reverse=True)
)
_CJK_MAGNITUDES = "".join(sorted(w for w in MULTIPLIERS if len(w) == 1))  # 万億亿兆
NUMBER_RE = re.compile(
    r"(?<![A-Za-z0-9.,¶])(\d{1,3}(?:[,\u202f\u00a0 .]\d{3})+|\d+)(?:([.,])(\d+))?"
    rf"\s?({_MAGNITUDE})?"
    r"[\s-]?(" + UNITS + r")?",
    re.IGNORECASE,
)
DATE_WORDS = re.compile(r"^\s?(年|月|日|月期)")
# Small numbers written as words, when they count a multiple ("six times", "deux millions",
# "sechsmal", "die sechsfache Leistung"): a translation may write 6 where the original
# writes six, and the figures must still compare equal.
NUMBER_WORDS = {
    word: str(value)
    for language in LANGUAGES.values()
    for value, word in enumerate(language.number_words, start=2)
}
WORD_MULTIPLE_RE = re.compile(
    r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(e|en|es)?"
    r"(?=\s?-?(?:times\b|fois\b|mal\b|fach|fold\b|billions?\b|milliards?\b|milliarden?\b"
    r"|millions?\b|millionen\b|percent\b|per cent\b|pour cent\b|prozent\b))",
    re.IGNORECASE,
)


# "One" counts only before a magnitude word: "une fois" and "einmal" are no multiple.
ONE_MULTIPLE_RE = re.compile(
    r"\b(?:one|a|un|une|d'un|d’un|eine?|einer)\s+(?=(?:million|millions|"
    r"billion|milliard|milliarde|millionen?)\b)",
    re.IGNORECASE,
)
# Doubling in words: "twice as", "twice the", "doubles", "nearly doubled", "doppelt so",
# "verdoppelt", "a doublé", "le double", "倍増", "倍近く" all state 2×.
DOUBLE_RE = re.compile(
    r"\btwice(?=\s+(?:as|the|its|that|their)\b)"  # "shown twice" is no multiple
    r"|\bdoubl(?:e|es|ed|ing|er|é|ée|és|ées|ant|ement)\b(?!-|\s+usage)"  # not double-digit
    r"|\bdoppelt(?=\s+so\b)|\bverdopp\w*|\bdoppelte[nmrs]?\b"  # not "doppelt angezeigt"
    r"|(?<![\d万億])(?:倍増|倍近く|倍に(?=増|な))|(?:ほぼ|およそ)倍(?![\d増])",  # "5倍近く": 5×
    re.IGNORECASE,
)
# A range whose unit or magnitude is written once, after its second figure: "$2–5 billion",
# "5 to 10%", "20〜50億": the first figure takes the same ("2 billion–5 billion").
RANGE_RE = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d+)?)(\s?(?:–|—|-|〜|~|to|à|bis|au)\s?\$?)(\d+(?:[.,]\d+)?)"
    r"(\s?)(billions?|milliards?|milliarden?|millions?|millionen|["
    + _CJK_MAGNITUDES
    + r"]|%|×|倍)",
    re.IGNORECASE,
)


def _value(whole: str, sep: str | None, frac: str | None, lang: str) -> Decimal | None:
    marks = re.findall(r"[,\u202f\u00a0 .]", whole)
    if len(marks) == 1 and marks[0] == get_decimal_symbol(lang) and not sep:
        # "3.904 billion" in English is a decimal, not 3,904 (German groups with "."): the
        # language's decimal mark, used once, is a decimal mark.
        int_part, frac_part = re.split(r"[,.]", whole)
        return Decimal(f"{int_part}.{frac_part}")
    digits = re.sub(r"[,\u202f\u00a0 .]", "", whole)
    grouped = digits != whole
    if sep and frac:
        # "4.8" in en/ja, "4,8" in fr/de (the locale's symbol); "1,979" in en is grouping.
        decimal_sep = get_decimal_symbol(lang)
        if sep != decimal_sep:
            return None if not grouped else Decimal(digits)
        digits = f"{digits}.{frac}"
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _range(match: re.Match[str]) -> str:
    """ "2–5 billion" -> "2 billion–5 billion"; "5000〜1万" stays (5000 is not 5000万)."""
    first, joint, second, space, unit = match.groups()
    try:
        smaller = Decimal(first.replace(",", ".")) < Decimal(second.replace(",", "."))
    except InvalidOperation:
        smaller = False
    return f"{first}{space}{unit if smaller else ''}{joint}{second}{space}{unit}"


@memo(Lifetime.PROCESS)  # pure, and asked again for the same texts on every rebuild
def figures(text: str, lang: str) -> frozenset[str]:
    """The figures a text states, normalised so that translations can be compared."""
    cites, _ = find_citations(text, "")
    for citation in reversed(cites):
        text = text[: citation.start] + " " + text[citation.end :]
    text = re.sub(r"`[^`]*`|<!--.*?-->|\]\([^)]*\)", " ", text)
    text = WORD_MULTIPLE_RE.sub(lambda m: NUMBER_WORDS[m[1].lower()], text)
    text = ONE_MULTIPLE_RE.sub("1 ", text)  # "un million", "eine Million", "one billion"
    text = DOUBLE_RE.sub(" 2-mal ", text)  # "doppelt so hoch" = twice as high
    text = RANGE_RE.sub(_range, text)
    for pattern, replacement in record(lang).figure_rewrites:  # 百分之46 = 46%
        text = pattern.sub(replacement, text)
    # Japanese 39億400万 = 390400万 (Chinese 39亿400万).
    text = re.sub(r"(\d+)([億亿])(\d{1,4})万", lambda m: f"{int(m[1]) * 10000 + int(m[3])}万", text)
    # Japanese compound numbers: 42万1000 = 421000.
    text = re.sub(r"(\d+)万(\d{1,4})(?!\d)", lambda m: str(int(m[1]) * 10000 + int(m[2])), text)
    # 7兆8300億 = 78300億.
    text = re.sub(r"(\d+)兆(\d{1,4})億", lambda m: f"{int(m[1]) * 10000 + int(m[2])}億", text)
    found: set[str] = set()
    for match in NUMBER_RE.finditer(text):
        whole, sep, frac, mult, unit = match.groups()
        if DATE_WORDS.match(text[match.end() : match.end() + 3]) and not (mult or unit):
            continue
        value = _value(whole, sep, frac, lang)
        if value is None:
            continue
        if mult:
            key = mult.lower()
            value *= Decimal(10) ** 12 if key in LONG_SCALE.get(lang, ()) else MULTIPLIERS[key]
        is_year = 1990 <= value <= 2039 and value == int(value) and not (mult or unit)
        if unit or mult or (value >= 1000 and not is_year):
            unit = (unit or "").lstrip("-")
            unit = "fach" if unit.lower().startswith("fach") else unit
            kind = {
                "倍": "×",
                "times": "×",
                "fois": "×",
                "mal": "×",
                "fach": "×",
                "fold": "×",
                "x": "×",
                "go": "GB",
                "go/s": "GB/s",
                "to/s": "TB/s",
                "prozent": "%",
                "pour cent": "%",
                "percent": "%",
                "per cent": "%",
            }.get(unit.lower(), unit)
            found.add(f"{value.normalize():f}{kind}")
    return frozenset(found)


def citation_keys(text: str) -> set[tuple[str, str]]:
    cites, _ = find_citations(text, "")
    return {c.key for citation in cites for c in citation.cites}


def compare(texts: Mapping[str, str], reference: str = DEFAULT_LANGUAGE) -> list[str]:
    """Differences between translations and the reference language, as readable lines."""
    texts = {lang: body_of(text) for lang, text in texts.items()}  # not the front matter
    out = []
    base_keys, base_figs = citation_keys(texts[reference]), figures(texts[reference], reference)
    for lang, text in texts.items():
        if lang == reference:
            continue
        keys, figs = citation_keys(text), figures(text, lang)
        if keys != base_keys:
            out.append(
                f"{lang}: citations only in {lang}: {sorted(keys - base_keys)}; "
                f"only in {reference}: {sorted(base_keys - keys)}"
            )
        if figs != base_figs:
            out.append(
                f"{lang}: figures only in {lang}: {sorted(figs - base_figs)}; "
                f"only in {reference}: {sorted(base_figs - figs)}"
            )
    return out


class Text(Protocol):
    """A page's text as scanned: its path, its language and its body with first line."""

    path: str
    lang: str
    body: str
    body_line: int


def located(
    text: str, lang: str, first_line: int
) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """Citation keys and figures of a text, each with the first line that has it."""
    keys: dict[tuple[str, str], int] = {}
    cites, _ = find_citations(text, "", first_line)
    for citation in cites:
        for cite in citation.cites:
            keys.setdefault(cite.key, citation.line)
    figs: dict[str, int] = {}
    for offset, line in enumerate(text.split("\n")):
        for figure in figures(line, lang):
            figs.setdefault(figure, first_line + offset)
    return keys, figs


def _cite(key: tuple[str, str]) -> str:
    return f"[@{key[0]}{', ' + key[1] if key[1] else ''}]"


def differences(english: Text, translation: Text) -> list[Problem]:
    """Where a translation cites or states other things than its English page, by line."""
    en_keys, en_figs = located(english.body, english.lang, english.body_line)
    keys, figs = located(translation.body, translation.lang, translation.body_line)
    fix = (
        f"cite the same sources and paragraphs and state the same figures as "
        f"{english.path}; then run: make translated PAGES={translation.path}"
    )
    return [
        *_mismatches("cite", _cite, keys, en_keys, english, translation, fix, CITATIONS_DIFFER),
        *_mismatches(
            "state",
            "the figure {}".format,
            figs,
            en_figs,
            english,
            translation,
            fix,
            FIGURES_DIFFER,
        ),
    ]


# What `differences` compares: citation keys (source id, paragraph) or figures.
Compared = TypeVar("Compared", tuple[str, str], str)


def _mismatches(
    verb: str,
    show: Callable[[Compared], str],
    mine: Mapping[Compared, int],
    theirs: Mapping[Compared, int],
    english: Text,
    translation: Text,
    fix: str,
    code: str,
) -> list[Problem]:
    """What the translation has and its English page lacks, then the other way round."""
    found = []
    for item in sorted(set(mine) - set(theirs)):
        found.append(
            Problem(
                translation.path,
                mine[item],
                f"{verb}s {show(item)}, which the English page does not",
                fix,
                code,
            )
        )
    for item in sorted(set(theirs) - set(mine)):
        found.append(
            Problem(
                translation.path,
                translation.body_line,
                f"does not {verb} {show(item)}, which the English page {verb}s "
                f"({english.path}:{theirs[item]})",
                fix,
                code,
            )
        )
    return found
