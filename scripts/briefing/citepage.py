"""On every page: a "cite this page" box (plain and BibTeX) and JSON-LD describing the page
and the sources it cites (schema.org), both built from the records."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from .catalogue import GeneratedPage
from .citations import find_citations
from .data import RATINGS, Claim
from .directives import occurrences, options_of, without
from .exports import CSL_TYPES, latex_escape
from .history import History
from .languages import record
from .model import Source
from .project import Project
from .strings import label
from .templating import ENV, format_day, with_quotes

SCHEMA_TYPES = {
    "article-newspaper": "NewsArticle",
    "report": "Report",
    "post-weblog": "BlogPosting",
    "webpage": "WebPage",
    "document": "DigitalDocument",
}


def source_ld(source: Source, lang: str) -> dict[str, Any]:
    """A source as a schema.org CreativeWork; a title the site wrote (no headline captured)
    is given in the page's language, never as the outlet's."""
    item: dict[str, Any] = {
        "@type": SCHEMA_TYPES.get(CSL_TYPES.get(source.kind, "webpage"), "CreativeWork"),
        "name": source.titles[lang] if source.title_is_ours else source.title_original,
        "inLanguage": source.language,
        "datePublished": source.published.iso,
    }
    if source.url:
        item["url"] = source.url
    if source.outlet:
        item["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.author:
        item["author"] = {"@type": "Person", "name": source.author}
    return item


def page_ld(
    lang: str,
    title: str,
    url: str,
    site_url: str,
    day: dt.date | None,
    cited: list[Source],
    about: Source | None = None,
) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": title,
        "url": url,
        "inLanguage": lang,
        "isPartOf": {"@type": "WebSite", "name": label("site_name", lang), "url": site_url},
    }
    if day:
        data["dateModified"] = day.isoformat()
    if about is not None:
        data["about"] = source_ld(about, lang)
    if cited:
        data["citation"] = [source_ld(s, lang) for s in cited]
    return _script_json(data)


def claim_reviews(
    body: str,
    lang: str,
    url: str,
    site_url: str,
    day: dt.date | None,
    claims: Mapping[str, Claim],
    sources: Mapping[str, Source],
) -> list[str]:
    """One schema.org ClaimReview per claim-review directive in a page: the claim, who
    made it and where, the site's rating, and as its reasoning the assessment paragraph
    that follows the directive (citations and Markdown removed)."""
    reviews = []
    for match in occurrences(body, "claim-review"):
        claim = claims.get(options_of(match.group(2)).get("id", ""))
        if claim is None:
            continue
        # The assessment is the paragraph after this directive (and after any other
        # claim-review directives stacked on it: one assessment may rate several claims).
        section = body[match.end() :].split("\n\n## ", 1)[0]
        after = without(section, "claim-review")
        reasoning = next((block for block in after.split("\n\n") if block.strip()), "")
        cites, _ = find_citations(reasoning, "")
        for citation in reversed(cites):
            reasoning = reasoning[: citation.start] + reasoning[citation.end :]
        reasoning = re.sub(r"\s+([.,;:。、])", r"\1", re.sub(r"[*_`]", "", reasoning)).strip()
        made_by = [sources[c] for c in claim.claimants if c in sources]
        item: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{url}#claim-{claim.id}",
            "inLanguage": lang,
            "claimReviewed": claim.text[lang],
            "author": {"@type": "Organization", "name": label("site_name", lang), "url": site_url},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATINGS[claim.rating],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": label(f"rating_{claim.rating}", lang),
            },
            "reviewBody": reasoning,
            "itemReviewed": {"@type": "Claim", "appearance": [source_ld(s, lang) for s in made_by]},
        }
        if made_by:
            first = made_by[0]
            item["itemReviewed"]["datePublished"] = first.published.iso
            if first.outlet or first.author:
                item["itemReviewed"]["author"] = (
                    {"@type": "Person", "name": first.author}
                    if first.author
                    else {"@type": "Organization", "name": first.outlet}
                )
        if day:
            item["datePublished"] = day.isoformat()
        reviews.append(_script_json(item))
    return reviews


def _script_json(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" or "<!--" would end or confuse the element: escape < > &.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bibtex_key(lang: str, path: str) -> str:
    slug = "-".join(p for p in path.strip("/").split("/") if p and p != lang) or "home"
    return f"h200briefing-{lang}-{slug}"


def cite_box(
    lang: str,
    title: str,
    url: str,
    path: str,
    site_url: str,
    day: dt.date | None,
    cited: list[Source],
    about: Source | None = None,
    reviews: list[str] | None = None,
) -> str:
    site = label("site_name", lang)
    if day:
        plain = label("cite_plain", lang).format(
            site=site, title=title, url=url, date=format_day(day, lang)
        )
    else:
        plain = label("cite_plain_nodate", lang).format(site=site, title=title, url=url)
    fields = [("title", "{" + latex_escape(title) + "}"), ("organization", latex_escape(site))]
    if day:
        fields += [("date", day.isoformat()), ("year", str(day.year))]
    fields += [("url", url), ("langid", record(lang).bib_langid or lang)]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    bibtex = f"@online{{{bibtex_key(lang, path)},\n{body}\n}}"
    return ENV.get_template("cite_page.html.j2").render(
        lang=lang,
        plain=plain,
        bibtex=bibtex,
        json_ld=page_ld(lang, title, url, site_url, day, cited, about),
        reviews=reviews or [],
    )


def page_cite_box(
    project: Project,
    lang: str,
    title: str,
    page_url: str,
    site_url: str,
    history: History,
    generated: GeneratedPage | None = None,
    rel: str = "",
) -> str:
    """The box and JSON-LD of one page: a hand-written page (`rel`, its path in the
    language's folder: dated by its file and the data files it shows, citing what it
    cites, with its claim reviews) or a generated one (dated by what it presents)."""
    about, cited, reviews = None, [], []
    if generated is None:
        scan = project.scan(lang, rel)
        day = history.day_of(f"docs/{lang}/{rel}", *(scan.data_files if scan else ()))
        cited = project.cited_sources(lang, rel)
        if scan is not None and "briefing:claim-review" in scan.body:
            reviews = claim_reviews(
                with_quotes(scan.body, lang, project.data.quotes, project.sources),
                lang,
                site_url + page_url,
                site_url,
                day,
                project.data.claims,
                project.sources,
            )
    else:
        about = generated.source
        day = generated.last_changed(history)
    return cite_box(
        lang, title, site_url + page_url, page_url, site_url, day, cited, about, reviews
    )
