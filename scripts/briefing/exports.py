"""Downloadable data, written at build time into each language's `downloads/` folder (a
file that is the same in every language, `shared`, once into the default language's).

- sources.json: every source as CSL-JSON (imports into Zotero, Pandoc, citeproc);
- sources.bib: every source as BibTeX (BibLaTeX fields that Zotero and Biber read);
- sources.csv: one row per source with its record (for a spreadsheet);
- timeline.json: the timeline in TimelineJS's JSON format, citations as links;
- timeline.csv: one row per event: ISO date and precision, actors, the text as plain text,
  the cited sources with their paragraphs, the site's paragraph pages and the originals;
- chips.csv and chips.json: the chip specifications, each cell with its citations (long
  format: one row per cell); chips-wide.csv the same values as the comparison shows them,
  one row per chip and one column per specification;
- texts.json: every captured source's paragraphs, each original beside the site's
  translations into the other site languages (one file for every language: its source
  page and its description in each language).

Texts in the reader's language where the record has them (titles, notes, labels); the
original title always. Everything here is data: JSON and CSV are written by their
libraries, BibTeX values are escaped for LaTeX, HTML in the timeline is escaped.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import DEFAULT_LANGUAGE
from .citations import find_citations
from .data import Chips
from .languages import record as language_record
from .model import Cite, FuzzyDate, Source
from .project import Project
from .strings import ACTORS, KINDS, label, unit
from .templating import format_fuzzy, ratio_text, with_quotes
from .urls import downloads_url, source_url

CSL_TYPES = {
    "news-report": "article-newspaper",
    "analysis": "article-newspaper",
    "opinion-column": "article-newspaper",
    "republished": "webpage",
    "ai-generated-news": "webpage",
    "datasheet": "document",
    "government-document": "document",
    "legal-analysis": "post-weblog",
    "think-tank": "report",
    "company-filing": "report",
    "expert-notes": "webpage",
}
FORMATS = {  # a download's media type, as the data page names its format
    "text/csv": "CSV",
    "application/json": "JSON",
    "application/vnd.citationstyles.csl+json": "CSL-JSON",
    "application/x-bibtex": "BibTeX",
}
BIB_TYPES = {"article-newspaper": "article", "report": "report"}  # others: @online
BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


# --------------------------------------------------------------------------- sources


def _json(document: Any) -> str:
    """A download's JSON, one record per line: a list's items, or a dict's keys with their
    lists' items, each on a line of its own, compact within (for 10,000 sources a fifth
    smaller than indented, and still read and compared line by line)."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def block(value: Any) -> str:
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(dumps(item) for item in value) + "\n]"
        return dumps(value)

    if isinstance(document, dict):
        lines = ",\n".join(f"{dumps(key)}:{block(value)}" for key, value in document.items())
        return "{\n" + lines + "\n}\n"
    return block(document) + "\n"


def _date_parts(date: FuzzyDate) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p is not None]


def _title(source: Source, lang: str) -> str:
    """The title a citation manager gets: the headline as published, or, for a capture
    without one, the site's description in the download's language."""
    return source.titles[lang] if source.title_is_ours else source.title_original


def csl_item(source: Source, lang: str, site_url: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": source.id,
        "type": CSL_TYPES.get(source.kind, "webpage"),
        "title": _title(source, lang),
        "language": source.language,
        "issued": {"date-parts": [_date_parts(source.published)]},
        "accessed": {
            "date-parts": [[source.accessed.year, source.accessed.month, source.accessed.day]]
        },
        "note": source.notes[lang],
        "archive": label("site_name", lang),
        "archive_location": site_url + source_url(source.id, lang),
    }
    if source.published.precision == "approximate":
        item["issued"]["circa"] = True
    if source.language != lang:
        item["title-short"] = source.titles[lang]  # the title in the reader's language
    if source.outlet:
        item["container-title"] = source.outlet
        item["publisher"] = source.outlet
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.url:
        item["URL"] = source.url
    return item


