"""Editors' commands: `briefing <command>` (installed by `make`), or the Makefile's targets.

check       validate every source and page without building the site
new         add an article to seeds/ from its text and metadata
translated  record that a translated page matches its English page again
parity      compare a page's translations: same citations, same figures
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import DEFAULT_LANGUAGE
from .accounts import path_for as accounts_path_for
from .build import write_markdown_export
from .contested import ContestedError
from .contested import scaffold as scaffold_contested
from .errors import BriefingError, Refused
from .freshness import Behind, stamp
from .history import read_history
from .languages import LANGUAGES, site_codes
from .languages import name as language_name
from .load import read_document
from .model import PRECISIONS, Source
from .newsource import (
    ASKED,
    Article,
    Created,
    Existing,
    NewSourceError,
    ask_in_terminal,
    convert_to_accounts,
    create,
    derive_id,
    existing_sources,
    plan,
    read_field,
    refusal,
    without_marker,
)
from .pages import scan_page
from .parity import differences, located
from .project import load_project
from .rename import RenameError, rename_page, rename_source
from .strings import KINDS
from .translations import (
    STALE,
    Pending,
    load_translations,
    path_for,
    realign,
    render_file,
    scaffold,
)
from .validate import check_source, load_sources


def export_markdown(root: Path, target: Path) -> int:
    """Write the expanded pages under `target`; stop, as `check` does, on bad input."""
    try:
        project = load_project(root)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem.format())
        print(f"{len(exc.problems)} problem(s).", file=sys.stderr)
        return 1
    written = write_markdown_export(project, read_history(root), project.languages, target)
    print(f"{len(written)} pages written to {target}")
    return 0


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
    notices: list[Behind | Pending] = [*project.behind, *project.pending]
    for notice in notices:
        print(notice.format())
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning file={notice.path},line=1::{notice.format()}")
    for draft in project.drafts:  # awaiting a native editor's review
        print(draft.format())
    for accepted in project.accepted:  # answered by an editor: shown to every reviewer
        print(accepted.format())
        if os.environ.get("GITHUB_ACTIONS") == "true":
            found = accepted.problem
            print(f"::notice file={found.path},line={found.line}::{accepted.format()}")
    pages = sum(len(p) for p in project.pages.values())
    extra = [f"{len(project.behind)} translation(s) behind the English"] if project.behind else []
    extra += [f"{len(project.accepted)} answered check(s)"] if project.accepted else []
    print(
        f"OK: {len(project.sources)} sources, {pages} pages in "
        f"{len(project.languages)} languages" + (f"; {'; '.join(extra)}." if extra else ".")
    )
    return 0


def _page_rel(root: Path, given: str) -> str | None:
    """'chips.md', 'docs/ja/chips.md' or 'actors/x.md' -> the path inside docs/<lang>/."""
    docs = root / "docs"
    path = Path(given)
    candidates = [given]
    parts = path.parts
    site = site_codes(root)
    if len(parts) >= 3 and parts[0] == "docs" and parts[1] in site:
        candidates.insert(0, Path(*parts[2:]).as_posix())
    elif len(parts) >= 2 and parts[0] in site:
        candidates.insert(0, Path(*parts[1:]).as_posix())
    for rel in candidates:
        if (docs / DEFAULT_LANGUAGE / rel).is_file():
            return rel
    matches = (
        sorted(
            p.relative_to(docs / DEFAULT_LANGUAGE).as_posix()
            for p in (docs / DEFAULT_LANGUAGE).rglob(path.name)
        )
        if path.name
        else []
    )
    return matches[0] if len(matches) == 1 else None


def parity(root: Path, pages: list[str]) -> int:
    """Compare each page's translations with English: same citations, same figures."""

    docs = root / "docs"
    rels: list[str] = []
    for given in pages:
        rel = _page_rel(root, given)
        if rel is None:
            print(
                f"parity: {given}: no such page (give a path inside docs/<language>/, "
                "e.g. chips.md or actors/nvidia.md)",
                file=sys.stderr,
            )
            return 2
        rels.append(rel)
    if not pages:
        rels = sorted(
            p.relative_to(docs / DEFAULT_LANGUAGE).as_posix()
            for p in (docs / DEFAULT_LANGUAGE).rglob("*.md")
        )
    status = 0
    for rel in rels:
        english, _ = scan_page(docs / DEFAULT_LANGUAGE / rel, root, DEFAULT_LANGUAGE, rel)
        if english is None:
            continue
        keys, figs = located(english.body, DEFAULT_LANGUAGE, english.body_line)
        for lang in site_codes(root):
            if lang == DEFAULT_LANGUAGE:
                continue
            path = docs / lang / rel
            if not path.is_file():
                print(f"docs/{lang}/{rel}:1: the translation is missing. Fix: add it")
                status = 1
                continue
            page, _ = scan_page(path, root, lang, rel)
            found = differences(english, page) if page else []
            for problem in found:
                print(problem.format())
            status = status or int(bool(found))
            print(
                f"docs/{lang}/{rel}: compared with docs/en/{rel} ({len(keys)} citations, "
                f"{len(figs)} figures): " + ("same" if not found else f"{len(found)} difference(s)")
            )
    return status


