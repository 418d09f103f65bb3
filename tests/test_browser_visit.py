"""What's new and who publishes the site, as a reader finds them on a 390-px phone and a
1280-px desktop, in every language: each entry of What's new says what changed (a title no
other entry has, then a sentence), the page links the language's own feed, the footer leads
to the About page, and nothing runs off the screen.

Playwright drives Debian's Chromium against the built site (fixtures as in
test_browser.py); what is expected is read from the project, not named.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from briefing.exports import DOWNLOADS
from briefing.strings import LABELS
from briefing.urls import data_url, feed_path, news_url, page_url, relative_url
from conftest import LANGS

pytestmark = [pytest.mark.browser, pytest.mark.build]

WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture(scope="session")
def server(site_server: str) -> str:
    return site_server


@pytest.fixture(params=list(WIDTHS))
def context(chromium, request: pytest.FixtureRequest):
    width = WIDTHS[request.param]
    phone = width < 600
    made = chromium.new_context(
        viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone
    )
    yield made
    made.close()


@pytest.mark.parametrize("lang", LANGS)
def test_whats_new_says_what_changed_and_links_its_feed(context, server, lang):
    page = context.new_page()
    page.goto(server + news_url(lang), wait_until="load")
    assert page.locator("html").get_attribute("lang") == lang
    items = page.locator("ul.bf-news > li")
    count = items.count()
    if count == 0:  # a corpus with nothing to list says so
        pytest.skip("nothing listed")
    titles = [items.nth(i).locator("a").first.inner_text().strip() for i in range(count)]
    days = [items.nth(i).locator("time").get_attribute("datetime") for i in range(count)]
    keyed = list(zip(days, titles, strict=True))
    assert len(set(keyed)) == len(keyed), "two entries of one day read the same"
    # every entry but a source's (whose note may be empty) says more in a sentence
    for i in range(count):
        item = items.nth(i)
        if "/sources/" not in (item.locator("a").first.get_attribute("href") or ""):
            assert item.locator(".bf-news__summary").inner_text().strip(), titles[i]
    feed = page.locator('a[type="application/atom+xml"]')
    assert feed.count() == 1 and feed.is_visible()
    href = urljoin(page.url, feed.get_attribute("href") or "")
    assert href.endswith(feed_path(lang))
    response = context.request.get(href)
    assert response.ok and f'xml:lang="{lang}"'.encode() in response.body()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_footer_leads_to_who_publishes_the_site(context, server, lang):
    """From any page's footer, at either width, the reader reaches the About page in their
    language: its heading, then who edits and where the repository is (or that mkdocs.yml
    does not say yet), and how to reach the editors and ask for a correction when it does."""
    page = context.new_page()
    page.goto(server + news_url(lang), wait_until="load")
    about = page.locator(".md-copyright a").first
    about.scroll_into_view_if_needed()
    assert about.is_visible() and about.inner_text().strip() == LABELS["footer_about"][lang]
    about.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(page_url("about.md", lang))
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1 and page.locator("h1").is_visible()
    publisher = page.locator(".bf-publisher")
    assert publisher.count() == 1
    terms = [t.strip() for t in publisher.locator("dt").all_inner_texts()]
    for key in ("publisher_editors", "publisher_repository"):  # the others when configured
        assert LABELS[key][lang] in terms, (key, terms)
    assert all(d.strip() for d in publisher.locator("dd").all_inner_texts())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_lists_downloads_a_reader_can_open(context, server, lang):
    """From the timeline, at either width, the reader reaches the Data page, whose table of
    downloads fits the screen (scrolling inside its own box if it must) and whose every link
    opens (a CSV with a header row and data)."""
    page = context.new_page()
    page.goto(server + page_url("timeline.md", lang), wait_until="load")
    to_data = relative_url(page_url("timeline.md", lang), data_url(lang))
    link = page.locator(f'article a[href^="{to_data}"]')
    assert link.count() >= 1
    link.first.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith(data_url(lang))
    assert page.locator("article tr[id]").count() == len(DOWNLOADS)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    for download in DOWNLOADS:
        href = page.locator(f"tr#{download.anchor} a").first.get_attribute("href") or ""
        response = context.request.get(urljoin(page.url, href))
        assert response.ok, href
        if download.format == "CSV":
            lines = response.text().splitlines()
            assert len(lines) >= 2 and "," in lines[0], href