def csl_json(project: Project, lang: str, site_url: str) -> str:
    items = [csl_item(s, lang, site_url) for s in project.sorted_sources()]
    for item in items:  # a note's {q:id} shown as the quotation's rendering
        item["note"] = with_quotes(item["note"], lang, project.data.quotes, project.sources)
    return _json(items)


_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def latex_escape(text: str) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()  # keep no-break spaces (French)
    return re.sub(r"[\\{}%$&#_^~]", lambda m: _LATEX[m.group()], text)


def bibtex_entry(source: Source, lang: str, site_url: str, project: Project | None = None) -> str:
    csl_type = CSL_TYPES.get(source.kind, "webpage")
    kind = BIB_TYPES.get(csl_type, "online")
    fields: list[tuple[str, str]] = [("title", "{" + latex_escape(_title(source, lang)) + "}")]
    if source.author:
        fields.append(("author", "{" + latex_escape(source.author) + "}"))  # a name as written
    if source.outlet:
        outlet = latex_escape(source.outlet)
        fields.append(
            {"article": ("journaltitle", outlet), "report": ("institution", outlet)}.get(
                kind, ("organization", outlet)
            )
        )
    if kind == "report":
        fields.append(("type", latex_escape(KINDS[source.kind]["label"][lang])))
    date = source.published
    fields.append(("date", date.iso))
    fields.append(("year", str(date.year)))
    if date.month:
        fields.append(("month", BIB_MONTHS[date.month - 1]))
    if source.url:
        fields.append(("url", source.url.replace("{", "%7B").replace("}", "%7D")))
        fields.append(("urldate", source.accessed.isoformat()))
    langid = language_record(source.language).bib_langid
    if langid:
        fields.append(("langid", langid))
    note = source.notes[lang]
    if project is not None:  # a note's {q:id} shown as the quotation's rendering
        note = with_quotes(note, lang, project.data.quotes, project.sources)
    if source.language != lang:
        note = f"{source.titles[lang]}{label('period', lang)}{note}"
    if date.precision == "approximate":
        note = f"{label('approximate_date', lang)}{label('period', lang)}{note}"
    fields.append(("note", latex_escape(note)))
    fields.append(("keywords", latex_escape(source.kind)))
    body = ",\n".join(
        f"  {name} = {value if name in ('month',) else '{' + value + '}'}" for name, value in fields
    )
    return f"@{kind}{{{source.id},\n{body}\n}}\n"


def bibtex(project: Project, lang: str, site_url: str) -> str:
    head = (
        f"% {label('site_name', lang)}: "
        f"{site_url}{downloads_url(lang, 'sources.bib')}\n"
        "% UTF-8. BibLaTeX fields (date, urldate, langid, journaltitle); "
        "imports into Zotero.\n\n"
    )
    entries = (bibtex_entry(s, lang, site_url, project) for s in project.sorted_sources())
    return head + "\n".join(entries)


# --------------------------------------------------------------------------- citations


def cite_record(cite: Cite, lang: str, site_url: str) -> dict[str, Any]:
    anchor = f"#p{cite.first}" if cite.first is not None else ""
    record: dict[str, Any] = {
        "source": cite.source_id,
        "url": site_url + source_url(cite.source_id, lang) + anchor,
    }
    if cite.first is not None:
        record["paragraphs"] = list(range(cite.first, (cite.last or cite.first) + 1))
    return record


def cites_in(text: str) -> list[Cite]:
    citations, _ = find_citations(text, "")
    return [cite for citation in citations for cite in citation.cites]


def strip_citations(text: str) -> str:
    citations, _ = find_citations(text, "")
    for citation in reversed(citations):
        text = text[: citation.start].rstrip() + text[citation.end :]
    return text.strip()


# --------------------------------------------------------------------------- timeline


