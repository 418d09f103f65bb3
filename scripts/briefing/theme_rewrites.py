"""Every rewrite of Material's HTML after it writes a page, each with why a template cannot do it.

Where Material 9.8.1 offers a block or a partial, overrides/ writes the site's own version
(the head's links, the configuration script, the deferred scripts, the sidebars, the
content-tab script). What is left here is markup Material writes outside any block or
partial the site could override without copying large templates: its body's fixed
placeholders, its checkbox toggles, its indentation and its icons.

A rewrite matches Material's exact markup, so a change of that markup must not pass
silently: each rewrite says on which pages it must find its target, and `apply_rewrites` stops
with `ThemeChanged` when it does not. `tests/test_theme.py` checks the same on the real
build's pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass


class ThemeChanged(Exception):
    """Material's markup no longer matches a rewrite that must apply."""


@dataclass(frozen=True)
class Rewrite:
    name: str
    reason: str  # why the page is rewritten, and why not in a template
    apply: Callable[[str], tuple[str, int]]  # the page rewritten, and how many matches
    required: Callable[[str], bool]  # on this page (as written so far), must it match?


def _sub(pattern: re.Pattern[str], repl: str, count: int = 0) -> Callable[[str], tuple[str, int]]:
    return lambda output: pattern.subn(repl, output, count=count)


def _replace(
    text: str, when: Callable[[str], bool] = lambda output: True
) -> Callable[[str], tuple[str, int]]:
    """Remove `text` once, on the pages `when` accepts."""

    def apply(output: str) -> tuple[str, int]:
        if not when(output):
            return output, 0
        found = int(text in output)
        return output.replace(text, "", 1), found

    return apply


def _always(output: str) -> bool:
    return True


def _without_copy_button(output: str) -> bool:
    return "md-clipboard" not in output


def _orphan_toc_label(output: str) -> tuple[str, int]:
    if 'id="__toc"' in output:
        return output, 0
    return output.replace(' for="__toc"', ""), output.count(' for="__toc"')


# Material's templates indent their markup deeply: about a fifth of a page's bytes. A run of
# whitespace that holds a line break renders as one space wherever whitespace collapses, so
# it becomes one line break; never inside elements where whitespace is kept as written.
_KEPT_AS_WRITTEN = re.compile(r"<(pre|code|textarea|script|style)\b.*?</\1\s*>", re.DOTALL)
_INDENTATION = re.compile(r"\n[ \t\n]*")


def compact_html(output: str) -> tuple[str, int]:
    """The page without its template indentation (what it shows is unchanged)."""
    parts, start, count = [], 0, 0
    for kept in _KEPT_AS_WRITTEN.finditer(output):
        compacted, found = _INDENTATION.subn("\n", output[start : kept.start()])
        parts += [compacted, kept.group(0)]
        count += found
        start = kept.end()
    compacted, found = _INDENTATION.subn("\n", output[start:])
    parts.append(compacted)
    return "".join(parts), count + found


_EMPTY_SKIP = '<div data-md-component="skip">\n</div>\n'
_EMPTY_ANNOUNCE = '<div data-md-component="announce">\n</div>\n'
_DIALOG = (
    '<div class="md-dialog" data-md-component="dialog">\n'
    '<div class="md-dialog__inner md-typeset"></div>\n</div>\n'
)

