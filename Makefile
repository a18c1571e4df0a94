# GNU make. Every target that needs Python installs what it needs first (make venv), idempotently.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

# Student work written while notebooks run unattended (make notebooks, nbval) goes here, never into
# the repo, emptied first so both runs see the same state. nbval uses a folder of its own per
# checkout (two clones can run `make test` at once); tests/nbval_sanitize.cfg maps it back to the
# path the committed outputs show. Students sign in with notebook 0's box; nobody types in it in an
# unattended run, so the run's student comes from KIT_STUDENT.
NOTEBOOKS_WORK_DIR := /tmp/kit-nbval-work
NOTEBOOKS_STUDENT := student
NBVAL_WORK_DIR := $(NOTEBOOKS_WORK_DIR)-$(shell printf %s "$(CURDIR)" | md5sum | cut -c1-8)

# Every notebook, in one fixed order (checkpoints excluded); nbval gets the same list and order.
NOTEBOOKS = $(shell find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | LC_ALL=C sort)
PY_DIRS := kit tests benchmarks
ALLOW_ROOT := $(shell [ $$(id -u) = 0 ] && echo --allow-root)

.PHONY: venv chromium node widgets lab test unit nbval browser stress notebooks bench lint format \
	clean nbgrader-check devdata

# ---------------------------------------------------------------- internal
venv: $(STAMP)

# The runtime set (requirements.txt: the kit, JupyterLab, nbval) plus the test and development
# tools (requirements-dev.txt includes requirements.txt). Re-installs only when either file or
# pyproject.toml changes (or kit/__init__.py first appears: the editable install maps the
# top-level package it found at install time).
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml $(wildcard kit/__init__.py)
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# esbuild, pinned in package.json and package-lock.json, for the widgets' front ends; installed
# again only when either changes. (Its install script only checks the binary: not needed.) Without
# npm the bundle test skips, so this says so and goes on.
NODE_STAMP := node_modules/.installed
node: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: tests/widgets/test_bundles.py will skip" >&2; exit 0; }; \
		npm ci --ignore-scripts --no-audit --no-fund && touch $@

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

# ---------------------------------------------------------------- for people
# LAB_ARGS passes more options to JupyterLab, e.g. make lab LAB_ARGS="--port=8899 --no-browser".
# The course notebooks are trusted first (`jupyter trust` signs them in the user's Jupyter data
# folder; the files are not changed), so their saved outputs show as they were made. The views keep
# their look in an untrusted notebook too (inline styles), for notebooks opened some other way.
LAB_ARGS ?=
lab: venv
	@[ -z "$(NOTEBOOKS)" ] || $(BIN)/jupyter trust $(NOTEBOOKS) >/dev/null
	env -u KIT_WORK_DIR $(BIN)/jupyter lab $(ALLOW_ROOT) --notebook-dir=notebooks \
		$(LAB_ARGS) notebooks/00_start_here.ipynb

# `make test` leaves the checkout as it was: what git shows (untracked and ignored files included)
# under the course and code folders after the run is what it showed before, caches aside.
# Outside a git checkout (a source archive) the check says so and is skipped.
CHECKOUT_DIRS := notebooks seeds tests kit
LEFTOVERS_BEFORE := /tmp/kit-test-leftovers-$(shell printf %s "$(CURDIR)" | md5sum | cut -c1-8)
LEFTOVERS = git status --porcelain --ignored -- $(CHECKOUT_DIRS) | grep -v -e '__pycache__/' || true

test: venv chromium
	@$(LEFTOVERS) > $(LEFTOVERS_BEFORE)
	$(BIN)/ruff check $(PY_DIRS)
	$(BIN)/ruff format --check $(PY_DIRS)
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory nbval
	$(MAKE) --no-print-directory browser
	@$(MAKE) --no-print-directory check-leftovers

.PHONY: check-leftovers
check-leftovers:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { \
		echo "not a git checkout: skipping the check that tests left nothing behind"; exit 0; }; \
	[ -f $(LEFTOVERS_BEFORE) ] || : > $(LEFTOVERS_BEFORE); \
	new=$$($(LEFTOVERS) | LC_ALL=C sort | LC_ALL=C comm -13 <(LC_ALL=C sort $(LEFTOVERS_BEFORE)) -); \
	if [ -n "$$new" ]; then \
		echo "the tests left these behind in $(CHECKOUT_DIRS) (git status --porcelain --ignored):" >&2; \
		echo "$$new" >&2; exit 1; \
	fi; echo "the tests left nothing behind in $(CHECKOUT_DIRS)"

