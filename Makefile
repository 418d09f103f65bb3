# Two commands do all the set-up on a fresh machine:
#   make serve   build the site and serve it with live reload on http://127.0.0.1:8000/
#   make test    run the tests (builds the real site once into a temporary folder; the browser
#                checks one page of each kind: `make test-full` checks every page)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1  # Material's end-of-life banner is noise for editors

# Test workers (pytest-xdist): the machine's cores; each test file runs on one worker.
WORKERS ?= auto
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test test-full test-fast lint check export-markdown new translated translations accounts rename status contested hooks clean chromium vnu

# The pinned tools, then the `briefing` package itself (editable: an edit to scripts/briefing
# is live at once), which gives the `briefing` command.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(STAMP)

# `make serve LANG=ja` previews Japanese only (of English, which the i18n plugin always
# builds, just the home page): faster, and each page says which languages it leaves out.
# LANG counts only when given on the command line (the environment's LANG is the locale).
serve: $(STAMP)
	$(if $(filter command line,$(origin LANG)),BRIEFING_LANGUAGES=$(LANG)) $(BIN)/mkdocs serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The Nu HTML Checker (tests/test_html.py): vnu.jar from the npm registry, run by Java
# (Debian's runtime and npm where the machine has none, as in the pull-request workflow's
# python:3.11 container).
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	@command -v java >/dev/null 2>&1 || { echo "Installing Debian's Java runtime for the HTML checker"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q default-jre-headless; }
	@command -v npm >/dev/null 2>&1 || { echo "Installing Debian's npm to fetch the HTML checker"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION)
vnu: $(VNU_JAR)

# Browser tests drive Debian's Chromium; Playwright cannot download browsers here.
chromium:
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

test: lint chromium vnu
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -n $(WORKERS) --dist loadfile

# Every test, with the browser checks on every page instead of one of each kind (about ten
# minutes; the pull-request workflow runs it). -m "" lifts pyproject's default -m "not full".
test-full: lint chromium vnu
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -m "" -n $(WORKERS) --dist loadfile

# The unit tests alone: no site build, no browser (seconds).
test-fast: $(STAMP) vnu
	$(BIN)/python -m pytest -m "not build and not browser"

# Lint (also the first step of `make test` and `make test-full`, so CI runs it): ruff, mypy
# (strict, on scripts/; settings in pyproject.toml), then the checks of the pre-commit hooks,
# over the text files git tracks. The two fixers (end of file, trailing whitespace) correct a
# file and fail: look at `git diff`, and run again. They leave captured sources (seeds/) and
# golden outputs, compared byte for byte, as they are.
# check-yaml --unsafe checks syntax only: mkdocs.yml has !ENV and !!python/name: tags.
TRACKED_TEXT := git grep -zIl '' --
lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy
	$(TRACKED_TEXT) '*.yml' '*.yaml' | xargs -0r $(BIN)/check-yaml --unsafe
	$(TRACKED_TEXT) | xargs -0r $(BIN)/check-merge-conflict --assume-in-merge
	$(TRACKED_TEXT) . ':!seeds/' ':!tests/golden/' | xargs -0r $(BIN)/end-of-file-fixer
	$(TRACKED_TEXT) . ':!seeds/' ':!tests/golden/' \
	  | xargs -0r $(BIN)/trailing-whitespace-fixer --markdown-linebreak-ext=md
	$(TRACKED_TEXT) | xargs -0r $(BIN)/typos --force-exclude

# Editors' commands (see CONTRIBUTING.md).
check: $(STAMP)
	$(BIN)/briefing check

# Every page of every language, fully expanded, as Markdown for another generator (DIR=...).
DIR ?= export
export-markdown: $(STAMP)
	$(BIN)/briefing export-markdown $(DIR)

# The editors' commands. A refusal prints its message (file:line: what. Fix: how) and stops;
# these targets then end quietly, without make's own "Error" line: they are for people. Scripts
# and CI call .venv/bin/briefing <command>, whose exit status says whether it was refused
# (make check keeps its status: the workflows rely on it).
new: $(STAMP)
	@if [ -z "$(TEXT)" ]; then echo "Usage: make new TEXT=article.txt   (asks for the metadata;"; \
	  echo "       or pass options: make new TEXT=article.txt ARGS='--language fr --kind news-report ...')"; \
	else $(BIN)/briefing new "$(TEXT)" $(ARGS) || true; fi

translated: $(STAMP)
	@if [ -z "$(PAGES)$(SOURCES)" ]; then echo "Usage: make translated PAGES='docs/ja/chips.md docs/fr/chips.md'"; \
	  echo "       make translated SOURCES='h200-approval-ja'   (paragraph translations of a source)"; \
	else $(BIN)/briefing translated $(PAGES) $(if $(SOURCES),--sources $(SOURCES)) || true; fi

# A contested figure as one unit of work: the claim, a section in each language, a log entry.
contested: $(STAMP)
	@if [ -z "$(CLAIM)" ]; then echo "Usage: make contested CLAIM=<claim id>"; \
	else $(BIN)/briefing contested $(CLAIM) || true; fi

# Per language, what the project still needs: texts pending, drafts awaiting review.
status: $(STAMP)
	@$(BIN)/briefing status || true

# Rename a source id or a page, with every file and reference that names it.
rename: $(STAMP)
	@if [ -z "$(OLD)" ] || [ -z "$(NEW)" ]; then echo "Usage: make rename OLD=<id or page.md> NEW=<id or page.md>"; \
	else $(BIN)/briefing rename $(OLD) $(NEW) || true; fi

# Replace an article's text held in seeds/<id>.md by slots for the site's account of each
# paragraph (seeds/<id>.accounts.yml, with the text's copy guard); the text leaves the file.
accounts: $(STAMP)
	@if [ -z "$(SOURCE)" ]; then echo "Usage: make accounts SOURCE=<source id>"; \
	else $(BIN)/briefing accounts $(SOURCE) || true; fi

translations: $(STAMP)
	@if [ -z "$(SOURCE)" ]; then echo "Usage: make translations SOURCE=<source id>"; \
	else $(BIN)/briefing translations $(SOURCE) || true; fi

hooks: $(STAMP)
	$(BIN)/pre-commit install

clean:
	rm -rf site $(VENV)
