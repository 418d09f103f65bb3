"""The one Jinja environment, and how the site writes dates, numbers and names.

Every template the briefing renders comes from `ENV`: autoescaping is on for every
template and string (text from a source is data and never becomes markup), and an
undefined name fails the build instead of printing nothing. The formatters are the
reader's language's conventions (Babel's), shared by pages, downloads and the cite box.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .caches import Lifetime, memo
from .data import RATING_MENTION_RE, Chips, Quote, Ratio, Row
from .languages import record
from .model import Cite, FuzzyDate, Source
from .project import Project
from .quotes import TOKEN_RE as QUOTE_TOKEN_RE
from .strings import ACTORS, KINDS, LABELS, label, outlet_name, unit
from .urls import index_url, relative_url, source_url

PREVIEW_CHARS = 600  # of a cited passage, shown in a citation's preview


# Reads strings.yml's approximate-date labels: emptied when the input files change.
@memo(Lifetime.INPUTS)  # called for every marker and date
def format_fuzzy(date: FuzzyDate, lang: str) -> str:
    """A date as that language writes it, at the precision it is known."""
    value = date.sort_key
    if date.day:
        text, known = format_date(value, "long", locale=lang), "day"
    elif date.month:
        text, known = format_skeleton("yMMMM", value, locale=lang), "month"
    else:
        text, known = format_skeleton("y", value, locale=lang), "year"
    if date.precision != "approximate":
        return text
    return label(f"approx_{known}", lang).format(date=text)


@memo(Lifetime.PROCESS)  # pure, and called for every marker and date
def format_day(value: dt.date, lang: str) -> str:
    return format_date(value, "long", locale=lang)


def kind_with_meaning(kind: str, lang: str) -> str:
    """A source's kind and what it means, joined as the reader's language writes them."""
    meaning = KINDS[kind]["meaning"][lang]
    return label("kind_with_meaning", lang).format(
        kind=KINDS[kind]["label"][lang],
        meaning=meaning,
        meaning_lower=meaning[:1].lower() + meaning[1:],
    )


def kind_in_reference(kind: str, lang: str) -> str:
    """A source's kind as a reference entry gives it after the date."""
    name = KINDS[kind]["label"][lang]
    return label("kind_in_reference", lang).format(
        kind=name, kind_lower=name[:1].lower() + name[1:]
    )


def with_ratings(text: str, lang: str) -> str:
    """A log entry's text with each {rating:…@claim} shown as the rating's label."""
    return RATING_MENTION_RE.sub(lambda m: label(f"rating_{m.group(1)}", lang), text)


def quote_text(quote: Quote, lang: str, outlet: str | None) -> str:
    """A quotation as plain text in `lang`: the speaker's own words in quotation marks; a
    translation by the site in quotation marks, said to be ours; a translation by an outlet
    or its machine, never in quotation marks, with whose wording it is."""
    words = quote.text[lang]
    # Whose translation: the agency that wrote the report ("Reuters via Boursorama" -> Reuters).
    translator = outlet.partition(" via ")[0] if outlet else None
    source = outlet_name(translator, lang) if translator else label("outlet_unknown", lang)
    if quote.wording == "speaker":
        marked = label("quote_marks", lang).format(q=words)
        if lang == quote.language.split("-")[0]:
            return marked
        note = label("quote_ours", lang)
    elif quote.wording == "outlet-translation" and lang == quote.language.split("-")[0]:
        marked = label("quote_marks", lang).format(q=words)
        note = label("quote_outlet_translation", lang).format(outlet=source)
    else:
        marked = words
        note = label(
            "quote_machine_translation"
            if quote.wording == "machine-translation"
            else "quote_outlet_translation",
            lang,
        ).format(outlet=source)
    return f"{marked}{label('paren_open', lang)}{note}{label('paren_close', lang)}"


def with_quotes(
    text: str, lang: str, quotes: Mapping[str, Quote], sources: Mapping[str, Source]
) -> str:
    """A text with each {q:id} replaced by its quotation in `lang` (unknown ids are left:
    `check` reports them)."""
    if "{q:" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        quote = quotes.get(match.group(1))
        if quote is None:
            return match.group(0)
        source = sources.get(quote.source)
        return quote_text(quote, lang, source.outlet if source else None)

    return QUOTE_TOKEN_RE.sub(one, text)


