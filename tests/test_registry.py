"""One registry per kind of thing: a directive is one row of `directives.DIRECTIVES`, a data
file one row of `datafiles.DATA_FILES`, a page generated per language one row of
`catalogue.SITE_PAGES` (a download is one row of `exports.DOWNLOADS`).

The proof: a new data-backed table, licences granted, added from this test as one loader,
one data-file row, one directive row, one template and its strings, without editing any
table of the package, is rendered, counted, checked and reported like the site's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from briefing import directives, strings
from briefing.catalogue import SITE_PAGES, GeneratedPage, generated_pages
from briefing.citations import check_cite, find_citations
from briefing.data import Data
from briefing.datafiles import DATA_FILES, DataFile, Reading, register_data_file
from briefing.directives import DIRECTIVES, Directive, register_directive
from briefing.errors import BriefingError, Problem
from briefing.expand import expand
from briefing.keypaths import KeyPaths
from briefing.load import read_yaml
from briefing.project import load_project
from briefing.render import render_page
from briefing.urls import is_generated, page_url
from conftest import LANGS

TEMPLATES = Path(__file__).resolve().parent.parent / "scripts" / "briefing" / "templates"

# --- the new kind of data, as an extension would write it ---


@dataclass(frozen=True)
class Licence:
    id: str
    holder: str
    text: dict[str, str]  # by language, with its citations


def load_licences(path: Path, reading: Reading) -> tuple[list[Licence], list[Problem]]:
    """data/licences.yml: `licences:`, each with an id, a holder and a cited text in every
    language; a problem is reported at the line of its key."""
    shown = path.relative_to(reading.root).as_posix()
    value, lines, problems = read_yaml(path, shown)
    keys = KeyPaths(shown, lines)
    keys.family = "licence"
    keys.problems.extend(problems)
    licences = []
    for index, entry in enumerate(value.get("licences", []) if value else []):
        text = entry.get("text", {})
        if missing := [lang for lang in LANGS if lang not in text]:
            keys.fail(
                ("licences", index, "text"), f"no text in {', '.join(missing)}", None, "no-text"
            )
            continue
        for lang, words in text.items():
            cites, found = find_citations(
                words, shown, keys.line(("licences", index, "text", lang))
            )
            keys.problems.extend(found)
            line = keys.line(("licences", index, "text", lang))
            keys.problems.extend(
                p
                for c in cites
                for cite in c.cites
                if (p := check_cite(cite, reading.sources, shown, line))
            )
        licences.append(Licence(entry["id"], entry["holder"], text))
    return licences, keys.problems


def _licences(data: Data) -> list[Licence]:
    return list(data.values.get("licences.yml", []))


def _citing(data: Data, given: Mapping[str, str], lang: str) -> Iterator[str]:
    yield from (licence.text[lang] for licence in _licences(data))


def _context(data: Data, given: Mapping[str, str], titles: Mapping[str, str]) -> dict[str, Any]:
    return {"licences": _licences(data)}


TEMPLATE = """\
<table class="bf-licences">
<caption>{{ label("licences_caption", lang) }}</caption>
<thead><tr><th>{{ label("licences_holder", lang) }}</th>
<th>{{ label("licences_text", lang) }}</th></tr></thead>
<tbody>
{% for licence in licences %}
<tr id="licence-{{ licence.id }}"><td>{{ licence.holder }}</td>
<td>{{ licence.text[lang] }}</td></tr>
{% endfor %}
</tbody>
</table>
"""

LABELS = {
    "licences_caption": {
        "en": "Licences granted",
        "ja": "付与された許可",
        "fr": "Licences accordées",
        "de": "Erteilte Lizenzen",
    },
    "licences_holder": {"en": "Holder", "ja": "保有者", "fr": "Titulaire", "de": "Inhaber"},
    "licences_text": {
        "en": "What was granted",
        "ja": "許可の内容",
        "fr": "Ce qui a été accordé",
        "de": "Was erteilt wurde",
    },
}

LICENCES = """\
licences:
  - id: h20-2025
    holder: nvidia
    text:
      en: "Export licences for the H20 [@example-source, ¶3]."
      ja: "H20の輸出許可[@example-source, ¶3]。"
      fr: "Des licences d'exportation pour la H20 [@example-source, ¶3]."
      de: "Ausfuhrlizenzen für den H20 [@example-source, ¶3]."
"""

UNKNOWN_SOURCE = """\
  - id: other
    holder: huawei
    text:
      en: "A [@nowhere]."
      ja: "A [@nowhere]。"
      fr: "A [@nowhere]."
      de: "A [@nowhere]."
"""


@pytest.fixture
def licences(tmp_path: Path) -> Iterator[Directive]:
    """The licences table registered for one test: its data file, its directive (with its
    template's folder and its strings); the registries are as they were afterwards."""
    saved = dict(DIRECTIVES), dict(DATA_FILES), dict(strings.LABELS), dict(strings.ADDED)
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "licences.html.j2").write_text(TEMPLATE, encoding="utf-8")
    register_data_file(DataFile("licences.yml", load_licences))
    row = register_directive(
        Directive(
            "licences",
            ("licences.yml",),
            citing_texts=_citing,
            missing="the licence data",
            template="licences.html.j2",
            context=_context,
            templates=folder,
            labels=LABELS,
        )
    )
    yield row
    for table, before in zip(
        (DIRECTIVES, DATA_FILES, strings.LABELS, strings.ADDED), saved, strict=True
    ):
        table.clear()
        table.update(before)  # type: ignore[arg-type]


