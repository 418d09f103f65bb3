"""Load everything once per build: sources, pages, who cites what; all problems at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from . import DEFAULT_LANGUAGE, strings
from .answered import Accepted, answer
from .data import Data
from .datafiles import load_data
from .errors import BriefingError, Problem, Report
from .freshness import Behind, check_translations
from .glossary import house_style_problems, load_glossary, texts
from .languages import site_languages
from .model import Source
from .pages import PageScan, scan_pages
from .parity import differences
from .quotes import hand_typed, unknown_tokens
from .states import Draft
from .translations import Pending, Translations, load_translations, stray_translations
from .validate import load_sources


@dataclass(frozen=True)
class Citing:
    """A page that cites a source: how often, and which of its paragraphs."""

    title: str
    url: str
    count: int
    paragraphs: frozenset[int]


@dataclass
class Project:
    root: Path
    languages: tuple[str, ...]
    sources: dict[str, Source]
    pages: dict[str, list[PageScan]]
    data: Data = field(default_factory=Data)
    uses: dict[str, dict[str, list[Citing]]] = field(default_factory=dict)  # lang -> id -> uses
    behind: list[Behind] = field(default_factory=list)  # translations older than the English
    # source id -> the site's translations of its paragraphs; and those still to be made
    translations: dict[str, Translations] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)  # problems editors answered
    drafts: list[Draft] = field(default_factory=list)  # texts awaiting review, per language
    _titles: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def page_titles(self, lang: str) -> dict[str, str]:
        """A language's page titles by path inside its folder (computed once per language)."""
        if lang not in self._titles:
            self._titles[lang] = {scan.rel: scan.title for scan in self.pages.get(lang, [])}
        return self._titles[lang]

    def log_page(self, lang: str) -> str | None:
        """The page that shows the log of corrections in `lang` (path in its folder)."""
        return next(
            (
                scan.rel
                for scan in self.pages.get(lang, [])
                if "data/corrections.yml" in scan.data_files
            ),
            None,
        )

    def paragraph_translation(self, source_id: str, number: int, lang: str) -> str | None:
        """The site's translation of a paragraph into `lang`: None when `lang` is the
        source's own language, "" while the translation is pending."""
        source = self.sources[source_id]
        if source.language == lang:
            return None
        found = self.translations.get(source_id)
        return found.text(number, lang) if found else ""

    @cached_property
    def _scans(self) -> dict[tuple[str, str], PageScan]:
        return {(p.lang, p.rel): p for scans in self.pages.values() for p in scans}

    def scan(self, lang: str, rel: str) -> PageScan | None:
        return self._scans.get((lang, rel))

    def cited_sources(self, lang: str, rel: str) -> list[Source]:
        """The sources a page cites, in order of first citation."""
        page = self.scan(lang, rel)
        ids = dict.fromkeys(
            c.source_id for cit in (page.citations if page else []) for c in cit.cites
        )
        return [self.sources[i] for i in ids if i in self.sources]

    def page_render_inputs(self, lang: str, rel: str) -> object | None:
        """What rendering the page `rel` of `lang` reads besides its text with its data
        inserted (`expand`: the caller's part) and the templates and strings: the records of
        the sources it cites (its data's citations included), the language's page titles,
        and what its notices say (corrections logged for it, a translation behind its
        English). None for a page that was not scanned. The live preview renders a page
        again only when this or its expanded text changed."""
        scan = self.scan(lang, rel)
        if scan is None:
            return None
        cited = sorted({cite.source_id for found in scan.citations for cite in found.cites})
        return (
            [self.source_render_inputs(source_id, cited=True) for source_id in cited],
            sorted(self.page_titles(lang).items()),
            self.log_page(lang),
            repr(self.data.corrections_of(rel)),
            self.is_behind(lang, rel),
        )

    def source_render_inputs(self, source_id: str, cited: bool = False) -> object:
        """What a page reads of a source it shows or cites: its record, its translations,
        the paragraphs shown, and the records of the sources with the same text. `cited`:
        what a page citing it reads, without what only the source's own page shows (its
        notes, passages removed, fields still empty) or nobody (its file's line numbers)."""
        source = self.sources.get(source_id)
        if source is None:
            return None
        return (
            _record(source, cited),
            repr(self.translations.get(source_id)),
            [_record(self.sources[o], cited) for o in source.same_text_as if o in self.sources],
        )

    def is_behind(self, lang: str, rel: str) -> bool:
        return any((b.lang, b.rel) == (lang, rel) for b in self.behind)

    def sorted_sources(self) -> list[Source]:
        return sorted(self.sources.values(), key=lambda s: (s.published.sort_key, s.id))

    def uses_of(self, lang: str, source_id: str) -> list[Citing]:
        return self.uses.get(lang, {}).get(source_id, [])

    def pages_citing_paragraph(self, lang: str, source_id: str, number: int) -> list[Citing]:
        return [u for u in self.uses_of(lang, source_id) if number in u.paragraphs]


