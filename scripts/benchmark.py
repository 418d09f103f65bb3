"""Measure the build at scale, the hooks' cost, page weight and the live preview.

    .venv/bin/python scripts/benchmark.py [--sizes 100 1000] [--large 10000] [--serve]

For each size N it writes, in a temporary folder, a project with N synthetic sources
(Japanese, French and German in turn, six paragraphs each, recorded as the site's accounts
in the four languages) and N/10 pages per language
(in navigation sections of 20, as an editor groups a growing briefing's pages; the
environment variable BENCH_SECTION changes that size), each citing ten sources
by paragraph, in all four languages. It builds that project (`mkdocs build`: our hooks
generate the citations index, N source pages per language, What's new, feeds, downloads and
the search index), then the *same pages* without our hooks: the generated pages written out
beforehand as plain Markdown, citations as plain links. Three builds of each, interleaved
(hooks, plain, hooks, ...), each in a fresh process; it reports the medians of wall time,
the build's peak memory, the output size and the ratio of the two. The hooks' figure is
also given without the search index (Pagefind), which the plain build does not make.

`--large N` builds one project of N sources with the hooks only (the site's room to grow):
time, memory, output, and the HTML bytes of a source page and where they go.

`--serve` measures the live preview on a copy of the real project: the time from saving a
source, a page or a data file to the served page showing the change, five edits of each,
previewing one language (`make serve LANG=ja`) and every language.

These are measurements, printed as Markdown tables; nothing here asserts a time.
`--write BENCHMARKS.md` also writes them, with the date, the commit and the machine, to that
file: the one place the project keeps its figures (README states none, so none goes stale).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import TextIO

from briefing.languages import site_codes, spaced
from briefing.urls import lang_prefix

ROOT = Path(__file__).resolve().parent.parent
LANGS = site_codes(ROOT)
SOURCE_LANGS = ("ja", "fr", "de")
WORDS = {
    "fr": "le la les des puces exportation licence régulateurs entreprises marché accord "
    "achat approbation gouvernement chinois américain commande mémoire calcul".split(),
    "de": "die der das Chips Export Lizenz Regulierer Unternehmen Markt Abkommen Kauf "
    "Genehmigung Regierung chinesisch amerikanisch Bestellung Speicher Leistung".split(),
    "ja": "輸出 許可 規制 当局 企業 市場 合意 購入 承認 政府 中国 米国 注文 メモリ 演算 半導体 "
    "チップ 需要".split(),
    "en": "chips export licence regulators companies market deal purchase approval "
    "government Chinese American order memory compute".split(),
    "zh": "出口 许可 监管 机构 企业 市场 协议 采购 批准 政府 中国 美国 订单 内存 算力 芯片".split(),
}
NOTE = {"en": "Synthetic.", "ja": "合成データ。", "fr": "Synthétique.", "de": "Synthetisch."}
NOTE["zh"] = "合成数据。"
# Pages per navigation section. An editor groups a growing briefing's pages by topic; with
# `navigation.prune` a page carries its own section's links, so one section of N/10 pages
# would put N/10 links on every page (1,000 at 10,000 sources).
SECTION = int(os.environ.get("BENCH_SECTION", "20"))


def sentence(rng: random.Random, lang: str, words: int) -> str:
    gap, stop = (" ", ".") if spaced(lang) else ("", "。")
    return gap.join(rng.choice(WORDS[lang]) for _ in range(words)) + stop


def source_text(index: int, lang: str, rng: random.Random) -> tuple[str, str, list[str]]:
    """A synthetic source as an editor now records one: its record, and the site's account
    of each of its six paragraphs in every site language (no article text)."""
    title = sentence(rng, lang, 6).rstrip("。.")
    paragraphs = [" ".join(sentence(rng, lang, 14) for _ in range(4)) for _ in range(6)]
    front = (
        f"""---
id: bench-{index:05d}
language: {lang}
title:
  original: "{title}"
"""
        + "".join(
            f'  {site}: "Synthetic source {index} ({site})"\n' for site in LANGS if site != lang
        )
        + f"""outlet: "Bench Outlet {index % 37}"
