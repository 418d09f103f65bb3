"""Is a text that should be in another site language still in English?

A cheap, conservative test for text pasted untranslated into a translated field or page:
text in a language written without spaces (Japanese, Chinese) must contain that language's
script; text in a spaced language (French, German) is English when English function words
clearly outnumber the language's own. Quotations, titles and names in English inside a
translated sentence do not trip it. What each language needs is its record (languages.py).
"""

from __future__ import annotations

import re

from .caches import Lifetime, memo
from .languages import record

ENGLISH = frozenset(
    "the and of to is was that with for on by which has have were are this from its "
    "it be as at not but their they would will said".split()
)
STRIP_RE = re.compile(
    r"\{rating:[^}]*\}|\{q:[^}]*\}|\[[^\]]*@[^\]]*\]|`[^`]*`|<[^>]+>|https?://\S+|\([^)]*\)|"
    r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|'[^']*'"
)
WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
MIN_WORDS = 6


@memo(
    Lifetime.PROCESS, maxsize=16384
)  # pure; each rebuild of the preview checks the same texts again
def left_in_english(text: str, lang: str) -> bool:
    """True when `text`, meant to be in `lang` (not English), reads as English."""
    language = record(lang)
    if language.english:
        return False
    plain = STRIP_RE.sub(" ", text)
    words = [w.lower() for w in WORD_RE.findall(plain)]
    if len(words) < MIN_WORDS:
        return False
    english = sum(w in ENGLISH for w in words)
    if language.script is not None:
        return not language.script.search(plain) and english >= 2
    own = sum(w in language.own_words for w in re.split(r"[\s'’]+", plain.lower()) if w)
    return english >= 3 and english > 2 * own


# A statement of the present state, per language: a word that says "now" ("currently", "so
# far", "is still"). Such a sentence must carry its date ("as of June 2026", "2026年6月時点",
# "au 5 juin 2026", "Stand Juni 2026", or any year), or leave the present to the board of
# where things stand (data/status.yml), which dates every answer. The words are each
# language's `present_state` (languages.py).
DATED_RE = re.compile(r"20\d\d|\bas of\b|時点|\bStand\b")
QUOTED_RE = re.compile(r"\[@[^\]]*\]|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」|\"[^\"]*\"")
SENTENCE_RE = re.compile(r"(?<=[.!?。])\s*")


def undated_present(text: str, lang: str) -> str | None:
    """The word of a sentence in `text` that states the present without a date, or None.
    Quotations and citations are not the site's statement and are left out."""
    pattern = record(lang).present_state
    if pattern is None:
        return None
    for sentence in SENTENCE_RE.split(QUOTED_RE.sub("", text)):
        found = re.search(pattern, sentence, re.IGNORECASE)
        if found and not DATED_RE.search(sentence):
            return found.group(0)
    return None
