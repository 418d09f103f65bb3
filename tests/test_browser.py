"""The site as readers meet it: Playwright drives Debian's Chromium against the built site.

The site is served on 127.0.0.1 under its deployed base path, with /404.html answering
every missing address, as a static host does.

The page checks (axe-core, console errors, requests to other hosts, overflow at phone
width) run on one page of every kind in every language: pages made from one template
differ only in their text. `-m full` (`make test-full`) runs them on every page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from briefing.project import Project
from briefing.strings import LABELS
from conftest import (
    BASE,
    LANGS,
    PREFIX,
    cited_pages,
    sources_with_text,
    sources_without_text,
)
from sitehtml import language_of, pages

MISSING = "no/such/page/"  # any address the site lacks: the host answers with its 404 page

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="session")
def server(site_server: str) -> str:
    """The site's address (conftest's `site_server`: one server per session, however many
    test modules import this fixture)."""
    return site_server


@pytest.fixture(scope="session")
def browser(chromium):
    """Debian's Chromium (conftest's `chromium`: one Playwright per session; a second
    sync Playwright in the same process fails)."""
    return chromium


class Watch:
    """Requests and console errors seen by a page."""

    def __init__(self, page, origin: str) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("request", self._request(origin))
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} at {message.location.get('url')}")

    def _request(self, origin: str):
        def record(request) -> None:
            self.requests.append(request.url)
            if not request.url.startswith(origin) and not request.url.startswith("data:"):
                self.foreign.append(request.url)

        return record


@pytest.fixture(scope="session")
def cited(real: Project) -> str:
    """A hand-written page with citations, as an address ("method/")."""
    return cited_pages(real)[0].removesuffix(".md") + "/"


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.watch = Watch(page, server.split(BASE)[0])
    yield page
    context.close()


# Search (Pagefind) is tested in test_reading.py.


@pytest.mark.parametrize("lang", LANGS)
def test_switcher_leads_to_the_same_source_page(page, server, real, lang):
    source_id = sources_with_text(real)[0].id
    page.goto(f"{server}{PREFIX[lang]}sources/{source_id}/")
    for other in LANGS:
        href = page.locator(f"a.md-select__link[hreflang={other}]").get_attribute("href")
        target = page.evaluate("h => new URL(h, location.href).href", href)
        assert urlsplit(target).path == f"{BASE}{PREFIX[other]}sources/{source_id}/", (lang, other)
        assert page.request.get(target).ok


@pytest.mark.parametrize("lang", LANGS)
def test_404_speaks_the_language_of_the_url(page, server, lang):
    response = page.goto(f"{server}{PREFIX[lang]}no/such/page/")
    assert response.status == 404
    page.wait_for_function(f"document.documentElement.lang === {json.dumps(lang)}")
    title = {
        "en": "Page not found",
        "ja": "ページが見つかりません",
        "fr": "Page introuvable",
        "de": "Seite nicht gefunden",
    }[lang]
    assert page.locator("article h1").inner_text() == title
    for link in page.locator("article a").all():
        assert page.request.get(
            link.get_attribute("href").replace("https://example.github.io/h200-briefing/", server)
        ).ok


def _first_marker(page):
    return page.locator(".bf-cite").first


def test_citation_preview_opens_on_focus_and_closes_with_escape(page, server, cited):
    page.goto(f"{server}{cited}")
    cite = _first_marker(page)
    tip = cite.locator(".bf-cite__tip")
    assert not tip.is_visible()
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.classList.contains('bf-cite__link')"):
        page.keyboard.press("Tab")
    focused = page.locator(".bf-cite__link:focus").locator("xpath=..")
    assert focused.locator(".bf-cite__tip").is_visible()
    assert focused.locator(".bf-cite__tip [lang]").first.get_attribute("lang")
    page.keyboard.press("Escape")
    assert not focused.locator(".bf-cite__tip").is_visible()


def test_each_preview_gives_its_references_words(page, server, cited):
    """The script makes every marker's preview from its entry in the reference list: the
    outlet, then the cited words (or, for a whole source, its title), described by it."""
    page.goto(f"{server}{cited}", wait_until="load")
    previews = page.evaluate(
        """() => [...document.querySelectorAll('.bf-cite')].map(cite => {
            const link = cite.querySelector('.bf-cite__link');
            const tip = document.getElementById(link.getAttribute('aria-describedby'));
            const entry = document.getElementById('cite-note-' + link.dataset.ref);
            const words = entry.querySelector('.bf-ref-quote')
                || entry.querySelector('.bf-ref-title');
            return [tip && cite.contains(tip) ? tip.textContent : '',
                    entry.querySelector('.bf-ref > a').textContent, words.textContent];
        })"""
    )
    assert previews
    for tip, outlet, words in previews:
        assert tip.startswith(outlet) and words in tip, (tip, outlet, words)


def test_citation_preview_opens_on_hover(page, server, cited):
    page.goto(f"{server}{cited}")
    cite = _first_marker(page)
    cite.locator("a.bf-cite__link").hover()
    assert cite.locator(".bf-cite__tip").is_visible()


def test_citation_preview_opens_on_tap_and_second_tap_follows(browser, server, cited):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{server}ja/{cited}")
    cite = _first_marker(page)
    url = page.url
    cite.locator(".bf-cite__link").tap()
    assert cite.locator(".bf-cite__tip").is_visible()
    assert page.url == url
    box = cite.locator(".bf-cite__tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    cite.locator(".bf-cite__link").tap()
    page.wait_for_url(re.compile(r"/ja/sources/.+#p\d+$|/ja/sources/[^#]+/$"))
    context.close()


def test_target_paragraph_is_highlighted(page, server, real):
    source = next(s for s in sources_with_text(real) if len(s.paragraphs) >= 2)
    page.goto(f"{server}sources/{source.id}/#p2")
    target = page.evaluate("getComputedStyle(document.getElementById('p2')).backgroundColor")
    other = page.evaluate("getComputedStyle(document.getElementById('p1')).backgroundColor")
    assert target != other


def _opened_far_below(browser, address: str, blocks: str, words: str):
    """A phone-sized page opened at `address`, the ids of its `blocks` that start four
    screens below the top, and a check (id => bool) that a block's `words` are laid out."""
    context = browser.new_context(viewport={"width": 390, "height": 400})
    page = context.new_page()
    page.goto(address, wait_until="load")
    far = page.evaluate(
        f"""() => [...document.querySelectorAll('{blocks}')]
            .filter(e => e.getBoundingClientRect().top > 4 * innerHeight).map(e => e.id)"""
    )
    laid_out = (
        f"id => document.querySelector('#' + id + ' {words}')"
        ".checkVisibility({contentVisibilityAuto: true})"
    )
    return context, page, far, laid_out


