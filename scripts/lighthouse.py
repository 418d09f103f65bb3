"""Record Lighthouse (mobile) scores and transferred bytes for key pages, in every language.

    .venv/bin/python scripts/lighthouse.py [--site site] [--runs 3] [--each] [page ...]

Builds nothing: run `make build` first. Serves the built site on 127.0.0.1 under its base
path, compressing text with gzip as static hosts such as GitHub Pages do, runs Lighthouse
13.5.0 (from the npm registry, through npx) with Debian's Chromium, three times per page
by default, and prints the medians as a Markdown
table (with `--each`, also every audit's performance score, to show how much one page's score
moves between audits). These are measured figures, not test assertions. `--write
BENCHMARKS.md` also puts them in that file, in this script's section.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from benchmark import Tee, commit, write_section

LIGHTHOUSE = "lighthouse@13.5.0"
BASE = "/h200-briefing/"
LANGUAGE_PREFIXES = ["", "ja/", "fr/", "de/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the site as a static host does: under its base path, text gzipped on request."""

    COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg")

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in self.COMPRESS):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        return super().translate_path("/" + path[len(BASE) :] if path.startswith(BASE) else path)


def audit(url: str, out: Path) -> dict[str, float]:
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    subprocess.run(
        [
            "npx",
            "--yes",
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
            "--disable-background-networking --disable-component-update --disable-sync",
        ],
        check=True,
        env=env,
    )
    report = json.loads(out.read_text("utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return scores


def default_pages(site: Path) -> list[str]:
    """The home page, the chip comparison and the largest source page, in every language."""
    largest = max((site / "sources").glob("*/index.html"), key=lambda p: p.stat().st_size)
    source = f"sources/{largest.parent.name}/"
    return [prefix + page for page in ("", "chips/", source) for prefix in LANGUAGE_PREFIXES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument(
        "pages",
        nargs="*",
        help="paths under the site root (default: the home "
        "page, the chip comparison and the largest source page, in every language)",
    )
    parser.add_argument("--runs", type=int, default=3, help="audits of each page (the median)")
    parser.add_argument(
        "--each", action="store_true", help="also list every audit's performance score"
    )
    parser.add_argument("--write", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if args.write:
        sys.stdout = Tee(sys.stdout)
    pages = args.pages or default_pages(args.site)
    handler = functools.partial(Handler, directory=str(args.site.resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}{BASE}"
    print(f"Command: .venv/bin/python scripts/lighthouse.py {' '.join(sys.argv[1:])}")
    print(f"Commit {commit()}, Lighthouse {LIGHTHOUSE}, mobile preset.")
    print(f"Median of {args.runs} audits of each page.")
    print()
    each = " Performance of each audit |" if args.each else ""
    print(f"| Page | Performance | Accessibility | Best practices | SEO | Transferred |{each}")
    print("|---|---:|---:|---:|---:|---:|" + ("---|" if args.each else ""))
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            runs = [audit(root + page, Path(tmp) / "report.json") for _ in range(args.runs)]
            s = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            scores = ", ".join(f"{run['performance']:.0f}" for run in runs)
            print(
                f"| /{page} | {s['performance']:.0f} | {s['accessibility']:.0f} | "
                f"{s['best-practices']:.0f} | {s['seo']:.0f} | {s['bytes'] / 1024:.0f} KiB |"
                + (f" {scores} |" if args.each else ""),
                flush=True,
            )
    server.shutdown()
    if isinstance(sys.stdout, Tee):
        write_section(args.write, "lighthouse.py", "## Lighthouse\n\n" + sys.stdout.text())


if __name__ == "__main__":
    main()