def timeline_js(project: Project, lang: str, site_url: str) -> str:
    """TimelineJS JSON: {"title": ..., "events": [{start_date, text, group, unique_id}]}."""
    events = []
    for event in project.data.events:
        text = with_quotes(event.text[lang], lang, project.data.quotes, project.sources)
        links = []
        for number, cite in enumerate(cites_in(text), start=1):
            record = cite_record(cite, lang, site_url)
            title = project.sources[cite.source_id].titles[lang]
            links.append(
                f'<a href="{html.escape(record["url"])}">[{number}] '
                f"{html.escape(title)}{(' ' + cite.locator) if cite.locator else ''}</a>"
            )
        start: dict[str, Any] = {
            "year": event.date.year,
            "display_date": format_fuzzy(event.date, lang),
        }
        if event.date.month:
            start["month"] = event.date.month
        if event.date.day:
            start["day"] = event.date.day
        events.append(
            {
                "unique_id": event.id,
                "start_date": start,
                "text": {
                    "headline": label("meta_sep", lang).join(ACTORS[a][lang] for a in event.actors),
                    "text": f"<p>{html.escape(strip_citations(text))}</p>"
                    + (f"<p>{'<br>'.join(links)}</p>" if links else ""),
                },
                "group": ACTORS[event.actors[0]][lang] if event.actors else "",
            }
        )
    document = {
        "title": {
            "text": {
                "headline": label("timeline_export_title", lang),
                "text": f"<p>{html.escape(site_url)}</p>",
            }
        },
        "events": events,
    }
    return _json(document)


# --------------------------------------------------------------------------- chips


def chips_records(chips: Chips, lang: str, site_url: str) -> list[dict[str, Any]]:
    records = []
    for row in chips.rows:
        for chip_id, cell in row.cells.items():
            records.append(
                {
                    "row": row.id,
                    "row_label": row.label[lang],
                    "unit": unit(row.unit, lang),
                    "chip": chip_id,
                    "chip_name": chips.names[chip_id][lang],
                    "value": cell.value[lang],
                    "number": cell.number,
                    "status": cell.status,
                    "citations": [cite_record(c, lang, site_url) for c in cites_in(cell.cite)],
                }
            )
    return records


def chips_json(project: Project, lang: str, site_url: str) -> str:
    chips = project.data.chips
    if chips is None:
        return _json({"cells": [], "ratios": []})
    ratios = []
    for ratio in chips.ratios:
        num, den, result = ratio_text(chips, ratio, lang)
        ratios.append(
            {
                "id": ratio.id,
                "label": ratio.label[lang],
                "numerator": {"row": ratio.numerator[0], "chip": ratio.numerator[1]},
                "denominator": {"row": ratio.denominator[0], "chip": ratio.denominator[1]},
                "computed": f"{num} / {den}",
                "result": result,
            }
        )
    document = {
        "note": label("chips_caption", lang),
        "cells": chips_records(chips, lang, site_url),
        "ratios": ratios,
    }
    return _json(document)


def chips_csv(project: Project, lang: str, site_url: str) -> str:
    """Long format: one row per cell, with its number, status and citations."""
    chips = project.data.chips
    rows = [
        [
            record["row"],
            record["row_label"],
            record["unit"],
            record["chip"],
            record["chip_name"],
            record["value"],
            "" if record["number"] is None else f"{record['number']:g}",
            record["status"],
            _cited(record["citations"]),
            " ".join(c["url"] for c in record["citations"]),
        ]
        for record in (chips_records(chips, lang, site_url) if chips else [])
    ]
    header = ["row", "row_label", "unit", "chip", "chip_name", "value", "number", "status"]
    return _csv(header + ["citations", "citation_urls"], rows)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV text with a BOM, so spreadsheet programs read it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def _cited(cites: list[dict[str, Any]]) -> str:
    """The cited sources as people write them: `id ¶2–3; other ¶5`."""
    return "; ".join(
        c["source"]
        + (f" ¶{'–'.join(map(str, _ends(c['paragraphs'])))}" if "paragraphs" in c else "")
        for c in cites
    )


