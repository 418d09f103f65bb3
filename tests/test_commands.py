"""Editors' commands: `check`, `new` and `translated`, with golden outputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.freshness import english_hash
from briefing.history import History, parse_log
from briefing.identity import normalise_url, text_hash
from briefing.news import entries
from briefing.newsource import (
    Article,
    NewSourceError,
    create,
    derive_id,
    no_headline_title,
    outlet_slug,
    plan,
    slug,
)
from briefing.project import load_project
from briefing.strings import KINDS, label
from conftest import (
    GOLDEN_LANGS,
    LANGS,
    TRANSLATED,
    VALID_SEED,
    valid_seed,
    valid_translations,
)

JAPANESE_ARTICLE = """\
中国の税関当局が、NVIDIAのH200の輸入を認めていないことが関係者の話で明らかになった。

同社はコメントを控えた。
"""

ARTICLE = """\
Nvidia relance la production du H200 pour la Chine

Selon plusieurs sources, Nvidia aurait demandé à TSMC de relancer la production
de puces H200 destinées au marché chinois.

Le groupe n'a pas confirmé l'information.
"""

NEW_OPTIONS = [
    "--language",
    "fr",
    "--title",
    "Nvidia relance la production du H200 pour la Chine",
    "--title-en",
    "Nvidia restarts H200 production for China",
    "--title-ja",
    "エヌビディア、中国向けH200の生産を再開",
    "--title-de",
    "Nvidia nimmt die H200-Produktion für China wieder auf",
    "--outlet",
    "Le Journal Exemple",
    "--published",
    "2026-02-03",
    "--url",
    "https://www.lejournal.fr/tech/nvidia-h200?utm_source=rss",
    "--kind",
    "news-report",
    "--accessed",
    "2026-11-23",
    "--note-en",
    "A French daily's technology section.",
    "--note-ja",
    "フランスの日刊紙のテクノロジー欄。",
    "--note-fr",
    "La rubrique technologie d'un quotidien français.",
    "--note-de",
    "Das Technikressort einer französischen Tageszeitung.",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- check


def broken_project(make_project) -> Path:
    """A project with a problem of each kind, in the golden files' languages."""
    seed = valid_seed(GOLDEN_LANGS)
    bad_seed = (
        seed.replace("id: example-source", "id: other-source")
        .replace("https://example.org/article", "javascript:alert(1)")
        .replace("kind: news-report\n", "")
    )
    pages = {
        f"{lang}/index.md": "# Home\n\nA fact [@example-source, ¶2].\n" for lang in GOLDEN_LANGS
    }
    pages["fr/index.md"] = "# Accueil\n\nUn fait [@example-source, ¶7] et [@nope].\n"
    pages["en/method.md"] = "# Method\n"
    pages["ja/method.md"] = "# 方法\n"
    pages["fr/method.md"] = "# Méthode\n"
    seeds = {
        "example-source.md": seed,
        "example-source.translations.yml": valid_translations(GOLDEN_LANGS),
        "other.md": bad_seed,
    }
    return make_project(seeds=seeds, pages=pages, languages=GOLDEN_LANGS)