PROMPTS = {
    "url": "Address of the article (http:// or https://; Enter if unknown)",
    "language": "Language of the article (BCP 47: ja, fr, de, en, zh-Hans ...)",
    "title": "Headline, exactly as published (¶1 of the text); - if the capture has no headline",
    "published": "Published date (YYYY-MM-DD, YYYY-MM or YYYY)",
    "precision": "How exact is that date: day, month, year, or approximate for a date you "
    "inferred from the text [Enter: {default}]",
    "kind": "Kind (" + ", ".join(KINDS) + "; the first letters are enough)",
    "author": "Author (Enter if none is stated)",
    "outlet": "Outlet (Enter if not identified; for an agency's article on another site: "
    "Reuters via <site>)",
}


def new(args: argparse.Namespace) -> int:
    """Scaffold a source file in seeds/ from an article's text and metadata.

    In a terminal it asks for whatever no option gave and judges each answer as it is given,
    so a mistake costs one answer; otherwise it reports every missing or wrong option at
    once, by the option's name (the only thing the editor typed). What to ask and when to
    stop is `newsource.plan`.
    """
    text = _article_text(args.text)
    if text is None:
        return 2
    raw: dict[str, str | None] = {name: getattr(args, name) for name in (*ASKED, "accessed", "id")}
    if args.no_headline:
        raw["title"] = f"- {args.title or ''}"  # as if '-' had been answered at the prompt
    seeds_dir = args.root / "seeds"
    interactive = args.text != "-" and sys.stdin.isatty()
    existing = existing_sources(seeds_dir, args.root) if interactive else []

    def refuse(url: str | None, source_id: str | None) -> str | None:
        return refusal(text, url, source_id, existing, seeds_dir, args.root)

    decided = plan(raw, text, args.text, interactive, refuse)
    for message in decided.stop:
        print(f"new: {message}", file=sys.stderr)
    if decided.stop:
        return decided.status
    values = decided.values
    if decided.ask:
        try:
            values = _ask(raw, values, existing, seeds_dir, refuse)
        except NewSourceError as exc:
            print(f"new: {exc}", file=sys.stderr)
            return 1
        except (EOFError, KeyboardInterrupt):
            print("\nnew: stopped; nothing was written.", file=sys.stderr)
            return 1
    article = _article(args, text, values)
    try:
        created = create(article, args.root)
    except NewSourceError as exc:
        print(f"new: {exc}", file=sys.stderr)
        return 1
    _say_what_next(args.root, created, article)
    return 0


def _article_text(name: str) -> str | None:
    """The article's text, from a file or standard input ('-'); None if there is none."""
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        print(
            f"new: {name}: no such file (give the article's text file, "
            "or - to read standard input)",
            file=sys.stderr,
        )
        return None
    return path.read_text("utf-8-sig")


def _ask(
    raw: dict[str, str | None],
    values: dict[str, object],
    existing: list[Existing],
    seeds_dir: Path,
    refuse: Callable[[str | None, str | None], str | None],
) -> dict[str, object]:
    """What the options did not give, asked in the terminal; then the id, proposed."""
    known = {key: value for key, value in values.items() if key not in ASKED}
    values = ask_in_terminal(
        raw, known, PROMPTS, input, print, refuse=lambda url: refuse(url, None)
    )
    if not values.get("id"):  # propose the derived id; the editor may choose another
        values["id"] = _ask_id(values, existing, seeds_dir)
    return values


