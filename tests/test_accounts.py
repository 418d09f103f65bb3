"""The site's own words: a source other than the articles the briefing was given is kept as
its record and the site's account of each paragraph, never its text (fixture projects)."""

from __future__ import annotations

import json
from html import unescape

import pytest

from briefing.cli import main
from briefing.copyguard import copied_runs, guard, long_quotes
from briefing.errors import BriefingError, Problem
from briefing.exports import texts_json
from briefing.project import load_project
from briefing.render import render_page, render_source_page
from briefing.strings import LABELS
from conftest import LANGS, VALID_SEED, known

# The article an editor read (never written into the fixture project except where a test
# shows what happens when it is).
ARTICLE = (
    "Der Konzern verlangt von seinen chinesischen Kunden für den begehrten Chip eine "
    "vollständige Vorauszahlung, sagten zwei mit der Angelegenheit vertraute Personen.",
    "Der Chip bietet etwa sechsmal so viel Leistung wie das Vorgängermodell für China.",
    "Nach Informationen aus der Branche wurden mehr als zwei Millionen Stück bestellt.",
)
RECORD = (
    VALID_SEED.split("---\n", 2)[1]
    .replace("id: example-source", "id: agency-report")
    .replace("language: fr", "language: de")
    .replace("  de: Originaltitel\n", "  fr: Titre original\n")
    .replace("https://example.org/article", "https://example.org/agency")
    .replace("original_file: article-recu.txt\n", "")
    .replace("reproduction: whole\n", "")
)
RECORD = f"---\n{RECORD}---\n"
ACCOUNTS = {
    "en": (
        "Two people familiar with the matter say the company wants Chinese buyers of the "
        "chip to pay the whole price in advance.",
        "The article puts the chip's performance at roughly 6 times that of the earlier "
        "China model.",
        "Industry information cited by the article puts orders at over 2 million units.",
    ),
    "ja": (
        "事情に詳しい関係者2人によると、同社は中国の購入者に代金全額の前払いを求めている。",
        "記事は、このチップの性能を中国向けの前モデルの約6倍としている。",
        "記事が引く業界筋の情報では、受注は200万個を超える。",
    ),
    "fr": (
        "Selon deux personnes au fait du dossier, le groupe veut que ses acheteurs chinois "
        "règlent la totalité du prix à l'avance.",
        "L'article estime la puissance de la puce à environ 6 fois celle du modèle chinois "
        "précédent.",
        "D'après des informations du secteur citées par l'article, plus de 2 millions "
        "d'unités ont été commandées.",
    ),
    "de": (
        "Zwei Eingeweihte zufolge will das Unternehmen, dass chinesische Käufer den ganzen "
        "Preis im Voraus begleichen.",
        "Der Artikel beziffert die Leistung auf rund das Sechsfache des früheren China-Modells.",
        "Branchenangaben im Artikel zufolge liegen die Bestellungen bei über 2 Millionen Stück.",
    ),
    "zh": (
        "两位知情人士称，该公司要求中国买家预先支付全部货款。",
        "文章称该芯片的性能约为此前中国版型号的6倍。",
        "文章援引的业内信息显示，订单超过200万件。",
    ),
}


def accounts_file(texts=ACCOUNTS, source_id="agency-report", with_guard=True) -> str:
    lines = [f"source: {source_id}", "paragraphs:"]
    for n in range(1, len(texts["en"]) + 1):
        lines.append(f"  - n: {n}")
        lines += [
            f"    {lang}: {json.dumps(texts[lang][n - 1], ensure_ascii=False)}" for lang in LANGS
        ]
    if with_guard:
        lines.append(f'copy_guard: "{guard(ARTICLE, "de")}"')
    return "\n".join(lines) + "\n"


def pages(cite: str = "¶2") -> dict[str, str]:
    return {f"{lang}/index.md": f"# Home\n\nA fact [@agency-report, {cite}].\n" for lang in LANGS}


def project_with(make_project, accounts: str | None = None, record: str = RECORD, cite="¶2"):
    seeds = {"agency-report.md": record}
    if accounts is not None:
        seeds["agency-report.accounts.yml"] = accounts
    return make_project(seeds=seeds, pages=pages(cite))


def problems_of(root) -> list[str]:
    return [p.format() for p in caught(root)]


def caught(root) -> list[Problem]:
    with pytest.raises(BriefingError) as stopped:
        load_project(root)
    return stopped.value.problems


def where(problems: list[Problem], code: str) -> list[tuple[str, int]]:
    """The places of the problems of one kind."""
    return [(p.path, p.line) for p in problems if p.code == code]