def test_check_reports_every_problem_as_file_line_fix(make_project, capsys, golden, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = broken_project(make_project)
    code, out, err = run(capsys, "--root", str(root), "check")
    assert code == 1
    golden("check-broken.txt", out)
    assert err == "6 problem(s).\n"
    for line in out.splitlines():
        assert line.split(":")[1].isdigit() and ". Fix: " in line, line


def test_check_in_github_actions_also_annotates(make_project, capsys, golden, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "--root", str(broken_project(make_project)), "check")
    assert code == 1
    golden("check-broken-github.txt", out)
    assert out.count("::error file=") == 6


def test_check_passes_a_good_project(make_project, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code, out, _ = run(capsys, "--root", str(make_project()), "check")
    count = len(LANGS)
    assert (code, out) == (0, f"OK: 1 sources, {count} pages in {count} languages.\n")


# --------------------------------------------------------------------------- new


def test_new_writes_a_source_that_passes_check(make_project, tmp_path, capsys, golden, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = make_project(languages=GOLDEN_LANGS)
    text = tmp_path / "article.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    # --id keeps the golden files' id; the derived one is tested below (model names first).
    code, out, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        *NEW_OPTIONS,
        "--id",
        "lejournal-nvidia-restarts-h200-2026-02",
    )
    assert (code, err) == (0, "")
    golden("new-output.txt", out)
    created = root / "seeds" / "lejournal-nvidia-restarts-h200-2026-02.md"
    golden("new-source.md", created.read_text("utf-8"))
    accounts = created.with_name("lejournal-nvidia-restarts-h200-2026-02.accounts.yml")
    golden("new-accounts.yml", accounts.read_text("utf-8"))
    # The article's text is kept nowhere in the project: only the editor's accounts will be.
    for path in (root / "seeds").iterdir():
        assert "relancer la production" not in path.read_text("utf-8"), path
    assert run(capsys, "--root", str(root), "check")[0] == 1  # the accounts are still empty
    filled = accounts.read_text("utf-8")
    for lang, texts in NEW_ACCOUNTS.items():
        for text in texts:
            filled = filled.replace(f'{lang}: ""', f'{lang}: "{text}"', 1)
    accounts.write_text(filled, encoding="utf-8")
    project = load_project(root)
    source = project.sources["lejournal-nvidia-restarts-h200-2026-02"]
    assert source.paragraphs == () and source.reproduction == "accounts"
    assert source.account(2, "de").startswith("Nach Angaben mehrerer Quellen")
    assert run(capsys, "--root", str(root), "check")[0] == 0


# What the editor writes for ARTICLE's three paragraphs (headline, report, no confirmation).
NEW_ACCOUNTS = {
    "en": (
        "Headline: Nvidia is restarting H200 output for China.",
        "Several unnamed sources say Nvidia reportedly asked TSMC to make H200 chips for "
        "China again.",
        "Nvidia has not confirmed the report.",
    ),
    "ja": (
        "見出し：エヌビディアが中国向けH200の生産を再開。",
        "複数の匿名の関係者によると、エヌビディアは中国向けH200の生産再開をTSMCに要請したとされる。",
        "エヌビディアはこの情報を認めていない。",
    ),
    "fr": (
        "Titre : Nvidia redémarre la fabrication de la H200 pour la Chine.",
        "D'après plusieurs sources non nommées, Nvidia aurait prié TSMC de refabriquer des "
        "H200 pour la Chine.",
        "Nvidia n'a pas confirmé ce qui est rapporté.",
    ),
    "de": (
        "Überschrift: Nvidia fertigt den H200 für China wieder.",
        "Nach Angaben mehrerer Quellen soll Nvidia TSMC gebeten haben, wieder H200-Chips für "
        "China herzustellen.",
        "Nvidia hat den Bericht nicht bestätigt.",
    ),
}


def test_new_lists_what_is_left_to_translate(make_project, tmp_path, capsys):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        "--language",
        "fr",
        "--title",
        "Titre",
        "--published",
        "2026-02",
        "--kind",
        "analysis",
        "--accessed",
        "2026-11-23",
    )
    assert code == 0
    path = "seeds/titre-2026-02.md"
    written = (root / path).read_text("utf-8").splitlines()
    title = written.index('  en: ""') + 1
    note = written.index('  en: ""', title) + 1
    assert (
        f"{path}:{title}: title.en: expected text, found an empty text. Fix: write the title in "
        "English between the quotes" in out
    )
    assert f"{path}:{note}: note.en: expected text" in out
    assert "precision: month" in (root / path).read_text("utf-8")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert out.count(path) == 2 * len(LANGS) - 1  # a title in each language but French, notes


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/article",
        "http://www.example.org/article/",
        "https://EXAMPLE.org/article?utm_source=newsletter#top",
    ],
)
def test_new_refuses_the_same_address(make_project, tmp_path, capsys, url):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        "--language",
        "fr",
        "--title",
        "T",
        "--published",
        "2026-02-03",
        "--kind",
        "news-report",
        "--url",
        url,
    )
    assert code == 1
    assert err == (
        "new: this article is already in the corpus: seeds/example-source.md (id "
        "'example-source') has the same address. Cite that source instead of "
        "adding it again.\n"
    )
    assert sorted(p.name for p in (root / "seeds").glob("*.md")) == ["example-source.md"]


