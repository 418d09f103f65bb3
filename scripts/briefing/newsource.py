"""`new`: turn an article's text and its metadata into a source file in seeds/.

The file it writes is what an editor would write by hand: front matter in the order
of the other sources, empty lines ("") for what still needs a translation, then the
article text with one blank line between paragraphs. It refuses an article that is
already in the corpus (same address, or same text) and names the source it duplicates.

Every value, whether it comes from an option or from an answer typed in a terminal, goes
through one function, `read_field`, so an option and an answer are judged alike and an
answer can be judged the moment it is given (a mistake then costs one retyped answer, not
the whole session).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from . import DEFAULT_LANGUAGE
from .accounts import HEADER as ACCOUNTS_HEADER
from .accounts import SUFFIX as ACCOUNTS_SUFFIX
from .accounts import load_accounts
from .accounts import path_for as accounts_path_for
from .caches import Lifetime, memo
from .copyguard import RUN_WORDS, guard, run_size, units
from .errors import Problem, Refused
from .fields import language_tag, parse_fuzzy_date
from .identity import normalise_url, text_hash, without_tracking
from .languages import LANGUAGES, site_codes, spaced
from .load import paragraphs_of, read_document, read_yaml, split_front_matter
from .model import PRECISIONS
from .strings import KINDS
from .validate import ID_RE, check_source

STOP_WORDS = frozenset(
    "a an and as at by for from in into is its of on or over than that the to with "
    "after before about amid says say will would could may le la les des du de et en "
    "un une pour sur dans au aux der die das den dem des und ein eine für mit von zu "
    "im auf bei".split()
)
SECOND_LEVEL = frozenset({"co", "com", "ne", "or", "ac", "go", "gov", "org", "net", "gouv"})
# Letters NFKD does not decompose into a base letter and an accent: without this table they
# would split a word ('straße' -> 'stra-e') instead of being spelled out.
TRANSLITERATE = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
    }
)
MODEL_RE = re.compile(r"(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]+")  # h200, b30a, mi308

# The marker that opens a title the site supplies because the capture has no headline, as
# the existing seeds write it (each language's `no_headline`); an article in a language
# without one gets the default language's.
NO_HEADLINE = {code: lang.no_headline for code, lang in LANGUAGES.items() if lang.no_headline}
PLACEHOLDER_WORDS = 8  # words of ¶1 after the marker (characters: PLACEHOLDER_CHARS)
PLACEHOLDER_CHARS = 30

# The order a terminal session asks in: the address first, so an article already in the
# corpus is refused before anything else is typed; the language before the title (a title
# supplied for a capture without headline is written in it), the date before its precision.
ASKED = ("url", "language", "title", "published", "precision", "kind", "author", "outlet")
REQUIRED = ("language", "title", "published", "kind")


class NewSourceError(Exception):
    """The article cannot be added; the message says why and what to do."""


@dataclass
class Article:
    """What the editor gave: the text and the metadata, translations possibly missing."""

    text: str
    language: str
    title: str
    published: str
    kind: str
    precision: str | None = None  # None: from the date's form (2026-01 -> month)
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    accessed: str | None = None
    source_id: str | None = None
    original_file: str | None = None
    titles: dict[str, str] = field(default_factory=dict)  # site language -> translated title
    notes: dict[str, str] = field(default_factory=dict)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: accents are dropped ('é' -> 'e'), and any
    other non-ASCII character separates words, so 'NVIDIAのH200' is 'nvidia-h200' (deleting
    the 'の' would glue two names into 'nvidiah200')."""
    decomposed = unicodedata.normalize("NFKD", text.translate(TRANSLITERATE))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def outlet_slug(url: str | None, outlet: str | None) -> str:
    """'https://asia.nikkei.com/x' -> 'nikkei'; 'news.yahoo.co.jp' -> 'yahoo'."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [part for part in host.lower().split(".") if part and part != "www"]
    if len(labels) >= 2:
        labels = labels[:-1]
        if len(labels) >= 2 and labels[-1] in SECOND_LEVEL:
            labels = labels[:-1]
        return slug(labels[-1])
    words = slug(outlet or "").split("-")
    return words[0] if words and words[0] else ""


def without_marker(title: str) -> str:
    """The title without a leading no-headline marker: the marker says nothing about the
    article, so it must not become words of the id."""
    for marker in NO_HEADLINE.values():
        if title.startswith(marker):
            return title[len(marker) :].strip()
    return title


def derive_id(article: Article, taken: set[str]) -> str:
    """The README's order: outlet + up to three words of the title, model names (h200) first
    because they are what a source is looked up by, + year-month; unique in `taken`."""
    title = without_marker(article.titles.get(DEFAULT_LANGUAGE) or article.title)
    words = [w for w in dict.fromkeys(slug(title).split("-")) if len(w) > 1 and w not in STOP_WORDS]
    models = [w for w in words if MODEL_RE.fullmatch(w)]
    others = [w for w in words if w not in models]
    # At most two model names ahead of the other words, so one word still says what about.
    chosen = (models[:2] + others + models[2:])[:3]
    date = article.published[:7]
    parts = [outlet_slug(article.url, article.outlet), *chosen, date]
    base = "-".join(p for p in parts if p) or f"source-{date}"
    base = re.sub(r"-+", "-", base).strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines; a capture with no blank line has one paragraph per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n\ufeff ")
    if not re.search(r"\n\s*\n", text):
        text = text.replace("\n", "\n\n")
    return list(paragraphs_of(text)[0])


def no_headline_title(language: str | None, text: str, words: str = "") -> str:
    """The title for a capture without headline: the marker in the article's language, then
    `words` (the editor's own description) or the first words of ¶1. The marker is what
    tells readers that the site wrote this title, not the outlet."""
    base = (language or DEFAULT_LANGUAGE).split("-")[0]
    marker = NO_HEADLINE.get(base, NO_HEADLINE[DEFAULT_LANGUAGE])
    if not words:
        first = next(iter(paragraphs(text)), "")
        if not spaced(base):
            words = first[:PLACEHOLDER_CHARS] + ("…" if len(first) > PLACEHOLDER_CHARS else "")
        else:
            split = first.split()
            words = " ".join(split[:PLACEHOLDER_WORDS]) + (
                "…" if len(split) > PLACEHOLDER_WORDS else ""
            )
    gap = "" if not spaced(base) and base in NO_HEADLINE else " "  # as the ja seeds write it
    return f"{marker}{gap}{words}".strip()


# --------------------------------------------------------------------------- reading values

Read = str | None | Refused  # the value to record (None: not stated, or derived), or why not


def _url(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return Refused(f"{text!r} is not an http:// or https:// address")
    return text


@memo(Lifetime.PROCESS, maxsize=None)  # babel's names do not change
def _language_names() -> dict[str, str]:
    """Language names in the languages the site knows -> tag, to answer 'français' with 'fr'."""
    from babel import Locale

    names: dict[str, str] = {}
    for site_lang in LANGUAGES:
        for tag, name in Locale.parse(site_lang).languages.items():
            names.setdefault(name.lower(), tag.replace("_", "-"))
    return names


def _language(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return Refused("the language is needed: a BCP 47 tag such as ja, fr, de, en or zh-Hans")
    if language_tag(text) is not None:
        return text
    tag = _language_names().get(text.lower())
    if tag and language_tag(tag):
        return Refused(f"{text!r} is a language's name, not its tag: write {tag}")
    return Refused(f"{text!r} is not a BCP 47 language tag (use ja, fr, de, en, zh-Hans ...)")


def _title(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return Refused(
            "the title is needed: type it exactly as published, or - if the capture has no headline"
        )
    if text == "-" or text.startswith("- "):
        language = values.get("language")
        return no_headline_title(
            language if isinstance(language, str) else None,
            str(values.get("text", "")),
            text[1:].strip(),
        )
    return text


def _published(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return Refused("the date is needed (YYYY-MM-DD, YYYY-MM or YYYY)")
    date = parse_fuzzy_date(text, "approximate")  # any of the three forms
    return date if isinstance(date, Refused) else text


def _precision(text: str, values: Mapping[str, object]) -> Read:
    published = values.get("published")
    date = published if isinstance(published, str) else None
    if not text and date:
        return default_precision(date)
    matches = [p for p in PRECISIONS if text and p.startswith(text.lower())]
    if len(matches) != 1:
        return Refused(f"{text!r} is not one of: {', '.join(PRECISIONS)}")
    if date and isinstance(parse_fuzzy_date(date, matches[0]), Refused):
        return Refused(
            f"{matches[0]!r} does not fit the date {date}: use "
            f"{default_precision(date)}, or approximate for a date inferred "
            "from the text"
        )
    return matches[0]


def _kind(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return Refused("the kind is needed: one of " + ", ".join(KINDS))
    if text in KINDS:
        return text
    matches = [kind for kind in KINDS if kind.startswith(text.lower())]
    if len(matches) == 1:  # 'news' is news-report; 'a' could be analysis or ai-generated-news
        return matches[0]
    if matches:
        return Refused(f"{text!r} could be {' or '.join(matches)}: type more of it")
    return Refused(f"{text!r} is not one of: {', '.join(KINDS)}")


def _optional(text: str, values: Mapping[str, object]) -> Read:
    return text or None  # empty: none stated (author), not identified (outlet)


def _accessed(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return None  # today
    date = parse_fuzzy_date(text, "approximate")
    if isinstance(date, Refused):
        return date
    if len(text) != 10:
        return Refused(f"{text!r} is not a full date (YYYY-MM-DD)")
    return text


def _id(text: str, values: Mapping[str, object]) -> Read:
    if not text:
        return None  # derived from outlet, title and date
    if ID_RE.match(text):
        return text
    hint = " (give it without '.md')" if text.endswith(".md") else ""
    return Refused(
        f"{text!r} is not a valid id: use lower-case letters a-z, digits and single "
        f"hyphens between them, e.g. 'mynavi-h200-nvidia-2026-01'{hint}"
    )


READERS: dict[str, Callable[[str, Mapping[str, object]], Read]] = {
    "url": _url,
    "language": _language,
    "title": _title,
    "published": _published,
    "precision": _precision,
    "kind": _kind,
    "author": _optional,
    "outlet": _optional,
    "accessed": _accessed,
    "id": _id,
}


def read_field(name: str, raw: str | None, values: Mapping[str, object]) -> Read:
    """An option's value or a typed answer as the value to record, or why it cannot be.

    The reason starts with the value as typed, so it reads both after the option's name
    (`--published 'février 2026' is not a date ...`) and alone under a prompt. `values` is
    what is known already: `text`, then the language and the date once read (the precision
    is judged against the date). A value already read reads as itself.
    """
    return READERS[name]((raw or "").strip(), values)


def read_options(
    raw: Mapping[str, str | None], text: str
) -> tuple[dict[str, object], dict[str, str]]:
    """Read every option given, in the order they depend on one another: (values read,
    {field: '--option why'}) with every wrong option at once, so one run reports them all.
    A required option left out or empty is neither: it is missing (`missing_fields`)."""
    values: dict[str, object] = {"text": text}
    wrong: dict[str, str] = {}
    for name in (*ASKED, "accessed", "id"):
        given = raw.get(name)
        if given is None or (name in REQUIRED and not given.strip()):
            continue
        value = read_field(name, given, values)
        if isinstance(value, Refused):
            wrong[name] = f"--{name} {value.reason}"
        else:
            values[name] = value
    return values, wrong


def ask_field(
    name: str,
    values: Mapping[str, object],
    prompt: str,
    ask: Callable[[str], str],
    say: Callable[[str], None],
) -> object:
    """Ask until the answer reads, saying what is wrong with each wrong answer: a mistake
    costs that one answer, not the ones before it."""
    while True:
        answer = ask(f"{prompt}: ")
        value = read_field(name, answer, values)
        if not isinstance(value, Refused):
            if name == "title" and answer.strip().startswith("-"):
                say(f"  Title recorded as: {value}")
            return value
        say(f"  {value.reason}. Please answer again.")


def ask_in_terminal(
    raw: Mapping[str, str | None],
    known: Mapping[str, object],
    prompts: Mapping[str, str],
    ask: Callable[[str], str],
    say: Callable[[str], None],
    refuse: Callable[[str], str | None],
) -> dict[str, object]:
    """Every field of ASKED, from its option or else asked, each judged as it comes.

    An option is read again in its turn (a title after the language it is written in, a
    precision after the date it qualifies); a wrong one is said and asked, not fatal. Once
    the address is known, `refuse` may say the article is already in the corpus: that stops
    the session (NewSourceError) before the rest is typed. `prompts['precision']` may hold
    '{default}', the precision the date's form gives.
    """
    values = dict(known)
    for name in ASKED:
        given = raw.get(name)
        if given is not None and (given.strip() or name not in REQUIRED):
            value = read_field(name, given, values)
            if not isinstance(value, Refused):
                values[name] = value
                continue
            say(f"--{name} {value.reason}. Please answer here instead.")
        published = values.get("published")
        prompt = prompts[name].format(
            default=default_precision(published if isinstance(published, str) else "")
        )
        values[name] = ask_field(name, values, prompt, ask, say)
        url = values.get("url")
        if name == "url" and isinstance(url, str) and (why := refuse(url)):
            raise NewSourceError(why)
    return values


def missing_fields(raw: Mapping[str, object]) -> list[str]:
    """Required options not given (an empty one counts as not given)."""
    return [name for name in REQUIRED if not str(raw.get(name) or "").strip()]


@dataclass(frozen=True)
class Plan:
    """What `new` does with the options it was given: ask in the terminal for the rest, or
    stop with `stop` (each said as 'new: …') and `status`, or go on with `values`."""

    values: dict[str, object]
    ask: bool = False
    stop: tuple[str, ...] = ()
    status: int = 0


def plan(
    raw: Mapping[str, str | None],
    text: str,
    text_name: str,
    interactive: bool,
    refuse: Callable[[str | None, str | None], str | None],
) -> Plan:
    """The decisions of `new`, apart from its input and output.

    In a terminal, only what can be answered is asked: a wrong --accessed or --id, or an
    empty text, stops the run before the first question, so no answer is typed in vain; so
    does `refuse(url, id)` (the article or its id already in the corpus), said last.
    Otherwise every missing or wrong option is said at once, by the option's name (the only
    thing the editor typed): 2 if one is missing, else 1.
    """
    values, wrong = read_options(raw, text)
    if interactive:
        url, source_id = values.get("url"), values.get("id")
        why = refuse(
            url if isinstance(url, str) else None,
            source_id if isinstance(source_id, str) else None,
        )
        stop = [*wrong.values()] if any(name not in ASKED for name in wrong) else []
        if not paragraphs(text):
            stop.append(f"{text_name}: the article text is empty")
        stop += [why] if why else []
        return Plan(values, ask=not stop, stop=tuple(stop), status=1 if stop else 0)
    missing = missing_fields(raw)
    said = [
        "missing "
        + ", ".join(f"--{name}" for name in missing)
        + " (or run it in a terminal to be asked)"
    ]
    stop = [*(said if missing else []), *wrong.values()]
    return Plan(values, stop=tuple(stop), status=(2 if missing else 1) if stop else 0)


# --------------------------------------------------------------------------- duplicates


@dataclass(frozen=True)
class Existing:
    source_id: str
    path: str
    url_key: str | None
    digest: str | None
    guard: frozenset[str] = frozenset()  # an accounts source's copy guard


def existing_sources(seeds_dir: Path, root: Path) -> list[Existing]:
    """Every source file's id, address and text hash, even files that do not validate."""
    existing = []
    for path in sorted(seeds_dir.rglob("*.md")):
        doc = read_document(path, root)
        if not doc.meta:
            continue
        url = doc.meta.get("url")
        url_key = normalise_url(url) if isinstance(url, str) and url.strip() else None
        existing.append(
            Existing(
                str(doc.meta.get("id", "")),
                doc.path,
                url_key,
                text_hash("\n".join(paragraphs(doc.body))),
                _guard_of(path),
            )
        )
    return existing


