"""The briefing's source corpus and citation engine; MkDocs only at its edge.

Five layers, each importing only from itself and below (README.md, "The code, in layers";
tests/test_layers.py): leaves (errors, model, urls, load, ...), records (validate, data,
pages, project, ...), templating, presentation (render, news, exports, ...) and adapters
(`site.py` and `mkdocs_internals.py` for MkDocs, `cli.py` for editors).

The site's languages are defined here, once: mkdocs.yml must list the same (the build
checks), and strings.yml and data/glossary.yml give every one of them.
"""

SITE_LANGUAGES: tuple[str, ...] = ("en", "ja", "fr", "de")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ja": "Japanese", "fr": "French", "de": "German"}
