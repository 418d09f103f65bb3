"""Is an account of a paragraph the site's own words, or text copied from the article?

The project holds no article's text apart from the five seed articles. What `new` keeps of
an article that an editor pasted is its *copy guard*: a fingerprint of every run of words
(eight words; in Japanese and Chinese, twenty characters) of the pasted text, each run
hashed to 8 hex digits. The words themselves cannot be read back from it. `check` hashes
the runs of each account the same way: a run found in the guard is a run of at least eight
words (twenty characters) identical to the article, which an account written in the
site's own words does not have.

Words inside quotation marks are left out of that comparison (a speaker's phrase may be
quoted verbatim), but a quotation itself may be at most a short phrase: `long_quotes`
finds the longer ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from .languages import spaced

RUN_WORDS = 8  # a copied run, in space-separated languages
RUN_CHARS = 20  # in languages written without spaces
QUOTE_WORDS = 12  # the longest quotation an account may hold: a clause
QUOTE_CHARS = 30

QUOTE_RE = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」|『[^』]*』|\"[^\"]*\"|‘[^’]*’")
WORD_RE = re.compile(r"\w+", re.UNICODE)
PUNCT_RE = re.compile(r"[\W_]+", re.UNICODE)


def _unspaced(lang: str) -> bool:
    return not spaced(lang)


def units(text: str, lang: str) -> list[str]:
    """The words of a text (its characters, for Japanese and Chinese), normalised."""
    if _unspaced(lang):
        return list(PUNCT_RE.sub("", text.lower()))
    return [w.lower() for w in WORD_RE.findall(text)]


def _runs(items: list[str], size: int) -> Iterable[str]:
    joiner = "" if size == RUN_CHARS else " "
    for start in range(len(items) - size + 1):
        yield joiner.join(items[start : start + size])


def _hash(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:8]


def run_size(lang: str) -> int:
    return RUN_CHARS if _unspaced(lang) else RUN_WORDS


def guard(paragraphs: Iterable[str], lang: str) -> str:
    """The copy guard of an article's paragraphs: sorted, unique hashes of its runs."""
    size = run_size(lang)
    found = {_hash(run) for p in paragraphs for run in _runs(units(p, lang), size)}
    return " ".join(sorted(found))


TOKEN_RE = re.compile(r"\{(?:q|rating):[^}]*\}|\[[^\]]*@[^\]]*\]")  # {q:id}, citations


def unquoted(text: str) -> str:
    """The text without what it quotes (each quotation, a {q:id} token or a citation becomes
    a break between runs: none of them is the account's own wording)."""
    return QUOTE_RE.sub(" ¦ ", TOKEN_RE.sub(" ¦ ", text))


def copied_runs(account: str, lang: str, guard_text: str) -> int:
    """How many runs of `account` (quotations left out) are in the article's guard."""
    if not guard_text:
        return 0
    known = set(guard_text.split())
    size = run_size(lang)
    count = 0
    for part in unquoted(account).split("¦"):
        count += sum(_hash(run) in known for run in _runs(units(part, lang), size))
    return count


def long_quotes(text: str, lang: str) -> list[str]:
    """The quotations in `text` longer than a short phrase."""
    out = []
    for match in QUOTE_RE.finditer(text):
        inner = match.group(0)[1:-1]
        if _unspaced(lang) and re.search(r"[\u3040-\u30ff\u3400-\u9fff]", inner):
            too_long = len(PUNCT_RE.sub("", inner)) > QUOTE_CHARS
        else:
            too_long = len(WORD_RE.findall(inner)) > QUOTE_WORDS
        if too_long:
            out.append(match.group(0))
    return out


def longest_shared_run(account: str, original: str, lang: str) -> str:
    """The longest run of words (characters) the account, quotations left out, shares
    with an original: for an editor converting a text they still have."""
    theirs = units(original, lang)
    joiner = "" if _unspaced(lang) else " "
    index: dict[str, list[int]] = {}
    for i, unit in enumerate(theirs):
        index.setdefault(unit, []).append(i)
    best: list[str] = []
    for part in unquoted(account).split("¦"):
        ours = units(part, lang)
        for i, unit in enumerate(ours):
            for j in index.get(unit, ()):
                k = 0
                while i + k < len(ours) and j + k < len(theirs) and ours[i + k] == theirs[j + k]:
                    k += 1
                if k > len(best):
                    best = ours[i : i + k]
    return joiner.join(best)
