"""Fields declared once: what each key of a source or a data entry holds, checked at its line.

A form is a tuple of `Field`s, each naming a key, what it holds (a spec: `Text`, `Languages`,
`Choice`, `Ident`, `FuzzyDateOf`, `Day`, `Url`, `Ref`, `Refs`, `ListOf`, `CitedTexts`, ...), whether
it is required, and the hint an editor reads when it is wrong. `Fields.read`
checks a mapping against a form: unknown keys, missing keys, then each field in order, every
problem at its key's line (keypaths.py) with a code; rules across fields are the caller's few
lines after it. The specs are where a kind of value is checked once: "use one of", an http(s)
address, a day not in the future, references to what exists.

The languages every text must be given in are the caller's (`Fields(..., languages=...)`), in
one place, not this module's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from .errors import Refused
from .keypaths import KeyPaths
from .languages import name as language_name
from .load import Key
from .model import PRECISIONS, FuzzyDate

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class _Invalid:
    """What a spec returns once it has reported why the value cannot be used."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


class Spec(Protocol):
    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        """The value as the record holds it, or INVALID after reporting the problem.
        `entry` is the mapping the field is in, for a spec that reads a sibling."""


@dataclass(frozen=True)
class Field:
    name: str
    spec: Spec
    required: bool = True
    hint: str = ""  # how to write it: the fix of a problem with it, unless the spec says
    null: bool = False  # 'name: null' is allowed and reads as None