def _article(args: argparse.Namespace, text: str, values: dict[str, object]) -> Article:
    def get(name: str) -> str | None:
        value = values.get(name)
        return value if isinstance(value, str) else None

    site = site_codes(args.root)
    return Article(
        text=text,
        language=get("language") or "",
        title=get("title") or "",
        published=get("published") or "",
        kind=get("kind") or "",
        precision=get("precision"),
        outlet=get("outlet"),
        author=get("author"),
        url=get("url"),
        accessed=get("accessed"),
        source_id=get("id"),
        original_file=args.original_file,
        titles={lang: t for lang in site if (t := getattr(args, f"title_{lang}", None))},
        notes={lang: n for lang in site if (n := getattr(args, f"note_{lang}", None))},
    )


def _say_what_next(root: Path, created: Created, article: Article) -> None:
    """What was written, and what is left for the editor to do."""
    shown = created.path.relative_to(root).as_posix()
    print(f"Created {shown} (id: {created.source_id}).")
    slots = _scaffold_translations(created.path, root)
    if slots is not None:
        print(
            f"Created {slots} with an empty translation per paragraph and language: until "
            "they are written, readers see 'translation pending' (a notice in `make check`)."
        )
    accounts = accounts_path_for(shown, root)
    if accounts.exists():
        print(
            f"Created {accounts.relative_to(root).as_posix()} with an empty account per "
            "paragraph and language: write what each paragraph reports, in the site's own "
            "words (CONTRIBUTING.md, 'Writing an account'). The article's text is not kept; "
            "its copy guard lets `make check` spot copied words. Until the accounts are "
            "written the preview shows the source as a draft."
        )
    if without_marker(article.title) != article.title:
        print(
            "The capture has no headline: the title is the site's, in brackets. Keep the "
            "brackets in each translation and say so in each note."
        )
    if created.remaining:
        print("Still to do before `make check` passes:")
        for problem in created.remaining:
            print(f"  {problem.format()}")
    print(f"Cite it on a page as [@{created.source_id}] or [@{created.source_id}, ¶2].")


def _ask_id(values: dict[str, object], existing: list[Existing], seeds_dir: Path) -> str:
    """The id, proposed from outlet, title and date, which the editor may replace."""
    outlet, url = values.get("outlet"), values.get("url")
    draft = Article(
        text="",
        language=str(values.get("language") or ""),
        title=str(values.get("title") or ""),
        published=str(values.get("published") or ""),
        kind="",
        outlet=outlet if isinstance(outlet, str) else None,
        url=url if isinstance(url, str) else None,
    )
    taken = {e.source_id for e in existing} | {p.stem for p in seeds_dir.rglob("*.md")}
    proposed = derive_id(draft, taken)
    while True:
        answer = input(f"Id, the name pages cite it by (Enter for {proposed}): ").strip()
        if not answer:
            return proposed
        value = read_field("id", answer, values)
        if isinstance(value, str) and value not in taken:
            return value
        why = value.reason if isinstance(value, Refused) else f"{answer!r} is already taken"
        print(f"  {why}. Please answer again.")


def _source(root: Path, given: str) -> Source | None:

    sources, _ = load_sources(root / "seeds", root, site_codes(root))
    ident = Path(given).name.removesuffix(".translations.yml").removesuffix(".md")
    return sources.get(ident)


def translations(root: Path, ids: list[str]) -> int:
    """Write or update each source's translations file: a slot for every paragraph."""

    status = 0
    for given in ids:
        source = _source(root, given)
        if source is None or not source.has_text:
            print(
                f"translations: {given}: no source with text has this id (check that "
                "`make check` reads the source itself without problems)",
                file=sys.stderr,
            )
            status = 2
            continue
        path = path_for(source, root)
        path.write_text(realign(source, root, site_codes(root)), encoding="utf-8")
        print(
            f"{path.relative_to(root).as_posix()}: one entry per paragraph "
            f'({len(source.paragraphs)}); fill the empty "" texts'
        )
    return status


def accounts(root: Path, ids: list[str]) -> int:
    """Convert sources that still hold an article's text to the site's accounts."""

    status = 0
    for given in ids:
        ident = Path(given).name.removesuffix(".accounts.yml").removesuffix(".md")
        path = next((root / "seeds").rglob(f"{ident}.md"), None)
        if path is None:
            print(f"accounts: {given}: no seeds/{ident}.md", file=sys.stderr)
            status = 2
            continue
        try:
            written, count = convert_to_accounts(path, root)
        except NewSourceError as exc:
            print(f"accounts: {exc}", file=sys.stderr)
            status = 2
            continue
        print(
            f"{written.relative_to(root).as_posix()}: an entry per paragraph ({count}); the "
            f"text left {path.relative_to(root).as_posix()}. Write what each paragraph "
            'reports in the empty "" slots (CONTRIBUTING.md: Writing an account)'
        )
    return status