# In the order they run. The last three read the compacted page.
REWRITES = (
    Rewrite(
        "checkbox-autocomplete",
        "Material writes autocomplete on its hidden checkbox toggles (the drawer's and the "
        "search's in base.html's body, the sections' in nav-item.html); the HTML standard "
        "allows it only on text-like inputs. Not in a block: the body's toggles are outside "
        "any, and overriding nav-item.html would copy 150 lines of Material.",
        _sub(re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"'), r"\1"),
        _always,  # the drawer's toggle is on every page
    ),
    Rewrite(
        "orphan-toc-label",
        "On a section's index page, toc.html's title label points (for=\"__toc\") at a "
        "checkbox nav-item.html did not write: invalid HTML. Whether the checkbox exists is "
        "known only once both partials are written. Applies only where it is found.",
        _orphan_toc_label,
        lambda output: False,
    ),
    Rewrite(
        "indentation",
        "Material's templates' indentation, about a fifth of a page's bytes, shown as one "
        "space at most: every template would have to be rewritten to drop it.",
        compact_html,
        _always,
    ),
    Rewrite(
        "empty-skip-link",
        "Material's skip-link placeholder in base.html's body (no block), empty on a page "
        "without a table of contents; its script looks it up as optional.",
        _replace(_EMPTY_SKIP),
        lambda output: 'class="md-skip"' not in output,
    ),
    Rewrite(
        "empty-announcement",
        "Material's announcement-bar placeholder in base.html's body (its announce block is "
        "inside it, the placeholder is not); the site announces nothing.",
        _replace(_EMPTY_ANNOUNCE),
        _always,
    ),
    Rewrite(
        "unused-dialog",
        "Material's dialog that its copy-to-clipboard buttons report to, in base.html's body "
        "(no block); kept on a page that has such a button.",
        _replace(_DIALOG, when=_without_copy_button),
        _without_copy_button,
    ),
)


def apply_rewrites(output: str, where: str) -> str:
    """A page or the 404 page as Material wrote it, through every rewrite; `ThemeChanged`
    when one that must apply finds nothing (Material's markup changed under it)."""
    for rewrite in REWRITES:
        must = rewrite.required(output)
        output, found = rewrite.apply(output)
        if must and not found:
            raise ThemeChanged(
                f"{where}: Material's markup no longer matches the rewrite {rewrite.name!r} "
                f"({rewrite.reason}) Fix: read the new markup and update REWRITES in "
                "scripts/briefing/theme_rewrites.py, or override it in overrides/"
            )
    return output


# Material writes each of its icons into every page as an inline SVG: the same eight icons,
# about 2.5 KB of every page. Each page refers to them in one sprite file instead, which
# the browser fetches once and caches (charts and other SVGs with attributes of their own
# stay inline). Not in a template: Material includes its icons from .icons/ in a dozen
# partials, and a page's address into the sprite depends on the page.
ICONS_FILE = "assets/icons.svg"
_ICON = re.compile(
    r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([-\d. ]+)">(.*?)</svg>', re.S
)


class IconSprite:
    """The icons pages refer to, collected as pages are written."""

    def __init__(self) -> None:
        self.icons: dict[str, tuple[str, str]] = {}  # id -> (viewBox, the SVG's content)

    def refer(self, output: str, sprite_url: str, where: str = "") -> str:
        """The page with each theme icon replaced by a reference into the sprite;
        `ThemeChanged` on a page with no icon (the header has some on every page)."""

        def reference(match: re.Match[str]) -> str:
            view, inner = match.group(1), match.group(2)
            digest = hashlib.blake2b(f"{view}|{inner}".encode(), digest_size=6).hexdigest()
            ident = f"i{digest}"
            self.icons.setdefault(ident, (view, inner))
            return f'<svg viewBox="{view}"><use href="{sprite_url}#{ident}"/></svg>'

        output, found = _ICON.subn(reference, output)
        if not found:
            raise ThemeChanged(
                f"{where}: Material's icons are no longer written as the rewrite 'icons' "
                "expects (<svg xmlns=… viewBox=…>). Fix: read the new markup and update "
                "_ICON in scripts/briefing/theme_rewrites.py"
            )
        return output

    def sprite(self) -> str:
        """The sprite file: one symbol per icon."""
        symbols = "".join(
            f'<symbol id="{ident}" viewBox="{view}">{inner}</symbol>\n'
            for ident, (view, inner) in sorted(self.icons.items())
        )
        return f'<svg xmlns="http://www.w3.org/2000/svg">\n{symbols}</svg>\n'