unit: venv node
	$(BIN)/pytest -m "not browser" tests

nbval: venv
	@[ -n "$(NOTEBOOKS)" ] || { echo "no notebooks found under notebooks/" >&2; exit 1; }
	rm -rf $(NBVAL_WORK_DIR)
	KIT_WORK_DIR=$(NBVAL_WORK_DIR) KIT_STUDENT=$(NOTEBOOKS_STUDENT) $(BIN)/pytest --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg $(NOTEBOOKS)

browser: venv chromium
	$(BIN)/pytest -m browser tests

# The widgets' front ends: the ES modules in kit/widgets/js/ bundled into kit/widgets/static/ (the
# files anywidget loads; commit them). tests/widgets/test_bundles.py fails while they are stale.
widgets: node
	npm run --silent build

# The long runs: fuzzing with 5000 examples per property test and new random examples (not the
# fixed ones `make unit` runs), then every property test in the suite the same way.
stress: venv
	KIT_FUZZ_EXAMPLES=5000 $(BIN)/pytest -m "not browser" --hypothesis-profile=explore \
		tests/test_fuzz.py tests/test_segment.py tests/test_sources.py tests/test_quiz_release.py \
		tests/test_trust_fuzz.py

# Re-execute every notebook in place (nbconvert runs each kernel in the notebook's own folder).
notebooks: venv
	@[ -n "$(NOTEBOOKS)" ] || { echo "no notebooks found under notebooks/" >&2; exit 1; }
	rm -rf $(NOTEBOOKS_WORK_DIR)
	KIT_WORK_DIR=$(NOTEBOOKS_WORK_DIR) KIT_STUDENT=$(NOTEBOOKS_STUDENT) $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.store_widget_state=False $(NOTEBOOKS)

# Opt-in, not in `make test`: the kit's release and collect with a real nbgrader (release_assignment,
# fetch_assignment, submit, collect), installed into its own venv (nbgrader is not a kit dependency).
NBGRADER_VENV := .nbgrader-venv
NBGRADER_VERSION := 0.9.6
nbgrader-check: venv
	@[ -x $(NBGRADER_VENV)/bin/nbgrader ] || { $(PYTHON) -m venv $(NBGRADER_VENV) && \
		$(NBGRADER_VENV)/bin/python -m pip install --quiet nbgrader==$(NBGRADER_VERSION); }
	env -u KIT_WORK_DIR $(BIN)/python tests/nbgrader_roundtrip.py --nbgrader-bin $(NBGRADER_VENV)/bin

# Opt-in, not in `make test`: retake the pictures in docs/images/ in a real JupyterLab
# (the Highlighter with a few highlights, the class dashboard on a demo class).
.PHONY: screenshots
screenshots: venv chromium
	env -u KIT_WORK_DIR PYTHONPATH=$(CURDIR) $(BIN)/python docs/screenshots.py

bench: venv
	@shopt -s nullglob; for f in benchmarks/bench_*.py; do \
		echo "== $$f"; $(BIN)/python $$f; \
	done

# Outside development data (never committed, never needed by tests) into .devdata/, from fetched
# git snapshots: POLNEAR=, SUBJECTIVITY=, CHECKWORTHY=, GERMAN= (or KIT_POLNEAR ...) give their
# git folders.
devdata:
	$(PYTHON) benchmarks/devdata.py $(if $(POLNEAR),--polnear $(POLNEAR)) \
		$(if $(SUBJECTIVITY),--subjectivity $(SUBJECTIVITY)) \
		$(if $(CHECKWORTHY),--checkworthy $(CHECKWORTHY)) \
		$(if $(GERMAN),--german $(GERMAN))

lint: venv
	$(BIN)/ruff check $(PY_DIRS)
	$(BIN)/ruff format --check $(PY_DIRS)

format: venv
	$(BIN)/ruff check --fix $(PY_DIRS)
	$(BIN)/ruff format $(PY_DIRS)

clean:
	rm -rf $(VENV) $(NBGRADER_VENV) node_modules .pytest_cache .ruff_cache .hypothesis test-artifacts *.egg-info
	find . -path ./.git -prune -o -type d \( -name __pycache__ -o -name .ipynb_checkpoints \) \
		-prune -exec rm -rf {} +
