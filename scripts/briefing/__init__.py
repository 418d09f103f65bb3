"""The briefing's source corpus and citation engine; MkDocs only at its edge.

Five layers, each importing only from itself and below (README.md, "The code, in layers";
tests/test_layers.py): leaves (errors, model, urls, load, ...), records (validate, data,
pages, project, ...), templating, presentation (render, news, exports, ...) and adapters
(`site.py` and `mkdocs_internals.py` for MkDocs, `cli.py` for editors).

The site's languages are configuration, not code: mkdocs.yml's i18n plugin lists them
(`languages.site_languages` reads them), and `languages.py` holds what each one needs.
"""

DEFAULT_LANGUAGE = "en"  # the language the briefing is written in; mkdocs.yml's default