def test_new_refuses_the_same_text_rewrapped_from_stdin(make_project, capsys, monkeypatch):
    seed = VALID_SEED.replace("Troisième paragraphe.", ARTICLE)
    root = make_project(seeds={"example-source.md": seed})
    rewrapped = "\n".join(ARTICLE.replace("\n\n", "\n").splitlines())  # one paragraph a line
    body = "Premier paragraphe.\n\nDeuxième paragraphe, sur deux lignes.\n\n" + rewrapped
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(body))
    code, _, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        "-",
        "--language",
        "fr",
        "--title",
        "T",
        "--published",
        "2026-02-03",
        "--kind",
        "news-report",
    )
    assert code == 1
    assert "seeds/example-source.md (id 'example-source') has the same text" in err


def test_new_rejects_bad_metadata_before_writing(make_project, tmp_path, capsys):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        "--language",
        "xx-nope!",
        "--title",
        "T",
        "--published",
        "2026-02-30",
        "--kind",
        "rumour",
        "--url",
        "javascript:alert(1)",
    )
    assert code == 1
    for expected in (
        "--language 'xx-nope!'",
        "--published '2026-02-30' is not a valid calendar date",
        "--kind 'rumour'",
        "--url 'javascript:alert(1)'",
    ):
        assert expected in err
    assert sorted(p.name for p in (root / "seeds").glob("*.md")) == ["example-source.md"]


def test_new_without_metadata_and_no_terminal_says_what_is_missing(
    make_project, capsys, monkeypatch
):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(ARTICLE))
    code, _, err = run(capsys, "--root", str(make_project()), "new", "-", "--language", "fr")
    assert code == 2
    assert err.startswith("new: missing --title, --published, --kind")


@pytest.mark.parametrize(
    ("url", "outlet", "expected"),
    [
        ("https://asia.nikkei.com/Business/x", None, "nikkei"),
        ("https://news.yahoo.co.jp/articles/x", None, "yahoo"),
        ("https://www.lemonde.fr/x", "Le Monde", "lemonde"),
        (None, "Frankfurter Allgemeine", "frankfurter"),
        (None, None, ""),
    ],
)
def test_outlet_slug(url, outlet, expected):
    assert outlet_slug(url, outlet) == expected


def test_derive_id_prefers_model_names_and_stays_unique():
    article = Article(
        text="x",
        language="ja",
        title="中国、H200の購入を承認",
        published="2026-01-28",
        kind="news-report",
        url="https://www.nikkei.com/article/1",
    )
    assert derive_id(article, set()) == "nikkei-h200-2026-01"
    assert derive_id(article, {"nikkei-h200-2026-01"}) == "nikkei-h200-2026-01-2"
    article.titles["en"] = "China approves purchases of Nvidia's H200 and H20 by three firms"
    assert derive_id(article, set()) == "nikkei-h200-h20-china-2026-01"