def _record(source: Source, cited: bool) -> str:
    """A source's record as text; `cited`: as pages citing it show it (see
    `Project.source_render_inputs`)."""
    if cited:
        source = replace(
            source, notes={}, removed=(), missing=(), paragraph_lines=(), account_lines=()
        )
    return repr(source)


def _index_uses(pages: dict[str, list[PageScan]]) -> dict[str, dict[str, list[Citing]]]:
    uses: dict[str, dict[str, list[Citing]]] = {}
    for lang, scans in pages.items():
        per_source: dict[str, list[Citing]] = defaultdict(list)
        for page in scans:
            counts: dict[str, int] = defaultdict(int)
            paras: dict[str, set[int]] = defaultdict(set)
            for citation in page.citations:
                for cite in citation.cites:
                    counts[cite.source_id] += 1
                    if cite.first is not None:
                        last = cite.last or cite.first
                        paras[cite.source_id].update(range(cite.first, last + 1))
            for source_id, count in counts.items():
                per_source[source_id].append(
                    Citing(page.title, page.url, count, frozenset(paras[source_id]))
                )
        uses[lang] = dict(per_source)
    return uses


def setup_problems(root: Path) -> tuple[tuple[str, ...] | None, list[Problem]]:
    """The site's languages, as mkdocs.yml lists them, and what keeps the site from being
    built in them: a language without a record in languages.py, an entry of strings.yml
    without one of them. `check` and the build (`site.check_setup`) both ask here."""
    site, problems = site_languages(root)
    if site is None:
        return None, problems
    return site.codes, problems + strings.coverage(site.codes)


def load_project(
    root: Path,
    languages: Sequence[str] | None = None,
    docs_dir: Path | None = None,
    seeds_dir: Path | None = None,
    data_dir: Path | None = None,
    drafts: bool = False,
) -> Project:
    """Validate sources and pages together; raise one error listing every problem.

    The stages, each adding its problems to one report: sources → their translations →
    data → pages → freshness and parity → the pages the log names → house style.
    `drafts` (the live preview only): a source whose translations are still empty
    is loaded as a draft instead of failing the whole site. `languages`: the site's,
    read from mkdocs.yml unless given.
    """
    docs_dir = docs_dir or root / "docs"
    seeds_dir = seeds_dir or root / "seeds"
    configured, problems = setup_problems(root)
    if languages is None and configured is None:
        raise BriefingError(problems)
    languages = tuple(languages or configured or ())
    data_dir = data_dir or root / "data"
    report = Report()
    report.extend(problems)
    seen: set[str] = set()  # every source id, valid or not
    sources = _sources(root, seeds_dir, seen, drafts, languages, report)
    translations, pending = _translations(root, sources, languages, report)
    broken = seen - set(sources)  # their own problems are already reported
    data, data_problems = load_data(data_dir, root, sources, broken, languages)
    report.extend(data_problems)
    pages, page_problems = scan_pages(docs_dir, root, languages, sources, broken, data)
    report.extend(page_problems)
    behind = _freshness(pages, report)
    report.extend(_log_names_pages(data, pages))
    _house_style(root, languages, (docs_dir, seeds_dir, data_dir), data, report)
    problems, accepted = answer(root, report)
    if problems:
        raise BriefingError(problems)
    project = Project(
        root,
        tuple(languages),
        sources,
        pages,
        data,
        behind=behind,
        translations=translations,
        pending=pending,
        accepted=accepted,
        drafts=_drafts(pages, sources, data),
    )
    project.uses = _index_uses(pages)
    return project