def language_name(tag: str, lang: str) -> str:
    """A source's language (a BCP 47 tag) named in the reader's language."""
    return Locale.parse(tag, sep="-").get_display_name(Locale.parse(lang)) or tag


def link_gap(lang: str) -> str:
    """What separates a sentence from the inline link after it: a space, or nothing in a
    language written without spaces."""
    return record(lang).link_gap


def format_number(value: float, lang: str, row: Row | None = None) -> str:
    """A figure as the reader's language writes it; in a row where some figure has decimals
    (4.8, 3.35 TB/s), every figure keeps at least one (4.0, not 4)."""
    decimals = row is not None and any(
        c.number is not None and c.number != int(c.number) for c in row.cells.values()
    )
    fraction = ".0##" if decimals else ".###"
    if not record(lang).groups_four_digits and abs(value) < 10000:  # German: 6500, not 6.500
        return format_decimal(value, "0" + fraction, locale=lang)
    return format_decimal(value, "#,##0" + fraction, locale=lang)


def ratio_text(chips: Chips, ratio: Ratio, lang: str) -> tuple[str, str, str]:
    """(numerator, denominator, result) as the reader's language writes numbers."""
    num, den = chips.operands(ratio)
    value = num / den
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
        format_number(num, lang, chips.row(ratio.numerator[0])),
        format_number(den, lang, chips.row(ratio.denominator[0])),
        result,
    )


def cite_target(cite: Cite, lang: str) -> str:
    """Where a citation leads: its source's page, at the first cited paragraph."""
    anchor = f"#p{cite.first}" if cite.first is not None else ""
    return source_url(cite.source_id, lang) + anchor


def _shorten(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


def preview_text(source: Source, cite: Cite) -> str:
    """The cited words in the original (the title when the whole source is cited)."""
    if cite.first is None:
        return source.title_original
    return _shorten(" ".join(source.paragraphs[cite.first - 1 : (cite.last or cite.first)]))


def preview_account(source: Source, cite: Cite, lang: str) -> str:
    """The site's account of the cited paragraphs in `lang`, shortened like a quotation's
    preview ("" while one of them is a draft's empty account)."""
    if cite.first is None:
        return ""
    parts = [source.account(n, lang) for n in range(cite.first, (cite.last or cite.first) + 1)]
    if not all(parts):
        return ""
    short = _shorten(" ".join(parts))
    cut = short.rfind("{q:")
    if cut != -1 and "}" not in short[cut:]:  # never half a quotation token: end before it
        short = short[:cut].rstrip() + "…"
    return short


def preview_translation(project: Project, source: Source, cite: Cite, lang: str) -> str | None:
    """The site's translation of the cited paragraphs into `lang`, shortened like the
    original's preview: None when the source is in `lang` or the whole source is cited,
    "" when a cited paragraph's translation is still pending."""
    if cite.first is None or source.language == lang:
        return None
    parts = [
        project.paragraph_translation(source.id, n, lang) or ""
        for n in range(cite.first, (cite.last or cite.first) + 1)
    ]
    if not all(parts):
        return ""
    return _shorten(" ".join(parts))


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        label=label,
        unit=unit,
        kinds=KINDS,
        labels=LABELS,
        actors=ACTORS,
        format_fuzzy=format_fuzzy,
        format_day=format_day,
        format_number=format_number,
        ratio_text=ratio_text,
        language_name=language_name,
        link_gap=link_gap,
        kind_with_meaning=kind_with_meaning,
        with_quotes=with_quotes,
        with_ratings=with_ratings,
        kind_in_reference=kind_in_reference,
        outlet_name=outlet_name,
        relative_url=relative_url,
        source_url=source_url,
        index_url=index_url,
        cite_target=cite_target,
        preview_text=preview_text,
        preview_account=preview_account,
        preview_translation=preview_translation,
    )
    return env


ENV = _environment()