def test_create_refuses_a_taken_id(make_project):
    root = make_project()
    article = Article(
        text=ARTICLE,
        language="fr",
        title="T",
        published="2026",
        kind="analysis",
        source_id="example-source",
    )
    with pytest.raises(NewSourceError, match="already used"):
        create(article, root, today=lambda: dt.date(2026, 11, 23))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("NVIDIAのH200", "nvidia-h200"),
        ("中国税関、H200とH20の輸入を差し止め", "h200-h20"),
        ("ＡＭＤのＭＩ３０８とＮＶＩＤＩＡのＢ３０Ａ", "amd-mi308-nvidia-b30a"),  # full-width
        ("Sécurité économique : la Chine freine", "securite-economique-la-chine-freine"),
        ("Straße für H200-Chips", "strasse-fur-h200-chips"),
    ],
)
def test_slug_splits_words_where_the_script_changes(title, expected):
    assert slug(title) == expected


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        (
            "NVIDIAのH200、中国の税関で足止め",
            "https://news.mynavi.jp/techplus/article/1",
            "mynavi-h200-nvidia-2026-01",
        ),
        (
            "Nvidia attend toujours le feu vert pour ses H200",
            "https://itdaily.fr/nouvelles/1",
            "itdaily-h200-nvidia-attend-2026-01",
        ),
        (
            "〔見出しは未収集〕中国、NVIDIAのH200の輸入を認めず",
            "https://news.mynavi.jp/1",
            "mynavi-h200-nvidia-2026-01",
        ),
        (
            "[No headline captured] Customs hold H20, H200 and B30A shipments",
            "https://example.com/1",
            "example-h20-h200-customs-2026-01",
        ),
    ],
)
def test_derive_id_puts_model_names_first(title, url, expected):
    article = Article(
        text="x", language="ja", title=title, published="2026-01-15", kind="news-report", url=url
    )
    assert derive_id(article, set()) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "ja",
            JAPANESE_ARTICLE,
            "〔見出しは未収集〕中国の税関当局が、NVIDIAのH200の輸入を認めていない…",
        ),
        ("fr", ARTICLE, "[Titre non recueilli] Nvidia relance la production du H200 pour la…"),
        ("de", "Kurz gesagt.", "[Ohne Überschrift erfasst] Kurz gesagt."),
        ("zh-Hans", "中国海关暂停进口。", "〔未收录标题〕中国海关暂停进口。"),
        ("ko", "세관이 수입을 막았다.", "[No headline captured] 세관이 수입을 막았다."),
    ],
)
def test_a_capture_without_headline_gets_a_bracketed_title(language, text, expected):
    assert no_headline_title(language, text) == expected


class Terminal:
    """Standard input as a terminal: what `new` needs to ask its questions."""

    def isatty(self) -> bool:
        return True

    def read(self) -> str:
        raise AssertionError("the article text is a file: standard input must not be read")


def answering(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Type `answers` at `new`'s prompts, in order; return the prompts, as they are asked."""
    prompts: list[str] = []
    pending = list(answers)

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        assert pending, f"asked more than was answered: {prompt}"
        return pending.pop(0)

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", fake_input)
    return prompts


def test_new_in_a_terminal_asks_again_until_each_answer_is_right(
    make_project, tmp_path, capsys, monkeypatch
):
    root = make_project()
    text = tmp_path / "article.txt"
    text.write_text(
        ARTICLE.replace(
            "relance la production du H200 pour la Chine",
            "attend toujours le feu vert pour ses H200",
        ),
        "utf-8",
    )
    prompts = answering(
        monkeypatch,
        [
            "itdaily.fr/nouvelles/h200",
            "https://itdaily.fr/nouvelles/h200",  # address
            "français",
            "fr",  # language
            "",
            "Nvidia attend toujours le feu vert pour ses H200",  # title
            "février 2026",
            "2026-02",  # published
            "day",
            "approximate",  # precision: inferred from the text
            "rumour",
            "a",
            "news",  # kind: unknown, ambiguous, then a prefix
            "",  # author: none stated
            "ITdaily",  # outlet
            "ITdaily H200",  # id: not an id
            "",  # id: the proposed one
        ],
    )
    code, out, err = run(capsys, "--root", str(root), "new", str(text), "--accessed", "2026-11-23")
    assert (code, err) == (0, "")
    asked = [prompt.split()[0].strip(",") for prompt in prompts]
    assert asked == [
        "Address",
        "Address",
        "Language",
        "Language",
        "Headline",
        "Headline",
        "Published",
        "Published",
        "How",
        "How",
        "Kind",
        "Kind",
        "Kind",
        "Author",
        "Outlet",
        "Id",
        "Id",
    ]
    assert (
        prompts[-1]
        == "Id, the name pages cite it by (Enter for itdaily-h200-nvidia-attend-2026-02): "
    )
    for reason in (
        "'itdaily.fr/nouvelles/h200' is not an http:// or https:// address",
        "'français' is a language's name, not its tag: write fr",
        "the title is needed: type it exactly as published, or - if the capture has no headline",
        "'février 2026' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        "'day' does not fit the date 2026-02: use month, or approximate for a date inferred "
        "from the text",
        "'rumour' is not one of: news-report, analysis",
        "'a' could be analysis or ai-generated-news: type more of it",
        "'ITdaily H200' is not a valid id",
    ):
        assert f"  {reason}" in out
    assert out.count("Please answer again.") == 8
    created = root / "seeds" / "itdaily-h200-nvidia-attend-2026-02.md"
    source = created.read_text("utf-8")
    for line in (
        "language: fr",
        '  original: "Nvidia attend toujours le feu vert pour ses H200"',
        'outlet: "ITdaily"',
        "author: null",
        'published: {date: "2026-02", precision: approximate}',
        'url: "https://itdaily.fr/nouvelles/h200"',
        "kind: news-report",
    ):
        assert f"\n{line}\n" in source
    assert f"Created seeds/{created.name}" in out


def test_new_in_a_terminal_records_a_capture_without_headline(
    make_project, tmp_path, capsys, monkeypatch
):
    root = make_project()
    text = tmp_path / "article.txt"
    text.write_text(JAPANESE_ARTICLE, "utf-8")
    prompts = answering(monkeypatch, ["-", "2026-01-15", "", "", "マイナビニュース", ""])
    code, out, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        "--language",
        "ja",
        "--published",
        "2026/01/15",
        "--kind",
        "news-report",
        "--url",
        "https://news.mynavi.jp/techplus/article/h200/",
    )
    assert (code, err) == (0, "")
    assert [prompt.split()[0].strip(",") for prompt in prompts] == [
        "Headline",
        "Published",
        "How",
        "Author",
        "Outlet",
        "Id",
    ]
    assert prompts[2].endswith("[Enter: day]: ")
    assert (
        "--published '2026/01/15' is not a date (YYYY-MM-DD, YYYY-MM or YYYY). Please "
        "answer here instead."
    ) in out
    title = "〔見出しは未収集〕中国の税関当局が、NVIDIAのH200の輸入を認めていない…"
    assert f"  Title recorded as: {title}" in out
    source = (root / "seeds" / "mynavi-h200-nvidia-2026-01.md").read_text("utf-8")
    assert f'  original: "{title}"\n' in source
    assert '  en: ""  # begin with [No headline captured]\n' in source
    assert "title:  # the capture has no headline" in source
    assert 'published: {date: "2026-01-15", precision: day}' in source
    assert "The capture has no headline" in out


