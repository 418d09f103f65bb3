"""Directives that put the briefing's data into a page, so each fact is written once.

In a page, an HTML comment names what to insert:
  <!-- briefing:timeline -->                 the whole timeline, by year, with a filter
  <!-- briefing:timeline actor=nvidia -->    the events of one actor
  <!-- briefing:chips-table -->  <!-- briefing:chips-chart -->  <!-- briefing:chips-ratios -->
  <!-- briefing:source-kinds -->             what the source kinds mean
  <!-- briefing:corrections -->              the log of corrections and updates, newest first
  <!-- briefing:claim-review id=h200-count --> the site's rating of a claim (data/claims.yml),
                                             before the assessment paragraph it rates
The inserted text keeps its citations, which are then rendered like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import groupby

from babel import Locale
from babel.numbers import format_decimal, format_percent

from .data import Chips, Data, Row
from .errors import Problem
from .strings import ACTORS, label, unit

Renderer = Callable[[str, Data, dict[str, str], Mapping[str, str]], str]
DIRECTIVE_RE = re.compile(r"<!--\s*briefing:([a-z-]+)((?:\s+[a-z]+=[a-z0-9-]+)*)\s*-->")
CHART_ROWS = ("fp16-dense", "memory-bandwidth")


DATA_FILES = {
    "timeline": "data/timeline.yml",
    "chips-table": "data/chips.yml",
    "claim-review": "data/claims.yml",
    "corrections": "data/corrections.yml",
    "chips-chart": "data/chips.yml",
    "chips-ratios": "data/chips.yml",
}


def data_files_of(markdown: str) -> tuple[str, ...]:
    """The data files a page shows through its directives (a change there changes the page)."""
    names = (DATA_FILES.get(m.group(1)) for m in DIRECTIVE_RE.finditer(markdown))
    return tuple(sorted({name for name in names if name}))


def _options(raw: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in raw.split())


def problems_in(markdown: str, path: str, data: Data, first_line: int = 1) -> list[Problem]:
    """Unknown directives or options, and directives whose data is missing."""
    problems = []
    for match in DIRECTIVE_RE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + first_line
        name, options = match.group(1), _options(match.group(2))
        if name not in RENDERERS:
            problems.append(
                Problem(
                    path,
                    line,
                    f"unknown directive 'briefing:{name}'",
                    f"use one of: {', '.join(sorted(RENDERERS))}",
                )
            )
        elif name == "claim-review":
            if set(options) != {"id"}:
                problems.append(
                    Problem(
                        path,
                        line,
                        "briefing:claim-review needs id=<claim id>",
                        "write <!-- briefing:claim-review id=... --> with an id "
                        "from data/claims.yml",
                    )
                )
            elif options["id"] not in data.claims and not data.claims_broken:
                near = ", ".join(sorted(data.claims)[:8]) or "none yet"
                problems.append(
                    Problem(
                        path,
                        line,
                        f"no claim '{options['id']}' in data/claims.yml",
                        f"add it there, or use one of: {near}",
                    )
                )
        elif name == "timeline" and (
            set(options) - {"actor"} or options.get("actor", next(iter(ACTORS))) not in ACTORS
        ):
            problems.append(
                Problem(
                    path,
                    line,
                    f"bad options {options} for briefing:timeline",
                    f"write actor=<one of {', '.join(ACTORS)}>",
                )
            )
        elif name not in ("timeline", "claim-review") and options:
            problems.append(
                Problem(
                    path,
                    line,
                    f"briefing:{name} takes no options",
                    f"write <!-- briefing:{name} -->",
                )
            )
        elif name.startswith("chips") and data.chips is None and not data.chips_broken:
            problems.append(
                Problem(
                    path,
                    line,
                    "the chip data (data/chips.yml) is missing",
                    "add data/chips.yml or remove the directive",
                )
            )
    return problems


def expand(markdown: str, lang: str, data: Data, titles: Mapping[str, str] | None = None) -> str:
    """Replace each directive with its rendered content (Markdown with raw HTML).
    `titles`: the language's page titles by path, for directives that link to pages."""
    if "briefing:" not in markdown:
        return markdown

    def render(match: re.Match[str]) -> str:
        renderer = RENDERERS.get(match.group(1))
        if renderer is None:
            return match.group(0)  # reported by problems_in
        return renderer(lang, data, _options(match.group(2)), titles or {})

    return DIRECTIVE_RE.sub(render, markdown)