def describe(value: Any) -> str:
    """A value as an editor recognises it in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return repr(value) if value.strip() else "an empty text"
    return f"a {type(value).__name__} ({value!r})"[:80]


class Fields(KeyPaths):
    """A checker that reads mappings against forms of declared fields."""

    def __init__(self, path: str, lines: dict[Key, int], languages: Sequence[str]) -> None:
        super().__init__(path, lines)
        self.languages = tuple(languages)  # every text is given in each of these
        self.hints: dict[str, str] = {}
        # What references may name, by kind, and the ids not to report (a source that
        # failed its own checks is reported there, not again as unknown).
        self.refs: dict[str, Collection[str]] = {}
        self.tolerated: dict[str, Collection[str]] = {}

    def default_fix(self, key: Key) -> str:
        return self.hints.get(str(key[0]) if key else "", "see CONTRIBUTING.md")

    # What a form's keys may be, and how a missing one is said; sources and data entries
    # word these differently (validate.py, data.py).
    def unknown(self, key: Key, name: str, allowed: Sequence[str]) -> None:
        self.fail(
            (*key, name),
            f"unknown field '{name}'",
            f"use only: {', '.join(allowed)}",
            "unknown-field",
        )

    def missing(self, key: Key, field: Field) -> None:
        self.fail(
            key,
            f"the '{field.name}' field is missing",
            f"add '{field.name}:'",
            # a text's language: the kind texts_per_language reports
            "missing-language" if field.name in self.languages else "missing",
        )

    def read(self, form: Sequence[Field], key: Key, entry: Mapping[str, Any]) -> dict[str, Any]:
        """Each present field's value (None for a null one), INVALID where it is wrong."""
        self.keys(form, key, entry)
        return self.values(form, key, entry)

    def keys(self, form: Sequence[Field], key: Key, entry: Mapping[str, Any]) -> bool:
        """Whether the mapping has every required field (each missing or unknown one is
        reported)."""
        allowed = [f.name for f in form]
        for name in entry:
            if name not in allowed:
                self.unknown(key, name, allowed)
        missing = [f for f in form if f.required and f.name not in entry]
        for field in missing:
            self.missing(key, field)
        return not missing

    def values(self, form: Sequence[Field], key: Key, entry: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field in form:
            if field.name not in entry:
                continue
            value = entry[field.name]
            if field.null and value is None:
                values[field.name] = None
            else:
                values[field.name] = field.spec.read(self, (*key, field.name), value, entry)
        return values

    def cited_texts(self, key: Key, value: Any, cited: bool) -> dict[str, str] | None:
        """Text in each language citing the same sources (see data.py, whose reader knows
        the sources); None after reporting what is wrong."""
        raise NotImplementedError(f"{type(self).__name__} reads no cited texts")

    def known(self, kind: str) -> Collection[str]:
        """The ids a reference of this kind may name ("sources", "actors", ...)."""
        return self.refs.get(kind, ())

    def text(self, key: Key, value: Any) -> str | None:
        """Non-empty text, stripped."""
        if isinstance(value, str) and value.strip():
            return value.strip()
        fix = None
        if isinstance(value, str) and len(key) == 2 and key[1] in self.languages:
            fix = f"write the {key[0]} in {language_name(str(key[1]))} between the quotes"
        self.fail(key, f"expected text, found {describe(value)}", fix, "not-text")
        return None

    def texts_per_language(
        self, key: Key, value: Any, required: Sequence[str], allowed: Sequence[str]
    ) -> dict[str, str]:
        """One line per language: the required ones present, no other than allowed."""
        if not isinstance(value, dict):
            self.fail(
                key, f"expected one line per language, found {describe(value)}", None, "not-mapping"
            )
            return {}
        out: dict[str, str] = {}
        for name in value:
            if name not in allowed:
                self.fail(
                    (*key, name),
                    f"unknown field '{name}'",
                    f"use only: {', '.join(allowed)}",
                    "unknown-field",
                )
        for name in required:
            if name not in value:
                self.fail(
                    key,
                    f"the '{name}' line is missing",
                    f"add '{name}: ...' under '{key[-1]}'",
                    "missing-language",
                )
            elif (text := self.text((*key, name), value[name])) is not None:
                out[name] = text
        self.check_languages(key, out)
        return out


# The specs. Each reads one kind of value and says what is wrong with it once.


@dataclass(frozen=True)
class Text:
    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        text = at.text(key, value)
        return INVALID if text is None else text


@dataclass(frozen=True)
class Judged:
    """Any value: a rule across fields judges it (with what it depends on)."""

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        return value


@dataclass(frozen=True)
class Ident:
    """An id of lower-case words, digits and hyphens."""

    pattern: re.Pattern[str]

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        text = at.text(key, value)
        if text is not None and not self.pattern.match(text):
            at.fail(key, f"{text!r} is not a valid id", None, "bad-id")
            return INVALID
        return INVALID if text is None else text


@dataclass(frozen=True)
class Languages:
    """Text in each of the checker's languages. `extra` keys come first ('original'); with
    `own_language`, the language named by that sibling field is not required (a source's
    title is not translated into its own language)."""

    extra: tuple[str, ...] = ()
    own_language: str | None = None

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        own = entry.get(self.own_language) if self.own_language else None
        needed = [lang for lang in at.languages if lang != own]
        return at.texts_per_language(
            key, value, [*self.extra, *needed], [*self.extra, *at.languages]
        )


@dataclass(frozen=True)
class CitedTexts:
    """Text in each language, each citing the same sources; with `cited`, at least one."""

    cited: bool = False

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        texts = at.cited_texts(key, value, self.cited)
        return INVALID if texts is None else texts


@dataclass(frozen=True)
class Choice:
    """One of a few allowed values: "'x' is not a status. Fix: use one of: ..."."""

    values: Collection[str]
    noun: str  # "a status", "a known kind"
    fix: str | None = None  # else "use one of: ..."
    message: str | None = None  # else "'x' is not <noun>"

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if isinstance(value, str | int | float) and value in self.values:  # a list: not one
            return value
        at.fail(
            key,
            self.message or f"{value!r} is not {self.noun}",
            self.fix or f"use one of: {', '.join(self.values)}",
            "not-allowed",
        )
        return INVALID


@dataclass(frozen=True)
class Refs:
    """A non-empty list of ids, each naming something that exists: `to` is the kind, whose
    ids the checker knows (sources, actors, claims, events)."""

    to: str
    noun: str  # "actors", "source ids"
    fix: str  # "{known}" is replaced by the ids that may be named
    not_list: list[str] | None = None  # what the message shows for a value that is no list

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        given = value if isinstance(value, list) else self.not_list
        known, tolerated = at.known(self.to), at.tolerated.get(self.to, ())
        unknown = [v for v in given or [] if v not in known and v not in tolerated]
        if given and not unknown:
            return given
        fix = self.fix.format(known=", ".join(known))
        at.fail(key, f"unknown or missing {self.noun} {unknown or given}", fix, "unknown-ref")
        return INVALID


@dataclass(frozen=True)
class Ref:
    """One id naming something that exists (`to`: events, claims, pages ...)."""

    to: str
    unknown: str  # "no timeline event has id {value!r}"
    fix: str

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if isinstance(value, str) and value in at.known(self.to):
            return value
        at.fail(key, self.unknown.format(value=value), self.fix, "unknown-ref")
        return INVALID


@dataclass(frozen=True)
class ListOf:
    """A list, each item read by `item` (a problem per bad item, the good ones kept)."""

    item: Spec

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if not isinstance(value, list):
            at.fail(key, f"expected a list, found {describe(value)}", None, "not-list")
            return INVALID
        return [self.item.read(at, (*key, i), v, entry) for i, v in enumerate(value)]


@dataclass(frozen=True)
class Strings:
    """A list of texts each of which `accept` takes (ids, language codes), else one problem
    saying what was expected."""

    expected: str  # "expected a list of source ids"
    fix: str | None = None
    accept: Callable[[Fields, str], bool] = lambda at, text: True
    empty: bool = True  # an empty list is allowed

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if (
            isinstance(value, list)
            and (value or self.empty)
            and all(isinstance(v, str) and self.accept(at, v) for v in value)
        ):
            return value
        at.fail(key, self.expected.format(value=value), self.fix, "not-list")
        return INVALID


@dataclass(frozen=True)
class Url:
    """An http(s) address."""

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        text = at.text(key, value)
        if text is None:
            return INVALID
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            at.fail(key, f"{text!r} is not an http(s) address", None, "bad-url")
            return INVALID
        return text


@dataclass(frozen=True)
class LanguageTag:
    """A BCP 47 tag that Babel knows."""

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if (tag := language_tag(value)) is None:
            at.fail(key, f"{value!r} is not a supported language tag", None, "bad-language")
            return INVALID
        return tag


@dataclass(frozen=True)
class OfType:
    """A value of a plain type (a file name as text, a number)."""

    type: type | tuple[type, ...]
    wrong: str  # "expected the file name as text", "{value!r} is not a number"
    fix: str | None = None

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if isinstance(value, self.type):
            return value
        at.fail(key, self.wrong.format(value=value), self.fix, "wrong-type")
        return INVALID


@dataclass(frozen=True)
class Day:
    """A day (YYYY-MM-DD) that is not in the future."""

    future: str = "{value} is in the future"
    future_fix: str | None = None
    iso: bool = False  # read as an ISO date; refused as "'x' is not a date" with `not_day_fix`
    not_day_fix: str | None = None

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if self.iso:
            try:
                day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
            except ValueError:
                at.fail(key, f"{value!r} is not a date", self.not_day_fix, "bad-date")
                return INVALID
        else:
            fuzzy = parse_fuzzy_date(value, "day")
            if isinstance(fuzzy, Refused):
                at.fail(key, fuzzy.reason, None, "bad-date")
                return INVALID
            day = fuzzy.sort_key
        if day > dt.date.today():
            at.fail(key, self.future.format(value=value, day=day), self.future_fix, "future")
            return INVALID
        return day


@dataclass(frozen=True)
class FuzzyDateOf:
    """A date with its precision, `{date: 2026-01-28, precision: day}`, not in the future."""

    future_fix: str

    def read(self, at: Fields, key: Key, value: Any, entry: Mapping[str, Any]) -> Any:
        if not isinstance(value, dict) or set(value) - {"date", "precision"}:
            at.fail(key, "expected 'date' and 'precision' only", None, "bad-date")
            return INVALID
        date = parse_fuzzy_date(value.get("date"), value.get("precision"))
        if isinstance(date, Refused):
            at.fail((*key, "date"), date.reason, None, "bad-date")
            return INVALID
        if date.sort_key > dt.date.today():
            at.fail(
                (*key, "date"), f"{value.get('date')} is in the future", self.future_fix, "future"
            )
            return INVALID
        return date


def parse_fuzzy_date(value: Any, precision: Any) -> FuzzyDate | Refused:
    """Parse 'YYYY[-MM[-DD]]' with a precision: the date, or why it is not one."""
    if precision not in PRECISIONS:
        return Refused(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    match = DATE_RE.match(str(value)) if isinstance(value, str | int) else None
    if not match:
        return Refused(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year or 0, month or 1, day or 1)
    except ValueError:
        return Refused(f"{value!r} is not a valid calendar date")
    wanted = {
        "day": day is not None,
        "month": month is not None and day is None,
        "year": month is None,
        "approximate": True,
    }
    if not wanted[precision]:
        return Refused(f"{value!r} does not match precision '{precision}'")
    return FuzzyDate(year or 0, month, day, precision)


def language_tag(value: Any) -> str | None:
    """A BCP 47 tag that Babel knows (so it can be named in every site language)."""
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
        return None
    try:
        Locale.parse(value, sep="-")
    except (UnknownLocaleError, ValueError):
        return None
    return value