def test_reference_entries_are_laid_out_as_they_near_the_screen(browser, server, site):
    """A long reference list's entries far below the first screen are not laid out when the
    page opens (content-visibility); scrolled to, an entry is laid out and shown whole, with
    its number: the containment is on its words' block, never on the li that carries it."""
    longest = max(
        (p for p in pages(site) if language_of(site, p) == "en"),
        key=lambda p: p.read_text("utf-8").count('<li id="cite-note-'),
    )
    folder = longest.parent.relative_to(site).as_posix()
    address = f"{server}{'' if folder == '.' else folder + '/'}"
    context, page, far, laid_out = _opened_far_below(
        browser, address, ".bf-references > li", "> .bf-ref > a"
    )
    assert far, f"no reference entry of {longest} starts four screens below the top"
    assert not any(page.evaluate(laid_out, entry) for entry in far)
    last = page.locator(f"#{far[-1]}")
    last.scroll_into_view_if_needed()
    page.wait_for_function(laid_out, arg=far[-1])
    # paint containment on the li would clip its number, drawn outside its box
    style = "id => {const s = getComputedStyle(document.getElementById(id)); "
    style += "return [s.contentVisibility, s.contain]}"
    assert page.evaluate(style, far[-1]) == ["visible", "none"]
    assert last.locator(".bf-ref > a").first.is_visible()
    context.close()


def test_source_paragraphs_are_laid_out_as_they_near_the_screen(browser, server, site):
    """The numbered paragraphs of a long source page far below the first screen are not laid
    out when it opens; a link to the last one lands on it, laid out, at the top."""
    longest = max(
        (site / "sources").glob("*/index.html"),
        key=lambda p: p.read_text("utf-8").count('<div class="bf-para'),
    )
    address = f"{server}sources/{longest.parent.name}/"
    context, page, far, laid_out = _opened_far_below(
        browser, address, ".bf-para[id]", ".bf-para__text"
    )
    assert far, f"no paragraph of {longest} starts four screens below the top"
    assert not any(page.evaluate(laid_out, paragraph) for paragraph in far)
    page.goto(f"{address}#{far[-1]}", wait_until="load")
    page.wait_for_function(laid_out, arg=far[-1])
    top = page.evaluate(f"document.getElementById('{far[-1]}').getBoundingClientRect().top")
    assert 0 <= top < 100, top  # at the top, below the header (scroll-margin-top)
    context.close()