def with_account(lang: str, number: int, text: str) -> str:
    texts = {k: list(v) for k, v in ACCOUNTS.items()}
    texts[lang][number - 1] = text
    return accounts_file(texts)


def test_a_source_kept_as_accounts_loads_and_is_cited_by_paragraph(make_project):
    project = load_project(project_with(make_project, accounts_file()))
    source = project.sources["agency-report"]
    assert source.paragraphs == () and source.paragraph_count == 3
    assert source.reproduction == "accounts"
    assert source.account(2, "ja") == ACCOUNTS["ja"][1]


@pytest.mark.parametrize("lang", LANGS)
def test_its_page_gives_the_account_in_the_readers_language_labelled_as_ours(make_project, lang):
    project = load_project(project_with(make_project, accounts_file()))
    html = unescape(render_source_page(project.sources["agency-report"], lang, project))
    for number, text in enumerate(ACCOUNTS[lang], start=1):
        assert f'id="p{number}"' in html and text in html
    others = [t for other in LANGS if other != lang for t in ACCOUNTS[other]]
    assert not any(text in html for text in others)
    assert "data-verbatim>Der Konzern" not in html
    assert "bf-accounts-intro" in html and 'href="https://example.org/agency"' in html
    ours = {"en": "Our account", "ja": "当サイトによる要約", "fr": "Notre résumé"}
    ours["de"] = "Unsere Zusammenfassung"
    assert known(ours).get(lang, LABELS["account_label"][lang]) in html


def test_a_citing_page_previews_the_account_never_a_quotation(make_project):
    project = load_project(project_with(make_project, accounts_file()))
    rendered = render_page("A fact [@agency-report, ¶2].\n", "", "fr", project)
    html = "".join(rendered.fragments.values())
    assert "bf-ref-account" in html and "bf-ref-quote" not in html
    assert "Notre résumé" in html and ACCOUNTS["fr"][1] in unescape(html)


def test_downloads_carry_accounts_labelled_as_the_sites_and_seed_texts_whole(make_project):
    root = make_project(
        seeds={
            "agency-report.md": RECORD,
            "agency-report.accounts.yml": accounts_file(),
            "example-source.md": VALID_SEED,
        },
        pages={
            f"{lang}/index.md": "# Home\n\nA [@agency-report, ¶2] B [@example-source, ¶1].\n"
            for lang in LANGS
        },
    )
    data = json.loads(texts_json(load_project(root), "https://example.org/"))
    by_id = {s["id"]: s for s in data["sources"]}
    ours = by_id["agency-report"]
    assert ours["reproduction"] == "accounts" and ours["paragraph_count"] == 3
    assert ours["paragraphs"][1]["account"]["de"] == ACCOUNTS["de"][1]
    assert "original" not in ours["paragraphs"][1]
    assert by_id["example-source"]["reproduction"] == "whole"
    assert by_id["example-source"]["paragraphs"][0]["original"] == "Premier paragraphe."
    assert "accounts" in data["about"]["en"] and "not the outlets' words" in data["about"]["en"]
    assert "Der Konzern" not in json.dumps(data, ensure_ascii=False)


def test_a_record_holding_an_articles_text_is_refused_with_the_command_that_converts_it(
    make_project,
):
    text = RECORD + "\n\n".join(ARTICLE) + "\n"
    body = RECORD.count("\n") + 1  # the text's first line
    found = [p.format() for p in caught(project_with(make_project, record=text))]
    assert any(
        line.startswith(f"seeds/agency-report.md:{body}: the file holds an article's text")
        and "make accounts SOURCE=agency-report" in line
        for line in found
    ), found


@pytest.mark.parametrize(
    ("accounts", "code", "expected"),
    [
        (
            with_account(
                "de",
                1,
                "Der Konzern verlangt von seinen chinesischen Kunden für den "
                "begehrten Chip eine vollständige Vorauszahlung.",
            ),
            "accounts.copied",
            "¶1 (German): reads as copied from the article",
        ),
        (
            with_account(
                "en",
                3,
                'The article says "industry information shows that more than '
                'two million units were ordered by Chinese companies last month".',
            ),
            "accounts.long-quote",
            "¶3 (English): quotes more than a short phrase",
        ),
        (with_account("fr", 2, ""), "accounts.missing", "¶2 (French): the account is missing"),
        (
            with_account("ja", 2, "記事は、このチップの性能を前モデルの約8倍としている。"),
            "accounts.figures-differ",
            "¶2 (Japanese): states other figures than the English",
        ),
        (
            with_account(
                "fr",
                1,
                "Two people familiar with the matter say the company wants "
                "buyers to pay the whole price in advance.",
            ),
            "accounts.left-in-english",
            "¶1 (French): the text reads as English",
        ),
        (
            accounts_file().replace("- n: 2", "- n: 3"),
            "accounts.out-of-order",
            "entry 2 must be 'n: 2'",
        ),
        (
            accounts_file(source_id="other"),
            "accounts.other-source",
            "source: 'other' is not this file's source",
        ),
    ],
)
def test_an_account_that_is_not_the_sites_own_words_is_reported_at_its_line(
    make_project, accounts, code, expected
):
    problems = caught(project_with(make_project, accounts))
    found = [p for p in problems if p.code == code]
    assert [p.path for p in found] == ["seeds/agency-report.accounts.yml"], problems
    assert expected in found[0].message and ". Fix: " in found[0].format()