def chips_wide_csv(project: Project, lang: str, site_url: str) -> str:
    """The comparison as it reads: one row per chip, one column per specification (its
    label and unit in the header), each cell the value as the table shows it."""
    chips = project.data.chips
    if chips is None:
        return _csv(["chip", "chip_name"], [])
    header = ["chip", "chip_name"] + [
        f"{row.label[lang]} ({unit(row.unit, lang)})" if unit(row.unit, lang) else row.label[lang]
        for row in chips.rows
    ]
    rows = [
        [chip_id, names[lang]]
        + [row.cells[chip_id].value[lang] if chip_id in row.cells else "" for row in chips.rows]
        for chip_id, names in chips.names.items()
    ]
    return _csv(header, rows)


def timeline_csv(project: Project, lang: str, site_url: str) -> str:
    """One row per event, oldest first: what a spreadsheet sorts and filters."""
    rows = []
    for event in project.data.events:
        text = with_quotes(event.text[lang], lang, project.data.quotes, project.sources)
        cites = [cite_record(c, lang, site_url) for c in cites_in(text)]
        originals = [project.sources[c["source"]].url for c in cites]
        rows.append(
            [
                event.id,
                event.date.iso,
                event.date.precision,
                format_fuzzy(event.date, lang),
                " ".join(event.actors),
                label("comma", lang).join(ACTORS[a][lang] for a in event.actors),
                strip_citations(text),
                _cited(cites),
                " ".join(c["url"] for c in cites),
                " ".join(dict.fromkeys(url for url in originals if url and _is_web(url))),
            ]
        )
    header = [
        "id",
        "date",
        "precision",
        "date_label",
        "actors",
        "actor_names",
        "text",
        "sources",
        "source_pages",
        "original_urls",
    ]
    return _csv(header, rows)


def sources_csv(project: Project, lang: str, site_url: str) -> str:
    """One row per source, by date: its record as the citations index shows it."""
    rows = []
    for source in project.sorted_sources():
        uses = project.uses_of(lang, source.id)
        rows.append(
            [
                source.id,
                source.titles[lang],
                "" if source.title_is_ours else source.title_original,
                source.outlet or "",
                source.author or "",
                source.published.iso,
                source.published.precision,
                source.accessed.isoformat(),
                source.kind,
                KINDS[source.kind]["label"][lang],
                source.language,
                source.url if source.url and _is_web(source.url) else "",
                site_url + source_url(source.id, lang),
                source.reproduction or "",
                str(source.paragraph_count),
                str(sum(use.count for use in uses)),
            ]
        )
    header = [
        "id",
        "title",
        "original_title",
        "outlet",
        "author",
        "published",
        "precision",
        "accessed",
        "kind",
        "kind_label",
        "language",
        "url",
        "page",
        "reproduction",
        "paragraphs",
        "citations",
    ]
    return _csv(header, rows)


