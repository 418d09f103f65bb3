"""Problems at the line of a YAML key: the one checker behind sources and data files.

A parsed file comes with the line of every key path (`("titles", "fr")` -> 7, see
load.py). Checking walks the value by key paths and reports each problem at the line of
the nearest key that exists, in the editor's words. Sources (validate.py) and data files
(data.py) specialise how a key path is named and what a missing fix says.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import DEFAULT_LANGUAGE
from .errors import Report
from .language import left_in_english
from .languages import LANGUAGES
from .languages import name as language_name
from .load import Key
from .parity import figures


class KeyPaths:
    """One parsed file's problems, each at the line of its key."""

    first_line = 1  # where a key that is nowhere in the file is reported
    family = "input"  # the first part of its problems' codes: "source.unknown-field"

    def __init__(self, path: str, lines: dict[Key, int]) -> None:
        self.path, self.lines = path, lines
        self.problems = Report()

    def name(self, key: Key) -> str:
        """How the editor reads a key path: `titles.fr`."""
        return ".".join(map(str, key))

    def default_fix(self, key: Key) -> str:
        return "see CONTRIBUTING.md"

    def line(self, key: Key) -> int:
        """The line of the key, or of its nearest parent that the file has."""
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, self.first_line if key else 1)

    def fail(self, key: Key, message: str, fix: str | None, code: str) -> None:
        """A problem with the value at `key`, named at the start of the message (`fix`
        None: the checker's default fix)."""
        name = self.name(key)
        message = f"{name}: {message}" if name else message
        self.report(self.line(key), message, fix or self.default_fix(key), code)

    def report(self, line: int, message: str, fix: str, code: str) -> None:
        """A problem whose message names its subject itself; `code` is the kind of problem
        within the checker's family."""
        self.problems.add(self.path, line, message, fix, f"{self.family}.{code}")

    def check_languages(self, key: Key, texts: Mapping[str, str]) -> None:
        """Texts side by side in several languages: none left in English where it should be
        translated, and each stating the figures the English text states."""
        for lang, text in texts.items():
            if lang in LANGUAGES and lang != DEFAULT_LANGUAGE and left_in_english(text, lang):
                self.fail(
                    (*key, lang),
                    f"the text reads as English, not {language_name(lang)}",
                    f"translate it into {language_name(lang)}",
                    "left-in-english",
                )
        if DEFAULT_LANGUAGE not in texts:
            return
        english = figures(texts[DEFAULT_LANGUAGE], DEFAULT_LANGUAGE)
        for lang, text in texts.items():
            if lang not in LANGUAGES or lang == DEFAULT_LANGUAGE:
                continue
            if (mine := figures(text, lang)) != english:
                only, missing = sorted(mine - english), sorted(english - mine)
                parts = [f"only here: {', '.join(only)}" if only else ""]
                parts.append(f"missing: {', '.join(missing)}" if missing else "")
                self.fail(
                    (*key, lang),
                    f"states other figures than the English ({'; '.join(p for p in parts if p)})",
                    "state the figures the English text states",
                    "figures-differ",
                )
