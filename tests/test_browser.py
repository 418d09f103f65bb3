"""The site as readers meet it: Playwright drives Debian's Chromium against the built site.

The site is served on 127.0.0.1 under its deployed base path, with /404.html answering
every missing address, as a static host does.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGS
from sitehtml import pages

CHROMIUM = Path("/usr/bin/chromium")
BASE = "/h200-briefing/"
PREFIX = {"en": "", "ja": "ja/", "fr": "fr/", "de": "de/"}

pytestmark = pytest.mark.browser


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if path.startswith(BASE):
            path = "/" + path[len(BASE):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's Chromium is needed at /usr/bin/chromium: apt-get install chromium "
                    "(.ci/run installs it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


class Watch:
    """Requests and console errors seen by a page."""

    def __init__(self, page, origin: str) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("request", self._request(origin))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, origin: str):
        def record(request) -> None:
            self.requests.append(request.url)
            if not request.url.startswith(origin) and not request.url.startswith("data:"):
                self.foreign.append(request.url)
        return record


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.watch = Watch(page, server.split(BASE)[0])
    yield page
    context.close()


def _search(page, server: str, lang: str, query: str) -> list[str]:
    page.goto(f"{server}{PREFIX[lang]}method/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.dispatch_event("keyup")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize(("lang", "query"), [
    ("en", "citation"), ("ja", "エヌビディア"), ("ja", "出典"), ("fr", "sources"),
    ("de", "Quellen")])
def test_search_stays_in_the_readers_language(page, server, lang, query):
    results = _search(page, server, lang, query)
    assert results
    for href in results:
        path = urlsplit(href).path[len(BASE):]
        first = path.split("/")[0]
        assert (first == lang) if lang != "en" else first not in ("ja", "fr", "de"), href
    indexes = [u for u in page.watch.requests if u.endswith("search_index.json")]
    assert indexes == [f"{server}{PREFIX[lang]}search/search_index.json"]


def test_french_search_uses_french_stemming(page, server):
    # "citations" and "citées" share the French stem "cit".
    assert _search(page, server, "fr", "citations")


@pytest.mark.parametrize("lang", LANGS)
def test_switcher_leads_to_the_same_source_page(page, server, lang):
    page.goto(f"{server}{PREFIX[lang]}sources/h200-approval-gate-fr/")
    for other in LANGS:
        href = page.locator(f"a.md-select__link[hreflang={other}]").get_attribute("href")
        response = page.request.get(page.url.rsplit("/", 2)[0] + "/" + href
                                    if not href.startswith("http") else href)
        target = urlsplit(page.evaluate("h => new URL(h, location.href).href", href)).path
        assert target == f"{BASE}{PREFIX[other]}sources/h200-approval-gate-fr/", (lang, other)
        assert response.ok


@pytest.mark.parametrize("lang", LANGS)
def test_404_speaks_the_language_of_the_url(page, server, lang):
    response = page.goto(f"{server}{PREFIX[lang]}no/such/page/")
    assert response.status == 404
    page.wait_for_function(f"document.documentElement.lang === {json.dumps(lang)}")
    title = {"en": "Page not found", "ja": "ページが見つかりません", "fr": "Page introuvable",
             "de": "Seite nicht gefunden"}[lang]
    assert page.locator("article h1").inner_text() == title
    for link in page.locator("article a").all():
        assert page.request.get(link.get_attribute("href").replace(
            "https://example.github.io/h200-briefing/", server)).ok


def _first_marker(page):
    return page.locator(".bf-cite").first


def test_citation_preview_opens_on_focus_and_closes_with_escape(page, server):
    page.goto(f"{server}method/")
    cite = _first_marker(page)
    tip = cite.locator(".bf-cite__tip")
    assert not tip.is_visible()
    page.keyboard.press("Tab")
    while not page.evaluate("document.activeElement.classList.contains('bf-cite__link')"):
        page.keyboard.press("Tab")
    focused = page.locator(".bf-cite__link:focus").locator("xpath=..")
    assert focused.locator(".bf-cite__tip").is_visible()
    assert focused.locator(".bf-cite__tip q").get_attribute("lang")
    page.keyboard.press("Escape")
    assert not focused.locator(".bf-cite__tip").is_visible()


def test_citation_preview_opens_on_hover(page, server):
    page.goto(f"{server}method/")
    cite = _first_marker(page)
    cite.locator("a").hover()
    assert cite.locator(".bf-cite__tip").is_visible()


def test_citation_preview_opens_on_tap_and_second_tap_follows(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}ja/method/")
    cite = _first_marker(page)
    url = page.url
    cite.locator("a").tap()
    assert cite.locator(".bf-cite__tip").is_visible()
    assert page.url == url
    box = cite.locator(".bf-cite__tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    cite.locator("a").tap()
    page.wait_for_url(re.compile(r"/ja/sources/.+#p\d+$|/ja/sources/[^#]+/$"))
    context.close()


def test_target_paragraph_is_highlighted(page, server):
    page.goto(f"{server}sources/h200-approval-gate-fr/#p4")
    target = page.evaluate("getComputedStyle(document.getElementById('p4')).backgroundColor")
    other = page.evaluate("getComputedStyle(document.getElementById('p3')).backgroundColor")
    assert target != other


def test_back_link_returns_to_the_exact_place(page, server):
    page.goto(f"{server}method/")
    back = page.locator("#cite-note-1 .bf-backlinks a").first
    anchor = back.get_attribute("href")
    back.click()
    assert page.url.endswith(anchor)
    marker = page.locator(anchor)
    assert marker.is_visible()
    assert page.evaluate("el => { const r = el.getBoundingClientRect(); "
                         "return r.top >= 0 && r.bottom <= innerHeight }", marker.element_handle())


def _all_pages(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in pages(site)
            if p.name == "index.html" and not p.relative_to(site).as_posix().startswith("en/")]


def test_phone_width_nothing_overflows(browser, server, site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    wide = []
    for rel in _all_pages(site):
        page.goto(server + rel.removesuffix("index.html"))
        if page.evaluate("document.documentElement.scrollWidth > innerWidth + 1"):
            wide.append(rel)
    context.close()
    assert wide == []


def test_dark_mode(browser, server):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{server}method/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    context.close()


def test_print_shows_each_citations_source_and_address(page, server):
    page.goto(f"{server}method/")
    page.emulate_media(media="print")
    entries = page.locator(".bf-references li")
    assert entries.count() > 0
    for index in range(entries.count()):
        entry = entries.nth(index)
        assert entry.locator(".bf-print-url").is_visible()
        assert entry.locator("a").nth(1).inner_text()  # the outlet (or 'publisher not identified')


def test_every_page_is_clean(browser, server, site):
    """No request to another host, no console error, no axe-core violation, on every page."""
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page, server.split(BASE)[0])
    problems = []
    for rel in _all_pages(site):
        page.goto(server + rel.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        result = axe.run(page)
        for violation in result.response["violations"]:
            problems.append(f"{rel}: axe {violation['id']}: {violation['help']} "
                            f"({len(violation['nodes'])}x, e.g. {violation['nodes'][0]['target']})")
    problems += [f"foreign request {u}" for u in watch.foreign]
    problems += [f"console error {e}" for e in watch.errors]
    context.close()
    assert problems == []