def _is_web(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def _ends(numbers: list[int]) -> list[int]:
    return [numbers[0]] if len(numbers) == 1 else [numbers[0], numbers[-1]]


def texts_json(project: Project, site_url: str) -> str:
    """Paragraph by paragraph, what the site holds of each source it cites by paragraph:
    for the articles the briefing was given, their words with the site's translations
    aligned; for every other source, the site's account of each paragraph in every language
    (the site's words, never the outlet's). One file for every language.

    A translation still to be made is null; the source's own language has none.
    """
    sources = []
    for source in project.sorted_sources():
        if not source.paragraph_count:
            continue
        paragraphs: list[dict[str, Any]] = []
        for number in range(1, source.paragraph_count + 1):
            entry: dict[str, Any] = {"n": number, "anchor": f"p{number}"}
            if source.has_text:
                entry["original"] = source.paragraphs[number - 1]
                entry["translations"] = {
                    other: project.paragraph_translation(source.id, number, other) or None
                    for other in project.languages
                    if other != source.language
                }
            else:
                entry["account"] = {
                    lang: with_quotes(
                        source.account(number, lang), lang, project.data.quotes, project.sources
                    )
                    or None
                    for lang in project.languages
                }
            paragraphs.append(entry)
        sources.append(
            {
                "id": source.id,
                "language": source.language,
                "title": source.title_original,
                "outlet": source.outlet,
                "url": source.url,
                "pages": {
                    lang: site_url + source_url(source.id, lang) for lang in project.languages
                },
                "reproduction": source.reproduction,
                "paragraph_count": source.paragraph_count,
                "paragraphs": paragraphs,
            }
        )
    about = {
        lang: label("texts_about", lang).format(site=label("site_name", lang))
        for lang in project.languages
    }
    return _json({"about": about, "sources": sources})


@dataclass(frozen=True)
class Download:
    """One downloadable file: its name, its label in strings.yml, its media type (the link
    says it) and what writes it: per language, or, `shared`, once for every language."""

    name: str
    label: str
    media_type: str
    write: Callable[[Project, str, str], str] | None = None  # (project, lang, site URL)
    write_shared: Callable[[Project, str], str] | None = None  # (project, site URL)

    @property
    def shared(self) -> bool:
        return self.write_shared is not None

    @property
    def format(self) -> str:
        return FORMATS[self.media_type]

    @property
    def anchor(self) -> str:
        """Its row's id on the data page (`timeline-csv`)."""
        return self.name.replace(".", "-")

    def url(self, lang: str) -> str:
        """Where `lang`'s pages link to it: a shared file sits in the default language's
        folder."""
        return downloads_url(DEFAULT_LANGUAGE if self.shared else lang, self.name)


def status_json(project: Project, lang: str, site_url: str) -> str:
    """Where things stand: each key question with its answers, newest first, in `lang`: the
    day each answer is as of, its text without citation markers, its citations as links to
    the cited paragraphs, and the timeline event that brought it."""
    data = project.data
    horizon = data.horizon
    questions = []
    for question in data.questions:
        answers = []
        for answer in question.answers:
            text = with_quotes(answer.text[lang], lang, project.data.quotes, project.sources)
            answers.append(
                {
                    "as_of": answer.as_of.isoformat(),
                    "text": strip_citations(text),
                    "citations": [cite_record(c, lang, site_url) for c in cites_in(text)],
                    "changed_by": answer.changed_by,
                }
            )
        questions.append(
            {
                "id": question.id,
                "question": question.question[lang],
                "actors": list(question.actors),
                "current": answers[0],
                "history": answers[1:],
            }
        )
    return _json(
        {
            "language": lang,
            "complete_to": horizon.complete_to.isoformat() if horizon else None,
            "consulted_to": horizon.consulted_to.isoformat() if horizon else None,
            "searched": horizon.searched[lang] if horizon else None,
            "questions": questions,
        }
    )


DOWNLOADS = (
    Download("sources.json", "download_csl", "application/vnd.citationstyles.csl+json", csl_json),
    Download("sources.bib", "download_bib", "application/x-bibtex", bibtex),
    Download("sources.csv", "download_sources_csv", "text/csv", sources_csv),
    Download("timeline.csv", "download_timeline_csv", "text/csv", timeline_csv),
    Download("timeline.json", "download_timeline", "application/json", timeline_js),
    Download("status.json", "download_status", "application/json", status_json),
    Download("chips-wide.csv", "download_chips_wide_csv", "text/csv", chips_wide_csv),
    Download("chips.csv", "download_chips_csv", "text/csv", chips_csv),
    Download("chips.json", "download_chips_json", "application/json", chips_json),
    Download("texts.json", "download_texts", "application/json", write_shared=texts_json),
)


def render_all(project: Project, lang: str, site_url: str, shared: bool) -> dict[str, str]:
    """Site path -> text: `lang`'s downloads, and with `shared` the shared ones."""
    files = {}
    for download in DOWNLOADS:
        if download.write is not None:
            files[download.url(lang)] = download.write(project, lang, site_url)
        elif shared and download.write_shared is not None:
            files[download.url(lang)] = download.write_shared(project, site_url)
    return files