def _guard_of(path: Path) -> frozenset[str]:
    """The copy guard in the accounts beside a source file (empty if none)."""
    accounts = path.with_name(path.stem + ACCOUNTS_SUFFIX)
    if not accounts.is_file():
        return frozenset()
    value = read_yaml(accounts, accounts.name)[0]
    found = value.get("copy_guard") if isinstance(value, dict) else None
    return frozenset(found.split()) if isinstance(found, str) else frozenset()


SAME_TEXT_SHARE = 0.5  # of an article's runs of words found in another's copy guard


def find_duplicate(
    text: str, url: str | None, existing: list[Existing], language: str = DEFAULT_LANGUAGE
) -> str | None:
    url_key = normalise_url(url) if url else None
    digest = text_hash("\n".join(paragraphs(text)))
    runs = frozenset(guard(paragraphs(text), language).split())
    for other in existing:
        if url_key and other.url_key == url_key:
            return f"{other.path} (id '{other.source_id}') has the same address"
        if digest and other.digest == digest:
            return f"{other.path} (id '{other.source_id}') has the same text"
        if runs and len(runs & other.guard) >= SAME_TEXT_SHARE * len(runs):
            return f"{other.path} (id '{other.source_id}') has the same text (its copy guard)"
    return None


def refusal(
    text: str,
    url: str | None,
    source_id: str | None,
    existing: list[Existing],
    seeds_dir: Path,
    root: Path,
    language: str = DEFAULT_LANGUAGE,
) -> str | None:
    """Why the article cannot be added whatever else is answered, or None. Separate from
    `create` so a terminal session can refuse before asking anything (or right after the
    address) instead of after every answer was typed."""
    duplicate = find_duplicate(text, url, existing, language)
    if duplicate:
        return (
            f"this article is already in the corpus: {duplicate}. "
            "Cite that source instead of adding it again."
        )
    if source_id:
        users = [e.path for e in existing if e.source_id == source_id]
        if users:
            return f"--id {source_id!r} is already used by {users[0]}; choose another"
        path = seeds_dir / f"{source_id}.md"
        if path.exists():
            return f"{path.relative_to(root).as_posix()} already exists; choose another --id"
    return None


