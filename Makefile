# One command for each habit: make run, make test, make lint, make bench.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# PostgreSQL for the second test pass (CI starts it; override to point elsewhere).
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: install run test test-sqlite test-postgres lint bench train clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Lazos needs Python 3.11+"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make run: start Lazos on SQLite (loads the bundled sample network into an empty store)
run: $(STAMP)
	$(VENV)/bin/lazos overview --sample-if-empty --connections 5

## make test: the whole suite on SQLite, then again on PostgreSQL
test: test-sqlite test-postgres

test-sqlite: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; [ $$rc -eq 5 ] && rc=0; exit $$rc

test-postgres: $(STAMP)
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== the same suite on PostgreSQL ($(PG_TEST_URL)) =="; \
		LAZOS_TEST_DATABASE_URL='$(PG_TEST_URL)' $(PY) -m pytest -q -p no:cacheprovider -m 'not slow'; rc=$$?; [ $$rc -eq 5 ] && rc=0; exit $$rc; \
	else \
		echo "!! PostgreSQL not reachable at $(PG_TEST_URL): PostgreSQL pass NOT run (CI runs it)"; \
		[ -z "$$CI" ] || exit 1; \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src

bench: $(STAMP)
	$(PY) bench/run.py

# rebuild the note reader's weights after editing src/lazos/text/training/*.tsv, and the
# second model's vectors of the knowledge phrasings after editing src/lazos/match/knowledge/*
train: $(STAMP)
	$(PY) -m lazos.text.kind_model
	$(PY) -m lazos.match.phrasings

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
