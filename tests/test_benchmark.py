"""The benchmark's synthetic projects still build, with the hooks and as plain pages (the
baseline it compares with): a change to the theme's overrides must keep both building."""

from __future__ import annotations

import importlib.util
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


@pytest.mark.parametrize("hooks", [True, False], ids=["hooks", "plain"])
def test_the_benchmarks_projects_build(tmp_path: Path, hooks: bool) -> None:
    benchmark = _benchmark()
    benchmark.write_project(tmp_path, 3, hooks=hooks)
    result = benchmark.measure_build(tmp_path, search=False)  # stops the test if it fails
    assert result["html"] > 3 * 4  # every source page in four languages, and more