# --------------------------------------------------------------------------- writing


def _quote(value: str | None) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def source_file_text(
    article: Article, source_id: str, accessed: str, precision: str, languages: Sequence[str]
) -> str:
    """The source file's text. A title supplied for a capture without headline says so in
    comments, so whoever fills in the translations keeps the marker."""
    lang = article.language
    supplied = without_marker(article.title) != article.title
    lines = ["---", f"id: {source_id}"]
    if article.original_file:
        lines.append(f"original_file: {_quote(article.original_file)}")
    lines += [
        f"language: {lang}",
        "title:"
        + (
            "  # the capture has no headline: the site supplies the title, marked in brackets"
            if supplied
            else ""
        ),
        f"  original: {_quote(article.title)}",
    ]
    for site_lang in languages:
        if site_lang != lang:
            translated = article.titles.get(site_lang, "")
            hint = f"  # begin with {NO_HEADLINE[site_lang]}" if supplied and not translated else ""
            lines.append(f"  {site_lang}: {_quote(translated)}{hint}")
    lines += [
        f"outlet: {_quote(article.outlet)}",
        f"author: {_quote(article.author)}",
        f'published: {{date: "{article.published}", precision: {precision}}}',
        f"accessed: {accessed}",
        f"url: {_quote(article.url)}",
        f"kind: {article.kind}",
        "note:  # for readers in each language: who publishes this, how far to trust it",
    ]
    lines += [
        f"  {site_lang}: {_quote(article.notes.get(site_lang, ''))}" for site_lang in languages
    ]
    lines += [
        "removed: []  # list what you cut from the capture (adverts, disclaimers, a "
        f"second copy), each item in {', '.join(languages[:-1])} and {languages[-1]}",
    ]
    if not article.original_file:  # the project keeps no other article's text
        return "\n".join([*lines, "---", ""])
    lines += ["reproduction: whole  # one of the articles the briefing was given", "---", ""]
    return "\n".join(lines) + "\n\n".join(paragraphs(article.text)) + "\n"