def contested(root: Path, claim_id: str) -> int:
    """Scaffold a contested figure: the claim, a section per language, a log entry."""
    try:
        changed = scaffold_contested(root, claim_id, dt.date.today())
    except ContestedError as exc:
        print(f"contested: {exc}; nothing was changed", file=sys.stderr)
        return 2
    for path in changed:
        print(f"  {path}")
    print(
        "Scaffolded. make check now lists what is still to write: the claim and its sources, "
        "the evidence and the rating it gives, the section in each language, the log entry."
    )
    return 0


def status(root: Path) -> int:
    """Per language, what the project still needs: texts pending, drafts awaiting review."""
    try:
        project = load_project(root)
    except BriefingError as exc:
        print(f"status: the project has {len(exc.problems)} problem(s): run make check first")
        return 1
    for lang in project.languages:
        behind = [b for b in project.behind if b.lang == lang]
        pending = [
            f"{p.path} ({', '.join(str(n) for n in numbers)})"
            for p in project.pending
            for code, numbers in p.paragraphs
            if code == lang
        ]
        drafts = [d for d in project.drafts if d.lang == lang]
        print(f"{language_name(lang)} ({lang}):")
        if not (behind or pending or drafts):
            print("  nothing pending, no draft")
        for item in behind:
            print(f"  pending: {item.path} is behind its English page")
        for line in pending:
            print(f"  pending: paragraph translations of {line}")
        for draft in drafts:
            print(f"  draft: {draft.path}:{draft.line}: {draft.what}")
    return 0


def rename(root: Path, old: str, new: str) -> int:
    """Rename a source id (OLD NEW) or a page (OLD.md NEW.md) with everything naming it."""
    page = old.endswith(".md") or new.endswith(".md")
    try:
        changed = rename_page(root, old, new) if page else rename_source(root, old, new)
    except RenameError as exc:
        print(f"rename: {exc}; nothing was changed", file=sys.stderr)
        return 2
    for line in changed:
        print(f"  {line}")
    print(f"Renamed {old} to {new} in {len(changed)} place(s). Run make check.")
    return 0


def translated_sources(root: Path, ids: list[str]) -> int:
    """Record that each source's paragraph translations match the current original."""

    status = 0
    for given in ids:
        source = _source(root, given)
        if source is None or not source.has_text:
            print(f"translated: {given}: no source with text has this id", file=sys.stderr)
            status = 2
            continue
        found, problems, _ = load_translations(source, root, site_codes(root))
        blocking = [p for p in problems if p.code != STALE]  # what the stamp records
        if found is None or blocking:
            for problem in blocking:
                print(problem.format())
            print(
                f"translated: {source.id}: not recorded: fix the problems above first",
                file=sys.stderr,
            )
            status = 1
            continue
        path = path_for(source, root)
        path.write_text(render_file(source, site_codes(root), found), encoding="utf-8")
        print(
            f"{path.relative_to(root).as_posix()}: translations recorded as matching the "
            "current original"
        )
    return status


def _scaffold_translations(path: Path, root: Path) -> str | None:
    """Empty paragraph-translation slots beside a source that `new` just wrote."""

    site = site_codes(root)
    source, _ = check_source(read_document(path, root), site, drafts=True)
    written = scaffold(source, root, site) if source is not None else None
    return written.relative_to(root).as_posix() if written else None


