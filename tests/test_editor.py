"""The editor's path through the real project: new article -> check -> build -> published,
plus the What's new pages, Atom feeds and translation notices of the built site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest

from briefing.freshness import english_hash
from briefing.history import read_history
from briefing.news import MAX_ENTRIES, entries
from briefing.project import Project, load_project
from briefing.strings import LABELS
from briefing.typography import apply
from conftest import (
    LANGS,
    PREFIX,
    REPO,
    ROOT,
    VALID_SEED,
    build_site,
    cited_pages,
    copy_project,
    seed_count,
)
from sitehtml import read

pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"

ARTICLE = """\
Les régulateurs chinois examinent de nouvelles commandes de H200

Selon des sources proches du dossier, les régulateurs chinois examineraient une deuxième série
de demandes d'achat de puces H200 déposées par des entreprises de taille moyenne.

Aucune décision n'a été annoncée.
"""


# What the editor writes for ARTICLE's three paragraphs, in the site's own words.
ACCOUNTS = {
    "en": (
        "Headline: Beijing's regulators are looking at fresh H200 orders.",
        "People close to the matter say Chinese regulators are reportedly weighing a second "
        "round of H200 purchase requests, this time from mid-sized firms.",
        "No decision has been made public.",
    ),
    "ja": (
        "見出し：中国当局がH200の新規注文を審査。",
        "関係者によると、中国の規制当局は中堅企業からのH200購入申請の第2弾を審査しているとされる。",
        "決定はまだ公表されていない。",
    ),
    "fr": (
        "Titre : Pékin se penche sur de nouvelles commandes de H200.",
        "D'après des personnes au fait du dossier, les autorités chinoises étudieraient une "
        "seconde vague de demandes d'achat de H200, venant cette fois d'entreprises moyennes.",
        "Rien n'a encore été décidé publiquement.",
    ),
    "de": (
        "Überschrift: Pekings Aufsicht prüft neue H200-Bestellungen.",
        "Eingeweihten zufolge prüfen Chinas Behörden offenbar eine zweite Runde von "
        "H200-Kaufanträgen, diesmal von mittelgroßen Firmen.",
        "Eine Entscheidung ist noch nicht bekannt.",
    ),
}


def briefing(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run an editor's command as the Makefile does: the installed `briefing` command."""
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(Path(sys.executable).with_name("briefing")), *args],
        cwd=root,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok_line(root: Path) -> str:
    """What `check` prints for a valid project, counted from its files."""
    pages = sum(1 for lang in LANGS for _ in (root / "docs" / lang).rglob("*.md"))
    return f"OK: {seed_count(root)} sources, {pages} pages in {len(LANGS)} languages"


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory, real: Project) -> dict:
    """One copy of the project changed as two editors would, built once: one adds an article
    with `new`, the other changes an English page (its translations fall behind)."""
    root = copy_project(tmp_path_factory.mktemp("edited"))
    added = briefing(
        root,
        "new",
        "-",
        "--language",
        "fr",
        "--title",
        "Les régulateurs chinois examinent de nouvelles commandes de H200",
        "--title-en",
        "Chinese regulators review new H200 orders",
        "--title-ja",
        "中国の規制当局、H200の新たな注文を審査",
        "--title-de",
        "Chinas Regulierer prüfen neue H200-Bestellungen",
        "--outlet",
        "Exemple Tech",
        "--url",
        "https://www.exempletech.fr/h200-commandes",
        "--published",
        "2026-02-10",
        "--kind",
        "news-report",
        "--note-en",
        "A French technology site; the report relies on unnamed sources.",
        "--note-ja",
        "フランスのテクノロジー系サイト。匿名の情報源に基づく報道。",
        "--note-fr",
        "Site français consacré aux technologies ; l'article s'appuie sur des sources anonymes.",
        "--note-de",
        "Französische Technikseite; der Bericht stützt sich auf ungenannte Quellen.",
        stdin=ARTICLE,
    )
    # The editor writes what each paragraph reports (the article's text is not kept).
    (accounts,) = (root / "seeds").glob("exempletech-*.accounts.yml")
    filled = accounts.read_text("utf-8")
    for lang, texts in ACCOUNTS.items():
        for text in texts:
            filled = filled.replace(f'{lang}: ""', f'{lang}: "{text}"', 1)
    accounts.write_text(filled, "utf-8")
    checked = briefing(root, "check")
    again = briefing(
        root,
        "new",
        "-",
        "--language",
        "fr",
        "--title",
        "T",
        "--published",
        "2026-02-10",
        "--kind",
        "news-report",
        stdin=ARTICLE,
    )
    rel = cited_pages(real)[0]  # a top-level page, e.g. method.md
    english = root / "docs" / "en" / rel
    english.write_text(english.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")
    listed = briefing(root, "check")
    out = root.parent / "site"
    build_site(root / "mkdocs.yml", out, search=False)
    return {
        "root": root,
        "added": added,
        "checked": checked,
        "again": again,
        "rel": rel,
        "listed": listed,
        "out": out,
    }


@pytest.mark.copy
def test_an_editor_adds_an_article_and_it_is_published_in_every_language(edited):
    added, checked, again, out = (edited[k] for k in ("added", "checked", "again", "out"))
    assert added.returncode == 0, added.stderr
    created = re.search(r"^Created seeds/([a-z0-9-]+)\.md", added.stdout, re.MULTILINE)
    assert created, added.stdout
    source_id = created[1]  # how ids are derived is tested in test_commands.py
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.splitlines()[-1] == ok_line(edited["root"]) + ".", checked.stdout

    # A second run of `new` with the same article is refused, naming the first.
    assert again.returncode == 1
    assert f"seeds/{source_id}.md (id '{source_id}') has the same text" in again.stderr

    assert not (out / "pagefind").exists()  # BRIEFING_SEARCH=off: no index for this copy
    titles = {
        "en": "Chinese regulators review new H200 orders",
        "ja": "中国の規制当局、H200の新たな注文を審査",
        "fr": "Les régulateurs chinois examinent de nouvelles commandes de H200",
        "de": "Chinas Regulierer prüfen neue H200-Bestellungen",
    }
    for lang in LANGS:
        page = out / PREFIX[lang] / "sources" / source_id / "index.html"
        html = page.read_text("utf-8")
        # The page gives the editor's account of each paragraph in the reader's language,
        # labelled as the site's, and never the article's words.
        assert apply(ACCOUNTS[lang][1], lang) in unescape(html), lang
        assert apply(LABELS["account_label"][lang], lang) in unescape(html), lang
        assert "Aucune décision" not in html and "deuxième série" not in html, lang
        index = read(out / PREFIX[lang] / "sources" / "index.html")
        rows = [t for t in index.tags if t.name == "tr" and t.attrs.get("id") == source_id]
        assert rows, lang
        assert titles[lang] in (out / PREFIX[lang] / "sources" / "index.html").read_text("utf-8")
        news = (out / PREFIX[lang] / "whats-new" / "index.html").read_text("utf-8")
        assert (
            f'href="../sources/{source_id}/"' in news or f'href="sources/{source_id}/"' in news
        ), lang


@pytest.mark.copy
def test_a_translation_behind_its_english_page_tells_its_readers(edited):
    root, rel, listed, out = (edited[k] for k in ("root", "rel", "listed", "out"))
    stem = rel.removesuffix(".md")
    assert listed.returncode == 0
    behind = [
        line.split(":")[0]
        for line in listed.stdout.splitlines()
        if ": behind the English page: " in line
    ]  # other notices may concern sources
    assert behind == [f"docs/ja/{rel}", f"docs/fr/{rel}", f"docs/de/{rel}"]
    assert 'class="bf-behind"' not in (out / stem / "index.html").read_text("utf-8")
    assert 'class="bf-behind"' not in (out / "ja" / "index.html").read_text("utf-8")
    for lang in ("ja", "fr", "de"):
        html = (out / lang / stem / "index.html").read_text("utf-8")
        assert apply(LABELS["behind_notice"][lang], lang) in unescape(html)
        assert f'<a href="../../{stem}/" hreflang="en">' in html
    # The translator updates the pages and records it: the notices go.
    stamped = briefing(root, "translated", f"docs/ja/{rel}", f"docs/fr/{rel}", f"docs/de/{rel}")
    assert stamped.returncode == 0, stamped.stderr
    after = briefing(root, "check").stdout
    assert not [
        line
        for line in after.splitlines()
        if line.startswith(tuple(f"docs/{lg}/{rel}:" for lg in ("ja", "fr", "de")))
    ], after


@pytest.fixture(scope="module")
def project() -> Project:
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
            assert apply(LABELS["news_no_history"][lang], lang) in unescape(html)


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
            href = entry.find(f"{ATOM}link").get("href").split("#")[0]
            assert href.startswith(base + PREFIX[lang]), href
            assert (site / href.removeprefix(base) / "index.html").is_file(), href
            assert entry.findtext(f"{ATOM}updated").endswith("T00:00:00Z")
        # Every entry says what changed in a summary (a source's, its note's first sentence,
        # when it has a note); titles differ within a day.
        listed = entries(project, read_history(ROOT), lang)[:MAX_ENTRIES]
        summaries = [e.findtext(f"{ATOM}summary") for e in found]
        for entry, text in zip(listed, summaries, strict=True):
            assert text or (entry.kind == "source" and not entry.summary), entry
            assert text is None or ("[@" not in text and "{q:" not in text), text
        titles = [(e.findtext(f"{ATOM}updated"), e.findtext(f"{ATOM}title")) for e in found]
        assert len(set(titles)) == len(titles)
        head = (site / PREFIX[lang] / "index.html").read_text("utf-8")
        assert f'type="application/atom+xml" href="{base}{PREFIX[lang]}feed.xml"' in head


# --- what a pull request runs, on a project with one more source ---------------------------

NEW_ID = "pull-request-example-2026-01"
NEW_SEED = (  # a record: the article's text is not kept, the site's accounts are
    VALID_SEED.replace("example-source", NEW_ID)
    .replace("https://example.org/article", f"https://example.org/{NEW_ID}")
    .replace("original_file: article-recu.txt\n", "")
    .replace("reproduction: whole\n", "")
    .split("---\n")[1]
)
NEW_SEED = f"---\n{NEW_SEED}---\n"
NEW_ACCOUNTS = f"source: {NEW_ID}\nparagraphs:\n" + "".join(
    f"  - n: {n}\n" + "".join(f'    {lang}: "{texts[n - 1]}"\n' for lang, texts in ACCOUNTS.items())
    for n in (1, 2, 3)
)
SENTENCES = {  # one sentence citing the new source, in each language
    "en": f"A sentence added by a pull request [@{NEW_ID}, ¶2].",
    "ja": f"プルリクエストで加えた文[@{NEW_ID}, ¶2]。",
    "fr": f"Une phrase ajoutée par une demande de fusion [@{NEW_ID}, ¶2].",
    "de": f"Ein Satz aus einem Pull-Request [@{NEW_ID}, ¶2].",
}


def _add_source_and_sentence(root: Path, rel: str) -> None:
    """What an editor's pull request does: a new source, cited on one page in every language,
    the translations recorded as matching the new English page."""
    (root / "seeds" / f"{NEW_ID}.md").write_text(NEW_SEED, "utf-8")
    (root / "seeds" / f"{NEW_ID}.accounts.yml").write_text(NEW_ACCOUNTS, "utf-8")
    pages = {lang: root / "docs" / lang / rel for lang in LANGS}
    for lang, page in pages.items():
        page.write_text(page.read_text("utf-8").rstrip("\n") + f"\n\n{SENTENCES[lang]}\n", "utf-8")
    stamp = english_hash(pages["en"].read_text("utf-8"))
    for lang in LANGS[1:]:
        text = pages[lang].read_text("utf-8")
        stamped = re.sub(
            r"^translated_from: .*$",
            f"translated_from: '{stamp}'",
            text,
            count=1,
            flags=re.MULTILINE,
        )
        assert stamped != text, pages[lang]
        pages[lang].write_text(stamped, "utf-8")


@pytest.mark.copy
@pytest.mark.full  # about a minute: the pull-request workflow's `make test-full` runs it
def test_a_pull_request_adding_a_source_passes_check_build_and_the_site_tests(project_copy, real):
    _add_source_and_sentence(project_copy, cited_pages(real)[0])
    # The same pull request leaves another page's translations behind its English page: a
    # notice, not a problem, so the tests must pass with it (they never read the project's
    # notices).
    other = next(rel for rel in cited_pages(real) if rel != cited_pages(real)[0])
    english = project_copy / "docs" / "en" / other
    english.write_text(english.read_text("utf-8") + "\nA sentence awaiting translation.\n", "utf-8")

    checked = briefing(project_copy, "check")
    assert checked.returncode == 0, checked.stdout
    last = checked.stdout.splitlines()[-1]
    assert last.startswith(ok_line(project_copy) + "; ") and "behind the English" in last, last

    # The strict build (the `site` fixture, with BRIEFING_ROOT) and the tests that read the
    # project and its built site, run against the changed copy: every source page in every
    # language, every citation marker and link, the exports, the timeline, What's new...
    # Left out: the tests that change a copy themselves, and the browser (run on the real one).
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("PYTEST_XDIST")
    }  # its own run, not one of our workers
    env["BRIEFING_ROOT"] = str(project_copy)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not copy and not browser and not full",
            "tests/test_build.py",
            "tests/test_exports.py",
            "tests/test_data.py",
            "tests/test_editor.py",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    summary = run.stdout.splitlines()[-1]
    assert " passed" in summary and "error" not in summary, summary