def accounts_file_text(article: Article, source_id: str, languages: Sequence[str]) -> str:
    """The accounts file for a new source: an empty account per paragraph of the pasted
    article in every site language (a comment gives each paragraph's length), and the
    article's copy guard. The article's text itself is not written anywhere."""
    paras = paragraphs(article.text)
    what = f"{article.outlet}'s article" if article.outlet else "the article"
    out = [
        ACCOUNTS_HEADER.format(what=what, path=f"seeds/{source_id}.md").rstrip("\n"),
        f"source: {source_id}",
        "paragraphs:",
    ]
    for number, para in enumerate(paras, start=1):
        unit = "words" if run_size(article.language) == RUN_WORDS else "characters"
        out += [f"  # ¶{number} of the article: {len(units(para, article.language))} {unit}"]
        out += [f"  - n: {number}"]
        out += [f'    {lang}: ""' for lang in languages]
    out.append("# The article's copy guard (see CONTRIBUTING.md): lets `check` find copied words.")
    hashes = guard(paras, article.language).split()
    out.append("copy_guard: >-")
    out += ["  " + " ".join(hashes[i : i + 10]) for i in range(0, len(hashes), 10)]
    return "\n".join(out) + "\n"


def read_article(article: Article) -> tuple[Article, list[str]]:
    """The article with every value read as `read_field` reads it, and what is wrong with
    it: a caller building an Article in code is held to the same rules as an editor."""
    raw: dict[str, str | None] = {
        "url": article.url,
        "language": article.language,
        "title": article.title,
        "published": article.published,
        "precision": article.precision,
        "kind": article.kind,
        "accessed": article.accessed,
        "id": article.source_id,
    }
    values, wrong = read_options(raw, article.text)
    problems = [f"--{name} is missing" for name in missing_fields(raw)] + list(wrong.values())
    if not paragraphs(article.text):
        problems.append("the article text is empty")

    def chosen(name: str, current: str) -> str:
        value = values.get(name)
        return value if isinstance(value, str) else current

    def optional(name: str, current: str | None) -> str | None:
        value = values.get(name, current)
        return value if isinstance(value, str) or value is None else current

    read = replace(
        article,
        url=optional("url", article.url),
        language=chosen("language", article.language),
        title=chosen("title", article.title),
        published=chosen("published", article.published),
        precision=optional("precision", article.precision),
        kind=chosen("kind", article.kind),
        accessed=optional("accessed", article.accessed),
        source_id=optional("id", article.source_id),
    )
    return read, problems