def test_back_link_returns_to_the_exact_place(page, server, cited):
    page.goto(f"{server}{cited}")
    back = page.locator("#cite-note-1 .bf-backlinks a").first
    anchor = back.get_attribute("href")
    back.click()
    assert page.url.endswith(anchor)
    marker = page.locator(anchor)
    assert marker.is_visible()
    assert page.evaluate(
        "el => { const r = el.getBoundingClientRect(); "
        "return r.top >= 0 && r.bottom <= innerHeight }",
        marker.element_handle(),
    )


def test_dark_mode(browser, server):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server, wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    context.close()


def test_text_keeps_its_width_without_a_table_of_contents(browser, server, real):
    """A page without headings to list has no table-of-contents sidebar; on a wide screen its
    text is as wide as beside one (briefing.css)."""
    page = browser.new_page(viewport={"width": 1300, "height": 800})
    widths = {}
    for url in [f"sources/{next(iter(real.sources))}/", *(scan.url for scan in real.pages["en"])]:
        if len(widths) == 2:
            break
        page.goto(f"{server}{url}")
        has_toc = page.locator(".md-sidebar--secondary").count() > 0
        widths.setdefault(has_toc, page.locator(".md-content").bounding_box()["width"])
    page.close()
    assert widths[True] == widths[False]


def test_dark_mode_chosen_is_kept(browser, server):
    """The reader's choice outlasts the page: the next page opens in the scheme chosen with
    the toggle, not the system's (the palette script in overrides/partials)."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(server, wait_until="load")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate(scheme) == "slate"
    # Without Material's script the scheme can only come from the inline one, before paint.
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(f"{server}{PREFIX['fr']}", wait_until="load")
    assert page.evaluate(scheme) == "slate"
    context.close()
    # A stored automatic choice (a palette with a "(prefers-color-scheme)" toggle) follows
    # the system's scheme.
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(server, wait_until="load")
    page.evaluate(
        "__md_set('__palette', {color: {media: '(prefers-color-scheme)', scheme: 'default', "
        "primary: 'indigo', accent: 'indigo'}})"
    )
    page.reload(wait_until="load")
    assert page.evaluate(scheme) == "slate"
    context.close()


def test_print_shows_each_citations_source_and_address(page, server, cited):
    page.goto(f"{server}{cited}")
    page.emulate_media(media="print")
    entries = page.locator(".bf-references li")
    assert entries.count() > 0
    for index in range(entries.count()):
        entry = entries.nth(index)
        assert entry.locator(".bf-print-url").is_visible()
        assert entry.locator("a").nth(1).inner_text()  # the outlet (or 'publisher not identified')


# --- page checks: a sample of every kind of page in every language; `-m full`: every page ---


def _kind(rel: str) -> str:
    """The kind of a page, from its address inside its language: a top-level page is a kind
    of its own; the pages inside a folder (actors/nvidia/, sources/<id>/) share one template."""
    parts = rel.strip("/").split("/")
    return parts[0] if len(parts) == 1 else f"{parts[0]}/*"


def _language_pages(site: Path, lang: str) -> list[str]:
    """Addresses of a language's pages, inside the language (e.g. "", "actors/nvidia/")."""
    found = []
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        if (
            page.name == "index.html"
            and language_of(site, page) == lang
            and not rel.startswith("en/")
        ):
            found.append(rel.removeprefix(PREFIX[lang]).removesuffix("index.html"))
    return found


def _sample(site: Path, project: Project, lang: str) -> list[str]:
    """One page of every kind; for source pages, two with text and one record without."""
    first: dict[str, str] = {}
    for rel in _language_pages(site, lang):
        first.setdefault(_kind(rel), rel)
    first.pop("sources/*")
    sources = sources_with_text(project)[:2] + sources_without_text(project)[:1]
    chosen = [*first.values(), *(f"sources/{s.id}/" for s in sources), MISSING]
    return [PREFIX[lang] + rel for rel in chosen]


def _everything(site: Path) -> list[str]:
    return [PREFIX[lang] + rel for lang in LANGS for rel in [*_language_pages(site, lang), MISSING]]


AXE_START = (
    "() => { window.bfAxe = axe.run(document, {resultTypes: ['violations']})"
    ".then(r => r.violations); }"
)


