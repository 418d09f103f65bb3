"""When are two sources the same article? Same address, or same text.

Addresses are compared after removing what does not change the article (scheme,
`www.`, a trailing slash, the fragment, tracking parameters). Texts are compared by a
hash of their words, so re-wrapped lines or different spacing do not hide a copy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_[a-z]+|ref|ref_src|cmpid|ncid|guccounter)$")
_SPACE = re.compile(r"\s+")


def normalise_url(url: str) -> str:
    """A key for an address: https, lower-case host without www., no tracking or fragment."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING.match(k.lower())
        )
    )
    path = parts.path.rstrip("/") or ""
    return f"https://{host}{path}" + (f"?{query}" if query else "")


def without_tracking(url: str) -> str:
    """The address as given, minus tracking parameters and the fragment."""
    parts = urlsplit(url.strip())
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING.match(k.lower())
        ]
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def page_digest(body: str) -> str:
    """A page's text identified for the `translated_from` stamp (freshness.py): 12 hex digits
    of a hash of its text without front matter, trailing spaces and blank runs ignored."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    normal = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def text_hash(text: str) -> str | None:
    """A hash of the words of a text (Unicode-normalised, case and spacing ignored).

    Returns None for a text too short to identify an article.
    """
    words = _SPACE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    if len(words) < 40:
        return None
    return hashlib.sha256(words.encode("utf-8")).hexdigest()
