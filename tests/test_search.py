"""Search that lands on the passage, in a real browser (Debian's Chromium).

A result opens its page at the passage that matched, with the words searched for marked
there; a word is not confused with another that only shares its stem or its first letters;
results show no site markup. The landing is tried on the real site, in every language, at
desktop and phone widths, with words sampled from the built pages; the confusions, which
depend on the words pages hold, on a fixture project built with its search index.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.languages import spaced
from briefing.project import load_project
from briefing.search_index import NOT_INDEXED
from conftest import (
    LANGS,
    PREFIX,
    REPO,
    VALID_SEED,
    VALID_TRANSLATIONS,
    build_site,
    english_hash,
    serve,
)
from test_browser import BASE, FRAME, browser, page, server  # noqa: F401, F811  (fixtures)
from test_reading import JAPANESE_RUN, WORD, _article_text


# The browser tests build a site (the real one, or the fixture project) and drive Chromium.
def browser_test(test: Callable[..., None]) -> Callable[..., None]:
    return pytest.mark.browser(pytest.mark.build(test))


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCRIPT = REPO / "docs" / "assets" / "briefing.js"


def fold(text: str) -> str:
    """Lower case without accents, as the search compares words."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# --------------------------------------------------------------------- the dialog, driven


def dialog_results(page, address: str, query: str) -> list[dict[str, str]]:
    """Open `address`, search for `query` in the site's dialog as a reader types it; the
    results listed (title, link, where, excerpt), once the status says how many."""
    if page.url != address:
        page.goto(address, wait_until="load")
    page.locator(".bf-search__open").click()
    page.evaluate("document.querySelector('.bf-search__status').textContent = ''")
    page.locator(".bf-search__input").fill(query)
    page.wait_for_function(
        """() => { const s = document.querySelector('.bf-search__status');
                   return s.textContent && s.textContent !== s.closest('[data-bf-search]')
                     .dataset.loading; }""",
        timeout=15_000,
    )
    results = page.evaluate(
        """() => [...document.querySelectorAll('.bf-search__results li')].map(li => ({
             title: li.querySelector('a').textContent,
             href: li.querySelector('a').getAttribute('href'),
             where: (li.querySelector('.bf-search__where') || {}).textContent || '',
             excerpt: li.querySelector('.bf-search__excerpt').textContent,
             marked: [...li.querySelectorAll('.bf-search__excerpt mark')].map(m => m.textContent),
           }))"""
    )
    page.keyboard.press("Escape")
    return results


def engine_results(page, server: str, lang: str, query: str) -> list[str]:
    """What Pagefind itself returns for `query` (addresses), before the site's checks."""
    return page.evaluate(
        """async ([bundle, base, q]) => {
             const pf = await import(bundle);
             await pf.options({baseUrl: base});
             const found = await pf.search(q);
             return (await Promise.all(found.results.map(r => r.data()))).map(d => d.url);
           }""",
        [f"{server}pagefind/{lang}/pagefind.js", BASE, query],
    )


def path_of(href: str) -> str:
    return href.split("?")[0].split("#")[0]


# ------------------------------------------------------- a fixture project: word confusions

# Two pages per language: one has a word, the other only a word Pagefind confuses with it.
FIXTURE_PAGES = {
    "en": {
        "border.md": "# Border checks\n\nThe customs office at the port inspected every crate.\n",
        "buyers.md": "# Buyers\n\nThe customers ordered more chips; each customer paid early.\n",
    },
    "fr": {
        "border.md": "# Frontière\n\nLe camion s'est arrêté près de la frontière.\n",
        "buyers.md": "# Ventes\n\nLe ministère a autorisé la vente des puces.\n",
    },
    "de": {
        "border.md": "# Grenze\n\nDer Zoll prüfte jede Lieferung an der Grenze.\n",
        "buyers.md": "# Käufer\n\nDie Kunden bestellten weitere Chips.\n",
    },
    "ja": {
        "border.md": "# 国境\n\n税関が港で貨物を検査した。\n",
        "buyers.md": "# 顧客\n\n顧客がさらにチップを注文した。\n",
    },
}


