"""Render a page's directives (see directives.py) into the data they show, as Markdown with
raw HTML; the inserted text keeps its citations, which are then rendered like any other.

Every directive is rendered the same way, from its row in `directives.DIRECTIVES`: its
template, given the language and the row's `context`. There is no code here per directive,
so a directive is declared in one place (the row), never here as well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from .caches import Lifetime, memo
from .data import Data
from .directives import DIRECTIVE_RE, DIRECTIVES, Directive, options_of
from .templating import ENV


def expand(markdown: str, lang: str, data: Data, titles: Mapping[str, str] | None = None) -> str:
    """Replace each directive with its rendered content (Markdown with raw HTML).
    `titles`: the language's page titles by path, for directives that link to pages."""
    if "briefing:" not in markdown:
        return markdown

    def render(match: re.Match[str]) -> str:
        row = DIRECTIVES.get(match.group(1))
        if row is None:
            return match.group(0)  # reported by directives.problems_in
        return render_directive(row, lang, data, options_of(match.group(2)), titles or {})

    return DIRECTIVE_RE.sub(render, markdown)


def render_directive(
    row: Directive, lang: str, data: Data, given: dict[str, str], titles: Mapping[str, str]
) -> str:
    """One directive's content; nothing when it shows nothing or its data is missing (which
    directives.problems_in reports)."""
    context = row.context(data, given, titles) if row.template else None
    if row.template is None or context is None:
        return ""
    return _environment(row.templates).get_template(row.template).render(lang=lang, **context)


@memo(Lifetime.PROCESS)  # keyed on the folder: the templates it finds are read afresh
def _environment(folder: Path | None) -> Environment:
    """The package's environment, or for a directive declared outside the package one that
    also finds the templates in its folder (same filters, globals and autoescaping)."""
    if folder is None:
        return ENV
    assert ENV.loader is not None
    return ENV.overlay(loader=ChoiceLoader([ENV.loader, FileSystemLoader(folder)]))