def test_new_with_no_headline_option_brackets_the_given_description(make_project, tmp_path, capsys):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        "--language",
        "fr",
        "--no-headline",
        "--title",
        "Nvidia et la production des H200",
        "--published",
        "2026-02",
        "--kind",
        "news-report",
        "--url",
        "https://www.lejournal.fr/h200",
    )
    assert (code, err) == (0, "")
    source = (root / "seeds" / "lejournal-h200-nvidia-production-2026-02.md").read_text("utf-8")
    assert '  original: "[Titre non recueilli] Nvidia et la production des H200"\n' in source


def test_new_in_a_terminal_refuses_a_duplicate_before_asking(
    make_project, capsys, tmp_path, monkeypatch
):
    root = make_project()
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    prompts = answering(monkeypatch, ["https://example.org/article"])
    code, _, err = run(capsys, "--root", str(root), "new", str(text))
    assert code == 1
    assert len(prompts) == 1  # the address, and nothing after it
    assert "has the same address" in err


def test_new_in_a_terminal_stops_on_a_wrong_option_it_cannot_ask(
    make_project, capsys, tmp_path, monkeypatch
):
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    prompts = answering(monkeypatch, [])
    code, _, err = run(
        capsys,
        "--root",
        str(make_project()),
        "new",
        str(text),
        "--id",
        "Mynavi_H200.md",
        "--kind",
        "rumour",
    )
    assert (code, prompts) == (1, [])
    assert err.splitlines() == [
        "new: --kind 'rumour' is not one of: " + ", ".join(KINDS),
        "new: --id 'Mynavi_H200.md' is not a valid id: use lower-case letters a-z, digits and "
        "single hyphens between them, e.g. 'mynavi-h200-nvidia-2026-01' (give it without "
        "'.md')",
    ]


