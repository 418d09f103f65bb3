"""Each language's typography, applied mechanically to every built page at render time.

Editors type ordinary spaces and ASCII punctuation; the reader gets what a French, German
or Japanese typesetter would set:
  French:   narrow no-break space (U+202F) before ; : ! ? » and after «, in thousands
            groups and before %; no-break space (U+00A0) between a number and its unit.
  German:   no-break space between a number and its unit or %; four-digit numbers are not
            grouped (6500, not 6.500).
  Japanese: full-width （ ） ： in prose, 〜 for ranges; no space between a number and
            its unit.
Only text is touched, never markup: not code, scripts or styles, not a URL, not a
verbatim original (`data-verbatim`) and not a passage in another language (`lang`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"

UNITS = (
    r"(?:TFLOPS|PFLOPS|To/s|Go/s|Mo/s|TB/s|GB/s|MB/s|To|Go|Mo|TB|GB|MB|W|kW|nm|mm²|"
    r"GHz|MHz|Mrd\.|Mio\.)"
)
URL_RE = re.compile(r"https?://\S+")
HOLD = "\ue000"  # a private-use character stands in for each URL

_FR = [
    (re.compile(r"(?<=\S)[ \u00a0]([;:!?»])"), NNBSP + r"\1"),  # "mot :" -> "mot\u202f:"
    (re.compile(r"«[ \u00a0]"), "«" + NNBSP),
    (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))"), NNBSP),  # 400 000
    (re.compile(r"(?<=\d)[ \u00a0]%"), NNBSP + "%"),
    (re.compile(r"(?<=\d)%"), NNBSP + "%"),
    (re.compile(rf"(?<=\d) (?={UNITS}(?![\w/]))"), NBSP),
]
_DE = [
    (re.compile(r"(?<![\d.,])(\d)\.(\d{3})(?![\d.,]?\d)"), r"\1\2"),  # 6.500 -> 6500
    (re.compile(r"(?<=\d) %"), NBSP + "%"),
    (re.compile(rf"(?<=\d) (?={UNITS}(?![\w/]))"), NBSP),
]
_JA = [
    (re.compile(r"\("), "（"),
    (re.compile(r"\)"), "）"),
    (re.compile(r"(?:(?<!\d):|:(?!\d)) ?"), "："),  # not between digits (10:30)
    (re.compile(r"(?<=\d)[~～](?=\d)|(?<=[日月年])[~～](?=\d)"), "〜"),
    (re.compile(rf"(?<=\d) (?={UNITS}(?![\w/]))"), ""),
]
RULES: dict[str, list[tuple[re.Pattern[str], str]]] = {"fr": _FR, "de": _DE, "ja": _JA}
# A character every rule of the language needs: text without one is left as it is, unread.
NEEDS = {"fr": re.compile(r"[;:!?«»\d]"), "de": re.compile(r"\d"), "ja": re.compile(r"[():~～\d]")}


def apply(text: str, lang: str) -> str:
    """`text` (plain text, no markup) set in `lang`'s typography; URLs left alone."""
    rules = RULES.get(lang)
    if not rules or not text or not NEEDS[lang].search(text):
        return text
    urls = iter(URL_RE.findall(text))
    text = URL_RE.sub(HOLD, text)  # a URL is one opaque word while the rules run
    for pattern, repl in rules:
        text = pattern.sub(repl, text)
    return re.sub(HOLD, lambda _: next(urls), text)


TAG_RE = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S)
LANG_RE = re.compile(r"""\blang\s*=\s*["']?([\w-]+)""")
SKIP = frozenset(("code", "pre", "script", "style", "kbd", "samp", "textarea", "template"))
VOID = frozenset(
    (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    )
)


def apply_html(html: str, lang: str) -> str:
    """`html` with `lang`'s typography applied to its text nodes only."""
    if lang not in RULES:
        return html
    return _walk(html, lambda text: apply(text, lang), lang)


def _walk(html: str, fix: Callable[[str], str], lang: str) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skipped) for open elements
    skipped = 0  # how many open elements switch typography off
    pos = 0
    for match in TAG_RE.finditer(html):
        text = html[pos : match.start()]
        out.append(text if skipped or not text.strip() else fix(text))
        out.append(match.group(0))
        pos = match.end()
        closing, name, attrs = match.group(1), match.group(2), match.group(3)
        if name is None:
            continue
        name = name.lower()
        if closing:
            while stack:  # close up to the matching element (tolerates unclosed <p>, <li>)
                tag, skip = stack.pop()
                skipped -= skip
                if tag == name:
                    break
            continue
        if name in VOID or attrs.rstrip().endswith("/"):
            continue
        other = LANG_RE.search(attrs)
        skip = (
            name in SKIP
            or "data-verbatim" in attrs
            or (other is not None and other.group(1).split("-")[0] != lang)
        )
        stack.append((name, skip))
        skipped += skip
    tail = html[pos:]
    out.append(tail if skipped or not tail.strip() else fix(tail))
    return "".join(out)
