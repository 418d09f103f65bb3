"""The briefing's source corpus and citation engine, independent of MkDocs.

Stages, one module each: load (files -> raw records with line maps), validate
(raw records -> typed Source records, problems), citations (parse `[@id, ¶n]`),
pages (scan the hand-written pages), render (Jinja -> HTML/Markdown).
Only `site.py` and `scripts/hooks.py` know about MkDocs.
"""

SITE_LANGUAGES: tuple[str, ...] = ("en", "ja", "fr", "de")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ja": "Japanese", "fr": "French", "de": "German"}
