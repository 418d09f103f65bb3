"""UI strings for generated pages, loaded from strings.yml (all four languages each).

The dictionaries are updated in place by `refresh()` when strings.yml changes, so that
`mkdocs serve` shows an edited label without a restart (modules hold references to them).
The build's owner of state (the adapter's `Session`) refreshes them with the other inputs;
a change empties every cache that reads the inputs (`caches.Lifetime.INPUTS`), so nothing
made from an old label is served again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from . import caches
from .errors import Problem
from .languages import LANGUAGES
from .languages import name as language_name
from .load import Key, read_yaml

PATH = Path(__file__).parent / "strings.yml"
SHOWN = "scripts/briefing/strings.yml"  # as editors see it
LABELS: dict[str, dict[str, str]] = {}
KINDS: dict[str, dict[str, dict[str, str]]] = {}
ACTORS: dict[str, dict[str, str]] = {}
UNITS: dict[str, dict[str, str]] = {}
OUTLETS: dict[str, dict[str, str]] = {}
ADDED: dict[str, dict[str, str]] = {}  # labels declared in code (see `add_labels`)
_loaded: list[int] = [-1]  # mtime_ns of the file last read


def refresh() -> None:
    """Re-read strings.yml if it changed since it was last read."""
    mtime = PATH.stat().st_mtime_ns
    if mtime == _loaded[0]:
        return
    data: dict[str, Any] = yaml.safe_load(PATH.read_text("utf-8"))
    for target, key in (
        (LABELS, "labels"),
        (KINDS, "kinds"),
        (ACTORS, "actors"),
        (UNITS, "units"),
        (OUTLETS, "outlets"),
    ):
        target.clear()
        target.update(data[key])
    LABELS.update(ADDED)
    _loaded[0] = mtime
    caches.inputs_changed()  # what was made from the old strings (dates "c. …") goes


def unit(name: str | None, lang: str) -> str:
    """A unit as the reader's language writes it (To/s in French); unlisted units as given."""
    return UNITS.get(name or "", {}).get(lang, name or "")


def outlet_name(outlet: str, lang: str) -> str:
    """An outlet as the reader's language writes it: a name its press translates, and an
    agency's report read on another site ("Reuters via Boursorama") in its grammar."""
    agency, via, host = outlet.partition(" via ")
    if not via:
        return OUTLETS.get(outlet, {}).get(lang, outlet)
    return LABELS["outlet_via"][lang].format(
        agency=OUTLETS.get(agency, {}).get(lang, agency),
        host=OUTLETS.get(host, {}).get(lang, host),
    )


def add_labels(labels: Mapping[str, Mapping[str, str]]) -> None:
    """Labels declared with a directive from outside the package (a test's fixture), which
    cannot write strings.yml; kept when strings.yml is read again. A key strings.yml has is
    a mistake in the code, so it fails loudly."""
    if taken := sorted(key for key in labels if key in LABELS and key not in ADDED):
        raise ValueError(f"strings.yml already has the labels {', '.join(taken)}")
    ADDED.update({key: dict(texts) for key, texts in labels.items()})
    LABELS.update(ADDED)


def coverage(languages: Sequence[str]) -> list[Problem]:
    """Every entry of strings.yml in every site language (a missing one would stop the build
    halfway: a label is looked up, never guessed), and in no language without a record (a
    mistyped code). A language with a record may be given before mkdocs.yml lists it."""
    value, lines, problems = read_yaml(PATH, SHOWN)
    if problems or not isinstance(value, dict):
        return problems
    found: list[Problem] = []

    def walk(key: Key, node: Any) -> None:
        if not isinstance(node, dict):
            return
        if not all(isinstance(v, dict) for v in node.values()):  # one text per language
            line = lines.get(key, 1)
            name = ".".join(map(str, key))
            for lang in languages:
                if not isinstance(node.get(lang), str):
                    found.append(
                        Problem(
                            SHOWN,
                            line,
                            f"{name} has no '{lang}' text ({language_name(lang)}, a site "
                            "language in mkdocs.yml)",
                            f"add {lang}: … to the entry",
                            "strings.missing-language",
                        )
                    )
            for extra in sorted(set(node) - set(languages) - set(LANGUAGES)):
                found.append(
                    Problem(
                        SHOWN,
                        lines.get((*key, extra), line),
                        f"{name} gives '{extra}', a language neither mkdocs.yml lists nor "
                        "scripts/briefing/languages.py knows",
                        "correct the language code (en, ja, fr ...), or remove the text",
                        "strings.unknown-language",
                    )
                )
            return
        for name, child in node.items():
            walk((*key, name), child)

    walk((), value)
    return found


def label(key: str, lang: str) -> str:
    """The label `key` in `lang`; a missing one is a bug the tests catch, so fail loudly."""
    return LABELS[key][lang]


refresh()
