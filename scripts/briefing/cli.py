"""Editors' commands (`python -m briefing <command>`, or the Makefile's targets).

check       validate every source and page without building the site
new         add an article to seeds/ from its text and metadata
translated  record that a translated page matches its English page again
parity      compare a page's translations: same citations, same figures
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import SITE_LANGUAGES
from .errors import BriefingError
from .model import PRECISIONS
from .project import load_project
from .strings import KINDS


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
    for behind in project.behind:
        print(behind.format())
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning file={behind.path},line=1::{behind.format()}")
    pages = sum(len(p) for p in project.pages.values())
    print(f"OK: {len(project.sources)} sources, {pages} pages in "
          f"{len(project.languages)} languages"
          + (f"; {len(project.behind)} translation(s) behind the English." if project.behind
             else "."))
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


PROMPTS = {
    "language": "Language of the article (BCP 47: ja, fr, de, en, zh-Hans ...)",
    "title": "Original title, as published",
    "published": "Published date (YYYY-MM-DD, YYYY-MM or YYYY)",
    "kind": "Kind (" + ", ".join(KINDS) + ")",
}


def new(args: argparse.Namespace) -> int:
    """Scaffold a source file in seeds/ from an article's text and metadata."""
    from .newsource import Article, NewSourceError, create, missing_fields

    if args.text == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.text)
        if not path.is_file():
            print(f"new: {args.text}: no such file (give the article's text file, "
                  "or - to read standard input)", file=sys.stderr)
            return 2
        text = path.read_text("utf-8-sig")
    values = vars(args)
    missing = missing_fields(values)
    if missing and args.text != "-" and sys.stdin.isatty():
        for name in missing:
            values[name] = input(f"{PROMPTS[name]}: ").strip()
        if not values.get("url"):
            values["url"] = input("Address (http/https; empty if unknown): ").strip() or None
        if not values.get("outlet"):
            values["outlet"] = input("Outlet (empty if not identified): ").strip() or None
        missing = missing_fields(values)
    if missing:
        print("new: missing " + ", ".join(f"--{name}" for name in missing)
              + " (or run it in a terminal to be asked)", file=sys.stderr)
        return 2
    article = Article(
        text=text, language=values["language"], title=values["title"],
        published=values["published"], kind=values["kind"], precision=args.precision,
        outlet=values.get("outlet"), author=args.author, url=values.get("url"),
        accessed=args.accessed, source_id=args.id, original_file=args.original_file,
        titles={lang: t for lang in SITE_LANGUAGES if (t := values.get(f"title_{lang}"))},
        notes={lang: n for lang in SITE_LANGUAGES if (n := values.get(f"note_{lang}"))},
    )
    try:
        created = create(article, args.root)
    except NewSourceError as exc:
        print(f"new: {exc}", file=sys.stderr)
        return 1
    shown = created.path.relative_to(args.root).as_posix()
    print(f"Created {shown} (id: {created.source_id}).")
    if created.remaining:
        print("Still to do before `make check` passes:")
        for problem in created.remaining:
            print(f"  {problem.format()}")
    print(f"Cite it on a page as [@{created.source_id}] or [@{created.source_id}, ¶2].")
    return 0


def translated(root: Path, pages: list[str]) -> int:
    """Record that each translated page now matches the English text."""
    from .freshness import stamp

    status = 0
    for page in pages:
        try:
            print(stamp(root, Path(page)))
        except ValueError as exc:
            print(f"translated: {exc}", file=sys.stderr)
            status = 2
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every source and page without building the site")
    add = sub.add_parser("new", help="add an article to seeds/ from its text and metadata")
    add.add_argument("text", help="the article's text file (UTF-8), or - for standard input")
    add.add_argument("--language", help="the article's language (BCP 47: ja, fr, de ...)")
    add.add_argument("--title", help="the original title")
    for lang in SITE_LANGUAGES:
        add.add_argument(f"--title-{lang}", metavar="TEXT", help=f"the title in '{lang}'")
    add.add_argument("--outlet", help="outlet or publisher (leave out if not identified)")
    add.add_argument("--author", help="author (leave out if none is stated)")
    add.add_argument("--published", help="date published: YYYY-MM-DD, YYYY-MM or YYYY")
    add.add_argument("--precision", choices=PRECISIONS,
                     help="how exact the date is (default: from the date's form)")
    add.add_argument("--url", help="the article's http(s) address")
    add.add_argument("--kind", help="one of: " + ", ".join(KINDS))
    for lang in SITE_LANGUAGES:
        add.add_argument(f"--note-{lang}", metavar="TEXT", help=f"the note for '{lang}' readers")
    add.add_argument("--accessed", help="date captured, YYYY-MM-DD (default: today)")
    add.add_argument("--id", help="the source's id (default: derived from outlet, title, date)")
    add.add_argument("--original-file", help="the capture's original file name")
    tra = sub.add_parser("translated",
                         help="record that translated pages now match their English page")
    tra.add_argument("pages", nargs="+", help="translated pages, e.g. docs/ja/chips.md")
    par = sub.add_parser("parity", help="compare translations: same citations, same figures")
    par.add_argument("pages", nargs="*", help="page paths inside docs/<lang>/, e.g. chips.md")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    if args.command == "parity":
        return parity(args.root, args.pages)
    if args.command == "new":
        return new(args)
    if args.command == "translated":
        return translated(args.root, args.pages)
    return check(args.root)
