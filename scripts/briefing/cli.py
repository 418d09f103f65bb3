"""Editors' commands: `python -m briefing check` validates sources and pages without building."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import BriefingError
from .project import load_project


def check(root: Path) -> int:
    """Print every problem as `file:line: what. Fix: how`; exit 1 if there is any."""
    try:
        project = load_project(root)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem.format())
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(problem.github_annotation())
        print(f"{len(exc.problems)} problem(s).", file=sys.stderr)
        return 1
    pages = sum(len(p) for p in project.pages.values())
    print(f"OK: {len(project.sources)} sources, {pages} pages in "
          f"{len(project.languages)} languages.")
    return 0


def parity(root: Path, pages: list[str]) -> int:
    """Compare each page's translations with English: same citations, same figures."""
    from .parity import compare

    rels = pages or sorted(p.relative_to(root / "docs" / "en").as_posix()
                           for p in (root / "docs" / "en").rglob("*.md"))
    status = 0
    for rel in rels:
        texts = {lang: (root / "docs" / lang / rel).read_text("utf-8")
                 for lang in ("en", "ja", "fr", "de") if (root / "docs" / lang / rel).is_file()}
        for line in compare(texts) if "en" in texts else []:
            print(f"docs/*/{rel}: {line}")
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every source and page without building the site")
    par = sub.add_parser("parity", help="compare translations: same citations, same figures")
    par.add_argument("pages", nargs="*", help="page paths inside docs/<lang>/, e.g. chips.md")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    if args.command == "parity":
        return parity(args.root, args.pages)
    return check(args.root)
