"""On every page: a "cite this page" box (plain and BibTeX) and JSON-LD describing the page
and the sources it cites (schema.org), both built from the records."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .exports import BIB_LANGIDS, CSL_TYPES, latex_escape
from .model import Source
from .strings import label

SCHEMA_TYPES = {"article-newspaper": "NewsArticle", "report": "Report",
                "post-weblog": "BlogPosting", "webpage": "WebPage", "document": "DigitalDocument"}


def source_ld(source: Source) -> dict[str, Any]:
    """A source as a schema.org CreativeWork."""
    item: dict[str, Any] = {
        "@type": SCHEMA_TYPES.get(CSL_TYPES.get(source.kind, "webpage"), "CreativeWork"),
        "name": source.title_original, "inLanguage": source.language,
        "datePublished": source.published.iso,
    }
    if source.url:
        item["url"] = source.url
    if source.outlet:
        item["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.author:
        item["author"] = {"@type": "Person", "name": source.author}
    return item


def page_ld(lang: str, title: str, url: str, site_url: str, day: dt.date | None,
            cited: list[Source], about: Source | None = None) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "WebPage", "name": title, "url": url,
        "inLanguage": lang,
        "isPartOf": {"@type": "WebSite", "name": label("site_name", lang), "url": site_url},
    }
    if day:
        data["dateModified"] = day.isoformat()
    if about is not None:
        data["about"] = source_ld(about)
    if cited:
        data["citation"] = [source_ld(s) for s in cited]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" or "<!--" would end or confuse the element: escape < > &.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bibtex_key(lang: str, path: str) -> str:
    slug = "-".join(p for p in path.strip("/").split("/") if p and p != lang) or "home"
    return f"h200briefing-{lang}-{slug}"


def cite_box(lang: str, title: str, url: str, path: str, site_url: str,
             day: dt.date | None, cited: list[Source], about: Source | None = None) -> str:
    from .render import ENV, format_day

    site = label("site_name", lang)
    if day:
        plain = label("cite_plain", lang).format(site=site, title=title, url=url,
                                                 date=format_day(day, lang))
    else:
        plain = label("cite_plain_nodate", lang).format(site=site, title=title, url=url)
    fields = [("title", "{" + latex_escape(title) + "}"), ("organization", latex_escape(site))]
    if day:
        fields += [("date", day.isoformat()), ("year", str(day.year))]
    fields += [("url", url), ("langid", BIB_LANGIDS[lang])]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    bibtex = f"@online{{{bibtex_key(lang, path)},\n{body}\n}}"
    return ENV.get_template("cite_page.html.j2").render(
        lang=lang, plain=plain, bibtex=bibtex,
        json_ld=page_ld(lang, title, url, site_url, day, cited, about))