def _page_problems(browser, server: str, addresses: list[str]) -> list[str]:
    """axe-core violations, console errors and requests to other hosts on these pages.

    Two pages at a time: axe-core runs in each page's own renderer process, so while one
    page is checked the next one loads and starts its own check.
    """
    from axe_playwright_python.sync_playwright import Axe

    axe_script = Axe().axe_script
    contexts = [browser.new_context() for _ in range(2)]
    tabs = [context.new_page() for context in contexts]
    watches = [Watch(tab, server.split(BASE)[0]) for tab in tabs]
    problems: list[str] = []
    running: list[tuple[object, str]] = []

    def finish(tab, rel: str) -> None:
        for violation in tab.evaluate("() => window.bfAxe"):
            problems.append(
                f"{rel}: axe {violation['id']}: {violation['help']} "
                f"({len(violation['nodes'])}x, e.g. {violation['nodes'][0]['target']})"
            )

    for index, rel in enumerate(addresses):
        tab = tabs[index % 2]
        if len(running) == 2:
            finish(*running.pop(0))  # the check this tab started last time
        tab.goto(server + rel, wait_until="load")
        tab.evaluate(axe_script)
        tab.evaluate(AXE_START)
        running.append((tab, rel))
    for tab, rel in running:
        finish(tab, rel)
    for tab in tabs:
        tab.wait_for_load_state("networkidle")  # what the last page still loads is seen too
    # The host answers a missing address with the 404 page and status 404, as it should.
    expected = {
        f"Failed to load resource: the server responded with a status of 404 "
        f"(Not Found) at {server}{rel}"
        for rel in addresses
        if rel.endswith(MISSING)
    }
    for watch in watches:
        problems += [f"foreign request {url}" for url in watch.foreign]
        problems += [f"console error {error}" for error in watch.errors if error not in expected]
    for context in contexts:
        context.close()
    return problems


# Where the page's frame stands: the content's top and the header's buttons. The script
# may add things (the search button), but nothing already shown may move when it runs: on a
# slow phone the reader sees the page before the script, and a move is a layout shift.
FRAME = (
    "() => Object.fromEntries([['content', document.querySelector('.md-container')],"
    " ...[...document.querySelectorAll('.md-header__inner > *')].map((e, i) => [i, e])]"
    ".map(([k, e]) => [k, e.getBoundingClientRect()]).filter(([k, r]) => r.width > 0)"
    ".map(([k, r]) => [k, [Math.round(r.left), Math.round(r.top)]]))"
)


def _phone_problems(browser, server: str, addresses: list[str]) -> list[str]:
    """Pages wider than a phone, and pages whose frame moves when the script runs."""
    contexts = [
        browser.new_context(
            viewport={"width": 360, "height": 740},
            is_mobile=True,
            has_touch=True,
            java_script_enabled=script,
        )
        for script in (True, False)
    ]
    page, before_script = (context.new_page() for context in contexts)
    problems = []
    for rel in addresses:
        page.goto(server + rel, wait_until="load")
        if page.evaluate("document.documentElement.scrollWidth > innerWidth + 1"):
            problems.append(f"{rel}: wider than the phone")
        before_script.goto(server + rel, wait_until="load")
        after, before = page.evaluate(FRAME), before_script.evaluate(FRAME)
        # What was shown (had a size) before the script ran must stand where it stood.
        if moved := {k: (v, after[k]) for k, v in before.items() if k in after and after[k] != v}:
            problems.append(f"{rel}: the script moves what was shown: {moved}")
    for context in contexts:
        context.close()
    return problems


