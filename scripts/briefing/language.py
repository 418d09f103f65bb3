"""Is a text that should be Japanese, French or German still in English?

A cheap, conservative test for text pasted untranslated into a `ja`, `fr` or `de` field
or page: Japanese text must contain Japanese script; French and German text is English
when English function words clearly outnumber the language's own. Quotations, titles
and names in English inside a translated sentence do not trip it.
"""

from __future__ import annotations

import re

from .caches import Lifetime, memo

ENGLISH = frozenset(
    "the and of to is was that with for on by which has have were are this from its "
    "it be as at not but their they would will said".split()
)
OWN = {
    "fr": frozenset(
        "le la les des du de et est un une pour dans sur que qui au aux a ont ne pas par "
        "avec son sa ses été selon d l qu n".split()
    ),
    "de": frozenset(
        "der die das den dem des und ist ein eine für mit von zu im auf bei nicht sich "
        "als wurde hat haben sind auch nach laut einen es".split()
    ),
}
STRIP_RE = re.compile(
    r"\{rating:[^}]*\}|\{q:[^}]*\}|\[[^\]]*@[^\]]*\]|`[^`]*`|<[^>]+>|https?://\S+|\([^)]*\)|"
    r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|'[^']*'"
)
WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
MIN_WORDS = 6


@memo(
    Lifetime.PROCESS, maxsize=16384
)  # pure; each rebuild of the preview checks the same texts again
def left_in_english(text: str, lang: str) -> bool:
    """True when `text`, meant to be in `lang` (ja, fr or de), reads as English."""
    if lang == "en":
        return False
    plain = STRIP_RE.sub(" ", text)
    words = [w.lower() for w in WORD_RE.findall(plain)]
    if len(words) < MIN_WORDS:
        return False
    english = sum(w in ENGLISH for w in words)
    if lang == "ja":
        return not JAPANESE_RE.search(plain) and english >= 2
    own = sum(w in OWN.get(lang, ()) for w in re.split(r"[\s'’]+", plain.lower()) if w)
    return english >= 3 and english > 2 * own


# A statement of the present state, per language: a word that says "now" ("currently", "so
# far", "is still"). Such a sentence must carry its date ("as of June 2026", "2026年6月時点",
# "au 5 juin 2026", "Stand Juni 2026", or any year), or leave the present to the board of
# where things stand (data/status.yml), which dates every answer.
PRESENT_STATE = {
    "en": r"\b(?:currently|at present|to date|so far|as yet|at the moment|for now|right now"
    r"|(?:is|are|remains?|has|have) (?:still|not yet))\b",
    "ja": r"現在|現時点|今のところ|目下",
    "fr": r"\b(?:actuellement|à ce jour|pour l'instant|pour le moment|jusqu'à présent"
    r"|(?:est|sont|reste|restent|demeure|demeurent) toujours)\b",
    "de": r"\b(?:derzeit|bislang|bisher|aktuell|momentan|gegenwärtig"
    r"|(?:ist|sind|bleibt|bleiben) (?:noch|weiterhin|nach wie vor))\b",
}
DATED_RE = re.compile(r"20\d\d|\bas of\b|時点|\bStand\b")
QUOTED_RE = re.compile(r"\[@[^\]]*\]|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」|\"[^\"]*\"")
SENTENCE_RE = re.compile(r"(?<=[.!?。])\s*")


def undated_present(text: str, lang: str) -> str | None:
    """The word of a sentence in `text` that states the present without a date, or None.
    Quotations and citations are not the site's statement and are left out."""
    pattern = PRESENT_STATE.get(lang)
    if pattern is None:
        return None
    for sentence in SENTENCE_RE.split(QUOTED_RE.sub("", text)):
        found = re.search(pattern, sentence, re.IGNORECASE)
        if found and not DATED_RE.search(sentence):
            return found.group(0)
    return None