def _env():  # imported late: render imports this module
    from .render import ENV

    return ENV


def _timeline(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    actor = options.get("actor")
    events = data.events_of(actor)
    groups = [(year, list(items)) for year, items in groupby(events, key=lambda e: e.date.year)]
    return (
        _env()
        .get_template("timeline.html.j2")
        .render(lang=lang, groups=groups, full=actor is None, actors=ACTORS)
    )


def _number(value: float, lang: str, row: Row | None = None) -> str:
    """A figure as the reader's language writes it; in a row where some figure has decimals
    (4.8, 3.35 TB/s), every figure keeps at least one (4.0, not 4)."""
    decimals = row is not None and any(
        c.number is not None and c.number != int(c.number) for c in row.cells.values()
    )
    fraction = ".0##" if decimals else ".###"
    if lang == "de" and abs(value) < 10000:  # German does not group four-digit numbers
        return format_decimal(value, "0" + fraction, locale=lang)
    return format_decimal(value, "#,##0" + fraction, locale=lang)


def ratio_value(chips: Chips, ratio, lang: str) -> tuple[str, str, str]:
    """(numerator, denominator, result) as the reader's language writes numbers."""
    num = chips.cell(*ratio.numerator).number
    den = chips.cell(*ratio.denominator).number
    value = num / den
    rows = {row.id: row for row in chips.rows}
    if ratio.style == "percent":  # the locale's own pattern (15,0 % in French), one decimal
        pattern = (
            Locale.parse(lang)
            .percent_formats[None]
            .pattern.replace("0%", "0.0%")
            .replace("0\u00a0%", "0.0\u00a0%")
            .replace("0 %", "0.0 %")
        )
        result = format_percent(value, pattern, locale=lang)
    else:
        result = label("ratio_times", lang).format(n=format_decimal(value, "#,##0.0", locale=lang))
    return (
        _number(num, lang, rows.get(ratio.numerator[0])),
        _number(den, lang, rows.get(ratio.denominator[0])),
        result,
    )


def _chips(template: str) -> Renderer:
    def render(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
        if data.chips is None:
            return ""  # reported by problems_in
        return (
            _env()
            .get_template(template)
            .render(
                lang=lang,
                chips=data.chips,
                chart_rows=CHART_ROWS,
                number=_number,
                ratio_value=ratio_value,
                unit=unit,
            )
        )

    return render


def _claim_review(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    claim = data.claims.get(options.get("id", ""))
    if claim is None:
        return ""  # reported by problems_in
    return _env().get_template("claim_review.html.j2").render(lang=lang, claim=claim)


def _corrections(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    """The log, each affected page linked as a Markdown link (MkDocs resolves it)."""
    return (
        _env()
        .get_template("corrections.html.j2")
        .render(lang=lang, entries=data.corrections, titles=titles)
    )


def _kinds(lang: str, data: Data, options: dict[str, str], titles: Mapping[str, str]) -> str:
    return _env().get_template("kinds.html.j2").render(lang=lang)


RENDERERS: dict[str, Renderer] = {
    "timeline": _timeline,
    "chips-table": _chips("chips_table.html.j2"),
    "chips-chart": _chips("chips_chart.html.j2"),
    "chips-ratios": _chips("chips_ratios.html.j2"),
    "source-kinds": _kinds,
    "claim-review": _claim_review,
    "corrections": _corrections,
}