def translated(root: Path, pages: list[str]) -> int:
    """Record that each translated page now matches the English text.

    Refused, with the reasons, for a page that cites or states other things than the
    English page: the stamp says "this translation says what the English says".
    """

    status = 0
    for page in pages:
        path = root / page if not Path(page).is_absolute() else Path(page)
        try:
            lang, rel = (
                path.resolve().relative_to((root / "docs").resolve()).as_posix().split("/", 1)
            )
        except ValueError:
            lang, rel = "", ""
        english_path = root / "docs" / DEFAULT_LANGUAGE / rel
        if (
            lang in site_codes(root)
            and lang != DEFAULT_LANGUAGE
            and path.is_file()
            and english_path.is_file()
        ):
            english, _ = scan_page(english_path, root, DEFAULT_LANGUAGE, rel)
            scan, _ = scan_page(path, root, lang, rel)
            found = differences(english, scan) if english and scan else []
            if found:
                for problem in found:
                    print(problem.format())
                print(
                    f"translated: {page}: not recorded: it does not cite and state what "
                    f"docs/en/{rel} does (above)",
                    file=sys.stderr,
                )
                status = 1
                continue
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
    add.add_argument(
        "text",
        help="the article's text file (UTF-8), or - for standard input; "
        "it is not committed, so it can live outside the project folder",
    )
    add.add_argument("--language", help="the article's language (BCP 47: ja, fr, de ...)")
    add.add_argument(
        "--title",
        help="the original headline, exactly as published (¶1 of the "
        "text); with --no-headline, a short description of your own",
    )
    add.add_argument(
        "--no-headline",
        action="store_true",
        help="the capture has no headline: the title becomes "
        "'[No headline captured] ' (in the article's language) followed "
        "by --title, or by the first words of ¶1",
    )
    for lang in LANGUAGES:  # every language with a record; the site's are kept
        add.add_argument(f"--title-{lang}", metavar="TEXT", help=f"the title in '{lang}'")
    add.add_argument(
        "--outlet",
        help="outlet or publisher (leave out if not identified; an "
        "agency's article on another site: 'Reuters via <site>')",
    )
    add.add_argument("--author", help="author (leave out if none is stated)")
    add.add_argument("--published", help="date published: YYYY-MM-DD, YYYY-MM or YYYY")
    add.add_argument(
        "--precision",
        choices=PRECISIONS,
        help="how exact the date is: approximate for a date inferred from the "
        "text (default: from the date's form; asked in a terminal)",
    )
    add.add_argument("--url", help="the article's http(s) address")
    add.add_argument("--kind", help="one of: " + ", ".join(KINDS))
    for lang in LANGUAGES:
        add.add_argument(f"--note-{lang}", metavar="TEXT", help=f"the note for '{lang}' readers")
    add.add_argument("--accessed", help="date captured, YYYY-MM-DD (default: today)")
    add.add_argument(
        "--id",
        help="the source's id: lower-case letters, digits and hyphens, "
        "e.g. mynavi-h200-nvidia-2026-01 (default: derived from outlet, title, "
        "date)",
    )
    add.add_argument("--original-file", help="the capture's original file name")
    tra = sub.add_parser(
        "translated", help="record that translated pages now match their English page"
    )
    tra.add_argument("pages", nargs="*", help="translated pages, e.g. docs/ja/chips.md")
    tra.add_argument(
        "--sources",
        nargs="+",
        default=[],
        metavar="ID",
        help="sources whose paragraph translations now match the original",
    )
    trs = sub.add_parser(
        "translations", help="write or update a source's paragraph-translations file"
    )
    trs.add_argument("ids", nargs="+", metavar="ID", help="source ids, e.g. h200-approval-ja")
    con = sub.add_parser(
        "contested",
        help="scaffold a contested figure: its claim, a section in each language, a log entry",
    )
    con.add_argument("claim_id")
    sub.add_parser(
        "status",
        help="per language, what the project still needs: pending texts and drafts",
    )
    ren = sub.add_parser(
        "rename",
        help="rename a source id (OLD NEW) or a page (OLD.md NEW.md, inside docs/<lang>/), "
        "with every file and reference that names it",
    )
    ren.add_argument("old")
    ren.add_argument("new")
    acc = sub.add_parser(
        "accounts",
        help="replace the article text held in a source file by slots for the site's "
        "account of each paragraph",
    )
    acc.add_argument("ids", nargs="+", metavar="ID", help="source ids")
    exp = sub.add_parser(
        "export-markdown",
        help="write every page of every language, fully expanded, as Markdown (for another "
        "generator)",
    )
    exp.add_argument("target", type=Path, metavar="DIR")
    par = sub.add_parser("parity", help="compare translations: same citations, same figures")
    par.add_argument("pages", nargs="*", help="page paths inside docs/<lang>/, e.g. chips.md")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    if args.command == "parity":
        return parity(args.root, args.pages)
    if args.command == "export-markdown":
        return export_markdown(args.root, args.target)
    if args.command == "new":
        return new(args)
    if args.command == "translated":
        if not args.pages and not args.sources:
            parser.error("give translated pages, or --sources ID ...")
        return max(
            translated(args.root, args.pages) if args.pages else 0,
            translated_sources(args.root, args.sources) if args.sources else 0,
        )
    if args.command == "translations":
        return translations(args.root, args.ids)
    if args.command == "accounts":
        return accounts(args.root, args.ids)
    if args.command == "contested":
        return contested(args.root, args.claim_id)
    if args.command == "status":
        return status(args.root)
    if args.command == "rename":
        return rename(args.root, args.old, args.new)
    return check(args.root)