def test_a_citation_past_the_last_account_is_out_of_range(make_project):
    problems = caught(project_with(make_project, accounts_file(), cite="¶4"))
    found = [p.message for p in problems if p.code == "citation.out-of-range"]
    assert found and all("(the source has 3 paragraphs)" in m for m in found), problems


def test_accounts_or_translations_where_they_do_not_belong_are_reported(make_project):
    root = make_project(
        seeds={
            "example-source.md": VALID_SEED,
            "example-source.accounts.yml": accounts_file(source_id="example-source"),
            "agency-report.md": RECORD,
            "agency-report.translations.yml": "source: agency-report\nparagraphs: []\n",
            "lost.accounts.yml": accounts_file(source_id="lost"),
        },
        pages={f"{lang}/index.md": "# Home\n" for lang in LANGS},
    )
    problems = caught(root)
    assert where(problems, "accounts.not-needed") == [("seeds/example-source.accounts.yml", 1)]
    assert where(problems, "translation.not-held") == [("seeds/agency-report.translations.yml", 1)]
    assert where(problems, "source.orphan-companion") == [("seeds/lost.accounts.yml", 1)]


def test_a_drafts_empty_accounts_are_listed_as_missing_in_the_preview(make_project):
    root = project_with(make_project, with_account("fr", 2, ""))
    project = load_project(root, drafts=True)
    assert "¶2.fr" in project.sources["agency-report"].missing


def test_the_accounts_command_takes_the_text_out_and_keeps_what_was_written(make_project, capsys):
    root = project_with(make_project, record=RECORD + "\n\n".join(ARTICLE) + "\n")
    (root / "seeds" / "agency-report.translations.yml").write_text("source: x\n", "utf-8")
    first = 3 + len(LANGS)  # source, paragraphs, n: 1 and ¶1's accounts
    written = "\n".join(accounts_file(with_guard=False).splitlines()[:first]) + "\n"
    (root / "seeds" / "agency-report.accounts.yml").write_text(written, "utf-8")
    assert main(["--root", str(root), "accounts", "agency-report"]) == 0
    assert "an entry per paragraph (3)" in capsys.readouterr().out
    record = (root / "seeds" / "agency-report.md").read_text("utf-8")
    assert "Der Konzern" not in record and "reproduction" not in record
    assert not (root / "seeds" / "agency-report.translations.yml").exists()
    accounts = (root / "seeds" / "agency-report.accounts.yml").read_text("utf-8")
    assert ACCOUNTS["ja"][0] in accounts and accounts.count('""') == 2 * len(LANGS)  # ¶2, ¶3
    assert "Der Konzern" not in accounts and "copy_guard: >-" in accounts
    # The guard left behind still recognises the article's words in an account.
    copied = accounts.replace('de: ""', f'de: "{ARTICLE[2]}"', 1)
    (root / "seeds" / "agency-report.accounts.yml").write_text(copied, "utf-8")
    copies = [p for p in caught(root) if p.code == "accounts.copied"]
    assert [p.path for p in copies] == ["seeds/agency-report.accounts.yml"], copies
    assert copies[0].message.startswith("¶2 (German): reads as copied")


def test_the_copy_guard_ignores_short_quotations_and_reads_japanese_by_characters():
    article = (
        "商務省の当局者は「これまでのところゼロだ」と述べ、許可はまだ一件も出ていないと説明した。",
    )
    prints = guard(article, "ja")
    assert copied_runs("当局者は許可はまだ一件も出ていないと説明した。", "ja", prints) == 0
    assert copied_runs("当局者は、許可はまだ一件も出ていないと説明したという。", "ja", prints) == 0
    assert (
        copied_runs(
            "商務省の当局者は「ゼロ」と述べ、許可はまだ一件も出ていないと説明した。", "ja", prints
        )
        > 0
    )
    assert long_quotes("He said “none so far”.", "en") == []
    assert long_quotes("「" + "あ" * 31 + "」", "ja") != []
