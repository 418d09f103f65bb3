"""Do a page's translations say the same thing? Same citations, same figures.

Figures are compared after normalising each language's way of writing numbers:
400,000 = 40万 = 400 000 = 400.000; 4.6 billion = 46億 = 4,6 milliards = 4,6 Milliarden;
6.7× = 6.7倍 = 6 times = 6 fois = 6-mal. Years, days and paragraph numbers are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from .citations import find_citations

UNITS = (r"(?:GB/s|GB|TB/s|TFLOPS|TOPS|W\b|nm|%|×|倍|Go/s|Go|To/s|ワット"
         r"|times\b|fois\b|-?mal\b|-?fach\b)")
MULTIPLIERS = {
    "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9, "milliard": Decimal(10) ** 9,
    "milliards": Decimal(10) ** 9, "milliarde": Decimal(10) ** 9, "milliarden": Decimal(10) ** 9,
    "mrd": Decimal(10) ** 9, "億": Decimal(10) ** 8, "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6, "millionen": Decimal(10) ** 6, "mio": Decimal(10) ** 6,
    "万": Decimal(10) ** 4, "百万": Decimal(10) ** 6,
}
NUMBER_RE = re.compile(
    r"(?<![A-Za-z0-9.,¶])(\d{1,3}(?:[,\u202f\u00a0 .]\d{3})+|\d+)(?:([.,])(\d+))?"
    r"\s?(百万|万|億|billions?|milliards?|milliarden?|mrd|millions?|millionen|mio)?"
    r"[\s-]?(" + UNITS + r")?",
    re.IGNORECASE,
)
DATE_WORDS = re.compile(r"^\s?(年|月|日|月期)")


def _value(whole: str, sep: str | None, frac: str | None, lang: str) -> Decimal | None:
    digits = re.sub(r"[,\u202f\u00a0 .]", "", whole)
    grouped = digits != whole
    if sep and frac:
        # "4.8" in en/ja, "4,8" in fr/de; "1,979" in en is grouping, caught above.
        decimal_sep = "," if lang in ("fr", "de") else "."
        if sep != decimal_sep:
            return None if not grouped else Decimal(digits)
        digits = f"{digits}.{frac}"
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def figures(text: str, lang: str) -> set[str]:
    """The figures a text states, normalised so that translations can be compared."""
    cites, _ = find_citations(text, "")
    for citation in reversed(cites):
        text = text[: citation.start] + " " + text[citation.end :]
    text = re.sub(r"`[^`]*`|<!--.*?-->|\]\([^)]*\)", " ", text)
    # Japanese compound numbers: 42万1000 = 421000.
    text = re.sub(r"(\d+)万(\d{1,4})(?!\d)", lambda m: str(int(m[1]) * 10000 + int(m[2])), text)
    found: set[str] = set()
    for match in NUMBER_RE.finditer(text):
        whole, sep, frac, mult, unit = match.groups()
        if DATE_WORDS.match(text[match.end(): match.end() + 3]) and not (mult or unit):
            continue
        value = _value(whole, sep, frac, lang)
        if value is None:
            continue
        if mult:
            value *= MULTIPLIERS[mult.lower()]
        is_year = 1990 <= value <= 2039 and value == int(value) and not (mult or unit)
        if unit or mult or (value >= 1000 and not is_year):
            unit = (unit or "").lstrip("-")
            kind = {"倍": "×", "times": "×", "fois": "×", "mal": "×", "fach": "×", "go": "GB",
                    "go/s": "GB/s", "to/s": "TB/s"}.get(unit.lower(), unit)
            found.add(f"{value.normalize():f}{kind}")
    return found


def citation_keys(text: str) -> set[tuple[str, str]]:
    cites, _ = find_citations(text, "")
    return {c.key for citation in cites for c in citation.cites}


def compare(texts: Mapping[str, str], reference: str = "en") -> list[str]:
    """Differences between translations and the reference language, as readable lines."""
    from .freshness import body_of

    texts = {lang: body_of(text) for lang, text in texts.items()}  # not the front matter
    out = []
    base_keys, base_figs = citation_keys(texts[reference]), figures(texts[reference], reference)
    for lang, text in texts.items():
        if lang == reference:
            continue
        keys, figs = citation_keys(text), figures(text, lang)
        if keys != base_keys:
            out.append(f"{lang}: citations only in {lang}: {sorted(keys - base_keys)}; "
                       f"only in {reference}: {sorted(base_keys - keys)}")
        if figs != base_figs:
            out.append(f"{lang}: figures only in {lang}: {sorted(figs - base_figs)}; "
                       f"only in {reference}: {sorted(base_figs - figs)}")
    return out