author: null
published: {{date: "20{22 + index % 5}-{1 + index % 12:02d}-{1 + index % 28:02d}", precision: day}}
accessed: 2026-11-23
url: "https://bench.example/{index}"
kind: news-report
note: {{{", ".join(f'{site}: "{NOTE[site]}"' for site in LANGS)}}}
removed: []
---
"""
    )
    accounts = [f"source: bench-{index:05d}", "paragraphs:"]
    for n, paragraph in enumerate(paragraphs, start=1):
        accounts.append(f"  - n: {n}")
        for site in LANGS:
            text = (
                paragraph if site == lang else " ".join(sentence(rng, site, 14) for _ in range(3))
            )
            accounts.append(f'    {site}: "{text}"')
    return front, "\n".join(accounts) + "\n", paragraphs


def page_text(lang: str, page: int, n_sources: int, rng: random.Random) -> str:
    lines = [f"# Page {page} ({lang})", ""]
    for k in range(10):
        source = (page * 10 + k) % n_sources
        lines += [f"{sentence(rng, lang, 18)} [@bench-{source:05d}, ¶{1 + k % 6}]", ""]
    return "\n".join(lines)


def _theme_without_hooks(folder: Path) -> None:
    """The project's theme overrides, made to build without the hooks' globals and filter."""
    (folder / "overrides" / "404.html").unlink()  # it uses the hooks' labels
    (folder / "overrides" / "partials" / "copyright.html").unlink()  # and the publisher
    main = folder / "overrides" / "main.html"  # and blocks the hooks' filters
    text = main.read_text("utf-8")
    text = re.sub(r"super\(\) \| briefing_\w+", "super()", text)
    main.write_text(text.replace("| briefing_json", "| tojson"), "utf-8")


def write_project(folder: Path, n_sources: int, hooks: bool) -> None:
    """A project with our hooks, or the same pages as plain Markdown without them."""
    from briefing.freshness import english_hash

    rng = random.Random(n_sources)
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copytree(
        ROOT / "scripts", folder / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    (folder / "docs").mkdir()
    for lang in LANGS:
        (folder / "docs" / lang).mkdir()
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    (folder / "seeds").mkdir()  # mkdocs.yml watches it
    (folder / "data").mkdir()  # watched too; no timeline, chips or glossary here
    sources = []
    for index in range(n_sources):
        lang = SOURCE_LANGS[index % 3]
        text, accounts, paragraphs = source_text(index, lang, rng)
        sources.append((index, lang, paragraphs))
        if hooks:
            (folder / "seeds" / f"bench-{index:05d}.md").write_text(text, "utf-8")
            (folder / "seeds" / f"bench-{index:05d}.accounts.yml").write_text(accounts, "utf-8")
    n_pages = max(1, n_sources // 10)
    english = {}
    for lang in LANGS:
        rng_lang = random.Random(f"{n_sources}-{lang}")
        pages = {
            "index.md": f"# Benchmark ({lang})\n\nSynthetic corpus of {n_sources} "
            f"sources. [@bench-00000, ¶1]\n"
        }
        for page in range(n_pages):
            pages[f"page-{page:04d}.md"] = page_text(lang, page, n_sources, rng_lang)
        for name, text in pages.items():
            if not hooks:
                text = re.sub(r"\[@(bench-\d+), ¶(\d+)\]", r"[\1 ¶\2](sources/\1.md#p\2)", text)
            if lang == "en":
                english[name] = text
            elif hooks:
                text = f'---\ntranslated_from: "{english_hash(english[name])}"\n---\n{text}'
            (folder / "docs" / lang / name).write_text(text, "utf-8")
        if not hooks:  # the pages our hooks would generate, as plain Markdown
            (folder / "docs" / lang / "sources").mkdir()
            rows = ["# Sources", "", "| Source | Outlet | Published |", "|---|---|---|"]
            for index, src_lang, paragraphs in sources:
                ident = f"bench-{index:05d}"
                rows.append(f"| [{ident}]({ident}.md) | Bench Outlet {index % 37} | 2026 |")
                body = [f"# Synthetic source {index}", "", f"Language: {src_lang}", ""]
                body += [
                    f'<p id="p{n}" lang="{src_lang}">{text}</p>\n'
                    for n, text in enumerate(paragraphs, start=1)
                ]
                (folder / "docs" / lang / "sources" / f"{ident}.md").write_text(
                    "\n".join(body), "utf-8"
                )
            (folder / "docs" / lang / "sources" / "index.md").write_text("\n".join(rows), "utf-8")
            (folder / "docs" / lang / "whats-new.md").write_text(
                "# What's new\n\n"
                + "\n".join(f"- 2026-11-23: source {i}" for i, _, _ in sources[:100])
                + "\n",
                "utf-8",
            )
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    nav_lines = ["nav:", "  - index.md", "  - Pages:"]
    for first in range(0, n_pages, SECTION):  # sections of SECTION pages each
        last = min(first + SECTION, n_pages) - 1
        nav_lines.append(f"      - Pages {first}-{last}:")
        nav_lines += [f"          - page-{p:04d}.md" for p in range(first, last + 1)]
    nav = "\n".join(nav_lines + ["  - sources/index.md", "  - whats-new.md"])
    config = re.sub(r"\nnav:\n(  .*\n)+", "\n" + nav + "\n", config)
    config = re.sub(r"nav_translations: \{[^}]*\}", "", config)
    if not hooks:
        _theme_without_hooks(folder)
        config = config.replace("hooks:\n  - scripts/hooks.py\n", "")
        config = config.replace(
            "not_in_nav: |\n  /*/sources/*.md", "not_in_nav: |\n  /sources/*.md\n  /*/sources/*.md"
        )
    (folder / "mkdocs.yml").write_text(config, "utf-8")


def measure_build(folder: Path, search: bool = True) -> dict[str, float]:
    """Build in a fresh process; wall time, that process's peak memory, output size."""
    site = folder / "site"
    code = (
        "import json,resource,subprocess,sys,time;t=time.perf_counter();"
        "r=subprocess.run([sys.executable,'-m','mkdocs','build','-q','-d',sys.argv[1]],"
        "cwd=sys.argv[2]);w=time.perf_counter()-t;"
        "print(json.dumps({'rc':r.returncode,'wall':w,"
        "'rss':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFING_SEARCH": "on" if search else "off"}
    shutil.rmtree(site, ignore_errors=True)
    out = subprocess.run(
        [sys.executable, "-c", code, str(site), str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise SystemExit(f"build failed in {folder}:\n{out.stderr[-3000:]}")
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    files = sum(1 for p in site.rglob("*.html"))
    return {
        "wall": result["wall"],
        "rss_mb": result["rss"] / 1024,
        "size_mb": size / 1e6,
        "html": files,
    }


EDITS = ("source", "page", "data")  # what an editor saves during the preview


def _edit(folder: Path, kind: str, lang: str, marker: str) -> str:
    """Save one edit of `kind` that shows `marker` on a page of `lang`; that page's path."""
    prefix = "" if lang == "en" else f"{lang}/"
    if kind == "source":  # the note of a source, shown on its page
        seed = folder / "seeds" / "h200-approval-gate-fr.md"
        head, note = seed.read_text("utf-8").split("\nnote:\n", 1)
        note = re.sub(rf'^(  {lang}: ")', rf"\1{marker} ", note, count=1, flags=re.MULTILINE)
        seed.write_text(head + "\nnote:\n" + note, "utf-8")
        return f"{prefix}sources/h200-approval-gate-fr/"
    if kind == "page":  # a paragraph added to a page
        page = folder / "docs" / lang / "method.md"
        page.write_text(page.read_text("utf-8") + f"\n{marker}\n", "utf-8")
        return f"{prefix}method/"
    data = folder / "data" / "timeline.yml"  # an event's text, shown on the timeline
    text = data.read_text("utf-8")
    data.write_text(re.sub(rf'(\n      {lang}: ")', rf"\1{marker} ", text, count=1), "utf-8")
    return f"{prefix}timeline/"


def measure_serve(
    lang: str | None = None, edits: int = 5, timeout: float = 120.0
) -> dict[str, list[float]]:
    """Seconds from saving an edit to `mkdocs serve` serving the changed page (a copy of the
    real project), for each kind of edit, `edits` times each. With `lang`, the preview builds
    that language only (`make serve LANG=ja`); without, every language."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "project"
        folder.mkdir()
        for name in ("mkdocs.yml", "docs", "seeds", "overrides", "scripts", "data"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, folder / name)
        port = 8765
        with socket.socket() as probe:  # another server there would answer for the preview
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(
                    f"port {port} is in use: stop what serves on 127.0.0.1:{port} and run again"
                )
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if lang:
            env["BRIEFING_LANGUAGES"] = lang
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-q", "-a", f"127.0.0.1:{port}"],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}/h200-briefing/"

        def fetch(path: str) -> str:
            try:
                with urllib.request.urlopen(base + path, timeout=5) as response:
                    body: bytes = response.read()
                    return body.decode("utf-8")
            except OSError:
                return ""

        shown = lang or "en"
        times: dict[str, list[float]] = {kind: [] for kind in EDITS}
        try:
            deadline = time.monotonic() + timeout
            while "bf-cite" not in fetch(("" if shown == "en" else f"{shown}/") + "timeline/"):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("mkdocs serve did not start")
                time.sleep(0.2)
            time.sleep(2)  # let the watcher settle
            for _ in range(edits):
                for kind in EDITS:
                    marker = "Zq" + "".join(random.choice("bcdfghjklmnpqrstvwxz") for _ in range(8))
                    start = time.monotonic()
                    path = _edit(folder, kind, shown, marker)
                    while marker not in fetch(path):
                        if time.monotonic() > start + timeout:
                            raise SystemExit(f"the {kind} edit never appeared on {path}")
                        time.sleep(0.05)
                    times[kind].append(time.monotonic() - start)
                    time.sleep(1)  # the next edit starts from a quiet preview
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def median(values: list[float]) -> float:
    return statistics.median(values)


def source_page_bytes(site: Path) -> dict[str, int]:
    """Where the bytes of a source page go (the largest one of the default language)."""
    page = max((site / "sources").glob("*/index.html"), key=lambda p: p.stat().st_size)
    html = page.read_text("utf-8")
    parts = {
        "head": r"<head>.*?</head>",
        "header and search": r'<header class="md-header.*?(?=<div class="md-container)',
        "navigation": r"<nav class=\"md-nav md-nav--primary\".*?</nav>\s*</div>\s*</div>\s*</div>",
        "source text and notes": r"<article.*?(?=<aside class=\"bf-cite-page|</article>)",
        "cite box and JSON-LD": r"<aside class=\"bf-cite-page.*?</aside>\s*<script.*?</script>",
        "scripts": r"<script id=\"__config\".*",
    }
    sizes = {"whole page": len(html.encode())}
    for name, pattern in parts.items():
        match = re.search(pattern, html, re.DOTALL)
        sizes[name] = len(match.group(0).encode()) if match else 0
    sizes["other"] = sizes["whole page"] - sum(v for k, v in sizes.items() if k != "whole page")
    return sizes


def write_same_html(hooks_folder: Path, dest: Path) -> None:
    """The pages the hooks built, each one's article as raw HTML in a plain Markdown page, in
    a project without hooks: MkDocs and the theme do the same work on the same content, and
    only what the hooks compute is missing (the strictest sense of "the same pages")."""
    site = hooks_folder / "site"
    for name in ("mkdocs.yml", "overrides", "data"):
        src = hooks_folder / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    shutil.copytree(hooks_folder / "docs" / "assets", dest / "docs" / "assets")
    (dest / "seeds").mkdir()
    _theme_without_hooks(dest)
    for lang in LANGS:
        root = site / lang_prefix(lang)
        for page in root.rglob("index.html"):
            rel = page.relative_to(root).parent.as_posix()
            if lang == "en" and rel.split("/")[0] in LANGS:
                continue  # another language's page
            if rel.startswith(("pagefind", "assets")):
                continue
            html = page.read_text("utf-8")
            # The article's content, without the wrapper the theme's template adds again.
            article = re.search(
                r"<article[^>]*>\s*<div data-pagefind-body>(.*)</div>\s*</article>", html, re.DOTALL
            )
            title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
            if not article:
                continue
            name = "index.md" if rel == "." else f"{rel}.md"
            if name == "sources.md":
                name = "sources/index.md"
            target = dest / "docs" / lang / name
            target.parent.mkdir(parents=True, exist_ok=True)
            heading = re.sub(r"<[^>]+>", "", title.group(1)) if title else rel
            body = article.group(1).replace("\n\n", "\n")
            target.write_text(f"---\ntitle: {json.dumps(heading)}\n---\n\n{body}\n", "utf-8")
    config = (dest / "mkdocs.yml").read_text("utf-8").replace("hooks:\n  - scripts/hooks.py\n", "")
    config = re.sub(r"\n  - scripts/briefing/[^\n]*", "", config)  # watched by the hooks' project
    (dest / "mkdocs.yml").write_text(config, "utf-8")


def compare_builds(sizes: list[int], repeat: int) -> None:
    print(
        "| Sources | HTML files | With hooks | Same pages without hooks | Hooks / plain "
        "| Hooks without search index / plain | Same HTML without hooks "
        "| Hooks without search index / same HTML | Peak memory (hooks / plain) "
        "| Output (hooks / plain) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            with_hooks, plain = Path(tmp) / "hooks", Path(tmp) / "plain"
            with_hooks.mkdir()
            plain.mkdir()
            write_project(with_hooks, n, hooks=True)
            write_project(plain, n, hooks=False)
            same = Path(tmp) / "same"
            same.mkdir()
            measure_build(with_hooks, search=False)  # the pages the next project copies
            write_same_html(with_hooks, same)
            runs: dict[str, list[dict[str, float]]] = {
                "hooks": [],
                "plain": [],
                "nosearch": [],
                "same": [],
            }
            for _ in range(repeat):  # interleaved, so that a busy moment hits all alike
                runs["hooks"].append(measure_build(with_hooks))
                runs["plain"].append(measure_build(plain))
                runs["nosearch"].append(measure_build(with_hooks, search=False))
                runs["same"].append(measure_build(same, search=False))
            wall = {k: median([r["wall"] for r in v]) for k, v in runs.items()}
            rss = {k: median([r["rss_mb"] for r in v]) for k, v in runs.items()}
            a, b = runs["hooks"][-1], runs["plain"][-1]
            print(
                f"| {n} | {a['html']:.0f} / {b['html']:.0f} | {wall['hooks']:.1f} s "
                f"| {wall['plain']:.1f} s | {wall['hooks'] / wall['plain']:.2f} "
                f"| {wall['nosearch'] / wall['plain']:.2f} | {wall['same']:.1f} s "
                f"| {wall['nosearch'] / wall['same']:.2f} "
                f"| {rss['hooks']:.0f} / {rss['plain']:.0f} MB "
                f"| {a['size_mb']:.0f} / {b['size_mb']:.0f} MB |",
                flush=True,
            )


def output_parts(site: Path) -> dict[str, int]:
    """Where a built site's bytes go: source pages (every language), other pages, the search
    index, downloads, sitemap and the rest."""
    parts = dict.fromkeys(
        ("source pages", "other pages", "search index", "downloads", "sitemap", "the rest"), 0
    )
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).parts
        inner = rel[1:] if rel[0] in LANGS else rel
        if rel[0] == "pagefind":
            part = "search index"
        elif inner[0] == "downloads":
            part = "downloads"
        elif rel[0].startswith("sitemap"):
            part = "sitemap"
        elif path.suffix == ".html" and inner[0] == "sources" and len(inner) == 3:
            part = "source pages"
        elif path.suffix == ".html":
            part = "other pages"
        else:
            part = "the rest"
        parts[part] += path.stat().st_size
    return parts


def large_build(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hooks"
        folder.mkdir()
        write_project(folder, n, hooks=True)
        result = measure_build(folder)
        print(
            f"{n} sources in four languages, with the hooks and the search index: "
            f"{result['wall'] / 60:.1f} min, peak memory {result['rss_mb']:.0f} MB, "
            f"{result['html']:.0f} HTML files, output {result['size_mb']:.0f} MB "
            f"({result['size_mb'] / n * 1000:.0f} MB per 1,000 sources)"
        )
        print()
        site = folder / "site"
        parts = output_parts(site)
        source_pages = sum(1 for _ in site.glob("**/sources/*/index.html"))
        print("| Output | MB |")
        print("|---|---:|")
        for name, size in parts.items():
            print(f"| {name} | {size / 1e6:,.0f} |")
        print()
        print(
            f"{source_pages:,} source pages, {parts['source pages'] / source_pages:,.0f} bytes "
            "each on average"
        )
        print()
        print("| The largest source page's HTML (default language) | Bytes |")
        print("|---|---:|")
        for name, size in source_page_bytes(site).items():
            print(f"| {name} | {size:,} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each, interleaved")
    parser.add_argument("--large", type=int, nargs="*", default=[], help="one build of N")
    parser.add_argument("--serve", action="store_true", help="also measure the live preview")
    parser.add_argument("--edits", type=int, default=5, help="edits of each kind (--serve)")
    parser.add_argument("--write", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if args.write:
        sys.stdout = Tee(sys.stdout)
    print(f"Command: .venv/bin/python scripts/benchmark.py {' '.join(sys.argv[1:])}")
    print(f"Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {commit()}")
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print()
    if args.sizes:
        compare_builds(args.sizes, args.repeat)
        print()
    for n in args.large:
        large_build(n)
        print()
    if args.serve:
        print(
            "| Live preview: save → page shows it (median of "
            f"{args.edits}) | Source | Page | Data file |"
        )
        print("|---|---:|---:|---:|")
        for lang, label in (
            ("ja", "`make serve LANG=ja` (Japanese)"),
            (None, "`make serve` (every language)"),
        ):
            times = measure_serve(lang, edits=args.edits)
            cells = " | ".join(f"{median(times[kind]):.2f} s" for kind in EDITS)
            print(f"| {label} | {cells} |", flush=True)
    if isinstance(sys.stdout, Tee):
        write_section(args.write, "benchmark.py", "## Build and preview\n\n" + sys.stdout.text())
    return 0


BENCHMARKS_HEAD = """# Benchmarks

The project's figures of speed and size, each section written by the script it names
(`--write BENCHMARKS.md`) with its command, date, commit and machine; README states none, so
none goes stale. This machine's speed varies during a day by more than some differences
measured here: compare figures within one run; the ratios hold better than the times.
"""


def write_section(path: Path, script: str, text: str) -> None:
    """Replace `script`'s section of the figures file (or add it), leaving the others."""
    begin, end = f"<!-- written by scripts/{script} -->", f"<!-- end of scripts/{script} -->"
    old = path.read_text(encoding="utf-8") if path.exists() else BENCHMARKS_HEAD
    section = f"{begin}\n{text.strip()}\n{end}"
    if begin in old and end in old:
        new = old[: old.index(begin)] + section + old[old.index(end) + len(end) :]
    else:
        new = f"{old.rstrip()}\n\n{section}\n"
    path.write_text(new, encoding="utf-8")


class Tee(io.TextIOBase):
    """Standard output that also keeps what was printed, for `--write`."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.kept = out, io.StringIO()

    def write(self, text: str) -> int:
        self.kept.write(text)
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()

    def text(self) -> str:
        return self.kept.getvalue()


def commit() -> str:
    """The short hash of the commit measured."""
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


if __name__ == "__main__":
    raise SystemExit(main())
