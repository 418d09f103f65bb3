"""What's new as a reader finds it, on a 390-px phone and a 1280-px desktop, in every
language: each entry says what changed (a title no other entry has, then a sentence), the
page links the language's own feed, and nothing runs off the screen.

Playwright drives Debian's Chromium against the built site (fixtures as in
test_browser.py); what is expected is read from the project, not named.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from briefing.urls import feed_path, news_url
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