def test_the_sample_has_every_kind_of_page(site, real):
    sources = len(sources_with_text(real)[:2] + sources_without_text(real)[:1])
    for lang in LANGS:
        sample = [rel.removeprefix(PREFIX[lang]) for rel in _sample(site, real, lang)]
        every = {_kind(rel) for rel in _language_pages(site, lang)}
        assert {_kind(rel) for rel in sample} >= every, lang
        assert [_kind(rel) for rel in sample].count("sources/*") == sources, lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_page_is_clean(browser, server, site, real, lang):
    """No axe-core violation, console error or request to another host."""
    assert _page_problems(browser, server, _sample(site, real, lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_phone_width_nothing_overflows_or_shifts(browser, server, site, real, lang):
    assert _phone_problems(browser, server, _sample(site, real, lang)) == []


@pytest.mark.full
def test_every_page_is_clean(browser, server, site):
    assert _page_problems(browser, server, _everything(site)) == []


@pytest.mark.full
def test_phone_width_nothing_overflows_or_shifts_on_any_page(browser, server, site):
    assert _phone_problems(browser, server, _everything(site)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_sources_table_reads_on_a_desktop_and_on_a_phone(browser, server, lang):
    """On a 1280-px screen the table needs no sideways scrolling; on a 390-px phone each
    source is a card whose every line says what it is."""
    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    desktop.goto(server + PREFIX[lang] + "sources/", wait_until="load")
    table = desktop.locator(".bf-index table")
    assert table.is_visible()
    assert desktop.evaluate(
        "() => { const t = document.querySelector('.bf-index table');"
        " return t.scrollWidth <= t.clientWidth + 1"
        " && t.getBoundingClientRect().right <= innerWidth; }"
    )
    desktop.close()
    phone = browser.new_page(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    phone.goto(server + PREFIX[lang] + "sources/", wait_until="load")
    assert not phone.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
    cells = phone.locator(".bf-index tbody tr").first.locator("td")
    assert cells.count() == 7
    for i in range(1, 7):
        cell = cells.nth(i)
        label = cell.get_attribute("data-label")
        before = cell.evaluate("c => getComputedStyle(c, '::before').content")
        assert label and label in before, (lang, i, before)
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    phone.close()


def _phone(browser):
    return browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    ).new_page()


def _overlap(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_citation_marker_is_a_target_of_24_pixels(browser, server, real, lang):
    """WCAG 2.2 target size (minimum), on a phone, on every hand-written page that cites."""
    page = _phone(browser)
    for rel in cited_pages(real, lang):
        page.goto(server + PREFIX[lang] + rel.removesuffix(".md") + "/", wait_until="load")
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('.bf-cite__link')].map(a => {"
            " const r = a.getBoundingClientRect(); return [r.width, r.height]; })"
        )
        assert sizes, rel
        small = [s for s in sizes if s[0] < 24 or s[1] < 24]
        assert not small, (lang, rel, small[:3])
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_sheet_links_its_paragraph_closes_and_never_covers_its_marker(
    browser, server, cited, lang
):
    page = _phone(browser)
    page.goto(server + PREFIX[lang] + cited, wait_until="load")
    markers = page.locator(".bf-cite")
    # One marker near the top of the screen and one near its foot.
    for where in ("start", "end"):
        cite = markers.nth(min(3, markers.count() - 1))
        cite.evaluate(f"c => c.scrollIntoView({{block: '{where}'}})")
        if where == "end":
            page.evaluate("window.scrollBy(0, 120)")  # above the foot, still in the lower half
        link = cite.locator(".bf-cite__link")
        link.tap()
        tip = cite.locator(".bf-cite__tip")
        assert tip.is_visible()
        assert tip.get_attribute("role") == "dialog"
        go = tip.locator(".bf-cite__go")
        assert go.is_visible() and go.get_attribute("href") == link.get_attribute("href")
        assert go.inner_text().strip() == LABELS["preview_go"][lang]
        assert not _overlap(tip.bounding_box(), link.bounding_box()), where
        close = tip.locator(".bf-cite__close")
        assert close.get_attribute("aria-label") == LABELS["preview_close"][lang]
        box = close.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        close.tap()
        assert not tip.is_visible()
    page.context.close()


def test_a_desktop_preview_shows_no_phone_controls(page, server, cited):
    page.goto(f"{server}{cited}")
    cite = _first_marker(page)
    cite.hover()
    assert cite.locator(".bf-cite__tip").is_visible()
    assert not cite.locator(".bf-cite__actions").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_switching_language_keeps_the_section_and_the_paragraph(browser, server, real, lang):
    other = next(code for code in LANGS if code != lang)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    # A section: the page with the most sections, read at its last section but one.
    rel = max(cited_pages(real, lang), key=lambda r: real_sections(real, lang, r))
    page.goto(server + PREFIX[lang] + rel.removesuffix(".md") + "/", wait_until="load")
    headings = page.locator("article h2[id]")
    index = headings.count() - 2
    assert index >= 1, rel
    headings.nth(index).evaluate("h => h.scrollIntoView()")
    page.locator(f".md-select__link[hreflang='{other}']").evaluate("a => a.click()")
    page.wait_for_url(re.compile(re.escape(server + PREFIX[other])))
    page.wait_for_load_state("load")
    top = page.locator("article h2[id]").nth(index).evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 200, (rel, top)
    # A paragraph of a source page: its anchor goes along.
    source = next(s for s in sources_with_text(real) if len(s.paragraphs) >= 3)
    page.goto(server + PREFIX[lang] + f"sources/{source.id}/#p3", wait_until="load")
    page.locator(f".md-select__link[hreflang='{other}']").evaluate("a => a.click()")
    page.wait_for_url(server + PREFIX[other] + f"sources/{source.id}/#p3")
    context.close()


def real_sections(real, lang: str, rel: str) -> int:
    """How many second-level headings a hand-written page has."""
    page = next(p for p in real.pages[lang] if p.rel == rel)
    return sum(1 for line in page.body.splitlines() if line.startswith("## "))