def default_precision(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


@dataclass
class Created:
    path: Path
    source_id: str
    remaining: list[Problem]  # what `check` will ask for (translations left empty)


def create(
    article: Article,
    root: Path,
    seeds_dir: Path | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> Created:
    """Write the source file; raise NewSourceError if the input is wrong or a duplicate."""
    seeds_dir = seeds_dir or root / "seeds"
    article, wrong = read_article(article)
    if wrong:
        raise NewSourceError("\n".join(wrong))
    existing = existing_sources(seeds_dir, root)
    why = refusal(
        article.text, article.url, article.source_id, existing, seeds_dir, root, article.language
    )
    if why:
        raise NewSourceError(why)
    # File names count as taken too: a file whose front matter cannot be read has no id.
    taken = {e.source_id for e in existing} | {p.stem for p in seeds_dir.rglob("*.md")}
    source_id = article.source_id or derive_id(article, taken)
    path = seeds_dir / f"{source_id}.md"
    if article.url:
        article.url = without_tracking(article.url)
    precision = article.precision or default_precision(article.published)
    site = site_codes(root)
    accessed = article.accessed or today().isoformat()
    text = source_file_text(article, source_id, accessed, precision, site)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _, remaining = check_source(read_document(path, root), site)
    if not article.original_file:
        accounts = accounts_path_for(path.relative_to(root).as_posix(), root)
        accounts.write_text(accounts_file_text(article, source_id, site), encoding="utf-8")
        remaining += load_accounts(path.relative_to(root).as_posix(), source_id, root, site)[1]
    return Created(path, source_id, remaining)


def convert_to_accounts(path: Path, root: Path) -> tuple[Path, int]:
    """Replace the article text held in a source file by the site's accounts: the accounts
    file gets an entry per paragraph (accounts already written there are kept, by number)
    and the text's copy guard; the text, the `reproduction` line and the paragraph
    translations (translations of that text) leave the project. Raises NewSourceError when
    the file holds no text, or is one of the articles the briefing was given."""
    shown = path.relative_to(root).as_posix()
    doc = read_document(path, root)
    raw = path.read_text(encoding="utf-8")
    split = split_front_matter(raw, shown)
    paras = paragraphs(doc.body)
    if isinstance(split, Problem) or not doc.meta:
        raise NewSourceError(f"{shown}: its front matter cannot be read (run make check)")
    if not paras:
        raise NewSourceError(f"{shown}: holds no article text to convert")
    if doc.meta.get("reproduction") == "whole" and doc.meta.get("original_file"):
        raise NewSourceError(f"{shown}: one of the articles the briefing was given: kept whole")
    source_id = str(doc.meta.get("id") or path.stem)
    language = str(doc.meta.get("language") or DEFAULT_LANGUAGE)
    site = site_codes(root)
    accounts = accounts_path_for(shown, root)
    kept: dict[int, dict[str, str]] = {}
    value = read_yaml(accounts, shown)[0] if accounts.exists() else None
    entries = value.get("paragraphs") if isinstance(value, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("n"), int):
            kept[entry["n"]] = {k: str(v) for k, v in entry.items() if k in site and v}
    outlet = doc.meta.get("outlet")
    article = Article(
        text=doc.body,
        language=language,
        title="",
        published="",
        kind="",
        outlet=outlet if isinstance(outlet, str) else None,
    )
    text = accounts_file_text(article, source_id, site)
    if kept:
        text = _fill(text, kept)
    accounts.write_text(text, encoding="utf-8")
    front = "".join(
        line for line in split[0].splitlines(keepends=True) if not line.startswith("reproduction:")
    )
    path.write_text(f"---\n{front}---\n", encoding="utf-8")
    translations = path.with_name(path.stem + ".translations.yml")
    if translations.exists():
        translations.unlink()
    return accounts, len(paras)


def _fill(text: str, kept: Mapping[int, Mapping[str, str]]) -> str:
    """The accounts file with the texts already written put back into their slots."""
    out, number = [], 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("- n: "):
            number = int(stripped.removeprefix("- n: "))
        for lang in kept.get(number, {}):
            if stripped == f'{lang}: ""' and kept[number][lang]:
                line = f"    {lang}: {json.dumps(kept[number][lang], ensure_ascii=False)}"
        out.append(line)
    return "\n".join(out) + "\n"
