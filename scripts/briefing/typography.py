"""Each language's typography, applied mechanically to every built page at render time.

Editors type ordinary spaces and ASCII punctuation; the reader gets what a French, German,
Japanese or Chinese typesetter would set (the rules are each language's record, languages.py):
  French:   narrow no-break space (U+202F) before ; : ! ? » and after «, in thousands
            groups and before %; no-break space (U+00A0) between a number and its unit.
  German:   no-break space between a number and its unit or %; four-digit numbers are not
            grouped (6500, not 6.500).
  Japanese: full-width （ ） ： in prose, 〜 for ranges; no space between a number and
            its unit.
  Chinese:  full-width ，。：；！？（ ） after Chinese text.
Only text is touched, never markup: not code, scripts or styles, not a URL, not a
verbatim original (`data-verbatim`) and not a passage in another language (`lang`).
"""

from __future__ import annotations

import re

from .caches import Lifetime, memo
from .languages import LANGUAGES, Rule

URL_RE = re.compile(r"https?://\S+")
HOLD = "\ue000"  # a private-use character stands in for each URL
WORD = "\ue001"  # stands in for the word an inline element ends with
AFTER_TAG = re.compile(r"[ \u00a0][;:!?»]")

# Each language's rules and the character every one of them needs (text without one is left
# as it is, unread), from its record in languages.py.
RULES: dict[str, tuple[Rule, ...]] = {
    code: language.typography for code, language in LANGUAGES.items() if language.typography
}
NEEDS = {code: language.needs for code, language in LANGUAGES.items() if language.needs}


def apply(text: str, lang: str) -> str:
    """`text` (plain text, no markup) set in `lang`'s typography; URLs left alone."""
    rules = RULES.get(lang)
    if not rules or not text or not NEEDS[lang].search(text):
        return text
    return _set(text, lang)


@memo(Lifetime.PROCESS, maxsize=1 << 14)  # a page's labels, dates and notices recur on every page
def _set(text: str, lang: str) -> str:
    urls = iter(URL_RE.findall(text))
    text = URL_RE.sub(HOLD, text)  # a URL is one opaque word while the rules run
    for pattern, repl in RULES[lang]:
        text = pattern.sub(repl, text)
    return re.sub(HOLD, lambda _: next(urls), text)


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
# An opening tag that may switch typography off for its element: a SKIP element, a verbatim
# original or a passage with a `lang` (the lookahead also takes `hreflang`; `_skipped` reads
# the tag's own `lang`). Found in one pass; the text between is set.
_MAY_SKIP = re.compile(
    r"<(?:("
    + "|".join(sorted(SKIP))
    + r")\b|([a-zA-Z][\w:-]*)\b(?=[^>]*?[dl]a(?:ta-verbatim|ng\s*=)))"
    r"[^>]*>",
    re.I,
)
# A run of text after a tag holding a character the language's rules need (text without one
# is passed over in the regex, not in Python). Comments and doctypes are passed over whole
# but for their closing ">", which starts the run of text after them.
_TEXT = {
    lang: re.compile(rf"<!--.*?--(?=>)|<![^>]*(?=>)|>[^<]*{needs.pattern}[^<]*", re.S)
    for lang, needs in NEEDS.items()
}


def apply_html(html: str, lang: str) -> str:
    """`html` with `lang`'s typography applied to its text nodes only."""
    if lang not in RULES:
        return html
    out: list[str] = []
    pos = 0
    for start, end in _skipped(html, lang):
        out += [_set_text(html[pos:start], lang), html[start:end]]
        pos = end
    out.append(_set_text(html[pos:], lang))
    return "".join(out)


def _set_text(markup: str, lang: str) -> str:
    """The text runs of `markup` (no skipped element inside) set in `lang`'s typography."""

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        if run[0] != ">":
            return run
        if AFTER_TAG.match(run, 1):
            # " ; " right after a citation marker or a link: the text before it is in the
            # element, so the run is set as if it went on from a word ("[12] ;" -> "[12] ;").
            return ">" + apply(WORD + run[1:], lang)[len(WORD) :]
        return ">" + apply(run[1:], lang)

    lead = markup.find("<")  # text before the first tag
    if lead < 0:
        return apply(markup, lang)
    return apply(markup[:lead], lang) + _TEXT[lang].sub(fix, markup[lead:])


def _skipped(html: str, lang: str) -> list[tuple[int, int]]:
    """The spans of `html` (start of an opening tag to the end of its closing tag) whose
    text keeps its typography: code, scripts, verbatim originals, other languages."""
    spans = []
    pos = 0
    while match := _MAY_SKIP.search(html, pos):
        tag = match.group(0)
        name = (match.group(1) or match.group(2)).lower()
        pos = match.end()
        if match.group(2):  # only data-verbatim or another language switches it off
            other = LANG_RE.search(tag[len(name) + 1 :])
            if "data-verbatim" not in tag and (
                other is None or other.group(1).split("-")[0] == lang
            ):
                continue
        if name in VOID or tag.endswith("/>"):
            continue
        end = _element_end(html, name, pos)
        spans.append((match.start(), end))
        pos = end
    return spans


def _element_end(html: str, name: str, pos: int) -> int:
    """Where the element `name` opened just before `pos` ends: after its closing tag, with
    elements of the same name nested inside counted (the end of `html` if it is unclosed)."""
    depth = 1
    tags = _tags_named(name)
    while match := tags.search(html, pos):
        pos = match.end()
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return pos
    return len(html)


@memo(Lifetime.PROCESS, maxsize=None)
def _tags_named(name: str) -> re.Pattern[str]:
    """The opening and closing tags of the element `name`."""
    return re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.I)
