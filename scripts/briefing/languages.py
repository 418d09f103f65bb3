"""Every language the briefing knows, as data: one `Language` record each.

Everything that differs by language is a field of its record, so that adding a language is
one record here, its entry in mkdocs.yml (the site's languages are configuration: the i18n
plugin's list, read by `site_languages`), its strings in strings.yml and its content. No
other module branches on a language code: it asks the record (`record(lang).spaced`, ...).

What a record holds, and who reads it:
  name            the English name, for editors' messages;
  spaced          words are separated by spaces (not Japanese, not Chinese): how the
                  glossary matches, how the copy guard counts, how `new` cuts a title;
  typography      the rules set on every built page, and `needs`, a character every rule
                  needs (text without one is left unread) (typography);
  script          the English-left test for unspaced languages: text meant in the language
                  must hold its script; `own_words` for spaced ones: English is when its
                  function words clearly outnumber the language's own (language);
  present_state   the words that state the present, which a sentence must date (language);
  multipliers     how figures are written: magnitude words (万, 億, 亿, milliard ...),
                  `long_scale` words ("billion" is 10^12 in French and German),
                  `number_words` (two .. ten) and `figure_rewrites` (百分之46 = 46%) (parity);
  link_gap        what goes between a notice's sentence and its inline link (templates);
  groups_four_digits  6,500 or 6500 (templating);
  no_headline     the marker of a title the site supplies (newsource);
  still_to_title  a heading still to write (contested);
  bib_langid      biblatex's language id (exports);
  search_endings  the inflectional endings a search result's word may have instead of the
                  query's (Pagefind segments and stems by each page's `lang`, and also
                  matches words that only begin alike; the page's script keeps a result
                  only where it has the word or one of these forms: docs/assets/briefing.js,
                  given them by the search box in overrides/main.html). None: all stand;
  ordinal_dot     ordinals take a full stop ("3. März"), which ends no sentence (news).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from . import DEFAULT_LANGUAGE, caches
from .errors import BriefingError, Problem

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"
UNITS = (
    r"(?:TFLOPS|PFLOPS|To/s|Go/s|Mo/s|TB/s|GB/s|MB/s|To|Go|Mo|TB|GB|MB|W|kW|nm|mm²|"
    r"GHz|MHz|Mrd\.|Mio\.)"
)
HAN = r"\u3400-\u9fff\uf900-\ufaff"  # CJK ideographs
BILLION = Decimal(10) ** 9


@dataclass(frozen=True)
class Language:
    """What differs by language (see the module's docstring for who reads each field)."""

    code: str
    name: str
    spaced: bool = True
    typography: tuple[Rule, ...] = ()
    needs: re.Pattern[str] | None = None
    english: bool = False  # the language English-left is measured against
    script: re.Pattern[str] | None = None
    own_words: frozenset[str] = frozenset()
    present_state: str | None = None
    multipliers: Mapping[str, Decimal] = field(default_factory=dict)
    long_scale: frozenset[str] = frozenset()
    number_words: tuple[str, ...] = ()  # two, three ... ten
    figure_rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
    link_gap: str = " "
    groups_four_digits: bool = True
    no_headline: str | None = None
    still_to_title: str = ""
    bib_langid: str | None = None
    # the inflectional endings a search result's word may have in place of the query's
    # ("" for none); empty where Pagefind does not stem the language (docs/assets/briefing.js)
    search_endings: tuple[str, ...] = ()
    ordinal_dot: bool = False  # "am 3. März": a number's full stop ends no sentence


ENGLISH = Language(
    "en",
    "English",
    english=True,
    present_state=r"\b(?:currently|at present|to date|so far|as yet|at the moment|for now"
    r"|right now|(?:is|are|remains?|has|have) (?:still|not yet))\b",
    multipliers={
        "billion": BILLION,
        "billions": BILLION,
        "million": Decimal(10) ** 6,
        "millions": Decimal(10) ** 6,
        "trillion": Decimal(10) ** 12,
        "trillions": Decimal(10) ** 12,
    },
    # "one" is left out: "une fois", "einmal", "einfach" are not multiples
    number_words=("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    no_headline="[No headline captured]",
    still_to_title="Still to title",
    bib_langid="english",
    search_endings=("", "s", "es", "e", "ed", "d", "ing", "y", "ies", "ied"),
)

JAPANESE = Language(
    "ja",
    "Japanese",
    spaced=False,
    typography=(
        (re.compile(r" ?\("), "（"),  # no space before a full-width bracket
        (re.compile(r"\)"), "）"),
        (re.compile(r"(?:(?<!\d):|:(?!\d)) ?"), "："),  # not between digits (10:30)
        (re.compile(r"(?<=\d)[~～](?=\d)|(?<=[日月年])[~～](?=\d)"), "〜"),
        (re.compile(rf"(?<=\d) (?={UNITS}(?![\w/]))"), ""),
    ),
    needs=re.compile(r"[():~～\d]"),
    script=re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]"),
    present_state=r"現在|現時点|今のところ|目下",
    multipliers={
        "億": Decimal(10) ** 8,
        "万": Decimal(10) ** 4,
        "百万": Decimal(10) ** 6,
        "兆": Decimal(10) ** 12,
    },
    link_gap="",
    no_headline="〔見出しは未収集〕",
    still_to_title="見出し未定",
    bib_langid="japanese",
)

FRENCH = Language(
    "fr",
    "French",
    typography=(
        (re.compile(r"(?<=\S)[ \u00a0]([;:!?»])"), NNBSP + r"\1"),  # "mot :" -> "mot\u202f:"
        (re.compile(r"«[ \u00a0]"), "«" + NNBSP),
        (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))"), NNBSP),  # 400 000
        (re.compile(r"(?<=\d)[ \u00a0]%"), NNBSP + "%"),
        (re.compile(r"(?<=\d)%"), NNBSP + "%"),
        (re.compile(rf"(?<=\d) (?={UNITS}(?![\w/]))"), NBSP),
    ),
    needs=re.compile(r"[;:!?«»\d]"),
    own_words=frozenset(
        "le la les des du de et est un une pour dans sur que qui au aux a ont ne pas par "
        "avec son sa ses été selon d l qu n".split()
    ),
    present_state=r"\b(?:actuellement|à ce jour|pour l'instant|pour le moment|jusqu'à présent"
    r"|(?:est|sont|reste|restent|demeure|demeurent) toujours)\b",
    multipliers={
        "milliard": BILLION,
        "milliards": BILLION,
        "million": Decimal(10) ** 6,
        "millions": Decimal(10) ** 6,
    },
    long_scale=frozenset({"billion", "billions"}),
    number_words=("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    no_headline="[Titre non recueilli]",
    still_to_title="Titre à écrire",
    bib_langid="french",
    search_endings=(
        *("", "s", "x", "e", "es", "ee", "ees", "er", "ez", "ent", "ait", "aient", "ons", "ions"),
        *("iez", "era", "eront", "erait", "al", "aux", "ale", "ales", "if", "ifs", "ive", "ives"),
        *("eux", "euse", "euses"),
    ),
)

GERMAN = Language(
    "de",
    "German",
    typography=(
        (re.compile(r"(?<![\d.,])(\d)\.(\d{3})(?![\d.,]?\d)"), r"\1\2"),  # 6.500 -> 6500
        (re.compile(r"(?<=\d) %"), NBSP + "%"),
        (re.compile(rf"(?<=\d) (?={UNITS}(?![\w/]))"), NBSP),
    ),
    needs=re.compile(r"\d"),
    own_words=frozenset(
        "der die das den dem des und ist ein eine für mit von zu im auf bei nicht sich "
        "als wurde hat haben sind auch nach laut einen es".split()
    ),
    present_state=r"\b(?:derzeit|bislang|bisher|aktuell|momentan|gegenwärtig"
    r"|(?:ist|sind|bleibt|bleiben) (?:noch|weiterhin|nach wie vor))\b",
    multipliers={
        "milliarde": BILLION,
        "milliarden": BILLION,
        "mrd": BILLION,
        "millionen": Decimal(10) ** 6,
        "mio": Decimal(10) ** 6,
        "billionen": Decimal(10) ** 12,
    },
    long_scale=frozenset({"billion", "billionen"}),
    number_words=("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"),
    groups_four_digits=False,
    no_headline="[Ohne Überschrift erfasst]",
    still_to_title="Titel fehlt",
    bib_langid="ngerman",
    search_endings=("", "e", "en", "n", "s", "es", "er", "ern", "em", "nen"),
    ordinal_dot=True,
)

_AFTER_HAN = rf"(?<=[{HAN}）」』])"
CHINESE = Language(
    "zh",
    "Chinese",
    spaced=False,
    typography=(
        # Full-width punctuation after Chinese text: "，。：；！？" and （ ） around a
        # bracket that opens after, or holds, Chinese; never inside figures (4.6, 10:30).
        (re.compile(rf"{_AFTER_HAN} ?\(([^()]*)\)"), r"（\1）"),
        (re.compile(rf"\(([^()]*[{HAN}][^()]*)\)"), r"（\1）"),
        (re.compile(rf"{_AFTER_HAN}, ?"), "，"),
        (re.compile(rf"{_AFTER_HAN}\.(?![\d.]) ?"), "。"),
        (re.compile(rf"{_AFTER_HAN}: ?"), "："),
        (re.compile(rf"{_AFTER_HAN}; ?"), "；"),
        (re.compile(rf"{_AFTER_HAN}! ?"), "！"),
        (re.compile(rf"{_AFTER_HAN}\? ?"), "？"),
    ),
    needs=re.compile(r"[,.:;!?()]"),
    script=re.compile(rf"[{HAN}]"),
    present_state=r"目前|现在|当前|迄今|至今",
    multipliers={
        "亿": Decimal(10) ** 8,
        "万": Decimal(10) ** 4,
        "百万": Decimal(10) ** 6,
        "万亿": Decimal(10) ** 12,
    },
    figure_rewrites=((re.compile(r"百分之(\d+(?:\.\d+)?)"), r"\1%"),),
    link_gap="",
    no_headline="〔未收录标题〕",
    still_to_title="标题待定",
    bib_langid="chinese",
)

LANGUAGES: dict[str, Language] = {
    record.code: record for record in (ENGLISH, JAPANESE, FRENCH, GERMAN, CHINESE)
}
# Source languages written without spaces that the site is not translated into.
OTHER_UNSPACED = frozenset({"th", "lo", "km", "my"})


def record(tag: str) -> Language:
    """The record of a language (a BCP 47 tag: zh-Hans is zh); an unknown language gets a
    plain one: spaced, no typography, its code for a name."""
    base = tag.split("-")[0]
    return LANGUAGES.get(base) or Language(base, base, spaced=base not in OTHER_UNSPACED)


def name(tag: str) -> str:
    """A language's English name, for messages ("the French translation")."""
    return record(tag).name


def search_endings(tag: str) -> list[str]:
    """The endings search results are checked by in a language (none: not stemmed)."""
    return list(record(tag).search_endings)


def ordinal_dot(tag: str) -> bool:
    """Whether the language writes ordinals with a full stop (German: "3. März")."""
    return record(tag).ordinal_dot


def spaced(tag: str) -> bool:
    """Whether the language separates its words with spaces."""
    return record(tag).spaced


# ------------------------------------------------------------------ the site's languages

CONFIG = "mkdocs.yml"
NO_RECORD = "language.no-record"  # a site language the briefing has no record of


@dataclass(frozen=True)
class SiteLanguages:
    """The languages a project's site is built in, as its mkdocs.yml lists them, and the
    one it declares `default: true` (the language the briefing is written in)."""

    codes: tuple[str, ...]
    default: str
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)  # in mkdocs.yml

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def translated(self) -> tuple[str, ...]:
        """Every language but the default: those translated from it."""
        return tuple(code for code in self.codes if code != self.default)


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name:) read as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Lenient.add_multi_constructor("!", _any_tag)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_site_languages(root: Path) -> tuple[SiteLanguages | None, list[Problem]]:
    """The site's languages from `root`/mkdocs.yml (`plugins: - i18n: languages:`), or the
    problems that keep them from being read: a language without a record here, no default."""
    path = root / CONFIG
    fix = "list the site's languages under plugins: - i18n: languages:, each with locale:"
    try:
        text = path.read_text("utf-8")
        config = yaml.load(text, Loader=_Lenient)  # noqa: S506 (a SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        why = getattr(error, "problem", None) or getattr(error, "strerror", None) or error
        return None, [
            Problem(
                CONFIG,
                line,
                f"the site's languages cannot be read: {why}",
                fix,
                "language.unreadable",
            )
        ]
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):  # MkDocs also takes them as one mapping
        plugins = [{name: options} for name, options in plugins.items()]
    listed: list[Any] = []
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            found = plugin["i18n"].get("languages")
            listed = found if isinstance(found, list) else []
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        if found := re.match(r"\s*-?\s*locale:\s*['\"]?([\w-]+)", raw):
            lines.setdefault(found.group(1), number)
    codes = tuple(
        str(entry.get("locale"))
        for entry in listed
        if isinstance(entry, dict) and entry.get("locale")
    )
    if not codes:
        return None, [
            Problem(CONFIG, 1, "the i18n plugin lists no languages", fix, "language.none")
        ]
    problems = [
        Problem(
            CONFIG,
            lines.get(code, 1),
            f"the language '{code}' has no record in scripts/briefing/languages.py",
            "add its Language record (its name, spacing, typography, how it writes figures) "
            "to LANGUAGES, or remove the language",
            NO_RECORD,
        )
        for code in codes
        if code not in LANGUAGES
    ]
    defaults = [str(e["locale"]) for e in listed if isinstance(e, dict) and e.get("default")]
    if len(defaults) != 1:
        problems.append(
            Problem(
                CONFIG,
                lines.get(codes[0], 1),
                f"the i18n plugin declares {len(defaults)} default languages",
                "mark exactly one language, the one the briefing is written in, default: true",
                "language.not-one-default",
            )
        )
        return None, problems
    if defaults[0] != DEFAULT_LANGUAGE:
        problems.append(
            Problem(
                CONFIG,
                lines.get(defaults[0], 1),
                f"the default language is '{defaults[0]}'; the briefing is written in "
                f"'{DEFAULT_LANGUAGE}' (DEFAULT_LANGUAGE in scripts/briefing/__init__.py)",
                f"mark '{DEFAULT_LANGUAGE}' default: true",
                "language.wrong-default",
            )
        )
    return SiteLanguages(codes, defaults[0], lines), problems


# Keyed on the file, kept with its mtime and checked against it: a process-long cache.
_READ: dict[Path, tuple[int, SiteLanguages | None, list[Problem]]] = caches.table(
    "briefing.languages._READ", caches.Lifetime.PROCESS
)


def site_languages(root: Path) -> tuple[SiteLanguages | None, list[Problem]]:
    """`read_site_languages`, read again only when mkdocs.yml changes."""
    path = (root / CONFIG).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    kept = _READ.get(path)
    if kept is None or kept[0] != mtime:
        kept = (mtime, *read_site_languages(root))
        _READ[path] = kept
    return kept[1], list(kept[2])


def site_codes(root: Path) -> tuple[str, ...]:
    """The site's languages in mkdocs.yml's order; BriefingError when they cannot be read."""
    site, problems = site_languages(root)
    if site is None:
        raise BriefingError(problems)
    return site.codes
