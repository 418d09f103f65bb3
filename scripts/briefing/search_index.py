"""The search index: one Pagefind bundle per language, each made while the next language builds.

Pagefind reads each page's `lang` and segments Japanese into words (the extended build),
stems French and German. A language's pages are indexed as soon as that language is written,
by a Pagefind process of its own working beside the build (this machine's second core), into
`pagefind/<lang>/`; the browser loads the reader's language's bundle, in small pieces, when
the reader searches. The build waits for every index after its last language: a failed one
stops it. Only the article (`data-pagefind-body`, overrides/main.html) is indexed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from . import DEFAULT_LANGUAGE

BUNDLE = "pagefind"  # the folder of the site holding one bundle per language
# What the article repeats on page after page and a reader never searches for: the notes on
# how a source's text is shown, its paragraphs' labels and numbers, "translation pending".
# And what would show as site markup in a result's title or excerpt: the headings' permalink
# signs (¶), citation markers ([3]) and a reference's links back to them (^ a b), the
# address a reference shows only in print, the bracketed note opening a title the site
# wrote ("[No headline captured]"), and a source's record (outlet, author, address...), whose outlet
# and date the page gives Pagefind as metadata instead (data-pagefind-meta, source.html.j2):
# still searchable, and shown apart from the excerpt.
NOT_INDEXED = (
    ".bf-tr-intro",
    ".bf-tr-toggle",
    ".bf-para__label",
    ".bf-para__num",
    ".bf-para__pending",
    ".headerlink",
    ".bf-cite",
    ".bf-backlinks",
    ".bf-print-url",
    ".bf-title-note",
    ".bf-meta",
)
TIMEOUT_SECONDS = 600  # per language, counted from when the build waits for it


def bundle_path(lang: str) -> str:
    """Where `lang`'s search bundle is, relative to the site's root."""
    return f"{BUNDLE}/{lang}/"


def language_glob(site: Path, lang: str, languages: Sequence[str]) -> str:
    """The pages of `lang` among the site's files, as a Pagefind glob: the other languages
    have their own folders, the default language is what is left at the root."""
    if lang != DEFAULT_LANGUAGE:
        return f"{lang}/**/*.html"
    skipped = {*languages, BUNDLE, "assets"}
    parts = sorted(
        f"{entry.name}/**/*.html" if entry.is_dir() else entry.name
        for entry in site.iterdir()
        if entry.name not in skipped and (entry.is_dir() or entry.suffix == ".html")
    )
    return "{" + ",".join(parts) + "}" if len(parts) > 1 else "".join(parts)


@dataclass
class _Indexing:
    lang: str
    process: subprocess.Popen[bytes]
    output: IO[bytes]  # what Pagefind printed, read if it fails


@dataclass
class SearchIndexer:
    """The Pagefind processes of one build, one per language."""

    running: list[_Indexing] = field(default_factory=list)

    def start(self, site: Path, lang: str, languages: Sequence[str]) -> None:
        """Index `lang`'s pages, written just now, while the build goes on."""
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
        command += ["--glob", language_glob(site, lang, languages)]
        command += ["--output-path", str(site / bundle_path(lang))]
        for selector in NOT_INDEXED:
            command += ["--exclude-selectors", selector]
        output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by finish or stop)
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        self.running.append(_Indexing(lang, process, output))

    def finish(self) -> list[str]:
        """Wait for every language's index; what went wrong with any, in words."""
        failures = []
        for indexing in self.running:
            try:
                code = indexing.process.wait(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                indexing.process.kill()
                indexing.process.wait()
                code = None
            indexing.output.seek(0)
            printed = indexing.output.read().decode("utf-8", "replace")[-2000:]
            indexing.output.close()
            if code is None:
                failures.append(f"{indexing.lang}: no index after {TIMEOUT_SECONDS} s")
            elif code != 0:
                failures.append(f"{indexing.lang}: Pagefind stopped ({code}):\n{printed}")
        self.running.clear()
        return failures

    def stop(self) -> None:
        """A build that failed: stop the indexing it started."""
        for indexing in self.running:
            indexing.process.kill()
            indexing.process.wait()
            indexing.output.close()
        self.running.clear()
