"""The package's layers, as README.md draws them: imports point down only, with no cycle.

The table in README.md's "The code, in layers" section is the one statement of the layers;
this test reads it, so the picture cannot drift from the code.
"""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "briefing"
HOOKS = ROOT / "scripts" / "hooks.py"


def declared_layers() -> dict[str, int]:
    """Module -> layer number (0 = leaves), from the README's table."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## The code, in layers", 1)[1]
    table = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert table, "README.md: the layers table (```text block) is missing"
    rows = [line.split() for line in table.group(1).splitlines() if line.strip()]
    layers: dict[str, int] = {}
    for number, (_name, *modules) in enumerate(reversed(rows)):
        for module in modules:
            assert module not in layers, f"README.md: {module} is in two layers"
            layers[module] = number
    return layers


def modules() -> dict[str, Path]:
    found = {path.stem: path for path in PACKAGE.glob("*.py")}
    found["hooks"] = HOOKS
    return found


def package_imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module of the package, line, at module level?) for each import in a file."""
    tree = ast.parse(path.read_text("utf-8"))
    top = set(map(id, tree.body))
    for node in tree.body:  # imports under `if TYPE_CHECKING:` count as module level
        if isinstance(node, ast.If):
            top.update(map(id, node.body))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y / from . import x
                names = [node.module] if node.module else [a.name for a in node.names]
            elif node.module == "briefing":
                names = [a.name for a in node.names]
            elif node.module and node.module.startswith("briefing."):
                names = [node.module.split(".")[1]]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[1] for a in node.names if a.name.startswith("briefing.")]
        for name in names:
            target = name if (PACKAGE / f"{name}.py").exists() else "__init__"
            found.append((target, node.lineno, id(node) in top))
    return found


def test_every_module_has_a_layer():
    layers, present = declared_layers(), set(modules())
    assert not present - set(layers), (
        f"add these modules to README.md's layers table: {sorted(present - set(layers))}"
    )
    assert not set(layers) - present, (
        f"README.md names modules that do not exist: {sorted(set(layers) - present)}"
    )


def test_imports_point_down_or_sideways_and_never_late():
    layers = declared_layers()
    wrong = []
    for name, path in modules().items():
        for target, line, at_top in package_imports(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if not at_top:
                wrong.append(f"{where}: imports {target} inside a function; import it at the top")
            if target != name and layers[target] > layers[name]:
                wrong.append(f"{where}: {name} imports {target}, from a layer above it")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    graph = {
        name: {target for target, _, _ in package_imports(path) if target != name}
        for name, path in modules().items()
    }
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as exc:
        raise AssertionError(f"import cycle: {' -> '.join(exc.args[1])}") from None


def test_the_layer_test_catches_an_upward_and_a_late_import(tmp_path):
    """The checks above can fail: a leaf importing the adapter is found, and so is a late import."""
    sample = tmp_path / "errors.py"
    sample.write_text("from .site import load\n\ndef f():\n    from .render import ENV\n")
    found = package_imports(sample)
    assert ("site", 1, True) in found and ("render", 4, False) in found
    layers = declared_layers()
    assert layers["site"] > layers["errors"] and layers["render"] > layers["errors"]


GENERATOR = ("mkdocs", "material", "mkdocs_static_i18n", "watchdog")  # what the adapters wrap


def external_imports(path: Path) -> list[tuple[str, int]]:
    """(top-level package, line) for each import of something outside the package."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.split(".")[0], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
    return found


def test_only_the_adapters_import_the_generator():
    """MkDocs, Material and the i18n plugin are reached only through the adapters layer, so
    another generator replaces the adapters and nothing below them."""
    layers = declared_layers()
    adapters = max(layers.values())
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: imports {package}"
        for name, path in modules().items()
        if layers[name] < adapters
        for package, line in external_imports(path)
        if package in GENERATOR
    ]
    assert not wrong, "\n".join(wrong)


def test_the_generator_check_finds_an_import(tmp_path):
    sample = tmp_path / "model.py"
    sample.write_text("from mkdocs.structure.pages import Page\nimport material\n")
    assert external_imports(sample) == [("mkdocs", 1), ("material", 2)]
