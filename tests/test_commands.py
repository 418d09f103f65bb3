"""Editors' commands: `check`, `new` and `translated`, with golden outputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.freshness import english_hash
from briefing.history import History, entries, parse_log
from briefing.identity import normalise_url, text_hash
from briefing.newsource import Article, NewSourceError, create, derive_id, outlet_slug
from briefing.project import load_project
from conftest import LANGS, VALID_SEED

ARTICLE = """\
Nvidia relance la production du H200 pour la Chine

Selon plusieurs sources, Nvidia aurait demandé à TSMC de relancer la production
de puces H200 destinées au marché chinois.

Le groupe n'a pas confirmé l'information.
"""

NEW_OPTIONS = [
    "--language", "fr", "--title", "Nvidia relance la production du H200 pour la Chine",
    "--title-en", "Nvidia restarts H200 production for China",
    "--title-ja", "エヌビディア、中国向けH200の生産を再開",
    "--title-de", "Nvidia nimmt die H200-Produktion für China wieder auf",
    "--outlet", "Le Journal Exemple", "--published", "2026-02-03",
    "--url", "https://www.lejournal.fr/tech/nvidia-h200?utm_source=rss",
    "--kind", "news-report", "--accessed", "2026-11-23",
    "--note-en", "A French daily's technology section.",
    "--note-ja", "フランスの日刊紙のテクノロジー欄。",
    "--note-fr", "La rubrique technologie d'un quotidien français.",
    "--note-de", "Das Technikressort einer französischen Tageszeitung.",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- check


def broken_project(make_project) -> Path:
    bad_seed = (VALID_SEED.replace("id: example-source", "id: other-source")
                .replace("https://example.org/article", "javascript:alert(1)")
                .replace("kind: news-report\n", ""))
    pages = {f"{lang}/index.md": "# Home\n\nA fact [@example-source, ¶2].\n" for lang in LANGS}
    pages["fr/index.md"] = "# Accueil\n\nUn fait [@example-source, ¶7] et [@nope].\n"
    pages["en/method.md"] = "# Method\n"
    pages["ja/method.md"] = "# 方法\n"
    pages["fr/method.md"] = "# Méthode\n"
    return make_project(seeds={"example.md": VALID_SEED, "other.md": bad_seed}, pages=pages)


def test_check_reports_every_problem_as_file_line_fix(make_project, capsys, golden, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = broken_project(make_project)
    code, out, err = run(capsys, "--root", str(root), "check")
    assert code == 1
    golden("check-broken.txt", out)
    assert err == "5 problem(s).\n"
    for line in out.splitlines():
        assert line.split(":")[1].isdigit() and ". Fix: " in line, line


def test_check_in_github_actions_also_annotates(make_project, capsys, golden, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "--root", str(broken_project(make_project)), "check")
    assert code == 1
    golden("check-broken-github.txt", out)
    assert out.count("::error file=") == 5


def test_check_passes_a_good_project(make_project, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code, out, _ = run(capsys, "--root", str(make_project()), "check")
    assert (code, out) == (0, "OK: 1 sources, 4 pages in 4 languages.\n")


# --------------------------------------------------------------------------- new


def test_new_writes_a_source_that_passes_check(make_project, tmp_path, capsys, golden,
                                               monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = make_project()
    text = tmp_path / "article.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "--root", str(root), "new", str(text), *NEW_OPTIONS)
    assert (code, err) == (0, "")
    golden("new-output.txt", out)
    created = root / "seeds" / "lejournal-nvidia-restarts-h200-2026-02.md"
    golden("new-source.md", created.read_text("utf-8"))
    project = load_project(root)
    source = project.sources["lejournal-nvidia-restarts-h200-2026-02"]
    assert source.paragraphs[1].startswith(
        "Selon plusieurs sources, Nvidia aurait demandé à TSMC de relancer la production")
    assert run(capsys, "--root", str(root), "check")[0] == 0


def test_new_lists_what_is_left_to_translate(make_project, tmp_path, capsys):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(root), "new", str(text), "--language", "fr",
                       "--title", "Titre", "--published", "2026-02", "--kind", "analysis",
                       "--accessed", "2026-11-23")
    assert code == 0
    path = "seeds/titre-2026-02.md"
    assert f"{path}:6: title.en: expected text, found an empty text. Fix: write the title in " \
           "English between the quotes" in out
    assert f"{path}:16: note.en: expected text" in out
    assert "precision: month" in (root / path).read_text("utf-8")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert out.count(path) == 7  # three titles, four notes


@pytest.mark.parametrize("url", [
    "https://example.org/article",
    "http://www.example.org/article/",
    "https://EXAMPLE.org/article?utm_source=newsletter#top",
])
def test_new_refuses_the_same_address(make_project, tmp_path, capsys, url):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "--root", str(root), "new", str(text), "--language", "fr",
                       "--title", "T", "--published", "2026-02-03", "--kind", "news-report",
                       "--url", url)
    assert code == 1
    assert err == ("new: this article is already in the corpus: seeds/example.md (id "
                   "'example-source') has the same address. Cite that source instead of "
                   "adding it again.\n")
    assert sorted(p.name for p in (root / "seeds").iterdir()) == ["example.md"]


def test_new_refuses_the_same_text_rewrapped_from_stdin(make_project, capsys, monkeypatch):
    seed = VALID_SEED.replace("Troisième paragraphe.", ARTICLE)
    root = make_project(seeds={"example.md": seed})
    rewrapped = "\n".join(ARTICLE.replace("\n\n", "\n").splitlines())  # one paragraph a line
    body = "Premier paragraphe.\n\nDeuxième paragraphe, sur deux lignes.\n\n" + rewrapped
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(body))
    code, _, err = run(capsys, "--root", str(root), "new", "-", "--language", "fr",
                       "--title", "T", "--published", "2026-02-03", "--kind", "news-report")
    assert code == 1
    assert "seeds/example.md (id 'example-source') has the same text" in err


def test_new_rejects_bad_metadata_before_writing(make_project, tmp_path, capsys):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "--root", str(root), "new", str(text), "--language", "xx-nope!",
                       "--title", "T", "--published", "2026-02-30", "--kind", "rumour",
                       "--url", "javascript:alert(1)")
    assert code == 1
    for expected in ("--language 'xx-nope!'", "--published: '2026-02-30' is not a valid "
                     "calendar date", "--kind 'rumour'", "--url 'javascript:alert(1)'"):
        assert expected in err
    assert sorted(p.name for p in (root / "seeds").iterdir()) == ["example.md"]


def test_new_without_metadata_and_no_terminal_says_what_is_missing(make_project, capsys,
                                                                    monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(ARTICLE))
    code, _, err = run(capsys, "--root", str(make_project()), "new", "-", "--language", "fr")
    assert code == 2
    assert err.startswith("new: missing --title, --published, --kind")


@pytest.mark.parametrize(("url", "outlet", "expected"), [
    ("https://asia.nikkei.com/Business/x", None, "nikkei"),
    ("https://news.yahoo.co.jp/articles/x", None, "yahoo"),
    ("https://www.lemonde.fr/x", "Le Monde", "lemonde"),
    (None, "Frankfurter Allgemeine", "frankfurter"),
    (None, None, ""),
])
def test_outlet_slug(url, outlet, expected):
    assert outlet_slug(url, outlet) == expected


def test_derive_id_prefers_model_names_and_stays_unique():
    article = Article(text="x", language="ja", title="中国、H200の購入を承認",
                      published="2026-01-28", kind="news-report",
                      url="https://www.nikkei.com/article/1")
    assert derive_id(article, set()) == "nikkei-h200-2026-01"
    assert derive_id(article, {"nikkei-h200-2026-01"}) == "nikkei-h200-2026-01-2"
    article.titles["en"] = "China approves purchases of Nvidia's H200 and H20 by three firms"
    assert derive_id(article, set()) == "nikkei-china-h200-h20-2026-01"


def test_create_refuses_a_taken_id(make_project):
    root = make_project()
    article = Article(text=ARTICLE, language="fr", title="T", published="2026", kind="analysis",
                      source_id="example-source")
    with pytest.raises(NewSourceError, match="already used"):
        create(article, root, today=lambda: dt.date(2026, 11, 23))


def test_identity_keys():
    assert normalise_url("HTTP://www.Example.org:443/a/?utm_medium=x&b=2#c") == \
        "https://example.org/a?b=2"
    assert text_hash("Un  texte\nassez long pour être identifié comme article.") == \
        text_hash("un texte assez long pour être identifié comme ARTICLE.")
    assert text_hash("court") is None


# --------------------------------------------------------------------------- translations


def test_translated_records_the_english_text_and_check_lists_pages_behind(make_project, capsys,
                                                                          monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = make_project()
    english = root / "docs" / "en" / "index.md"
    english.write_text(english.read_text("utf-8") + "\nA new English sentence.\n", "utf-8")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 0  # a translation behind is listed, not an error
    assert out.splitlines() == [
        f"docs/{lang}/index.md: behind the English page: docs/en/index.md changed after this "
        f"translation was made. Update it, then run: make translated PAGES=docs/{lang}/index.md"
        for lang in ("ja", "fr", "de")] + [
        "OK: 1 sources, 4 pages in 4 languages; 3 translation(s) behind the English."]
    code, out, _ = run(capsys, "--root", str(root), "translated", "docs/ja/index.md")
    assert code == 0
    stamp = english_hash(english.read_text("utf-8"))
    assert out == f"docs/ja/index.md: translated from the English text {stamp}\n"
    assert (root / "docs/ja/index.md").read_text("utf-8").startswith(
        f'---\ntranslated_from: "{stamp}"\n---\n')
    assert [b.path for b in load_project(root).behind] == ["docs/fr/index.md", "docs/de/index.md"]


def test_a_translation_without_a_record_is_a_problem(make_project, capsys):
    root = make_project(stamp=False)
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert ("docs/ja/index.md:1: the translation does not say which English text it translates "
            "(no 'translated_from' in front matter). Fix: check it matches docs/en/index.md, "
            "then run: make translated PAGES=docs/ja/index.md") in out


def test_translated_refuses_an_english_page(make_project, capsys):
    code, _, err = run(capsys, "--root", str(make_project()), "translated", "docs/en/index.md")
    assert code == 2
    assert "an English page is the original" in err


# --------------------------------------------------------------------------- what's new


def test_whats_new_dates_sources_and_pages_from_history(make_project):
    project = load_project(make_project())
    log = ("\x002026-11-20\nM\tdocs/fr/index.md\nA\tseeds/example.md\n"
           "\x002026-11-02\nA\tseeds/example.md\nA\tdocs/fr/index.md\nA\tdocs/en/index.md\n")
    history = History(True, tuple(parse_log(log)))
    found = [(e.day.isoformat(), e.kind, e.title, e.url) for e in entries(project, history, "fr")]
    assert found == [
        ("2026-11-20", "page", "Home fr", "fr/"),
        ("2026-11-02", "page", "Home fr", "fr/"),
        ("2026-11-02", "source", "Titre original", "fr/sources/example-source/"),
    ]
    without = entries(project, History(False, ()), "ja")
    assert [(e.day, e.kind) for e in without] == [(dt.date(2026, 11, 22), "source")]