def test_new_in_a_terminal_stops_on_an_empty_text_before_asking(
    make_project, capsys, tmp_path, monkeypatch
):
    text = tmp_path / "empty.txt"
    text.write_text("\n\n", encoding="utf-8")
    prompts = answering(monkeypatch, [])
    code, _, err = run(capsys, "--root", str(make_project()), "new", str(text))
    assert (code, prompts, err) == (1, [], f"new: {text}: the article text is empty\n")


def test_new_names_every_wrong_option_as_typed(make_project, tmp_path, capsys):
    root = make_project()
    before = sorted((root / "seeds").iterdir())
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(
        capsys,
        "--root",
        str(root),
        "new",
        str(text),
        "--language",
        "français",
        "--title",
        "T",
        "--published",
        "février 2026",
        "--kind",
        "rumour",
        "--accessed",
        "2026-11",
        "--id",
        "Le_Journal",
    )
    assert code == 1
    assert err.splitlines() == [
        "new: --language 'français' is a language's name, not its tag: write fr",
        "new: --published 'février 2026' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        "new: --kind 'rumour' is not one of: " + ", ".join(KINDS),
        "new: --accessed '2026-11' is not a full date (YYYY-MM-DD)",
        "new: --id 'Le_Journal' is not a valid id: use lower-case letters a-z, digits and "
        "single hyphens between them, e.g. 'mynavi-h200-nvidia-2026-01'",
    ]
    assert sorted((root / "seeds").iterdir()) == before  # nothing written


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            ["--published", "2026-02", "--precision", "day"],
            "new: --precision 'day' does not fit the date 2026-02: use month, or approximate for a "
            "date inferred from the text\n",
        ),
        (
            ["--published", "2026-02-03", "--url", "ftp://example.org/a"],
            "new: --url 'ftp://example.org/a' is not an http:// or https:// address\n",
        ),
        (
            ["--published", "2026-02-03", "--kind", "a"],
            "new: --kind 'a' could be analysis or ai-generated-news: type more of it\n",
        ),
    ],
)
def test_new_reports_a_wrong_option_by_its_name(make_project, tmp_path, capsys, options, expected):
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    arguments = ["--language", "fr", "--title", "T", "--kind", "analysis", *options]
    code, _, err = run(capsys, "--root", str(make_project()), "new", str(text), *arguments)
    assert (code, err) == (1, expected)


def test_new_derives_the_id_with_model_names_first(make_project, tmp_path, capsys):
    root = make_project()
    text = tmp_path / "article.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(root), "new", str(text), *NEW_OPTIONS)
    assert code == 0
    assert out.startswith("Created seeds/lejournal-h200-nvidia-restarts-2026-02.md ")


def test_identity_keys():
    assert (
        normalise_url("HTTP://www.Example.org:443/a/?utm_medium=x&b=2#c")
        == "https://example.org/a?b=2"
    )
    assert text_hash("Un  texte\nassez long pour être identifié comme article.") == text_hash(
        "un texte assez long pour être identifié comme ARTICLE."
    )
    assert text_hash("court") is None


# --------------------------------------------------------------------------- translations


def test_translated_records_the_english_text_and_check_lists_pages_behind(
    make_project, capsys, monkeypatch
):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = make_project()
    english = root / "docs" / "en" / "index.md"
    english.write_text(english.read_text("utf-8") + "\nA new English sentence.\n", "utf-8")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 0  # a translation behind is listed, not an error
    assert out.splitlines() == [
        f"docs/{lang}/index.md: behind the English page: docs/en/index.md changed after this "
        f"translation was made. Update it, then run: make translated PAGES=docs/{lang}/index.md"
        for lang in TRANSLATED
    ] + [
        f"OK: 1 sources, {len(LANGS)} pages in {len(LANGS)} languages; {len(TRANSLATED)} "
        "translation(s) behind the English."
    ]
    code, out, _ = run(capsys, "--root", str(root), "translated", "docs/ja/index.md")
    assert code == 0
    stamp = english_hash(english.read_text("utf-8"))
    assert out == f"docs/ja/index.md: translated from the English text {stamp}\n"
    assert (
        (root / "docs/ja/index.md")
        .read_text("utf-8")
        .startswith(f'---\ntranslated_from: "{stamp}"\n---\n')
    )
    still = [f"docs/{lang}/index.md" for lang in TRANSLATED if lang != "ja"]
    assert [b.path for b in load_project(root).behind] == still


