"""The chip comparison as a reader uses it, on a 390-px phone and a 1280-px desktop.

Playwright drives Debian's Chromium against the built site (fixtures as in
test_browser.py). The chips, their statuses and the table's order are read from the
data, not named: only the feature's own terms are (the H200, the Ascend chips, a maker's
claim).
"""

from __future__ import annotations

import pytest

from briefing.project import Project
from briefing.strings import label
from conftest import LANGS, PREFIX

pytestmark = [pytest.mark.browser, pytest.mark.build]

WIDTHS = {"phone": 390, "desktop": 1280}


def plain(text: str) -> str:
    """Text as compared: the build's narrow and no-break spaces (French) as plain ones."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture(scope="session")
def server(site_server: str) -> str:
    return site_server


@pytest.fixture(scope="session")
def browser(chromium):
    return chromium


@pytest.fixture(params=list(WIDTHS))
def width(request: pytest.FixtureRequest) -> int:
    return WIDTHS[request.param]


@pytest.fixture
def chips_page(browser, server, width):
    """Open the comparison in a language at a width: a function of the language."""
    opened = []

    def open_page(lang: str):
        phone = width < 600
        context = browser.new_context(
            viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone
        )
        opened.append(context)
        page = context.new_page()
        page.goto(server + PREFIX[lang] + "chips/", wait_until="load")
        return page

    yield open_page
    for context in opened:
        context.close()


# Every box inside the comparison's region scrolled as far right as it goes: the reader has
# swiped to the last chip.
SCROLL_TO_END = (
    "() => document.querySelectorAll('.bf-chips, .bf-chips *')"
    ".forEach(e => { e.scrollLeft = e.scrollWidth; })"
)

# Is this element what the reader sees at its own centre (not covered by another)?
SEEN = (
    "e => { const r = e.getBoundingClientRect();"
    " const y = r.top + Math.min(r.height, 20) / 2;"
    " const hit = document.elementFromPoint(r.left + r.width / 2, y);"
    " return !!hit && (hit === e || e.contains(hit)); }"
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_no_wider_than_the_screen(chips_page, lang):
    page = chips_page(lang)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")


@pytest.mark.parametrize("lang", LANGS)
def test_row_labels_stay_in_view_at_the_last_chip(chips_page, real: Project, lang):
    chips = real.data.chips
    assert chips is not None
    page = chips_page(lang)
    page.evaluate(SCROLL_TO_END)
    region = page.locator(".bf-chips").bounding_box()
    assert region
    last = list(chips.names)[-1]
    for row in chips.rows:
        line = page.locator(f"#spec-{row.id}")
        line.evaluate("r => scrollTo(0, r.getBoundingClientRect().top + scrollY - 120)")
        page.evaluate(SCROLL_TO_END)
        head = line.locator("th[scope=row]")
        box = head.bounding_box()
        assert box and box["x"] >= region["x"] - 1, (row.id, box, region)
        assert head.evaluate(SEEN), (row.id, "the label is covered")
        assert plain(head.inner_text()) == plain(row.label[lang])
        cell = line.locator(f'td[data-chip="{last}"]').bounding_box()
        assert cell and cell["x"] + cell["width"] <= region["x"] + region["width"] + 1, row.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_caption_is_shown_whole(chips_page, lang):
    page = chips_page(lang)
    caption = page.locator("#bf-chips-caption")
    assert plain(caption.inner_text()) == plain(label("chips_caption", lang))
    assert caption.evaluate(
        "c => c.scrollWidth <= c.clientWidth + 1 && c.getBoundingClientRect().right <= innerWidth"
    )
    assert page.locator(".bf-chips table").get_attribute("aria-labelledby") == "bf-chips-caption"


@pytest.mark.parametrize("lang", LANGS)
def test_the_h200_and_the_ascend_chips_fit_side_by_side(chips_page, real: Project, lang):
    """The H200's column is followed by the Ascend chips' columns, and the label, the H200
    and the first Ascend chip fit the region's width together."""
    chips = real.data.chips
    assert chips is not None
    order = list(chips.names)
    ascend = [c for c in order if "ascend" in chips.names[c]["en"].lower()]
    assert "h200" in order and ascend
    at = order.index("h200")
    assert order[at + 1 : at + 1 + len(ascend)] == ascend
    page = chips_page(lang)
    heads = page.locator(".bf-chips thead th")
    assert [heads.nth(i + 1).get_attribute("data-chip") for i in range(len(order))] == order
    widths = [heads.nth(i).bounding_box()["width"] for i in (0, at + 1, at + 2)]
    region = page.locator(".bf-chips").bounding_box()
    assert region and sum(widths) <= region["width"] + 1, (widths, region)


@pytest.mark.parametrize("lang", LANGS)
def test_chart_text_is_at_least_12_px(chips_page, lang):
    page = chips_page(lang)
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('.bf-chart text')]"
        ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
    )
    assert sizes and min(sizes) >= 12, sizes
    assert page.evaluate(
        "() => [...document.querySelectorAll('.bf-chart svg')]"
        ".every(s => s.getBoundingClientRect().right <= innerWidth)"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_makers_claims_are_marked_and_explained(chips_page, real: Project, lang):
    chips = real.data.chips
    assert chips is not None
    claimed = [
        (row.id, chip)
        for row in chips.rows
        for chip, cell in row.cells.items()
        if cell.status == "claimed"
    ]
    assert claimed, "the comparison holds a maker's claim (the Ascend 950PR's figures)"
    page = chips_page(lang)
    assert page.locator('.bf-chips thead th[data-chip="ascend-950pr"]').count() == 1
    for row, chip in claimed:
        cell = page.locator(f'#spec-{row} td[data-chip="{chip}"]')
        assert "bf-cell--claimed" in (cell.get_attribute("class") or "").split(), (row, chip)
        assert plain(label("status_claimed", lang)) in plain(cell.inner_text()), (row, chip)
        assert cell.locator("sup.bf-cite").count() >= 1, (row, chip)
    legend = page.locator("#bf-status-claimed")
    assert legend.is_visible()
    assert plain(legend.inner_text()) == plain(label("status_claimed_means", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_each_comparison_has_a_cited_bottom_line(chips_page, lang):
    """The table, the charts and the ratios are each followed closely by one cited line."""
    page = chips_page(lang)
    found = page.evaluate(
        """() => ['.bf-chips', '.bf-chart', '.bf-ratios'].map(sel => {
            const all = document.querySelectorAll(sel);
            let e = all[all.length - 1];
            while (e && !e.nextElementSibling) e = e.parentElement;
            e = e && e.nextElementSibling;
            for (let i = 0; e && i < 2 && !e.matches('.bf-bottom-line'); i++)
                e = e.nextElementSibling;
            return e && e.matches('.bf-bottom-line')
                ? [e.querySelectorAll('sup.bf-cite').length, e.innerText.length] : null;
        })"""
    )
    for where, line in zip(("table", "charts", "ratios"), found, strict=True):
        assert line is not None, (where, "no bottom line")
        cites, length = line
        assert cites >= 1 and length > 40, (where, line)
