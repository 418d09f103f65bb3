"""Languages are data: every language the briefing knows is one record (languages.py), and
the site's languages are mkdocs.yml's. The proof: a fixture project in five languages, the
fifth Simplified Chinese, passes `check` and builds, without the real site having it; and
the checks that differ by language work for each record, Chinese included."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing import DEFAULT_LANGUAGE, strings
from briefing.cli import main
from briefing.errors import BriefingError
from briefing.freshness import english_hash
from briefing.glossary import HOUSE_STYLE, _pattern
from briefing.language import left_in_english, undated_present
from briefing.languages import LANGUAGES, NO_RECORD, Language, read_site_languages, record
from briefing.parity import FIGURES_DIFFER, figures
from briefing.project import load_project, setup_problems
from briefing.render import render_behind_notice
from briefing.typography import apply, apply_html
from conftest import LANGS, ROOT, build_site, mkdocs_yml, valid_seed, valid_translations

FIVE = ("en", "ja", "fr", "de", "zh")
RECORDS = list(LANGUAGES.values())

# The same fact in each language: one figure (4.6 billion), one citation. The Chinese is
# typed with ASCII punctuation, as an editor types it; the built page sets it full-width.
FACT = {
    "en": "Nvidia's chief executive said revenue reached 4.6 billion dollars "
    "[@example-source, ¶2].",
    "ja": "エヌビディアの最高経営責任者は、売上高が46億ドルに達したと述べた[@example-source, ¶2]。",
    "fr": "Le directeur général de Nvidia a déclaré que le chiffre d'affaires atteignait "
    "4,6 milliards de dollars [@example-source, ¶2].",
    "de": "Der Nvidia-Chef sagte, der Umsatz habe 4,6 Milliarden Dollar erreicht "
    "[@example-source, ¶2].",
    "zh": "英伟达首席执行官黄仁勋表示(据路透社报道),收入达到46亿美元[@example-source, ¶2]。",
}
GLOSSARY = """\
terms:
  - id: jensen-huang
    en: "Jensen Huang"
    ja: "ジェンスン・フアン"
    fr: "Jensen Huang"
    de: "Jensen Huang"
    zh: "黄仁勋"
    reject: {zh: ["黄仁勳"]}
"""
# A sentence in each language that the English-left test must let pass, and one that
# states the present without a date (the record's `present_state`).
OWN = {
    "en": "The company said it was not selling the chips.",
    "ja": "同社は、そのチップを販売していないと述べた。",
    "fr": "La société a déclaré qu'elle ne vendait pas les puces à ses clients chinois.",
    "de": "Das Unternehmen sagte, es verkaufe die Chips nicht an die Kunden in China.",
    "zh": "路透社引用他的话说：the company said that it was not selling the chips to anyone.",
}
PRESENT = {
    "en": ("Nvidia currently sells no H200 in China.", "currently"),
    "ja": ("現在、H200の納入は報じられていない。", "現在"),
    "fr": ("Aucune H200 n'a été livrée à ce jour.", "à ce jour"),
    "de": ("Bislang wurde kein H200 geliefert.", "Bislang"),
    "zh": ("目前尚无H200交付的报道。", "目前"),
}
ENGLISH = "The company said that it was not selling the chips to anyone in China, they said."


def test_every_record_is_complete_and_known_by_its_code():
    for code, language in LANGUAGES.items():
        assert language.code == code and language.name and language.still_to_title
        assert language.no_headline and language.bib_langid
        assert bool(language.typography) == (language.needs is not None)
        assert code in OWN and code in PRESENT, f"give {code} its samples in this file"
    assert record("zh-Hans") is LANGUAGES["zh"]
    assert record("ko") == Language("ko", "ko")  # unknown: spaced, no typography
    assert not record("th").spaced  # a source language written without spaces


def test_the_real_sites_languages_are_its_mkdocs_yml(tmp_path):
    site, problems = read_site_languages(ROOT)
    assert site is not None and problems == []
    assert site.codes == LANGS and site.default == DEFAULT_LANGUAGE
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml(FIVE), "utf-8")
    five, problems = read_site_languages(tmp_path)
    assert five is not None and five.codes == FIVE and problems == []
    assert five.translated == ("ja", "fr", "de", "zh")


@pytest.mark.parametrize(
    ("config", "code", "message"),
    [
        (
            mkdocs_yml(("en", "xx")),
            NO_RECORD,
            "mkdocs.yml:6: the language 'xx' has no record",
        ),
        (
            mkdocs_yml(("en",)).replace("default: true", "default: false"),
            "language.not-one-default",
            "0 default languages",
        ),
        (
            "plugins:\n  - search\n",
            "language.none",
            "mkdocs.yml:1: the i18n plugin lists no languages",
        ),
        (
            "plugins:\n  - i18n:\n      languages:\n        - locale: ja\n"
            "          default: true\n        - locale: en\n",
            "language.wrong-default",
            "mkdocs.yml:4: the default language is 'ja'",
        ),
    ],
)
def test_a_language_the_briefing_cannot_build_is_a_problem_for_check(
    tmp_path, config, code, message
):
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    _, problems = setup_problems(tmp_path)
    found = [p.format() for p in problems if p.code == code]
    assert len(found) == 1 and message in found[0] and ". Fix: " in found[0], problems


def test_check_reports_strings_missing_a_site_language(make_project, capsys, tmp_path, monkeypatch):
    lang = LANGS[-1]
    text = strings.PATH.read_text("utf-8")
    start = text.index("  references: {")  # an entry that has lost one language's text
    end = text.index("\n", start)
    entry = re.sub(rf",? {lang}: [^,}}]*", "", text[start:end])
    path = tmp_path / "strings.yml"
    path.write_text(text[:start] + entry + text[end:], "utf-8")
    monkeypatch.setattr(strings, "PATH", path)
    assert main(["--root", str(make_project()), "check"]) == 1
    line = text[:start].count("\n") + 1
    assert capsys.readouterr().out.startswith(
        f"scripts/briefing/strings.yml:{line}: labels.references has no '{lang}' text "
        f"({record(lang).name}, a site language in mkdocs.yml). Fix: add {lang}: … to the entry"
    )


# --------------------------------------------------------------------- a fifth language


def _with_zh(node: Any) -> Any:
    """strings.yml's entries with a zh text (the English one: a fixture, not a translation)."""
    if isinstance(node, dict):
        if node and all(isinstance(value, str) for value in node.values()):
            return {**node, "zh": node["en"]}
        return {key: _with_zh(value) for key, value in node.items()}
    return node


