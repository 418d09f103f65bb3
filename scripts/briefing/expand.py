"""Render a page's directives (see directives.py) into the data they show, as Markdown with
raw HTML; the inserted text keeps its citations, which are then rendered like any other."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import groupby

from .data import Data
from .directives import DIRECTIVE_RE, options_of
from .templating import ENV

Renderer = Callable[[str, Data, dict[str, str], Mapping[str, str]], str]
CHART_ROWS = ("fp16-dense", "memory-bandwidth")


def expand(markdown: str, lang: str, data: Data, titles: Mapping[str, str] | None = None) -> str:
    """Replace each directive with its rendered content (Markdown with raw HTML).
    `titles`: the language's page titles by path, for directives that link to pages."""
    if "briefing:" not in markdown:
        return markdown

    def render(match: re.Match[str]) -> str:
        renderer = RENDERERS.get(match.group(1))
        if renderer is None:
            return match.group(0)  # reported by directives.problems_in
        return renderer(lang, data, options_of(match.group(2)), titles or {})

    return DIRECTIVE_RE.sub(render, markdown)


def _timeline(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    actor = options.get("actor")
    events = data.events_of(actor)
    groups = [(year, list(items)) for year, items in groupby(events, key=lambda e: e.date.year)]
    return ENV.get_template("timeline.html.j2").render(lang=lang, groups=groups, full=actor is None)


def _chips(template: str) -> Renderer:
    def render(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
        if data.chips is None:
            return ""  # reported by directives.problems_in
        return ENV.get_template(template).render(lang=lang, chips=data.chips, chart_rows=CHART_ROWS)

    return render


def _claim_review(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    claim = data.claims.get(options.get("id", ""))
    if claim is None:
        return ""  # reported by directives.problems_in
    return ENV.get_template("claim_review.html.j2").render(lang=lang, claim=claim)


def _corrections(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    """The log, each affected page linked as a Markdown link (MkDocs resolves it)."""
    return ENV.get_template("corrections.html.j2").render(
        lang=lang, entries=data.corrections, titles=titles
    )


def _status(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    """The key questions: a board of current answers (the home page: all; an actor's page:
    that actor's), or with `view=full` every question with its earlier answers."""
    full = options.get("view") == "full"
    return ENV.get_template("status.html.j2").render(
        lang=lang,
        questions=data.questions_of(options.get("actor")),
        full=full,
        horizon=data.horizon,
        event_of=data.event,
        status_page="status.md" if "actor" not in options else "../status.md",
    )


def _horizon(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    return ENV.get_template("horizon.html.j2").render(lang=lang, horizon=data.horizon)


def _kinds(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    return ENV.get_template("kinds.html.j2").render(lang=lang)


RENDERERS: dict[str, Renderer] = {
    "timeline": _timeline,
    "chips-table": _chips("chips_table.html.j2"),
    "chips-chart": _chips("chips_chart.html.j2"),
    "chips-ratios": _chips("chips_ratios.html.j2"),
    "source-kinds": _kinds,
    "claim-review": _claim_review,
    "corrections": _corrections,
    "status": _status,
    "horizon": _horizon,
    "todo": lambda lang, data, options, titles: "",  # reported by directives.problems_in
}