def _sources(
    root: Path,
    seeds_dir: Path,
    seen: set[str],
    drafts: bool,
    languages: Sequence[str],
    report: Report,
) -> dict[str, Source]:
    if not seeds_dir.is_dir():
        report.add(
            seeds_dir.name,
            1,
            "the seeds folder is missing",
            "create seeds/ with one .md file per source",
            "source.no-seeds",
        )
        return {}
    sources, problems = load_sources(seeds_dir, root, languages, seen, drafts)
    report.extend(problems)
    return sources


def _translations(
    root: Path, sources: Mapping[str, Source], languages: Sequence[str], report: Report
) -> tuple[dict[str, Translations], list[Pending]]:
    """The paragraph translations of the sources held whole, and those still pending."""
    translations: dict[str, Translations] = {}
    pending: list[Pending] = []
    for source in sources.values():
        if not source.has_text:
            report.extend(stray_translations(source, root))
            continue
        found, trouble, waiting = load_translations(source, root, languages)
        report.extend(trouble)
        pending.extend(waiting)
        if found is not None:
            translations[source.id] = found
    return translations, pending


def _freshness(pages: dict[str, list[PageScan]], report: Report) -> list[Behind]:
    """The translations behind their English page, and the parity of the others (not
    reported again for a file that already has a problem: one slip, one message)."""
    behind, stale_problems = check_translations(pages)
    report.extend(stale_problems)
    reported = {problem.path for problem in report}
    report.extend(p for p in parity_problems(pages, behind) if p.path not in reported)
    return behind


def _log_names_pages(data: Data, pages: Mapping[str, list[PageScan]]) -> list[Problem]:
    """Every page the log of corrections names exists."""
    english = {scan.rel for scan in pages.get(DEFAULT_LANGUAGE, [])}
    return [
        Problem(
            "data/corrections.yml",
            change.line,
            f"entry '{change.id}': no page {rel} in docs/en/",
            "list the pages the change affects by their path inside "
            "docs/en/, e.g. chips.md or actors/nvidia.md",
            "data.unknown-page",
        )
        for change in data.corrections
        for rel in change.pages
        if rel not in english
    ]


def _house_style(
    root: Path,
    languages: Sequence[str],
    dirs: tuple[Path, Path, Path],
    data: Data,
    report: Report,
) -> None:
    """The glossary's rejected variants and the quotations, over the site's own texts."""
    terms, glossary_problems = load_glossary(root, languages)
    report.extend(glossary_problems)
    site_texts = list(texts(root, languages, *dirs))
    report.extend(house_style_problems(terms, iter(site_texts)))
    # The site's own words; the five given articles' translations render their quotation
    # marks faithfully, as the original has them, and are not checked against quotes.yml.
    written = [
        t
        for t in site_texts
        if t[0] != "data/quotes.yml" and not t[0].endswith(".translations.yml")
    ]
    report.extend(unknown_tokens(iter(written), data.quotes))
    report.extend(hand_typed(iter(written), data.quotes))


def _drafts(
    pages: dict[str, list[PageScan]], sources: dict[str, Source], data: Data
) -> list[Draft]:
    """Every text marked as a draft, in page, event, record and account order."""
    found = [
        Draft(scan.path, 1, "the page", scan.lang)
        for scans in pages.values()
        for scan in scans
        if (scan.meta or {}).get("state") == "draft"
    ]
    found += [
        Draft("data/timeline.yml", event.line, f"event '{event.id}'", lang)
        for event in data.events
        for lang in event.drafts
    ]
    for source in sources.values():
        found += [
            Draft(source.path, 2, name.split(".")[0], name.split(".")[1]) for name in source.drafts
        ]
        found += [
            Draft(source.account_file or source.path, line, f"¶{n}", lang)
            for n, (langs, line) in enumerate(
                zip(source.account_drafts, source.account_lines, strict=False), start=1
            )
            for lang in langs
        ]
    return found


def parity_problems(pages: dict[str, list[PageScan]], behind: list[Behind]) -> list[Problem]:
    """Up-to-date translations must cite and state what their English page does.

    A translation behind its English page is a notice (it is being updated), not a problem.
    """
    late = {(b.lang, b.rel) for b in behind}
    english = {page.rel: page for page in pages.get(DEFAULT_LANGUAGE, [])}
    found: list[Problem] = []
    for lang, scans in pages.items():
        for page in scans:
            original = english.get(page.rel)
            if lang != DEFAULT_LANGUAGE and original and (lang, page.rel) not in late:
                found.extend(differences(original, page))
    return found
