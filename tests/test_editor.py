"""The editor's path through the real project: new article -> check -> build -> published,
plus the What's new pages, Atom feeds and translation notices of the built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from briefing.history import MAX_ENTRIES, entries, read_history
from briefing.project import load_project
from briefing.strings import LABELS
from conftest import LANGS, ROOT, build_site
from sitehtml import read

pytestmark = pytest.mark.build

PREFIX = {"en": "", "ja": "ja/", "fr": "fr/", "de": "de/"}
ATOM = "{http://www.w3.org/2005/Atom}"

ARTICLE = """\
Les régulateurs chinois examinent de nouvelles commandes de H200

Selon des sources proches du dossier, les régulateurs chinois examineraient une deuxième série
de demandes d'achat de puces H200 déposées par des entreprises de taille moyenne.

Aucune décision n'a été annoncée.
"""


def briefing(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run an editor's command as the Makefile does."""
    env = {**os.environ, "PYTHONPATH": str(root / "scripts")}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=root, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_an_editor_adds_an_article_and_it_is_published_in_every_language(project_copy, tmp_path):
    added = briefing(
        project_copy, "new", "-", "--language", "fr",
        "--title", "Les régulateurs chinois examinent de nouvelles commandes de H200",
        "--title-en", "Chinese regulators review new H200 orders",
        "--title-ja", "中国の規制当局、H200の新たな注文を審査",
        "--title-de", "Chinas Regulierer prüfen neue H200-Bestellungen",
        "--outlet", "Exemple Tech", "--url", "https://www.exempletech.fr/h200-commandes",
        "--published", "2026-02-10", "--kind", "news-report",
        "--note-en", "A French technology site; the report relies on unnamed sources.",
        "--note-ja", "フランスのテクノロジー系サイト。匿名の情報源に基づく報道。",
        "--note-fr", "Site français consacré aux technologies ; l'article s'appuie sur des "
                     "sources anonymes.",
        "--note-de", "Französische Technikseite; der Bericht stützt sich auf ungenannte Quellen.",
        stdin=ARTICLE)
    assert added.returncode == 0, added.stderr
    source_id = "exempletech-chinese-regulators-h200-2026-02"
    assert f"Created seeds/{source_id}.md" in added.stdout

    checked = briefing(project_copy, "check")
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("OK: 64 sources")

    # A second run of `new` with the same article is refused, naming the first.
    again = briefing(project_copy, "new", "-", "--language", "fr", "--title", "T",
                     "--published", "2026-02-10", "--kind", "news-report", stdin=ARTICLE)
    assert again.returncode == 1
    assert f"seeds/{source_id}.md (id '{source_id}') has the same text" in again.stderr

    out = tmp_path / "site"
    build_site(project_copy / "mkdocs.yml", out)
    titles = {"en": "Chinese regulators review new H200 orders",
              "ja": "中国の規制当局、H200の新たな注文を審査",
              "fr": "Les régulateurs chinois examinent de nouvelles commandes de H200",
              "de": "Chinas Regulierer prüfen neue H200-Bestellungen"}
    for lang in LANGS:
        page = out / PREFIX[lang] / "sources" / source_id / "index.html"
        html = page.read_text("utf-8")
        assert 'id="p3"' in html and "Aucune décision n&#39;a été annoncée." in html, lang
        index = read(out / PREFIX[lang] / "sources" / "index.html")
        rows = [t for t in index.tags if t.name == "tr" and t.attrs.get("id") == source_id]
        assert rows, lang
        assert titles[lang] in (out / PREFIX[lang] / "sources" / "index.html").read_text("utf-8")
        news = (out / PREFIX[lang] / "whats-new" / "index.html").read_text("utf-8")
        assert f'href="../sources/{source_id}/"' in news or \
            f'href="sources/{source_id}/"' in news, lang


def test_a_translation_behind_its_english_page_tells_its_readers(project_copy, tmp_path):
    english = project_copy / "docs" / "en" / "method.md"
    english.write_text(english.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")
    listed = briefing(project_copy, "check")
    assert listed.returncode == 0
    assert [line.split(":")[0] for line in listed.stdout.splitlines()[:-1]] == [
        "docs/ja/method.md", "docs/fr/method.md", "docs/de/method.md"]
    out = tmp_path / "site"
    build_site(project_copy / "mkdocs.yml", out)
    assert 'class="bf-behind"' not in (out / "method" / "index.html").read_text("utf-8")
    assert 'class="bf-behind"' not in (out / "ja" / "chips" / "index.html").read_text("utf-8")
    for lang in ("ja", "fr", "de"):
        html = (out / lang / "method" / "index.html").read_text("utf-8")
        assert LABELS["behind_notice"][lang] in html.replace("&#39;", "'")
        assert '<a href="../../method/" hreflang="en">' in html
    # The translator updates the pages and records it: the notices go.
    stamped = briefing(project_copy, "translated", "docs/ja/method.md", "docs/fr/method.md",
                       "docs/de/method.md")
    assert stamped.returncode == 0, stamped.stderr
    assert "behind" not in briefing(project_copy, "check").stdout


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def test_whats_new_lists_the_records_and_history_in_every_language(site, project):
    history = read_history(ROOT)
    for lang in LANGS:
        page = site / PREFIX[lang] / "whats-new" / "index.html"
        html = page.read_text("utf-8")
        expected = entries(project, history, lang)[:MAX_ENTRIES]
        assert html.count('<li><time datetime="') == len(expected), lang
        assert LABELS["news_title"][lang] in html.replace("&#39;", "'")
        for entry in expected[:5]:
            assert f'datetime="{entry.day.isoformat()}"' in html
        if history.available:
            assert any(e.kind == "page" for e in expected), lang
        else:
            assert LABELS["news_no_history"][lang].replace("'", "&#39;") in html


def test_atom_feeds_parse_and_link_to_pages_of_their_language(site, project):
    base = "https://example.github.io/h200-briefing/"
    for lang in LANGS:
        path = site / PREFIX[lang] / "feed.xml"
        feed = ElementTree.parse(path).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        assert feed.findtext(f"{ATOM}title") == LABELS["feed_title"][lang]
        found = feed.findall(f"{ATOM}entry")
        assert len(found) == min(MAX_ENTRIES, len(entries(project, read_history(ROOT), lang)))
        ids = [e.findtext(f"{ATOM}id") for e in found]
        assert len(set(ids)) == len(ids)
        for entry in found:
            href = entry.find(f"{ATOM}link").get("href")
            assert href.startswith(base + PREFIX[lang]), href
            assert (site / href.removeprefix(base) / "index.html").is_file(), href
            assert entry.findtext(f"{ATOM}updated").endswith("T00:00:00Z")
        head = (site / PREFIX[lang] / "index.html").read_text("utf-8")
        assert f'type="application/atom+xml" href="{base}{PREFIX[lang]}feed.xml"' in head
