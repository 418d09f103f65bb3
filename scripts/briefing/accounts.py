"""The site's account of each paragraph of a source whose text it does not hold.

Apart from the articles the briefing was given (held whole, `reproduction: whole`), the
project keeps no article's text. What it keeps of a source it cites paragraph by paragraph is
`seeds/<id>.accounts.yml`, beside the record: what each paragraph reports, written by the
site, in every site language (the source's own included), numbered like the article's
paragraphs so that `[@id, ¶3]` points at the same paragraph as in the article:

    # The site's account of each paragraph of Reuters' article (seeds/x.md): ...
    source: x
    paragraphs:
      - n: 1
        en: "Reuters, citing two people familiar with the matter, reports that …"
        ja: "…"
        fr: "…"
        de: "…"
    copy_guard: "0a1b2c3d 4e5f6a7b …"   # written by `new`: see copyguard.py

Checked here: entries in order, every language written (an empty "" is a draft's missing
field under the preview, a problem for `check`), the same figures in every language, no
language left in English, quotations no longer than a short phrase, and no run of words
found in the article's copy guard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .copyguard import QUOTE_CHARS, QUOTE_WORDS, copied_runs, long_quotes, run_size
from .errors import Problem
from .keypaths import KeyPaths
from .languages import name as language_name
from .load import Key, read_yaml

SUFFIX = ".accounts.yml"
HEADER = (
    "# The site's account of each paragraph of {what}\n"
    "# ({path}): what the paragraph reports, written by the site in each site language.\n"
    "# Not the outlet's words: no sentence of the article is copied (a speaker's words only\n"
    "# as a short quoted phrase). One entry per paragraph of the article, numbered as there;\n"
    "# see 'Writing an account' in CONTRIBUTING.md.\n"
)


def path_for(source_path: str, root: Path) -> Path:
    """seeds/x/<id>.md -> seeds/x/<id>.accounts.yml"""
    return (root / source_path).with_name(Path(source_path).stem + SUFFIX)


@dataclass
class Accounts:
    """One source's accounts: texts[n - 1][lang]; the file's line of each entry."""

    path: str
    texts: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # a draft's empty texts, e.g. "¶2.fr"
    drafts: list[tuple[str, ...]] = field(default_factory=list)  # per entry: languages in draft


def load_accounts(
    source_path: str, source_id: str, root: Path, languages: Sequence[str], drafts: bool = False
) -> tuple[Accounts | None, list[Problem]]:
    """Read and check the accounts beside a source (None, no problem: it has none)."""
    path = path_for(source_path, root)
    if not path.exists():
        return None, []
    shown = path.relative_to(root).as_posix()
    value, lines, problems = read_yaml(path, shown)
    if problems:
        return None, problems
    checker = _Checker(shown, lines, source_id, drafts, languages)
    return checker.check(value), checker.problems


class _Checker(KeyPaths):
    family = "accounts"

    def __init__(
        self,
        shown: str,
        lines: dict[Key, int],
        source_id: str,
        drafts: bool,
        languages: Sequence[str],
    ) -> None:
        super().__init__(shown, lines)
        self.site = tuple(languages)  # the site's languages
        self.source_id = source_id
        self.drafts = drafts

    def name(self, key: Key) -> str:
        if len(key) >= 2 and key[0] == "paragraphs" and isinstance(key[1], int):
            rest = ".".join(map(str, key[2:]))
            return f"¶{key[1] + 1}" + (f" ({language_name(rest)})" if rest else "")
        return super().name(key)

    def default_fix(self, key: Key) -> str:
        return "see 'Writing an account' in CONTRIBUTING.md"

    def check(self, value: object) -> Accounts | None:
        layout = f"keep the layout that `make new` writes (see {SUFFIX} files in seeds/)"
        if not isinstance(value, dict) or not {"source", "paragraphs"} <= set(value):
            self.report(1, "expected 'source:' and 'paragraphs:'", layout, "layout")
            return None
        for name in set(value) - {"source", "paragraphs", "copy_guard"}:
            self.fail(
                (name,),
                f"unknown field '{name}'",
                "use only: source, paragraphs, copy_guard",
                "unknown-field",
            )
        if value["source"] != self.source_id:
            self.fail(
                ("source",),
                f"{value['source']!r} is not this file's source ('{self.source_id}')",
                f"write source: {self.source_id}",
                "other-source",
            )
        guard = value.get("copy_guard") or ""
        if not isinstance(guard, str):
            self.fail(
                ("copy_guard",),
                "expected the fingerprint as text",
                "leave what `new` wrote",
                "not-text",
            )
            guard = ""
        entries = value["paragraphs"]
        if not isinstance(entries, list) or not entries:
            self.fail(
                ("paragraphs",),
                "expected a list of entries",
                "one '- n: …' per paragraph",
                "not-list",
            )
            return None
        result = Accounts(self.path)
        for index, entry in enumerate(entries):
            key: Key = ("paragraphs", index)
            if not isinstance(entry, dict) or entry.get("n") != index + 1:
                self.report(
                    self.line(key),
                    f"entry {index + 1} must be 'n: {index + 1}': one entry per paragraph "
                    "of the article, in order",
                    f"number the entries 1 to {len(entries)}, as the article's paragraphs",
                    "out-of-order",
                )
                continue
            result.texts.append(self._entry(entry, key, guard, result))
            result.lines.append(self.line(key))
            drafts = entry.get("draft", [])
            if not isinstance(drafts, list) or not set(drafts) <= set(self.site):
                self.fail(
                    (*key, "draft"),
                    f"expected site languages, found {drafts!r}",
                    None,
                    "not-allowed",
                )
                drafts = []
            result.drafts.append(tuple(drafts))
        return result

    def _entry(
        self, entry: dict[str, object], key: Key, guard: str, result: Accounts
    ) -> dict[str, str]:
        for name in entry:
            if name not in ("n", "draft") and name not in self.site:
                self.fail(
                    (*key, name),
                    f"unknown field '{name}'",
                    f"use only: n, {', '.join(self.site)}, draft",
                    "unknown-field",
                )
        texts: dict[str, str] = {}
        for lang in self.site:
            value = entry.get(lang)
            if not isinstance(value, str) or not value.strip():
                if self.drafts and value == "":
                    result.missing.append(f"¶{key[1] + 1}.{lang}")  # type: ignore[operator]
                    texts[lang] = ""
                    continue
                self.fail(
                    (*key, lang),
                    "the account is missing",
                    f'write what the paragraph reports, in {language_name(lang)}, as {lang}: "…"',
                    "missing",
                )
                continue
            text = " ".join(value.split())
            texts[lang] = text
            for quote in long_quotes(text, lang):
                self.fail(
                    (*key, lang),
                    f"quotes more than a short phrase ({quote[:60]}…): an account is the site's "
                    f"words, quoting a speaker only as a clause (at most {QUOTE_WORDS} words, "
                    f"{QUOTE_CHARS} Japanese characters)",
                    "say what was said in the site's words, keeping only the phrase whose "
                    "wording matters in quotation marks",
                    "long-quote",
                )
            copied = copied_runs(text, lang, guard)
            if copied:
                self.fail(
                    (*key, lang),
                    f"reads as copied from the article: {copied} run(s) of {run_size(lang)} "
                    f"{'characters' if run_size(lang) > 10 else 'words'} are the article's own",
                    "write what the paragraph reports in the site's own words and sentence "
                    "structure (a speaker's phrase goes in quotation marks)",
                    "copied",
                )
        self.check_languages(key, {lang: t for lang, t in texts.items() if t})
        return texts