def test_a_translation_without_a_record_is_a_problem(make_project, capsys):
    root = make_project(stamp=False)
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert (
        "docs/ja/index.md:1: the translation does not say which English text it translates "
        "(no 'translated_from' in front matter). Fix: check it matches docs/en/index.md, "
        "then run: make translated PAGES=docs/ja/index.md"
    ) in out


def test_translated_refuses_an_english_page(make_project, capsys):
    code, _, err = run(capsys, "--root", str(make_project()), "translated", "docs/en/index.md")
    assert code == 2
    assert "an English page is the original" in err


# --------------------------------------------------------------------------- what's new


def test_whats_new_dates_sources_and_pages_from_history(make_project):
    project = load_project(make_project())
    log = (
        "\x002026-11-20\nM\tdocs/fr/index.md\nA\tseeds/example-source.md\n"
        "\x002026-11-02\nA\tseeds/example-source.md\nA\tdocs/fr/index.md\nA\tdocs/en/index.md\n"
    )
    history = History(True, tuple(parse_log(log)))
    found = [(e.day.isoformat(), e.kind, e.title, e.url) for e in entries(project, history, "fr")]
    assert found == [
        ("2026-11-20", "page", "Home fr", "fr/"),
        ("2026-11-02", "page", "Home fr", "fr/"),
        ("2026-11-02", "source", "Titre original", "fr/sources/example-source/"),
    ]
    pages = [e.summary for e in entries(project, history, "fr") if e.kind == "page"]
    assert pages == [label("news_page_text", "fr")] * 2  # what changed: the page's own text
    without = entries(project, History(False, ()), "ja")
    assert [(e.day, e.kind) for e in without] == [(dt.date(2026, 11, 22), "source")]


def test_a_refusal_through_make_prints_its_message_and_no_make_noise():
    import subprocess

    from conftest import REPO

    done = subprocess.run(
        ["make", "-s", "-C", str(REPO), "rename", "OLD=no-such-source-id", "NEW=other-id"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    said = done.stdout + done.stderr
    assert "rename: no source seeds/**/no-such-source-id.md; nothing was changed" in said
    assert "Error" not in said and "make:" not in said


def test_new_in_a_terminal_stops_before_asking_on_what_no_answer_can_fix():
    """The refusal order: wrong options that are not asked, then an empty text, then why
    the article cannot be added; nothing is asked."""
    raw = {"accessed": "yesterday", "id": "Bad Id", "language": "xx"}
    refusals = []

    def refuse(url, source_id):
        refusals.append((url, source_id))
        return "this article is already in the corpus"

    decided = plan(raw, "\n", "article.txt", True, refuse)
    assert not decided.ask and decided.status == 1
    assert decided.stop[-2:] == (
        "article.txt: the article text is empty",
        "this article is already in the corpus",
    )
    assert [m.split(" ")[0] for m in decided.stop[:-2]] == ["--language", "--accessed", "--id"]
    assert refusals == [(None, None)]


def test_new_in_a_terminal_asks_when_only_askable_options_are_wrong():
    decided = plan({"language": "xx"}, "One paragraph.", "a.txt", True, lambda u, i: None)
    assert decided.ask and decided.stop == () and decided.status == 0


def test_new_without_a_terminal_says_every_missing_and_wrong_option_at_once():
    decided = plan({"kind": "rumour"}, "One paragraph.", "a.txt", False, lambda u, i: "never")
    assert not decided.ask and decided.status == 2
    assert decided.stop[0] == (
        "missing --language, --title, --published (or run it in a terminal to be asked)"
    )
    assert decided.stop[1].startswith("--kind ")
    complete = {
        "language": "fr",
        "title": "T",
        "published": "2026-01-02",
        "kind": next(iter(KINDS)),
    }
    assert plan(complete, "One.", "a.txt", False, lambda u, i: "never").status == 0
