"""The benchmark's synthetic projects still build, with the hooks and as plain pages (the
baseline it compares with): a change to the theme's overrides must keep both building."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import REPO


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark", REPO / "scripts" / "benchmark.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmark", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.build
@pytest.mark.parametrize("hooks", [True, False], ids=["hooks", "plain"])
def test_the_benchmarks_projects_build(tmp_path: Path, hooks: bool) -> None:
    benchmark = _benchmark()
    benchmark.write_project(tmp_path, 3, hooks=hooks)
    result = benchmark.measure_build(tmp_path, search=False)  # stops the test if it fails
    assert result["html"] > 3 * 4  # every source page in four languages, and more


def test_each_script_replaces_only_its_own_section_of_the_figures_file(tmp_path: Path) -> None:
    write_section = _benchmark().write_section
    figures = tmp_path / "BENCHMARKS.md"
    write_section(figures, "benchmark.py", "## Build\n\nfirst run")
    write_section(figures, "lighthouse.py", "## Lighthouse\n\naudits")
    write_section(figures, "benchmark.py", "## Build\n\nsecond run")
    text = figures.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n")
    assert "second run" in text and "first run" not in text
    assert text.index("second run") < text.index("audits")
    assert text.count("<!-- written by scripts/benchmark.py -->") == 1


def test_readme_states_no_figure_of_speed_or_size() -> None:
    """Measurements go stale: they live in BENCHMARKS.md, which the scripts write. README may
    state a target ("within 1 s", "at most 100 KiB") or a setting ("every 0.1 s")."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    figure = re.compile(r"\b\d+(?:[.,]\d+)? ?(?:ms|min|MB|KiB|KB|GB|s)\b")
    target = re.compile(r"(?:within|at most|every) $")
    found = [
        m.group()
        for m in figure.finditer(readme)
        if not target.search(readme[max(0, m.start() - 10) : m.start()])
    ]
    assert not found, f"README states figures {found}: move them to BENCHMARKS.md"