def fixture_project(root: Path) -> Path:
    """A project of the site's code and theme with the FIXTURE_PAGES only."""
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    head, _, nav = config.partition("\nnav:\n")
    assert nav and all(not line or line.startswith(" ") for line in nav.splitlines()), (
        "nav is no longer the last section of mkdocs.yml"
    )
    root.mkdir()
    (root / "mkdocs.yml").write_text(head + "\n", "utf-8")
    for name in ("overrides", "scripts"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    (root / "seeds").mkdir()
    (root / "seeds" / "example-source.md").write_text(VALID_SEED, "utf-8")
    (root / "seeds" / "example-source.translations.yml").write_text(VALID_TRANSLATIONS, "utf-8")
    (root / "data").mkdir()
    home = "# Home\n\nFixture.\n"
    for lang in LANGS:
        for rel, text in {"index.md": home, **FIXTURE_PAGES[lang]}.items():
            english = home if rel == "index.md" else FIXTURE_PAGES["en"][rel]
            if lang != "en":
                text = f"---\ntranslated_from: '{english_hash(english)}'\n---\n{text}"
            path = root / "docs" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    return root


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture project built with its search index and served; its address."""
    folder = tmp_path_factory.mktemp("search-fixture")
    root = fixture_project(folder / "project")
    build_site(root / "mkdocs.yml", folder / "site")
    with serve(folder / "site") as address:
        yield address


def _address(server: str, lang: str, rel: str = "") -> str:
    return f"{server}{PREFIX[lang]}{rel}"


@browser_test
def test_customs_does_not_find_a_page_that_only_says_customer(page, fixture_server):
    home = _address(fixture_server, "en")
    border, buyers = f"{BASE}border/", f"{BASE}buyers/"
    page.goto(home, wait_until="load")
    # The case arises: Pagefind's English stemmer makes both words "custom".
    assert buyers in engine_results(page, fixture_server, "en", "customs")
    assert border in engine_results(page, fixture_server, "en", "customer")
    found = dialog_results(page, home, "customs")
    assert [path_of(r["href"]) for r in found] == [border], found
    assert found[0]["marked"] == ["customs"]
    found = dialog_results(page, home, "customer")
    assert [path_of(r["href"]) for r in found] == [buyers], found
    assert set(found[0]["marked"]) == {"customers", "customer"}  # its plural is the word
    # A word begun is still found as the reader types it.
    assert {path_of(r["href"]) for r in dialog_results(page, home, "custom")} == {border, buyers}


@browser_test
def test_prepaiement_does_not_find_a_page_that_only_says_pres(page, fixture_server):
    home = _address(fixture_server, "fr")
    page.goto(home, wait_until="load")
    # The case arises: no page has the word, and Pagefind falls back on "près", which
    # begins it.
    assert engine_results(page, fixture_server, "fr", "prépaiement")
    from briefing.strings import label

    assert dialog_results(page, home, "prépaiement") == []
    assert page.locator(".bf-search__status").text_content() == label("search_none", "fr")


@browser_test
@pytest.mark.parametrize(
    ("lang", "query", "rel", "marked"),
    [
        ("fr", "autorisées", "buyers/", "autorisé"),  # another gender and number
        ("de", "Zölle", "border/", "Zoll"),  # a plural with its umlaut
        ("en", "checked", "border/", "checks"),  # another tense
        ("ja", "税関", "border/", "税関"),  # not stemmed: what Pagefind finds stands
    ],
)
def test_an_inflected_form_still_finds_the_word(page, fixture_server, lang, query, rel, marked):
    """The stemmer's use is kept: a form no page has finds the page with another form of
    the same word (test_reading's French test does the same on the real site)."""
    found = dialog_results(page, _address(fixture_server, lang), query)
    assert [path_of(r["href"]) for r in found] == [f"{BASE}{PREFIX[lang]}{rel}"], found
    assert found[0]["marked"] == [marked]


# ------------------------------------------------------------------ the real site: landing


@functools.cache
def _language_texts(site: Path, lang: str) -> dict[Path, str]:
    root = site / PREFIX[lang] if PREFIX[lang] else site
    return {
        p: _article_text(p)
        for p in sorted(root.rglob("index.html"))
        if lang != "en" or p.relative_to(site).parts[0] not in LANGS
    }


def _address_of(site: Path, path: Path) -> str:
    return (BASE + path.parent.relative_to(site).as_posix() + "/").replace("/./", "/")


_FAR_WORDS: dict[str, tuple[str, str]] = {}


def _far_word(site: Path, server: str, page, lang: str) -> tuple[str, str]:
    if lang not in _FAR_WORDS:
        _FAR_WORDS[lang] = _sample_far_word(site, server, page, lang)
    return _FAR_WORDS[lang]


def _sample_far_word(site: Path, server: str, page, lang: str) -> tuple[str, str]:
    """(word, page address): a word of a long page (several screens), first found in the
    last third of its text, that Pagefind ranks that page first for. The longest pages are
    tried first, and on each the words on the fewest other pages (the longest pages gather
    what others say: a timeline event is also on its actors' pages and its source's)."""
    texts = _language_texts(site, lang)
    pattern = JAPANESE_RUN if lang == "ja" else WORD
    folded = {p: fold(t) for p, t in texts.items()}
    page.goto(f"{server}{PREFIX[lang]}", wait_until="load")
    long_pages = [p for p in sorted(texts, key=lambda p: -len(texts[p])) if len(texts[p]) > 6000]
    for path in long_pages[:30]:
        text = texts[path]
        far = [
            word
            for word in set(pattern.findall(text))
            if fold(text).find(fold(word)) >= 2 * len(text) // 3
            and re.search(rf"(?<![./]){re.escape(word)}(?![./]\S)", text)  # not in an address
        ]

        def elsewhere(word: str, path: Path = path) -> int:
            stem = fold(word)[: max(3, len(word) - 3)]
            return sum(stem in other for p, other in folded.items() if p != path)

        address = _address_of(site, path)
        for word in sorted(far, key=lambda w: (elsewhere(w), -len(w), w))[:4]:
            if engine_results(page, server, lang, word)[:1] == [address]:
                return word, address
    raise AssertionError(f"{lang}: no word found far down a long page to search for")


def _open_first_result(context, server: str, lang: str, word: str):
    """A reader's search: open the dialog, type `word`, click the first result."""
    tab = context.new_page()
    tab.goto(f"{server}{PREFIX[lang]}", wait_until="load")
    tab.locator(".bf-search__open").click()
    tab.locator(".bf-search__input").fill(word)
    first = tab.locator(".bf-search__results li a").first
    first.wait_for(timeout=15_000)
    href = first.get_attribute("href")
    first.click()
    tab.wait_for_url(re.compile(r"[?&]highlight="), wait_until="load")
    tab.wait_for_function("document.querySelector('mark.bf-hl')")
    tab.wait_for_timeout(200)  # the script brings the mark into view once the page has loaded
    return tab, href


IN_VIEW = """() => [...document.querySelectorAll('mark.bf-hl')].filter(m => {
    const r = m.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight; }).map(m => m.textContent)"""


@browser_test
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_result_opens_its_page_at_the_passage_with_the_words_marked(
    browser, server, site, page, lang, viewport
):
    word, address = _far_word(site, server, page, lang)
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    tab, href = _open_first_result(context, server, lang, word)
    assert path_of(href) == address, (word, href)
    assert tab.evaluate("location.pathname") == address
    assert tab.evaluate("scrollY") > 0, (word, href)  # far down the page: not its top
    assert tab.evaluate(IN_VIEW), (word, href, tab.evaluate("scrollY"))
    marked = tab.evaluate("[...document.querySelectorAll('mark.bf-hl')].map(m => m.textContent)")
    assert fold(word) in {fold(m) for m in marked}, (word, marked)
    context.close()


GEOMETRY = """() => {
    const style = document.createElement('style');  // lay out everything, as a reader scrolls
    style.textContent = '* { content-visibility: visible !important; }';
    document.head.appendChild(style);
    return [...document.querySelectorAll('[data-pagefind-body] *')]
      .filter(e => e.tagName !== 'MARK' && !e.closest('mark'))
      .map(e => { const r = e.getBoundingClientRect();
                  return [e.tagName, Math.round(r.left), Math.round(r.top + scrollY),
                          Math.round(r.width), Math.round(r.height)]; });
}"""


@browser_test
@pytest.mark.parametrize("lang", LANGS)
def test_marking_the_words_moves_nothing(browser, server, site, page, lang):
    """On a phone, the page a result opens is laid out as the same page without marks: the
    frame stands where it stood, every element of the article keeps its place and size."""
    word, address = _far_word(site, server, page, lang)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    plain = f"{server.removesuffix(BASE)}{address}"
    tab.goto(plain, wait_until="load")
    frame, before = tab.evaluate(FRAME), tab.evaluate(GEOMETRY)
    tab.goto(f"{plain}?highlight={word}", wait_until="load")
    assert tab.locator("mark.bf-hl").count() > 0
    tab.evaluate("scrollTo(0, 0)")
    assert tab.evaluate(FRAME) == frame
    assert tab.evaluate(GEOMETRY) == before
    context.close()


# ------------------------------------------------------------- the real site: what results show

MARKERS = ("[No headline captured]", "〔見出しは未収集〕", "[Titre non recueilli]")
MARKERS += ("[Ohne Überschrift erfasst]",)
CITATION = re.compile(r"\[\d+\]|\[@|¶(?!\d)")  # a marker, a raw citation, a heading's ¶


@browser_test
@pytest.mark.parametrize("lang", LANGS)
def test_results_show_no_site_markup(page, server, real, lang):
    """Titles and excerpts of the results for a source's title words (a title the site wrote
    when there is one), with its outlet and date apart from the excerpt."""
    sources = sorted(real.sources.values(), key=lambda s: (not s.title_note(lang)[0], s.id))
    source = sources[0]
    rest = source.title_note(lang)[1]
    # its three longest words (the whole title where words are not spaced): the source's
    # page is among the first results
    query = " ".join(sorted(WORD.findall(rest), key=len)[-3:]) if spaced(lang) else rest
    found = dialog_results(page, f"{server}{PREFIX[lang]}", query.strip(" …"))
    assert found
    for result in found:
        assert "¶" not in result["title"], result
        for text in (result["title"], result["excerpt"], result["where"]):
            assert not [m for m in MARKERS if m in text], result
            assert not CITATION.search(text), result
    ours = [r for r in found if path_of(r["href"]).endswith(f"/sources/{source.id}/")]
    assert ours, found
    assert ours[0]["title"] == source.title_note(lang)[1].strip()
    if source.outlet:
        assert ours[0]["where"] and ours[0]["where"] not in ours[0]["excerpt"]


# ------------------------------------------------------------------------------ unit checks


@pytest.mark.parametrize(
    ("title", "note", "rest"),
    [
        (
            "[No headline captured] Nvidia demands prepayment",
            "[No headline captured]",
            " Nvidia demands prepayment",
        ),
        ("〔見出しは未収集〕前払いを要求", "〔見出しは未収集〕", "前払いを要求"),
        ("[SMBOM news item on the H20]", "", "[SMBOM news item on the H20]"),
        ("Nvidia [corrected] demands", "", "Nvidia [corrected] demands"),
    ],
)
def test_a_title_the_site_wrote_gives_its_note_apart(make_project, title, note, rest):
    source = next(iter(load_project(make_project()).sources.values()))
    written = dataclasses.replace(source, title_original=title, titles=dict.fromkeys(LANGS, title))
    assert written.title_note("en") == (note, rest)
    assert "".join(written.title_note("en")) == title


def test_the_page_marks_nothing_the_index_leaves_out():
    """The script's words marked on arrival are the index's: what search_index leaves out
    is left unmarked too."""
    script = SCRIPT.read_text("utf-8")
    unmarked = re.search(r'var UNMARKED = ((?:"[^"]*"\s*\+?\s*)+);', script)
    assert unmarked
    selectors = {s.strip() for s in "".join(re.findall(r'"([^"]*)"', unmarked[1])).split(",")}
    assert {".bf-cite", ".headerlink", ".bf-title-note", ".bf-para__num"} <= selectors
    assert {s for s in NOT_INDEXED if s not in selectors} <= {
        ".bf-tr-intro",  # notes and labels: marking a word in them is harmless
        ".bf-tr-toggle",
        ".bf-para__label",
        ".bf-para__pending",
        ".bf-meta",
    }