def _pages(extra: str = "<!-- briefing:licences -->\n") -> dict[str, str]:
    return {
        f"{lang}/index.md": f"# Home {lang}\n\nA fact [@example-source, ¶2].\n\n{extra}"
        for lang in LANGS
    }


def test_a_new_table_renders_on_the_page_that_uses_it(make_project, licences):
    project = load_project(make_project(pages=_pages(), data={"licences.yml": LICENCES}))
    for lang in LANGS:
        rendered = render_page(project.scan(lang, "index.md").body, "", lang, project).markdown
        assert f"<caption>{LABELS['licences_caption'][lang]}</caption>" in rendered
        assert 'id="licence-h20-2025"' in rendered
        assert "briefing:licences" not in rendered


def test_a_new_tables_citations_are_counted_as_rendered(make_project, licences):
    project = load_project(make_project(pages=_pages(), data={"licences.yml": LICENCES}))
    for lang in LANGS:
        scan = project.scan(lang, "index.md")
        shown, _ = find_citations(expand(scan.body, lang, project.data), scan.path)
        assert [c.cites for c in scan.citations] == [c.cites for c in shown]
        # ¶3 is cited only by the table: the citations index and "uses" count it.
        assert [u.url for u in project.pages_citing_paragraph(lang, "example-source", 3)] == [
            scan.url
        ]
    assert data_files_shown(project, "index.md") == ("data/licences.yml",)


def data_files_shown(project, rel: str) -> tuple[str, ...]:
    scan = project.scan("en", rel)
    assert scan is not None
    return scan.data_files


def test_a_bad_entry_of_a_new_table_is_reported_at_its_line(make_project, licences):
    bad = LICENCES.replace('      de: "Ausfuhrlizenzen für den H20 [@example-source, ¶3]."\n', "")
    bad += UNKNOWN_SOURCE
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(pages=_pages(), data={"licences.yml": bad}))
    found = {(p.path, p.line, p.code) for p in caught.value.problems}
    lines = bad.splitlines()
    text, cited = lines.index("    text:") + 1, lines.index('      en: "A [@nowhere]."') + 1
    assert ("data/licences.yml", text, "licence.no-text") in found, found
    assert ("data/licences.yml", cited, "citation.unknown-id") in found, found


def test_a_page_showing_a_missing_new_data_file_is_reported(make_project, licences):
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(pages=_pages()))
    assert [p.format() for p in caught.value.problems if p.path == "docs/en/index.md"] == [
        "docs/en/index.md:5: the licence data (data/licences.yml) is missing. "
        "Fix: add data/licences.yml or remove the directive"
    ]


def test_an_undeclared_data_file_is_reported(make_project):
    """Without its row, the same file is refused: the row is what makes it known."""
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(data={"licences.yml": LICENCES}))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("data/licences.yml", "datafile.unknown-file")
    ]


def test_a_directive_or_data_file_is_declared_once(licences):
    with pytest.raises(ValueError, match="already declared"):
        register_directive(licences)
    with pytest.raises(ValueError, match="already declared"):
        register_data_file(DataFile("licences.yml", load_licences))
    with pytest.raises(ValueError, match="strings.yml already has"):
        strings.add_labels({"references": {"en": "x"}})


# --- the site's own rows: each half of a directive is there ---


@pytest.mark.parametrize("name", sorted(DIRECTIVES))
def test_every_directive_is_whole(real, name):
    """A directive's row names its template (which exists and renders in every language on
    the real data), data files that a row of DATA_FILES reads, and is documented for editors
    in directives.py's docstring."""
    row = DIRECTIVES[name]
    assert f"<!-- briefing:{name}" in (directives.__doc__ or "")
    for file in row.files:
        assert DATA_FILES[file].load is not None, file
    if row.template is None:
        assert expand(f"<!-- briefing:{name} -->", "en", real.data) == ""
        return
    assert (TEMPLATES / row.template).is_file()
    given = {"id": next(iter(real.data.claims), "")} if name == "claim-review" else {}
    written = f"<!-- briefing:{name}{''.join(f' {k}={v}' for k, v in given.items())} -->"
    for lang in LANGS:
        assert not re.search(r"briefing:", expand(written, lang, real.data))


@pytest.mark.parametrize("kind", sorted(SITE_PAGES))
def test_every_site_page_is_whole(kind):
    """A generated page's row is all it needs: its path is one no hand-written page may take,
    its URL is where urls.py puts that path, and its title is a label in every language."""
    row = SITE_PAGES[kind]
    page = GeneratedPage(kind)
    assert is_generated(row.path)
    for lang in LANGS:
        assert page.url(lang) == page_url(row.path, lang)
        assert page.src_uri(lang) == f"{lang}/{row.path}"
        assert page.title(lang) == strings.LABELS[row.title][lang]
    assert [p.kind for p in generated_pages(None)] == list(SITE_PAGES)
