"""Material at arm's length: what overrides/ writes, and the rewrites that remain.

Each rewrite of theme_rewrites.REWRITES must find its target on the pages it says it
applies to, or the build stops (unit tests below); the build tests read the real build's
pages and fail if Material's markup is left there unrewritten or a block we write breaks.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from briefing.theme_rewrites import (
    _ICON,
    REWRITES,
    IconSprite,
    ThemeChanged,
    apply_rewrites,
    compact_html,
)
from sitehtml import pages

# Material 9.8.1's body markup around the rewrites, as its templates write it (indented).
EMPTY = "\n      \n    "  # what Material's templates leave in an empty placeholder
MATERIAL_PAGE = (
    '<!doctype html>\n<html lang="en">\n  <body>\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
    ' autocomplete="off">\n'
    '    <label class="md-overlay" for="__drawer"></label>\n'
    f'    <div data-md-component="skip">{EMPTY}</div>\n'
    f'    <div data-md-component="announce">{EMPTY}</div>\n'
    "    <main>\n"
    '      <label class="md-nav__title" for="__toc">Contents</label>\n'
    "      <pre><code>a\n    b</code></pre>\n"
    "    </main>\n"
    '    <div class="md-dialog" data-md-component="dialog">\n'
    '      <div class="md-dialog__inner md-typeset"></div>\n'
    "    </div>\n  </body>\n</html>\n"
)


def test_materials_page_loses_its_placeholders_indentation_and_invalid_markup():
    assert apply_rewrites(MATERIAL_PAGE, "page.md") == (
        '<!doctype html>\n<html lang="en">\n<body>\n'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<label class="md-overlay" for="__drawer"></label>\n'
        "<main>\n"
        '<label class="md-nav__title">Contents</label>\n'
        "<pre><code>a\n    b</code></pre>\n"
        "</main>\n</body>\n</html>\n"
    )


def test_what_a_page_uses_is_kept():
    """A skip link with a target, a copy button's dialog, a text input's autocomplete and a
    label whose checkbox exists stay."""
    page = (
        MATERIAL_PAGE.replace(
            f'<div data-md-component="skip">{EMPTY}</div>',
            '<div data-md-component="skip">\n<a href="#a" class="md-skip">Skip</a>\n</div>',
        )
        .replace("<main>", '<main><button class="md-clipboard"></button>')
        .replace(
            "</main>",
            '<input type="checkbox" id="__toc"><input type="text" autocomplete="off"></main>',
        )
    )
    done = apply_rewrites(page, "page.md")
    assert 'class="md-skip"' in done and 'data-md-component="dialog"' in done
    assert 'for="__toc"' in done and '<input type="text" autocomplete="off">' in done
    assert 'data-md-component="announce"' not in done


# Material's markup changed under each rewrite that must apply: the build stops, naming it.
CHANGED = {
    "checkbox-autocomplete": ('autocomplete="off"', 'autocomplete="nope"'),
    "indentation": ("\n", " "),
    "empty-skip-link": ('data-md-component="skip"', 'data-md-component="skip" hidden'),
    "empty-announcement": ('data-md-component="announce"', 'data-md-component="banner"'),
    "unused-dialog": ('class="md-dialog"', 'class="md-dialog md-dialog--new"'),
}


def test_every_rewrite_that_must_apply_is_tried_here():
    required = {rewrite.name for rewrite in REWRITES if rewrite.required(MATERIAL_PAGE)}
    assert required == set(CHANGED)


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_a_rewrite_that_no_longer_matches_stops_the_build(name):
    old, new = CHANGED[name]
    with pytest.raises(ThemeChanged, match=f"page.md: .*'{name}'.* Fix: "):
        apply_rewrites(MATERIAL_PAGE.replace(old, new), "page.md")


def test_template_indentation_goes_but_kept_whitespace_stays():
    page = (
        "<body>\n    <p>one\n      two</p>\n\n\n  <pre><code>a\n    b</code></pre>\n"
        "  <script>\n  var x;\n</script>\n  <textarea>\n  t</textarea>\n</body>\n"
    )
    assert compact_html(page)[0] == (
        "<body>\n<p>one\ntwo</p>\n<pre><code>a\n    b</code></pre>\n"
        "<script>\n  var x;\n</script>\n<textarea>\n  t</textarea>\n</body>\n"
    )


def test_theme_icons_move_into_a_sprite_and_charts_stay():
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
    )
    chart = '<svg viewBox="0 0 640 184" role="img" aria-label="A chart"><rect/></svg>'
    sprite = IconSprite()
    page = sprite.refer(f"<p>{icon}{chart}{icon}</p>", "../assets/icons.svg")
    (ident,) = sprite.icons
    use = f'<svg viewBox="0 0 24 24"><use href="../assets/icons.svg#{ident}"/></svg>'
    assert page == f"<p>{use}{chart}{use}</p>"
    assert f'<symbol id="{ident}" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></symbol>' in (
        sprite.sprite()
    )
    with pytest.raises(ThemeChanged, match="page.md: .*'icons'"):
        sprite.refer(f"<p>{chart}</p>", "../assets/icons.svg", "page.md")


@pytest.mark.build
def test_no_page_of_the_real_build_keeps_markup_a_rewrite_is_for(site):
    """Material's markup each rewrite removes is gone from every page the build wrote: had
    Material written it otherwise, it would be left here (and the build would have stopped)."""
    checkbox_autocomplete = re.compile(r'<input\b[^>]*type="checkbox"[^>]*autocomplete=')
    for path in pages(site):
        html = path.read_text("utf-8")
        assert not checkbox_autocomplete.search(html), path
        assert ('for="__toc"' not in html) or ('id="__toc"' in html), path
        assert compact_html(html)[0] == html, path  # no indentation left
        assert ('data-md-component="skip"' in html) == ('class="md-skip"' in html), path
        assert 'data-md-component="announce"' not in html, path
        assert ('data-md-component="dialog"' in html) == ("md-clipboard" in html), path
        if path.name != "404.html":  # the 404 page keeps its icons inline
            assert "<use href=" in html and not _ICON.search(html), path


@pytest.mark.build
def test_the_blocks_the_site_writes_for_material_hold(site):
    """Material's configuration script without its search, every script a page loads present
    and deferred, no head link Material's script would follow, no empty contents sidebar."""
    for path in pages(site):
        html = path.read_text("utf-8")
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
        assert config and '"base":' in config[1] and "search" not in config[1], path
        for src in re.findall(r'<script src="([^"]+)"', html):
            target = (path.parent / urlsplit(src).path).resolve()
            if not src.startswith("/"):
                assert target.is_file(), (path, src)
        assert not re.search(r'<link rel="(?:alternate|prev|next)"', html), path
        assert 'name="generator"' not in html, path
        toc = re.search(r'data-md-type="toc"[^>]*>.*?</nav>', html, re.S)
        assert toc is None or "md-nav__list" in toc.group(0), path
