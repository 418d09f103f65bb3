"""The evidence in every reader's language, in a real browser (Debian's Chromium).

Source pages show each original paragraph beside our translation; previews show both;
Pagefind search finds pages by their words in every language, Japanese included, and
finds a source by a word that occurs only in its translation. Pages, sources and words
are chosen from the loaded project and the built site, never named here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from briefing.project import Project
from briefing.search_index import NOT_INDEXED
from briefing.strings import LABELS
from briefing.typography import SKIP
from conftest import LANGS, PREFIX
from sitehtml import TextReader
from test_browser import BASE, browser, page, server  # noqa: F401, F811  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.build]

# Words as a reader types them: in Japanese a katakana word of 4-6 characters or a kanji
# compound (法律事務所, エヌビディア), elsewhere a Latin-script word of 7 letters or more.
# Longer katakana runs are left out: they are mostly foreign names that Pagefind's dictionary
# splits in the index while the browser's segmenter keeps the query whole, so "ジョージタウン"
# does not find 「ジョージタウン大学」 (a known limit of Japanese search, README "Search").
JAPANESE_RUN = re.compile(
    r"(?<![\u30a0-\u30ff])[\u30a1-\u30fa\u30fc]{4,6}(?![\u30a0-\u30ff])|[\u4e00-\u9fff]{3,6}"
)
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{7,}")


def translated_source(real: Project, lang: str) -> str:
    """A source held whole in another language, with its translation into `lang`."""
    return next(
        s.id
        for s in real.sorted_sources()
        if s.has_text
        and s.language != lang
        and all(real.paragraph_translation(s.id, n, lang) for n in range(1, len(s.paragraphs) + 1))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_source_page_shows_original_beside_translation(page, server, real, lang):
    ident = translated_source(real, lang)
    source = real.sources[ident]
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{server}{PREFIX[lang]}sources/{ident}/#p2", wait_until="load")
    pair = page.locator("#p2 .bf-para__pair")
    original = pair.locator(f".bf-para__original p[lang='{source.language}']")
    translation = pair.locator(f".bf-para__tr p[lang='{lang}']")
    assert original.inner_text() == source.paragraphs[1]
    assert translation.inner_text() == real.paragraph_translation(ident, 2, lang)
    left, right = original.bounding_box(), translation.bounding_box()
    assert left["x"] + left["width"] <= right["x"]  # side by side on a wide screen
    # The highlighted paragraph on arrival holds both.
    assert page.evaluate(
        "getComputedStyle(document.getElementById('p2')).backgroundColor"
    ) != page.evaluate("getComputedStyle(document.getElementById('p1')).backgroundColor")


def test_phone_shows_translation_under_the_original_without_overflow(browser, server, real):
    ident = translated_source(real, "en")
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto(f"{server}sources/{ident}/", wait_until="load")
    original = phone.locator("#p2 .bf-para__original").bounding_box()
    translation = phone.locator("#p2 .bf-para__tr").bounding_box()
    assert translation["y"] >= original["y"] + original["height"] - 1
    assert not phone.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
    context.close()


def test_translations_can_be_hidden_by_keyboard_and_the_choice_is_remembered(page, server, real):
    ident = translated_source(real, "fr")
    page.goto(f"{server}fr/sources/{ident}/", wait_until="load")
    button = page.locator("[data-bf-toggle-translations]")
    shown_label = button.inner_text()
    button.focus()
    page.keyboard.press("Enter")
    assert not page.locator("#p1 .bf-para__tr").is_visible()
    assert button.inner_text() != shown_label
    page.reload(wait_until="load")
    assert not page.locator("#p1 .bf-para__tr").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#p1 .bf-para__tr").is_visible()  # print shows both
    page.emulate_media(media="screen")
    page.locator("[data-bf-toggle-translations]").click()
    assert page.locator("#p1 .bf-para__tr").is_visible()


def test_a_source_in_the_readers_language_has_no_translation_column(page, server, real):
    source = next(s for s in real.sorted_sources() if s.has_text and s.language in LANGS)
    page.goto(f"{server}{PREFIX[source.language]}sources/{source.id}/", wait_until="load")
    assert page.locator(".bf-para__tr").count() == 0
    assert page.locator("[data-bf-toggle-translations]").count() == 0


def _cited_marker(real: Project, lang: str, wanted) -> tuple[str, str]:
    """(page address, source id) of the first page in `lang` whose citation of a paragraph
    satisfies `wanted(source, cite)`."""
    for scan in real.pages[lang]:
        for citation in scan.citations:
            for cite in citation.cites:
                if cite.first and wanted(real.sources[cite.source_id], cite):
                    return scan.url, cite.source_id
    raise AssertionError(f"no page in {lang} cites such a paragraph")


def _cited_translated_marker(real: Project, lang: str) -> tuple[str, str]:
    """A citation that points into a translated source."""
    return _cited_marker(
        real,
        lang,
        lambda source, cite: (
            source.language != lang and real.paragraph_translation(source.id, cite.first, lang)
        ),
    )


def _hover_preview(page, server: str, url: str, ident: str):
    """The preview of the first marker citing `ident` on `url`, opened by the mouse."""
    page.goto(server + url, wait_until="load")
    marker = page.locator(f".bf-cite:has(a[href*='sources/{ident}/#p'])").first
    marker.locator("a.bf-cite__link").hover()
    tip = marker.locator(".bf-cite__tip")
    assert tip.is_visible()
    return tip


@pytest.mark.parametrize("lang", LANGS)
def test_preview_shows_the_original_and_our_translation_on_hover(page, server, real, lang):
    url, ident = _cited_translated_marker(real, lang)
    tip = _hover_preview(page, server, url, ident)
    language = real.sources[ident].language
    assert tip.locator(f"q[lang='{language}']").is_visible()
    assert tip.locator(f".bf-cite__tr q[lang='{lang}']").is_visible()
    assert tip.locator(".bf-cite__label").count() == 2


@pytest.mark.parametrize("lang", LANGS)
def test_preview_of_a_source_kept_as_accounts_shows_our_account_labelled(page, server, real, lang):
    """A source the site keeps as its accounts (no article text)."""
    url, ident = _cited_marker(real, lang, lambda source, cite: source.has_accounts)
    tip = _hover_preview(page, server, url, ident)
    assert tip.locator(".bf-cite__label").inner_text() == LABELS["account_label"][lang]
    assert tip.locator(".bf-cite__account").inner_text().strip()
    assert tip.locator("q").count() == 0  # an account is never shown as a quotation


def test_preview_shows_both_on_keyboard_focus_and_on_tap(browser, server, real):
    url, ident = _cited_translated_marker(real, "de")
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(server + url, wait_until="load")
    marker = phone.locator(f".bf-cite:has(a[href*='sources/{ident}/#p'])").first
    marker.locator("a.bf-cite__link").tap()
    assert marker.locator(".bf-cite__tr q[lang='de']").is_visible()
    box = marker.locator(".bf-cite__tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()
    desk = browser.new_page()
    desk.goto(server + url, wait_until="load")
    link = desk.locator(f".bf-cite:has(a[href*='sources/{ident}/#p'])").first.locator(
        "a.bf-cite__link"
    )
    link.focus()
    assert link.locator("xpath=..").locator(".bf-cite__tr q[lang='de']").is_visible()
    desk.close()


# --------------------------------------------------------------------------- search


def _search(page, server: str, lang: str, query: str) -> list[str]:
    """Pagefind's result addresses for `query` on the language's home page, via its API
    (the page is loaded once for a run of queries in one language)."""
    home = f"{server}{PREFIX[lang]}"
    if page.url != home:
        page.goto(home, wait_until="load")
    return page.evaluate(
        """async ([bundle, base, q]) => {
             const pf = await import(bundle);
             await pf.options({baseUrl: base});
             const found = await pf.search(q);
             const data = await Promise.all(found.results.map(r => r.data()));
             return data.map(d => d.url);
           }""",
        [f"{server}pagefind/{lang}/pagefind.js", BASE, query],
    )


class _IndexedText(TextReader):
    """The text Pagefind indexes: the article (data-pagefind-body) without what it is told
    to leave out (data-pagefind-ignore, search_index.NOT_INDEXED) and without code."""

    outside = False

    def keeps(self, tag: str, attrs: dict[str, str | None], parent: bool) -> bool:
        classes = {f".{c}" for c in (attrs.get("class") or "").split()}
        if "data-pagefind-ignore" in attrs or classes & set(NOT_INDEXED) or tag in SKIP:
            return False
        return parent or "data-pagefind-body" in attrs


def _article_text(path: Path) -> str:
    reader = _IndexedText()
    reader.feed(path.read_text("utf-8"))
    return " ".join(reader.chunks)


def _sample_queries(site: Path, lang: str, count: int = 12) -> list[tuple[str, str]]:
    """(phrase, page address) pairs: phrases that occur on few pages of the language."""
    prefix = site / PREFIX[lang] if PREFIX[lang] else site
    pages = sorted(
        p
        for p in prefix.rglob("index.html")
        if lang != "en" or p.relative_to(site).parts[0] not in LANGS
    )
    texts = {p: _article_text(p) for p in pages}
    pattern = JAPANESE_RUN if lang == "ja" else WORD
    spread = Counter(w for t in texts.values() for w in set(pattern.findall(t)))
    picked: list[tuple[str, str]] = []
    step = max(1, len(pages) // count)
    for path in pages[::step][:count]:
        rare = sorted(
            (w for w in set(pattern.findall(texts[path])) if spread[w] <= 3),
            key=lambda w: (-len(w), w),
        )
        if rare:
            address = BASE + path.parent.relative_to(site).as_posix() + "/"
            picked.append((rare[0], address.replace("//", "/")))
    return picked


def test_search_finds_pages_by_their_words_in_every_language(page, server, site, capsys):
    """Sample rare words (Japanese: runs of 4–8 characters) from each language's pages and
    count how many find their page. Japanese must do as well as English."""
    rates = {}
    for lang in LANGS:
        queries = _sample_queries(site, lang)
        assert len(queries) >= 8, f"{lang}: too few pages to sample"
        missed = [
            (phrase, address)
            for phrase, address in queries
            if address not in _search(page, server, lang, phrase)
        ]
        hits = len(queries) - len(missed)
        rates[lang] = hits / len(queries)
        with capsys.disabled():
            print(
                f"\nsearch sample {lang}: {hits}/{len(queries)} phrases found their page; "
                f"missed: {missed}"
            )
    assert all(rate >= 0.8 for rate in rates.values()), rates
    assert rates["ja"] >= rates["en"] - 0.1, rates


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_stay_in_the_readers_language(page, server, real, lang):
    source = real.sources[translated_source(real, lang)]
    word = max(
        WORD.findall(source.titles[lang]) or JAPANESE_RUN.findall(source.titles[lang]), key=len
    )
    results = _search(page, server, lang, word)
    assert results
    for url in results:
        first = url[len(BASE) :].split("/")[0]
        assert (first if first in LANGS[1:] else "en") == lang, url


@pytest.mark.parametrize("lang", LANGS)
def test_a_word_only_in_a_translation_finds_its_source(page, server, real, site, lang):
    """From /fr/, a word of the French translation of a Japanese article (and so on)."""
    ident = translated_source(real, lang)
    source = real.sources[ident]
    original = " ".join(source.paragraphs)
    pattern = JAPANESE_RUN if lang == "ja" else WORD
    words = [
        w
        for n in range(1, len(source.paragraphs) + 1)
        for w in pattern.findall(real.paragraph_translation(ident, n, lang) or "")
        if w not in original and w not in source.titles[lang]
    ]
    assert words, f"{ident}: no word of its {lang} translation to search for"
    word = max(words, key=len)
    assert f"{BASE}{PREFIX[lang]}sources/{ident}/" in _search(page, server, lang, word), word


def test_french_search_stems_a_form_the_pages_do_not_contain(page, server, site):
    """A plural feminine participle ("autorisées") that no French page contains finds the
    pages with its stem ("autorisé"): only the French stemmer can match it."""
    texts = [_article_text(p) for p in (site / "fr").rglob("index.html")]
    vocabulary = {w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t)}
    base = next(
        w
        for w in sorted(vocabulary)
        if w.endswith("é")
        and len(w) >= 7
        and w[:-1] + "ées" not in vocabulary
        and w[:-1] + "ée" not in vocabulary
        and w[:-1] + "és" not in vocabulary
    )
    query = base[:-1] + "ées"
    results = _search(page, server, "fr", query)
    assert results, (base, query)
    assert all("/fr/" in url for url in results)


def test_search_dialog_loads_the_index_only_when_used(page, server):
    page.goto(f"{server}ja/", wait_until="load")
    assert not [u for u in page.watch.requests if "/pagefind/" in u]
    page.locator(".bf-search__open").click()
    page.locator(".bf-search__input").fill("エヌビディア")
    page.wait_for_selector(".bf-search__results li a", timeout=10_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".bf-search__results li a").all()]
    assert hrefs and all(h.startswith(f"{BASE}ja/") for h in hrefs)
    assert [u for u in page.watch.requests if "/pagefind/ja/index/ja_" in u]
    assert not [u for u in page.watch.requests if re.search(r"/pagefind/(en|fr|de)/", u)]
    page.keyboard.press("Escape")
    assert not page.locator(".bf-search__dialog").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_speaks_the_pages_language_and_closes(page, server, lang):
    """The script makes the dialog from the page's strings: named like the button, its
    field and close button labelled in the page's language; the close button closes it."""
    from briefing.strings import label

    page.goto(f"{server}{PREFIX[lang]}", wait_until="load")
    button = page.locator(".bf-search__open")
    button.click()
    dialog = page.locator(".bf-search__dialog")
    assert dialog.is_visible()
    assert dialog.get_attribute("aria-label") == button.get_attribute("aria-label") != ""
    field = page.locator(".bf-search__input")
    assert field.get_attribute("aria-label") == field.get_attribute("placeholder") != ""
    assert page.evaluate("document.activeElement.classList.contains('bf-search__input')")
    close = page.locator(".bf-search__close")
    assert close.get_attribute("aria-label") == label("close", lang)
    field.fill("zzzzqqqq")
    said = [label(key, lang) for key in ("search_none", "search_one")]
    count = re.escape(label("search_count", lang)).replace(re.escape("{n}"), r"\d+")
    page.wait_for_function(
        """([said, count]) => {
             const text = document.querySelector('.bf-search__status').textContent;
             return said.includes(text) || new RegExp('^' + count + '$').test(text);
           }""",
        arg=[said, count],
        timeout=10_000,
    )
    close.click()
    assert not dialog.is_visible()
