"""Every cache has one owner and a declared lifetime, so none outlives what it reads."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

from briefing import caches, site, strings
from briefing.model import FuzzyDate
from briefing.templating import format_fuzzy

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "briefing"


def test_no_module_makes_a_cache_of_its_own():
    """functools' caches are made only through `caches`, which registers their lifetime."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "caches.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "functools":
                names = {alias.name for alias in node.names}
                if names & {"cache", "lru_cache"}:  # cached_property: its object's life
                    found.append(f"{path.name}:{node.lineno}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"lru_cache", "cache"}
                and isinstance(node.value, ast.Name)
                and node.value.id == "functools"
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, f"make these caches with briefing.caches (a lifetime): {found}"


def test_a_cache_that_reads_the_strings_lives_as_long_as_the_inputs():
    assert caches.NAMES["briefing.templating.format_fuzzy"] is caches.Lifetime.INPUTS


def test_new_inputs_empty_the_caches_that_read_them(monkeypatch):
    """The date label is read through the cache: emptied, the label's new text shows."""
    date = FuzzyDate(2024, 4, 2, "approximate")
    before = format_fuzzy(date, "en")
    labels = {**strings.LABELS["approx_day"], "en": "about {date}"}
    monkeypatch.setitem(strings.LABELS, "approx_day", labels)
    assert format_fuzzy(date, "en") == before  # served from the cache
    caches.inputs_changed()
    assert format_fuzzy(date, "en").startswith("about ")
    monkeypatch.undo()
    caches.inputs_changed()
    assert format_fuzzy(date, "en") == before


def test_a_new_run_starts_with_nothing_kept(monkeypatch):
    session = site.Session()
    monkeypatch.setattr(site, "SESSION", session)
    session.run.default_404 = b"old"
    session.language.generated["x"] = None  # type: ignore[assignment]
    format_fuzzy(FuzzyDate(2024, 4, 2, "approximate"), "en")
    site.start("build")
    assert site.SESSION is session
    assert session.run.default_404 is None and session.language.generated == {}
    assert format_fuzzy.cache_info().currsize == 0  # type: ignore[attr-defined]


def test_starting_a_preview_again_adds_no_second_log_filter(monkeypatch):
    monkeypatch.setattr(site, "SESSION", site.Session())
    monkeypatch.setenv("BRIEFING_LANGUAGES", "ja")
    nav_log = logging.getLogger("mkdocs.structure.nav")
    before = list(nav_log.filters)
    try:
        site.start("serve")
        site.start("serve")
        assert len(nav_log.filters) == len(before) + 1
        site.start("build")  # a build of every language filters nothing
        assert nav_log.filters == before
    finally:
        for added in [f for f in nav_log.filters if f not in before]:
            nav_log.removeFilter(added)


# Module-level containers filled at run time, each owned: strings.yml's tables (refreshed by
# strings.refresh, which empties the caches that read them), the labels a directive declared
# outside the package registers (strings.add_labels: a registry, not a cache) and the
# caches' registry itself.
OWNED = {
    "strings.py": {"LABELS", "KINDS", "ACTORS", "UNITS", "OUTLETS", "ADDED"},
    "caches.py": {"NAMES"},
}


def test_no_module_keeps_an_unowned_container_filled_at_run_time():
    """An empty dict, list or set at module level is a cache in waiting: make it with
    caches.table (a lifetime) instead."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            target, value = None, None
            if isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            empty = (
                isinstance(value, (ast.Dict, ast.List, ast.Set)) and not ast.unparse(value)[1:-1]
            ) or (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id in {"dict", "list", "set"}
                and not value.args
            )
            owned = OWNED.get(path.name, set())
            if empty and isinstance(target, ast.Name) and target.id not in owned:
                found.append(f"{path.name}:{node.lineno} {target.id}")
    assert not found, f"make these with briefing.caches.table: {found}"
