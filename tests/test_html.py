"""Valid HTML: the Nu HTML Checker (vnu.jar, `make vnu`) finds no error on any built page.

It checks every page of the session's real build: every kind of page in every language,
generated ones and the 404 pages included. `make test` installs the checker (from the npm
registry) and, where it is missing, Debian's Java runtime.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

JAR = Path(os.environ.get("VNU_JAR", ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))


def nu_errors(target: Path) -> list[str]:
    """`file:line: message` for each error the checker reports in `target` (a file or folder)."""
    if not JAR.is_file() or shutil.which("java") is None:
        pytest.fail(f"the Nu HTML Checker is not installed ({JAR}, java). Fix: run make vnu")
    done = subprocess.run(
        ["java", "-jar", str(JAR), "--errors-only", "--format", "json", "--skip-non-html"]
        + [str(target)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    base = target if target.is_dir() else target.parent
    return [
        f"{Path(m['url'].removeprefix('file:')).relative_to(base)}:{m.get('lastLine', 0)}: "
        f"{m['message']}"
        for m in messages
    ]


@pytest.mark.build
def test_every_built_page_is_valid_html(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    errors = nu_errors(site)
    assert not errors, f"{len(errors)} error(s):\n" + "\n".join(errors[:40])


def test_the_checker_finds_an_error(tmp_path):
    """The check above can fail: the markup the theme used to write is reported."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<input type="checkbox" id="x" autocomplete="off"></body></html>'
    )
    (error,) = nu_errors(tmp_path)
    assert error.startswith("page.html:1: Attribute “autocomplete” is only allowed when")