@pytest.fixture
def zh_strings(tmp_path, monkeypatch):
    """strings.yml giving zh too, for the fixture projects in five languages."""
    path = tmp_path / "strings.yml"
    data = _with_zh(yaml.safe_load(strings.PATH.read_text("utf-8")))
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    monkeypatch.setattr(strings, "PATH", path)
    strings.refresh()
    yield
    monkeypatch.undo()
    strings.refresh()


def zh_project(folder: Path) -> Path:
    """A small project in five languages: the real configuration and theme, Chinese added
    to mkdocs.yml's languages, one source and one page, a glossary with a Chinese form."""
    root = folder / "zh-project"
    root.mkdir()
    for name in ("overrides", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    german = re.search(r"        - locale: de\n(?:          .*\n)*", config)
    assert german is not None
    chinese = "        - locale: zh\n          name: 中文\n          build: true\n"
    config = config[: german.end()] + chinese + config[german.end() :]
    config = config[: config.index("\nnav:\n")] + "\nnav:\n  - index.md\n  - sources/index.md\n"
    (root / "mkdocs.yml").write_text(config, "utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "example-source.md").write_text(valid_seed(FIVE), "utf-8")
    (root / "seeds" / "example-source.translations.yml").write_text(
        valid_translations(FIVE), "utf-8"
    )
    english = f"# Home\n\n{FACT['en']}\n"
    for lang in FIVE:
        page = root / "docs" / lang / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        text = english if lang == "en" else f"# {lang}\n\n{FACT[lang]}\n"
        stamp = "" if lang == "en" else f"---\ntranslated_from: '{english_hash(english)}'\n---\n"
        page.write_text(stamp + text, "utf-8")
    (root / "data").mkdir()
    (root / "data" / "glossary.yml").write_text(GLOSSARY, "utf-8")
    return root


@pytest.mark.build
def test_a_fifth_language_passes_check_and_builds_without_the_real_site_having_it(
    tmp_path, zh_strings, capsys
):
    root = zh_project(tmp_path)
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out == "OK: 1 sources, 5 pages in 5 languages.\n"
    out = tmp_path / "site"
    build_site(root / "mkdocs.yml", out, search=False)
    page = (out / "zh" / "index.html").read_text("utf-8")
    assert '<html lang="zh"' in page
    assert "英伟达首席执行官黄仁勋表示（据路透社报道），收入达到46亿美元" in page  # full-width
    assert (out / "zh" / "sources" / "example-source" / "index.html").is_file()
    assert 'hreflang="zh"' in (out / "index.html").read_text("utf-8")  # the switcher has it
    assert tuple(read_site_languages(ROOT)[0].codes) == LANGS  # the real site: unchanged
    assert "zh" not in LANGS or (ROOT / "docs" / "zh").is_dir()


def test_the_glossary_finds_a_rejected_variant_inside_running_chinese(make_project, zh_strings):
    pages = {f"{lang}/index.md": f"# {lang}\n\n{FACT[lang]}\n" for lang in FIVE}
    pages["zh/index.md"] = pages["zh/index.md"].replace("黄仁勋", "黄仁勳")
    root = make_project(pages=pages, data={"glossary.yml": GLOSSARY}, languages=FIVE)
    with pytest.raises(BriefingError) as caught:
        load_project(root)
    found = [p.format() for p in caught.value.problems]
    assert [p.code for p in caught.value.problems] == [HOUSE_STYLE], found
    assert found[0].startswith(
        "docs/zh/index.md:6: '黄仁勳' is not the house style for Jensen Huang"
    )
    assert "Fix: write '黄仁勋'" in found[0]


def test_a_chinese_page_stating_other_figures_is_reported(make_project, zh_strings):
    pages = {f"{lang}/index.md": f"# {lang}\n\n{FACT[lang]}\n" for lang in FIVE}
    assert load_project(make_project(pages=pages, languages=FIVE)).languages == FIVE
    pages["zh/index.md"] = pages["zh/index.md"].replace("46亿", "4.6亿")
    with pytest.raises(BriefingError) as caught:
        load_project(make_project(pages=pages, languages=FIVE))
    found = [
        p.message
        for p in caught.value.problems
        if p.path == "docs/zh/index.md" and p.code == FIGURES_DIFFER
    ]
    assert "states the figure 460000000, which the English page does not" in found, found


# ------------------------------------------------ each language's checks, from its record


def test_chinese_typography_sets_full_width_punctuation():
    typed = "英伟达表示(据报道),收入增长:46亿美元;前景如何?非常好!"
    assert apply(typed, "zh") == "英伟达表示（据报道），收入增长：46亿美元；前景如何？非常好！"
    assert apply("收入为4.6亿美元.", "zh") == "收入为4.6亿美元。"  # not inside the figure
    assert apply("会议于10:30开始", "zh") == "会议于10:30开始"
    assert apply("He said (in English): yes, no.", "zh") == "He said (in English): yes, no."
    html = '<p>他说:<code>a: b</code>,<q lang="en">x, y</q>结束.</p>'
    assert apply_html(html, "zh") == '<p>他说：<code>a: b</code>,<q lang="en">x, y</q>结束。</p>'


def test_chinese_figures_read_like_the_english():
    english = figures("revenue of 4.6 billion dollars", "en")
    assert english == frozenset({"4600000000"})
    assert figures("收入46亿美元", "zh") == english
    assert figures("收入4.6 billion美元", "zh") == english
    assert figures("占百分之15", "zh") == figures("15% of it", "en") == frozenset({"15%"})
    assert figures("39亿400万", "zh") == figures("39億400万", "ja") == frozenset({"3904000000"})
    assert figures("性能是6.7倍", "zh") == figures("6.7 times", "en")


@pytest.mark.parametrize("language", RECORDS, ids=lambda r: r.code)
def test_each_language_reads_its_own_magnitude_words(language):
    for word, value in language.multipliers.items():
        gap = " " if language.spaced else ""
        assert figures(f"3{gap}{word}", language.code) == frozenset({f"{3 * value:f}"}), word
    for word in language.long_scale:
        assert figures(f"3 {word}", language.code) == frozenset({str(3 * 10**12)}), word
    for value, word in enumerate(language.number_words, start=2):
        assert figures(f"{word} times", language.code) == frozenset({f"{value}×"}), word


@pytest.mark.parametrize("language", RECORDS, ids=lambda r: r.code)
def test_each_language_knows_english_left_in_it_and_english_quoted_in_it(language):
    assert not left_in_english(OWN[language.code], language.code)
    assert left_in_english(ENGLISH, language.code) is not language.english


@pytest.mark.parametrize("language", RECORDS, ids=lambda r: r.code)
def test_each_language_finds_the_present_stated_without_a_date(language):
    sentence, word = PRESENT[language.code]
    assert undated_present(sentence, language.code) == word
    assert undated_present(f"2026: {sentence}", language.code) is None


@pytest.mark.parametrize("language", RECORDS, ids=lambda r: r.code)
def test_each_languages_glossary_matching_follows_its_spacing(language):
    found = _pattern("Huang", language.code).search("ABHuangCD")
    assert (found is None) == language.spaced  # inside a word only where words have no spaces
    assert _pattern("Huang", language.code).search("said Huang today")


@pytest.mark.parametrize("lang", LANGS)
def test_each_site_languages_notice_puts_its_own_gap_before_the_link(lang):
    html = render_behind_notice(lang, f"{'' if lang == DEFAULT_LANGUAGE else lang + '/'}x/")
    gap = record(lang).link_gap
    assert f"{strings.label('behind_notice', lang)}{gap}<a " in html
